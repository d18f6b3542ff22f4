//! The reading view: a centred column of blocks, virtualised.
//!
//! Each text block is laid out into its own galley from the display string, only when
//! it comes near the viewport. Heights of blocks not yet laid out are estimated; a
//! Fenwick tree ([`heights::Heights`]) gives the block at any scroll offset in
//! O(log n). When a block above the top of the view turns out taller or shorter than
//! estimated, the scroll offset moves by the same amount, so what the reader is
//! looking at never jumps. Work per frame depends on what is visible, not on the
//! article's length.

mod heights;
mod job;
mod marks;

use std::sync::Arc;

use egui::{
    Align2, Color32, CornerRadius, FontId, Galley, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2,
    pos2, vec2,
};

use crate::article::{Article, BlockKind, ImageSource};
use crate::text::{CharOffset, CharRange};

use super::images::{ImageCache, ImageState};
pub use heights::Heights;
pub use job::{Typography, block_job};
pub use marks::{Highlight, TextSelection};

/// Reader settings that change the layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReaderStyle {
    /// Typography (size, face, colours).
    pub typo: Typography,
    /// Maximum column width in ems of the body font.
    pub column_em: f32,
}

/// What the reading view asks the app to do after a frame.
#[derive(Default)]
pub struct ReaderOutput {
    /// The user clicked an image: show it zoomed.
    pub open_image: Option<ImageSource>,
    /// How far down the article the view is, 0–1.
    pub position: f32,
    /// The highlight under the pointer (its [`Highlight::key`]).
    pub hovered: Option<u64>,
    /// A highlight was clicked (its [`Highlight::key`]).
    pub clicked: Option<u64>,
    /// The user clicked on text that has no highlight (deselect).
    pub clicked_plain_text: bool,
    /// Secondary click on the text: where, for a context menu.
    pub context_menu_at: Option<Pos2>,
}

/// Something that invalidates every measured height.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LayoutKey {
    column: f32,
    style: ReaderStyleKey,
    pixels_per_point: f32,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct ReaderStyleKey {
    font_size: f32,
    typeface: super::fonts::Typeface,
    text: Color32,
}

/// Where the view is, in terms that survive a re-layout.
#[derive(Clone, Copy, Debug)]
struct Anchor {
    block: usize,
    fraction: f32,
}

/// Scroll requests from keys and commands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ScrollRequest {
    /// Move by this many points (negative: up).
    By(f32),
    /// Move by this many pages.
    Pages(f32),
    /// Go to the top.
    Top,
    /// Go to the end.
    Bottom,
}

/// The reading view of one article.
pub struct ReaderView {
    article: Arc<Article>,
    key: Option<LayoutKey>,
    heights: Heights,
    exact: Vec<bool>,
    images: ImageCache,
    pending_anchor: Option<Anchor>,
    pending_request: Option<ScrollRequest>,
    scroll_id: Option<egui::Id>,
    last_offset: f32,
    last_view_height: f32,
    /// Measured height / estimated height of laid-out text, to improve estimates.
    chars_per_line_px: f32,
    selection: Option<TextSelection>,
    highlights: Vec<Highlight>,
    reveal: Option<CharOffset>,
    /// Column geometry of the last frame: style, column width, left and top of content.
    last_frame: Option<(ReaderStyle, f32, f32, f32)>,
}

impl ReaderView {
    /// A view of `article`, scrolled to the top.
    pub fn new(article: Arc<Article>) -> Self {
        Self {
            article,
            key: None,
            heights: Heights::default(),
            exact: Vec::new(),
            images: ImageCache::default(),
            pending_anchor: None,
            // egui keeps the scroll offset by widget id: a new article starts at the top.
            pending_request: Some(ScrollRequest::Top),
            scroll_id: None,
            last_offset: 0.0,
            last_view_height: 0.0,
            chars_per_line_px: 0.0,
            selection: None,
            highlights: Vec::new(),
            reveal: None,
            last_frame: None,
        }
    }

    /// Where the char at `offset` is drawn on screen (its left edge, vertically
    /// centred on its row), as of the last frame. `None` if it is not a text char
    /// near the view.
    pub fn locate(&self, ctx: &egui::Context, offset: CharOffset) -> Option<Pos2> {
        let (style, column, left, top) = self.last_frame?;
        let i = self.block_of(offset);
        let block = self.article.blocks.get(i)?;
        if matches!(block.kind, BlockKind::Image(_)) || !self.exact.get(i).copied().unwrap_or(false)
        {
            return None;
        }
        let frame = Frame {
            style: &style,
            column,
            left,
            top,
        };
        let origin = self.block_origin(&frame, i);
        let galley = self.galley(ctx, &style, column, i);
        let map = marks::block_map(&self.article, block);
        let display = map.to_display(CharOffset(offset.0 - block.range.start.0));
        let rect = galley.pos_from_cursor(egui::text::CCursor::new(display.0));
        Some(origin + rect.center().to_vec2())
    }

    /// The current selection, widened to grapheme clusters; `None` when nothing (or
    /// only an empty range) is selected.
    pub fn selection(&self) -> Option<CharRange> {
        let range = self.selection?.range(&self.article);
        (!range.is_empty()).then_some(range)
    }

    /// Select `range` (e.g. a search match), or clear the selection.
    pub fn set_selection(&mut self, range: Option<CharRange>) {
        self.selection = range.map(TextSelection::of);
    }

    /// Replace the highlights painted behind the text.
    pub fn set_highlights(&mut self, mut highlights: Vec<Highlight>) {
        highlights.sort_by_key(|h| (h.range.start, h.range.end));
        self.highlights = highlights;
    }

    /// Scroll so that `offset` is in view on the next frame.
    pub fn reveal(&mut self, offset: CharOffset) {
        self.reveal = Some(offset);
    }

    /// The index of the block that holds `offset` (the last block starting at or
    /// before it).
    fn block_of(&self, offset: CharOffset) -> usize {
        self.article
            .blocks
            .partition_point(|b| b.range.start <= offset)
            .saturating_sub(1)
    }

    /// The article shown.
    pub fn article(&self) -> &Arc<Article> {
        &self.article
    }

    /// Scroll on the next frame.
    pub fn request_scroll(&mut self, request: ScrollRequest) {
        self.pending_request = Some(request);
    }

    /// Number of blocks whose height has been measured (for diagnostics and tests).
    pub fn measured_blocks(&self) -> usize {
        self.exact.iter().filter(|&&e| e).count()
    }

    /// Draw the view into `ui`, filling it.
    pub fn ui(&mut self, ui: &mut egui::Ui, style: &ReaderStyle) -> ReaderOutput {
        let ctx = ui.ctx().clone();
        if self.images.poll(&ctx) {
            self.invalidate_images();
        }
        let available = ui.available_size();
        let margin = (style.typo.font_size * 2.0).min(available.x * 0.06);
        let column = (style.column_em * style.typo.font_size)
            .min(available.x - 2.0 * margin - 12.0)
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

        let view_height = available.y.max(1.0);
        let mut offset = self.current_offset(&ctx);
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
        let before = offset;
        offset = self.measure_around(ui, style, column, offset, view_height);
        // Until the scroll area has been shown once, its offset is whatever egui kept
        // from an earlier run: always set ours.
        let forced = self.scroll_id.is_none()
            || (offset - before).abs() > 0.01
            || (offset - self.current_offset(&ctx)).abs() > 0.01;

        let mut area = egui::ScrollArea::vertical()
            .id_salt("reader")
            .auto_shrink([false, false]);
        if forced {
            area = area.vertical_scroll_offset(offset);
        }
        let mut output = ReaderOutput::default();
        let scroll = area.show_viewport(ui, |ui, viewport| {
            let width = ui.available_width();
            // Room below the last line.
            let total = self.heights.total() + bottom_pad;
            let (content, response) =
                ui.allocate_exact_size(vec2(width, total), Sense::click_and_drag());
            let left = content.min.x + ((width - column) / 2.0).max(0.0);
            let frame = Frame {
                style,
                column,
                left,
                top: content.min.y,
            };
            self.last_frame = Some((*style, column, left, content.min.y));
            self.interact(ui, &response, &frame, viewport, &mut output);
            self.paint_visible(ui, &frame, viewport, &mut output);
        });
        self.scroll_id = Some(scroll.id);
        self.last_offset = scroll.state.clamped_offset().y;
        self.last_view_height = scroll.inner_rect.height();
        let max = (scroll.content_size.y - scroll.inner_rect.height()).max(0.0);
        output.position = if max > 0.0 {
            (self.last_offset / max).clamp(0.0, 1.0)
        } else {
            1.0
        };
        if self.images.any_loading() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        output
    }

    fn current_offset(&self, ctx: &egui::Context) -> f32 {
        self.scroll_id
            .and_then(|id| egui::scroll_area::State::load(ctx, id))
            .map_or(self.last_offset, |s| s.clamped_offset().y)
    }

    fn anchor_at(&self, offset: f32) -> Anchor {
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

    fn offset_of(&self, anchor: Anchor) -> f32 {
        if self.heights.is_empty() {
            return 0.0;
        }
        let block = anchor.block.min(self.heights.len() - 1);
        self.heights.top(block) + anchor.fraction * self.heights.get(block)
    }

    /// Estimate every block's height for the current typography and column.
    fn reset_estimates(&mut self, typo: &Typography, column: f32) {
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
    fn invalidate_images(&mut self) {
        for (i, block) in self.article.blocks.iter().enumerate() {
            if matches!(block.kind, BlockKind::Image(_)) {
                self.exact[i] = false;
            }
        }
    }

    /// Measure blocks within one screen of `offset`; return the offset that keeps the
    /// same content at the top of the view.
    fn measure_around(
        &mut self,
        ui: &egui::Ui,
        style: &ReaderStyle,
        column: f32,
        offset: f32,
        view_height: f32,
    ) -> f32 {
        if self.heights.is_empty() {
            return 0.0;
        }
        let anchor = self.anchor_at(offset);
        let start = self.heights.block_at((offset - view_height).max(0.0));
        let mut i = start;
        while i < self.heights.len() && self.heights.top(i) < offset + 2.0 * view_height {
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
    fn measure(&mut self, ui: &egui::Ui, style: &ReaderStyle, column: f32, i: usize) -> f32 {
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
    fn galley(
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

    fn paint_visible(
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
                    if paint_image(ui, rect, &state, &palette, i, style.typo.font_size) {
                        output.open_image = Some(image.source.clone());
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
}

/// The geometry of the column in this frame.
#[derive(Clone, Copy)]
struct Frame<'a> {
    style: &'a ReaderStyle,
    column: f32,
    left: f32,
    top: f32,
}

impl ReaderView {
    /// The on-screen origin of block `i`'s galley.
    fn block_origin(&self, frame: &Frame<'_>, i: usize) -> Pos2 {
        let block = &self.article.blocks[i];
        let y = frame.top + self.heights.top(i) + frame.style.typo.gap_before(block, i);
        pos2(frame.left + frame.style.typo.indent(&block.kind), y)
    }

    /// The canonical offset nearest to the screen position `pos`.
    fn hit(&self, ui: &egui::Ui, frame: &Frame<'_>, pos: Pos2) -> CharOffset {
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
        marks::offset_at(&self.article, block, &galley, local)
    }

    /// Pointer handling: drag, double/triple click, shift-click, hover, context menu.
    fn interact(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        frame: &Frame<'_>,
        viewport: Rect,
        output: &mut ReaderOutput,
    ) {
        let shift = ui.input(|i| i.modifiers.shift);
        if let Some(pos) = response.hover_pos() {
            let at = self.hit(ui, frame, pos);
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
            let at = self.hit(ui, frame, pos);
            let word = crate::text::word_at(&self.article.text, at);
            self.selection = Some(TextSelection::of(word));
        } else if response.clicked() {
            let at = self.hit(ui, frame, pos);
            if shift && let Some(sel) = &mut self.selection {
                sel.head = at;
            } else {
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

    /// Paint highlights and the selection behind one block's glyphs.
    fn paint_marks(
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

/// The size an image takes in the column: scaled down to the column width (never up
/// beyond twice its pixel size), or a placeholder box while loading or on failure.
fn image_box(state: &ImageState, column: f32, font_size: f32) -> Vec2 {
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

/// Paint an image or its placeholder; true when clicked.
fn paint_image(
    ui: &mut egui::Ui,
    rect: Rect,
    state: &ImageState,
    palette: &super::theme::Palette,
    block: usize,
    font_size: f32,
) -> bool {
    let painter = ui.painter();
    match state {
        ImageState::Ready { texture, .. } => {
            let uv = Rect::from_min_max(Pos2::ZERO, pos2(1.0, 1.0));
            painter.image(texture.id(), rect, uv, Color32::WHITE);
            let response = ui
                .interact(rect, ui.scope_id().with(("image", block)), Sense::click())
                .on_hover_cursor(egui::CursorIcon::ZoomIn)
                .on_hover_text("Click to zoom");
            response.clicked()
        }
        ImageState::Loading => {
            painter.rect_filled(rect, CornerRadius::same(6), palette.inset);
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                "Loading image…",
                FontId::proportional(font_size * 0.85),
                palette.muted,
            );
            false
        }
        ImageState::Failed(message) => {
            painter.rect_filled(rect, CornerRadius::same(6), palette.inset);
            painter.rect_stroke(
                rect,
                CornerRadius::same(6),
                Stroke::new(1.0, palette.rule),
                StrokeKind::Inside,
            );
            let text = format!("Image not shown\n{message}");
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
                    format!("Image not shown: {message}"),
                )
            });
            false
        }
    }
}

impl ReaderView {
    /// True while an image of this article is being decoded.
    pub fn images_loading(&self) -> bool {
        self.images.any_loading()
    }

    /// The state of an image of this article (starts decoding it if needed).
    pub fn image_state(&mut self, ctx: &egui::Context, source: &ImageSource) -> ImageState {
        self.images.poll(ctx);
        self.images.get(ctx, source)
    }
}
