//! The one modal dialog the app shows at a time, and what happens when it closes.

use std::sync::Arc;

use super::super::commands::Command;
use super::super::dialogs::{DeleteTagDialog, ImportPrompt, NoteEditor, PathPrompt, TagPicker};
use super::super::export_dialog::ExportDialog;
use super::super::image_view::ImageViewer;
use super::super::notices::Level;
use super::super::palette::Palette;
use super::PathokApp;

/// A dialog that has the keyboard and blocks the window behind it. There is at most
/// one: the app holds an `Option<Modal>`.
pub(super) enum Modal {
    /// Writing the note of an annotation.
    Note(NoteEditor),
    /// Choosing the tags of the selection or an annotation.
    Tags(TagPicker),
    /// The command palette.
    Palette(Palette),
    /// Typing the path of a file to open (no system file chooser).
    OpenPath(PathPrompt),
    /// Exporting annotations (boxed: with its options and worker channel it is far
    /// larger than the other dialogs).
    Export(Box<ExportDialog>),
    /// Importing pre-annotations.
    Import(ImportPrompt),
    /// An image of the article, zoomed.
    Image(ImageViewer),
    /// Confirming that a tag is deleted everywhere.
    DeleteTag(DeleteTagDialog),
}

impl PathokApp {
    /// Show `modal`, in place of any other. Open popups and the context menu close
    /// first, so nothing of the window behind stays above the dialog.
    pub(super) fn open_modal(&mut self, ctx: &egui::Context, modal: Modal) {
        egui::Popup::close_all(ctx);
        self.context_menu = None;
        // `T` and `N` over the zoomed picture: its dialog takes the zoom's place for a
        // while, and the zoom comes back when it closes.
        let coding = matches!(modal, Modal::Tags(_) | Modal::Note(_));
        match self.modal.replace(modal) {
            Some(Modal::Image(viewer)) if coding => self.zoom_behind = Some(viewer),
            _ => self.zoom_behind = None,
        }
    }

    /// True while a modal dialog is shown.
    pub fn modal_open(&self) -> bool {
        self.modal.is_some()
    }

    /// Draw the modal dialog, if any, and act on its outcome once it closes.
    pub(super) fn show_modal(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(mut modal) = self.modal.take() else {
            return;
        };
        let keep = match &mut modal {
            Modal::Note(editor) => match editor.show(ctx) {
                None => true,
                Some(done) => {
                    if let Some(note) = done {
                        let result = self.session.set_note(editor.annotation(), note);
                        self.check(result);
                    }
                    false
                }
            },
            Modal::Tags(picker) => match picker.show(ctx, &self.session.codebook) {
                None => true,
                Some(done) => {
                    if let Some(chosen) = done {
                        self.apply_picked_tags(picker.target(), chosen);
                    }
                    false
                }
            },
            Modal::Palette(palette) => match palette.show(ctx) {
                None => true,
                Some(done) => {
                    commands.extend(done);
                    false
                }
            },
            Modal::OpenPath(prompt) => match prompt.show(ctx) {
                None => true,
                Some(done) => {
                    if let Some(path) = done {
                        self.open(ctx, &path);
                    }
                    false
                }
            },
            Modal::Import(prompt) => match prompt.show(ctx) {
                None => true,
                Some(done) => {
                    if let Some((format, file)) = done {
                        self.import_file(format, &file);
                    }
                    false
                }
            },
            Modal::Export(dialog) => {
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
                keep || dialog.is_running()
            }
            Modal::Image(viewer) => {
                let regions = super::viewer_regions(&self.reader, viewer);
                let mut event = None;
                let keep = viewer.show_modal(ctx, &mut self.reader, &regions, &mut event);
                if let Some(event) = event {
                    let source = viewer.source().clone();
                    self.region_event(&source, event);
                }
                keep
            }
            Modal::DeleteTag(dialog) => match dialog.show(ctx) {
                None => true,
                Some(confirmed) => {
                    if confirmed {
                        self.delete_tag(dialog.name());
                    }
                    false
                }
            },
        };
        if keep {
            // A dialog opened by the outcome (e.g. a palette command) wins.
            if self.modal.is_none() {
                self.modal = Some(modal);
            }
        } else {
            if self.modal.is_none()
                && matches!(modal, Modal::Tags(_) | Modal::Note(_))
                && let Some(viewer) = self.zoom_behind.take()
            {
                self.modal = Some(Modal::Image(viewer));
            }
            // The frame just drawn still shows the dialog: draw the next one now,
            // not at the next mouse move.
            ctx.request_repaint();
        }
    }
}
