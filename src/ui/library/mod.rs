//! The library: a folder of articles as one project. A panel beside the reader with
//! four views — the articles (sortable, filterable list), the corpus search (a
//! concordance), the passages by code and the tag statistics — all built on
//! [`crate::corpus`] and run on worker threads ([`job`]), so the window never waits.

mod concordance;
mod job;
mod list;
mod passages;
mod search;
mod stats;

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use crate::annotate::AnnotationId;
use crate::corpus::{self, Library, RowProblem};
use crate::text::CharRange;
use crate::tr;

use job::{Job, progress_ui};
pub use list::ListState;
pub use passages::PassagesView;
pub use search::{CodeAll, SearchView};
pub use stats::StatsView;

/// How often, at most, the folder is looked at again for changes on disk, in
/// seconds, while the window has the focus (a refresh reads only what changed).
pub const REFRESH_SECONDS: f64 = 2.0;

/// A refresh waits at least this many times as long as the last one took, so that a
/// big library (10,000 articles: about 0.2 s a refresh) costs at most a twentieth of
/// one core however long it is.
const REFRESH_COST_FACTOR: f64 = 20.0;

/// The views of the library panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// The list of articles.
    Articles,
    /// Corpus search with its concordance.
    Search,
    /// Passages by code.
    Passages,
    /// Tag statistics.
    Statistics,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Articles, Tab::Search, Tab::Passages, Tab::Statistics];

    fn label(self) -> String {
        match self {
            Tab::Articles => tr!("library-tab-articles"),
            Tab::Search => tr!("library-tab-search"),
            Tab::Passages => tr!("library-tab-passages"),
            Tab::Statistics => tr!("library-tab-statistics"),
        }
    }
}

/// What the user asked of the window through the library panel.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryAction {
    /// Open this article.
    Open(PathBuf),
    /// Open this article and select this range (a search hit, a passage), with the
    /// keyboard in the reader.
    OpenAt(PathBuf, CharRange),
    /// Open this article with this annotation selected (a passage), the keyboard in
    /// the reader.
    OpenAnnotation(PathBuf, AnnotationId),
    /// Tag passages in many articles (confirmed by the user).
    CodeAll(CodeAll),
    /// Export the library's passages that pass this filter (the passages view's).
    ExportPassages(corpus::PassageFilter),
}

/// What the panel needs from the window each frame.
pub struct PanelContext<'a> {
    /// The article open in the reader, to mark it in the list.
    pub open_article: Option<&'a Path>,
    /// The codebook's tag names, for "code all hits".
    pub codebook_tags: Vec<String>,
    /// Write the open article's annotations now: called before a view reads
    /// sidecars from disk.
    pub save_first: &'a mut dyn FnMut(),
}

/// The library panel: the folder, its scan and the four views.
pub struct LibraryPanel {
    library: Library,
    /// The scan or refresh running, giving its result and how long it took.
    scan: Option<Job<(Result<Library, corpus::Cancelled>, f64)>>,
    /// True while `scan` is a background refresh (no progress bar then).
    refreshing: bool,
    /// Bumped whenever the listing changed, so that views computed from an older
    /// listing know to run again.
    generation: u64,
    last_refresh: f64,
    /// Seconds the last scan or refresh took.
    refresh_cost: f64,
    refresh_soon: bool,
    /// Set when the first scan finished, until the panel acted on it.
    first_listing: bool,
    error: Option<String>,
    tab: Tab,
    list: ListState,
    search: SearchView,
    passages: PassagesView,
    stats: StatsView,
}

impl LibraryPanel {
    /// A panel on the folder at `root` (absolute), scanning it in the background.
    pub fn open(ctx: &egui::Context, root: &Path) -> Self {
        let mut panel = Self {
            library: Library {
                root: root.to_owned(),
                ..Library::default()
            },
            scan: None,
            refreshing: false,
            generation: 0,
            last_refresh: ctx.input(|i| i.time),
            refresh_cost: 0.0,
            refresh_soon: false,
            first_listing: false,
            error: None,
            tab: Tab::Articles,
            list: ListState::default(),
            search: SearchView::default(),
            passages: PassagesView::default(),
            stats: StatsView::default(),
        };
        panel.start_scan(ctx, false);
        panel
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.library.root
    }

    /// The listing as last scanned.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// True while the folder is being scanned (not refreshed).
    pub fn is_scanning(&self) -> bool {
        self.scan.is_some() && !self.refreshing
    }

    /// True while any view works in the background.
    pub fn is_busy(&self) -> bool {
        self.scan.is_some()
            || self.search.is_busy()
            || self.passages.is_busy()
            || self.stats.is_busy()
    }

    /// Show `tab`; for the search, with the keyboard in the query.
    pub fn show_tab(&mut self, tab: Tab) {
        self.tab = tab;
        if tab == Tab::Search {
            self.search.focus();
        }
    }

    /// The passages view.
    pub fn passages(&self) -> &PassagesView {
        &self.passages
    }

    /// The search view.
    pub fn search(&self) -> &SearchView {
        &self.search
    }

    /// The view shown.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The article after (or before, `back`) `current` in the list's order; the first
    /// (last) when `current` is not in the list. Rows that cannot be opened are
    /// skipped.
    pub fn neighbour(&self, current: Option<&Path>, back: bool) -> Option<PathBuf> {
        let order: Vec<&corpus::Row> = self
            .list
            .order(&self.library)
            .iter()
            .map(|&i| &self.library.rows[i])
            .filter(|r| openable(r))
            .collect();
        let at = current.and_then(|c| order.iter().position(|r| r.path == c));
        let next = match (at, back) {
            (None, false) => order.first(),
            (None, true) => order.last(),
            (Some(i), false) => order.get(i + 1),
            (Some(i), true) => i.checked_sub(1).and_then(|i| order.get(i)),
        };
        next.map(|r| r.path.clone())
    }

    /// The open article's annotations were written: show its new counts soon.
    pub fn article_saved(&mut self) {
        self.refresh_soon = true;
    }

    fn start_scan(&mut self, ctx: &egui::Context, refresh: bool) {
        let previous = self.library.clone();
        let spawned = Job::spawn(ctx, "scan", move |progress| {
            let started = std::time::Instant::now();
            let mut report = |p: corpus::ScanProgress| {
                // A refresh shows no progress: reporting would repaint the window
                // for nothing, many times a refresh.
                match p {
                    _ if refresh => {}
                    corpus::ScanProgress::Walking { found } => progress.report(found, 0),
                    corpus::ScanProgress::Reading { done, total } => progress.report(done, total),
                }
                if progress.cancelled() {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            };
            let result = if refresh {
                corpus::refresh(&previous, &mut report)
            } else {
                corpus::scan(&previous.root, &mut report)
            };
            (result, started.elapsed().as_secs_f64())
        });
        match spawned {
            Ok(job) => {
                self.scan = Some(job);
                self.refreshing = refresh;
            }
            Err(e) => {
                self.error = Some(tr!(
                    "library-cannot-scan",
                    reason = e.to_string(),
                    path = self.library.root.display().to_string()
                ))
            }
        }
    }

    /// Take a finished scan; every few seconds (and soon after a save) start a
    /// refresh while the window has the focus.
    fn poll_scan(&mut self, ctx: &egui::Context) {
        if let Some(job) = &self.scan
            && let Some(result) = job.poll("scan")
        {
            self.scan = None;
            if let Ok((_, cost)) = &result
                && self.refreshing
            {
                self.refresh_cost = *cost;
            }
            match result.map(|(library, _)| library) {
                Ok(Ok(library)) => {
                    self.first_listing |= !self.refreshing;
                    if library != self.library {
                        self.library = library;
                        self.generation += 1;
                        self.list.invalidate();
                    }
                    self.error = None;
                }
                Ok(Err(corpus::Cancelled)) => {}
                Err(lost) => self.error = Some(format!("{lost}: {}", self.library.root.display())),
            }
        }
        let now = ctx.input(|i| i.time);
        let focused = ctx.input(|i| i.focused);
        let interval = REFRESH_SECONDS.max(REFRESH_COST_FACTOR * self.refresh_cost);
        let due = now - self.last_refresh >= interval;
        if self.scan.is_none() && focused && (due || self.refresh_soon) {
            self.last_refresh = now;
            self.refresh_soon = false;
            self.start_scan(ctx, true);
        }
        if focused {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(interval));
        }
    }

    /// Draw the panel; returns what the user asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut PanelContext<'_>) -> Option<LibraryAction> {
        let ctx = ui.ctx().clone();
        self.poll_scan(&ctx);
        // A folder opened while the sample article is shown: its first article
        // takes the sample's place.
        let mut first = None;
        if std::mem::take(&mut self.first_listing) && cx.open_article.is_none() {
            first = self.neighbour(None, false).map(LibraryAction::Open);
        }
        ui.horizontal(|ui| {
            ui.strong(folder_label(&self.library.root))
                .on_hover_text(self.library.root.display().to_string());
            ui.weak(tr!("library-articles", count = self.library.rows.len()));
        });
        if let Some(job) = &self.scan
            && !self.refreshing
            && progress_ui(ui, job, &tr!("library-reading-articles"))
        {
            self.scan = None;
        }
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        // Wrapped: in a narrow panel the last tab goes to a second line, not off the edge.
        ui.horizontal_wrapped(|ui| {
            for tab in Tab::ALL {
                if ui.selectable_label(self.tab == tab, tab.label()).clicked() {
                    self.show_tab(tab);
                }
            }
        });
        ui.separator();
        let articles = || readable_articles(&self.library);
        let action = match self.tab {
            Tab::Articles => self.list.ui(ui, &self.library, cx.open_article),
            Tab::Search => self.search.ui(ui, &self.library, articles(), cx),
            Tab::Passages => self
                .passages
                .ui(ui, &self.library, articles(), self.generation, cx),
            Tab::Statistics => {
                let (action, cell) = self.stats.ui(ui, articles(), self.generation, cx);
                if let Some((tag, overlapping)) = cell {
                    self.passages.show_cell(tag, overlapping);
                    self.tab = Tab::Passages;
                }
                action
            }
        };
        action.or(first)
    }
}

/// True when a row's article exists and can be read.
fn openable(row: &corpus::Row) -> bool {
    !row.problems.iter().any(|p| {
        matches!(
            p,
            RowProblem::Article(_) | RowProblem::ArticleMissing { .. }
        )
    })
}

/// The articles that can be searched, in walk order.
fn readable_articles(library: &Library) -> Vec<PathBuf> {
    library
        .rows
        .iter()
        .filter(|r| openable(r))
        .map(|r| r.path.clone())
        .collect()
}

/// The folder's name for the panel's heading.
fn folder_label(root: &Path) -> String {
    root.file_name().map_or_else(
        || root.display().to_string(),
        |n| format!("{}/", n.to_string_lossy()),
    )
}
