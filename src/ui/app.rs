//! The eframe application: menus, opening files, messages, status bar, and the reader.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use egui::{Color32, RichText};

use crate::annotate::{AnnotationId, Color};
use crate::article::{self, Article, ArticleError, ArticleFormat, ImageSource};
use crate::session::{SaveState, Session};

use super::commands::Command;
use super::dialogs::{ImportPrompt, NoteEditor, Palette, PathPrompt, TagPicker, TagTarget};
use super::export_dialog::ExportDialog;
use super::find::{FindAction, FindBar};
use super::fonts;
use super::image_view::ImageViewer;
use super::reader::{Highlight, ReaderStyle, ReaderView, ScrollRequest, Typography};
use super::settings::{STORAGE_KEY, Settings};
use super::side_panel::{SidePanel, SidePanelAction};
use super::theme::ReaderTheme;

/// Files up to this size are read on the UI thread; larger ones on a worker thread
/// while the window shows "Opening…".
const SYNC_LOAD_BYTES: u64 = 2 * 1024 * 1024;

/// A message shown in a banner under the menu bar (and printed on stderr).
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// How serious it is.
    pub level: Level,
    /// The text, naming the file and the reason.
    pub text: String,
}

/// Severity of a [`Message`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Something failed; the app goes on.
    Error,
    /// Loading worked, but the user should know something.
    Notice,
}

struct PendingLoad {
    path: PathBuf,
    receiver: Receiver<Result<Article, ArticleError>>,
}

/// The Pathok application.
pub struct PathokApp {
    settings: Settings,
    reader: ReaderView,
    messages: Vec<Message>,
    loading: Option<PendingLoad>,
    zoomed: Option<ImageViewer>,
    standalone: Option<ImageViewer>,
    shown_title: String,
    position: f32,
    find: Option<FindBar>,
    session: Session,
    /// Highlight key → annotation, as given to the reader.
    highlight_ids: Vec<AnnotationId>,
    painted: Option<(u64, Option<AnnotationId>)>,
    hovered: Option<AnnotationId>,
    note_editor: Option<NoteEditor>,
    tag_picker: Option<TagPicker>,
    palette: Option<Palette>,
    side_panel: SidePanel,
    show_side_panel: bool,
    /// The colour of new untagged highlights.
    current_color: Color,
    last_disk_check: f64,
    article_stamp: Option<(std::time::SystemTime, u64)>,
    context_menu: Option<egui::Pos2>,
    path_prompt: Option<PathPrompt>,
    export: Option<ExportDialog>,
    import: Option<ImportPrompt>,
}

/// Modification time and size of a file, to notice changes made by others.
fn file_stamp(path: &Path) -> Option<(std::time::SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Highlight keys at or above this belong to find matches, not annotations.
const FIND_KEY_BASE: u64 = 1 << 62;
/// Colour of find matches.
const FIND_COLOR: Color32 = Color32::from_rgb(0xf2, 0xb7, 0x05);

impl PathokApp {
    /// Create the app for eframe: restore settings, install fonts, open `path` or the
    /// sample article.
    pub fn new(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, STORAGE_KEY))
            .unwrap_or_default();
        let mut settings = settings;
        if settings.author.is_empty() {
            settings.author = super::settings::os_user_name();
        }
        Self::with_settings(&cc.egui_ctx, settings, path)
    }

    /// Create the app with explicit settings (used by tests).
    pub fn with_settings(ctx: &egui::Context, settings: Settings, path: Option<PathBuf>) -> Self {
        fonts::install(ctx);
        // Ctrl+= / Ctrl+- change the reading size, not egui's whole-UI zoom.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let mut app = Self {
            settings,
            reader: ReaderView::new(Arc::new(article::sample_article())),
            messages: Vec::new(),
            loading: None,
            zoomed: None,
            standalone: None,
            shown_title: String::new(),
            position: 0.0,
            find: None,
            session: Session::in_memory(),
            highlight_ids: Vec::new(),
            painted: None,
            hovered: None,
            note_editor: None,
            tag_picker: None,
            palette: None,
            side_panel: SidePanel::default(),
            show_side_panel: true,
            current_color: Color::HIGHLIGHT,
            last_disk_check: 0.0,
            article_stamp: None,
            context_menu: None,
            path_prompt: None,
            export: None,
            import: None,
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

    /// Messages currently shown.
    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    /// True while a file or an image is still being read in the background.
    pub fn is_busy(&self) -> bool {
        self.loading.is_some() || self.reader.images_loading()
    }

    /// The current settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Open `path`: small files at once, big ones on a worker thread. On failure the
    /// current article stays open and the reason is shown.
    pub fn open(&mut self, ctx: &egui::Context, path: &Path) {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size <= SYNC_LOAD_BYTES {
            let result = article::load(path);
            self.finish_load(path, result);
            return;
        }
        let (sender, receiver) = channel();
        let worker_path = path.to_owned();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("pathok-load".to_owned())
            .spawn(move || {
                let result = article::load(&worker_path);
                // The receiver only disappears when another file was opened meanwhile.
                let _ = sender.send(result);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.loading = Some(PendingLoad {
                    path: path.to_owned(),
                    receiver,
                })
            }
            Err(e) => self.report(
                Level::Error,
                format!("cannot start loading ({e}): {}", path.display()),
            ),
        }
    }

    fn finish_load(&mut self, path: &Path, result: Result<Article, ArticleError>) {
        match result {
            Ok(article) => {
                self.flush_annotations();
                self.messages.clear();
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
                self.painted = None;
            }
            Err(error) => self.report(Level::Error, error.to_string()),
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
        self.zoomed = None;
        self.position = 0.0;
        self.reader = ReaderView::new(Arc::new(article));
    }

    fn report(&mut self, level: Level, text: String) {
        eprintln!("pathok: {text}");
        let message = Message { level, text };
        if !self.messages.contains(&message) {
            self.messages.push(message);
        }
    }

    fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Open => self.open_dialog(ctx),
            Command::OpenSample => {
                self.flush_annotations();
                self.messages.clear();
                self.show_article(article::sample_article());
                self.session = Session::in_memory();
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
                self.session.selected = None;
            }
            Command::Save => {
                let article = Arc::clone(self.reader.article());
                if let Some(n) = self.session.autosave(&article, true) {
                    self.report(Level::Notice, n);
                }
            }
            Command::ToggleSidePanel => self.show_side_panel = !self.show_side_panel,
            Command::Import => {
                let folder = self.article().origin.path().and_then(Path::parent).map(Path::to_owned);
                self.import = Some(ImportPrompt::new(folder.as_deref()));
            }
            Command::Export => match self.article().origin.path() {
                Some(path) => self.export = Some(ExportDialog::new(path)),
                None => self.report(
                    Level::Notice,
                    "the sample article has no file to export next to: open an article of yours first".to_owned(),
                ),
            },
            Command::Highlight => {
                let color = self.current_color;
                self.annotate_selection(color, Vec::new());
            }
            Command::ApplyTag(n) => self.apply_tag(usize::from(n) - 1),
            Command::PickTags => self.open_tag_picker(),
            Command::EditNote => self.open_note_editor(),
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
            Command::Palette => self.palette = Some(Palette::default()),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// React to clicks and hovers on highlights.
    fn reader_feedback(&mut self, ui: &egui::Ui, output: &super::reader::ReaderOutput) {
        let id_of = |key: u64| {
            self.highlight_ids
                .get(usize::try_from(key).unwrap_or(usize::MAX))
                .copied()
        };
        if let Some(key) = output.clicked {
            self.session.selected = id_of(key);
        } else if output.clicked_plain_text {
            self.session.selected = None;
        }
        self.hovered = output.hovered.and_then(id_of);
        if let Some(a) = self.hovered.and_then(|id| self.session.set.get(id)) {
            let tags = if a.tags.is_empty() {
                "no tags".to_owned()
            } else {
                a.tags.join(", ")
            };
            let note = a.note.clone();
            egui::Tooltip::always_open(
                ui.ctx().clone(),
                ui.layer_id(),
                egui::Id::unique("annotation-hover"),
                egui::PopupAnchor::Pointer,
            )
            .show(|ui| {
                ui.set_max_width(320.0);
                ui.strong(tags);
                if !note.is_empty() {
                    ui.label(note);
                }
            });
        }
        if let Some(pos) = output.context_menu_at {
            self.context_menu = Some(pos);
        }
    }

    /// Note editor, tag picker, command palette and the context menu.
    fn dialogs(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if let Some(editor) = &mut self.note_editor
            && let Some(done) = editor.show(ctx)
        {
            let id = editor.annotation();
            self.note_editor = None;
            if let Some(note) = done {
                let result = self.session.set_note(id, note);
                self.check(result);
            }
        }
        if let Some(picker) = &mut self.tag_picker {
            let result = picker.show(ctx, &self.session.codebook);
            if let Some(result) = result {
                let target = picker.target();
                self.tag_picker = None;
                if let Some(chosen) = result {
                    self.apply_picked_tags(target, chosen);
                }
            }
        }
        if let Some(mut dialog) = self.export.take() {
            let article = Arc::clone(self.reader.article());
            let session = &mut self.session;
            let mut failure = None;
            let keep = dialog.show(ctx, &mut || {
                // The export reads the sidecars from disk: ours must be current.
                if let Some(n) = session.autosave(&article, true) {
                    failure = Some(n);
                }
            });
            if let Some(n) = failure {
                self.report(Level::Error, n);
            }
            if keep || dialog.is_running() {
                self.export = Some(dialog);
            }
        }
        if let Some(prompt) = &mut self.import
            && let Some(done) = prompt.show(ctx)
        {
            self.import = None;
            if let Some((format, file)) = done {
                self.import_file(format, &file);
            }
        }
        if let Some(prompt) = &mut self.path_prompt
            && let Some(done) = prompt.show(ctx)
        {
            self.path_prompt = None;
            if let Some(path) = done {
                self.open(ctx, &path);
            }
        }
        if let Some(palette) = &mut self.palette
            && let Some(done) = palette.show(ctx)
        {
            self.palette = None;
            commands.extend(done);
        }
        if let Some(pos) = self.context_menu {
            let mut close = false;
            let area = egui::Area::new(egui::Id::unique("reader-context-menu"))
                .order(egui::Order::Foreground)
                .fixed_pos(pos)
                .show(ctx, |ui| {
                    egui::Frame::menu(ui.style()).show(ui, |ui| {
                        for c in [
                            Command::Highlight,
                            Command::PickTags,
                            Command::EditNote,
                            Command::DeleteAnnotation,
                            Command::Copy,
                        ] {
                            if let Some(c) = c.menu_item(ui) {
                                commands.push(c);
                                close = true;
                            }
                        }
                    });
                });
            if close
                || area.response.clicked_elsewhere()
                || ctx.input(|i| i.key_pressed(egui::Key::Escape))
            {
                self.context_menu = None;
            }
        }
    }

    /// Apply the tags chosen in the picker (creating new ones in the codebook).
    fn apply_picked_tags(&mut self, target: TagTarget, chosen: Vec<crate::annotate::Tag>) {
        let names: Vec<String> = chosen
            .into_iter()
            .map(|t| self.session.ensure_tag(t))
            .collect();
        match target {
            TagTarget::Selection => {
                let color = names
                    .first()
                    .and_then(|n| self.session.codebook.get(n))
                    .map_or(self.current_color, |t| t.color);
                self.annotate_selection(color, names);
            }
            TagTarget::Annotation(id) => {
                let result = self.session.set_tags(id, names);
                self.check(result);
            }
        }
    }

    fn side_panel_action(&mut self, action: SidePanelAction) {
        match action {
            SidePanelAction::Select(id) => {
                self.session.selected = Some(id);
                if let Some(a) = self.session.set.get(id) {
                    self.reader.reveal(a.start);
                }
            }
            SidePanelAction::Reattach(id) => {
                if let Some(range) = self.reader.selection() {
                    let article = Arc::clone(self.reader.article());
                    let result = self.session.resize(&article, id, range);
                    self.check(result);
                    self.reader.set_selection(None);
                } else {
                    self.report(
                        Level::Notice,
                        "select the text the orphaned annotation belongs to, then press Re-attach"
                            .to_owned(),
                    );
                }
            }
            SidePanelAction::Delete(id) => {
                let result = self.session.remove(id);
                self.check(result);
            }
            SidePanelAction::ArticleNote(note) => {
                let result = self.session.set_article_note(note);
                self.check(result);
            }
            SidePanelAction::Codebook(codebook) => self.session.set_codebook(codebook),
            SidePanelAction::RenameTag { from, to } => {
                let article = Arc::clone(self.reader.article());
                let path = article.origin.path().map(Path::to_owned);
                let result = self
                    .session
                    .rename_tag(path.as_deref(), &article, &from, &to);
                self.painted = None;
                match result {
                    Ok(Some(n)) => self.report(Level::Notice, n),
                    Ok(None) => {}
                    Err(e) => self.report(Level::Error, e.to_string()),
                }
            }
            SidePanelAction::SetColor(color) => self.current_color = color,
            SidePanelAction::KeepBadSidecar => {
                let article = Arc::clone(self.reader.article());
                if let Some(path) = article.origin.path().map(Path::to_owned) {
                    match self.session.keep_bad_and_start_fresh(&path, &article) {
                        Ok(kept) => self.report(
                            Level::Notice,
                            format!(
                                "the unreadable annotation file was kept as {}",
                                kept.display()
                            ),
                        ),
                        Err(e) => self.report(Level::Error, e.to_string()),
                    }
                    self.painted = None;
                }
            }
        }
    }

    /// Import pre-annotations into the open article and report what happened.
    pub fn import_file(&mut self, format: &str, file: &Path) {
        let article = Arc::clone(self.reader.article());
        let Some(path) = article.origin.path().map(Path::to_owned) else {
            self.report(
                Level::Notice,
                "the sample article has no sidecar to import into: open an article of yours"
                    .to_owned(),
            );
            return;
        };
        match self.session.import(&path, &article, format, file) {
            Ok(s) => self.report(
                Level::Notice,
                format!(
                    "imported from {}: {} added, {} merged with existing ones, {} updated, {} unchanged, {} for other articles (Ctrl+Z undoes the import)",
                    file.display(),
                    s.added,
                    s.merged,
                    s.updated,
                    s.unchanged,
                    s.skipped
                ),
            ),
            Err(e) => self.report(Level::Error, format!("import failed: {e}")),
        }
    }

    /// Report a refused edit.
    fn check<T>(&mut self, result: Result<T, crate::session::SessionError>) {
        if let Err(e) = result {
            self.report(Level::Error, e.to_string());
        }
    }

    /// The session of the open article.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Create an annotation over the reader's selection.
    fn annotate_selection(&mut self, color: Color, tags: Vec<String>) -> Option<AnnotationId> {
        let range = self.reader.selection()?;
        let article = Arc::clone(self.reader.article());
        let author = self.settings.author.clone();
        match self.session.add(&article, range, color, tags, &author) {
            Ok(id) => {
                self.reader.set_selection(None);
                Some(id)
            }
            Err(e) => {
                self.report(Level::Error, e.to_string());
                None
            }
        }
    }

    /// Tag N of the codebook: on the selected text (a new annotation) or the selected
    /// annotation.
    fn apply_tag(&mut self, index: usize) {
        let Some(tag) = self.session.codebook.tags.get(index).cloned() else {
            self.report(
                Level::Notice,
                format!(
                    "the codebook has no tag {} yet: create tags with T or in the Codebook panel",
                    index + 1
                ),
            );
            return;
        };
        if self.reader.selection().is_some() {
            self.annotate_selection(tag.color, vec![tag.name]);
        } else if let Some(id) = self.session.selected {
            let result = self.session.add_tag(id, &tag.name);
            self.check(result);
        }
    }

    fn open_tag_picker(&mut self) {
        let target = if self.reader.selection().is_some() {
            Some(TagTarget::Selection)
        } else {
            self.session.selected.map(TagTarget::Annotation)
        };
        if let Some(target) = target {
            let current = match target {
                TagTarget::Annotation(id) => self
                    .session
                    .set
                    .get(id)
                    .map(|a| a.tags.clone())
                    .unwrap_or_default(),
                TagTarget::Selection => Vec::new(),
            };
            self.tag_picker = Some(TagPicker::new(target, current));
        } else {
            self.report(
                Level::Notice,
                "select some text or an annotation first, then press T".to_owned(),
            );
        }
    }

    fn open_note_editor(&mut self) {
        if self.session.selected.is_none() && self.reader.selection().is_some() {
            let color = self.current_color;
            self.annotate_selection(color, Vec::new());
        }
        if let Some(a) = self.session.selected() {
            self.note_editor = Some(NoteEditor::new(a.id, &a.note));
        } else {
            self.report(
                Level::Notice,
                "select some text or an annotation first, then press N".to_owned(),
            );
        }
    }

    /// Write pending annotation changes now (before switching article, on exit).
    fn flush_annotations(&mut self) {
        let article = Arc::clone(self.reader.article());
        if let Some(n) = self.session.autosave(&article, true) {
            self.report(Level::Error, n);
        }
    }

    /// Give the reader the highlights of the annotations and the find matches, when
    /// they changed.
    fn sync_highlights(&mut self) {
        let key = (self.session.version, self.session.selected);
        if self.painted == Some(key) {
            return;
        }
        self.painted = Some(key);
        self.refresh_highlights();
    }

    /// Autosave, and every second look for changes made to the files by others.
    fn keep_files_in_sync(&mut self, ctx: &egui::Context) {
        let article = Arc::clone(self.reader.article());
        let before = self.session.save_state();
        if let Some(n) = self.session.autosave(&article, false) {
            self.report(Level::Notice, n);
        }
        let after = self.session.save_state();
        if after != before {
            // Show "Saved" now, not at the next mouse move.
            ctx.request_repaint();
        } else if after == SaveState::Unsaved {
            ctx.request_repaint_after(crate::session::AUTOSAVE_DELAY);
        }
        // Wake up once a second to notice files changed by others.
        ctx.request_repaint_after(std::time::Duration::from_secs(1));
        let now = ctx.input(|i| i.time);
        if now - self.last_disk_check < 1.0 {
            return;
        }
        self.last_disk_check = now;
        if let Some(path) = article.origin.path().map(Path::to_owned) {
            let stamp = file_stamp(&path);
            if stamp.is_some() && stamp != self.article_stamp {
                self.report(
                    Level::Notice,
                    format!("the article changed on disk and was read again; annotations were anchored anew: {}", path.display()),
                );
                self.flush_annotations();
                self.open(ctx, &path);
                return;
            }
        }
        if self.session.save_state() != SaveState::Unsaved
            && let Some(n) = self.session.check_disk(&article)
        {
            self.report(Level::Notice, n);
        }
    }

    fn open_dialog(&mut self, ctx: &egui::Context) {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Open an article")
            .add_filter(
                "Articles",
                &["txt", "md", "markdown", "html", "htm", "xhtml"],
            )
            .add_filter("Images", &["png", "jpg", "jpeg", "webp", "gif", "bmp"])
            .add_filter("All files", &["*"]);
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
                    .and_then(Path::parent)
                    .map(Path::to_owned);
                self.path_prompt = Some(PathPrompt::new(
                    folder.as_deref(),
                    Some("The system file chooser is not available here (install xdg-desktop-portal for it). Type the path of the article instead, or drop the file on the window.".to_owned()),
                ));
            }
            None => {}
        }
    }

    /// Give the reader the highlights to paint: find matches (and, once annotations
    /// exist, the article's annotations).
    fn refresh_highlights(&mut self) {
        let mut highlights = Vec::new();
        self.highlight_ids.clear();
        for a in self.session.set.iter() {
            if a.status == crate::annotate::Status::Orphaned {
                continue;
            }
            let [r, g, b] = self.session.paint_color(a).0;
            highlights.push(Highlight {
                range: a.range(),
                color: Color32::from_rgb(r, g, b),
                outlined: self.session.selected == Some(a.id),
                key: self.highlight_ids.len() as u64,
            });
            self.highlight_ids.push(a.id);
        }
        if let Some(find) = &self.find {
            let current = find.current();
            for (i, range) in find.matches().iter().enumerate() {
                highlights.push(Highlight {
                    range: *range,
                    color: FIND_COLOR,
                    outlined: current == Some(*range),
                    key: FIND_KEY_BASE + i as u64,
                });
            }
        }
        self.reader.set_highlights(highlights);
    }

    /// The find bar, if open.
    pub fn find_bar(&mut self) -> Option<&mut FindBar> {
        self.find.as_mut()
    }

    fn poll_loading(&mut self) {
        let Some(pending) = &self.loading else { return };
        match pending.receiver.try_recv() {
            Ok(result) => {
                let path = pending.path.clone();
                self.loading = None;
                self.finish_load(&path, result);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                let path = pending.path.clone();
                self.loading = None;
                self.report(
                    Level::Error,
                    format!("loading stopped unexpectedly: {}", path.display()),
                );
            }
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

    fn update_title(&mut self, ctx: &egui::Context) {
        let article = self.reader.article();
        let title = format!(
            "{} — {} — Pathok",
            article.title,
            article.origin.display_name()
        );
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let mut open_recent = None;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                commands.extend(Command::Open.menu_item(ui));
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for path in &self.settings.recent {
                        let name = path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        if ui
                            .button(name)
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            open_recent = Some(path.clone());
                        }
                    }
                });
                commands.extend(Command::OpenSample.menu_item(ui));
                commands.extend(Command::Reload.menu_item(ui));
                commands.extend(Command::Save.menu_item(ui));
                commands.extend(Command::Export.menu_item(ui));
                commands.extend(Command::Import.menu_item(ui));
                ui.separator();
                commands.extend(Command::Quit.menu_item(ui));
            });
            ui.menu_button("Edit", |ui| {
                for c in [
                    Command::Find,
                    Command::Copy,
                    Command::SelectAll,
                    Command::ClearSelection,
                ] {
                    commands.extend(c.menu_item(ui));
                }
            });
            ui.menu_button("View", |ui| {
                for c in [Command::ZoomIn, Command::ZoomOut, Command::ZoomReset] {
                    commands.extend(c.menu_item(ui));
                }
                ui.separator();
                commands.extend(Command::ToggleTypeface.menu_item(ui));
                for c in [Command::WiderColumn, Command::NarrowerColumn] {
                    commands.extend(c.menu_item(ui));
                }
                ui.separator();
                ui.horizontal(|ui| {
                    ui.label("Author");
                    let mut author = super::text_input::BengaliText::new(&self.settings.author);
                    let response = ui
                        .add(egui::TextEdit::singleline(&mut author).desired_width(160.0))
                        .on_hover_text("Stored on every new annotation");
                    if response.changed() {
                        self.settings.author = author.value();
                    }
                });
                ui.separator();
                ui.label(RichText::new("Theme").weak());
                for theme in ReaderTheme::ALL {
                    let selected = self.settings.theme == theme;
                    if ui.radio(selected, theme.label()).clicked() {
                        commands.push(Command::Theme(theme));
                    }
                }
            });
        });
        if let Some(path) = open_recent {
            let ctx = ui.ctx().clone();
            self.open(&ctx, &path);
        }
        commands
    }

    fn message_banners(&mut self, ui: &mut egui::Ui) {
        let mut dismiss = None;
        for (i, message) in self.messages.iter().enumerate() {
            let (fill, text) = match message.level {
                Level::Error => (
                    Color32::from_rgb(0xfd, 0xe2, 0xe1),
                    Color32::from_rgb(0x8a, 0x1c, 0x1c),
                ),
                Level::Notice => (
                    Color32::from_rgb(0xfd, 0xf3, 0xd0),
                    Color32::from_rgb(0x6b, 0x4e, 0x00),
                ),
            };
            egui::Frame::new()
                .fill(fill)
                .inner_margin(egui::Margin::symmetric(10, 6))
                .show(ui, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                            dismiss = Some(i);
                        }
                        let prefix = match message.level {
                            Level::Error => "Cannot open: ",
                            Level::Notice => "Note: ",
                        };
                        ui.label(RichText::new(format!("{prefix}{}", message.text)).color(text));
                    });
                });
        }
        if let Some(i) = dismiss {
            self.messages.remove(i);
        }
    }

    fn status_bar(&self, ui: &mut egui::Ui) {
        let article = self.reader.article();
        ui.horizontal(|ui| {
            ui.label(article.origin.display_name());
            ui.separator();
            ui.label(match article.format {
                ArticleFormat::PlainText => "Text",
                ArticleFormat::Markdown => "Markdown",
                ArticleFormat::Html => "HTML",
                ArticleFormat::Image => "Image",
            });
            ui.separator();
            ui.label(format!("{} characters", article.text.char_len()));
            ui.separator();
            ui.label(format!("SHA-256 {}", &article.sha256[..12]))
                .on_hover_text(format!("SHA-256 of the canonical text: {}", article.sha256));
            ui.separator();
            let annotations = self.session.set.len();
            ui.label(format!(
                "{annotations} annotation{}",
                if annotations == 1 { "" } else { "s" }
            ));
            match self.session.save_state() {
                SaveState::Saved => {
                    ui.label("Saved");
                }
                SaveState::Unsaved => {
                    ui.label("Saving…");
                }
                SaveState::Failed(e) => {
                    ui.colored_label(Color32::from_rgb(0xc0, 0x30, 0x30), "Not saved")
                        .on_hover_text(e);
                }
                SaveState::NotSaved(why) => {
                    ui.weak("Not saved").on_hover_text(why);
                }
            }
            if let Some(pending) = &self.loading {
                ui.separator();
                ui.spinner();
                ui.label(format!("Opening {}…", pending.path.display()));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(format!("{:.0}%", self.position * 100.0))
                    .on_hover_text("How far down the article you are");
                ui.label(format!("{:.0} pt", self.settings.font_size));
            });
        });
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        // Several files dropped at once: the last one is shown, the others are
        // remembered in the recent list so they are one click away.
        for path in dropped {
            self.open(ctx, &path);
        }
    }

    fn drop_overlay(ctx: &egui::Context) {
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        let screen = ctx.content_rect();
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop"),
        ));
        painter.rect_filled(screen, 0.0, Color32::from_black_alpha(160));
        painter.text(
            screen.center(),
            egui::Align2::CENTER_CENTER,
            "Drop to open",
            egui::FontId::proportional(28.0),
            Color32::WHITE,
        );
    }
}

impl eframe::App for PathokApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        ctx.set_visuals(self.settings.theme.visuals());
        self.poll_loading();
        self.handle_dropped_files(&ctx);
        // While a dialog is open, keys belong to it (Esc closes it).
        let dialog_open = self.zoomed.is_some()
            || self.note_editor.is_some()
            || self.tag_picker.is_some()
            || self.palette.is_some()
            || self.path_prompt.is_some()
            || self.export.is_some()
            || self.import.is_some();
        let mut commands = if !dialog_open {
            Command::from_shortcuts(&ctx)
        } else {
            Vec::new()
        };

        egui::Panel::top("menu").show(ui, |ui| {
            commands.extend(self.menu_bar(ui));
        });
        if !self.messages.is_empty() {
            egui::Panel::top("messages")
                .frame(egui::Frame::NONE)
                .show(ui, |ui| self.message_banners(ui));
        }
        if self.find.is_some() {
            let article = Arc::clone(self.reader.article());
            let mut action = None;
            egui::Panel::top("find").show(ui, |ui| {
                if let Some(find) = &mut self.find {
                    action = find.ui(ui, &article);
                }
            });
            match action {
                Some(FindAction::Select(range)) => {
                    self.reader.set_selection(Some(range));
                    self.reader.reveal(range.start);
                    self.refresh_highlights();
                }
                Some(FindAction::Close) => {
                    self.find = None;
                    self.refresh_highlights();
                }
                None => {}
            }
            if self.find.as_mut().is_some_and(FindBar::take_changed) {
                self.refresh_highlights();
            }
        }
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        if self.show_side_panel && self.standalone.is_none() {
            let article = Arc::clone(self.reader.article());
            let selection = self.reader.selection();
            let mut action = None;
            egui::Panel::right("side")
                .resizable(true)
                .default_size(340.0)
                .size_range(240.0..=640.0)
                .show(ui, |ui| {
                    action = self.side_panel.ui(ui, &article, &self.session, selection);
                });
            if let Some(action) = action {
                self.side_panel_action(action);
            }
        }
        self.sync_highlights();

        let style = self.style();
        let page = egui::Frame::NONE.fill(style.typo.palette.page);
        let mut open_image: Option<ImageSource> = None;
        egui::CentralPanel::default().frame(page).show(ui, |ui| {
            if let Some(viewer) = &mut self.standalone {
                viewer.ui(ui, &mut self.reader);
            } else {
                let output = self.reader.ui(ui, &style);
                self.position = output.position;
                self.reader_feedback(ui, &output);
                open_image = output.open_image;
            }
        });
        self.dialogs(&ctx, &mut commands);
        if let Some(source) = open_image {
            self.zoomed = Some(ImageViewer::new(source));
        }
        if let Some(viewer) = &mut self.zoomed
            && !viewer.show_modal(&ctx, &mut self.reader)
        {
            self.zoomed = None;
        }
        for command in commands {
            self.run(&ctx, command);
        }
        Self::drop_overlay(&ctx);
        self.keep_files_in_sync(&ctx);
        self.update_title(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.flush_annotations();
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        self.flush_annotations();
    }
}
