//! The reading column stays readable with the library and the side panel open: in
//! windows 1100 and 1400 points wide, with long titles, long concordance lines and a
//! long tag name, the reader keeps its minimum, the panels keep their widths, the
//! library's edge drags and its width is remembered, and a window too narrow for all
//! three hides the side panel with a notice.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pathok::annotate::{Codebook, Color, Tag};
use pathok::ui::PathokApp;
use pathok::ui::settings::Settings;

use common::App;

/// The narrowest column the panels must leave to the reader.
const READER_MIN: f32 = 420.0;

/// A tag name longer than the side panel is wide.
const LONG_TAG: &str = "দ্বিপাক্ষিক-সম্পর্ক-ও-আঞ্চলিক-নিরাপত্তা-বিষয়ক-আলোচনা-ও-চুক্তির-প্রসঙ্গ";

/// Three articles whose titles are far longer than the library panel, each with the
/// word চুক্তি deep inside a long sentence; a codebook of one long tag.
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    let words = "দ্বিপাক্ষিক সম্পর্ক জোরদার করতে দুই দেশের প্রতিনিধিরা দীর্ঘ আলোচনার পর";
    for (name, place) in [("ক.txt", "ঢাকা"), ("খ.txt", "দিল্লি"), ("গ.txt", "কলকাতা")]
    {
        let title = format!("{place}: {words} {words} নতুন বাণিজ্য চুক্তির খসড়া চূড়ান্ত করেছেন");
        let body = format!("{words} {words} চুক্তি সই করলেন, {words} {words} {words}।");
        std::fs::write(dir.join(name), format!("{title}\n\n{body}\n")).unwrap();
    }
    let codebook = Codebook {
        tags: vec![Tag {
            name: LONG_TAG.into(),
            color: Color([0x7f, 0xb8, 0xf0]),
            description: String::new(),
        }],
    };
    pathok::store::save_codebook(&dir.join("codebook.ron"), &codebook).unwrap();
    (tmp, dir)
}

/// The app on `dir` in a window `size` points large, with `library_width` chosen.
fn app(dir: PathBuf, size: [f32; 2], library_width: Option<f32>) -> App {
    let settings = Settings {
        author: "tester".into(),
        language: Some(pathok::i18n::Language::English),
        library_width,
        ..Settings::default()
    };
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(32)
        .build_eframe(move |cc| PathokApp::with_settings(&cc.egui_ctx, settings, Some(dir)));
    h.run();
    wait(&mut h, "the scan", |h| {
        h.state()
            .library()
            .is_some_and(|l| !l.is_busy() && !l.library().rows.is_empty())
    });
    h.run();
    h
}

/// Run frames until `done` holds (background work answers within a few seconds).
fn wait(h: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    for _ in 0..600 {
        if done(h) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    panic!("timed out waiting for {what}");
}

fn idle(h: &App) -> bool {
    h.state().library().is_some_and(|l| !l.is_busy())
}

fn library_rect(h: &App) -> egui::Rect {
    h.state().library_rect().expect("the library is shown")
}

fn reader_width(h: &App) -> f32 {
    h.state()
        .reader_rect()
        .expect("the reader was drawn")
        .width()
}

/// The reader keeps its minimum, and the library and the reader the widths they had
/// at the start (`widths`): no content pushed a panel wider.
fn assert_layout(h: &App, widths: (f32, f32), when: &str) {
    let reader = reader_width(h);
    assert!(reader >= READER_MIN, "{when}: the reader is {reader} wide");
    assert!(
        (reader - widths.1).abs() < 1.0,
        "{when}: the reader went from {} to {reader}",
        widths.1
    );
    let library = library_rect(h).width();
    assert!(
        (library - widths.0).abs() < 1.0,
        "{when}: the library grew from {} to {library}",
        widths.0
    );
    assert!(
        !h.state().side_panel_squeezed(),
        "{when}: the side panel fits"
    );
}

#[test]
fn the_reader_keeps_a_readable_column_beside_the_library_and_the_side_panel() {
    for size in [[1100.0, 760.0], [1400.0, 900.0]] {
        let (_tmp, dir) = corpus();
        let mut h = app(dir, size, None);
        let width = (library_rect(&h).width(), reader_width(&h));
        assert!(
            width.0 >= 240.0,
            "{size:?}: the library is {} wide",
            width.0
        );
        assert_layout(&h, width, &format!("{size:?}, the list"));

        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
        h.run();
        for c in "চুক্তি".chars() {
            h.event(egui::Event::Text(c.to_string()));
            h.step();
        }
        h.key_press(Key::Enter);
        h.run();
        wait(&mut h, "the search", idle);
        h.run();
        assert_layout(&h, width, &format!("{size:?}, the concordance"));
        // Every line lies inside the panel (its match in full: see `concordance`).
        let panel = library_rect(&h);
        let line = h.get_by_label_contains("hit 1 of").rect();
        assert!(
            panel.min.x <= line.min.x && line.max.x <= panel.max.x,
            "{size:?}: the line {line:?} leaves the panel {panel:?}"
        );

        // Tag a hit with the long tag: the side panel lists it, the passages show it.
        h.get_by_label_contains("hit 1 of").click();
        h.run();
        h.key_press(Key::Num1);
        h.run();
        assert_eq!(
            h.state().session().set.len(),
            1,
            "{size:?}: the hit is tagged"
        );
        assert_layout(
            &h,
            width,
            &format!("{size:?}, a long tag in the side panel"),
        );
        h.get_by_label("Passages").click();
        h.run();
        wait(&mut h, "the tag in the list", |h| {
            h.state()
                .library()
                .is_some_and(|l| l.library().rows.iter().any(|r| !r.tags.is_empty()))
        });
        h.run();
        // The tag's toggle in the library (the side panel names it too).
        let panel = library_rect(&h);
        h.get_all_by_label(LONG_TAG)
            .find(|n| panel.contains(n.rect().center()))
            .expect("the tag's toggle in the passages")
            .click();
        h.run();
        wait(&mut h, "the passages", idle);
        h.run();
        h.get_by_label_contains("1 passage in 1 article");
        assert_layout(&h, width, &format!("{size:?}, the passages"));
        h.get_by_label("Statistics").click();
        h.run();
        wait(&mut h, "the statistics", idle);
        h.run();
        assert_layout(&h, width, &format!("{size:?}, the statistics"));
    }
}

#[test]
fn the_library_panel_is_forty_percent_of_a_wide_window_and_gives_way_in_a_narrow_one() {
    let (_tmp, dir) = corpus();
    let h = app(dir.clone(), [1400.0, 900.0], None);
    assert!((library_rect(&h).width() - 560.0).abs() < 1.0);
    let h = app(dir, [1100.0, 760.0], None);
    let reader = reader_width(&h);
    assert!(
        (reader - READER_MIN).abs() < 1.0,
        "the reader is {reader} wide"
    );
}

#[test]
fn the_library_panel_edge_drags_and_its_width_is_remembered() {
    let (_tmp, dir) = corpus();
    let mut h = app(dir.clone(), [1400.0, 900.0], None);
    let before = library_rect(&h);
    // Just on the reader's side of the edge: the edge is on top of the reader.
    let from = egui::pos2(before.max.x + 2.0, before.center().y);
    common::drag(&mut h, from, from - egui::vec2(150.0, 0.0));
    let chosen = h
        .state()
        .settings()
        .library_width
        .expect("the width is remembered");
    assert!(
        (chosen - (before.width() - 150.0)).abs() < 3.0,
        "dragged from {} to {chosen}",
        before.width()
    );
    assert!((library_rect(&h).width() - chosen).abs() < 1.0);

    // The next run starts with it.
    let h = app(dir.clone(), [1400.0, 900.0], Some(chosen));
    assert!((library_rect(&h).width() - chosen).abs() < 1.0);

    // Dragged far to the right, it stops where the reader keeps its minimum.
    let mut h = app(dir, [1400.0, 900.0], Some(chosen));
    let rect = library_rect(&h);
    let from = egui::pos2(rect.max.x - 2.0, rect.center().y);
    common::drag(&mut h, from, egui::pos2(1350.0, from.y));
    let reader = reader_width(&h);
    assert!(reader >= READER_MIN, "the reader is {reader} wide");
}

#[test]
fn the_side_panel_edge_drags_from_the_reader_side_and_the_reader_keeps_its_minimum() {
    let (_tmp, dir) = corpus();
    let mut h = app(dir, [1400.0, 900.0], None);
    let reader = h.state().reader_rect().unwrap();
    let from = egui::pos2(reader.max.x - 2.0, reader.center().y);
    common::drag(&mut h, from, from - egui::vec2(60.0, 0.0));
    let narrower = reader_width(&h);
    assert!(
        (reader.width() - 60.0 - narrower).abs() < 3.0,
        "the reader went from {} to {narrower}",
        reader.width()
    );
    assert!(
        h.state().reader().selection().is_none(),
        "no text was selected"
    );
    // Dragged as far as it goes, the side panel stops at the reader's minimum.
    let reader = h.state().reader_rect().unwrap();
    let from = egui::pos2(reader.max.x - 2.0, reader.center().y);
    common::drag(&mut h, from, egui::pos2(100.0, from.y));
    let reader = reader_width(&h);
    assert!(reader >= READER_MIN - 0.5, "the reader is {reader} wide");
}

#[test]
fn a_window_too_narrow_for_three_columns_hides_the_side_panel_and_says_so() {
    let (_tmp, dir) = corpus();
    let mut h = app(dir, [800.0, 700.0], None);
    assert!(h.state().side_panel_squeezed());
    let reader = reader_width(&h);
    assert!(reader >= READER_MIN, "the reader is {reader} wide");
    // The notice hides the library, and the side panel comes back.
    h.get_by_label("Side panel hidden: window too narrow")
        .click();
    h.run();
    assert!(h.state().library_rect().is_none(), "the library is hidden");
    assert!(!h.state().side_panel_squeezed());
    let reader = reader_width(&h);
    assert!(reader >= READER_MIN, "the reader is {reader} wide");
}

#[test]
fn at_its_narrowest_the_library_keeps_its_search_box_inside_the_panel() {
    let (_tmp, dir) = corpus();
    let mut h = app(dir, [1400.0, 900.0], Some(0.0));
    let panel = library_rect(&h);
    assert!(
        (panel.width() - 240.0).abs() < 1.0,
        "the library is at its minimum, {} wide",
        panel.width()
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run();
    let field = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.is_focused())
        .expect("Ctrl+Shift+F focuses the search box")
        .rect();
    assert!(
        panel.min.x <= field.min.x && field.max.x <= panel.max.x,
        "the search box {field:?} leaves the panel {panel:?}"
    );
    assert!(
        field.width() >= 120.0,
        "the search box is still usable: {} wide",
        field.width()
    );
    // The view tabs (wrapped, not cut), the Search button next to the box.
    let tabs = ["Articles", "Passages", "Statistics"].map(|t| h.get_by_label(t).rect());
    for button in h.get_all_by_label("Search").map(|n| n.rect()).chain(tabs) {
        assert!(
            button.max.x <= panel.max.x,
            "a button {button:?} leaves the panel {panel:?}"
        );
    }
}

#[test]
fn the_panel_edges_move_from_the_keyboard_and_say_their_width() {
    let (_tmp, dir) = corpus();
    let mut h = app(dir, [1400.0, 900.0], Some(400.0));
    let edge = h.get_by_role_and_label(egui::accesskit::Role::Splitter, "Library width");
    assert_eq!(edge.value().as_deref(), Some("400 points"));
    edge.focus();
    h.run();
    let step = |h: &mut App, modifiers, key| {
        h.key_press_modifiers(modifiers, key);
        h.run();
        library_rect(h).width()
    };
    assert_eq!(step(&mut h, Modifiers::NONE, Key::ArrowRight), 410.0);
    assert_eq!(step(&mut h, Modifiers::SHIFT, Key::ArrowLeft), 360.0);
    assert_eq!(
        h.state().settings().library_width,
        Some(360.0),
        "kept as for a drag"
    );
    assert_eq!(
        h.get_by_label("Library width").value().as_deref(),
        Some("360 points")
    );
    assert_eq!(step(&mut h, Modifiers::NONE, Key::Home), 240.0);
    let widest = step(&mut h, Modifiers::NONE, Key::End);
    let reader = reader_width(&h);
    assert!(
        (reader - READER_MIN).abs() < 1.0,
        "End widens the library until the reader has its minimum: {widest}, reader {reader}"
    );
    assert!(
        h.get_by_label("Library width").is_focused(),
        "the arrows moved the edge, not the focus"
    );

    // The side panel's edge: → moves it right, so the panel narrows.
    h.get_by_label("Side panel width").focus();
    h.run();
    let side = |h: &App| {
        h.get_by_label("Side panel width")
            .value()
            .expect("the edge says its width")
    };
    assert_eq!(side(&h), "340 points");
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(side(&h), "330 points");
    h.key_press(Key::Home);
    h.run();
    assert_eq!(side(&h), "240 points");
}

#[test]
fn tab_reaches_the_library_edge() {
    let (_tmp, dir) = corpus();
    let mut h = app(dir, [1400.0, 900.0], None);
    for _ in 0..200 {
        if h.get_by_label("Library width").is_focused() {
            return;
        }
        h.key_press(Key::Tab);
        h.run();
    }
    panic!("Tab never reached the library's edge");
}

/// Content wider than the side panel (a codebook row with a long tag and its buttons,
/// at the panel's narrowest) must not move the panel: egui clamped the overflowing
/// panel's rect by its inner edge, so the reader's column ran 40 points under the
/// panel and the edge was drawn off the panel.
#[test]
fn content_wider_than_the_side_panel_does_not_move_its_edge() {
    let (_tmp, dir) = corpus();
    let mut h = app(dir, [1400.0, 900.0], None);
    let reader = h.state().reader_rect().unwrap();
    let from = egui::pos2(reader.max.x - 2.0, reader.center().y);
    common::drag(&mut h, from, egui::pos2(1399.0, from.y));
    h.get_by_label("Codebook (1)").click();
    h.run();
    h.run();
    let reader = h.state().reader_rect().unwrap();
    assert!(
        (reader.max.x - (1400.0 - 240.0)).abs() < 2.0,
        "the reader ends at {} under a side panel of 240 points in a 1400-point window",
        reader.max.x
    );
    // The long tag's buttons and the Note tab wrap instead of running off the window.
    let buttons = ["Rename", "Delete"].map(|b| h.get_all_by_label(b).next().unwrap().rect());
    for rect in buttons.into_iter().chain([h.get_by_label("Note").rect()]) {
        assert!(rect.max.x <= 1400.0, "{rect:?} runs off the window");
    }
}
