//! The reading view: a centred column of blocks, virtualised.
//!
//! Each text block is laid out into its own galley from the display string, only when
//! it comes near the viewport. Heights of blocks not yet laid out are estimated; a
//! Fenwick tree ([`heights::Heights`]) gives the block at any scroll offset in
//! O(log n). When a block above the top of the view turns out taller or shorter than
//! estimated, the scroll offset moves by the same amount, so what the reader is
//! looking at never jumps. Work per frame depends on what is visible, not on the
//! article's length.
//!
//! [`layout`] measures and scrolls, [`interaction`] turns pointer input into a
//! selection and clicks, [`painting`] draws what is visible.

mod heights;
mod interaction;
mod job;
mod layout;
mod marks;
mod painting;

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Pos2, Sense, vec2};

use crate::article::{Article, BlockKind, ImageSource};
use crate::text::{CharOffset, CharRange};

use super::images::{ImageCache, ImageState};
use super::regions::canvas::{PictureRegions, RegionEvent};
pub use heights::Heights;
pub use job::{Typography, block_job};
use layout::{Anchor, LayoutKey};
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
    /// What the user did to the regions of a picture of the article, and which one.
    pub region_event: Option<(ImageSource, RegionEvent)>,
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
    /// The regions to show on each picture, by [`ImageSource::label`].
    picture_regions: HashMap<String, PictureRegions>,
    /// Where each picture on screen was drawn in the last frame (by label).
    shown_pictures: HashMap<String, egui::Rect>,
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
            picture_regions: HashMap::new(),
            shown_pictures: HashMap::new(),
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

    /// The current selection, widened to grapheme clusters; `None` when nothing, an
    /// empty range or only white space is selected (a double click between two
    /// paragraphs selects their line break: nothing to annotate or copy).
    pub fn selection(&self) -> Option<CharRange> {
        let range = self.selection?.range(&self.article);
        let blank = self
            .article
            .text
            .slice(range)
            .chars()
            .all(char::is_whitespace);
        (!blank).then_some(range)
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

    /// The highlights painted behind the text, in text order.
    pub fn highlights(&self) -> &[Highlight] {
        &self.highlights
    }

    /// Scroll so that `offset` is in view on the next frame.
    pub fn reveal(&mut self, offset: CharOffset) {
        self.reveal = Some(offset);
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
        let column = self.prepare_layout(&ctx, style, available.x);
        let view_height = available.y.max(1.0);
        let (offset, forced) = self.scroll_target(ui, style, column, view_height);
        let bottom_pad = style.typo.font_size * 4.0;

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
    /// True while an image of this article is being decoded.
    pub fn images_loading(&self) -> bool {
        self.images.any_loading()
    }

    /// Show `regions` over the pictures of the article, by [`ImageSource::label`].
    pub fn set_picture_regions(&mut self, regions: HashMap<String, PictureRegions>) {
        self.picture_regions = regions;
    }

    /// The regions shown over the picture `source`.
    pub fn picture_regions(&self, source: &ImageSource) -> Option<&PictureRegions> {
        self.picture_regions.get(&source.label())
    }

    /// Where the picture `source` was drawn in the last frame, if it was on screen.
    pub fn picture_rect(&self, source: &ImageSource) -> Option<egui::Rect> {
        self.shown_pictures.get(&source.label()).copied()
    }

    /// Decode `source` again the next time it is shown (its file changed).
    pub fn forget_image(&mut self, source: &ImageSource) {
        self.images.forget(source);
    }

    /// How many of the article's images have been decoded (or failed) so far.
    pub fn images_decoded(&self) -> u64 {
        self.images.decoded()
    }

    /// What decoded images had to say (a picture cut short) since this was last asked,
    /// each naming its file.
    pub fn take_image_notices(&mut self) -> Vec<String> {
        self.images.take_notices()
    }

    /// The state of an image of this article if it was shown before (starts nothing).
    pub fn cached_image_state(&self, source: &ImageSource) -> Option<ImageState> {
        self.images.peek(source)
    }

    /// The state of an image of this article (starts decoding it if needed).
    pub fn image_state(&mut self, ctx: &egui::Context, source: &ImageSource) -> ImageState {
        self.images.poll(ctx);
        self.images.get(ctx, source)
    }
}
