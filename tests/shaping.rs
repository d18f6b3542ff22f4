//! Every paragraph of the test corpus lays out with one glyph per char through the
//! display string (epaint's cursor positions depend on it), and the raw text does not,
//! which shows the check can fail.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use egui::text::{LayoutJob, TextFormat};
use egui::{FontFamily, FontId};
use pathok::text::display_string;
use pathok::ui::fonts::Typeface;

/// Every non-empty line of every text file under `tests/data` (corpus article, shaping
/// word lists) plus the bundled sample article.
fn corpus_lines() -> Vec<(String, String)> {
    let mut lines = Vec::new();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut files = vec![
        data.join("news-putin-kim.txt"),
        data.join("bengali-samples.txt"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/pathagar.txt"),
    ];
    for entry in std::fs::read_dir(data.join("shaping")).expect("tests/data/shaping exists") {
        files.push(entry.expect("readable dir entry").path());
    }
    files.sort();
    for file in files {
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            lines.push((name.clone(), line.to_owned()));
        }
    }
    assert!(lines.len() > 300, "corpus too small: {}", lines.len());
    lines
}

fn context() -> egui::Context {
    let ctx = egui::Context::default();
    pathok::ui::fonts::install(&ctx);
    // One pass makes the fonts active; the texture updates are not rendered here.
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    ctx
}

/// Number of glyphs in the galley of `text` (a `\n` ending a row counts as one): epaint
/// assumes this equals the number of chars, and places cursors by it.
fn glyph_count(ctx: &egui::Context, text: &str, family: FontFamily) -> usize {
    let job = LayoutJob::single_section(
        text.to_owned(),
        TextFormat::simple(FontId::new(18.0, family), egui::Color32::BLACK),
    );
    let mut job = job;
    job.wrap.max_width = 420.0;
    let galley = ctx.fonts_mut(|f| f.layout_job(job));
    galley
        .rows
        .iter()
        .map(|row| row.glyphs.len() + usize::from(row.ends_with_newline))
        .sum()
}

fn families() -> Vec<FontFamily> {
    vec![
        Typeface::Sans.family(false),
        Typeface::Sans.family(true),
        Typeface::Serif.family(false),
        Typeface::Serif.family(true),
    ]
}

#[test]
fn every_corpus_line_lays_out_one_glyph_per_char_through_the_display_string() {
    let ctx = context();
    let mut broken = Vec::new();
    let lines = corpus_lines();
    for family in families() {
        for (file, line) in &lines {
            let display = display_string(line);
            if glyph_count(&ctx, &display, family.clone()) != display.chars().count() {
                broken.push(format!("{family:?} {file}: {line}"));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} lines break glyphs == chars:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

#[test]
fn the_raw_text_breaks_the_invariant_so_the_check_can_fail() {
    let ctx = context();
    let lines = corpus_lines();
    let with_split_vowels: Vec<&String> = lines
        .iter()
        .map(|(_, l)| l)
        .filter(|l| l.contains('\u{09CB}') || l.contains('\u{09CC}'))
        .collect();
    assert!(with_split_vowels.len() > 10);
    let broken = with_split_vowels
        .iter()
        .filter(|line| glyph_count(&ctx, line, FontFamily::Proportional) != line.chars().count())
        .count();
    // Measured with egui 0.37: 20 of the 24 lines with ো/ৌ break.
    assert!(
        broken * 2 > with_split_vowels.len(),
        "only {broken} of {} lines with ো/ৌ break: has epaint fixed the bug?",
        with_split_vowels.len()
    );
}
