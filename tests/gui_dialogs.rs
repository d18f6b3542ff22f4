//! Every popup inside every dialog, driven as a user does: pointer clicks on the
//! widgets (egui_kittest puts the press and the release in one frame, as `xdotool`
//! does) and key presses. The popups must open above their dialog, take clicks and
//! keys, and Esc must close a popup before its dialog.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use pathok::export::Format;

use common::{App, double_click_word, press, workspace};

fn app(path: &Path) -> App {
    common::app(Some(path.to_owned()))
}

/// Highlight a word with tag 1, so that exports have something to say.
fn tag_a_word(h: &mut App) {
    double_click_word(h, "গণমাধ্যম");
    press(h, &[Key::Num1]);
    assert_eq!(
        h.state().session().set.len(),
        1,
        "{:?}",
        h.state().messages()
    );
}

/// The export dialog's format box.
fn format_box(h: &App) -> egui::Rect {
    h.get_all_by_role(Role::ComboBox)
        .find(|n| n.value().is_some_and(|v| v.contains(" — ")))
        .expect("the Format box")
        .rect()
}

fn dialog_open(h: &App) -> bool {
    h.query_by_label("Export annotations").is_some()
}

/// Step until `done` holds (an export runs on a worker thread).
fn wait_for(h: &mut App, done: impl Fn(&App) -> bool) {
    for _ in 0..600 {
        if done(h) {
            break;
        }
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(done(h), "timed out");
}

fn open_export(h: &mut App) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(dialog_open(h));
}

/// A click whose press and release reach the app in one frame, as `xdotool click`
/// and quick clicks do (`Harness::event` would give each event a frame of its own).
fn quick_click(h: &mut App, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run();
    for pressed in [true, false] {
        h.input_mut().events.push(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
}

/// Click the format box, then the entry of `format` in its list, with the pointer.
fn choose_format_with_pointer(h: &mut App, format: Format) {
    let at = format_box(h).center();
    quick_click(h, at);
    h.run();
    // The entry in the list (the box itself may show the same text, above it).
    let entry = h
        .get_all_by_label_contains(&format!("{} — ", format.name()))
        .map(|n| n.rect())
        .max_by(|a, b| a.top().total_cmp(&b.top()))
        .unwrap_or_else(|| panic!("the list shows {format}"))
        .center();
    quick_click(h, entry);
    assert!(dialog_open(h), "choosing {format} keeps the dialog open");
    assert_eq!(
        h.state().export_dialog().map(|d| d.format()),
        Some(format),
        "the click on {format} reached the list"
    );
}

/// What a file of each format starts with (a folder for brat).
fn looks_like(format: Format, out: &Path) -> bool {
    if format == Format::Brat {
        return out.join("select.ann").is_file() && out.join("select.txt").is_file();
    }
    let bytes = std::fs::read(out).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    match format {
        Format::Csv => bytes.starts_with(b"\xEF\xBB\xBFarticle,"),
        Format::Jsonl => text.starts_with("{\"article\""),
        Format::W3c => text.contains("\"AnnotationCollection\""),
        Format::Qdpx => bytes.starts_with(b"PK"),
        Format::Qdc => text.contains("<CodeBook"),
        Format::Markdown => text.starts_with('#'),
        Format::Html => text.to_lowercase().starts_with("<!doctype html"),
        Format::Brat => false,
    }
}

#[test]
fn every_export_format_is_chosen_with_the_pointer_and_written_even_after_reopening() {
    let (dir, article) = workspace();
    let mut h = app(&article);
    tag_a_word(&mut h);
    for format in Format::ALL {
        // Opening the dialog again each time: the list that was shown once before
        // must still open above the dialog.
        open_export(&mut h);
        choose_format_with_pointer(&mut h, format);
        assert_eq!(
            h.query_by_label_contains("brat has no image support")
                .is_some(),
            format == Format::Brat,
            "the dialog says regions are left out when (and only when) brat is chosen: {format}"
        );
        let out = PathBuf::from(h.state().export_dialog().unwrap().output());
        assert!(out.starts_with(dir.path()), "{}", out.display());
        h.get_by_label("Export").click();
        wait_for(&mut h, |h| {
            h.state()
                .export_dialog()
                .is_some_and(|d| d.result().is_some())
        });
        let result = h.state().export_dialog().unwrap().result().unwrap();
        assert!(result.is_ok(), "{format}: {result:?}");
        assert!(
            looks_like(format, &out),
            "{format} written as {format}: {}\n{}",
            out.display(),
            String::from_utf8_lossy(&std::fs::read(&out).unwrap_or_default())
        );
        h.get_by_label("Close").click();
        h.run();
        assert!(!dialog_open(&h));
    }
}

#[test]
fn the_format_box_works_from_the_keyboard_and_esc_closes_the_list_first() {
    let (_dir, article) = workspace();
    let mut h = app(&article);
    open_export(&mut h);
    // Tab through scope (two radio buttons) to the format box.
    press(&mut h, &[Key::Tab, Key::Tab, Key::Tab]);
    let focused = h.get_all_by_role(Role::ComboBox).any(|n| n.is_focused());
    assert!(focused, "Tab reaches the format box");
    press(&mut h, &[Key::Space]);
    assert!(
        h.query_by_label_contains("html — ").is_some(),
        "Space opens the list"
    );
    press(&mut h, &[Key::Escape]);
    assert!(dialog_open(&h), "Esc closes the list, not the dialog");
    assert!(h.query_by_label_contains("jsonl — ").is_none());
    // Open again; the list opens on the current option, the arrows walk it, Enter
    // picks and closes it.
    press(&mut h, &[Key::Space, Key::ArrowDown, Key::Enter]);
    let dialog = h.state().export_dialog().expect("dialog still open");
    assert_eq!(dialog.format(), Format::Jsonl);
    assert!(dialog.output().ends_with("select-annotations.jsonl"));
    assert!(
        h.query_by_label_contains("html — ").is_none(),
        "Enter closes the list"
    );
    assert!(
        h.get_all_by_role(Role::ComboBox).any(|n| n.is_focused()),
        "the focus is back on the box, ready for Tab"
    );
    press(&mut h, &[Key::Escape]);
    assert!(!dialog_open(&h), "with no list open, Esc closes the dialog");
}

#[test]
fn typing_report_html_exports_html_into_it() {
    let (dir, article) = workspace();
    let mut h = app(&article);
    tag_a_word(&mut h);
    open_export(&mut h);
    let field = h.get_by_role_and_label(Role::TextInput, "File");
    field.click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    let report = dir.path().join("report.html");
    h.event(egui::Event::Text(report.display().to_string()));
    h.run();
    assert_eq!(h.state().export_dialog().unwrap().format(), Format::Html);
    h.get_by_label("Export").click();
    wait_for(&mut h, |_| report.is_file());
    assert!(
        looks_like(Format::Html, &report),
        "HTML, not CSV, in report.html"
    );
}

#[test]
fn the_palette_is_filtered_by_typing_and_chosen_with_the_arrows() {
    let (_dir, article) = workspace();
    let mut h = app(&article);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.event(egui::Event::Text("theme".into()));
    h.run();
    press(&mut h, &[Key::ArrowDown, Key::ArrowDown, Key::Enter]);
    assert_eq!(
        h.state().settings().theme,
        pathok::ui::theme::ReaderTheme::Sepia,
        "the third match, Theme: Sepia, ran"
    );
    assert!(!h.state().modal_open(), "the palette closed");
}

#[test]
fn esc_closes_an_open_menu_and_leaves_the_selection_alone() {
    let (_dir, article) = workspace();
    let mut h = app(&article);
    tag_a_word(&mut h);
    h.get_by_label("File").click();
    h.run();
    assert!(
        h.query_by_label_contains("Open…").is_some(),
        "the File menu is open"
    );
    press(&mut h, &[Key::Escape]);
    assert!(
        h.query_by_label_contains("Open…").is_none(),
        "Esc closed the menu"
    );
    // The keys went to the menu, not to the article: the annotation is still selected.
    assert!(h.state().session().selected.is_some());
}

#[test]
fn the_tag_picker_by_keyboard_tab_space_ticks_and_ctrl_enter_applies_what_is_ticked() {
    let (_dir, article) = workspace();
    let mut h = app(&article);
    double_click_word(&mut h, "গণমাধ্যম");
    press(&mut h, &[Key::T]);
    // From the filter field to the second tag's box.
    press(&mut h, &[Key::Tab, Key::Tab, Key::Space]);
    h.get_by_label("1 chosen");
    // Ctrl+Enter with the focus on that box: apply, without toggling the box.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    assert!(!h.state().modal_open());
    let set = &h.state().session().set;
    assert_eq!(set.len(), 1);
    assert_eq!(set.iter().next().unwrap().tags, ["সমালোচনা"]);
}

#[test]
fn ctrl_enter_with_nothing_ticked_does_not_make_an_untagged_highlight() {
    let (_dir, article) = workspace();
    let mut h = app(&article);
    double_click_word(&mut h, "গণমাধ্যম");
    press(&mut h, &[Key::T]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    assert!(
        h.state().session().set.is_empty(),
        "Apply is disabled: nothing chosen"
    );
    assert!(h.state().modal_open(), "the picker stays open");
}

/// Type `text` one key per frame, starting in the very next frame after the key that
/// opened a dialog (eframe draws only when something happens: a fast typist's first key
/// comes before the dialog has ever been drawn).
fn type_at_once(h: &mut App, opener: Key, text: &str) {
    common::press_in_one_frame(h, Modifiers::NONE, opener);
    for c in text.chars() {
        h.event(egui::Event::Text(c.to_string()));
        h.step();
    }
    h.run();
}

#[test]
fn the_first_keys_after_t_and_n_land_in_the_dialog() {
    let (_dir, article) = workspace();
    let mut h = app(&article);
    double_click_word(&mut h, "গণমাধ্যম");
    type_at_once(&mut h, Key::T, "নতুন");
    press(&mut h, &[Key::Enter]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    let set = &h.state().session().set;
    assert_eq!(set.len(), 1);
    assert_eq!(set.iter().next().unwrap().tags, ["নতুন"]);

    type_at_once(&mut h, Key::N, "নোট");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    let set = &h.state().session().set;
    assert_eq!(set.iter().next().unwrap().note, "নোট");
}

/// A double click in the gap between two paragraphs selects their line break; H, a tag
/// key or T on it must not make an annotation of white space (it showed as “” in the
/// side panel), but say what to do.
#[test]
fn white_space_alone_is_not_annotated() {
    let (_dir, article) = workspace();
    let mut h = app(&article);
    // Right of the heading, between its line and the first paragraph.s.
    let at = common::offset_of(&h, "\n");
    let end_of_heading = common::locate(&h, at);
    let next_line = common::locate(&h, at + 1);
    let pos = egui::pos2(
        end_of_heading.x + 100.0,
        f32::midpoint(end_of_heading.y, next_line.y),
    );
    common::click(&mut h, pos);
    common::click(&mut h, pos);
    h.run();
    for key in [Key::H, Key::Num1, Key::T] {
        press(&mut h, &[key]);
        assert!(!h.state().modal_open(), "{key:?} opened no dialog");
        let quotes: Vec<String> = h
            .state()
            .session()
            .set
            .iter()
            .map(|a| a.quote.clone())
            .collect();
        assert!(quotes.is_empty(), "{key:?} made {quotes:?}");
    }
    h.get_by_label_contains("select some text");
}

/// The same walk with each key pressed and released in one frame, as a real window
/// delivers `xdotool key`: the list opens, closes on Esc, and the arrows walk it.
#[test]
fn the_format_box_works_with_whole_key_presses() {
    let (_dir, article) = workspace();
    let mut h = app(&article);
    open_export(&mut h);
    let key = |h: &mut App, k: Key| {
        common::press_in_one_frame(h, Modifiers::NONE, k);
        h.run();
    };
    for k in [Key::Tab, Key::Tab, Key::Tab, Key::Space] {
        key(&mut h, k);
    }
    assert!(
        h.query_by_label_contains("html — ").is_some(),
        "Space opens the list"
    );
    key(&mut h, Key::Escape);
    assert!(dialog_open(&h), "Esc closes the list, not the dialog");
    assert!(
        h.query_by_label_contains("jsonl — ").is_none(),
        "Esc closes the list"
    );
    for k in [Key::Space, Key::ArrowDown, Key::Enter] {
        key(&mut h, k);
    }
    let dialog = h.state().export_dialog().expect("dialog still open");
    assert_eq!(dialog.format(), Format::Jsonl);
}

/// Opened with the pointer, the list takes the keyboard at its current option: one ↓
/// goes to the next format (in a real window the first ↓ only entered the list, so
/// ↓ ↓ Enter picked the second format after the current one's neighbour).
#[test]
fn the_format_list_opened_with_the_pointer_walks_from_the_current_format() {
    let (_dir, article) = workspace();
    let mut h = app(&article);
    open_export(&mut h);
    h.get_by_role_and_label(Role::ComboBox, "Format").click();
    h.run();
    assert!(
        h.query_by_label_contains("html — ").is_some(),
        "a click opens the list"
    );
    for k in [Key::ArrowDown, Key::ArrowDown, Key::Enter] {
        common::press_in_one_frame(&mut h, Modifiers::NONE, k);
        h.run();
    }
    let dialog = h.state().export_dialog().expect("dialog still open");
    assert_eq!(dialog.format(), Format::W3c, "csv ↓ jsonl ↓ w3c");
}

#[test]
fn after_an_export_another_format_or_file_no_longer_says_it_was_exported() {
    let (_dir, article) = workspace();
    let mut h = app(&article);
    tag_a_word(&mut h);
    open_export(&mut h);
    h.get_by_label("Export").click();
    wait_for(&mut h, |h| {
        h.state()
            .export_dialog()
            .is_some_and(|d| d.result().is_some())
    });
    assert!(h.query_by_label_contains("Exported 1 annotation").is_some());
    // Another format: nothing was written in it, so the dialog must not say so
    // (it said "Exported … to" the new format's file name).
    choose_format_with_pointer(&mut h, Format::Brat);
    let dialog = h.state().export_dialog().unwrap();
    assert!(dialog.result().is_none(), "{:?}", dialog.result());
    assert!(h.query_by_label_contains("Exported").is_none());
    // Likewise a file name typed after an export.
    h.get_by_label("Export").click();
    wait_for(&mut h, |h| {
        h.state()
            .export_dialog()
            .is_some_and(|d| d.result().is_some())
    });
    assert!(h.query_by_label_contains("Exported").is_some());
    let output = h.state().export_dialog().unwrap().output().to_owned();
    let field = h
        .get_all_by_role(Role::TextInput)
        .find(|n| n.value().as_deref() == Some(output.as_str()))
        .expect("the output field")
        .rect()
        .center();
    quick_click(&mut h, field);
    press(&mut h, &[Key::End]);
    h.event(egui::Event::Text("-2".into()));
    h.run();
    assert!(h.query_by_label_contains("Exported").is_none());
    assert!(h.state().export_dialog().unwrap().result().is_none());
}

/// The author is set as the README says, View ▸ Author, with the real pointer: the
/// click lands in the field (the menu stays open) and the keys typed next change the
/// author — they must not reach the reader, where Ctrl+A, `n` and the rest would select
/// the article and annotate it.
#[test]
fn the_author_field_in_the_view_menu_takes_a_pointer_click_and_the_keys() {
    let (_dir, article) = workspace();
    let mut h = app(&article);
    h.get_by_label("View").click();
    h.run();
    h.get_all_by_role(Role::TextInput)
        .find(|n| n.value().as_deref() == Some("tester"))
        .expect("the author field")
        .click();
    h.run();
    assert!(
        h.query_by_label("Author").is_some(),
        "the View menu stays open after a click in the author field"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.event(egui::Event::Text("rina".into()));
    h.run();
    press(&mut h, &[Key::Enter]);
    assert_eq!(h.state().settings().author, "rina");
    assert!(
        h.state().session().set.is_empty(),
        "no key reached the reader: {:?}",
        h.state().messages()
    );
}
