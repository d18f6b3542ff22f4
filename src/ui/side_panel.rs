//! The side panel: the article's annotations in text order (with filters and the
//! orphans apart), the codebook editor, and the article note.

use egui::{RichText, Sense};

use crate::annotate::{Annotation, AnnotationId, Codebook, Color, Status, Tag};
use crate::article::Article;
use crate::session::{PALETTE, Session};
use crate::text::CharRange;

use super::session_colors::{next_color, to_color32};
use super::text_input::BengaliText;

/// What the panel asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum SidePanelAction {
    /// Select (and scroll to) an annotation.
    Select(AnnotationId),
    /// Attach an orphaned annotation to the current selection.
    Reattach(AnnotationId),
    /// Delete an annotation.
    Delete(AnnotationId),
    /// New article note.
    ArticleNote(String),
    /// New codebook (reorder, recolour, describe, add).
    Codebook(Codebook),
    /// Rename or merge a tag everywhere.
    RenameTag {
        /// Old name.
        from: String,
        /// New name (an existing one merges).
        to: String,
    },
    /// Colour for new untagged highlights.
    SetColor(Color),
    /// Move an unreadable sidecar aside and start fresh.
    KeepBadSidecar,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Tab {
    #[default]
    Annotations,
    Codebook,
    Note,
}

/// State of the side panel.
#[derive(Default)]
pub struct SidePanel {
    tab: Tab,
    filter: BengaliText,
    tag_filter: Option<String>,
    note: Option<(u64, BengaliText)>,
    renaming: Option<(String, BengaliText)>,
    new_tag: BengaliText,
    color_filter: Option<Color>,
    /// Tag counts over the folder, computed when asked (reads every sidecar).
    folder_counts: Option<(std::collections::BTreeMap<String, usize>, Vec<String>)>,
}

impl SidePanel {
    /// Draw the panel.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        article: &Article,
        session: &Session,
        selection: Option<CharRange>,
    ) -> Option<SidePanelAction> {
        let mut action = None;
        if let crate::session::Storage::ReadOnly { reason, .. } = &session.storage {
            egui::Frame::new()
                .fill(egui::Color32::from_rgb(0xfd, 0xe2, 0xe1))
                .inner_margin(8)
                .show(ui, |ui| {
                    ui.label(
                        RichText::new("Read-only")
                            .strong()
                            .color(egui::Color32::from_rgb(0x8a, 0x1c, 0x1c)),
                    );
                    ui.label(
                        RichText::new(reason).color(egui::Color32::from_rgb(0x8a, 0x1c, 0x1c)),
                    );
                    if ui
                        .button("Keep the bad file aside and start a new one")
                        .on_hover_text(
                            "The unreadable file is renamed to …ron.bad-<time>, never deleted",
                        )
                        .clicked()
                    {
                        action = Some(SidePanelAction::KeepBadSidecar);
                    }
                });
        }
        ui.horizontal(|ui| {
            ui.selectable_value(
                &mut self.tab,
                Tab::Annotations,
                format!("Annotations ({})", session.set.len()),
            );
            ui.selectable_value(
                &mut self.tab,
                Tab::Codebook,
                format!("Codebook ({})", session.codebook.tags.len()),
            );
            ui.selectable_value(&mut self.tab, Tab::Note, "Note");
        });
        ui.separator();
        let inner = match self.tab {
            Tab::Annotations => self.annotations(ui, session, selection),
            Tab::Codebook => self.codebook(ui, session),
            Tab::Note => self.note(ui, session, article),
        };
        action.or(inner)
    }

    fn annotations(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        selection: Option<CharRange>,
    ) -> Option<SidePanelAction> {
        let mut action = None;
        ui.horizontal(|ui| {
            ui.label("Colour");
            for color in PALETTE {
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(16.0, 16.0), Sense::click());
                ui.painter().rect_filled(rect, 4.0, to_color32(color));
                if response
                    .on_hover_text("Colour of new highlights (H)")
                    .clicked()
                {
                    action = Some(SidePanelAction::SetColor(color));
                }
            }
        });
        ui.add(
            egui::TextEdit::singleline(&mut self.filter)
                .hint_text("filter by text or note")
                .desired_width(f32::INFINITY),
        );
        let tag_label = self
            .tag_filter
            .clone()
            .unwrap_or_else(|| "All tags".to_owned());
        egui::ComboBox::from_label("Tag filter")
            .selected_text(tag_label)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.tag_filter, None, "All tags");
                for tag in &session.codebook.tags {
                    ui.selectable_value(&mut self.tag_filter, Some(tag.name.clone()), &tag.name);
                }
            });
        ui.horizontal_wrapped(|ui| {
            ui.label("Colour filter");
            if ui
                .selectable_label(self.color_filter.is_none(), "all")
                .clicked()
            {
                self.color_filter = None;
            }
            let mut used: Vec<Color> = session.set.iter().map(|a| session.paint_color(a)).collect();
            used.sort();
            used.dedup();
            for color in used {
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(16.0, 16.0), Sense::click());
                ui.painter().rect_filled(rect, 4.0, to_color32(color));
                if self.color_filter == Some(color) {
                    ui.painter().rect_stroke(
                        rect.expand(2.0),
                        4.0,
                        ui.visuals().selection.stroke,
                        egui::StrokeKind::Outside,
                    );
                }
                if response
                    .on_hover_text("Only annotations of this colour")
                    .clicked()
                {
                    self.color_filter = Some(color);
                }
            }
        });
        let needle = crate::text::fold_query(self.filter.value().trim(), Default::default());
        let keep = |a: &Annotation| {
            let by_color = self
                .color_filter
                .is_none_or(|c| session.paint_color(a) == c);
            let by_tag = by_color && self.tag_filter.as_ref().is_none_or(|t| a.tags.contains(t));
            let by_text = needle.is_empty() || {
                let hay = crate::text::fold_query(
                    &format!("{} {} {}", a.quote, a.note, a.tags.join(" ")),
                    Default::default(),
                );
                hay.contains(&needle)
            };
            by_tag && by_text
        };
        let orphans: Vec<&Annotation> = session
            .set
            .iter()
            .filter(|a| a.status == Status::Orphaned)
            .collect();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if !orphans.is_empty() {
                    ui.add(
                        egui::Label::new(
                            RichText::new(format!(
                                "Orphaned ({}): the article changed and these were not found again",
                                orphans.len()
                            ))
                            .strong(),
                        )
                        .wrap(),
                    );
                    for a in &orphans {
                        egui::Frame::group(ui.style()).show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.add(
                                egui::Label::new(format!("“{}”", preview(&a.quote, 140))).wrap(),
                            );
                            chips(ui, a, &session.codebook);
                            ui.horizontal(|ui| {
                                let reattach = ui
                                    .add_enabled(
                                        selection.is_some(),
                                        egui::Button::new("Re-attach to selection"),
                                    )
                                    .on_disabled_hover_text("Select the passage in the text first");
                                if reattach.clicked() {
                                    action = Some(SidePanelAction::Reattach(a.id));
                                }
                                if ui.button("Delete").clicked() {
                                    action = Some(SidePanelAction::Delete(a.id));
                                }
                            });
                        });
                    }
                    ui.separator();
                }
                let mut shown = 0;
                for a in session
                    .set
                    .iter()
                    .filter(|a| a.status != Status::Orphaned && keep(a))
                {
                    shown += 1;
                    let selected = session.selected == Some(a.id);
                    let frame = egui::Frame::group(ui.style()).fill(if selected {
                        ui.visuals().selection.bg_fill.gamma_multiply(0.25)
                    } else {
                        ui.visuals().panel_fill
                    });
                    let response = frame
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.add(
                                egui::Label::new(format!("“{}”", preview(&a.quote, 160))).wrap(),
                            );
                            chips(ui, a, &session.codebook);
                            if !a.note.is_empty() {
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(preview(&a.note, 120)).italics().weak(),
                                    )
                                    .wrap(),
                                );
                            }
                        })
                        .response
                        .interact(Sense::click());
                    if response.clicked() {
                        action = Some(SidePanelAction::Select(a.id));
                    }
                }
                if shown == 0 && orphans.is_empty() {
                    ui.label(
                        RichText::new(
                            "No annotations yet. Select text and press H, or 1–9 for a tag.",
                        )
                        .weak(),
                    );
                }
            });
        action
    }

    fn codebook(&mut self, ui: &mut egui::Ui, session: &Session) -> Option<SidePanelAction> {
        let mut action = None;
        let counts = session.set.tag_counts();
        ui.horizontal(|ui| {
            if ui
                .button("Count in folder")
                .on_hover_text("Read every annotation file that shares this codebook")
                .clicked()
            {
                self.folder_counts = Some(session.folder_tag_counts());
            }
            if let Some((_, problems)) = &self.folder_counts
                && !problems.is_empty()
            {
                ui.colored_label(
                    egui::Color32::from_rgb(0xc0, 0x30, 0x30),
                    format!("{} file(s) unreadable", problems.len()),
                )
                .on_hover_text(problems.join("\n"));
            }
        });
        let folder_counts = self.folder_counts.as_ref().map(|(c, _)| c.clone());
        let mut book = session.codebook.clone();
        let mut changed = false;
        let n = book.tags.len();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            let mut swap = None;
            for (i, tag) in book.tags.iter_mut().enumerate() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        let mut rgb = tag.color.0;
                        if ui.color_edit_button_srgb(&mut rgb).changed() {
                            tag.color = Color(rgb);
                            changed = true;
                        }
                        let key = if i < 9 { format!("{} ", i + 1) } else { String::new() };
                        match &mut self.renaming {
                            Some((from, field)) if *from == tag.name => {
                                let r = ui.add(egui::TextEdit::singleline(field).hint_text("new name").desired_width(150.0));
                                if r.lost_focus() {
                                    if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                                        action = Some(SidePanelAction::RenameTag { from: from.clone(), to: field.value() });
                                    }
                                    self.renaming = None;
                                } else {
                                    r.request_focus();
                                }
                            }
                            _ => {
                                ui.label(RichText::new(format!("{key}{}", tag.name)).strong());
                                if ui.small_button("Rename").on_hover_text("Rename everywhere; an existing name merges the two tags").clicked() {
                                    self.renaming = Some((tag.name.clone(), BengaliText::new(&tag.name)));
                                }
                            }
                        }
                        let here = counts.get(tag.name.as_str()).copied().unwrap_or(0);
                        let count = match folder_counts.as_ref().map(|c| c.get(&tag.name).copied().unwrap_or(0)) {
                            Some(folder) => format!("{here} / {folder}"),
                            None => here.to_string(),
                        };
                        ui.label(RichText::new(count).weak())
                            .on_hover_text("Annotations with this tag in this article (/ in the folder)");
                        if i > 0 && ui.small_button("Up").clicked() {
                            swap = Some((i, i - 1));
                        }
                        if i + 1 < n && ui.small_button("Down").clicked() {
                            swap = Some((i, i + 1));
                        }
                    });
                    let mut description = BengaliText::new(&tag.description);
                    let r = ui.add(egui::TextEdit::singleline(&mut description).hint_text("description").desired_width(f32::INFINITY));
                    if r.changed() {
                        tag.description = description.value();
                        changed = true;
                    }
                });
            }
            if let Some((a, b)) = swap {
                book.tags.swap(a, b);
                changed = true;
            }
            ui.horizontal(|ui| {
                let r = ui.add(egui::TextEdit::singleline(&mut self.new_tag).hint_text("new tag").desired_width(180.0));
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let name = self.new_tag.value().trim().to_owned();
                if (ui.button("Add").clicked() || enter) && !name.is_empty() && book.get(&name).is_none() {
                    let mut tag = Tag::named(name);
                    tag.color = next_color(book.tags.len());
                    book.tags.push(tag);
                    self.new_tag.set("");
                    changed = true;
                }
            });
        });
        if changed && action.is_none() {
            action = Some(SidePanelAction::Codebook(book));
        }
        action
    }

    fn note(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        article: &Article,
    ) -> Option<SidePanelAction> {
        ui.label(RichText::new(format!("A note about “{}”", preview(&article.title, 60))).weak());
        let (version, field) = self
            .note
            .get_or_insert_with(|| (session.version, BengaliText::new(&session.set.article_note)));
        if *version != session.version && !ui.ctx().text_edit_focused() {
            *field = BengaliText::new(&session.set.article_note);
            *version = session.version;
        }
        let r = ui.add(
            egui::TextEdit::multiline(field)
                .desired_rows(12)
                .desired_width(f32::INFINITY),
        );
        (r.lost_focus() && field.value() != session.set.article_note)
            .then(|| SidePanelAction::ArticleNote(field.value()))
    }
}

fn chips(ui: &mut egui::Ui, a: &Annotation, codebook: &Codebook) {
    ui.horizontal_wrapped(|ui| {
        if a.tags.is_empty() {
            egui::Frame::new()
                .fill(to_color32(a.color).gamma_multiply(0.45))
                .corner_radius(8)
                .inner_margin(egui::Margin::symmetric(6, 1))
                .show(ui, |ui| ui.label(RichText::new("highlight").small()));
        }
        for tag in &a.tags {
            let color = codebook.get(tag).map_or(a.color, |t| t.color);
            egui::Frame::new()
                .fill(to_color32(color).gamma_multiply(0.45))
                .corner_radius(8)
                .inner_margin(egui::Margin::symmetric(6, 1))
                .show(ui, |ui| ui.label(RichText::new(tag).small()));
        }
    });
}

/// The first `n` chars of `text` on one line.
fn preview(text: &str, n: usize) -> String {
    let one_line = text.replace('\n', " ");
    let mut out: String = one_line.chars().take(n).collect();
    if one_line.chars().count() > n {
        out.push('…');
    }
    out
}
