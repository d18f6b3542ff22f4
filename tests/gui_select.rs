//! Selecting Bengali text with the mouse in the real app: drags, double and triple
//! clicks snap to grapheme clusters, and copying gives the canonical text.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use pathok::text::{CharRange, is_cluster_boundary};
use pathok::ui::PathokApp;
use pathok::ui::settings::Settings;

use common::{click, drag, locate, offset_of};

fn harness(path: &Path) -> Harness<'static, PathokApp> {
    let path = PathBuf::from(path);
    let mut h = Harness::builder()
        .with_size([900.0, 700.0])
        .with_step_dt(1.0 / 60.0)
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

fn copied(h: &Harness<'static, PathokApp>) -> Option<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
}

const ARTICLE: &str = "tests/data/articles/select.txt";

#[test]
fn drag_inside_words_across_a_line_break_snaps_to_clusters_and_copies_canonical_text() {
    let mut h = harness(Path::new(ARTICLE));
    // From inside কোরিয়ার (after কো) on line 1 to inside কৌশলগত on line 2.
    let start = offset_of(&h, "কোরিয়ার") + 1; // inside the cluster কো
    let end = offset_of(&h, "কৌশলগত") + 3; // inside শ… after কৌ
    let from = locate(&h, start);
    let to = locate(&h, end);
    assert!(to.y > from.y, "the drag must cross a line break");
    drag(&mut h, from, to);
    let range = h
        .state()
        .reader()
        .selection()
        .expect("a selection after the drag");
    let text = &h.state().article().text;
    assert!(is_cluster_boundary(text, range.start) && is_cluster_boundary(text, range.end));
    let quote = text.slice(range).to_owned();
    assert!(
        quote.starts_with("কো"),
        "selection starts inside a cluster: {quote:?}"
    );
    assert!(quote.contains('\n'));
    assert!(quote.ends_with("কৌশ") || quote.ends_with("কৌ"), "{quote:?}");

    h.event(egui::Event::Copy);
    h.step();
    let clipboard = copied(&h).expect("Ctrl+C copies");
    assert_eq!(clipboard, quote);
    assert!(
        clipboard.contains('\u{09CB}'),
        "copy must give ো as written, not ে+া"
    );
}

#[test]
fn double_click_selects_a_whole_word_and_triple_click_the_paragraph() {
    let mut h = harness(Path::new(ARTICLE));
    let word = offset_of(&h, "রাষ্ট্রীয়");
    let at = locate(&h, word + 4);
    click(&mut h, at);
    click(&mut h, at);
    h.run();
    let range = h
        .state()
        .reader()
        .selection()
        .expect("double click selects");
    assert_eq!(h.state().article().text.slice(range), "রাষ্ট্রীয়");
    click(&mut h, at);
    h.run();
    let range = h
        .state()
        .reader()
        .selection()
        .expect("triple click selects");
    let paragraph = h.state().article().text.slice(range).to_owned();
    assert!(
        paragraph.starts_with("উত্তর") && paragraph.ends_with("নি।"),
        "{paragraph:?}"
    );
    assert!(paragraph.contains('\n'), "the paragraph spans two lines");
}

#[test]
fn ctrl_a_selects_everything_and_escape_clears() {
    let mut h = harness(Path::new(ARTICLE));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    let len = h.state().article().text.char_len();
    assert_eq!(h.state().reader().selection(), Some(CharRange::new(0, len)));
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().reader().selection(), None);
}

/// A double click picks the word whose letters are under the pointer, also over the
/// right half of its last letter: the nearest boundary there is the word's end, and the
/// word "at" the end is the space after it (nothing was selected) — in a real window,
/// a double click near the end of গণমাধ্যম selected nothing or the next word.
#[test]
fn double_click_over_the_last_letter_of_a_word_selects_that_word() {
    let mut h = harness(Path::new(ARTICLE));
    for word in ["গণমাধ্যম", "দেশের", "গভীর"] {
        let end = offset_of(&h, word) + word.chars().count();
        let last = locate(&h, end - 1);
        let boundary = locate(&h, end);
        assert!(
            boundary.x > last.x + 4.0,
            "{word}: the last letter has a width"
        );
        // Three quarters across the last letter: nearer the end than its start.
        let at = egui::pos2(last.x + (boundary.x - last.x) * 0.75, boundary.y);
        click(&mut h, at);
        click(&mut h, at);
        h.run();
        let range = h.state().reader().selection();
        assert_eq!(
            range.map(|r| h.state().article().text.slice(r).to_owned()),
            Some(word.to_owned()),
            "double click at {at:?} near the end of {word}"
        );
        // Let the next pair of clicks be a new double click.
        for _ in 0..40 {
            h.step();
        }
    }
}
