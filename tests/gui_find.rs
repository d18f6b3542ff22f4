//! Find (Ctrl+F) in the real app: Bengali-aware folding, and Enter selects the match.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pathok::ui::PathokApp;
use pathok::ui::settings::Settings;

fn open(path: &str) -> Harness<'static, PathokApp> {
    let path = PathBuf::from(path);
    let mut h = Harness::builder()
        .with_size([900.0, 700.0])
        .build_eframe(move |cc| {
            PathokApp::with_settings(&cc.egui_ctx, Settings::default(), Some(path))
        });
    h.run();
    h
}

fn found(h: &mut Harness<'static, PathokApp>) -> Vec<String> {
    let matches = h
        .state_mut()
        .find_bar()
        .expect("find bar open")
        .matches()
        .to_vec();
    let text = &h.state().article().text;
    matches.iter().map(|r| text.slice(*r).to_owned()).collect()
}

fn search(h: &mut Harness<'static, PathokApp>, query: &str) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    // Ctrl+F puts the keyboard focus in the find field: type as a keyboard does.
    for c in query.chars() {
        h.event(egui::Event::Text(c.to_string()));
        h.step();
    }
    h.run();
}

#[test]
fn khanda_ta_is_found_in_both_spellings() {
    let mut h = open("tests/data/bengali-samples.txt");
    search(&mut h, "ৎ");
    let hits = found(&mut h);
    assert!(hits.iter().any(|m| m.contains('ৎ')), "{hits:?}");
    assert!(hits.iter().any(|m| m.contains("ত্\u{200D}")), "{hits:?}");
}

#[test]
fn the_old_spelling_finds_the_new_one_and_enter_selects_it() {
    let mut h = open("tests/data/bengali-samples.txt");
    search(&mut h, "উত্\u{200D}সব");
    let hits = found(&mut h);
    assert_eq!(hits, ["উৎসব", "উত্\u{200D}সব"]);
    h.key_press(egui::Key::Enter);
    h.run();
    let selected = h
        .state()
        .reader()
        .selection()
        .expect("Enter selects the match");
    assert_eq!(h.state().article().text.slice(selected), "উৎসব");
    h.get_by_label_contains("1 of 2");
}
