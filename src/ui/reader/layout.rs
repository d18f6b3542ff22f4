//! Layout of the reading column: the column width, estimated and measured block
//! heights, where the view is scrolled to, and the galleys of text blocks.

use std::sync::Arc;

use egui::{Color32, Galley, Pos2, Vec2, pos2, vec2};

use crate::article::BlockKind;
use crate::text::CharOffset;

use super::super::images::ImageState;
use super::{Frame, Heights, ReaderStyle, ReaderView, ScrollRequest, Typography, block_job};

/// Something that invalidates every measured height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct LayoutKey {
    column: f32,
    style: ReaderStyleKey,
    pixels_per_point: f32,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct ReaderStyleKey {
    font_size: f32,
    typeface: super::super::fonts::Typeface,
    text: Color32,
}

/// Where the view is, in terms that survive a re-layout.
#[derive(Clone, Copy, Debug)]
pub(super) struct Anchor {
    block: usize,
    fraction: f32,
}

impl ReaderView {
    /// The column width for `width` points of room; a change of column, style or
    /// pixel density re-estimates every height, keeping the place in the text.
    pub(super) fn prepare_layout(
        &mut self,
        ctx: &egui::Context,
        style: &ReaderStyle,
        width: f32,
    ) -> f32 {
        let margin = (style.typo.font_size * 2.0).min(width * 0.06);
        let column = (style.column_em * style.typo.font_size)
            .min(width - 2.0 * margin - 12.0)
            .max(120.0);
        let key = LayoutKey {
            column,
            style: ReaderStyleKey {
                font_size: style.typo.font_size,
                typeface: style.typo.typeface,
                text: style.typo.palette.text,
            },
            pixels_per_point: ctx.pixels_per_point(),
        };
        if self.key != Some(key) {
            if self.key.is_some() {
                self.pending_anchor = Some(self.anchor_at(self.last_offset));
            }
            self.key = Some(key);
            self.reset_estimates(&style.typo, column);
        }
        column
    }

    /// The scroll offset for this frame (after re-layout anchors, scroll requests and
    /// "reveal"), with the blocks around it measured; and whether the scroll area
    /// must be told (it keeps its own offset otherwise).
    pub(super) fn scroll_target(
        &mut self,
        ui: &egui::Ui,
        style: &ReaderStyle,
        column: f32,
        view_height: f32,
    ) -> (f32, bool) {
        let ctx = ui.ctx();
        let mut offset = self.current_offset(ctx);
        if let Some(anchor) = self.pending_anchor.take() {
            offset = self.offset_of(anchor);
        }
        if let Some(request) = self.pending_request.take() {
            offset = match request {
                ScrollRequest::By(dy) => offset + dy,
                ScrollRequest::Pages(n) => {
                    offset + n * (view_height - 2.0 * style.typo.font_size).max(20.0)
                }
                ScrollRequest::Top => 0.0,
                ScrollRequest::Bottom => f32::INFINITY,
            };
        }
        if let Some(target) = self.reveal.take()
            && !self.heights.is_empty()
        {
            let block = self.block_of(target).min(self.heights.len() - 1);
            let top = self.heights.top(block);
            if top < offset || top > offset + view_height * 0.8 {
                offset = (top - view_height * 0.3).max(0.0);
            }
        }
        let bottom_pad = style.typo.font_size * 4.0;
        offset = offset.clamp(
            0.0,
            (self.heights.total() + bottom_pad - view_height).max(0.0),
        );
        // Measure what is about to be shown, one screen around it, keeping the anchor.
        // The first frame of an article measures only what it shows: it is on the
        // start-up path; the next frame measures the screen below.
        let before = offset;
        let ahead = if self.scroll_id.is_none() { 1.0 } else { 2.0 };
        offset = self.measure_around(ui, style, column, offset, view_height, ahead);
        // Until the scroll area has been shown once, its offset is whatever egui kept
        // from an earlier run: always set ours.
        let forced = self.scroll_id.is_none()
            || (offset - before).abs() > 0.01
            || (offset - self.current_offset(ctx)).abs() > 0.01;
        (offset, forced)
    }

    /// The index of the block that holds `offset` (the last block starting at or
    /// before it).
    pub(super) fn block_of(&self, offset: CharOffset) -> usize {
        self.article
            .blocks
            .partition_point(|b| b.range.start <= offset)
            .saturating_sub(1)
    }

    pub(super) fn current_offset(&self, ctx: &egui::Context) -> f32 {
        self.scroll_id
            .and_then(|id| egui::scroll_area::State::load(ctx, id))
            .map_or(self.last_offset, |s| s.clamped_offset().y)
    }

    pub(super) fn anchor_at(&self, offset: f32) -> Anchor {
        if self.heights.is_empty() {
            return Anchor {
                block: 0,
                fraction: 0.0,
            };
        }
        let block = self.heights.block_at(offset);
        let h = self.heights.get(block).max(1.0);
        Anchor {
            block,
            fraction: ((offset - self.heights.top(block)) / h).clamp(0.0, 1.0),
        }
    }

    pub(super) fn offset_of(&self, anchor: Anchor) -> f32 {
        if self.heights.is_empty() {
            return 0.0;
        }
        let block = anchor.block.min(self.heights.len() - 1);
        self.heights.top(block) + anchor.fraction * self.heights.get(block)
    }

    /// Estimate every block's height for the current typography and column.
    pub(super) fn reset_estimates(&mut self, typo: &Typography, column: f32) {
        let article = Arc::clone(&self.article);
        let mut values = Vec::with_capacity(article.blocks.len());
        // Without a measurement yet, assume an average glyph half an em wide.
        let chars_per_line = if self.chars_per_line_px > 0.0 {
            self.chars_per_line_px * column / typo.font_size
        } else {
            column / (typo.font_size * 0.5)
        };
        for (i, block) in article.blocks.iter().enumerate() {
            let gap = typo.gap_before(block, i);
            let content = match &block.kind {
                BlockKind::Image(_) => column * 0.56,
                kind => {
                    let format = typo.base_format(kind);
                    let line = format.line_height.unwrap_or(typo.font_size * 1.4);
                    let width_ratio = typo.size_of(kind) / typo.font_size;
                    let per_line = (chars_per_line / width_ratio).max(8.0);
                    let lines = (block.range.len() as f32 / per_line).ceil().max(1.0)
                        + self.article.text.slice(block.range).matches('\n').count() as f32;
                    lines * line
                }
            };
            values.push(gap + content);
        }
        self.exact = vec![false; values.len()];
        self.heights = Heights::new(values);
    }

    /// Images changed state: their blocks must be measured again.
    pub(super) fn invalidate_images(&mut self) {
        for (i, block) in self.article.blocks.iter().enumerate() {
            if matches!(block.kind, BlockKind::Image(_)) {
                self.exact[i] = false;
            }
        }
    }

    /// Measure blocks from one screen above `offset` to `ahead` screens below it;
    /// return the offset that keeps the same content at the top of the view.
    pub(super) fn measure_around(
        &mut self,
        ui: &egui::Ui,
        style: &ReaderStyle,
        column: f32,
        offset: f32,
        view_height: f32,
        ahead: f32,
    ) -> f32 {
        if self.heights.is_empty() {
            return 0.0;
        }
        let anchor = self.anchor_at(offset);
        let start = self.heights.block_at((offset - view_height).max(0.0));
        let mut i = start;
        while i < self.heights.len() && self.heights.top(i) < offset + ahead * view_height {
            if !self.exact[i] {
                let h = self.measure(ui, style, column, i);
                self.heights.set(i, h);
                self.exact[i] = true;
            }
            i += 1;
        }
        self.offset_of(anchor)
    }

    /// The height of block `i` (gap included), laying it out if it is text.
    pub(super) fn measure(
        &mut self,
        ui: &egui::Ui,
        style: &ReaderStyle,
        column: f32,
        i: usize,
    ) -> f32 {
        let article = Arc::clone(&self.article);
        let block = &article.blocks[i];
        let gap = style.typo.gap_before(block, i);
        match &block.kind {
            BlockKind::Image(image) => {
                let state = self.images.get(ui.ctx(), &image.source);
                gap + image_box(&state, column, style.typo.font_size).y
            }
            _ => {
                let galley = self.galley(ui.ctx(), style, column, i);
                if block.range.len() > 200 && galley.rows.len() > 1 {
                    let per_line = block.range.len() as f32 / galley.rows.len() as f32;
                    self.chars_per_line_px = per_line * style.typo.font_size / column;
                }
                gap + galley.size().y
            }
        }
    }

    /// The galley of text block `i`. Galleys are not kept across frames: they refer to
    /// the font atlas, which egui may rebuild at any frame. egui's own galley cache
    /// makes asking again each frame cheap (a hash of the visible blocks' text).
    pub(super) fn galley(
        &self,
        ctx: &egui::Context,
        style: &ReaderStyle,
        column: f32,
        i: usize,
    ) -> Arc<Galley> {
        let block = &self.article.blocks[i];
        let wrap = column - style.typo.indent(&block.kind);
        let job = block_job(&self.article, block, &style.typo, wrap);
        ctx.fonts_mut(|f| f.layout_job(job))
    }

    /// The on-screen origin of block `i`'s galley.
    pub(super) fn block_origin(&self, frame: &Frame<'_>, i: usize) -> Pos2 {
        let block = &self.article.blocks[i];
        let y = frame.top + self.heights.top(i) + frame.style.typo.gap_before(block, i);
        pos2(frame.left + frame.style.typo.indent(&block.kind), y)
    }
}

/// The size an image takes in the column: scaled down to the column width (never up
/// beyond twice its pixel size), or a placeholder box while loading or on failure.
pub(super) fn image_box(state: &ImageState, column: f32, font_size: f32) -> Vec2 {
    match state {
        ImageState::Ready { size, .. } => {
            let width = column.min(size.x * 2.0).max(1.0);
            let height = (width * size.y / size.x.max(1.0)).min(column * 1.2);
            let width = height * size.x / size.y.max(1.0);
            vec2(width, height)
        }
        ImageState::Loading => vec2(column, column * 0.56),
        ImageState::Failed(_) => vec2(column, font_size * 5.0),
    }
}
