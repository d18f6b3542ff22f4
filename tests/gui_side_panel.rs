//! The side panel driven by clicks and keys: filters that belong to one article and
//! say what they hide, the codebook's "new tag" field, and deleting a tag everywhere
//! after a confirmation that counts its annotations.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use pathok::annotate::Color;
use pathok::session::Session;

use common::{App, click, double_click_word, offset_of, workspace};

fn app(path: &Path) -> App {
    common::app(Some(path.to_owned()))
}

/// Double-click `word` and press `key`.
fn code_word(h: &mut App, word: &str, key: Key) {
    double_click_word(h, word);
    h.key_press(key);
    h.run();
    // A pause, so that the next double-click is not taken as a triple-click.
    h.run_steps(40);
}

/// A second article in the same folder, with one annotation tagged `tag`, saved.
fn second_article(dir: &Path, tag: &str) -> std::path::PathBuf {
    let path = dir.join("b.txt");
    std::fs::write(&path, "দ্বিতীয়\n\nবিরোধীরা বলেছে, কিছুই ঠিক নেই।\n").unwrap();
    let article = pathok::article::load(&path).unwrap();
    let (mut session, _) = Session::open(&path, &article);
    let range = pathok::text::CharRange::new(8, 16);
    session
        .add(&article, range, Color::HIGHLIGHT, vec![tag.to_owned()], "t")
        .unwrap();
    assert_eq!(session.autosave(&article, true), None);
    path
}

fn tags_on_disk(article: &Path) -> Vec<String> {
    let (file, _) =
        pathok::store::read_sidecar_file(&pathok::store::sidecar_path(article)).unwrap();
    file.annotations
        .iter()
        .flat_map(|a| a.tags.clone())
        .collect()
}

/// Open the tag filter with a click and choose `entry` with a click.
fn filter_by(h: &mut App, entry: &str) {
    let combo = h.get_by_role_and_label(Role::ComboBox, "Tag filter").rect();
    click(h, combo.center());
    h.run();
    // The entry of the list just under the box (tag chips lower down say the same).
    let item = h
        .get_all_by_label(entry)
        .map(|n| n.rect())
        .filter(|r| r.top() >= combo.bottom())
        .min_by(|a, b| a.top().total_cmp(&b.top()))
        .expect("the entry in the list")
        .center();
    click(h, item);
    h.run();
}

#[test]
fn filters_belong_to_one_article_and_say_how_many_they_hide() {
    let (dir, article) = workspace();
    let other = second_article(dir.path(), "স্থান");
    let mut h = app(&article);
    code_word(&mut h, "গণমাধ্যম", Key::Num1);
    code_word(&mut h, "সৌভাগ্যের", Key::Num2);
    filter_by(&mut h, "সমালোচনা");
    h.get_by_label("1 annotation hidden by the filter");
    h.get_by_label("Show all").click();
    h.run();
    assert!(h.query_by_label_contains("hidden by the filter").is_none());

    filter_by(&mut h, "সমালোচনা");
    let ctx = h.ctx.clone();
    h.state_mut().open(&ctx, &other);
    h.run();
    code_word(&mut h, "বিরোধীরা", Key::H);
    assert_eq!(h.state().session().set.len(), 2);
    assert!(
        h.query_by_label_contains("No annotations yet").is_none()
            && h.query_by_label_contains("hidden by the filter").is_none(),
        "the other article starts without the old filter"
    );
    let filter = h.get_by_role_and_label(Role::ComboBox, "Tag filter");
    assert_eq!(filter.value().as_deref(), Some("All tags"));
}

#[test]
fn enter_in_new_tag_keeps_the_keyboard_there_for_the_next_tag() {
    let (_dir, article) = workspace();
    let mut h = app(&article);
    h.get_by_label_contains("Codebook (").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "New tag").click();
    h.run();
    for name in ["প্রথম", "hnt"] {
        // As a keyboard types: a key event and the text, for each letter.
        for c in name.chars() {
            if let Some(key) = Key::from_name(&c.to_uppercase().to_string()) {
                h.key_press(key);
            }
            h.event(egui::Event::Text(c.to_string()));
        }
        h.run();
        h.key_press(Key::Enter);
        h.run();
    }
    let names: Vec<String> = h
        .state()
        .session()
        .codebook
        .tags
        .iter()
        .map(|t| t.name.clone())
        .collect();
    assert_eq!(names[2..], ["প্রথম", "hnt"], "h, n, t went into the field");
    assert!(h.state().session().set.is_empty(), "no shortcut ran");
    assert!(
        h.state().messages().is_empty(),
        "{:?}",
        h.state().messages()
    );
}

#[test]
fn deleting_a_tag_asks_with_its_counts_and_removes_it_everywhere() {
    let (dir, article) = workspace();
    let other = second_article(dir.path(), "সরকারি বক্তব্য");
    let mut h = app(&article);
    code_word(&mut h, "গণমাধ্যম", Key::Num1);
    h.get_by_label_contains("Codebook (").click();
    h.run();

    // Cancel first: nothing changes.
    h.get_all_by_label("Delete").next().unwrap().click();
    h.run();
    h.get_by_label_contains("2 annotations carry “সরকারি বক্তব্য” in 2 articles");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(tags_on_disk(&other), ["সরকারি বক্তব্য"]);

    h.get_all_by_label("Delete").next().unwrap().click();
    h.run();
    h.get_by_label("Delete the tag").click();
    h.run();
    assert_eq!(tags_on_disk(&other), Vec::<String>::new());
    assert_eq!(tags_on_disk(&article), Vec::<String>::new());
    let session = h.state().session();
    assert_eq!(session.set.len(), 1, "the annotation stays, as a highlight");
    assert!(session.codebook.get("সরকারি বক্তব্য").is_none());
    let book = pathok::store::load_codebook(&dir.path().join("codebook.ron")).unwrap();
    assert_eq!(book.tags.len(), 1);
    h.get_by_label_contains("deleted from 2 annotation(s) in 2 article(s)");
}

/// `select.txt` with one passage coded by rina and one by sumon, saved.
fn two_coders(article: &Path) {
    let loaded = pathok::article::load(article).unwrap();
    let (mut session, _) = Session::open(article, &loaded);
    for (word, coder) in [("গণমাধ্যম", "rina"), ("সৌভাগ্যের", "sumon")]
    {
        let start = loaded
            .text
            .as_str()
            .split(word)
            .next()
            .unwrap()
            .chars()
            .count();
        let range = pathok::text::CharRange::new(start, start + word.chars().count());
        session
            .add(
                &loaded,
                range,
                Color::HIGHLIGHT,
                vec!["সমালোচনা".into()],
                coder,
            )
            .unwrap();
    }
    assert_eq!(session.autosave(&loaded, true), None);
}

#[test]
fn the_panel_names_each_coder_and_shows_one_coder_in_the_list_and_the_text() {
    let (_dir, article) = workspace();
    two_coders(&article);
    let mut h = app(&article);
    h.get_by_label("coder: rina");
    h.get_by_label("coder: sumon");
    assert_eq!(h.state().reader().highlights().len(), 2);

    let combo = h.get_by_role_and_label(Role::ComboBox, "Coder").rect();
    click(&mut h, combo.center());
    h.run();
    let item = h
        .get_all_by_label("coder: sumon")
        .map(|n| n.rect())
        .filter(|r| r.top() >= combo.bottom())
        .min_by(|a, b| a.top().total_cmp(&b.top()))
        .expect("sumon in the list")
        .center();
    click(&mut h, item);
    h.run();
    h.get_by_label("1 annotation hidden by the filter");
    assert!(h.query_by_label("coder: rina").is_none());
    let shown = h.state().reader().highlights();
    assert_eq!(shown.len(), 1, "the text shows sumon's passage only");
    let sumon = offset_of(&h, "সৌভাগ্যের");
    assert_eq!(shown[0].range.start.0, sumon);

    h.get_by_label("Show all").click();
    h.run();
    h.get_by_label("coder: rina");
    assert_eq!(h.state().reader().highlights().len(), 2);
}

/// The label of the first row note fully inside the list's visible part (below
/// `below`), and where it is.
fn a_visible_note(h: &App, below: f32) -> (String, f32) {
    let mut notes: Vec<(String, f32)> = h
        .query_all_by_label_contains("note-")
        .map(|n| {
            // A label keeps its text as its value.
            let label = n.accesskit_node().value().unwrap_or_default();
            (label, n.rect().min.y)
        })
        .filter(|(_, y)| *y > below && *y < 600.0)
        .collect();
    notes.sort_by(|a, b| a.1.total_cmp(&b.1));
    notes.into_iter().next().expect("a note on screen")
}

/// Scroll by `points` at `at` as a touchpad does: in one frame, not smoothed.
fn wheel(h: &mut App, at: egui::Pos2, points: f32) {
    h.hover_at(at);
    for (phase, delta) in [
        (egui::TouchPhase::Start, 0.0),
        (egui::TouchPhase::Move, points),
        (egui::TouchPhase::End, 0.0),
    ] {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, delta),
            phase,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
    }
    h.run_steps(10);
}

/// Rows of the annotation list above the view have estimated heights; scrolling up
/// measures them as they come in. The rows on screen must move by the scroll alone,
/// not jump by the estimate's error.
#[test]
fn scrolling_the_list_up_moves_the_rows_by_the_scroll_alone() {
    let (_dir, article) = workspace();
    let loaded = pathok::article::load(&article).unwrap();
    let len = loaded.text.char_len();
    let (mut session, _) = Session::open(&article, &loaded);
    for i in 0..300 {
        // Quotes and notes of very different lengths: rows from three lines to ten.
        let start = (i * 7) % (len - 170);
        let range = pathok::text::CharRange::new(start, start + 5 + (i * 37) % 160);
        let id = session
            .add(&loaded, range, Color::HIGHLIGHT, Vec::new(), "t")
            .unwrap();
        let filler = "দীর্ঘ টীকা ".repeat((i * 5) % 11);
        session.set_note(id, format!("note-{i} {filler}")).unwrap();
    }
    assert_eq!(session.autosave(&loaded, true), None);
    let mut h = app(&article);
    let (_, top) = a_visible_note(&h, 0.0);
    let panel = h
        .query_all_by_label_contains("note-")
        .next()
        .unwrap()
        .rect();
    let at = egui::pos2(panel.center().x, 400.0);
    // Far down in one go: the rows passed over are never measured.
    wheel(&mut h, at, -12_000.0);
    let (label, before) = a_visible_note(&h, top - 40.0);
    for step in 0..8 {
        let was = a_visible_note_y(&h, &label);
        wheel(&mut h, at, 37.0);
        let now = a_visible_note_y(&h, &label);
        assert!(
            (now - was - 37.0).abs() < 1.0,
            "step {step}: {label} moved from {was} to {now} (scrolled by 37)"
        );
    }
    assert!(a_visible_note_y(&h, &label) > before);
}

/// Where the note labelled `label` is on screen.
fn a_visible_note_y(h: &App, label: &str) -> f32 {
    h.get_by_label(label).rect().min.y
}

/// The app on `article` with `text` typed into the article note, whose field still
/// has the keyboard.
fn typing_the_article_note(article: &Path, text: &str) -> App {
    let mut h = app(article);
    h.get_by_label("Note").click();
    h.run();
    h.get_by_role(Role::MultilineTextInput).click();
    h.run();
    h.event(egui::Event::Text(text.into()));
    h.run();
    h
}

/// An article note being typed is saved when the window closes (and with Ctrl+S),
/// even though its field still has the keyboard: the field handed the note over only
/// when it lost the keyboard, so closing the window right after typing lost the note
/// while the status bar said "Saved".
#[test]
fn an_article_note_still_being_typed_is_saved_on_close() {
    let (_dir, article) = workspace();
    let mut h = typing_the_article_note(&article, "state media framing");
    assert!(
        h.ctx.text_edit_focused(),
        "the note field still has the keyboard"
    );
    eframe::App::on_exit(h.state_mut(), None);
    let (file, _) =
        pathok::store::read_sidecar_file(&pathok::store::sidecar_path(&article)).unwrap();
    assert_eq!(file.note, "state media framing");
}

/// Ctrl+S saves while a text field has the keyboard (typing the article note, the
/// user saves as in any editor); it did nothing there, all shortcuts being left to
/// the field. Undo and the other editing keys stay with the field.
#[test]
fn ctrl_s_saves_the_article_note_while_it_is_being_typed() {
    let (_dir, article) = workspace();
    let mut h = typing_the_article_note(&article, "cites one source");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.ctx.text_edit_focused(), "the field keeps the keyboard");
    let sidecar = pathok::store::sidecar_path(&article);
    let (file, _) = pathok::store::read_sidecar_file(&sidecar).expect("Ctrl+S wrote the sidecar");
    assert_eq!(file.note, "cites one source");
}

/// Choosing another tab of the side panel while typing the article note keeps the
/// note: the field is not drawn any more, so it never said it lost the keyboard, and
/// the note stayed on screen only (in a real window, the note typed before clicking
/// *Annotations* never reached the sidecar).
#[test]
fn an_article_note_is_kept_when_another_tab_is_chosen_while_typing() {
    let (_dir, article) = workspace();
    let mut h = typing_the_article_note(&article, "neutral report");
    h.get_by_label_contains("Annotations (").click();
    h.run();
    assert_eq!(h.state().session().set.article_note, "neutral report");
}
