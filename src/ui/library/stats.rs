//! Tag statistics of the library: per tag its passages and articles (and passages
//! per coder), a bar chart of tag frequencies, and the co-occurrence matrix coloured
//! by count, whose cells open their passages in the passages view.

use std::ops::ControlFlow;
use std::path::PathBuf;

use egui::{Color32, RichText, Sense, vec2};

use crate::corpus::{self, Stats};
use crate::tr;

use super::job::{Job, progress_ui};
use super::{LibraryAction, PanelContext};

type Outcome = Result<(Stats, Vec<corpus::ReadError>), corpus::Cancelled>;

/// The statistics view's state.
#[derive(Default)]
pub struct StatsView {
    job: Option<Job<Outcome>>,
    stats: Option<Stats>,
    failures: Vec<String>,
    computed: Option<u64>,
    error: Option<String>,
}

impl StatsView {
    /// True while the statistics are being counted.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    fn start(&mut self, ctx: &egui::Context, articles: Vec<PathBuf>, generation: u64) {
        self.computed = Some(generation);
        let spawned = Job::spawn(ctx, "stats", move |progress| {
            let total = articles.len();
            corpus::stats(&articles, &mut |done| {
                if done % 64 == 0 || done == total {
                    progress.report(done, total);
                }
                if progress.cancelled() {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            })
        });
        match spawned {
            Ok(job) => self.job = Some(job),
            Err(e) => self.error = Some(tr!("stats-cannot-count", reason = e.to_string())),
        }
    }

    fn poll(&mut self) {
        let Some(job) = &self.job else { return };
        if let Some(result) = job.poll("statistics") {
            self.job = None;
            match result {
                Ok(Ok((stats, failures))) => {
                    self.stats = Some(stats);
                    self.failures = failures.iter().map(ToString::to_string).collect();
                }
                Ok(Err(corpus::Cancelled)) => {}
                Err(lost) => self.error = Some(lost.to_string()),
            }
        }
    }

    /// Draw the view (counting again when the library changed). Returns an action,
    /// and the co-occurrence cell clicked as (row tag, column tag).
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        articles: Vec<PathBuf>,
        generation: u64,
        cx: &mut PanelContext<'_>,
    ) -> (Option<LibraryAction>, Option<(String, String)>) {
        self.poll();
        if self.job.is_none() && self.computed != Some(generation) {
            (cx.save_first)();
            self.start(ui.ctx(), articles, generation);
        }
        if let Some(job) = &self.job {
            progress_ui(ui, job, &tr!("stats-counting"));
        }
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        let Some(stats) = &self.stats else {
            return (None, None);
        };
        let mut cell = None;
        // The tables may scroll sideways; the sentences wrap at the panel's width.
        let text_width = ui.available_width() - ui.spacing().scroll.bar_width;
        egui::ScrollArea::both()
            .id_salt("stats")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.label(tr!(
                    "stats-summary",
                    articles = stats.articles,
                    annotations = stats.annotations,
                    tags = stats.tags.len()
                ));
                for failure in &self.failures {
                    ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {failure}"));
                }
                ui.add_space(6.0);
                ui.strong(tr!("stats-tags"));
                tag_table(ui, stats);
                ui.add_space(8.0);
                ui.strong(tr!("stats-passages-per-tag"));
                bar_chart(ui, stats);
                ui.add_space(8.0);
                ui.strong(tr!("stats-co-occurrence"));
                ui.scope(|ui| {
                    ui.set_max_width(text_width);
                    ui.weak(tr!("stats-co-occurrence-explain"));
                });
                cell = matrix(ui, stats);
            });
        (None, cell)
    }
}

/// Per tag: passages, articles, and passages per coder.
fn tag_table(ui: &mut egui::Ui, stats: &Stats) {
    egui::Grid::new("stats-tags").striped(true).show(ui, |ui| {
        ui.strong(tr!("library-tag"));
        ui.strong(tr!("library-tab-passages"));
        ui.strong(tr!("library-tab-articles"));
        ui.strong(tr!("stats-per-coder"));
        ui.end_row();
        for (tag, s) in &stats.tags {
            ui.label(tag);
            ui.label(crate::i18n::number(s.annotations));
            ui.label(crate::i18n::number(s.articles));
            let coders: Vec<String> = s
                .coders
                .iter()
                .map(|(c, n)| {
                    let coder = if c.is_empty() {
                        tr!("stats-no-coder")
                    } else {
                        c.clone()
                    };
                    format!("{coder}: {}", crate::i18n::number(n))
                })
                .collect();
            ui.label(coders.join(", "));
            ui.end_row();
        }
    });
}

/// A horizontal bar per tag, as long as its number of passages.
fn bar_chart(ui: &mut egui::Ui, stats: &Stats) {
    let max = stats
        .tags
        .values()
        .map(|s| s.annotations)
        .max()
        .unwrap_or(0)
        .max(1);
    let label_width = 140.0;
    let bar_width = (ui.available_width() - label_width - 60.0).max(120.0);
    let fill = ui.visuals().selection.bg_fill;
    for (tag, s) in &stats.tags {
        ui.horizontal(|ui| {
            ui.add_sized(
                [label_width, 18.0],
                egui::Label::new(tag.as_str()).truncate(),
            );
            let length = bar_width * s.annotations as f32 / max as f32;
            let (rect, _) = ui.allocate_exact_size(vec2(bar_width, 16.0), Sense::hover());
            let bar = egui::Rect::from_min_size(rect.min, vec2(length.max(1.0), rect.height()));
            ui.painter().rect_filled(bar, 2.0, fill);
            ui.label(crate::i18n::number(s.annotations));
        });
    }
}

/// The co-occurrence matrix; returns the cell clicked.
fn matrix(ui: &mut egui::Ui, stats: &Stats) -> Option<(String, String)> {
    let max = stats
        .cooccurrence
        .values()
        .flat_map(|row| row.values())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let tags: Vec<&String> = stats.cooccurrence.keys().collect();
    // Every column as wide as its widest heading within reason; a longer heading is cut
    // with "…" (whole on hover). Headings wider than their column ran into the next
    // one ("diplomacyhistory").
    let font = egui::TextStyle::Small.resolve(ui.style());
    let widest = tags
        .iter()
        .map(|t| {
            ui.painter()
                .layout_no_wrap(t.to_string(), font.clone(), Color32::BLACK)
                .size()
                .x
        })
        .fold(0.0, f32::max);
    let cell = column_width(widest);
    let mut clicked = None;
    egui::Grid::new("stats-matrix")
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            ui.label("");
            for tag in &tags {
                let heading = egui::Label::new(RichText::new(tag.as_str()).small()).truncate();
                ui.add_sized(vec2(cell, 16.0), heading)
                    .on_hover_text(tag.as_str());
            }
            ui.end_row();
            for row in &tags {
                ui.label(row.as_str());
                for column in &tags {
                    let n = stats.cooccurrence[*row].get(*column).copied().unwrap_or(0);
                    let strength = n as f32 / max as f32;
                    let fill = heat(strength);
                    let text = if strength > 0.55 {
                        Color32::WHITE
                    } else {
                        Color32::BLACK
                    };
                    let button =
                        egui::Button::new(RichText::new(crate::i18n::number(n)).color(text))
                            .fill(fill)
                            .min_size(vec2(cell, 22.0));
                    if ui
                        .add(button)
                        .on_hover_text(tr!(
                            "stats-cell-tip",
                            row = row.as_str(),
                            column = column.as_str(),
                            count = n
                        ))
                        .clicked()
                    {
                        clicked = Some(((*row).clone(), (*column).clone()));
                    }
                }
                ui.end_row();
            }
        });
    clicked
}

/// The width of the matrix's columns for headings `widest` points wide: at least a
/// count's button (44), at most 96 (longer headings are cut).
fn column_width(widest: f32) -> f32 {
    widest.ceil().clamp(44.0, 96.0)
}

/// From pale to deep blue as a count grows (0 = white).
fn heat(strength: f32) -> Color32 {
    let s = strength.clamp(0.0, 1.0);
    let mix = |from: f32, to: f32| (from + (to - from) * s).round() as u8;
    Color32::from_rgb(
        mix(250.0, 0x1f as f32),
        mix(250.0, 0x4e as f32),
        mix(250.0, 0x9a as f32),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_their_headings_within_reason() {
        assert_eq!(column_width(10.0), 44.0);
        assert_eq!(column_width(61.2), 62.0);
        assert_eq!(column_width(300.0), 96.0);
    }

    #[test]
    fn the_heat_scale_runs_from_white_to_blue() {
        assert_eq!(heat(0.0), Color32::from_rgb(250, 250, 250));
        assert_eq!(heat(1.0), Color32::from_rgb(0x1f, 0x4e, 0x9a));
        assert_eq!(heat(2.0), heat(1.0));
    }
}
