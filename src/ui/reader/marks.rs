//! Selection and highlights: mapping between canonical char offsets and positions in a
//! block's galley (through the block's display map), and painting ranges as rectangles
//! *behind* the glyphs so that shaping is never split mid-cluster.

use egui::{Color32, Galley, Pos2, Rect, Vec2, pos2};

use crate::article::{Article, Block};
use crate::text::{CharOffset, CharRange, DisplayMap, DisplayOffset};

/// A coloured range painted behind the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    /// The characters covered (canonical offsets).
    pub range: CharRange,
    /// Fill colour (drawn translucent so that overlaps stay distinguishable).
    pub color: Color32,
    /// Draw an outline (the selected annotation).
    pub outlined: bool,
    /// Caller's identifier, returned on hover and click.
    pub key: u64,
}

/// The user's text selection: `anchor` stays where the drag started, `head` follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSelection {
    /// Where the selection started.
    pub anchor: CharOffset,
    /// Where it ends now.
    pub head: CharOffset,
}

impl TextSelection {
    /// A selection of `range`.
    pub fn of(range: CharRange) -> Self {
        Self {
            anchor: range.start,
            head: range.end,
        }
    }

    /// The selected chars, widened to whole grapheme clusters.
    pub fn range(&self, article: &Article) -> CharRange {
        let raw = CharRange::new(self.anchor.0, self.head.0);
        crate::text::snap_range(&article.text, raw)
    }
}

/// The display map of one block's text.
pub fn block_map(article: &Article, block: &Block) -> DisplayMap {
    DisplayMap::new(article.text.slice(block.range))
}

/// The canonical offset under `local` (a position relative to the galley's origin).
pub fn offset_at(article: &Article, block: &Block, galley: &Galley, local: Vec2) -> CharOffset {
    let cursor = galley.cursor_from_pos(local);
    let map = block_map(article, block);
    let source = map.to_source_floor(DisplayOffset(cursor.index.0));
    CharOffset(block.range.start.0 + source.0)
}

/// The canonical offset of the character drawn under `local` (relative to the galley's
/// origin): what a double click picks a word by and what a hover or a click on a
/// highlight is about. [`offset_at`] gives the nearest boundary between characters,
/// right for a drag but one character late over the right half of a glyph — a double
/// click near the end of a word then picked the space after it, or the next word.
pub fn char_at(article: &Article, block: &Block, galley: &Galley, local: Vec2) -> CharOffset {
    let mut cursor = galley.cursor_from_pos(local);
    if cursor.index.0 > 0 && galley.pos_from_cursor(cursor).min.x > local.x {
        // The boundary is right of the pointer: the pointer is over the glyph before it
        // (on the same row: a boundary at a row's start is never right of the pointer
        // when the pointer is on that row).
        cursor = egui::text::CCursor::new(cursor.index.0 - 1);
    }
    let map = block_map(article, block);
    let source = map.to_source_floor(DisplayOffset(cursor.index.0));
    CharOffset(block.range.start.0 + source.0)
}

/// Rectangles (relative to the galley origin) covering `range` ∩ the block, one per row.
/// `map` is the block's [`block_map`], computed once per block by the caller.
pub fn range_rects(
    map: &DisplayMap,
    block: &Block,
    galley: &Galley,
    range: CharRange,
) -> Vec<Rect> {
    let start = range.start.max(block.range.start);
    let end = range.end.min(block.range.end);
    if start >= end {
        return Vec::new();
    }
    let ds = map.to_display(CharOffset(start.0 - block.range.start.0)).0;
    let de = map.to_display(CharOffset(end.0 - block.range.start.0)).0;
    let mut rects = Vec::new();
    let mut row_start = 0;
    for row in &galley.rows {
        let row_len = row.glyphs.len();
        let a = ds.max(row_start);
        let b = de.min(row_start + row_len);
        if a < b
            || (a == b && row.ends_with_newline && a == row_start + row_len && ds <= a && a < de)
        {
            let x0 = row.pos.x + row.x_offset(egui::text::CharIndex(a - row_start));
            let mut x1 = row.pos.x + row.x_offset(egui::text::CharIndex(b - row_start));
            // A selected line break shows as a little space after the row.
            if row.ends_with_newline && de > row_start + row_len {
                x1 += row.height() * 0.3;
            }
            rects.push(Rect::from_min_max(
                pos2(x0, row.pos.y),
                pos2(x1, row.pos.y + row.size.y),
            ));
        }
        row_start += row_len + usize::from(row.ends_with_newline);
    }
    rects
}

/// Translate rects by the galley's on-screen origin.
pub fn at(origin: Pos2, rects: Vec<Rect>) -> impl Iterator<Item = Rect> {
    rects
        .into_iter()
        .map(move |r| r.translate(origin.to_vec2()))
}
