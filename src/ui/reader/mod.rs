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

use std::sync::Arc;

use egui::{
    Align2, Color32, CornerRadius, FontId, Galley, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2,
    pos2, vec2,
};

use crate::article::{Article, BlockKind, ImageSource};

use super::images::{ImageCache, ImageState};
pub use heights::Heights;
pub use job::{Typography, block_job};

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
            pending_request: None,
            scroll_id: None,
            last_offset: 0.0,
            last_view_height: 0.0,
            chars_per_line_px: 0.0,
        }
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
        let bottom_pad = style.typo.font_size * 4.0;
        offset = offset.clamp(
            0.0,
            (self.heights.total() + bottom_pad - view_height).max(0.0),
        );
        // Measure what is about to be shown, one screen around it, keeping the anchor.
        let before = offset;
        offset = self.measure_around(ui, style, column, offset, view_height);
        let forced =
            (offset - before).abs() > 0.01 || (offset - self.current_offset(&ctx)).abs() > 0.01;

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
            let (content, _) = ui.allocate_exact_size(vec2(width, total), Sense::hover());
            let left = content.min.x + ((width - column) / 2.0).max(0.0);
            self.paint_visible(
                ui,
                style,
                column,
                left,
                content.min.y,
                viewport,
                &mut output,
            );
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
                let galley = self.galley(ui, style, column, i);
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
    fn galley(&self, ui: &egui::Ui, style: &ReaderStyle, column: f32, i: usize) -> Arc<Galley> {
        let block = &self.article.blocks[i];
        let wrap = column - style.typo.indent(&block.kind);
        let job = block_job(&self.article, block, &style.typo, wrap);
        ui.ctx().fonts_mut(|f| f.layout_job(job))
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "one call site; the values are the frame's geometry"
    )]
    fn paint_visible(
        &mut self,
        ui: &mut egui::Ui,
        style: &ReaderStyle,
        column: f32,
        left: f32,
        top: f32,
        viewport: Rect,
        output: &mut ReaderOutput,
    ) {
        if self.heights.is_empty() {
            return;
        }
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
                    let galley = self.galley(ui, style, column, i);
                    let height = galley.size().y;
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
