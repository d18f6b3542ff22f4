//! The start-up baseline: the most direct eframe app that shows an article — the file
//! read at once, the whole text in one `egui::Label` in a scroll area, Pathok's fonts
//! (so Bengali is shaped) — built with the same eframe as Pathok. `bench/first-frame.py`
//! measures it next to Pathok in the same run.
//!
//! Run: `cargo run --release --example naive_label -- [--renderer glow|wgpu] ARTICLE.txt`

// A measuring tool, not product code: it stops on the first failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use anyhow::{Context as _, bail};
use pathok::ui::renderer::Renderer;

fn main() -> anyhow::Result<()> {
    let mut renderer = Renderer::DEFAULT;
    let mut path = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--renderer" {
            let name = args.next().context("--renderer needs glow or wgpu")?;
            renderer = name.parse()?;
        } else if path.is_none() {
            path = Some(arg);
        } else {
            bail!("usage: naive_label [--renderer glow|wgpu] ARTICLE.txt");
        }
    }
    let path = path.context("usage: naive_label [--renderer glow|wgpu] ARTICLE.txt")?;
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {path}"))?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("naive label")
            .with_inner_size([1100.0, 800.0]),
        renderer: renderer.to_eframe(),
        ..Default::default()
    };
    eframe::run_native(
        "naive_label",
        options,
        Box::new(move |cc| {
            pathok::ui::fonts::install(&cc.egui_ctx);
            cc.egui_ctx.set_visuals(egui::Visuals::light());
            Ok(Box::new(NaiveLabel { text }))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
}

struct NaiveLabel {
    text: String,
}

impl eframe::App for NaiveLabel {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(18.0 * 38.0);
                    ui.label(egui::RichText::new(self.text.as_str()).size(18.0));
                });
        });
    }
}
