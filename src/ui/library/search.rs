//! Corpus search (`Ctrl+Shift+F`): a folded query over every article of the library,
//! on a worker thread, shown as a concordance (KWIC) — left context | match | right
//! context, the left contexts right-aligned so that the matches stand in one column —
//! sortable by article or by the words around the match, with counts per article.
//! A click on a line opens the article with the match selected; "code all hits" tags
//! every (or every ticked) hit after a confirmation.

use std::collections::{BTreeMap, HashSet};
use std::ops::ControlFlow;
use std::path::PathBuf;

use egui::{Color32, FontId, Rect, Sense, pos2, vec2};

use crate::corpus::{
    self, ArticleHits, DEFAULT_CONTEXT, HitToCode, KwicOrder, Library, MatchOptions, Matcher,
};
use crate::text::CharRange;
use crate::tr;

use super::super::text_input::{BengaliText, add_focusable};
use super::concordance::{self, Columns, InContext};
use super::job::{Job, progress_ui};
use super::{LibraryAction, PanelContext};

/// A search stops collecting after this many hits (each keeps its context), and says so.
pub const MAX_HITS: usize = 100_000;

const LINE_HEIGHT: f32 = 22.0;
/// The query's width (the text inside the field) when the panel has room for it…
const QUERY_WIDTH: f32 = 220.0;
/// …and the least it shrinks to in a narrow panel (a few words still show).
const QUERY_MIN_WIDTH: f32 = 120.0;
/// What a single-line field's frame adds to its text's width (egui's margin, 4 points
/// each side).
const QUERY_MARGIN: f32 = 8.0;
/// Background of the match in a line (the find bar's yellow).
const MATCH_FILL: Color32 = Color32::from_rgba_premultiplied(0xf2, 0xb7, 0x05, 0x70);

/// Tag these passages (hits) in these articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeAll {
    /// The tag (a codebook tag's name).
    pub tag: String,
    /// Per article, the hits to tag.
    pub passages: Vec<(PathBuf, Vec<HitToCode>)>,
}

impl CodeAll {
    /// How many passages.
    pub fn count(&self) -> usize {
        self.passages.iter().map(|(_, r)| r.len()).sum()
    }
}

/// What a search found.
struct Outcome {
    results: Vec<ArticleHits>,
    /// The title of each article in `results`.
    titles: Vec<String>,
    failures: Vec<String>,
    /// True when stopped early: cancelled, or [`MAX_HITS`] reached.
    incomplete: bool,
}

/// The search view's state.
#[derive(Default)]
pub struct SearchView {
    query: BengaliText,
    options: MatchOptions,
    focus: bool,
    job: Option<Job<Outcome>>,
    outcome: Option<Outcome>,
    error: Option<String>,
    order: KwicOrder,
    lines: Vec<(usize, usize)>,
    ticked: HashSet<(usize, usize)>,
    tag: Option<String>,
    confirm: Option<CodeAll>,
}

impl SearchView {
    /// Put the keyboard in the query field at the next frame.
    pub fn focus(&mut self) {
        self.focus = true;
    }

    /// The query as typed (NFC).
    pub fn query(&self) -> String {
        self.query.value()
    }

    /// True while a search runs.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    fn start(&mut self, ctx: &egui::Context, articles: Vec<PathBuf>) {
        let matcher = match Matcher::new(&self.query.value(), self.options) {
            Ok(m) => m,
            Err(e) => {
                self.error = Some(e.to_string());
                return;
            }
        };
        self.error = None;
        let spawned = Job::spawn(ctx, "search", move |progress| {
            let total = articles.len();
            let mut results = Vec::new();
            let mut failures = Vec::new();
            let mut hits = 0;
            let flow = corpus::search(&articles, &matcher, DEFAULT_CONTEXT, &mut |i, result| {
                match result {
                    Ok(found) if !found.hits.is_empty() => {
                        hits += found.hits.len();
                        results.push(found);
                    }
                    Ok(_) => {}
                    Err(e) => failures.push(e.to_string()),
                }
                if (i + 1) % 16 == 0 || i + 1 == total {
                    progress.report(i + 1, total);
                }
                if progress.cancelled() || hits >= MAX_HITS {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            });
            Outcome {
                results,
                titles: Vec::new(),
                failures,
                incomplete: flow.is_break(),
            }
        });
        match spawned {
            Ok(job) => self.job = Some(job),
            Err(e) => self.error = Some(tr!("search-cannot-start", reason = e.to_string())),
        }
    }

    fn poll(&mut self, library: &Library) {
        let Some(job) = &self.job else { return };
        let Some(result) = job.poll("search") else {
            return;
        };
        self.job = None;
        match result {
            Ok(mut outcome) => {
                let titles: BTreeMap<&std::path::Path, &str> = library
                    .rows
                    .iter()
                    .map(|r| (r.path.as_path(), r.title.as_str()))
                    .collect();
                outcome.titles = outcome
                    .results
                    .iter()
                    .map(|r| {
                        titles
                            .get(r.path.as_path())
                            .copied()
                            .unwrap_or("")
                            .to_owned()
                    })
                    .collect();
                self.lines = corpus::kwic_order(&outcome.results, self.order);
                self.ticked.clear();
                self.outcome = Some(outcome);
            }
            Err(lost) => self.error = Some(lost.to_string()),
        }
    }

    /// Draw the view; returns what the user asked for.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        library: &Library,
        articles: Vec<PathBuf>,
        cx: &mut PanelContext<'_>,
    ) -> Option<LibraryAction> {
        self.poll(library);
        let mut run = false;
        // Wrapped: in a narrow panel the box shrinks to the width there is and the
        // button goes below it, rather than either being cut at the panel's edge.
        ui.horizontal_wrapped(|ui| {
            // The focus is given before the field reads the frame's input, so the
            // first key typed after Ctrl+Shift+F is not lost (see `add_focusable`).
            let focus = std::mem::take(&mut self.focus);
            // The field's frame adds its margin to the text's width.
            let width = (ui.available_width() - QUERY_MARGIN).clamp(QUERY_MIN_WIDTH, QUERY_WIDTH);
            let edit = egui::TextEdit::singleline(&mut self.query)
                .hint_text(tr!("search-hint"))
                .desired_width(width);
            let response = add_focusable(ui, edit, "library-query", focus);
            run |= response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            run |= ui.button(tr!("search-button")).clicked();
        });
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.options.whole_word, tr!("search-whole-word"));
            ui.checkbox(&mut self.options.regex, tr!("search-regex"))
                .on_hover_text(tr!("search-regex-tip"));
            ui.checkbox(&mut self.options.folding.digits, "১ = 1");
        });
        if run && self.job.is_none() {
            self.start(ui.ctx(), articles);
        }
        if let Some(job) = &self.job
            && progress_ui(ui, job, &tr!("search-searching"))
        {
            // The worker stops at its next article and hands on what it found.
            job.cancel();
        }
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        self.outcome.as_ref()?;
        self.summary_ui(ui);
        self.code_all_ui(ui, cx);
        let action = self.confirm_ui(ui.ctx());
        self.lines_ui(ui).or(action)
    }

    fn summary_ui(&mut self, ui: &mut egui::Ui) {
        let Some(outcome) = &self.outcome else { return };
        let hits = self.lines.len();
        let mut text = tr!("search-hits", hits = hits, articles = outcome.results.len());
        if outcome.incomplete {
            text.push(' ');
            text.push_str(&tr!("search-stopped-early", max = MAX_HITS));
        }
        ui.label(text);
        for failure in &outcome.failures {
            ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {failure}"));
        }
        egui::CollapsingHeader::new(tr!("search-counts"))
            .id_salt("kwic-counts")
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("kwic-counts-scroll")
                    .max_height(160.0)
                    .show(ui, |ui| {
                        for (r, title) in outcome.results.iter().zip(&outcome.titles) {
                            ui.label(crate::i18n::number(format!("{:>5}  {title}", r.hits.len())))
                                .on_hover_text(r.path.display().to_string());
                        }
                    });
            });
        let before = self.order;
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("search-sort-by"));
            ui.radio_value(
                &mut self.order,
                KwicOrder::Article,
                tr!("search-sort-article"),
            );
            ui.radio_value(
                &mut self.order,
                KwicOrder::WordBefore,
                tr!("search-sort-before"),
            );
            ui.radio_value(
                &mut self.order,
                KwicOrder::WordAfter,
                tr!("search-sort-after"),
            );
        });
        if self.order != before {
            self.lines = corpus::kwic_order(&outcome.results, self.order);
        }
    }

    fn code_all_ui(&mut self, ui: &mut egui::Ui, cx: &PanelContext<'_>) {
        let Some(outcome) = &self.outcome else { return };
        if outcome.results.is_empty() {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            super::list::choice(
                ui,
                "kwic-tag",
                &tr!("library-tag"),
                &tr!("search-choose-tag"),
                &cx.codebook_tags,
                &mut self.tag,
            );
            let (label, only_ticked) = if self.ticked.is_empty() {
                (tr!("search-code-all", count = self.lines.len()), false)
            } else {
                (tr!("search-code-ticked", count = self.ticked.len()), true)
            };
            let enabled = self.tag.is_some() && !outcome.incomplete;
            let button = ui
                .add_enabled(enabled, egui::Button::new(label))
                .on_hover_text(tr!("search-code-tip"))
                .on_disabled_hover_text(tr!("search-code-disabled-tip"));
            if button.clicked()
                && let Some(tag) = &self.tag
            {
                let mut passages: BTreeMap<usize, Vec<HitToCode>> = BTreeMap::new();
                for &(a, h) in &self.lines {
                    if !only_ticked || self.ticked.contains(&(a, h)) {
                        let hit = &outcome.results[a].hits[h];
                        passages.entry(a).or_default().push(HitToCode {
                            range: CharRange::new(hit.start.0, hit.end.0),
                            matched: hit.matched.clone(),
                        });
                    }
                }
                self.confirm = Some(CodeAll {
                    tag: tag.clone(),
                    passages: passages
                        .into_iter()
                        .map(|(a, ranges)| (outcome.results[a].path.clone(), ranges))
                        .collect(),
                });
            }
        });
    }

    /// The confirmation of "code all hits": how many passages in how many articles.
    fn confirm_ui(&mut self, ctx: &egui::Context) -> Option<LibraryAction> {
        let request = self.confirm.as_ref()?;
        let mut answer = None;
        let modal = super::super::popups::modal("code-all-confirm").show(ctx, |ui| {
            ui.heading(tr!("code-all-title"));
            let articles = request.passages.len();
            ui.label(tr!(
                "code-all-question",
                passages = request.count(),
                articles = articles,
                tag = request.tag.as_str()
            ));
            ui.weak(tr!("code-all-undo"));
            ui.horizontal(|ui| {
                if ui.button(tr!("code-all-button")).clicked() {
                    answer = Some(true);
                }
                if ui.button(tr!("button-cancel")).clicked() {
                    answer = Some(false);
                }
            });
        });
        if modal.should_close() && answer.is_none() {
            answer = Some(false);
        }
        match answer {
            Some(true) => self.confirm.take().map(LibraryAction::CodeAll),
            Some(false) => {
                self.confirm = None;
                None
            }
            None => None,
        }
    }

    fn lines_ui(&mut self, ui: &mut egui::Ui) -> Option<LibraryAction> {
        let outcome = self.outcome.as_ref()?;
        let mut action = None;
        let total = self.lines.len();
        // Vertical only: the lines fit the panel's width (see `Line::ui`).
        egui::ScrollArea::vertical()
            .id_salt("kwic-lines")
            .auto_shrink([false, false])
            .show_rows(ui, LINE_HEIGHT, total, |ui, range| {
                for n in range {
                    let (a, h) = self.lines[n];
                    let article = &outcome.results[a];
                    let hit = &article.hits[h];
                    ui.horizontal(|ui| {
                        let mut ticked = self.ticked.contains(&(a, h));
                        let tick = ui.checkbox(&mut ticked, "");
                        tick.widget_info(|| {
                            egui::WidgetInfo::selected(
                                egui::Role::CheckBox,
                                true,
                                ticked,
                                tr!("search-tick-hit", n = n + 1),
                            )
                        });
                        if tick.changed() {
                            if ticked {
                                self.ticked.insert((a, h));
                            } else {
                                self.ticked.remove(&(a, h));
                            }
                        }
                        let line = Line {
                            number: n + 1,
                            total,
                            title: &outcome.titles[a],
                            left: corpus::one_line(corpus::without_cut_marks(&hit.left)),
                            matched: corpus::one_line(&hit.matched),
                            right: corpus::one_line(&hit.right),
                        };
                        let hover = format!("{}\n{}", line.title, article.path.display());
                        if line.ui(ui).on_hover_text(hover).clicked() {
                            action = Some(LibraryAction::OpenAt(
                                article.path.clone(),
                                CharRange::new(hit.start.0, hit.end.0),
                            ));
                        }
                    });
                }
            });
        action
    }
}

/// One concordance line as it is drawn.
struct Line<'a> {
    number: usize,
    total: usize,
    title: &'a str,
    left: String,
    matched: String,
    right: String,
}

impl Line<'_> {
    /// Paint the line across the width left in `ui`: the title (truncated), the left
    /// context right-aligned against the match column and clipped at its left, the
    /// match in full on a yellow ground, the right context clipped at the line's end.
    /// The whole line is one button.
    fn ui(&self, ui: &mut egui::Ui) -> egui::Response {
        let font = FontId::proportional(14.0);
        let visuals = ui.visuals();
        let (text, weak) = (visuals.text_color(), visuals.weak_text_color());
        let painter = ui.painter().clone();
        let matched = painter.layout_no_wrap(self.matched.clone(), font.clone(), text);
        let width = ui.available_width().max(0.0);
        let columns = Columns::new(width, matched.size().x, true);
        let (rect, response) = ui.allocate_exact_size(vec2(width, LINE_HEIGHT), Sense::click());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                tr!(
                    "search-hit-label",
                    n = self.number,
                    total = self.total,
                    title = self.title,
                    left = self.left.as_str(),
                    matched = self.matched.as_str(),
                    right = self.right.as_str()
                ),
            )
        });
        if !ui.is_rect_visible(rect) {
            return response;
        }
        if response.hovered() {
            painter.rect_filled(rect, 2.0, ui.visuals().widgets.hovered.weak_bg_fill);
        }
        let y = rect.center().y;
        let title_rect =
            Rect::from_min_size(rect.min, vec2((columns.title - 8.0).max(0.0), LINE_HEIGHT));
        let mut job =
            egui::text::LayoutJob::simple_singleline(self.title.to_owned(), font.clone(), weak);
        job.wrap = egui::text::TextWrapping::truncate_at_width(title_rect.width());
        let title = painter.layout_job(job);
        painter.with_clip_rect(title_rect).galley(
            pos2(title_rect.min.x, y - title.size().y / 2.0),
            title,
            weak,
        );
        let left = painter.layout_no_wrap(self.left.clone(), font.clone(), text);
        let right = painter.layout_no_wrap(self.right.clone(), font, text);
        let contexts =
            Rect::from_x_y_ranges(rect.min.x + columns.title..=rect.max.x, rect.y_range());
        let parts = InContext {
            left,
            matched,
            right,
            text,
        };
        concordance::paint(&painter, contexts, columns.left, parts, Some(MATCH_FILL));
        response
    }
}
