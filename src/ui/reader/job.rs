//! Turning an article block into an egui `LayoutJob` built from the display string.

use egui::text::{LayoutJob, TextFormat};
use egui::{FontFamily, FontId, Stroke};

use crate::article::{Article, Block, BlockKind, InlineStyle};
use crate::text::{CharOffset, CharRange, display_string_after};

use super::super::fonts::Typeface;
use super::super::theme::Palette;

/// Everything about the reader's typography that a layout depends on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Typography {
    /// Body font size in points.
    pub font_size: f32,
    /// Sans or serif.
    pub typeface: Typeface,
    /// Colours.
    pub palette: Palette,
}

impl Typography {
    /// Font size of a block kind.
    pub fn size_of(&self, kind: &BlockKind) -> f32 {
        let s = self.font_size;
        match kind {
            BlockKind::Title => s * 1.75,
            BlockKind::Heading(1) => s * 1.5,
            BlockKind::Heading(2) => s * 1.3,
            BlockKind::Heading(3) => s * 1.15,
            BlockKind::Heading(_) => s * 1.05,
            BlockKind::Caption => s * 0.85,
            BlockKind::Code => s * 0.9,
            _ => s,
        }
    }

    /// The format of the block's plain text.
    pub fn base_format(&self, kind: &BlockKind) -> TextFormat {
        let size = self.size_of(kind);
        let p = &self.palette;
        let (family, color, line) = match kind {
            BlockKind::Title | BlockKind::Heading(_) => {
                (self.typeface.family(true), p.heading, 1.3)
            }
            BlockKind::Caption => (self.typeface.family(false), p.muted, 1.45),
            BlockKind::Quote => (self.typeface.family(false), p.muted, 1.6),
            BlockKind::Code => (FontFamily::Monospace, p.text, 1.45),
            _ => (self.typeface.family(false), p.text, 1.6),
        };
        TextFormat {
            font_id: FontId::new(size, family),
            color,
            line_height: Some((size * line).round()),
            ..Default::default()
        }
    }

    /// Space above a block, in points.
    pub fn gap_before(&self, block: &Block, index: usize) -> f32 {
        let s = self.font_size;
        if index == 0 {
            // Breathing room between the menu bar and the first line.
            return s * 1.6;
        }
        if block.continues {
            return 0.0;
        }
        match block.kind {
            BlockKind::Title => s * 0.5,
            BlockKind::Heading(_) => s * 1.4,
            BlockKind::Caption => s * 0.4,
            BlockKind::ListItem { .. } => s * 0.35,
            _ => s * 0.9,
        }
    }

    /// Left indent of a block inside the column.
    pub fn indent(&self, kind: &BlockKind) -> f32 {
        match kind {
            BlockKind::Quote => self.font_size * 1.4,
            BlockKind::ListItem { depth, .. } => self.font_size * (1.6 + 1.4 * f32::from(*depth)),
            BlockKind::Code => self.font_size * 0.8,
            _ => 0.0,
        }
    }
}

/// The layout job of a text block at `wrap_width`: display string, one section per
/// inline style run.
pub fn block_job(
    article: &Article,
    block: &Block,
    typo: &Typography,
    wrap_width: f32,
) -> LayoutJob {
    let base = typo.base_format(&block.kind);
    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping::wrap_at_width(wrap_width.max(10.0)),
        ..Default::default()
    };
    // Cut the block at every span boundary and give each piece its format.
    let mut cuts: Vec<usize> = vec![block.range.start.0, block.range.end.0];
    for span in &block.spans {
        cuts.push(
            span.range
                .start
                .0
                .clamp(block.range.start.0, block.range.end.0),
        );
        cuts.push(
            span.range
                .end
                .0
                .clamp(block.range.start.0, block.range.end.0),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let piece = CharRange::new(pair[0], pair[1]);
        let mut format = base.clone();
        for span in block
            .spans
            .iter()
            .filter(|s| s.range.contains(CharOffset(piece.start.0)))
        {
            apply_style(&mut format, &span.style, typo);
        }
        // The char before the piece decides whether a leading mark has a base.
        let prev = (piece.start > block.range.start)
            .then(|| article.text.before(piece.start, 1).chars().next())
            .flatten();
        let text = display_string_after(prev, article.text.slice(piece));
        job.append(&text, 0.0, format);
    }
    job
}

fn apply_style(format: &mut TextFormat, style: &InlineStyle, typo: &Typography) {
    match style {
        InlineStyle::Emphasis => format.italics = true,
        InlineStyle::Strong => format.font_id.family = typo.typeface.family(true),
        InlineStyle::Code => {
            format.font_id = FontId::new(format.font_id.size * 0.92, FontFamily::Monospace);
            format.background = typo.palette.inset;
        }
        InlineStyle::Link(_) => {
            format.color = typo.palette.link;
            format.underline = Stroke::new(1.0, typo.palette.link.gamma_multiply(0.6));
        }
    }
}
