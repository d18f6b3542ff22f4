//! Reader performance on a 10 MB Bengali article (the corpus article repeated), next to
//! the naive approach (one `egui::Label` holding the whole article) measured in the
//! same run. Headless: egui layout and tessellation on the CPU, no GPU.
//!
//! Run: `cargo run --release --example bench_reader`

// A benchmark aborts on the first failure with its message; it is a measuring tool,
// not product code, so unwrap/expect are allowed here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use pathok::text::CharRange;
use pathok::ui::reader::{Highlight, ReaderStyle, ReaderView, ScrollRequest, Typography};
use pathok::ui::theme::ReaderTheme;

const TARGET_BYTES: usize = 10 * 1024 * 1024;
const SCROLL_FRAMES: usize = 300;

fn main() -> anyhow::Result<()> {
    let corpus = include_str!("../tests/data/news-putin-kim.txt");
    let mut text = String::with_capacity(TARGET_BYTES + corpus.len());
    while text.len() < TARGET_BYTES {
        text.push_str(corpus);
        text.push('\n');
    }
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("big.txt");
    std::fs::write(&path, &text)?;
    println!(
        "article: {:.1} MB, {} chars",
        text.len() as f64 / 1e6,
        text.chars().count()
    );

    let rss_start = rss_mb();
    let t = Instant::now();
    let article = Arc::new(pathok::article::load(&path)?);
    let load = t.elapsed();
    println!(
        "load (read, decode, structure, SHA-256): {:>8.1} ms, {} blocks",
        ms(load),
        article.blocks.len()
    );

    // --- Pathok's reader ---
    let ctx = context();
    let style = ReaderStyle {
        typo: Typography {
            font_size: 18.0,
            typeface: pathok::ui::fonts::Typeface::Sans,
            palette: ReaderTheme::Light.palette(),
        },
        column_em: 38.0,
    };
    let mut reader = ReaderView::new(Arc::clone(&article));
    // 1,000 highlights spread over the article, some overlapping.
    let len = article.text.char_len();
    let highlights: Vec<Highlight> = (0..1000u64)
        .map(|i| {
            let start = (i as usize * (len / 1000)) + (i as usize % 7) * 3;
            Highlight {
                range: CharRange::new(start, (start + 40 + (i as usize % 5) * 30).min(len)),
                color: egui::Color32::from_rgb(0xff, 0xe0, 0x66),
                outlined: i == 0,
                key: i,
            }
        })
        .collect();
    reader.set_highlights(highlights);
    let first = frame(&ctx, |ui| {
        reader.ui(ui, &style);
    });
    let rss_reader = rss_mb();
    let mut scroll = Vec::with_capacity(SCROLL_FRAMES);
    for i in 0..SCROLL_FRAMES {
        // Mostly small steps, now and then a page, as a reader scrolls.
        let request = if i % 25 == 0 {
            ScrollRequest::Pages(1.0)
        } else {
            ScrollRequest::By(40.0)
        };
        reader.request_scroll(request);
        scroll.push(frame(&ctx, |ui| {
            reader.ui(ui, &style);
        }));
    }
    let mut position = 0.0;
    frame(&ctx, |ui| position = reader.ui(ui, &style).position);
    println!(
        "(after scrolling: {:.1}% down the article, {} blocks laid out so far)",
        position * 100.0,
        reader.measured_blocks()
    );
    reader.request_scroll(ScrollRequest::Bottom);
    let jump = frame(&ctx, |ui| {
        reader.ui(ui, &style);
    });
    println!("\nPathok reader (virtualised galleys, 1,000 highlights)");
    println!("  first frame:             {:>8.1} ms", ms(first));
    report_scroll(&mut scroll);
    println!("  jump to end:             {:>8.1} ms", ms(jump));
    println!(
        "  memory after first frame: {:>7.0} MB RSS (+{:.0} MB over start)",
        rss_reader,
        rss_reader - rss_start
    );

    // --- Naive: one Label holding the whole article ---
    let naive_ctx = context();
    let whole = article.text.as_str().to_owned();
    let naive = |ui: &mut egui::Ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(18.0 * 38.0);
                ui.label(egui::RichText::new(whole.as_str()).size(18.0));
            });
    };
    let rss_before_naive = rss_mb();
    let naive_first = frame(&naive_ctx, naive);
    let rss_naive = rss_mb();
    let mut naive_scroll = Vec::new();
    for _ in 0..20 {
        naive_ctx.input_mut(|_| {});
        naive_scroll.push(frame_with_scroll(&naive_ctx, naive));
    }
    println!("\nNaive (one egui::Label with the whole article)");
    println!("  first frame:             {:>8.1} ms", ms(naive_first));
    report_scroll(&mut naive_scroll);
    println!(
        "  memory after first frame: {:>7.0} MB RSS (+{:.0} MB)",
        rss_naive,
        rss_naive - rss_before_naive
    );
    Ok(())
}

fn context() -> egui::Context {
    let ctx = egui::Context::default();
    pathok::ui::fonts::install(&ctx);
    let mut out = ctx.run_ui(input(0.0), |_| {});
    out.textures_delta.clear();
    ctx
}

fn input(scroll: f32) -> egui::RawInput {
    let mut raw = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1100.0, 800.0),
        )),
        ..Default::default()
    };
    if scroll != 0.0 {
        raw.events
            .push(egui::Event::PointerMoved(egui::pos2(500.0, 400.0)));
        raw.events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -scroll),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
    }
    raw
}

/// One full frame: UI pass plus tessellation (what the CPU does before the GPU).
fn frame(ctx: &egui::Context, ui: impl FnMut(&mut egui::Ui)) -> Duration {
    run(ctx, input(0.0), ui)
}

fn frame_with_scroll(ctx: &egui::Context, ui: impl FnMut(&mut egui::Ui)) -> Duration {
    run(ctx, input(40.0), ui)
}

fn run(ctx: &egui::Context, raw: egui::RawInput, mut ui: impl FnMut(&mut egui::Ui)) -> Duration {
    let t = Instant::now();
    let mut out = ctx.run_ui(raw, |ui_| {
        egui::CentralPanel::default().show(ui_, |ui_| ui(ui_));
    });
    let shapes = std::mem::take(&mut out.shapes);
    let _primitives = ctx.tessellate(shapes, out.pixels_per_point);
    out.textures_delta.clear();
    t.elapsed()
}

fn report_scroll(frames: &mut [Duration]) {
    frames.sort();
    let mean = frames.iter().sum::<Duration>() / frames.len() as u32;
    let p95 = frames[frames.len() * 95 / 100];
    let max = frames[frames.len() - 1];
    println!(
        "  scrolling ({} frames):    mean {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        frames.len(),
        ms(mean),
        ms(p95),
        ms(max)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Resident memory of this process in MB (Linux).
fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|kb| kb.parse::<f64>().ok())
            })
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
