//! Annotating in the real app (egui_kittest): select with the mouse, then code with
//! the keyboard; the sidecar on disk must say exactly what was selected.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pathok::annotate::Annotation;
use pathok::text::{SourceText, is_cluster_boundary};
use pathok::ui::PathokApp;
use pathok::ui::settings::Settings;
use pathok::ui::theme::ReaderTheme;
use unicode_normalization::UnicodeNormalization as _;

use common::{click, drag, locate, offset_of, workspace};

fn app(path: &Path, theme: ReaderTheme) -> Harness<'static, PathokApp> {
    let path = path.to_owned();
    let settings = Settings {
        theme,
        author: "tester".into(),
        // The interface in English whatever the machine's locale.
        language: Some(pathok::i18n::Language::English),
        ..Settings::default()
    };
    let mut h = Harness::builder()
        .with_size([1200.0, 720.0])
        .with_step_dt(1.0 / 60.0)
        .wgpu()
        .build_eframe(move |cc| PathokApp::with_settings(&cc.egui_ctx, settings, Some(path)));
    h.run();
    h
}

/// Save now (Ctrl+S) and read the sidecar back from disk.
fn saved(h: &mut Harness<'static, PathokApp>, article: &Path) -> Vec<Annotation> {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    let sidecar = pathok::store::sidecar_path(article);
    let (file, _) = pathok::store::read_sidecar_file(&sidecar).expect("sidecar written");
    file.annotations
}

fn canonical(article: &Path) -> SourceText {
    let bytes = std::fs::read(article).expect("article");
    SourceText::new(
        pathok::article::decode_text(article, &bytes)
            .expect("decodes")
            .text,
    )
}

#[test]
fn drag_across_a_line_break_then_h_writes_the_exact_quote_to_the_sidecar() {
    let (_dir, article) = workspace();
    let mut h = app(&article, ReaderTheme::Light);
    // From inside কোরিয়ার to inside কৌশলগত on the next line.
    let from = locate(&h, offset_of(&h, "কোরিয়ার") + 1);
    let to = locate(&h, offset_of(&h, "কৌশলগত") + 3);
    drag(&mut h, from, to);
    h.key_press(egui::Key::H);
    h.run();
    let annotations = saved(&mut h, &article);
    assert_eq!(annotations.len(), 1);
    let a = &annotations[0];
    let text = canonical(&article);
    assert_eq!(text.slice(a.range()), a.quote, "text[start:end] == quote");
    assert!(is_cluster_boundary(&text, a.start) && is_cluster_boundary(&text, a.end));
    assert!(a.quote.starts_with("কোরিয়ার"), "{:?}", a.quote);
    assert!(
        a.quote.contains("রাষ্ট্রীয়") && a.quote.contains('\n'),
        "{:?}",
        a.quote
    );
    assert!(a.quote.ends_with("কৌশ"), "{:?}", a.quote);
    assert_eq!(a.author, "tester");
}

#[test]
fn double_click_then_2_tags_with_codebook_tag_2_and_undo_redo_follow_on_disk() {
    let (_dir, article) = workspace();
    let mut h = app(&article, ReaderTheme::Light);
    let at = locate(&h, offset_of(&h, "গণমাধ্যম") + 3);
    click(&mut h, at);
    click(&mut h, at);
    h.run();
    h.key_press(egui::Key::Num2);
    h.run();
    let annotations = saved(&mut h, &article);
    assert_eq!(annotations.len(), 1);
    assert_eq!(annotations[0].quote, "গণমাধ্যম");
    assert_eq!(annotations[0].tags, ["সমালোচনা"]);

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(
        saved(&mut h, &article).is_empty(),
        "undo removes it from the sidecar"
    );
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    let again = saved(&mut h, &article);
    assert_eq!(again.len(), 1, "redo restores it");
    assert_eq!(again[0].id, annotations[0].id);
}

#[test]
fn a_bengali_note_with_o_kar_is_stored_in_nfc() {
    let (_dir, article) = workspace();
    let mut h = app(&article, ReaderTheme::Light);
    let at = locate(&h, offset_of(&h, "দেশের") + 1);
    click(&mut h, at);
    click(&mut h, at);
    h.run();
    h.key_press(egui::Key::N);
    h.run();
    // Type as a keyboard does: one char at a time, ো as one key.
    for c in "কোনো মন্তব্য নেই, বৌদি".chars() {
        h.event(egui::Event::Text(c.to_string()));
        h.step();
    }
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    h.run();
    let annotations = saved(&mut h, &article);
    let expected: String = "কোনো মন্তব্য নেই, বৌদি".nfc().collect();
    assert_eq!(annotations[0].note, expected);
    assert!(annotations[0].note.contains('\u{09CB}') && annotations[0].note.contains('\u{09CC}'));
}

#[test]
fn overlapping_highlights_light() {
    overlapping_highlights(ReaderTheme::Light, "annotate_overlap_light");
}

#[test]
fn overlapping_highlights_dark() {
    overlapping_highlights(ReaderTheme::Dark, "annotate_overlap_dark");
}

/// Three annotations, two of them overlapping, with tags; one selected.
fn overlapping_highlights(theme: ReaderTheme, name: &str) {
    {
        let (_dir, article) = workspace();
        let mut h = app(&article, theme);
        for (from, to, key) in [
            ("উত্তর কোরিয়ার", ("গণমাধ্যম", 4), egui::Key::Num1),
            ("রাষ্ট্রীয়", ("দুই দেশের", 2), egui::Key::Num2),
        ] {
            let (a, b) = (
                locate(&h, offset_of(&h, from) + 1),
                locate(&h, offset_of(&h, to.0) + to.1),
            );
            drag(&mut h, a, b);
            h.key_press(key);
            h.run();
        }
        let (a, b) = (
            locate(&h, offset_of(&h, "সৌভাগ্যের")),
            locate(&h, offset_of(&h, "ক্ষতি") + 3),
        );
        drag(&mut h, a, b);
        h.key_press(egui::Key::H);
        h.run();
        assert_eq!(h.state().session().set.len(), 3);
        // Save now so the status bar says "Saved" whatever the machine's speed.
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
        h.hover_at(egui::pos2(5.0, 400.0));
        h.run();
        h.snapshot(name);
    }
}

#[test]
fn side_panel_lists_tags_and_an_orphan_after_the_article_changed() {
    let (_dir, article) = workspace();
    let mut h = app(&article, ReaderTheme::Light);
    for (word, key) in [("গণমাধ্যম", egui::Key::Num1), ("সৌভাগ্যের", egui::Key::Num2)]
    {
        let at = locate(&h, offset_of(&h, word) + 2);
        click(&mut h, at);
        click(&mut h, at);
        h.run();
        h.key_press(key);
        h.run();
        // A pause, so that the next double-click is not taken as a triple-click.
        h.run_steps(40);
    }
    assert_eq!(saved(&mut h, &article).len(), 2);
    // Someone edits the article: the first passage disappears.
    let text = std::fs::read_to_string(&article).expect("article");
    std::fs::write(&article, text.replace("গণমাধ্যম", "সংবাদপত্র")).expect("rewrite");
    let ctx = h.ctx.clone();
    h.state_mut().open(&ctx, &article);
    h.run();
    let set = &h.state().session().set;
    assert_eq!(
        set.orphans().count(),
        1,
        "the vanished passage is kept as an orphan"
    );
    assert_eq!(
        set.orphans().next().map(|a| a.quote.as_str()),
        Some("গণমাধ্যম")
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    // The notice names a temporary folder; dismiss it so the snapshot is stable.
    h.get_by_label("×").click();
    h.hover_at(egui::pos2(5.0, 400.0));
    h.run();
    h.snapshot("side_panel_orphan");
}

#[test]
fn export_dialog_writes_a_csv_with_bom_next_to_the_article() {
    let (dir, article) = workspace();
    let mut h = app(&article, ReaderTheme::Light);
    let at = locate(&h, offset_of(&h, "গণমাধ্যম") + 2);
    click(&mut h, at);
    click(&mut h, at);
    h.run();
    h.key_press(egui::Key::Num1);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_label("Export").click();
    // Until the dialog reports the result: the file alone appears before the worker
    // thread has told the dialog, which still shows its spinner then.
    for _ in 0..600 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
        if h.query_by_label_contains("Exported").is_some() {
            break;
        }
    }
    h.run();
    let csv = std::fs::read(dir.path().join("select-annotations.csv"))
        .expect("CSV written next to the article");
    assert!(
        csv.starts_with(b"\xEF\xBB\xBF"),
        "CSV starts with a BOM for Excel"
    );
    let text = String::from_utf8(csv).expect("UTF-8");
    assert!(
        text.contains("গণমাধ্যম") && text.contains("সরকারি বক্তব্য"),
        "{text}"
    );
    h.get_by_label_contains("Exported 1 annotation");
}

#[test]
fn importing_predictions_is_one_undo_step() {
    let (dir, article) = workspace();
    let mut h = app(&article, ReaderTheme::Light);
    let text = canonical(&article);
    let find = |needle: &str| {
        let byte = text.as_str().find(needle).expect("in text");
        text.as_str()[..byte].chars().count()
    };
    let a = find("গণমাধ্যম");
    let b = find("সৌভাগ্যের");
    let lines = format!(
        "{{\"article\": {p:?}, \"start\": {a}, \"end\": {ae}, \"tags\": [\"সমালোচনা\"]}}\n{{\"article\": {p:?}, \"start\": {b}, \"end\": {be}, \"note\": \"model\"}}\n",
        p = article.display().to_string(),
        ae = a + "গণমাধ্যম".chars().count(),
        be = b + "সৌভাগ্যের".chars().count(),
    );
    let predictions = dir.path().join("predictions.jsonl");
    std::fs::write(&predictions, lines).expect("write predictions");
    h.state_mut()
        .import_file(pathok::export::ImportFormat::Jsonl, &predictions);
    h.run();
    assert_eq!(
        h.state().session().set.len(),
        2,
        "{:?}",
        h.state().messages()
    );
    assert_eq!(saved(&mut h, &article).len(), 2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().session().set.len(),
        0,
        "one Ctrl+Z undoes the whole import"
    );
    assert!(
        saved(&mut h, &article).is_empty(),
        "and the sidecar follows"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert_eq!(saved(&mut h, &article).len(), 2);
}

#[test]
fn the_sample_article_has_an_example_codebook_so_1_tags_at_once() {
    let mut h = common::app(None);
    assert!(h.state().session().codebook.tags.len() >= 3);
    common::double_click_word(&mut h, "পাঠাগার");
    h.key_press(egui::Key::Num1);
    h.run();
    let set = &h.state().session().set;
    assert_eq!(set.len(), 1, "{:?}", h.state().messages());
    let a = set.iter().next().unwrap();
    assert_eq!(a.tags, [h.state().session().codebook.tags[0].name.clone()]);
    h.get_by_label_contains("Codebook (4)");
}

/// eframe calls `App::logic` but not `App::ui` while the window is minimised: the
/// autosave must not wait for the next drawn frame.
#[test]
fn autosave_writes_the_sidecar_with_the_window_hidden() {
    let (_dir, article) = workspace();
    let mut h = app(&article, ReaderTheme::Light);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.key_press(egui::Key::H);
    h.step();
    assert_eq!(h.state().session().set.len(), 1, "one highlight made");
    let sidecar = pathok::store::sidecar_path(&article);
    assert!(
        !sidecar.exists(),
        "not saved yet: the autosave waits a moment"
    );
    // Minimised from here on: only `logic` runs, never `ui`.
    std::thread::sleep(pathok::session::AUTOSAVE_DELAY + std::time::Duration::from_millis(50));
    let ctx = h.ctx.clone();
    let mut frame = eframe::Frame::_new_kittest();
    // The write runs on a thread; `logic` takes over its result when it is done.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        eframe::App::logic(h.state_mut(), &ctx, &mut frame);
        let saved = h.state().session().save_state() == pathok::session::SaveState::Saved;
        if saved || std::time::Instant::now() > deadline {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(
        h.state().session().save_state(),
        pathok::session::SaveState::Saved
    );
    let (file, _) = pathok::store::read_sidecar_file(&sidecar).expect("sidecar written");
    assert_eq!(file.annotations.len(), 1);
}

/// A notice that comes, or goes by itself, must not move what is under the pointer:
/// the banner floats over the page instead of pushing it down.
#[test]
fn a_notice_coming_and_going_does_not_move_the_page() {
    let mut h = common::app(None);
    let word = common::offset_of(&h, "পাঠাগার");
    let before = common::locate(&h, word);
    let settings = h.get_by_label("Annotations (0)").rect();
    // H with nothing selected says what to do.
    h.key_press(egui::Key::H);
    h.run();
    h.get_by_label_contains("select some text");
    assert_eq!(common::locate(&h, word), before, "the page stayed put");
    assert_eq!(h.get_by_label("Annotations (0)").rect(), settings);
    h.get_by_label("×").click();
    h.run();
    assert!(h.state().messages().is_empty());
    assert_eq!(common::locate(&h, word), before);
}
