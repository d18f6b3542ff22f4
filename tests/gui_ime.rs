//! Typing through an input method, replayed: the event sequences ibus sent for a few
//! Bengali words (recorded from a real window, see `ime_sessions`) go frame by frame
//! into every kind of text field, which must then show and store exactly the word
//! meant, with the cursor after it.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod ime_sessions;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Event, ImeEvent, Key, Modifiers, TextBuffer as _};
use egui_kittest::kittest::{Queryable as _, by};
use pathok::ui::text_input::BengaliText;
use unicode_normalization::UnicodeNormalization as _;

use common::{App, double_click_word, press, press_in_one_frame, workspace};
use ime_sessions::{Ev, SESSIONS, Session};

fn to_event(ev: &Ev) -> Event {
    match ev {
        Ev::Pre(text, range) => Event::Ime(ImeEvent::Preedit {
            text: (*text).to_owned(),
            active_range_chars: range.map(|(a, b)| a..b),
        }),
        Ev::Commit(text) => Event::Ime(ImeEvent::Commit((*text).to_owned())),
        Ev::Key(key, pressed, shift) => Event::Key {
            key: *key,
            physical_key: Some(*key),
            pressed: *pressed,
            repeat: false,
            modifiers: if *shift {
                Modifiers::SHIFT
            } else {
                Modifiers::NONE
            },
        },
        Ev::Text(text) => Event::Text((*text).to_owned()),
    }
}

/// Send the session's events, one recorded frame per frame, then let the app settle
/// (a commit may be held back a moment, see `pathok::ui::ime`).
fn replay(h: &mut App, session: &Session) {
    for frame in session.frames {
        for ev in *frame {
            h.event(to_event(ev));
        }
        h.step();
    }
    for _ in 0..30 {
        h.step();
    }
}

/// The word meant, as stored (NFC).
fn stored(session: &Session) -> String {
    session.meant.nfc().collect()
}

/// The text of the field with the keyboard, as shown, and its cursor (chars).
fn focused_field(h: &App) -> (String, egui::text::CCursorRange) {
    let id = h
        .ctx
        .memory(|m| m.focused())
        .expect("a field has the keyboard");
    let state = egui::TextEdit::load_state(&h.ctx, id).expect("the focused widget is a text field");
    let cursor = state.cursor.char_range().expect("the field has a cursor");
    let shown = h
        .get(by().predicate(|n| n.is_focused()))
        .value()
        .expect("the field has a value");
    (shown, cursor)
}

/// The field with the keyboard shows `session.meant` with the cursor after it.
fn assert_typed(h: &App, session: &Session, field: &str) {
    let (shown, cursor) = focused_field(h);
    let meant = BengaliText::new(session.meant);
    assert_eq!(
        shown,
        meant.as_str(),
        "{field}: {} typed with bn:{}",
        session.keys,
        session.engine
    );
    let end = egui::text::CCursor::new(meant.as_str().chars().count());
    assert_eq!(
        cursor,
        egui::text::CCursorRange::one(end),
        "{field}: the cursor after {}",
        session.meant
    );
}

/// Every session into a fresh app: `open` gives the field the keyboard, `check` looks at
/// what was stored after.
fn each_session(
    mut open: impl FnMut(&mut App),
    field: &str,
    mut check: impl FnMut(&mut App, &Session),
) {
    for session in SESSIONS {
        let mut h = common::app(None);
        open(&mut h);
        replay(&mut h, session);
        assert_typed(&h, session, field);
        check(&mut h, session);
    }
}

/// A fresh app on a copy of the test article, kept alive with its folder.
fn article_app() -> (tempfile::TempDir, PathBuf, App) {
    let (dir, article) = workspace();
    let h = common::app(Some(article.clone()));
    (dir, article, h)
}

fn sidecar(article: &Path) -> pathok::store::SidecarFile {
    let sidecar = pathok::store::sidecar_path(article);
    pathok::store::read_sidecar_file(&sidecar)
        .expect("sidecar written")
        .0
}

#[test]
fn the_note_editor_gets_each_word_typed_through_an_input_method() {
    for session in SESSIONS {
        let (_dir, article, mut h) = article_app();
        double_click_word(&mut h, "দেশের");
        press(&mut h, &[Key::N]);
        replay(&mut h, session);
        assert_typed(&h, session, "note editor");
        h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run();
        let notes: Vec<String> = sidecar(&article)
            .annotations
            .into_iter()
            .map(|a| a.note)
            .collect();
        assert_eq!(
            notes,
            [stored(session)],
            "bn:{} {}",
            session.engine,
            session.keys
        );
    }
}

#[test]
fn the_tag_picker_filter_gets_each_word_typed_through_an_input_method() {
    for session in SESSIONS {
        let (_dir, _article, mut h) = article_app();
        double_click_word(&mut h, "দেশের");
        press(&mut h, &[Key::T]);
        replay(&mut h, session);
        assert_typed(&h, session, "tag picker filter");
    }
}

#[test]
fn the_find_bar_gets_each_word_typed_through_an_input_method() {
    each_session(
        |h| press_in_one_frame(h, Modifiers::COMMAND, Key::F),
        "find bar",
        |_, _| {},
    );
}

#[test]
fn the_article_note_gets_each_word_typed_through_an_input_method() {
    for session in SESSIONS {
        let (_dir, article, mut h) = article_app();
        h.get_by_label("Note").click();
        h.run();
        h.get_by_role(Role::MultilineTextInput).focus();
        h.run();
        replay(&mut h, session);
        assert_typed(&h, session, "article note");
        h.key_press(Key::Escape);
        h.run();
        assert_eq!(h.state().session().set.article_note, stored(session));
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run();
        assert_eq!(sidecar(&article).note, stored(session));
    }
}

/// Open the codebook tab and give the keyboard to its `n`th text field.
fn codebook_field(h: &mut App, n: usize) {
    h.get_by_label_contains("Codebook (").click();
    h.run();
    h.get_all_by_role(Role::TextInput)
        .nth(n)
        .expect("field")
        .focus();
    h.run();
}

#[test]
fn a_new_tag_gets_each_name_typed_through_an_input_method() {
    for session in SESSIONS {
        let (_dir, _article, mut h) = article_app();
        h.get_by_label_contains("Codebook (").click();
        h.run();
        h.get_by_label("New tag").focus();
        h.run();
        replay(&mut h, session);
        assert_typed(&h, session, "new tag");
        h.key_press(Key::Enter);
        h.run();
        let names: Vec<&str> = h
            .state()
            .session()
            .codebook
            .tags
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(names.last().copied(), Some(stored(session).trim()));
    }
}

#[test]
fn a_tag_description_gets_each_word_typed_through_an_input_method() {
    for session in SESSIONS {
        let (_dir, _article, mut h) = article_app();
        codebook_field(&mut h, 0);
        replay(&mut h, session);
        assert_typed(&h, session, "tag description");
        assert_eq!(
            h.state().session().codebook.tags[0].description,
            stored(session)
        );
    }
}

#[test]
fn a_tag_is_renamed_to_each_name_typed_through_an_input_method() {
    for session in SESSIONS {
        let (_dir, _article, mut h) = article_app();
        h.get_by_label_contains("Codebook (").click();
        h.run();
        h.get_all_by_label("Rename").next().expect("a tag").click();
        h.run();
        // The field starts with the old name, all of it selected: typing replaces it.
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.run();
        h.key_press(Key::Backspace);
        h.run();
        replay(&mut h, session);
        assert_typed(&h, session, "tag rename");
        h.key_press(Key::Enter);
        h.run();
        let first = &h.state().session().codebook.tags[0].name;
        assert_eq!(first, stored(session).trim());
    }
}

#[test]
fn the_corpus_search_gets_each_word_typed_through_an_input_method() {
    for session in SESSIONS {
        let (dir, _article) = workspace();
        let mut h = common::app_with_max_steps(Some(dir.path().to_path_buf()), 32);
        for _ in 0..600 {
            if h.state().library().is_some_and(|l| !l.is_busy()) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
            h.step();
        }
        press_in_one_frame(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
        replay(&mut h, session);
        assert_typed(&h, session, "corpus search");
        let query = h.state().library().expect("library").search().query();
        assert_eq!(query, stored(session));
    }
}

#[test]
fn the_author_gets_each_name_typed_through_an_input_method() {
    for session in SESSIONS {
        let mut h = common::app(None);
        h.get_by_label("View").click();
        h.run();
        let author = h
            .get_all_by_role(Role::TextInput)
            .find(|n| n.value().as_deref() == Some("tester"))
            .expect("the author field");
        author.focus();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.run();
        h.key_press(Key::Backspace);
        h.run();
        replay(&mut h, session);
        assert_typed(&h, session, "author");
        assert_eq!(h.state().settings().author, stored(session));
    }
}

#[test]
fn the_annotation_filter_gets_each_word_typed_through_an_input_method() {
    each_session(
        |h| {
            h.get_by_label_contains("Annotations (").click();
            h.run();
            h.get_all_by_role(Role::TextInput)
                .next()
                .expect("the filter")
                .focus();
            h.run();
        },
        "annotation filter",
        |_, _| {},
    );
}

#[test]
fn the_command_palette_filter_gets_each_word_typed_through_an_input_method() {
    each_session(
        |h| press_in_one_frame(h, Modifiers::COMMAND | Modifiers::SHIFT, Key::P),
        "palette filter",
        |_, _| {},
    );
}

#[test]
fn the_import_prompt_gets_each_file_name_typed_through_an_input_method() {
    for session in SESSIONS {
        let (_dir, _article, mut h) = article_app();
        h.get_by_label("File").click();
        h.run();
        h.get_by_label("Import…").click();
        h.run();
        // The field starts with the article's folder: typed names replace it here.
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.run();
        h.key_press(Key::Backspace);
        h.run();
        replay(&mut h, session);
        assert_typed(&h, session, "import file");
    }
}

#[test]
fn the_compare_view_adopts_into_each_coder_name_typed_through_an_input_method() {
    for session in SESSIONS {
        let (_dir, _article, mut h) = article_app();
        press_in_one_frame(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
        for c in "Compare coders".chars() {
            h.event(Event::Text(c.to_string()));
            h.step();
        }
        h.key_press(Key::Enter);
        h.run();
        h.get_by_label("Adopt into").focus();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.run();
        h.key_press(Key::Backspace);
        h.run();
        replay(&mut h, session);
        assert_typed(&h, session, "compare: adopt into");
    }
}
