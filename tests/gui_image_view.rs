//! The image viewer by wheel, clicks and keys: the wheel zooms (as the hint says),
//! "100%" is one image pixel per physical pixel whatever the display's scale, and
//! one Esc closes the zoomed view even after a click on one of its buttons.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pathok::ui::PathokApp;
use pathok::ui::settings::Settings;

fn app(path: &str, pixels_per_point: f32) -> Harness<'static, PathokApp> {
    let path = PathBuf::from(path);
    let mut h = Harness::builder()
        .with_size([1000.0, 700.0])
        .with_pixels_per_point(pixels_per_point)
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
    for _ in 0..200 {
        if !h.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    h.run();
    h
}

fn scale(h: &Harness<'static, PathokApp>) -> f32 {
    h.state()
        .image_viewer()
        .and_then(|v| v.scale())
        .expect("an image is shown")
}

#[test]
fn the_wheel_zooms_and_100_percent_is_one_image_pixel_per_screen_pixel() {
    let mut h = app("tests/data/articles/river-2.png", 1.5);
    let fitted = scale(&h);
    h.hover_at(egui::pos2(500.0, 400.0));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, 3.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    h.run();
    assert!(
        scale(&h) > fitted * 1.05,
        "the wheel zoomed in: {fitted} → {}",
        scale(&h)
    );

    h.get_by_label("100%").click();
    h.run();
    let points_per_pixel = scale(&h);
    assert!(
        (points_per_pixel * 1.5 - 1.0).abs() < 0.01,
        "one image pixel is one physical pixel: {points_per_pixel} points at 1.5 pixels per point"
    );
}

#[test]
fn one_esc_closes_the_zoomed_image_even_after_a_click_on_its_buttons() {
    let mut h = app("tests/data/articles/river.txt", 1.0);
    h.get_all_by_label_contains("Click to zoom").next();
    let image = h
        .state()
        .reader()
        .locate(&h.ctx, pathok::text::CharOffset(0))
        .expect("title on screen");
    // The first image sits under the first paragraph: click well below the title.
    let at = image + egui::vec2(200.0, 220.0);
    h.hover_at(at);
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    assert!(
        h.state().image_viewer().is_some(),
        "the image opened zoomed"
    );
    h.get_by_label("Fit").click();
    h.run();
    // One Esc, in one frame, with the focus on the button just clicked.
    h.input_mut().events.push(egui::Event::Key {
        key: Key::Escape,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
    h.step();
    assert!(
        h.state().image_viewer().is_none(),
        "the first Esc closed it"
    );
}

#[test]
fn the_status_bar_of_a_picture_gives_its_size_and_the_hash_of_its_file() {
    let h = app("tests/data/articles/river-2.png", 1.0);
    let bytes = std::fs::read("tests/data/articles/river-2.png").unwrap();
    let sha = pathok::picture::image_sha256(&bytes);
    // The hash `sha256sum` gives for the file (the regions' `sha256`), not that of
    // the picture's name, which stands in for its text.
    let shown = format!("SHA-256 {}", &sha[..12]);
    assert!(
        h.query_by_label(&shown).is_some(),
        "{shown} in the status bar"
    );
    assert!(h.query_by_label("320 × 200 pixels").is_some());
    assert!(h.query_by_label_contains("characters").is_none());
}
