//! The interface in Bengali: the menus, the status bar and the language switch, and a
//! snapshot of the main window with a menu open. The interface language is one for the
//! process, so these tests live in a binary of their own and take turns.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Mutex;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pathok::i18n::Language;
use pathok::ui::PathokApp;
use pathok::ui::settings::Settings;

/// The tests change the process's interface language: one at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn harness(language: Language) -> Harness<'static, PathokApp> {
    let settings = Settings {
        language: Some(language),
        author: "tester".into(),
        ..Settings::default()
    };
    let mut h = Harness::builder()
        .with_size([1100.0, 760.0])
        .wgpu()
        .build_eframe(move |cc| PathokApp::with_settings(&cc.egui_ctx, settings, None));
    h.run();
    h
}

#[test]
fn the_main_window_in_bengali_has_bengali_menus_digits_and_a_snapshot() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut h = harness(Language::Bengali);
    for menu in ["ফাইল", "সম্পাদনা", "টীকা", "প্রদর্শন"]
    {
        h.get_by_label(menu);
    }
    assert!(h.query_by_label("File").is_none(), "no English menu left");
    // The status bar counts the article's characters in Bengali digits, never ASCII ones.
    let count = h.state().article().text.char_len();
    assert!(count > 99);
    let bengali_count = pathok::i18n::digits_in(Language::Bengali, &count.to_string()).into_owned();
    h.get_by_label(&format!("{bengali_count} অক্ষর"));
    assert!(h.query_by_label_contains(&count.to_string()).is_none());
    h.get_by_label("প্রদর্শন").click();
    h.run();
    h.get_by_label_contains("বড় লেখা");
    h.get_by_label("English");
    h.snapshot("bengali_view_menu");
}

#[test]
fn the_language_switch_applies_at_once_and_is_kept_in_the_settings() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut h = harness(Language::English);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("বাংলা").click();
    h.run();
    assert_eq!(h.state().settings().language, Some(Language::Bengali));
    h.get_by_label("ফাইল");
    assert!(h.query_by_label("File").is_none());
    h.get_by_label("প্রদর্শন").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.state().settings().language, Some(Language::English));
    h.get_by_label("File");
    // The choice is stored with the other settings.
    let stored = ron::to_string(h.state().settings()).unwrap();
    let back: Settings = ron::from_str(&stored).unwrap();
    assert_eq!(back.language, Some(Language::English));
}
