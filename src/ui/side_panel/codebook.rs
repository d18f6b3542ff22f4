//! The Codebook tab: the tags of the folder with their keys, colours, descriptions and
//! counts; add, reorder, recolour, describe, rename (or merge) and delete.

use egui::RichText;

use crate::annotate::{Color, Tag};
use crate::session::Session;
use crate::tr;

use super::super::session_colors::next_color;
use super::super::text_input::BengaliText;
use super::{SidePanel, SidePanelAction};

/// What the user did to one tag of the list.
enum TagEdit {
    Changed,
    MoveUp,
    MoveDown,
    Rename(String),
    Delete,
}

impl SidePanel {
    pub(super) fn codebook(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
    ) -> Option<SidePanelAction> {
        let mut action = None;
        self.folder_count_ui(ui, session);
        let mut book = session.codebook.clone();
        let mut changed = false;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let n = book.tags.len();
                let mut swap = None;
                for i in 0..n {
                    let Some(tag) = book.tags.get_mut(i) else {
                        break;
                    };
                    match self.tag_row(ui, session, tag, i, n) {
                        Some(TagEdit::Changed) => changed = true,
                        Some(TagEdit::MoveUp) => swap = Some((i, i - 1)),
                        Some(TagEdit::MoveDown) => swap = Some((i, i + 1)),
                        Some(TagEdit::Rename(to)) => {
                            action = Some(SidePanelAction::RenameTag {
                                from: tag.name.clone(),
                                to,
                            });
                        }
                        Some(TagEdit::Delete) => {
                            action = Some(SidePanelAction::DeleteTag(tag.name.clone()));
                        }
                        None => {}
                    }
                }
                if let Some((a, b)) = swap {
                    book.tags.swap(a, b);
                    changed = true;
                }
                changed |= self.new_tag_ui(ui, &mut book.tags);
            });
        if changed && action.is_none() {
            action = Some(SidePanelAction::Codebook(book));
        }
        action
    }

    /// "Count in folder" and what it found unreadable.
    fn folder_count_ui(&mut self, ui: &mut egui::Ui, session: &Session) {
        ui.horizontal(|ui| {
            if ui
                .button(tr!("codebook-count"))
                .on_hover_text(tr!("codebook-count-tip"))
                .clicked()
            {
                self.folder_counts = Some(session.folder_tag_counts());
            }
            if let Some((_, problems)) = &self.folder_counts
                && !problems.is_empty()
            {
                ui.colored_label(
                    egui::Color32::from_rgb(0xc0, 0x30, 0x30),
                    tr!("codebook-unreadable", count = problems.len()),
                )
                .on_hover_text(problems.join("\n"));
            }
        });
    }

    /// One tag: colour, key and name (or the rename field), count, buttons, and its
    /// description.
    fn tag_row(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        tag: &mut Tag,
        i: usize,
        n: usize,
    ) -> Option<TagEdit> {
        let mut edit = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Wrapped: in a narrow panel the buttons go onto the next line instead of
            // off the panel, out of reach.
            ui.horizontal_wrapped(|ui| {
                let mut rgb = tag.color.0;
                if ui
                    .color_edit_button_srgb(&mut rgb)
                    .on_hover_text(tr!("codebook-colour-of", name = tag.name.as_str()))
                    .changed()
                {
                    tag.color = Color(rgb);
                    edit = Some(TagEdit::Changed);
                }
                let key = if i < 9 {
                    format!("{} ", crate::i18n::number(i + 1))
                } else {
                    String::new()
                };
                match &mut self.renaming {
                    Some((from, field)) if *from == tag.name => {
                        let r = ui.add(
                            egui::TextEdit::singleline(field)
                                .hint_text(tr!("codebook-new-name"))
                                .desired_width(150.0),
                        );
                        if r.lost_focus() {
                            if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                                edit = Some(TagEdit::Rename(field.value()));
                            }
                            self.renaming = None;
                        } else {
                            r.request_focus();
                        }
                    }
                    _ => {
                        // At most most of the row, cut with "…" (whole on hover), so the
                        // buttons after it wrap as whole buttons.
                        let most = (ui.available_width() * 0.6).max(80.0);
                        ui.scope(|ui| {
                            ui.set_max_width(most);
                            let name = RichText::new(format!("{key}{}", tag.name)).strong();
                            ui.add(egui::Label::new(name).truncate())
                                .on_hover_text(tag.name.as_str());
                        });
                        if ui
                            .small_button(tr!("codebook-rename"))
                            .on_hover_text(tr!("codebook-rename-tip"))
                            .clicked()
                        {
                            self.renaming = Some((tag.name.clone(), BengaliText::new(&tag.name)));
                        }
                        if ui
                            .small_button(tr!("button-delete"))
                            .on_hover_text(tr!("codebook-delete-tip"))
                            .clicked()
                        {
                            edit = Some(TagEdit::Delete);
                        }
                    }
                }
                let here = session
                    .set
                    .tag_counts()
                    .get(tag.name.as_str())
                    .copied()
                    .unwrap_or(0);
                let count = match &self.folder_counts {
                    Some((folder, _)) => crate::i18n::number(format!(
                        "{here} / {}",
                        folder.get(&tag.name).copied().unwrap_or(0)
                    )),
                    None => crate::i18n::number(here),
                };
                ui.label(RichText::new(count).weak())
                    .on_hover_text(tr!("codebook-count-here-tip"));
                if i > 0 && ui.small_button(tr!("codebook-up")).clicked() {
                    edit = Some(TagEdit::MoveUp);
                }
                if i + 1 < n && ui.small_button(tr!("codebook-down")).clicked() {
                    edit = Some(TagEdit::MoveDown);
                }
            });
            let mut description = BengaliText::new(&tag.description);
            let r = ui.add(
                egui::TextEdit::singleline(&mut description)
                    .hint_text(tr!("codebook-description"))
                    .desired_width(f32::INFINITY),
            );
            if r.changed() {
                tag.description = description.value();
                edit = Some(TagEdit::Changed);
            }
        });
        edit
    }

    /// The "new tag" field and its Add button; true when a tag was added. After Enter
    /// the keyboard stays in the field, ready for the next tag: the letters typed next
    /// must not run shortcuts (H, N, T…) on the article.
    fn new_tag_ui(&mut self, ui: &mut egui::Ui, tags: &mut Vec<Tag>) -> bool {
        let mut added = false;
        ui.horizontal(|ui| {
            let label = ui.label(tr!("codebook-new-tag"));
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.new_tag)
                        .hint_text(tr!("codebook-new-tag-hint"))
                        .desired_width(180.0),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.new_tag_focus) {
                r.request_focus();
            }
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let name = self.new_tag.value().trim().to_owned();
            let add = ui.button(tr!("codebook-add")).clicked() || enter;
            if add && !name.is_empty() && !tags.iter().any(|t| t.name == name) {
                let mut tag = Tag::named(name);
                tag.color = next_color(tags.len());
                tags.push(tag);
                self.new_tag.set("");
                added = true;
            }
            if enter {
                r.request_focus();
                self.new_tag_focus = true;
            }
        });
        added
    }
}
