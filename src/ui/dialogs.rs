//! Small modal dialogs: the note editor, the tag picker, the open-path prompt, the
//! import prompt and the confirmation of deleting a tag.

use egui::{Key, Modifiers, RichText};

use crate::annotate::{AnnotationId, Codebook, Tag};
use crate::tr;

use super::session_colors::{next_color, to_color32};
use super::text_input::{BengaliText, add_focusable};

/// Edits the note of one annotation.
pub struct NoteEditor {
    id: AnnotationId,
    text: BengaliText,
    focused: bool,
}

impl NoteEditor {
    /// An editor for annotation `id`, starting with `note`.
    pub fn new(id: AnnotationId, note: &str) -> Self {
        Self {
            id,
            text: BengaliText::new(note),
            focused: false,
        }
    }

    /// The annotation being edited.
    pub fn annotation(&self) -> AnnotationId {
        self.id
    }

    /// Show the editor. `Some(Some(note))` when saved (NFC), `Some(None)` when
    /// cancelled, `None` while open.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Option<String>> {
        let mut result = None;
        // Ctrl+Enter saves: taken before the buttons could take the Enter.
        let save_key = ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Enter));
        let modal = super::popups::modal("note-editor").show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(tr!("note-title"));
            let edit = egui::TextEdit::multiline(&mut self.text)
                .desired_rows(6)
                .desired_width(f32::INFINITY)
                .hint_text(tr!("note-hint"));
            add_focusable(
                ui,
                edit,
                "note-text",
                !std::mem::replace(&mut self.focused, true),
            );
            ui.horizontal(|ui| {
                let save = ui
                    .button(tr!("button-save"))
                    .on_hover_text("Ctrl+Enter")
                    .clicked()
                    || save_key;
                if save {
                    result = Some(Some(self.text.value()));
                }
                if ui
                    .button(tr!("button-cancel"))
                    .on_hover_text("Esc")
                    .clicked()
                {
                    result = Some(None);
                }
            });
        });
        if result.is_none() && modal.should_close() {
            result = Some(None);
        }
        result
    }

    /// Type into the editor (tests).
    pub fn text_mut(&mut self) -> &mut BengaliText {
        &mut self.text
    }
}

/// What the tag picker tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagTarget {
    /// The selected text (a new annotation is made).
    Selection,
    /// An existing annotation.
    Annotation(AnnotationId),
}

/// Filter, choose and create tags.
pub struct TagPicker {
    target: TagTarget,
    filter: BengaliText,
    chosen: Vec<String>,
    created: Vec<Tag>,
    focused: bool,
}

impl TagPicker {
    /// A picker for `target`, with `current` tags ticked.
    pub fn new(target: TagTarget, current: Vec<String>) -> Self {
        Self {
            target,
            filter: BengaliText::default(),
            chosen: current,
            created: Vec::new(),
            focused: false,
        }
    }

    /// What is being tagged.
    pub fn target(&self) -> TagTarget {
        self.target
    }

    /// Show the picker. `Some(Some(tags))` when applied, `Some(None)` when cancelled.
    pub fn show(&mut self, ctx: &egui::Context, codebook: &Codebook) -> Option<Option<Vec<Tag>>> {
        let mut result = None;
        // Ctrl+Enter applies: taken before any widget sees it, so that a focused
        // checkbox does not take the Enter for a click and untick itself.
        let apply_key = ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Enter));
        let modal = super::popups::modal("tag-picker").show(ctx, |ui| {
            ui.set_width(380.0);
            ui.heading(tr!("tags-title"));
            let response = add_focusable(
                ui,
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text(tr!("tags-hint"))
                    .desired_width(f32::INFINITY),
                "tag-filter",
                !std::mem::replace(&mut self.focused, true),
            );
            let filter = self.filter.value();
            let needle = crate::text::fold_query(filter.trim(), Default::default());
            let all: Vec<Tag> = codebook
                .tags
                .iter()
                .chain(self.created.iter())
                .cloned()
                .collect();
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .show(ui, |ui| {
                    for (i, tag) in all.iter().enumerate() {
                        let folded = crate::text::fold_query(&tag.name, Default::default());
                        if !needle.is_empty() && !folded.contains(&needle) {
                            continue;
                        }
                        let mut on = self.chosen.contains(&tag.name);
                        ui.horizontal(|ui| {
                            let (rect, _) = ui
                                .allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                            ui.painter().rect_filled(rect, 3.0, to_color32(tag.color));
                            let label = if i < 9 {
                                format!("{}  {}", i + 1, tag.name)
                            } else {
                                tag.name.clone()
                            };
                            if ui
                                .checkbox(&mut on, label)
                                .on_hover_text(&tag.description)
                                .changed()
                            {
                                if on {
                                    self.chosen.push(tag.name.clone());
                                } else {
                                    self.chosen.retain(|t| t != &tag.name);
                                }
                            }
                        });
                    }
                });
            let name = filter.trim().to_owned();
            let exists = all.iter().any(|t| t.name == name);
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if !name.is_empty() && !exists {
                let create = ui
                    .button(tr!("tags-create", name = name.as_str()))
                    .clicked()
                    || enter;
                if create {
                    let mut tag = Tag::named(name.clone());
                    tag.color = next_color(all.len());
                    self.created.push(tag);
                    self.chosen.push(name);
                    self.filter.set("");
                    response.request_focus();
                }
            } else if enter && !name.is_empty() && !self.chosen.contains(&name) {
                self.chosen.push(name);
            }
            ui.separator();
            ui.horizontal(|ui| {
                // A new highlight needs a tag; an annotation may lose all of its.
                let can_apply =
                    !self.chosen.is_empty() || matches!(self.target, TagTarget::Annotation(_));
                let apply = ui.add_enabled(can_apply, egui::Button::new(tr!("button-apply")));
                if apply.clicked() || (apply_key && can_apply) {
                    let tags = self
                        .chosen
                        .iter()
                        .filter_map(|name| all.iter().find(|t| &t.name == name).cloned())
                        .collect();
                    result = Some(Some(tags));
                }
                if ui.button(tr!("button-cancel")).clicked() {
                    result = Some(None);
                }
                ui.label(RichText::new(tr!("tags-chosen", count = self.chosen.len())).weak());
            });
        });
        if result.is_none() && modal.should_close() {
            result = Some(None);
        }
        result
    }
}

/// Asks for a file path: used when the desktop's file chooser is not available
/// (no xdg-desktop-portal), and from File ▸ Open path….
pub struct PathPrompt {
    path: BengaliText,
    /// Where relative names are taken (the open article's folder).
    folder: Option<std::path::PathBuf>,
    reason: Option<String>,
    focused: bool,
}

impl PathPrompt {
    /// A prompt starting in `folder`, saying `reason` if the file chooser failed.
    pub fn new(folder: Option<&std::path::Path>, reason: Option<String>) -> Self {
        Self {
            path: BengaliText::new(&super::paths::folder_prefix(folder)),
            folder: folder.map(std::path::Path::to_owned),
            reason,
            focused: false,
        }
    }

    /// Show the prompt: `Some(Some(path))` to open, `Some(None)` when cancelled.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Option<std::path::PathBuf>> {
        let mut result = None;
        let modal = super::popups::modal("path-prompt").show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(tr!("open-file-title"));
            if let Some(reason) = &self.reason {
                ui.add(egui::Label::new(RichText::new(reason).weak()).wrap());
            }
            let label = ui.label(tr!("open-file-path"));
            let response = add_focusable(
                ui,
                egui::TextEdit::singleline(&mut self.path).desired_width(f32::INFINITY),
                "open-path",
                !std::mem::replace(&mut self.focused, true),
            )
            .labelled_by(label.id);
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            ui.horizontal(|ui| {
                if ui.button(tr!("button-open")).clicked() || enter {
                    let path = self.path.value();
                    result = Some(
                        (!path.trim().is_empty())
                            .then(|| super::paths::typed(&path, self.folder.as_deref())),
                    );
                }
                if ui.button(tr!("button-cancel")).clicked() {
                    result = Some(None);
                }
            });
        });
        if result.is_none() && modal.should_close() {
            result = Some(None);
        }
        result
    }
}

/// Chooses a file of pre-annotations (model predictions) and its format.
pub struct ImportPrompt {
    /// Where relative names are taken (the open article's folder).
    folder: Option<std::path::PathBuf>,
    format: crate::export::ImportFormat,
    file: BengaliText,
    focused: bool,
}

impl ImportPrompt {
    /// A prompt starting in `folder`.
    pub fn new(folder: Option<&std::path::Path>) -> Self {
        Self {
            folder: folder.map(std::path::Path::to_owned),
            format: crate::export::ImportFormat::Jsonl,
            file: BengaliText::new(&super::paths::folder_prefix(folder)),
            focused: false,
        }
    }

    /// Show the prompt: `Some(Some((format, file)))` to import, `Some(None)` when
    /// cancelled.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
    ) -> Option<Option<(crate::export::ImportFormat, std::path::PathBuf)>> {
        let mut result = None;
        let modal = super::popups::modal("import-prompt").show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(tr!("import-title"));
            ui.add(egui::Label::new(RichText::new(tr!("import-explain")).weak()).wrap());
            ui.horizontal(|ui| {
                ui.label(tr!("import-format"));
                for f in crate::export::ImportFormat::ALL {
                    ui.radio_value(&mut self.format, f, f.name())
                        .on_hover_text(f.description());
                }
            });
            let label = ui.label(if self.format.reads_text() {
                tr!("import-file")
            } else {
                tr!("import-ann-file")
            });
            // The keyboard starts in the file name, after the folder.
            add_focusable(
                ui,
                egui::TextEdit::singleline(&mut self.file).desired_width(f32::INFINITY),
                "import-file",
                !std::mem::replace(&mut self.focused, true),
            )
            .labelled_by(label.id);
            ui.horizontal(|ui| {
                if ui.button(tr!("button-browse")).clicked()
                    && let Some(path) = rfd::FileDialog::new().pick_file()
                {
                    self.file.set(&path.display().to_string());
                }
                let file = self.file.value();
                if ui
                    .add_enabled(
                        !file.trim().is_empty(),
                        egui::Button::new(tr!("button-import")),
                    )
                    .clicked()
                {
                    let file = super::paths::typed(&file, self.folder.as_deref());
                    result = Some(Some((self.format, file)));
                }
                if ui.button(tr!("button-cancel")).clicked() {
                    result = Some(None);
                }
            });
        });
        if result.is_none() && modal.should_close() {
            result = Some(None);
        }
        result
    }
}

/// Asks before a tag is deleted everywhere, saying how many annotations in how many
/// articles carry it.
pub struct DeleteTagDialog {
    name: String,
    usage: crate::store::TagUsage,
    /// The folder whose codebook it is (`None`: the annotations live in memory).
    folder: Option<std::path::PathBuf>,
}

impl DeleteTagDialog {
    /// A confirmation for deleting `name`, carried as `usage` says under `folder`.
    pub fn new(
        name: String,
        usage: crate::store::TagUsage,
        folder: Option<std::path::PathBuf>,
    ) -> Self {
        Self {
            name,
            usage,
            folder,
        }
    }

    /// The tag to delete.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What the dialog says about the tag's use.
    pub fn question(&self) -> String {
        let annotations = self.usage.annotations;
        let place = match &self.folder {
            Some(folder) => tr!(
                "delete-tag-in-folder",
                articles = self.usage.sidecars.len(),
                folder = folder.display().to_string()
            ),
            None => tr!("delete-tag-in-article"),
        };
        let name = self.name.as_str();
        if annotations == 0 {
            tr!("delete-tag-unused", name = name, place = place)
        } else {
            tr!(
                "delete-tag-used",
                count = annotations,
                name = name,
                place = place
            )
        }
    }

    /// Show the dialog: `Some(true)` to delete, `Some(false)` when cancelled.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<bool> {
        let mut result = None;
        let modal = super::popups::modal("delete-tag").show(ctx, |ui| {
            ui.set_width(460.0);
            ui.heading(tr!("delete-tag-title", name = self.name.as_str()));
            ui.add(egui::Label::new(self.question()).wrap());
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button(tr!("delete-tag-button")).clicked() {
                    result = Some(true);
                }
                let cancel = ui.button(tr!("button-cancel"));
                // The safe answer has the keyboard: Enter cancels.
                if !ui.ctx().memory(|m| m.focused().is_some()) {
                    cancel.request_focus();
                }
                if cancel.clicked() {
                    result = Some(false);
                }
            });
        });
        if result.is_none() && modal.should_close() {
            result = Some(false);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delete_question_counts_in_words() {
        let usage = |annotations, articles: usize| crate::store::TagUsage {
            annotations,
            sidecars: (0..articles).map(|i| format!("{i}.ron").into()).collect(),
        };
        let folder = Some(std::path::PathBuf::from("/corpus"));
        let one = DeleteTagDialog::new("স্থান".into(), usage(1, 1), folder.clone());
        assert!(
            one.question()
                .starts_with("1 annotation carries “স্থান” in 1 article under /corpus. It stays"),
            "{}",
            one.question()
        );
        let many = DeleteTagDialog::new("স্থান".into(), usage(5, 2), folder);
        assert!(
            many.question()
                .starts_with("5 annotations carry “স্থান” in 2 articles under /corpus. They stay"),
            "{}",
            many.question()
        );
        let none = DeleteTagDialog::new("স্থান".into(), usage(0, 0), None);
        assert_eq!(
            none.question(),
            "No annotation carries “স্থান” in this article."
        );
    }
}
