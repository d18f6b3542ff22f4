//! Pointer handling in the reading view: selecting (drag, double and triple click,
//! shift-click), hovering and clicking highlights, the context menu.

use egui::{Galley, Pos2, Rect, Vec2};

use crate::article::{Article, Block, BlockKind};
use crate::text::CharOffset;

use super::{Frame, ReaderOutput, ReaderView, ScrollRequest, TextSelection, marks};

impl ReaderView {
    /// The canonical offset nearest to the screen position `pos`.
    pub(super) fn hit(&self, ui: &egui::Ui, frame: &Frame<'_>, pos: Pos2) -> CharOffset {
        self.offset_under(ui, frame, pos, marks::offset_at)
    }

    /// The canonical offset of the character under the screen position `pos` (see
    /// [`marks::char_at`]); [`Self::hit`] is the nearest boundary, for drags.
    fn hit_char(&self, ui: &egui::Ui, frame: &Frame<'_>, pos: Pos2) -> CharOffset {
        self.offset_under(ui, frame, pos, marks::char_at)
    }

    /// The offset `at` reads at `pos` in the galley of the block under it (a picture's
    /// start over a picture).
    fn offset_under(
        &self,
        ui: &egui::Ui,
        frame: &Frame<'_>,
        pos: Pos2,
        at: fn(&Article, &Block, &Galley, Vec2) -> CharOffset,
    ) -> CharOffset {
        if self.heights.is_empty() {
            return CharOffset(0);
        }
        let i = self.heights.block_at(pos.y - frame.top);
        let block = &self.article.blocks[i];
        if matches!(block.kind, BlockKind::Image(_)) {
            return block.range.start;
        }
        let galley = self.galley(ui.ctx(), frame.style, frame.column, i);
        let local = pos - self.block_origin(frame, i);
        at(&self.article, block, &galley, local)
    }

    /// Pointer handling: drag, double/triple click, shift-click, hover, context menu.
    pub(super) fn interact(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        frame: &Frame<'_>,
        viewport: Rect,
        output: &mut ReaderOutput,
    ) {
        let shift = ui.input(|i| i.modifiers.shift);
        if let Some(pos) = response.hover_pos() {
            let at = self.hit_char(ui, frame, pos);
            output.hovered = self
                .highlights
                .iter()
                .rev()
                .find(|h| h.range.contains(at))
                .map(|h| h.key);
            if output.hovered.is_some() {
                ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            } else {
                ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
            }
        }
        if response.drag_started_by(egui::PointerButton::Primary)
            && let Some(origin) = ui.input(|i| i.pointer.press_origin())
        {
            let at = self.hit(ui, frame, origin);
            self.selection = Some(match (shift, self.selection) {
                (true, Some(sel)) => TextSelection {
                    anchor: sel.anchor,
                    head: at,
                },
                _ => TextSelection {
                    anchor: at,
                    head: at,
                },
            });
        }
        if response.dragged_by(egui::PointerButton::Primary)
            && let Some(pos) = response.interact_pointer_pos()
            && self.selection.is_some()
        {
            let at = self.hit(ui, frame, pos);
            if let Some(sel) = &mut self.selection {
                sel.head = at;
            }
            // Dragging past the top or bottom edge scrolls.
            let edge = frame.style.typo.font_size;
            let visible_top = frame.top + viewport.min.y;
            let visible_bottom = frame.top + viewport.max.y;
            if pos.y < visible_top + edge {
                self.pending_request =
                    Some(ScrollRequest::By(-(visible_top + edge - pos.y).min(60.0)));
                ui.ctx().request_repaint();
            } else if pos.y > visible_bottom - edge {
                self.pending_request =
                    Some(ScrollRequest::By((pos.y - visible_bottom + edge).min(60.0)));
                ui.ctx().request_repaint();
            }
        }
        let Some(pos) = response.interact_pointer_pos().or(response.hover_pos()) else {
            return;
        };
        if response.triple_clicked() {
            let i = self.heights.block_at(pos.y - frame.top);
            self.selection = Some(TextSelection::of(self.article.blocks[i].range));
        } else if response.double_clicked() {
            let at = self.hit_char(ui, frame, pos);
            let word = crate::text::word_at(&self.article.text, at);
            self.selection = Some(TextSelection::of(word));
        } else if response.clicked() {
            let boundary = self.hit(ui, frame, pos);
            if shift && let Some(sel) = &mut self.selection {
                sel.head = boundary;
            } else {
                let at = self.hit_char(ui, frame, pos);
                self.selection = None;
                match self.highlights.iter().rev().find(|h| h.range.contains(at)) {
                    Some(h) => output.clicked = Some(h.key),
                    None => output.clicked_plain_text = true,
                }
            }
        } else if response.secondary_clicked() {
            output.context_menu_at = Some(pos);
        }
    }
}
