//! Reader performance on a 10 MB Bengali article (the corpus article repeated), next to
//! the naive approach (one `egui::Label` holding the whole article) measured in the
//! same run; then the same article with 10,000 annotations, the side panel open and
//! every highlight painted, next to a list that lays out every annotation each frame,
//! and the autosave at that size. Headless: egui layout and tessellation on the CPU,
//! no GPU.
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
    report_scroll("scrolling", &mut scroll);
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
    report_scroll("scrolling", &mut naive_scroll);
    println!(
        "  memory after first frame: {:>7.0} MB RSS (+{:.0} MB)",
        rss_naive,
        rss_naive - rss_before_naive
    );
    drop(naive_ctx);
    many_annotations(&path, &article, &style)
}

const ANNOTATIONS: usize = 10_000;
const PANEL_FRAMES: usize = 200;

/// 10,000 annotations on the article: the side panel (virtualised) and the reader
/// painting every highlight, scrolled; a list laying out every annotation each frame
/// for comparison; the autosave of that sidecar.
fn many_annotations(
    path: &std::path::Path,
    article: &Arc<pathok::article::Article>,
    style: &ReaderStyle,
) -> anyhow::Result<()> {
    use pathok::annotate::Color;
    use pathok::session::Session;
    use pathok::ui::side_panel::SidePanel;

    let (mut session, _) = Session::open(path, article);
    let len = article.text.char_len();
    let t = Instant::now();
    for i in 0..ANNOTATIONS {
        let start = i * (len / ANNOTATIONS) + (i % 7) * 3;
        let range = CharRange::new(start, (start + 30 + (i % 5) * 25).min(len));
        let tags = if i % 3 == 0 {
            vec!["সরকারি বক্তব্য".to_owned()]
        } else {
            Vec::new()
        };
        session.add(article, range, Color::HIGHLIGHT, tags, "bench")?;
        if i % 4 == 0 {
            let id = session.selected.expect("the new annotation is selected");
            session.set_note(id, format!("টীকা {i}: পরে আবার দেখতে হবে"))?;
        }
    }
    session.selected = None;
    println!(
        "\n{ANNOTATIONS} annotations added in {:.0} ms",
        ms(t.elapsed())
    );

    // Autosave: one change, then the save. The app saves on a thread (the frame only
    // copies the annotations); saving on the window thread is the baseline.
    let mut saves = Vec::new();
    let (mut frame_costs, mut written) = (Vec::new(), Vec::new());
    for i in 0..10 {
        let id = session.set.as_slice()[i * 97].id;
        session.set_note(id, format!("নতুন টীকা {i}"))?;
        let t = Instant::now();
        if let Some(problem) = session.autosave(article, true) {
            anyhow::bail!("autosave failed: {problem}");
        }
        saves.push(t.elapsed());
        session.set_note(id, format!("আবার নতুন টীকা {i}"))?;
        std::thread::sleep(pathok::session::AUTOSAVE_DELAY + Duration::from_millis(5));
        let t = Instant::now();
        if let Some(problem) = session.autosave_in_background(article) {
            anyhow::bail!("autosave failed: {problem}");
        }
        frame_costs.push(t.elapsed());
        while session.is_saving() {
            std::thread::sleep(Duration::from_micros(200));
            if let Some(problem) = session.autosave_in_background(article) {
                anyhow::bail!("autosave failed: {problem}");
            }
        }
        written.push(t.elapsed());
    }
    let sidecar = pathok::store::sidecar_path(path);
    let sidecar_mb = std::fs::metadata(&sidecar)?.len() as f64 / 1e6;

    let highlights: Vec<Highlight> = session
        .set
        .iter()
        .enumerate()
        .map(|(i, a)| Highlight {
            range: a.range(),
            color: egui::Color32::from_rgb(0xff, 0xe0, 0x66),
            outlined: false,
            key: i as u64,
        })
        .collect();
    let mut reader = ReaderView::new(Arc::clone(article));
    reader.set_highlights(highlights);
    let mut panel = SidePanel::default();
    let ctx = context();
    let mut app = |ui: &mut egui::Ui| {
        egui::Panel::right("side")
            .default_size(340.0)
            .show(ui, |ui| panel.ui(ui, article, &session, None));
        egui::CentralPanel::default().show(ui, |ui| {
            reader.ui(ui, style);
        });
    };
    let first = frame(&ctx, &mut app);
    let mut panel_scroll = Vec::with_capacity(PANEL_FRAMES);
    let mut reader_scroll = Vec::with_capacity(PANEL_FRAMES);
    for _ in 0..PANEL_FRAMES {
        panel_scroll.push(run(
            &ctx,
            input_at(egui::pos2(950.0, 400.0), 120.0),
            &mut app,
        ));
        reader_scroll.push(run(
            &ctx,
            input_at(egui::pos2(400.0, 400.0), 120.0),
            &mut app,
        ));
    }
    println!(
        "\nPathok, {ANNOTATIONS} annotations: side panel open (virtualised list), every highlight painted"
    );
    println!("  first frame:             {:>8.1} ms", ms(first));
    report_scroll("side panel scrolled", &mut panel_scroll);
    report_scroll("reader scrolled", &mut reader_scroll);
    let mean_max = |times: &[Duration]| {
        let max = times.iter().max().copied().unwrap_or_default();
        (
            ms(times.iter().sum::<Duration>() / times.len() as u32),
            ms(max),
        )
    };
    println!("  autosave, {sidecar_mb:.1} MB sidecar, 10 saves each (mean / max):");
    let (mean, max) = mean_max(&frame_costs);
    println!("    in the app, time the frame is held:  {mean:>6.1} / {max:>6.1} ms");
    let (mean, max) = mean_max(&written);
    println!("    in the app, until the file is written: {mean:>6.1} / {max:>6.1} ms");
    let (mean, max) = mean_max(&saves);
    println!("    baseline, saved on the window thread:  {mean:>6.1} / {max:>6.1} ms");

    // --- Naive list: every annotation laid out every frame ---
    let naive_ctx = context();
    let naive = |ui: &mut egui::Ui| {
        egui::Panel::right("side")
            .default_size(340.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        for a in session.set.iter() {
                            egui::Frame::group(ui.style()).show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                ui.label(a.quote.as_str());
                                if !a.note.is_empty() {
                                    ui.label(egui::RichText::new(a.note.as_str()).italics());
                                }
                            });
                        }
                    });
            });
    };
    let naive_first = frame(&naive_ctx, naive);
    let mut naive_scroll = Vec::new();
    for _ in 0..20 {
        naive_scroll.push(run(
            &naive_ctx,
            input_at(egui::pos2(950.0, 400.0), 120.0),
            naive,
        ));
    }
    println!("\nNaive list ({ANNOTATIONS} annotations, every one laid out each frame)");
    println!("  first frame:             {:>8.1} ms", ms(naive_first));
    report_scroll("scrolled", &mut naive_scroll);
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
    input_at(egui::pos2(500.0, 400.0), scroll)
}

/// A frame's input: the mouse at `pointer`, the wheel turned by `scroll` points.
fn input_at(pointer: egui::Pos2, scroll: f32) -> egui::RawInput {
    let mut raw = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1100.0, 800.0),
        )),
        ..Default::default()
    };
    if scroll != 0.0 {
        raw.events.push(egui::Event::PointerMoved(pointer));
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

fn report_scroll(label: &str, frames: &mut [Duration]) {
    frames.sort();
    let mean = frames.iter().sum::<Duration>() / frames.len() as u32;
    let p95 = frames[frames.len() * 95 / 100];
    let max = frames[frames.len() - 1];
    println!(
        "  {:<25} mean {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        format!("{label} ({} frames):", frames.len()),
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
