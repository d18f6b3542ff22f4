//! Passages by code (code retrieval): every passage of the library that carries any of
//! the chosen tags, optionally by one coder and overlapping a passage of another tag,
//! with its article, context, note and coder; a click opens the article on it, and
//! the passages shown can be exported with the existing exporters. A picture region
//! shows a thumbnail of the part of the picture it marks instead of a quote.

use std::collections::BTreeSet;
use std::ops::ControlFlow;
use std::path::PathBuf;

use egui::RichText;

use crate::annotate::{ImageRegion, Status};
use crate::article::ImageSource;
use crate::corpus::{self, Library, Passage, PassageFilter};
use crate::tr;

use super::super::images::{ImageCache, ImageState};

use super::concordance::{self, Columns, InContext};
use super::job::{Job, progress_ui};
use super::{LibraryAction, PanelContext};

const ROW_HEIGHT: f32 = 44.0;
/// The share of a passage's first line its title may take.
const TITLE_SHARE: f32 = 0.6;

struct Outcome {
    passages: Vec<Passage>,
    failures: Vec<String>,
}

/// The passages view's state.
#[derive(Default)]
pub struct PassagesView {
    filter: PassageFilter,
    job: Option<Job<Outcome>>,
    outcome: Option<Outcome>,
    /// The library generation and filter the outcome was computed for.
    computed: Option<(u64, PassageFilter)>,
    error: Option<String>,
    /// The pictures of the regions shown (decoded as their rows come into view).
    pictures: ImageCache,
}

impl PassagesView {
    /// True while passages are being gathered.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Show the passages of a co-occurrence cell: carrying `tag` and `overlapping`.
    pub fn show_cell(&mut self, tag: String, overlapping: String) {
        self.filter = PassageFilter {
            tags: vec![tag],
            coders: Vec::new(),
            overlapping: Some(overlapping),
            status: None,
        };
    }

    /// The passages shown: article path and quote.
    pub fn shown(&self) -> Vec<(PathBuf, String)> {
        self.outcome.as_ref().map_or_else(Vec::new, |o| {
            o.passages
                .iter()
                .map(|p| (p.article.clone(), p.annotation.quote.clone()))
                .collect()
        })
    }

    fn start(&mut self, ctx: &egui::Context, articles: Vec<PathBuf>, generation: u64) {
        let filter = self.filter.clone();
        self.computed = Some((generation, filter.clone()));
        let spawned = Job::spawn(ctx, "passages", move |progress| {
            let total = articles.len();
            let mut passages = Vec::new();
            let mut failures = Vec::new();
            let _ = corpus::passages(&articles, &filter, &mut |i, result| {
                match result {
                    Ok(found) => passages.extend(found),
                    Err(e) => failures.push(e.to_string()),
                }
                if (i + 1) % 64 == 0 || i + 1 == total {
                    progress.report(i + 1, total);
                }
                if progress.cancelled() {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            });
            Outcome { passages, failures }
        });
        match spawned {
            Ok(job) => self.job = Some(job),
            Err(e) => self.error = Some(tr!("passages-cannot-gather", reason = e.to_string())),
        }
    }

    fn poll(&mut self) {
        let Some(job) = &self.job else { return };
        if let Some(result) = job.poll("passages view") {
            self.job = None;
            match result {
                Ok(outcome) => self.outcome = Some(outcome),
                Err(lost) => self.error = Some(lost.to_string()),
            }
        }
    }

    /// Draw the view; the passages are gathered again when the filter or the
    /// library changed.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        library: &Library,
        articles: Vec<PathBuf>,
        generation: u64,
        cx: &mut PanelContext<'_>,
    ) -> Option<LibraryAction> {
        self.poll();
        self.pictures.poll(ui.ctx());
        let (tags, coders) = super::list::tags_and_coders(library);
        self.filter_ui(ui, &tags, &coders);
        let current = Some((generation, self.filter.clone()));
        if self.job.is_none() && self.computed != current && !self.filter.tags.is_empty() {
            // The sidecars are read from disk: the open article's must be current.
            (cx.save_first)();
            self.start(ui.ctx(), articles, generation);
        }
        if let Some(job) = &self.job {
            progress_ui(ui, job, &tr!("passages-reading"));
        }
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        if self.filter.tags.is_empty() {
            ui.weak(tr!("passages-choose"));
            return None;
        }
        let outcome = self.outcome.as_ref()?;
        let articles_with: BTreeSet<&PathBuf> =
            outcome.passages.iter().map(|p| &p.article).collect();
        let mut action = None;
        ui.horizontal(|ui| {
            ui.label(tr!(
                "passages-count",
                passages = outcome.passages.len(),
                articles = articles_with.len()
            ));
            if ui
                .button(tr!("passages-export"))
                .on_hover_text(tr!("passages-export-tip"))
                .clicked()
            {
                action = Some(LibraryAction::ExportPassages(self.filter.clone()));
            }
        });
        for failure in &outcome.failures {
            ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {failure}"));
        }
        egui::ScrollArea::vertical()
            .id_salt("passages")
            .auto_shrink([false, false])
            .show_rows(ui, ROW_HEIGHT, outcome.passages.len(), |ui, range| {
                for passage in &outcome.passages[range] {
                    if let Some(a) = passage_ui(ui, passage, &mut self.pictures) {
                        action = Some(a);
                    }
                }
            });
        action
    }

    fn filter_ui(&mut self, ui: &mut egui::Ui, tags: &[String], coders: &[String]) {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("passages-tags"));
            for tag in tags {
                let mut on = self.filter.tags.contains(tag);
                if ui.toggle_value(&mut on, tag).changed() {
                    if on {
                        self.filter.tags.push(tag.clone());
                    } else {
                        self.filter.tags.retain(|t| t != tag);
                    }
                }
            }
            if tags.is_empty() {
                ui.weak(tr!("passages-no-tags"));
            }
        });
        ui.horizontal_wrapped(|ui| {
            let mut coder = self.filter.coders.first().cloned();
            super::list::choice(
                ui,
                "passages-coder",
                &tr!("panel-coder"),
                &tr!("library-any"),
                coders,
                &mut coder,
            );
            self.filter.coders = coder.into_iter().collect();
            super::list::choice(
                ui,
                "passages-overlap",
                &tr!("passages-overlapping"),
                "—",
                tags,
                &mut self.filter.overlapping,
            );
        });
    }
}

/// One passage: title, coder and tags on the first line; context with the quote
/// in bold and the note on the second. Returns the jump when clicked: the article
/// opens with the annotation selected, so `1`–`9`, `T` and `N` act on it.
fn passage_ui(
    ui: &mut egui::Ui,
    passage: &Passage,
    pictures: &mut ImageCache,
) -> Option<LibraryAction> {
    let a = &passage.annotation;
    let mut action = None;
    ui.vertical(|ui| {
        ui.set_height(ROW_HEIGHT - 4.0);
        ui.horizontal(|ui| {
            // One line whatever the panel's width: the title takes up to 60 % of it,
            // the details the rest, each truncated (the full title on hover).
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            let title = if passage.title.is_empty() {
                tr!("library-no-title")
            } else {
                passage.title.clone()
            };
            let room = ui.available_width() * TITLE_SHARE;
            let hover = format!("{title}\n{}", passage.article.display());
            let clicked = ui
                .scope(|ui| {
                    ui.set_max_width(room);
                    ui.link(RichText::new(title).strong())
                })
                .inner
                .on_hover_text(hover)
                .clicked();
            if clicked {
                action = Some(LibraryAction::OpenAnnotation(passage.article.clone(), a.id));
            }
            let mut details = a.tags.join(", ");
            if !a.author.is_empty() {
                details.push_str(&format!(" · {}", a.author));
            }
            let status = match a.status {
                Status::Anchored => None,
                Status::Moved => Some(tr!("passage-status-moved")),
                Status::Orphaned => Some(tr!("passage-status-orphaned")),
                Status::ImageChanged => Some(tr!("passage-status-image-changed")),
            };
            if let Some(status) = status {
                details.push_str(&format!(" · {status}"));
            }
            ui.weak(details);
        });
        if let Some(region) = &a.region {
            ui.horizontal(|ui| {
                thumbnail(ui, passage, region, pictures);
                if !a.note.is_empty() {
                    ui.label(RichText::new(format!("✏ {}", corpus::one_line(&a.note))).italics());
                }
            });
            return;
        }
        quote_ui(ui, a);
    });
    action
}

/// The quote in its context, as a concordance line of the panel's width (so that a
/// long context or note never widens the panel), the note after the right context.
fn quote_ui(ui: &mut egui::Ui, a: &crate::annotate::Annotation) {
    let width = ui.available_width().max(0.0);
    let height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    // Painted, not a label: screen readers (and tests) are told the quote.
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Label, true, corpus::one_line(&a.quote))
    });
    if !ui.is_rect_visible(rect) {
        return;
    }
    let visuals = ui.visuals();
    let (text, weak) = (visuals.strong_text_color(), visuals.weak_text_color());
    let font = egui::TextStyle::Body.resolve(ui.style());
    let painter = ui.painter();
    let matched = painter.layout_no_wrap(corpus::one_line(&a.quote), font.clone(), text);
    let mut after = format!("{}…", corpus::one_line(&a.suffix));
    if !a.note.is_empty() {
        after.push_str(&format!("   ✏ {}", corpus::one_line(&a.note)));
    }
    let parts = InContext {
        left: painter.layout_no_wrap(
            format!("…{}", corpus::one_line(&a.prefix)),
            font.clone(),
            weak,
        ),
        right: painter.layout_no_wrap(after, font, weak),
        matched,
        text,
    };
    let columns = Columns::new(width, parts.matched.size().x, false);
    concordance::paint(painter, rect, columns.left, parts, None);
}

/// Height of a region's thumbnail in a row.
const THUMBNAIL_HEIGHT: f32 = ROW_HEIGHT - 24.0;

/// The part of the picture `region` marks, scaled to the row, with its place in words
/// on hover (and beside it while the picture is read or when it cannot be).
fn thumbnail(
    ui: &mut egui::Ui,
    passage: &Passage,
    region: &ImageRegion,
    pictures: &mut ImageCache,
) {
    let r = region.rect;
    let words = crate::ui::side_panel::rect_words(&r, None);
    let file = match &region.image {
        None => passage.article.clone(),
        Some(image) => crate::store::folder_of(&passage.article).join(image),
    };
    let state = pictures.get(ui.ctx(), &ImageSource::File(file));
    match state {
        ImageState::Ready {
            texture, pixels, ..
        } if pixels.x > 0.0 && pixels.y > 0.0 => {
            let uv = egui::Rect::from_min_max(
                egui::pos2(r.x as f32 / pixels.x, r.y as f32 / pixels.y),
                egui::pos2((r.x + r.w) as f32 / pixels.x, (r.y + r.h) as f32 / pixels.y),
            );
            let aspect = r.w as f32 / r.h.max(1) as f32;
            let size = egui::vec2(
                (THUMBNAIL_HEIGHT * aspect).clamp(8.0, THUMBNAIL_HEIGHT * 4.0),
                THUMBNAIL_HEIGHT,
            );
            // Named for screen readers (and tests) by its place in the picture.
            ui.add(
                egui::Image::new((texture.id(), size))
                    .uv(uv)
                    .alt_text(tr!("region-thumbnail", region = words.as_str())),
            )
            .on_hover_text(words);
        }
        ImageState::Loading => {
            ui.spinner();
            ui.weak(words);
        }
        ImageState::Ready { .. } | ImageState::Failed(_) => {
            ui.weak(words);
        }
    }
}
