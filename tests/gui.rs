//! GUI tests: the real `PathokApp` driven through egui_kittest and rendered with wgpu
//! (on machines without a GPU, Mesa's lavapipe).

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pathok::ui::PathokApp;
use pathok::ui::settings::Settings;
use pathok::ui::theme::ReaderTheme;

/// A test file, as a path relative to the package root (where cargo runs tests), so
/// that no machine-specific path appears in messages or snapshots.
fn data(name: &str) -> PathBuf {
    Path::new("tests/data").join(name)
}

fn harness(settings: Settings, path: Option<PathBuf>) -> Harness<'static, PathokApp> {
    let mut harness = Harness::builder()
        .with_size([1000.0, 760.0])
        .wgpu()
        .build_eframe(move |cc| PathokApp::with_settings(&cc.egui_ctx, settings, path));
    settle(&mut harness);
    harness
}

/// Step until background work (image decoding) is done and the UI is still.
fn settle(harness: &mut Harness<'static, PathokApp>) {
    for _ in 0..200 {
        if !harness.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    assert!(!harness.state().is_busy(), "background work did not finish");
    harness.run();
}

fn themed(theme: ReaderTheme) -> Settings {
    Settings {
        theme,
        // The interface in English whatever the machine's locale.
        language: Some(pathok::i18n::Language::English),
        ..Settings::default()
    }
}

#[test]
fn sample_article_light() {
    let mut h = harness(themed(ReaderTheme::Light), None);
    assert_eq!(h.state().article().title, "নদীর ধারে একটি পাঠাগার");
    h.snapshot("sample_light");
}

#[test]
fn sample_article_dark() {
    let mut h = harness(themed(ReaderTheme::Dark), None);
    h.snapshot("sample_dark");
}

#[test]
fn sample_article_sepia_serif() {
    let settings = Settings {
        theme: ReaderTheme::Sepia,
        typeface: pathok::ui::fonts::Typeface::Serif,
        // The interface in English whatever the machine's locale.
        language: Some(pathok::i18n::Language::English),
        ..Settings::default()
    };
    let mut h = harness(settings, None);
    h.snapshot("sample_sepia_serif");
}

#[test]
fn markdown_article_with_image_and_remote_placeholder() {
    let mut h = harness(themed(ReaderTheme::Light), Some(data("articles/river.md")));
    assert_eq!(h.state().article().title, "নদীর গল্প");
    // The remote image is not fetched, and the user is told so.
    h.get_by_label_contains("remote image is not loaded");
    h.snapshot("markdown_with_image");
}

#[test]
fn html_article_with_image() {
    let mut h = harness(
        themed(ReaderTheme::Light),
        Some(data("articles/river.html")),
    );
    assert_eq!(h.state().article().title, "নদীর গল্প");
    h.snapshot("html_with_image");
}

#[test]
fn text_article_with_sibling_images() {
    let mut h = harness(themed(ReaderTheme::Light), Some(data("articles/river.txt")));
    assert_eq!(h.state().article().images().count(), 2);
    h.snapshot("text_with_images");
}

#[test]
fn a_broken_file_shows_an_error_and_keeps_the_sample_open() {
    let h = harness(themed(ReaderTheme::Light), Some(data("binary.txt")));
    h.get_by_label_contains("binary file");
    h.get_by_label_contains("binary.txt");
    assert_eq!(h.state().article().title, "নদীর ধারে একটি পাঠাগার");
}

/// A notice from reading an article (here: a stray byte replaced) names the file once,
/// at the end, in the window as in `pathok check` (the window added the path to a
/// notice that already ended with it: "… at byte 12: stray.txt: stray.txt").
#[test]
fn a_reading_notice_names_the_file_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("stray.txt");
    let mut bytes = format!("শিরোনাম\n\n{}", "একটি অনুচ্ছেদ। ".repeat(40)).into_bytes();
    bytes.insert(22, 0xff);
    std::fs::write(&file, bytes).expect("written");
    let h = harness(themed(ReaderTheme::Light), Some(file));
    let texts: Vec<&str> = h
        .state()
        .messages()
        .iter()
        .map(|m| m.text.as_str())
        .collect();
    let notice = texts
        .iter()
        .find(|t| t.contains("invalid byte replaced"))
        .unwrap_or_else(|| panic!("no notice of the stray byte in {texts:?}"));
    assert!(
        notice.contains("at byte 22: ") && notice.ends_with("stray.txt"),
        "{notice}"
    );
    assert_eq!(notice.matches("stray.txt").count(), 1, "{notice}");
}

#[test]
fn a_missing_file_and_a_binary_file_show_errors_one_at_a_time() {
    // (A folder is no longer an error: it opens as the library, see gui_library.rs.)
    let mut h = harness(
        themed(ReaderTheme::Light),
        Some(data("no-such-article.txt")),
    );
    h.get_by_label_contains("file not found");
    let ctx = h.ctx.clone();
    h.state_mut().open(&ctx, &data("binary.txt"));
    h.run();
    // One notice at a time, the newest first, with how many more wait.
    h.get_by_label_contains("binary file");
    assert!(h.query_by_label_contains("file not found").is_none());
    h.get_by_label("(1 more)");
    h.get_by_label("×").click();
    h.run();
    h.get_by_label_contains("file not found");
    h.get_by_label("×").click();
    h.run();
    assert!(h.state().messages().is_empty(), "errors stay until closed");
}

#[test]
fn a_corrupt_image_shows_its_reason_in_place() {
    let h = harness(
        themed(ReaderTheme::Light),
        Some(data("broken-image/story.txt")),
    );
    h.get_by_label_contains("Image not shown");
    h.get_by_label_contains("story.png");
}

#[test]
fn ctrl_plus_and_minus_change_the_font_size() {
    let mut h = harness(themed(ReaderTheme::Light), None);
    let before = h.state().settings().font_size;
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Equals);
    h.run();
    assert_eq!(h.state().settings().font_size, before + 1.0);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    h.run();
    assert_eq!(h.state().settings().font_size, before - 1.0);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    h.run();
    assert_eq!(h.state().settings().font_size, Settings::DEFAULT_FONT_SIZE);
}

#[test]
fn a_standalone_image_opens_in_the_zoomable_viewer() {
    let mut h = harness(
        themed(ReaderTheme::Light),
        Some(data("articles/river-2.png")),
    );
    assert_eq!(
        h.state().article().format,
        pathok::article::ArticleFormat::Image
    );
    h.get_by_label("Fit");
    h.get_by_label("100%");
    h.snapshot("standalone_image");
}

/// A file dropped from the desktop, as the window system hands it to egui.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_on_the_window_opens_it() {
    let mut h = harness(themed(ReaderTheme::Light), None);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(data("articles/river.md"))));
    h.run();
    assert_eq!(h.state().article().title, "নদীর গল্প");
}

#[test]
fn information_goes_by_itself_and_errors_stay() {
    let one_second_frames = |path: PathBuf| {
        let mut h = Harness::builder()
            .with_size([1000.0, 760.0])
            .with_step_dt(1.0)
            .build_eframe(move |cc| {
                PathokApp::with_settings(&cc.egui_ctx, themed(ReaderTheme::Light), Some(path))
            });
        h.run_steps(2);
        h
    };
    let mut h = one_second_frames(data("articles/river.html"));
    h.get_by_label_contains("remote image is not loaded");
    h.run_steps(pathok::ui::notices::INFORMATION_SECONDS as usize + 1);
    assert!(
        h.state().messages().is_empty(),
        "the information went by itself"
    );

    let mut h = one_second_frames(data("no-such-article.txt"));
    h.run_steps(pathok::ui::notices::INFORMATION_SECONDS as usize + 1);
    h.get_by_label_contains("file not found");
}

/// The article named at start-up is read from process start on a thread (its start
/// first, when it is big); once read the window shows all of it, with no message (no
/// error, no "changed on disk" reload when the disk is compared a second later).
#[test]
fn an_article_named_at_start_up_is_shown_once_read_and_not_reloaded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = std::fs::read_to_string("tests/data/news-putin-kim.txt").expect("corpus");
    let big = dir.path().join("big.txt");
    std::fs::write(&big, format!("{corpus}\n").repeat(200)).expect("written");
    let preload = pathok::ui::Preload::start(&big);
    let mut h = Harness::builder()
        .with_size([1100.0, 800.0])
        .wgpu()
        .build_eframe(move |cc| PathokApp::new(cc, Some(preload)));
    let started = std::time::Instant::now();
    while h.state().is_busy() {
        assert!(started.elapsed().as_secs() < 30, "still reading after 30 s");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    // Over a second later, when the disk is compared again.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    h.step();
    h.step();
    let article = h.state().article();
    assert_eq!(article.origin.path(), Some(big.as_path()));
    assert_eq!(
        article.text.as_str().len(),
        format!("{corpus}\n").repeat(200).len()
    );
    assert!(
        h.state().messages().is_empty(),
        "no message: {:?}",
        h.state().messages()
    );
}
