//! Annotation commands and dialogs of the app: coding the selection, the tag picker,
//! the note editor, the side panel's requests, imports and the highlights shown.

use std::path::Path;
use std::sync::Arc;

use egui::Color32;

use crate::annotate::{AnnotationId, Color};
use crate::tr;

use super::super::commands::Command;
use super::super::dialogs::{DeleteTagDialog, NoteEditor, TagPicker, TagTarget};
use super::super::notices::Level;
use super::super::reader::Highlight;
use super::super::side_panel::SidePanelAction;
use super::modal::Modal;
use super::{FIND_COLOR, FIND_KEY_BASE, PathokApp};

impl PathokApp {
    /// React to clicks and hovers on highlights.
    pub(super) fn reader_feedback(
        &mut self,
        ui: &egui::Ui,
        output: &super::super::reader::ReaderOutput,
    ) {
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
                tr!("hover-no-tags")
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

    /// The context menu of the reader (right-click), while it is open.
    pub(super) fn context_menu(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
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
    pub(super) fn apply_picked_tags(
        &mut self,
        target: TagTarget,
        chosen: Vec<crate::annotate::Tag>,
    ) {
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

    pub(super) fn side_panel_action(&mut self, ctx: &egui::Context, action: SidePanelAction) {
        match action {
            SidePanelAction::ShowCoder(_) => self.painted = None,
            SidePanelAction::Select(id) => {
                self.session.selected = Some(id);
                self.region_selection = None;
                let region = self
                    .session
                    .set
                    .get(id)
                    .map(|a| (a.start, a.region.clone()));
                match region {
                    Some((_, Some(region))) => self.reveal_picture(region.image.as_deref()),
                    Some((start, None)) => self.reader.reveal(start),
                    None => {}
                }
            }
            SidePanelAction::Reattach(id) => {
                if let Some(range) = self.reader.selection() {
                    let article = Arc::clone(self.reader.article());
                    let result = self.session.resize(&article, id, range);
                    self.check(result);
                    self.reader.set_selection(None);
                } else {
                    self.report(Level::Notice, tr!("notice-reattach-select"));
                }
            }
            SidePanelAction::ConfirmRegion(id) => self.confirm_region(id),
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
                self.side_panel.forget_folder_counts();
                match result {
                    Ok(Some(n)) => self.report(Level::Notice, n),
                    Ok(None) => {}
                    Err(e) => self.report(Level::Error, e.to_string()),
                }
            }
            SidePanelAction::DeleteTag(name) => self.ask_to_delete_tag(ctx, name),
            SidePanelAction::SetColor(color) => self.current_color = color,
            SidePanelAction::KeepBadSidecar => {
                let article = Arc::clone(self.reader.article());
                if let Some(path) = article.origin.path().map(Path::to_owned) {
                    match self.session.keep_bad_and_start_fresh(&path, &article) {
                        Ok(kept) => self.report(
                            Level::Notice,
                            tr!("notice-bad-kept", path = kept.display().to_string()),
                        ),
                        Err(e) => self.report(Level::Error, e.to_string()),
                    }
                    self.painted = None;
                }
            }
        }
    }

    /// Count who carries tag `name` (writing ours first), then ask before deleting it.
    fn ask_to_delete_tag(&mut self, ctx: &egui::Context, name: String) {
        let article = Arc::clone(self.reader.article());
        match self.session.tag_usage(&article, &name) {
            Ok(usage) => {
                let folder = match &self.session.storage {
                    crate::session::Storage::Sidecar { codebook, .. } => {
                        Some(crate::store::folder_of(codebook).to_owned())
                    }
                    _ => None,
                };
                let dialog = DeleteTagDialog::new(name, usage, folder);
                self.open_modal(ctx, Modal::DeleteTag(dialog));
            }
            Err(e) => self.report(Level::Error, e.to_string()),
        }
    }

    /// Delete tag `name` everywhere (confirmed by the user).
    pub(super) fn delete_tag(&mut self, name: &str) {
        let article = Arc::clone(self.reader.article());
        let path = article.origin.path().map(Path::to_owned);
        let result = self.session.delete_tag(path.as_deref(), &article, name);
        self.painted = None;
        self.side_panel.forget_folder_counts();
        match result {
            Ok(notice) => self.report(Level::Notice, notice),
            Err(e) => self.report(Level::Error, e.to_string()),
        }
    }

    /// Import pre-annotations into the open article and report what happened.
    pub fn import_file(&mut self, format: crate::export::ImportFormat, file: &Path) {
        let article = Arc::clone(self.reader.article());
        let Some(path) = article.origin.path().map(Path::to_owned) else {
            self.report(Level::Notice, tr!("notice-sample-no-import"));
            return;
        };
        match self.session.import(&path, &article, format, file) {
            Ok(s) => self.report(
                Level::Notice,
                tr!(
                    "notice-imported",
                    path = file.display().to_string(),
                    added = s.added,
                    merged = s.merged,
                    updated = s.updated,
                    unchanged = s.unchanged,
                    skipped = s.skipped
                ),
            ),
            Err(e) => self.report(
                Level::Error,
                tr!("notice-import-failed", reason = e.to_string()),
            ),
        }
    }

    /// Report a refused edit.
    pub(super) fn check<T>(&mut self, result: Result<T, crate::session::SessionError>) {
        if let Err(e) = result {
            self.report(Level::Error, e.to_string());
        }
    }

    /// True when text is selected or a rectangle is drawn on a picture: something
    /// `H`, a tag key, `T` or `N` can code.
    pub(super) fn has_selection(&self) -> bool {
        self.reader.selection().is_some() || self.region_selection.is_some()
    }

    /// Create an annotation over the selection: the rectangle drawn on a picture, or
    /// the reader's selected text.
    pub(super) fn annotate_selection(
        &mut self,
        color: Color,
        tags: Vec<String>,
    ) -> Option<AnnotationId> {
        if self.region_selection.is_some() {
            return self.annotate_region(color, tags);
        }
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
    pub(super) fn apply_tag(&mut self, index: usize) {
        let Some(tag) = self.session.codebook.tags.get(index).cloned() else {
            self.report(Level::Notice, tr!("notice-no-tag-n", n = index + 1));
            return;
        };
        if self.has_selection() {
            self.annotate_selection(tag.color, vec![tag.name]);
        } else if let Some(id) = self.session.selected {
            let result = self.session.add_tag(id, &tag.name);
            self.check(result);
        }
    }

    pub(super) fn open_tag_picker(&mut self, ctx: &egui::Context) {
        let target = if self.has_selection() {
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
            self.open_modal(ctx, Modal::Tags(TagPicker::new(target, current)));
        } else {
            self.report(Level::Notice, tr!("notice-select-then-t"));
        }
    }

    pub(super) fn open_note_editor(&mut self, ctx: &egui::Context) {
        if self.session.selected.is_none() && self.has_selection() {
            let color = self.current_color;
            self.annotate_selection(color, Vec::new());
        }
        if let Some(a) = self.session.selected() {
            let editor = NoteEditor::new(a.id, &a.note);
            self.open_modal(ctx, Modal::Note(editor));
        } else {
            self.report(Level::Notice, tr!("notice-select-then-n"));
        }
    }

    /// Give the reader the highlights of the annotations and the find matches, when
    /// they changed.
    pub(super) fn sync_highlights(&mut self) {
        let key = (
            self.session.version,
            self.session.selected,
            self.reader.images_decoded(),
        );
        if self.painted == Some(key) {
            return;
        }
        self.painted = Some(key);
        self.refresh_highlights();
        self.refresh_picture_regions();
    }

    /// Give the reader the highlights to paint: find matches (and, once annotations
    /// exist, the article's annotations).
    pub(super) fn refresh_highlights(&mut self) {
        let mut highlights = Vec::new();
        self.highlight_ids.clear();
        let coder = self.side_panel.shown_coder();
        for a in self.session.set.iter() {
            if a.status == crate::annotate::Status::Orphaned
                || a.is_region()
                || coder.is_some_and(|c| c != a.author)
            {
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
}
