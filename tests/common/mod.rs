//! Helpers shared by the GUI tests: find text on screen and use the mouse on it.

#![allow(dead_code)] // Each test binary uses part of these helpers.

use std::path::PathBuf;

use egui_kittest::Harness;
use pathok::annotate::{Codebook, Color, Tag};
use pathok::text::CharOffset;
use pathok::ui::PathokApp;
use pathok::ui::settings::Settings;

/// The app under test.
pub type App = Harness<'static, PathokApp>;

/// Char offset of the first occurrence of `needle` in the article's canonical text.
pub fn offset_of(h: &App, needle: &str) -> usize {
    let text = h.state().article().text.as_str();
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in the article"));
    text[..byte].chars().count()
}

/// Where the char at `offset` is drawn (it must be on screen).
pub fn locate(h: &App, offset: usize) -> egui::Pos2 {
    h.state()
        .reader()
        .locate(&h.ctx, CharOffset(offset))
        .unwrap_or_else(|| panic!("offset {offset} is not on screen"))
}

/// Press and release the primary button at `pos`, one frame apart.
pub fn click(h: &mut App, pos: egui::Pos2) {
    h.hover_at(pos);
    h.drag_at(pos);
    h.step();
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.step();
}

/// Drag with the primary button from `from` to `to` in small steps.
pub fn drag(h: &mut App, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for step in 1..=6 {
        h.hover_at(from + (to - from) * (step as f32 / 6.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
}

/// The article the annotating tests select in.
pub const ARTICLE: &str = "tests/data/articles/select.txt";

/// A copy of the test article (and a codebook of two tags) in a fresh folder, so
/// that sidecars are written there.
pub fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("select.txt");
    std::fs::copy(ARTICLE, &article).expect("copy article");
    let codebook = Codebook {
        tags: vec![
            Tag {
                name: "সরকারি বক্তব্য".into(),
                color: Color([0x7f, 0xb8, 0xf0]),
                description: String::new(),
            },
            Tag {
                name: "সমালোচনা".into(),
                color: Color([0xf4, 0x9a, 0xc1]),
                description: String::new(),
            },
        ],
    };
    pathok::store::save_codebook(&dir.path().join("codebook.ron"), &codebook).expect("codebook");
    (dir, article)
}

/// The app on `path` (the sample article when `None`) in a 1200×760 window, 60 frames
/// a second (double-clicks are timed), author "tester", settled.
pub fn app(path: Option<PathBuf>) -> App {
    app_with_max_steps(path, 4)
}

/// The app as [`app`] makes it, with `run` allowed up to `max_steps` frames to settle:
/// the library's background work (the scan, the refresh every few seconds) asks for
/// frames from its own threads, and may finish during any `run`.
pub fn app_with_max_steps(path: Option<PathBuf>, max_steps: u64) -> App {
    let settings = Settings {
        author: "tester".into(),
        // The interface in English whatever the machine's locale.
        language: Some(pathok::i18n::Language::English),
        ..Settings::default()
    };
    let mut h = Harness::builder()
        .with_size([1200.0, 760.0])
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(max_steps)
        .build_eframe(move |cc| PathokApp::with_settings(&cc.egui_ctx, settings, path));
    h.run();
    h
}

/// Double-click the first `word` of the article (selecting it).
pub fn double_click_word(h: &mut App, word: &str) {
    let at = locate(h, offset_of(h, word) + 2);
    click(h, at);
    click(h, at);
    h.run();
}

/// Press each key in turn, a frame or more apart, as a typist does.
pub fn press(h: &mut App, keys: &[egui::Key]) {
    for key in keys {
        h.key_press(*key);
        h.run();
    }
}

/// Press and release `key` with `modifiers` in ONE frame, as a real window delivers a
/// quick key press (`xdotool key ctrl+f`): egui_kittest's `key_press` gives the press and
/// the release a frame each, which hides a dialog that takes the keyboard a frame late.
pub fn press_in_one_frame(h: &mut App, modifiers: egui::Modifiers, key: egui::Key) {
    let events = &mut h.input_mut().events;
    events.push(egui::Event::ModifiersChanged(modifiers));
    for pressed in [true, false] {
        events.push(egui::Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers,
        });
    }
    events.push(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    h.step();
}
