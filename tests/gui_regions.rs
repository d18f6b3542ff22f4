//! Coding pictures in the real app (egui_kittest): Shift+drag draws a rectangle on a
//! picture, a tag key codes it, the handles of a selected region move and resize it,
//! and the sidecar on disk holds exactly the image pixels covered, whatever the zoom.
//! Real pointer and key events throughout.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, Pos2, Rect, pos2};
use egui_kittest::kittest::Queryable as _;
use pathok::annotate::{Annotation, Status};
use pathok::picture::PixelRect;

use common::{App, press};

/// The app on `path`, allowed enough frames to settle after a wheel turn (the zoom
/// eases in over several frames).
fn app(path: Option<PathBuf>) -> App {
    common::app_with_max_steps(path, 60)
}

/// The photo the tests draw on (960×540).
const PHOTO: &str = "tests/data/articles/river.png";

/// `files` (article or pictures) copied into a fresh folder with a codebook of two
/// tags, as the annotating tests use; returns the folder and the copied paths.
fn workspace_with(files: &[&str]) -> (tempfile::TempDir, Vec<PathBuf>) {
    let (dir, text) = common::workspace();
    std::fs::remove_file(text).expect("only our files");
    let copied = files
        .iter()
        .map(|f| {
            let to = dir.path().join(Path::new(f).file_name().expect("a file"));
            std::fs::copy(f, &to).expect("copy");
            to
        })
        .collect();
    (dir, copied)
}

/// Run frames until the pictures are decoded.
fn settle(h: &mut App) {
    for _ in 0..300 {
        h.run();
        if !h.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
}

/// Where image pixel `p` of a picture drawn at `shown` (of `size` pixels) is on screen.
fn at(shown: Rect, size: (f32, f32), p: (f32, f32)) -> Pos2 {
    pos2(
        shown.min.x + p.0 * shown.width() / size.0,
        shown.min.y + p.1 * shown.height() / size.1,
    )
}

/// Drag with the primary button from `from` to `to`, holding `modifiers` throughout.
fn drag_with(h: &mut App, modifiers: Modifiers, from: Pos2, to: Pos2) {
    h.event(egui::Event::ModifiersChanged(modifiers));
    h.hover_at(from);
    h.run();
    h.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers,
    });
    h.run();
    for step in 1..=6 {
        h.hover_at(from + (to - from) * (step as f32 / 6.0));
        h.run();
    }
    h.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers,
    });
    h.run();
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}

/// Save now (Ctrl+S) and read the sidecar of `article` back from disk.
fn saved(h: &mut App, article: &Path) -> Vec<Annotation> {
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let sidecar = pathok::store::sidecar_path(article);
    let (file, _) = pathok::store::read_sidecar_file(&sidecar).expect("sidecar written");
    file.annotations
}

fn rect_of(a: &Annotation) -> PixelRect {
    a.region.as_ref().expect("a region").rect
}

fn sha256_of(path: &Path) -> String {
    pathok::picture::image_sha256(&std::fs::read(path).expect("picture"))
}

/// Where the standalone image is drawn on screen.
fn shown(h: &App) -> Rect {
    h.state()
        .image_viewer()
        .and_then(|v| v.shown_rect())
        .expect("the image is shown")
}

/// Turn the wheel over `pos` (zooms the image view).
fn wheel(h: &mut App, pos: Pos2, lines: f32) {
    h.hover_at(pos);
    h.run();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, lines),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    h.run();
    h.run();
}

#[test]
fn shift_drag_on_a_photo_then_1_stores_the_region_in_image_pixels_at_two_zoom_levels() {
    let (_dir, files) = workspace_with(&[PHOTO]);
    let photo = &files[0];
    let mut h = app(Some(photo.clone()));
    settle(&mut h);
    let size = (960.0, 540.0);

    let fitted = shown(&h);
    drag_with(
        &mut h,
        Modifiers::SHIFT,
        at(fitted, size, (200.2, 150.2)),
        at(fitted, size, (399.8, 299.8)),
    );
    press(&mut h, &[Key::Num1]);
    let annotations = saved(&mut h, photo);
    assert_eq!(annotations.len(), 1, "one region: {annotations:?}");
    let a = &annotations[0];
    assert_eq!(rect_of(a), PixelRect::new(200, 150, 200, 150));
    let region = a.region.as_ref().expect("a region");
    assert_eq!(region.image, None, "the file is the picture");
    assert_eq!(region.sha256, sha256_of(photo));
    assert_eq!(a.tags, vec!["সরকারি বক্তব্য".to_owned()]);
    assert_eq!(a.author, "tester");

    // Zoomed in about 3×: a pixel covers several screen points.
    let centre = at(fitted, size, (700.0, 400.0));
    wheel(&mut h, centre, 12.0);
    let zoomed = shown(&h);
    assert!(
        zoomed.width() > fitted.width() * 2.0,
        "zoomed in: {fitted:?} → {zoomed:?}"
    );
    let from = at(zoomed, size, (690.3, 390.3));
    let to = at(zoomed, size, (719.7, 409.7));
    drag_with(&mut h, Modifiers::SHIFT, from, to);
    press(&mut h, &[Key::Num2]);
    let annotations = saved(&mut h, photo);
    let second = annotations
        .iter()
        .find(|a| a.tags == ["সমালোচনা"])
        .expect("the second region");
    assert_eq!(rect_of(second), PixelRect::new(690, 390, 30, 20));
}

#[test]
fn a_plain_drag_still_pans_and_draws_nothing() {
    let (_dir, files) = workspace_with(&[PHOTO]);
    let photo = &files[0];
    let mut h = app(Some(photo.clone()));
    settle(&mut h);
    let centre = shown(&h).center();
    wheel(&mut h, centre, 6.0);
    let before = shown(&h);
    drag_with(
        &mut h,
        Modifiers::NONE,
        centre,
        centre + egui::vec2(120.0, 40.0),
    );
    let after = shown(&h);
    assert!(
        (after.min.x - before.min.x - 120.0).abs() < 2.0
            && (after.min.y - before.min.y - 40.0).abs() < 2.0,
        "the picture moved with the pointer: {before:?} → {after:?}"
    );
    press(&mut h, &[Key::Num1]);
    assert!(
        h.state().session().set.iter().next().is_none(),
        "nothing was drawn, so nothing was coded"
    );
}

#[test]
fn a_selected_region_moves_and_resizes_by_its_handles_one_undo_step_each() {
    let (_dir, files) = workspace_with(&[PHOTO]);
    let photo = &files[0];
    let mut h = app(Some(photo.clone()));
    settle(&mut h);
    let size = (960.0, 540.0);
    let s = shown(&h);
    drag_with(
        &mut h,
        Modifiers::SHIFT,
        at(s, size, (100.2, 100.2)),
        at(s, size, (299.8, 199.8)),
    );
    press(&mut h, &[Key::H]);
    let original = PixelRect::new(100, 100, 200, 100);
    assert_eq!(rect_of(&saved(&mut h, photo)[0]), original);
    // Coding selects the new region: its handles are live.
    let scale = s.width() / size.0;

    // Move: grab the inside, drag by 50×20 image pixels.
    let inside = at(s, size, (200.0, 150.0));
    drag_with(
        &mut h,
        Modifiers::NONE,
        inside,
        inside + egui::vec2(50.0, 20.0) * scale,
    );
    let moved = rect_of(&saved(&mut h, photo)[0]);
    assert!(
        moved.w == 200
            && moved.h == 100
            && moved.x.abs_diff(150) <= 1
            && moved.y.abs_diff(120) <= 1,
        "moved by about 50×20 pixels, same size: {moved:?}"
    );

    // Resize: the bottom-right corner, 40 pixels right and down.
    let corner = at(
        s,
        size,
        ((moved.x + moved.w) as f32, (moved.y + moved.h) as f32),
    );
    drag_with(
        &mut h,
        Modifiers::NONE,
        corner,
        corner + egui::vec2(40.0, 40.0) * scale,
    );
    let resized = rect_of(&saved(&mut h, photo)[0]);
    assert_eq!(
        (resized.x, resized.y),
        (moved.x, moved.y),
        "the top-left stays"
    );
    assert!(
        resized.w.abs_diff(240) <= 1 && resized.h.abs_diff(140) <= 1,
        "about 40 pixels more each way: {resized:?}"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        rect_of(&saved(&mut h, photo)[0]),
        moved,
        "undo takes back the resize"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(rect_of(&saved(&mut h, photo)[0]), original, "then the move");
}

#[test]
fn an_inline_picture_of_an_article_takes_regions_stored_with_its_path_and_hash() {
    let (_dir, files) = workspace_with(&[
        "tests/data/articles/river.txt",
        PHOTO,
        "tests/data/articles/river-2.png",
    ]);
    let article = &files[0];
    let mut h = app(Some(article.clone()));
    settle(&mut h);
    let source = h
        .state()
        .article()
        .images()
        .next()
        .expect("the article has pictures")
        .source
        .clone();
    let shown = h
        .state()
        .reader()
        .picture_rect(&source)
        .expect("the first picture is on screen");
    let size = (960.0, 540.0);
    drag_with(
        &mut h,
        Modifiers::SHIFT,
        at(shown, size, (300.2, 100.7)),
        at(shown, size, (599.9, 399.1)),
    );
    press(&mut h, &[Key::Num2]);
    let annotations = saved(&mut h, article);
    assert_eq!(annotations.len(), 1, "{annotations:?}");
    let region = annotations[0].region.as_ref().expect("a region");
    assert_eq!(region.image.as_deref(), Some("river.png"));
    assert_eq!(region.sha256, sha256_of(&files[1]));
    // The picture is drawn smaller than its pixels here: every pixel touched counts.
    let r = region.rect;
    let per_point = size.0 / shown.width();
    assert!(
        r.x.abs_diff(300) as f32 <= per_point + 1.0
            && r.y.abs_diff(100) as f32 <= per_point + 1.0
            && (r.x + r.w).abs_diff(600) as f32 <= per_point + 1.0
            && (r.y + r.h).abs_diff(400) as f32 <= per_point + 1.0,
        "the region covers pixels 300,100 to 600,400 within a screen point: {r:?}"
    );
    assert!(
        h.state().image_viewer().is_none(),
        "drawing on the picture did not open the zoomed view"
    );
}

#[test]
fn regions_of_a_changed_picture_are_flagged_for_review() {
    let (_dir, files) = workspace_with(&[PHOTO]);
    let photo = &files[0];
    {
        let mut h = app(Some(photo.clone()));
        settle(&mut h);
        let s = shown(&h);
        let size = (960.0, 540.0);
        drag_with(
            &mut h,
            Modifiers::SHIFT,
            at(s, size, (10.0, 10.0)),
            at(s, size, (60.0, 60.0)),
        );
        press(&mut h, &[Key::Num1]);
        press(&mut h, &[Key::N]);
        h.event(egui::Event::Text("ঘাটের নৌকা".into()));
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
        h.run();
        let kept = saved(&mut h, photo);
        assert_eq!(kept[0].note, "ঘাটের নৌকা");
    }
    // Another picture under the same name.
    std::fs::copy("tests/data/articles/river-2.png", photo).expect("replace the photo");
    let mut h = app(Some(photo.clone()));
    settle(&mut h);
    let a = h
        .state()
        .session()
        .set
        .iter()
        .next()
        .cloned()
        .expect("the region is kept");
    assert_eq!(
        a.status,
        Status::ImageChanged,
        "flagged, not kept as if valid"
    );
    assert!(
        h.query_by_label_contains("picture changed").is_some(),
        "the side panel says so"
    );
    h.get_by_label("ঘাটের নৌকা");

    // The user looked: the region is right on the new picture too.
    h.get_by_label("Keep on this picture").click();
    h.run();
    let kept = saved(&mut h, photo);
    assert_eq!(kept[0].status, Status::Anchored);
    assert_eq!(
        kept[0].region.as_ref().expect("a region").sha256,
        sha256_of(photo),
        "now tied to the picture as it is"
    );
    assert!(h.query_by_label_contains("picture changed").is_none());
}

/// A click whose press and release reach the app in one frame (as `xdotool click`).
fn quick_click(h: &mut App, pos: Pos2) {
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

#[test]
fn a_brat_export_says_that_it_left_the_regions_out() {
    let (dir, files) = workspace_with(&[
        "tests/data/articles/river.txt",
        PHOTO,
        "tests/data/articles/river-2.png",
    ]);
    let mut h = app(Some(files[0].clone()));
    settle(&mut h);
    let source = h
        .state()
        .article()
        .images()
        .next()
        .expect("a picture")
        .source
        .clone();
    let shown = h.state().reader().picture_rect(&source).expect("on screen");
    drag_with(
        &mut h,
        Modifiers::SHIFT,
        shown.min + egui::vec2(20.0, 20.0),
        shown.min + egui::vec2(120.0, 90.0),
    );
    press(&mut h, &[Key::Num1]);
    assert_eq!(h.state().session().set.len(), 1);

    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    let format_box = h
        .get_all_by_role(egui::accesskit::Role::ComboBox)
        .find(|n| n.value().is_some_and(|v| v.contains(" — ")))
        .expect("the Format box")
        .rect()
        .center();
    quick_click(&mut h, format_box);
    let brat = h
        .get_all_by_label_contains("brat — ")
        .map(|n| n.rect())
        .max_by(|a, b| a.top().total_cmp(&b.top()))
        .expect("brat in the list")
        .center();
    quick_click(&mut h, brat);
    assert!(
        h.query_by_label_contains("brat has no image support")
            .is_some()
    );
    let out = PathBuf::from(h.state().export_dialog().expect("open").output());
    assert!(out.starts_with(dir.path()));
    h.get_by_label("Export").click();
    for _ in 0..600 {
        if h.state()
            .export_dialog()
            .is_some_and(|d| d.result().is_some())
        {
            break;
        }
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    h.run();
    assert!(
        h.query_by_label_contains("1 picture region(s) left out")
            .is_some(),
        "the result says what brat could not hold: {:?}",
        h.state().export_dialog().and_then(|d| d.result())
    );
}

#[test]
fn passages_by_code_show_a_region_as_a_thumbnail_of_its_part_of_the_picture() {
    let (dir, files) = workspace_with(&[PHOTO]);
    let photo = &files[0];
    {
        let mut h = app(Some(photo.clone()));
        settle(&mut h);
        let s = shown(&h);
        let size = (960.0, 540.0);
        drag_with(
            &mut h,
            Modifiers::SHIFT,
            at(s, size, (200.2, 150.2)),
            at(s, size, (399.8, 299.8)),
        );
        press(&mut h, &[Key::Num1]);
        saved(&mut h, photo);
    }
    let mut h = common::app_with_max_steps(Some(dir.path().to_owned()), 32);
    let idle = |h: &App| {
        h.state()
            .library()
            .is_some_and(|l| !l.is_busy() && l.library().rows.iter().any(|r| !r.tags.is_empty()))
    };
    for _ in 0..600 {
        if idle(&h) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    assert!(idle(&h), "the library lists the photo with its tag");
    // The side panel also names the tag: hide it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run();
    h.get_by_label("Passages").click();
    h.run();
    h.get_by_label("সরকারি বক্তব্য").click();
    h.run();
    let thumbnail = "thumbnail of image region 200,150 200×150";
    for _ in 0..600 {
        if h.query_by_label_contains(thumbnail).is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    assert!(
        h.query_by_label_contains(thumbnail).is_some(),
        "the passage shows the region's part of the photo"
    );
    // Another picture under the same name: the passage says so, in words.
    drop(h);
    std::fs::copy("tests/data/articles/river-2.png", photo).unwrap();
    let mut h = common::app_with_max_steps(Some(dir.path().to_owned()), 32);
    for _ in 0..600 {
        if idle(&h) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run();
    h.get_by_label("Passages").click();
    h.run();
    h.get_by_label("সরকারি বক্তব্য").click();
    h.run();
    for _ in 0..600 {
        if h.query_by_label_contains("· picture changed").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    // It said "· imagechanged", the name of the status in the code. (The passage's
    // details are one truncated label: tags · coder · status.)
    assert!(h.query_by_label_contains("· picture changed").is_some());
    assert!(h.query_by_label_contains("imagechanged").is_none());
}

#[test]
fn a_photo_taken_sideways_is_coded_in_its_upright_pixels() {
    // Stored 40×20 with EXIF "rotate 90°": shown, and coded, 20×40.
    let (_dir, files) = workspace_with(&["tests/data/pictures/rotated-exif6.jpg"]);
    let photo = &files[0];
    let mut h = app(Some(photo.clone()));
    settle(&mut h);
    let s = shown(&h);
    assert!(s.height() > s.width() * 1.5, "shown upright: {s:?}");
    let size = (20.0, 40.0);
    drag_with(
        &mut h,
        Modifiers::SHIFT,
        at(s, size, (2.2, 30.2)),
        at(s, size, (11.8, 37.8)),
    );
    press(&mut h, &[Key::Num1]);
    assert_eq!(
        rect_of(&saved(&mut h, photo)[0]),
        PixelRect::new(2, 30, 10, 8)
    );
}

#[test]
fn t_and_n_over_the_zoomed_picture_open_their_dialogs_and_the_zoom_comes_back() {
    let (_dir, files) = workspace_with(&[
        "tests/data/articles/river.txt",
        PHOTO,
        "tests/data/articles/river-2.png",
    ]);
    let article = &files[0];
    let mut h = app(Some(article.clone()));
    settle(&mut h);
    let source = h.state().article().images().next().unwrap().source.clone();
    let picture = h.state().reader().picture_rect(&source).unwrap();
    // A click on the picture zooms it.
    quick_click(&mut h, picture.center());
    settle(&mut h);
    let zoomed = shown(&h);
    let size = (960.0, 540.0);
    drag_with(
        &mut h,
        Modifiers::SHIFT,
        at(zoomed, size, (100.0, 100.0)),
        at(zoomed, size, (300.0, 200.0)),
    );
    // T: the tag picker over the zoomed picture (it did nothing there).
    press(&mut h, &[Key::T]);
    assert!(h.query_by_label("Tags").is_some(), "the tag picker is open");
    // From the filter field to the first tag's box, ticked, applied.
    press(&mut h, &[Key::Tab, Key::Space]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    h.run();
    assert!(
        h.state().image_viewer().is_some(),
        "back to the zoomed picture"
    );
    // N: the note of the region just coded.
    press(&mut h, &[Key::N]);
    assert!(
        h.query_all_by_label("Note").count() == 2 && h.state().image_viewer().is_none(),
        "the note editor (its heading beside the side panel's tab) took the zoom's place"
    );
    h.event(egui::Event::Text("ঘাট".into()));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    h.run();
    assert!(
        h.state().image_viewer().is_some(),
        "back to the zoomed picture"
    );
    press(&mut h, &[Key::Escape]);
    let annotations = saved(&mut h, article);
    assert_eq!(annotations.len(), 1, "{annotations:?}");
    assert_eq!(annotations[0].tags, ["সরকারি বক্তব্য"]);
    assert_eq!(annotations[0].note, "ঘাট");
    assert_eq!(rect_of(&annotations[0]), PixelRect::new(100, 100, 200, 100));
}

/// Three overlapping regions of tag 1 drawn on the article's first picture (the third
/// with a note); returns the app and where the picture is drawn.
fn three_regions_close_together() -> (tempfile::TempDir, App, Rect) {
    let (dir, files) = workspace_with(&[
        "tests/data/articles/river.txt",
        PHOTO,
        "tests/data/articles/river-2.png",
    ]);
    let mut h = app(Some(files[0].clone()));
    settle(&mut h);
    let source = h
        .state()
        .article()
        .images()
        .next()
        .expect("the article has pictures")
        .source
        .clone();
    let shown = h
        .state()
        .reader()
        .picture_rect(&source)
        .expect("the first picture is on screen");
    let size = (960.0, 540.0);
    for step in 0..3 {
        // 12 pixels apart: 8 points on screen, less than a label's height.
        let d = 12.0 * step as f32;
        drag_with(
            &mut h,
            Modifiers::SHIFT,
            at(shown, size, (100.0 + d, 100.0 + d)),
            at(shown, size, (400.0 + d, 300.0 + d)),
        );
        press(&mut h, &[Key::Num1]);
    }
    press(&mut h, &[Key::N]);
    h.event(egui::Event::Text("ঘাটের নৌকা".into()));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    assert_eq!(h.state().session().set.len(), 3, "three regions drawn");
    (dir, h, shown)
}

/// The text shapes painted this frame inside `within` whose text starts with `prefix`,
/// with the rectangles they cover.
fn painted_texts(h: &App, within: Rect, prefix: &str) -> Vec<(String, Rect)> {
    fn walk(shape: &egui::Shape, out: &mut Vec<(String, Rect)>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            egui::Shape::Text(text) => out.push((
                text.galley.text().to_owned(),
                text.galley.rect.translate(text.pos.to_vec2()),
            )),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out.retain(|(text, rect)| text.starts_with(prefix) && within.contains_rect(*rect));
    out
}

#[test]
fn labels_of_regions_close_together_on_an_inline_picture_do_not_overlap() {
    let (_dir, mut h, shown) = three_regions_close_together();
    // Away from the picture, so that no hover covers the labels.
    h.hover_at(pos2(5.0, 700.0));
    h.run();
    // The tag's name, whole or shortened with "…".
    let labels = painted_texts(&h, shown, "সরকারি");
    assert!(
        labels.len() >= 2,
        "the labels that fit are written: {labels:?}"
    );
    for (i, (_, a)) in labels.iter().enumerate() {
        for (_, b) in &labels[i + 1..] {
            assert!(!a.intersects(*b), "labels overlap: {labels:?}");
        }
    }
}

#[test]
fn over_a_region_of_an_inline_picture_its_tags_and_note_show_not_the_zoom_hint() {
    let (_dir, mut h, shown) = three_regions_close_together();
    // Inside the third region only, where its note is.
    let size = (960.0, 540.0);
    h.hover_at(at(shown, size, (418.0, 300.0)));
    h.run_steps(90);
    assert!(
        h.query_by_label_contains("সরকারি বক্তব্য\nঘাটের নৌকা").is_some(),
        "the region's tags and note show"
    );
    // The article's second picture, further down, keeps its own hint.
    let zoom_hint = |h: &App| {
        h.query_all_by_label_contains("Click to zoom")
            .any(|n| n.rect().min.y < shown.max.y)
    };
    assert!(
        !zoom_hint(&h),
        "the picture's hint does not cover the region's"
    );
    // Off the regions, the picture's hint is back.
    h.hover_at(at(shown, size, (800.0, 60.0)));
    h.run_steps(90);
    assert!(zoom_hint(&h));
}
