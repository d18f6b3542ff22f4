//! Find (Ctrl+F) in the real app: Bengali-aware folding, and Enter selects the match.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

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
            PathokApp::with_settings(
                &cc.egui_ctx,
                // The interface in English whatever the machine's locale.
                Settings {
                    language: Some(pathok::i18n::Language::English),
                    ..Settings::default()
                },
                Some(path),
            )
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

#[test]
fn enter_hands_the_match_to_the_tag_keys_and_esc_keeps_it_selected() {
    let (_dir, article) = common::workspace();
    let mut h = open(article.to_str().unwrap());
    search(&mut h, "গণমাধ্যম");
    h.key_press(egui::Key::Enter);
    h.run();
    // Esc closes the bar; the match stays selected for the tag keys.
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(
        h.state_mut().find_bar().is_none(),
        "Esc closes the find bar"
    );
    let selected = h.state().reader().selection().expect("still selected");
    assert_eq!(h.state().article().text.slice(selected), "গণমাধ্যম");

    search(&mut h, "সৌভাগ্যের");
    h.key_press(egui::Key::Enter);
    h.run();
    h.key_press(egui::Key::Num2);
    h.run();
    let find = h.state_mut().find_bar().expect("the bar stays open");
    assert_eq!(
        find.query(),
        "সৌভাগ্যের",
        "2 is not typed into the search box"
    );
    let set = &h.state().session().set;
    assert_eq!(set.len(), 1, "2 tagged the match");
    let a = set.iter().next().unwrap();
    assert_eq!(a.quote, "সৌভাগ্যের");
    assert_eq!(a.tags, ["সমালোচনা"]);

    // F3 goes on to the next match from the reader, ready for the next key.
    search(&mut h, "রাষ্ট্রীয়");
    h.key_press(egui::Key::Enter);
    h.run();
    h.key_press(egui::Key::F3);
    h.run();
    h.key_press(egui::Key::H);
    h.run();
    let text = h.state().article().text.as_str().to_owned();
    let second = text[..text.rfind("রাষ্ট্রীয়").unwrap()].chars().count();
    let set = &h.state().session().set;
    assert_eq!(set.len(), 2);
    assert!(
        set.iter()
            .any(|a| a.start.0 == second && a.quote == "রাষ্ট্রীয়"),
        "F3 moved to the second match and H highlighted it"
    );
}

/// A fast typist: the first key after Ctrl+F comes in the very next frame (eframe draws
/// only when something happens), before the find bar has ever been drawn. It must land
/// in the field, not be lost or go to the reader as a shortcut.
#[test]
fn the_first_key_after_ctrl_f_lands_in_the_field() {
    let (_dir, article) = common::workspace();
    let mut h = open(article.to_str().unwrap());
    for round in 0..2 {
        common::press_in_one_frame(&mut h, egui::Modifiers::COMMAND, egui::Key::F);
        for c in "পুতিন".chars() {
            h.event(egui::Event::Text(c.to_string()));
            h.step();
        }
        h.run();
        let find = h.state_mut().find_bar().expect("find bar open");
        assert_eq!(find.query(), "পুতিন", "round {round}");
        // Closed and opened again: the same holds.
        h.key_press(egui::Key::Escape);
        h.run();
    }
    assert!(h.state().session().set.is_empty(), "no key was a shortcut");
}
