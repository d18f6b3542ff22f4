//! The eframe application: opening files, commands, autosave, and the frame's layout.
//! The window chrome and the annotation commands live in the two submodules.

mod annotating;
mod chrome;
mod code_all;
mod comparing;
mod edges;
mod finding;
mod layout;
mod library;
mod loading;
mod modal;
mod panels;
mod regions;
mod sample;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::Color32;

use crate::annotate::{AnnotationId, Color};
use crate::article::{self, Article, ArticleError, ArticleFormat, ImageSource};
use crate::session::{SaveState, Session};
use crate::tr;

use super::commands::Command;
use super::dialogs::{ImportPrompt, PathPrompt};
use super::export_dialog::ExportDialog;
use super::find::FindBar;
use super::fonts;
use super::image_view::ImageViewer;
use super::library::LibraryPanel;
use super::notices::{Level, Message, Notices};
use super::palette::Palette;
use super::reader::{ReaderStyle, ReaderView, ScrollRequest, Typography};
use super::settings::{STORAGE_KEY, Settings};
use super::side_panel::SidePanel;
use crate::i18n::Language;

/// Files up to this size are read on the UI thread; larger ones on a worker thread
/// while the window shows "Opening…".
const SYNC_LOAD_BYTES: u64 = 2 * 1024 * 1024;

pub use loading::Preload;
use loading::Started;
use loading::{Loaded, PendingLoad, Waker};

/// The Pathok application.
pub struct PathokApp {
    settings: Settings,
    reader: ReaderView,
    notices: Notices,
    loading: Option<PendingLoad>,
    /// The dialog shown over the window, if any (one at a time).
    modal: Option<modal::Modal>,
    /// The zoomed picture a tag picker or note editor opened over it replaced: shown
    /// again when that dialog closes.
    zoom_behind: Option<ImageViewer>,
    standalone: Option<ImageViewer>,
    shown_title: String,
    position: f32,
    find: Option<FindBar>,
    session: Session,
    /// Highlight key → annotation, as given to the reader.
    highlight_ids: Vec<AnnotationId>,
    /// Region key → annotation, as given to the pictures.
    region_ids: Vec<AnnotationId>,
    /// A rectangle drawn on a picture, not coded yet.
    region_selection: Option<regions::RegionSelection>,
    /// What the highlights and regions were last given for: the session's version,
    /// the selected annotation, how many images had been decoded.
    painted: Option<(u64, Option<AnnotationId>, u64)>,
    hovered: Option<AnnotationId>,
    side_panel: SidePanel,
    show_side_panel: bool,
    /// How wide the side panels are, and whether the side panel gave way to the reader.
    panel_sizes: panels::PanelSizes,
    /// The compare view, when open.
    compare: Option<super::compare::CompareView>,
    /// The agreement window, when open.
    agreement: Option<super::compare::AgreementWindow>,
    /// The colour of new untagged highlights.
    current_color: Color,
    /// When the files were last compared with the disk (a clock of its own: egui's
    /// input time stands still while the window is minimised).
    last_disk_check: std::time::Instant,
    article_stamp: Option<(std::time::SystemTime, u64)>,
    context_menu: Option<egui::Pos2>,
    /// The open folder, if any.
    library: Option<LibraryPanel>,
    show_library: bool,
    /// A range to select once this article is open (a search hit clicked).
    pending_selection: Option<(PathBuf, library::Target)>,
    /// "Code all hits" written to articles not open, undoable once they are.
    coded_elsewhere: code_all::CodedElsewhere,
    /// The article named at start-up is still being read: show a blank page, not the
    /// sample, until it is.
    blank_until_loaded: bool,
    /// Width of the notice banner: the page's, within bounds (set each frame).
    notice_width: f32,
    /// The start of that article is shown, to look at only, until it is read.
    previewing: bool,
    /// Start-up timestamps still to print (see [`super::timing`]).
    first_frames: u8,
    /// Mends the order of an input method's commits (see [`super::ime`]).
    ime_order: super::ime::CommitOrder,
}

/// Modification time and size of a file, to notice changes made by others.
fn file_stamp(path: &Path) -> Option<(std::time::SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// The regions the viewer shows over its picture (none before they are known).
fn viewer_regions(
    reader: &ReaderView,
    viewer: &ImageViewer,
) -> super::regions::canvas::PictureRegions {
    reader
        .picture_regions(viewer.source())
        .cloned()
        .unwrap_or_default()
}

/// Highlight keys at or above this belong to find matches, not annotations.
const FIND_KEY_BASE: u64 = 1 << 62;
/// Colour of find matches.
const FIND_COLOR: Color32 = Color32::from_rgb(0xf2, 0xb7, 0x05);

impl PathokApp {
    /// Create the app for eframe: restore settings, install fonts, show the article
    /// being read by `preload` (a blank page until it is read) or the sample article.
    pub fn new(cc: &eframe::CreationContext<'_>, preload: Option<Preload>) -> Self {
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, STORAGE_KEY))
            .unwrap_or_default();
        let mut settings = settings;
        if settings.author.is_empty() {
            settings.author = super::settings::os_user_name();
        }
        let mut app = Self::with_settings(&cc.egui_ctx, settings, None);
        // PATHOK_LANG chooses the language of this run without changing the one saved.
        if let Some(language) = std::env::var("PATHOK_LANG")
            .ok()
            .and_then(|v| Language::from_locale(&v))
        {
            crate::i18n::set_language(language);
        }
        match preload.map(|p| p.0) {
            Some(Started::Folder(folder)) => app.open_folder(&cc.egui_ctx, &folder),
            Some(Started::Article(Ok(pending))) => {
                pending.waker.set(&cc.egui_ctx);
                app.loading = Some(pending);
                app.blank_until_loaded = true;
            }
            Some(Started::Article(Err((path, e)))) => app.report(
                Level::Error,
                tr!(
                    "notice-cannot-start-loading",
                    reason = e.to_string(),
                    path = path.display().to_string()
                ),
            ),
            None => {}
        }
        super::timing::mark("app created");
        app
    }

    /// Create the app with explicit settings (used by tests).
    pub fn with_settings(ctx: &egui::Context, settings: Settings, path: Option<PathBuf>) -> Self {
        fonts::install(ctx);
        crate::i18n::set_language(settings.language.unwrap_or_else(Language::from_environment));
        // Ctrl+= / Ctrl+- change the reading size, not egui's whole-UI zoom.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let mut app = Self {
            settings,
            reader: ReaderView::new(Arc::new(article::sample_article())),
            notices: Notices::default(),
            loading: None,
            modal: None,
            zoom_behind: None,
            standalone: None,
            shown_title: String::new(),
            position: 0.0,
            find: None,
            session: sample::sample_session(),
            highlight_ids: Vec::new(),
            region_ids: Vec::new(),
            region_selection: None,
            painted: None,
            hovered: None,
            side_panel: SidePanel::default(),
            show_side_panel: true,
            panel_sizes: panels::PanelSizes::default(),
            compare: None,
            agreement: None,
            current_color: Color::HIGHLIGHT,
            last_disk_check: std::time::Instant::now(),
            article_stamp: None,
            context_menu: None,
            library: None,
            show_library: true,
            pending_selection: None,
            coded_elsewhere: code_all::CodedElsewhere::default(),
            blank_until_loaded: false,
            notice_width: 600.0,
            previewing: false,
            first_frames: 0,
            ime_order: super::ime::CommitOrder::default(),
        };
        if let Some(path) = path {
            app.open(ctx, &path);
        }
        app
    }

    /// The article being read.
    pub fn article(&self) -> &Arc<Article> {
        self.reader.article()
    }

    /// The reading view (selection, highlights, geometry).
    pub fn reader(&self) -> &ReaderView {
        &self.reader
    }

    /// The messages not yet closed (one is on screen at a time).
    pub fn messages(&self) -> Vec<&Message> {
        self.notices.all()
    }

    /// True while a file or an image is still being read in the background, or
    /// the library works.
    pub fn is_busy(&self) -> bool {
        self.loading.is_some()
            || self.reader.images_loading()
            || self.library.as_ref().is_some_and(LibraryPanel::is_busy)
    }

    /// The current settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Show the interface in `language` from the next frame on, and remember the
    /// choice in the settings.
    pub fn set_language(&mut self, language: Language) {
        self.settings.language = Some(language);
        crate::i18n::set_language(language);
    }

    /// Open `path`: a folder as the library; small files at once, big ones on a
    /// worker thread. On failure the current article stays open and the reason is
    /// shown.
    ///
    /// Every path given to the window — command line, file chooser, typed, dropped,
    /// recent — comes through here and is made absolute once (see [`super::paths`]).
    pub fn open(&mut self, ctx: &egui::Context, path: &Path) {
        let path = &super::paths::from_outside(path);
        if path.is_dir() {
            self.open_folder(ctx, path);
            return;
        }
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size <= SYNC_LOAD_BYTES {
            let result = article::load(path);
            self.finish_load(path, result);
            return;
        }
        match PendingLoad::start(path, Waker::of(ctx), false) {
            Ok(pending) => self.loading = Some(pending),
            Err(e) => self.report(
                Level::Error,
                tr!(
                    "notice-cannot-start-loading",
                    reason = e.to_string(),
                    path = path.display().to_string()
                ),
            ),
        }
    }

    fn finish_load(&mut self, path: &Path, result: Result<Article, ArticleError>) {
        match result {
            Ok(article) => {
                self.flush_annotations();
                self.notices.clear();
                for notice in &article.notices {
                    self.report(Level::Notice, format!("{notice}: {}", path.display()));
                }
                self.settings.remember(path);
                let (session, notices) = Session::open(path, &article);
                for notice in notices {
                    self.report(Level::Notice, notice);
                }
                self.article_stamp = file_stamp(path);
                self.show_article(article);
                self.session = session;
                self.side_panel.session_replaced();
                self.painted = None;
                self.adopt_coded_elsewhere(path);
                self.apply_pending_selection(path);
            }
            Err(error) => {
                self.pending_selection = None;
                self.report(Level::Error, error.to_string());
            }
        }
    }

    fn show_article(&mut self, article: Article) {
        let standalone = (article.format == ArticleFormat::Image)
            .then(|| {
                article
                    .images()
                    .next()
                    .map(|i| ImageViewer::new(i.source.clone()))
            })
            .flatten();
        self.standalone = standalone;
        self.region_selection = None;
        if matches!(self.modal, Some(modal::Modal::Image(_))) {
            self.modal = None;
        }
        self.position = 0.0;
        self.reader = ReaderView::new(Arc::new(article));
    }

    fn report(&mut self, level: Level, text: String) {
        let cwd = std::env::current_dir().ok();
        let text = super::paths::shown(&text, cwd.as_deref());
        eprintln!("pathok: {text}");
        self.notices.push(Message { level, text });
    }

    fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Open => self.open_dialog(ctx),
            Command::OpenFolder => self.open_folder_dialog(ctx),
            Command::NextArticle => self.step_article(ctx, false),
            Command::PreviousArticle => self.step_article(ctx, true),
            Command::CorpusSearch => self.corpus_search(),
            Command::ToggleLibrary => self.show_library = !self.show_library,
            Command::OpenSample => {
                self.flush_annotations();
                self.notices.clear();
                self.show_article(article::sample_article());
                self.session = sample::sample_session();
                self.side_panel.session_replaced();
                self.painted = None;
            }
            Command::Reload => match self.article().origin.path().map(Path::to_owned) {
                Some(path) => self.open(ctx, &path),
                None => self.show_article(article::sample_article()),
            },
            Command::ZoomIn => self.settings.zoom(1.0),
            Command::ZoomOut => self.settings.zoom(-1.0),
            Command::ZoomReset => self.settings.font_size = Settings::DEFAULT_FONT_SIZE,
            Command::ToggleTypeface => {
                self.settings.typeface = match self.settings.typeface {
                    fonts::Typeface::Sans => fonts::Typeface::Serif,
                    fonts::Typeface::Serif => fonts::Typeface::Sans,
                }
            }
            Command::Theme(theme) => self.settings.theme = theme,
            Command::WiderColumn => self.settings.widen(2.0),
            Command::NarrowerColumn => self.settings.widen(-2.0),
            Command::PageDown => self.reader.request_scroll(ScrollRequest::Pages(1.0)),
            Command::PageUp => self.reader.request_scroll(ScrollRequest::Pages(-1.0)),
            Command::Top => self.reader.request_scroll(ScrollRequest::Top),
            Command::Bottom => self.reader.request_scroll(ScrollRequest::Bottom),
            Command::Find => {
                let find = self.find.get_or_insert_with(FindBar::default);
                find.focus();
            }
            Command::FindNext => self.step_find(false),
            Command::FindPrevious => self.step_find(true),
            Command::SelectAll => {
                let len = self.article().text.char_len();
                self.reader
                    .set_selection(Some(crate::text::CharRange::new(0, len)));
            }
            Command::Copy => {
                if let Some(range) = self.reader.selection() {
                    ctx.copy_text(self.article().text.slice(range).to_owned());
                }
            }
            Command::ClearSelection => {
                self.reader.set_selection(None);
                self.region_selection = None;
                self.session.selected = None;
                self.painted = None;
            }
            Command::Save => {
                self.commit_pending_note();
                let article = Arc::clone(self.reader.article());
                if let Some(n) = self.session.autosave(&article, true) {
                    self.report(Level::Notice, n);
                }
            }
            Command::ToggleSidePanel => self.show_side_panel = !self.show_side_panel,
            Command::CompareCoders => self.toggle_compare(),
            Command::NextDifference => self.step_difference(true),
            Command::PreviousDifference => self.step_difference(false),
            Command::Agreement => self.open_agreement(),
            Command::Import => {
                let folder = self
                    .article()
                    .origin
                    .path()
                    .map(|p| crate::store::folder_of(p).to_owned());
                self.open_modal(
                    ctx,
                    modal::Modal::Import(ImportPrompt::new(folder.as_deref())),
                );
            }
            Command::Export => match self.article().origin.path() {
                Some(path) => {
                    let dialog = ExportDialog::new(path);
                    self.open_modal(ctx, modal::Modal::Export(Box::new(dialog)));
                }
                None => self.report(Level::Notice, tr!("notice-sample-no-export")),
            },
            Command::Highlight => {
                if self.has_selection() {
                    let color = self.current_color;
                    self.annotate_selection(color, Vec::new());
                } else if self.session.selected.is_none() {
                    self.report(Level::Notice, tr!("notice-select-then-h"));
                }
            }
            Command::ApplyTag(n) => self.apply_tag(usize::from(n) - 1),
            Command::PickTags => self.open_tag_picker(ctx),
            Command::EditNote => self.open_note_editor(ctx),
            Command::DeleteAnnotation => {
                if let Some(id) = self.session.selected {
                    let result = self.session.remove(id);
                    self.check(result);
                }
            }
            Command::Undo => {
                let result = self.session.undo();
                self.check(result);
            }
            Command::Redo => {
                let result = self.session.redo();
                self.check(result);
            }
            Command::Palette => self.open_modal(ctx, modal::Modal::Palette(Palette::default())),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// The session of the open article.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Write pending annotation changes now (before switching article, on exit).
    fn flush_annotations(&mut self) {
        self.commit_pending_note();
        let article = Arc::clone(self.reader.article());
        if let Some(n) = self.session.autosave(&article, true) {
            self.report(Level::Error, n);
        }
    }

    /// Hand the article note being typed in the side panel to the session, so that it
    /// is saved with the rest (see [`SidePanel::take_pending_note`]).
    fn commit_pending_note(&mut self) {
        if let Some(note) = self.side_panel.take_pending_note(&self.session) {
            let result = self.session.set_article_note(note);
            self.check(result);
        }
    }

    /// Autosave, and every second look for changes made to the files by others.
    /// Runs from [`eframe::App::logic`], so it goes on while the window is minimised
    /// and nothing is drawn.
    fn keep_files_in_sync(&mut self, ctx: &egui::Context) {
        let article = Arc::clone(self.reader.article());
        let before = self.session.save_state();
        // Written on a thread: a large sidecar's write and fsync never hold up a frame.
        if let Some(n) = self.session.autosave_in_background(&article) {
            self.report(Level::Notice, n);
        }
        let after = self.session.save_state();
        if after != before && after == SaveState::Saved {
            self.library_article_saved();
        }
        if after != before {
            // Show "Saved" now, not at the next mouse move.
            ctx.request_repaint();
        }
        self.schedule_autosave(ctx);
        // Wake up once a second to notice files changed by others.
        ctx.request_repaint_after(std::time::Duration::from_secs(1));
        let now = std::time::Instant::now();
        // While a file is being read, what is shown may be its preview, whose file has
        // no stamp yet: compare with the disk once it is read.
        if self.loading.is_some()
            || now.duration_since(self.last_disk_check) < std::time::Duration::from_secs(1)
        {
            return;
        }
        self.last_disk_check = now;
        if let Some(path) = article.origin.path().map(Path::to_owned) {
            let stamp = file_stamp(&path);
            if stamp.is_some() && stamp != self.article_stamp {
                // Opening saves pending annotations first and clears old messages,
                // so the notice comes after it.
                self.open(ctx, &path);
                self.report(
                    Level::Notice,
                    tr!("notice-article-changed", path = path.display().to_string()),
                );
                return;
            }
        }
        if self.session.save_state() != SaveState::Unsaved
            && let Some(n) = self.session.check_disk(&article)
        {
            self.report(Level::Notice, n);
        }
    }

    /// Changes wait to be saved: come back when the autosave delay is over (also when
    /// the window is hidden, where only `logic` runs).
    fn schedule_autosave(&self, ctx: &egui::Context) {
        if self.session.is_saving() {
            // Come back soon to take over the result.
            ctx.request_repaint_after(std::time::Duration::from_millis(10));
        } else if self.session.save_state() == SaveState::Unsaved {
            ctx.request_repaint_after(crate::session::AUTOSAVE_DELAY);
        }
    }

    fn open_dialog(&mut self, ctx: &egui::Context) {
        let mut dialog = rfd::FileDialog::new()
            .set_title(tr!("dialog-open-article-title"))
            .add_filter(
                tr!("dialog-filter-articles"),
                &["txt", "md", "markdown", "html", "htm", "xhtml"],
            )
            .add_filter(
                tr!("dialog-filter-images"),
                &["png", "jpg", "jpeg", "webp", "gif", "bmp"],
            )
            .add_filter(tr!("dialog-filter-all"), &["*"]);
        if let Some(dir) = self.article().origin.path().and_then(Path::parent) {
            dialog = dialog.set_directory(dir);
        }
        let asked = std::time::Instant::now();
        match dialog.pick_file() {
            Some(path) => self.open(ctx, &path),
            // No person cancels a dialog this fast: the desktop has no file chooser
            // service (xdg-desktop-portal). Ask for the path instead.
            None if asked.elapsed() < std::time::Duration::from_millis(300) => {
                let folder = self
                    .article()
                    .origin
                    .path()
                    .map(|p| crate::store::folder_of(p).to_owned());
                let prompt =
                    PathPrompt::new(folder.as_deref(), Some(tr!("dialog-no-file-chooser")));
                self.open_modal(ctx, modal::Modal::OpenPath(prompt));
            }
            None => {}
        }
    }

    /// The image viewer shown: the zoomed image of the article, or the standalone
    /// image.
    pub fn image_viewer(&self) -> Option<&ImageViewer> {
        match &self.modal {
            Some(modal::Modal::Image(viewer)) => Some(viewer),
            _ => self.standalone.as_ref(),
        }
    }

    /// The export dialog, while it is open.
    pub fn export_dialog(&self) -> Option<&ExportDialog> {
        match &self.modal {
            Some(modal::Modal::Export(dialog)) => Some(dialog),
            _ => None,
        }
    }

    /// The find bar, if open.
    pub fn find_bar(&mut self) -> Option<&mut FindBar> {
        self.find.as_mut()
    }

    fn poll_loading(&mut self, ctx: &egui::Context) {
        loop {
            let Some(pending) = &self.loading else { return };
            match pending.receiver.try_recv() {
                Ok(Loaded::Preview(start)) => {
                    // Its first frame is cheap: drawn before the whole article (whose
                    // first frame estimates every block) even when both are ready.
                    self.show_preview(start);
                    ctx.request_repaint();
                    return;
                }
                Ok(Loaded::Full(result)) => {
                    let path = pending.path.clone();
                    self.loading = None;
                    self.previewing = false;
                    self.finish_load(&path, result);
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => return,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    let path = pending.path.clone();
                    self.loading = None;
                    self.previewing = false;
                    self.report(
                        Level::Error,
                        tr!("notice-loading-stopped", path = path.display().to_string()),
                    );
                }
            }
        }
    }

    /// Show the start of the article named at start-up while the whole is read: to
    /// look at only. Its offsets are not the article's, so there is nothing to
    /// annotate (an empty session, the side panel and the commands put aside) until
    /// the article replaces it.
    fn show_preview(&mut self, start: Article) {
        if !self.blank_until_loaded {
            return;
        }
        self.blank_until_loaded = false;
        self.previewing = true;
        self.show_article(start);
        self.session = Session::in_memory();
        self.side_panel.session_replaced();
        self.painted = None;
    }

    /// Start-up timestamps: the first frame, and the first with the article.
    fn mark_first_frames(&mut self, blank: bool) {
        if self.first_frames == 0 {
            super::timing::mark("first frame laid out");
            self.first_frames = 1;
        }
        if self.first_frames == 1 && !blank {
            super::timing::mark("first frame with text laid out");
            self.first_frames = 2;
        }
    }

    /// Put this frame's input-method commits in typing order before any field reads
    /// them. Done here rather than in `raw_input_hook`, which egui_kittest does not call,
    /// so that the tests replaying recorded input-method sessions go the same way.
    fn mend_ime_order(&mut self, ctx: &egui::Context) {
        let order = &mut self.ime_order;
        ctx.input_mut(|input| {
            let events = std::mem::take(&mut input.events);
            input.events = order.reorder(events, input.time);
        });
        if order.is_holding() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(super::ime::HOLD_AT_MOST));
        }
    }

    fn style(&self) -> ReaderStyle {
        ReaderStyle {
            typo: Typography {
                font_size: self.settings.font_size,
                typeface: self.settings.typeface,
                palette: self.settings.theme.palette(),
            },
            column_em: self.settings.column_em,
        }
    }
}

impl eframe::App for PathokApp {
    /// What must go on whether or not the window is drawn (eframe calls only this
    /// while it is minimised): finishing a load, autosave, noticing changes on disk.
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.mend_ime_order(ctx);
        self.poll_loading(ctx);
        self.keep_files_in_sync(ctx);
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        super::ime::log_frame(raw_input);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        ctx.set_visuals(self.settings.theme.visuals());
        self.handle_dropped_files(&ctx);
        // While a dialog or a popup (a menu, a list) is open, keys belong to it: Esc
        // closes it, the arrows move in it. While the find bar is open, Esc closes it
        // and keeps the selection.
        let keys_elsewhere = self.modal_open() || egui::Popup::is_any_open(&ctx);
        if !keys_elsewhere {
            self.find_takes_escape(&ctx);
        }
        // A panel edge with the keyboard focus takes its arrows and Home/End first.
        self.panel_edge_keys(&ctx);
        let mut commands = if !keys_elsewhere {
            Command::from_shortcuts(&ctx)
        } else if matches!(self.modal, Some(modal::Modal::Image(_))) {
            // Over the zoomed picture, the keys that code its regions still work.
            Command::from_shortcuts_among(&ctx, |c| {
                matches!(
                    c,
                    Command::Highlight
                        | Command::ApplyTag(_)
                        | Command::PickTags
                        | Command::EditNote
                        | Command::DeleteAnnotation
                        | Command::Undo
                        | Command::Redo
                )
            })
        } else {
            Vec::new()
        };

        // Measured before any panel takes its share.
        let window = ui.available_width();
        self.panel_sizes.side_squeezed =
            self.show_side_panel && layout::side_range(window, self.library_shown()).is_none();
        egui::Panel::top("menu").show(ui, |ui| {
            commands.extend(self.menu_bar(ui));
        });
        self.find_panel(ui);
        egui::Panel::bottom("status").show(ui, |ui| commands.extend(self.status_bar(ui)));
        self.blank_until_loaded &= self.loading.is_some();
        let blank = self.blank_until_loaded;
        let previewing = self.previewing;
        if self.show_side_panel && !blank && !previewing {
            self.side_panel(ui, &ctx, window);
        }
        self.library_panel(ui, window);
        if self.standalone.is_none() {
            self.compare_panel(ui);
        }
        self.sync_highlights();

        let style = self.style();
        let page = egui::Frame::NONE.fill(style.typo.palette.page);
        let mut open_image: Option<ImageSource> = None;
        let mut region_event = None;
        let page = egui::CentralPanel::default().frame(page).show(ui, |ui| {
            self.panel_sizes.reader_rect = Some(ui.max_rect());
            if blank {
                // The page colour only: the article named at start-up is on its way.
            } else if let Some(viewer) = &mut self.standalone {
                let regions = viewer_regions(&self.reader, viewer);
                if let Some(event) = viewer.ui(ui, &mut self.reader, &regions) {
                    region_event = Some((viewer.source().clone(), event));
                }
            } else {
                let output = self.reader.ui(ui, &style);
                self.position = output.position;
                self.reader_feedback(ui, &output);
                open_image = output.open_image;
                region_event = output.region_event;
            }
        });
        for notice in self.reader.take_image_notices() {
            self.report(Level::Notice, notice);
        }
        self.panel_edges(ui);
        if !self.notices.is_empty() {
            // Floating at the foot of the page, over the text: a notice that comes or
            // goes by itself never moves what the user is about to click, and covers
            // no control.
            let page = page.response.rect;
            self.notice_width = (page.width() - 24.0).clamp(160.0, 760.0);
            egui::Area::new(egui::Id::unique("messages"))
                .order(egui::Order::Foreground)
                .pivot(egui::Align2::CENTER_BOTTOM)
                .fixed_pos(egui::pos2(page.center().x, page.bottom() - 8.0))
                .show(&ctx, |ui| self.message_banners(ui));
        }
        if let Some((source, event)) = region_event {
            self.region_event(&source, event);
        }
        self.context_menu(&ctx, &mut commands);
        self.show_modal(&ctx, &mut commands);
        if let Some(source) = open_image {
            self.open_modal(&ctx, modal::Modal::Image(ImageViewer::new(source)));
        }
        if previewing {
            // Nothing to act on yet: the article is still being read.
            commands.clear();
        }
        for command in commands {
            self.run(&ctx, command);
        }
        Self::drop_overlay(&ctx);
        // The commands above may have changed annotations after `logic` ran.
        self.schedule_autosave(&ctx);
        if !blank {
            self.update_title(&ctx);
        }
        self.mark_first_frames(blank);
        if previewing && let Some(pending) = &mut self.loading {
            pending.preview_drawn();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.flush_annotations();
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.flush_annotations();
    }
}
