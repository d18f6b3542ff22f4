//! Painting the visible part of the reading view: text galleys, the highlights and
//! the selection behind them, quote bars, list markers, code backgrounds, images and
//! their placeholders.

use std::sync::Arc;

use egui::{
    Align2, Color32, CornerRadius, FontId, Galley, Pos2, Rect, Sense, Stroke, StrokeKind, pos2,
    vec2,
};

use crate::article::BlockKind;
use crate::text::CharRange;
use crate::tr;

use super::super::images::ImageState;
use super::super::regions::canvas::{self, PictureRegions, RegionEvent};
use super::super::regions::geometry::Placement;
use super::layout::image_box;
use super::{Frame, ReaderOutput, ReaderView, marks};

impl ReaderView {
    pub(super) fn paint_visible(
        &mut self,
        ui: &mut egui::Ui,
        frame: &Frame<'_>,
        viewport: Rect,
        output: &mut ReaderOutput,
    ) {
        if self.heights.is_empty() {
            return;
        }
        let Frame {
            style,
            column,
            left,
            top,
        } = *frame;
        let selection = self.selection();
        let article = Arc::clone(&self.article);
        let palette = style.typo.palette;
        self.shown_pictures.clear();
        let mut i = self.heights.block_at(viewport.min.y);
        while i < self.heights.len() && self.heights.top(i) < viewport.max.y {
            let block = &article.blocks[i];
            if !self.exact[i] {
                let h = self.measure(ui, style, column, i);
                self.heights.set(i, h);
                self.exact[i] = true;
                ui.ctx().request_repaint();
            }
            let y = top + self.heights.top(i) + style.typo.gap_before(block, i);
            let indent = style.typo.indent(&block.kind);
            let pos = pos2(left + indent, y);
            match &block.kind {
                BlockKind::Image(image) => {
                    let state = self.images.get(ui.ctx(), &image.source);
                    let size = image_box(&state, column, style.typo.font_size);
                    let rect = Rect::from_min_size(pos2(left + (column - size.x) / 2.0, y), size);
                    self.shown_pictures.insert(image.source.label(), rect);
                    let regions = self.picture_regions.get(&image.source.label());
                    let shown = Shown {
                        rect,
                        state: &state,
                        regions,
                        palette: &palette,
                        block: i,
                        font_size: style.typo.font_size,
                    };
                    match paint_image(ui, &shown) {
                        Some(RegionEvent::ClickedPicture) => {
                            output.open_image = Some(image.source.clone());
                        }
                        Some(event) => {
                            output.region_event = Some((image.source.clone(), event));
                        }
                        None => {}
                    }
                }
                kind => {
                    let galley = self.galley(ui.ctx(), style, column, i);
                    let height = galley.size().y;
                    self.paint_marks(ui, block, &galley, pos, selection, output.hovered);
                    match kind {
                        BlockKind::Quote => {
                            let bar = Rect::from_min_size(pos2(left + 2.0, y), vec2(3.0, height));
                            ui.painter()
                                .rect_filled(bar, CornerRadius::same(1), palette.rule);
                        }
                        BlockKind::ListItem { marker, .. } => {
                            let first_row =
                                galley.rows.first().map_or(height, |r| r.rect().height());
                            ui.painter().text(
                                pos2(
                                    left + indent - style.typo.font_size * 0.4,
                                    y + first_row / 2.0,
                                ),
                                Align2::RIGHT_CENTER,
                                marker,
                                FontId::new(
                                    style.typo.font_size,
                                    style.typo.typeface.family(false),
                                ),
                                palette.muted,
                            );
                        }
                        BlockKind::Code => {
                            let bg = Rect::from_min_size(
                                pos2(left, y - 4.0),
                                vec2(column, height + 8.0),
                            );
                            ui.painter()
                                .rect_filled(bg, CornerRadius::same(4), palette.inset);
                        }
                        _ => {}
                    }
                    ui.painter().galley(pos, galley, palette.text);
                }
            }
            i += 1;
        }
    }

    /// Paint highlights and the selection behind one block's glyphs.
    pub(super) fn paint_marks(
        &self,
        ui: &egui::Ui,
        block: &crate::article::Block,
        galley: &Galley,
        origin: Pos2,
        selection: Option<CharRange>,
        hovered: Option<u64>,
    ) {
        // Highlights are sorted by start: only those starting before the block's end
        // can overlap it.
        let candidates = self
            .highlights
            .partition_point(|h| h.range.start < block.range.end);
        let marked = self.highlights[..candidates]
            .iter()
            .any(|h| h.range.overlaps(&block.range))
            || selection.is_some_and(|r| r.overlaps(&block.range));
        if !marked {
            return;
        }
        let painter = ui.painter();
        let map = marks::block_map(&self.article, block);
        for h in self.highlights[..candidates]
            .iter()
            .filter(|h| h.range.overlaps(&block.range))
        {
            let hot = hovered == Some(h.key);
            let fill = h.color.gamma_multiply(if hot { 0.55 } else { 0.38 });
            for rect in marks::at(origin, marks::range_rects(&map, block, galley, h.range)) {
                painter.rect_filled(rect, CornerRadius::same(2), fill);
                // A line under each highlight keeps overlapping ones apart.
                let y = rect.bottom() - 1.0;
                painter.line_segment(
                    [pos2(rect.left(), y), pos2(rect.right(), y)],
                    Stroke::new(2.0, h.color),
                );
                if h.outlined {
                    painter.rect_stroke(
                        rect.expand(1.0),
                        CornerRadius::same(3),
                        Stroke::new(1.5, h.color),
                        StrokeKind::Outside,
                    );
                }
            }
        }
        if let Some(range) = selection {
            let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
            for rect in marks::at(origin, marks::range_rects(&map, block, galley, range)) {
                painter.rect_filled(rect, CornerRadius::ZERO, fill);
            }
        }
    }
}

/// An image of the article as this frame shows it.
struct Shown<'a> {
    rect: Rect,
    state: &'a ImageState,
    regions: Option<&'a PictureRegions>,
    palette: &'a super::super::theme::Palette,
    block: usize,
    font_size: f32,
}

/// Paint an image (with its regions) or its placeholder; what the user did to it (a
/// click outside any region is [`RegionEvent::ClickedPicture`]: zoom).
fn paint_image(ui: &mut egui::Ui, shown: &Shown<'_>) -> Option<RegionEvent> {
    let Shown {
        rect,
        state,
        regions,
        palette,
        block,
        font_size,
    } = *shown;
    let painter = ui.painter();
    match state {
        ImageState::Ready {
            texture, pixels, ..
        } => {
            let uv = Rect::from_min_max(Pos2::ZERO, pos2(1.0, 1.0));
            painter.image(texture.id(), rect, uv, Color32::WHITE);
            let placement = Placement {
                shown: rect,
                size: *pixels,
            };
            let empty = PictureRegions::default();
            let id = ui.scope_id().with(("image", block));
            let shown = canvas::show(ui, id, placement, regions.unwrap_or(&empty), 1.0);
            // Over a region its own tags and note are shown, not the picture's hint.
            if !shown.response.dragged() && !shown.over_region {
                shown
                    .response
                    .on_hover_cursor(egui::CursorIcon::ZoomIn)
                    .on_hover_text(tr!("image-click-to-zoom"));
            }
            shown.event
        }
        ImageState::Loading => {
            painter.rect_filled(rect, CornerRadius::same(6), palette.inset);
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                tr!("image-loading"),
                FontId::proportional(font_size * 0.85),
                palette.muted,
            );
            None
        }
        ImageState::Failed(message) => {
            painter.rect_filled(rect, CornerRadius::same(6), palette.inset);
            painter.rect_stroke(
                rect,
                CornerRadius::same(6),
                Stroke::new(1.0, palette.rule),
                StrokeKind::Inside,
            );
            let text = tr!("image-not-shown-block", reason = message.as_str());
            let galley = painter.layout(
                text,
                FontId::proportional(font_size * 0.8),
                palette.muted,
                rect.width() - 24.0,
            );
            let at = rect.center() - galley.size() / 2.0;
            painter.galley(at, galley, palette.muted);
            // Also as a labelled widget so screen readers (and tests) find the reason.
            let response = ui.interact(rect, ui.scope_id().with(("image", block)), Sense::hover());
            response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Label,
                    true,
                    tr!("image-not-shown", reason = message.as_str()),
                )
            });
            None
        }
    }
}
