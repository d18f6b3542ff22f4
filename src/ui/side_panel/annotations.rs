//! The Annotations tab: the colour of new highlights, the filters, the orphans apart,
//! then the annotations in text order; it says how many the filters hide.

use egui::{RichText, Sense};

use crate::annotate::Annotation;
use crate::session::{PALETTE, Session};
use crate::text::CharRange;
use crate::tr;

use super::super::session_colors::to_color32;
use super::list::{AnnotationList, FilterKey, Row};
use super::{SidePanel, SidePanelAction, chips, preview};

impl SidePanel {
    pub(super) fn annotations(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        selection: Option<CharRange>,
    ) -> Option<SidePanelAction> {
        let mut action = None;
        ui.horizontal(|ui| {
            ui.label(tr!("panel-colour"));
            for color in PALETTE {
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(16.0, 16.0), Sense::click());
                ui.painter().rect_filled(rect, 4.0, to_color32(color));
                if response.on_hover_text(tr!("panel-colour-tip")).clicked() {
                    action = Some(SidePanelAction::SetColor(color));
                }
            }
        });
        if self.filter_ui(ui, session) {
            action = Some(SidePanelAction::ShowCoder(self.coder.clone()));
        }
        let filters = FilterKey {
            text: self.filters.text.value(),
            tag: self.filters.tag.clone(),
            color: self.filters.color,
            coder: self.coder.clone(),
        };
        let mut list = std::mem::take(&mut self.list);
        list.refresh(session, filters, |a| self.keeps(a, session));
        let hidden = list.hidden();
        if hidden > 0 {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(tr!("panel-hidden", count = hidden)).strong());
                if ui.small_button(tr!("panel-show-all")).clicked() {
                    self.filters = super::Filters::default();
                    if self.coder.take().is_some() {
                        action = Some(SidePanelAction::ShowCoder(None));
                    }
                }
            });
        }
        let mut area = egui::ScrollArea::vertical().auto_shrink([false, false]);
        if let Some(offset) = list.take_scroll_correction() {
            area = area.vertical_scroll_offset(offset);
        }
        area.show_viewport(ui, |ui, viewport| {
            if let Some(chosen) = Self::visible_rows(ui, viewport, &mut list, session, selection) {
                action = Some(chosen);
            }
        });
        self.list = list;
        action
    }

    /// Lay out the rows in `viewport` only (list coordinates), measuring them; the
    /// others keep their estimated heights.
    ///
    /// A row coming into view at the top (scrolling up, or after a jump) was only
    /// estimated: it is measured unseen first and the list is drawn shifted by the
    /// difference, and the scroll offset is corrected by as much from the next frame,
    /// so the rows on screen stay where they were instead of jumping by the error of
    /// the estimate.
    fn visible_rows(
        ui: &mut egui::Ui,
        viewport: egui::Rect,
        list: &mut AnnotationList,
        session: &Session,
        selection: Option<CharRange>,
    ) -> Option<SidePanelAction> {
        let mut action = None;
        let width = ui.available_width();
        list.set_width(width, session);
        let origin = ui.max_rect().min;
        let spacing = ui.spacing().item_spacing.y;
        let first = list.row_at(viewport.min.y);
        let mut shift = 0.0;
        if viewport.min.y > 0.0 && first < list.rows().len() && !list.is_measured(first, session) {
            let row = list.rows()[first];
            let builder = egui::UiBuilder::new()
                .max_rect(egui::Rect::from_min_size(
                    origin,
                    egui::vec2(width, f32::INFINITY),
                ))
                .layout(egui::Layout::top_down(egui::Align::Min))
                .id_salt(("annotation-row-unseen", row))
                .sizing_pass()
                .invisible();
            let unseen = ui.scope_builder(builder, |ui| {
                Self::row_ui(ui, row, list, session, selection);
            });
            shift = list.measured(first, unseen.response.rect.height() + spacing, session);
            if shift != 0.0 {
                list.correct_scroll(viewport.min.y + shift);
            }
        }
        let mut i = first;
        while i < list.rows().len() && list.top(i) - shift <= viewport.max.y {
            let row = list.rows()[i];
            let top = origin.y + list.top(i) - shift;
            let rect = egui::Rect::from_min_size(
                egui::pos2(origin.x, top),
                egui::vec2(width, f32::INFINITY),
            );
            let builder = egui::UiBuilder::new()
                .max_rect(rect)
                .layout(egui::Layout::top_down(egui::Align::Min))
                .id_salt(("annotation-row", row));
            let shown = ui.scope_builder(builder, |ui| {
                Self::row_ui(ui, row, list, session, selection)
            });
            if let Some(chosen) = shown.inner {
                action = Some(chosen);
            }
            list.measured(i, shown.response.rect.height() + spacing, session);
            i += 1;
        }
        // The whole list's height, so the scroll bar is to scale.
        ui.set_height(list.total_height());
        action
    }

    /// One row of the list.
    fn row_ui(
        ui: &mut egui::Ui,
        row: Row,
        list: &AnnotationList,
        session: &Session,
        selection: Option<CharRange>,
    ) -> Option<SidePanelAction> {
        let slice = session.set.as_slice();
        match row {
            Row::OrphansHeader => {
                ui.add(
                    egui::Label::new(
                        RichText::new(tr!("panel-orphaned", count = list.orphans())).strong(),
                    )
                    .wrap(),
                );
                None
            }
            Row::Orphan(n) => Self::orphan(ui, &slice[n], session, selection),
            Row::OrphansEnd => {
                ui.separator();
                None
            }
            Row::Entry(n) => {
                Self::entry(ui, &slice[n], session).then_some(SidePanelAction::Select(slice[n].id))
            }
            Row::Empty => {
                ui.label(RichText::new(tr!("panel-empty")).weak());
                None
            }
        }
    }

    /// The text, tag, coder and colour filters; true when the coder changed.
    fn filter_ui(&mut self, ui: &mut egui::Ui, session: &Session) -> bool {
        ui.add(
            egui::TextEdit::singleline(&mut self.filters.text)
                .hint_text(tr!("panel-filter-hint"))
                .desired_width(f32::INFINITY),
        );
        let mut tags: Vec<Option<String>> = vec![None];
        tags.extend(session.codebook.tags.iter().map(|t| Some(t.name.clone())));
        super::super::popups::choice(
            ui,
            "tag-filter",
            &tr!("panel-tag-filter"),
            &mut self.filters.tag,
            &tags,
            |t| t.clone().unwrap_or_else(|| tr!("panel-all-tags")),
        );
        let mut coders: Vec<Option<String>> = session
            .set
            .iter()
            .map(|a| Some(a.author.clone()))
            .chain([self.coder.clone()])
            .collect();
        coders.sort();
        coders.dedup();
        if coders.first() != Some(&None) {
            coders.insert(0, None);
        }
        let coder_changed = super::super::popups::choice(
            ui,
            "coder-filter",
            &tr!("panel-coder"),
            &mut self.coder,
            &coders,
            |c| coder_label(c.as_deref()),
        );
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("panel-colour-filter"));
            if ui
                .selectable_label(self.filters.color.is_none(), tr!("panel-colour-all"))
                .clicked()
            {
                self.filters.color = None;
            }
            let used = self.list.colors().to_vec();
            for color in used {
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(16.0, 16.0), Sense::click());
                ui.painter().rect_filled(rect, 4.0, to_color32(color));
                if self.filters.color == Some(color) {
                    ui.painter().rect_stroke(
                        rect.expand(2.0),
                        4.0,
                        ui.visuals().selection.stroke,
                        egui::StrokeKind::Outside,
                    );
                }
                if response.on_hover_text(tr!("panel-colour-only")).clicked() {
                    self.filters.color = Some(color);
                }
            }
        });
        coder_changed
    }

    /// True when the filters let `a` through.
    fn keeps(&self, a: &Annotation, session: &Session) -> bool {
        if self.coder.as_ref().is_some_and(|c| *c != a.author) {
            return false;
        }
        if !self.filters.is_active() {
            return true;
        }
        let needle = crate::text::fold_query(self.filters.text.value().trim(), Default::default());
        let by_color = self
            .filters
            .color
            .is_none_or(|c| session.paint_color(a) == c);
        let by_tag = self.filters.tag.as_ref().is_none_or(|t| a.tags.contains(t));
        let by_text = needle.is_empty() || {
            let hay = crate::text::fold_query(
                &format!(
                    "{} {} {} {}",
                    a.quote,
                    a.note,
                    a.tags.join(" "),
                    region_label(a)
                ),
                Default::default(),
            );
            hay.contains(&needle)
        };
        by_color && by_tag && by_text
    }

    /// An orphan, with Re-attach and Delete.
    fn orphan(
        ui: &mut egui::Ui,
        a: &Annotation,
        session: &Session,
        selection: Option<CharRange>,
    ) -> Option<SidePanelAction> {
        let mut action = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            if a.is_region() {
                ui.add(egui::Label::new(
                    RichText::new(tr!("panel-region-changed", region = region_label(a)))
                        .color(ui.visuals().warn_fg_color),
                ))
                .on_hover_text(tr!("panel-region-changed-tip"));
            } else {
                ui.add(egui::Label::new(format!("“{}”", preview(&a.quote, 140))).wrap());
            }
            chips(ui, a, &session.codebook);
            ui.label(RichText::new(coder_label(Some(&a.author))).weak());
            if !a.note.is_empty() {
                // What the coder wrote helps to decide whether the region still fits.
                ui.add(
                    egui::Label::new(RichText::new(preview(&a.note, 120)).italics().weak()).wrap(),
                );
            }
            ui.horizontal(|ui| {
                if a.is_region() {
                    if ui.button(tr!("panel-region-select")).clicked() {
                        action = Some(SidePanelAction::Select(a.id));
                    }
                    if ui
                        .button(tr!("panel-region-keep"))
                        .on_hover_text(tr!("panel-region-keep-tip"))
                        .clicked()
                    {
                        action = Some(SidePanelAction::ConfirmRegion(a.id));
                    }
                    if ui.button(tr!("button-delete")).clicked() {
                        action = Some(SidePanelAction::Delete(a.id));
                    }
                    return;
                }
                let reattach = ui
                    .add_enabled(
                        selection.is_some(),
                        egui::Button::new(tr!("panel-reattach")),
                    )
                    .on_disabled_hover_text(tr!("panel-reattach-tip"));
                if reattach.clicked() {
                    action = Some(SidePanelAction::Reattach(a.id));
                }
                if ui.button(tr!("button-delete")).clicked() {
                    action = Some(SidePanelAction::Delete(a.id));
                }
            });
        });
        action
    }

    /// One annotation of the list; true when clicked.
    fn entry(ui: &mut egui::Ui, a: &Annotation, session: &Session) -> bool {
        let selected = session.selected == Some(a.id);
        let frame = egui::Frame::group(ui.style()).fill(if selected {
            ui.visuals().selection.bg_fill.gamma_multiply(0.25)
        } else {
            ui.visuals().panel_fill
        });
        frame
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                if a.is_region() {
                    ui.label(region_label(a));
                } else {
                    ui.add(egui::Label::new(format!("“{}”", preview(&a.quote, 160))).wrap());
                }
                chips(ui, a, &session.codebook);
                ui.label(RichText::new(coder_label(Some(&a.author))).weak());
                if !a.note.is_empty() {
                    ui.add(
                        egui::Label::new(RichText::new(preview(&a.note, 120)).italics().weak())
                            .wrap(),
                    );
                }
            })
            .response
            .interact(Sense::click())
            .clicked()
    }
}

/// A picture region as the panel names it: "image region x,y w×h", with the
/// picture's path when it is a picture of the article.
pub(super) fn region_label(a: &Annotation) -> String {
    let Some(region) = &a.region else {
        return String::new();
    };
    rect_words(&region.rect, region.image.as_deref())
}

/// A rectangle of a picture in words: "image region x,y w×h" (of `image`, when it is
/// a picture of the article).
pub(crate) fn rect_words(r: &crate::picture::PixelRect, image: Option<&str>) -> String {
    match image {
        Some(image) => tr!(
            "region-label-of",
            x = r.x,
            y = r.y,
            w = r.w,
            h = r.h,
            image = image
        ),
        None => tr!("region-label", x = r.x, y = r.y, w = r.w, h = r.h),
    }
}

/// A coder as the panel names it: "All coders" for none chosen, "no coder" for
/// annotations without an author.
fn coder_label(coder: Option<&str>) -> String {
    match coder {
        None => tr!("panel-all-coders"),
        Some("") => tr!("panel-no-coder"),
        Some(name) => tr!("panel-coder-named", name = name),
    }
}
