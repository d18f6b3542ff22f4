//! The compare view driven by keys and clicks: F8 opens it and walks the differences
//! between two coders, "Adopt" copies one coder's version into the reconciled coding,
//! and undo takes the adoption back in one step.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use pathok::annotate::Color;
use pathok::session::Session;
use pathok::text::CharRange;

use common::{App, click, workspace};

/// rina and sumon both code রাষ্ট্রীয় (with different tags); rina alone codes
/// গণমাধ্যম, sumon alone সৌভাগ্যের.
fn two_coders(article: &Path) {
    let loaded = pathok::article::load(article).unwrap();
    let (mut session, _) = Session::open(article, &loaded);
    for (word, coder, tag) in [
        ("রাষ্ট্রীয়", "rina", "সরকারি বক্তব্য"),
        ("রাষ্ট্রীয়", "sumon", "সমালোচনা"),
        ("গণমাধ্যম", "rina", "সমালোচনা"),
        ("সৌভাগ্যের", "sumon", "সমালোচনা"),
    ] {
        let range = word_range(&loaded.text, word);
        session
            .add(&loaded, range, Color::HIGHLIGHT, vec![tag.into()], coder)
            .unwrap();
    }
    assert_eq!(session.autosave(&loaded, true), None);
}

fn word_range(text: &pathok::text::SourceText, word: &str) -> CharRange {
    let start = text.as_str().split(word).next().unwrap().chars().count();
    CharRange::new(start, start + word.chars().count())
}

fn selected_author(h: &App) -> String {
    h.state().session().selected().unwrap().author.clone()
}

#[test]
fn f8_walks_the_differences_and_an_adoption_is_one_undo_step() {
    let (_dir, article) = workspace();
    two_coders(&article);
    let mut h = common::app(Some(article));
    let text = h.state().article().text.clone();

    h.key_press(Key::F8);
    h.run();
    h.get_by_label("3 differences");
    h.get_by_label("different tags");
    h.get_by_label("only rina");
    h.get_by_label("only sumon");
    let first = word_range(&text, "রাষ্ট্রীয়");
    assert_eq!(h.state().reader().selection(), Some(first));
    assert_eq!(selected_author(&h), "rina");

    h.key_press(Key::F8);
    h.run();
    h.key_press(Key::F8);
    h.run();
    assert_eq!(
        h.state().reader().selection(),
        Some(word_range(&text, "সৌভাগ্যের"))
    );
    h.key_press_modifiers(Modifiers::SHIFT, Key::F8);
    h.run();
    assert_eq!(
        h.state().reader().selection(),
        Some(word_range(&text, "গণমাধ্যম"))
    );

    // Adopt sumon's tags for the passage both coded (the first row).
    let adopt = h
        .get_all_by_label("Adopt sumon")
        .map(|n| n.rect())
        .min_by(|a, b| a.top().total_cmp(&b.top()))
        .unwrap()
        .center();
    click(&mut h, adopt);
    h.run();
    let finals: Vec<_> = h
        .state()
        .session()
        .set
        .iter()
        .filter(|a| a.author == "final")
        .cloned()
        .collect();
    assert_eq!(finals.len(), 1);
    assert_eq!(finals[0].range(), first);
    assert_eq!(finals[0].tags, ["সমালোচনা"]);
    // The reconciled coder is not one of the compared ones: still three differences.
    h.get_by_label("3 differences");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let set = &h.state().session().set;
    assert!(set.iter().all(|a| a.author != "final"));
    assert_eq!(set.len(), 4);
}

#[test]
fn the_agreement_window_measures_the_folder_and_says_why_a_figure_is_missing() {
    let (dir, article) = workspace();
    two_coders(&article);
    let mut h = common::app(Some(article.clone()));
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Agreement…").click();
    h.run();
    h.get_by_label("Agreement between coders");
    h.get_by_label_contains("1 article(s) compared,");
    // Articles are named as they lie in the folder, not by their absolute path.
    let absolute = article.display().to_string();
    assert!(
        h.query_by_label_contains(&absolute).is_none(),
        "{absolute} shown"
    );
    // Two tags, then all tags: every figure is a number while both coders count.
    assert!(h.query_by_label_contains("— (").is_none());

    h.get_by_label("sumon").click();
    h.run();
    // A missing figure is "—" with the number of its reason, the reason listed once
    // under the tables (it made its column as wide as the sentence).
    let missing = h.get_all_by_label("— (1)").count();
    assert!(
        missing >= 2,
        "α_u and % agree are marked missing with their reason's number ({missing})"
    );
    h.get_by_label("(1) agreement needs two or more coders; only \"rina\" found");

    h.get_by_label("sumon").click();
    h.run();
    h.get_by_label("Save team report (HTML)").click();
    h.run();
    let html = std::fs::read_to_string(dir.path().join("team-report.html")).unwrap();
    assert!(
        html.contains("coder rina") && html.contains("coder sumon"),
        "{html}"
    );
}

/// With the library and the side panel open the reader is narrow; the adopt buttons
/// must still be in it, not cut off beyond the long passage and the two versions (in
/// a real 1100-point window they were out of reach until both panels were hidden).
#[test]
fn the_adopt_buttons_are_within_reach_between_the_library_and_the_side_panel() {
    let (dir, article) = workspace();
    two_coders(&article);
    let mut h = common::app_with_max_steps(Some(dir.path().to_path_buf()), 32);
    for _ in 0..600 {
        if h.state().library().is_some_and(|l| !l.is_busy()) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    h.run();
    h.key_press(Key::F8);
    h.run();
    h.get_by_label("3 differences");
    let side_panel = h.get_by_label_contains("Annotations (").rect().min.x;
    for coder in ["rina", "sumon"] {
        for button in h.get_all_by_label(&format!("Adopt {coder}")) {
            assert!(
                button.rect().max.x < side_panel,
                "Adopt {coder} at {:?}, the side panel starts at {side_panel}",
                button.rect()
            );
        }
    }
}
