//! The library in the app: opening a folder, the library panel beside the reader,
//! and what its clicks do to the reader (open an article, select a hit, code hits).

use std::path::Path;

use super::super::dialogs::PathPrompt;
use super::super::export_dialog::ExportDialog;
use super::super::library::{LibraryAction, LibraryPanel, PanelContext, Tab};
use super::super::notices::Level;
use super::PathokApp;
use super::modal;
use crate::annotate::AnnotationId;
use crate::text::CharRange;
use crate::tr;

/// What to select in an article opened from the library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Target {
    /// A range of text (a search hit).
    Range(CharRange),
    /// An annotation (a passage).
    Annotation(AnnotationId),
}

impl PathokApp {
    /// Open the folder at `path` (absolute) as the library: listed in the panel,
    /// scanned in the background.
    pub(super) fn open_folder(&mut self, ctx: &egui::Context, path: &Path) {
        self.library = Some(LibraryPanel::open(ctx, path));
        self.show_library = true;
        self.settings.remember_folder(path);
    }

    /// The library panel, when a folder is open.
    pub fn library(&self) -> Option<&LibraryPanel> {
        self.library.as_ref()
    }

    /// File ▸ Open folder…: the system folder chooser, or a typed path without one.
    pub(super) fn open_folder_dialog(&mut self, ctx: &egui::Context) {
        let mut dialog = rfd::FileDialog::new().set_title(tr!("dialog-open-folder-title"));
        let start = self
            .library
            .as_ref()
            .map(|l| l.root().to_owned())
            .or_else(|| {
                self.article()
                    .origin
                    .path()
                    .map(|p| crate::store::folder_of(p).to_owned())
            });
        if let Some(dir) = &start {
            dialog = dialog.set_directory(dir);
        }
        let asked = std::time::Instant::now();
        match dialog.pick_folder() {
            Some(path) => self.open(ctx, &path),
            // As for files: no chooser service answers this fast; ask for the path.
            None if asked.elapsed() < std::time::Duration::from_millis(300) => {
                let prompt =
                    PathPrompt::new(start.as_deref(), Some(tr!("dialog-no-folder-chooser")));
                self.open_modal(ctx, modal::Modal::OpenPath(prompt));
            }
            None => {}
        }
    }

    /// Alt+↓ / Alt+↑: the next (previous) article in the list's current order.
    pub(super) fn step_article(&mut self, ctx: &egui::Context, back: bool) {
        let Some(library) = &self.library else {
            self.report(Level::Notice, tr!("notice-no-library-step"));
            return;
        };
        let current = self.article().origin.path().map(Path::to_owned);
        if let Some(next) = library.neighbour(current.as_deref(), back) {
            self.open(ctx, &next);
        }
    }

    /// Ctrl+Shift+F: the library's search, with the keyboard in its query.
    pub(super) fn corpus_search(&mut self) {
        match &mut self.library {
            Some(library) => {
                self.show_library = true;
                library.show_tab(Tab::Search);
            }
            None => self.report(Level::Notice, tr!("notice-no-library-search")),
        }
    }

    /// The library panel at the left of the reader, while a folder is open.
    pub(super) fn library_panel(&mut self, ui: &mut egui::Ui, window: f32) {
        if !self.show_library || self.library.is_none() {
            return;
        }
        let ctx = ui.ctx().clone();
        let open_article = self.article().origin.path().map(Path::to_owned);
        let codebook_tags = self
            .session
            .codebook
            .tags
            .iter()
            .map(|t| t.name.clone())
            .collect();
        let mut save = false;
        let mut action = None;
        self.sized_library_panel(ui, window, |app, ui| {
            let mut save_first = || save = true;
            let mut cx = PanelContext {
                open_article: open_article.as_deref(),
                codebook_tags,
                save_first: &mut save_first,
            };
            if let Some(library) = &mut app.library {
                action = library.ui(ui, &mut cx);
            }
        });
        if save {
            self.flush_annotations();
        }
        match action {
            Some(LibraryAction::Open(path)) => self.open(&ctx, &path),
            Some(LibraryAction::OpenAt(path, range)) => {
                self.open_at(&ctx, &path, Target::Range(range))
            }
            Some(LibraryAction::OpenAnnotation(path, id)) => {
                self.open_at(&ctx, &path, Target::Annotation(id))
            }
            Some(LibraryAction::CodeAll(request)) => self.code_all(request),
            Some(LibraryAction::ExportPassages(filter)) => {
                if let Some(library) = &self.library {
                    let dialog = ExportDialog::for_passages(library.root(), filter);
                    self.open_modal(&ctx, modal::Modal::Export(Box::new(dialog)));
                }
            }
            None => {}
        }
    }

    /// Open `path` (unless it is open) and select `target` in it, with the keyboard in
    /// the reader so that `H` and `1`–`9` act on it at once.
    fn open_at(&mut self, ctx: &egui::Context, path: &Path, target: Target) {
        // No text field (the query) keeps the keyboard.
        ctx.memory_mut(|m| {
            if let Some(id) = m.focused() {
                m.surrender_focus(id);
            }
        });
        if self.article().origin.path() == Some(path) {
            self.select_target(target);
            return;
        }
        self.pending_selection = Some((path.to_owned(), target));
        self.open(ctx, path);
    }

    /// After `path` was opened: the selection asked for it, if any.
    pub(super) fn apply_pending_selection(&mut self, path: &Path) {
        if let Some((wanted, target)) = self.pending_selection.take()
            && wanted == path
        {
            self.select_target(target);
        }
    }

    fn select_target(&mut self, target: Target) {
        match target {
            Target::Range(range) if range.end.0 <= self.article().text.char_len() => {
                self.select_match(range);
            }
            Target::Range(_) => {}
            Target::Annotation(id) => {
                self.reader.set_selection(None);
                self.session.selected = Some(id);
                if let Some(a) = self.session.set.get(id) {
                    self.reader.reveal(a.start);
                }
            }
        }
    }

    /// Tell the library that the open article's annotations were written.
    pub(super) fn library_article_saved(&mut self) {
        if let Some(library) = &mut self.library {
            library.article_saved();
        }
    }
}
