//! The block builder shared by the Markdown and HTML loaders: it turns a stream of
//! "open a block of this kind, push text, push a style, push an image" into the
//! canonical text and its blocks, trimming, joining blocks with a blank line and
//! splitting very long ones. Plus the helpers both loaders use (titles, base folder).

use std::path::Path;

use unicode_segmentation::GraphemeCursor;

use super::UnavailableReason;
use super::images::shorten;
use super::plain::MAX_BLOCK_CHARS;
use super::{
    Article, ArticleFormat, Block, BlockKind, ImageRef, ImageSource, InlineStyle, Origin, StyleSpan,
};
use crate::text::CharRange;
use crate::tr;

/// Separator between two blocks in the canonical text.
pub(super) const BLOCK_SEPARATOR: &str = "\n\n";

/// The folder image references are resolved against.
pub(super) fn base_dir(path: &Path) -> std::path::PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// `s` with runs of ASCII whitespace turned into one space, trimmed.
pub(super) fn collapse_whitespace(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// A block being filled.
struct OpenBlock {
    kind: BlockKind,
    text: String,
    chars: usize,
    /// Spans relative to the block's first char.
    spans: Vec<StyleSpan>,
}

/// An inline style that has been opened; `start` is relative to the open block.
struct OpenStyle {
    style: InlineStyle,
    start: Option<usize>,
}

/// Builds the canonical text and blocks of a structured article: text blocks are
/// trimmed, empty ones dropped, and consecutive text blocks joined by a blank line, so
/// each block's range slices the canonical text exactly. Blocks longer than
/// [`MAX_BLOCK_CHARS`] are split into pieces that continue each other (adjacent
/// ranges, `continues: true`), as plain-text paragraphs are.
#[derive(Default)]
pub(super) struct BlockBuilder {
    text: String,
    chars: usize,
    has_text: bool,
    blocks: Vec<Block>,
    open: Option<OpenBlock>,
    styles: Vec<OpenStyle>,
    pending_space: bool,
}

impl BlockBuilder {
    /// True while a block is being filled.
    pub(super) fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Finish the current block and start one of `kind`; open styles continue in it.
    pub(super) fn open(&mut self, kind: BlockKind) {
        self.finish();
        for style in &mut self.styles {
            style.start = Some(0);
        }
        self.open = Some(OpenBlock {
            kind,
            text: String::new(),
            chars: 0,
            spans: Vec::new(),
        });
    }

    /// Append `text` verbatim to the open block (no-op when none is open).
    pub(super) fn push_text(&mut self, text: &str) {
        if let Some(block) = &mut self.open {
            block.text.push_str(text);
            block.chars += text.chars().count();
        }
    }

    /// Append `text` collapsing ASCII whitespace as a browser does: runs become one
    /// space, none at the start of the block or after a line break.
    pub(super) fn push_collapsed(&mut self, text: &str) {
        let Some(block) = &mut self.open else {
            return;
        };
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                if block.chars > 0 && !block.text.ends_with('\n') {
                    self.pending_space = true;
                }
            } else {
                if std::mem::take(&mut self.pending_space) {
                    block.text.push(' ');
                    block.chars += 1;
                }
                block.text.push(c);
                block.chars += 1;
            }
        }
    }

    /// A hard line break inside the open block.
    pub(super) fn push_break(&mut self) {
        self.pending_space = false;
        self.push_text("\n");
    }

    /// Start an inline style at the current position.
    pub(super) fn push_style(&mut self, style: InlineStyle) {
        let start = match &mut self.open {
            Some(block) => {
                if std::mem::take(&mut self.pending_space) {
                    block.text.push(' ');
                    block.chars += 1;
                }
                Some(block.chars)
            }
            None => None,
        };
        self.styles.push(OpenStyle { style, start });
    }

    /// End the innermost inline style.
    pub(super) fn pop_style(&mut self) {
        if let Some(OpenStyle {
            style,
            start: Some(start),
        }) = self.styles.pop()
            && let Some(block) = &mut self.open
        {
            block.spans.push(StyleSpan {
                range: CharRange::new(start, block.chars),
                style,
            });
        }
    }

    /// Finish the open block: trim it, close its spans and append it unless empty.
    pub(super) fn finish(&mut self) {
        self.pending_space = false;
        let Some(mut block) = self.open.take() else {
            return;
        };
        for style in &mut self.styles {
            if let Some(start) = style.start.take() {
                block.spans.push(StyleSpan {
                    range: CharRange::new(start, block.chars),
                    style: style.style.clone(),
                });
            }
        }
        let is_code = block.kind == BlockKind::Code;
        let trimmed = if is_code {
            block.text.trim_start_matches('\n').trim_end()
        } else {
            block.text.trim_matches(|c: char| c.is_ascii_whitespace())
        };
        if trimmed.chars().all(char::is_whitespace) {
            return; // also drops spacer paragraphs holding only no-break spaces
        }
        let lead = block.text[..block.text.len()
            - block
                .text
                .trim_start_matches(|c: char| trimmed_lead(c, is_code))
                .len()]
            .chars()
            .count();
        let chars: Vec<char> = trimmed.chars().collect();
        let spans = trim_spans(block.spans, lead, &chars);
        if self.has_text {
            self.text.push_str(BLOCK_SEPARATOR);
            self.chars += BLOCK_SEPARATOR.len();
        }
        let start = self.chars;
        self.text.push_str(trimmed);
        self.chars += chars.len();
        self.has_text = true;
        // Very long blocks are split into pieces that continue each other.
        let mut from = 0;
        for to in split_points(trimmed) {
            let kind = match &block.kind {
                BlockKind::ListItem { depth, .. } if from > 0 => BlockKind::ListItem {
                    marker: String::new(),
                    depth: *depth,
                },
                kind => kind.clone(),
            };
            let spans = spans
                .iter()
                .filter(|(s, e, _)| *s < to && *e > from)
                .map(|(s, e, style)| StyleSpan {
                    range: CharRange::new(start + (*s).max(from), start + (*e).min(to)),
                    style: style.clone(),
                })
                .collect();
            self.blocks.push(Block {
                kind,
                range: CharRange::new(start + from, start + to),
                spans,
                continues: from > 0,
            });
            from = to;
        }
    }

    /// Finish the open block and add an image block (empty range at this place).
    pub(super) fn push_image(&mut self, image: ImageRef) {
        self.finish();
        self.blocks.push(Block {
            kind: BlockKind::Image(image),
            range: CharRange::new(self.chars, self.chars),
            spans: Vec::new(),
            continues: false,
        });
    }

    /// The canonical text and the blocks.
    pub(super) fn into_parts(mut self) -> (String, Vec<Block>) {
        self.finish();
        (self.text, self.blocks)
    }
}

/// Spans moved to the block text `chars` (which had `lead` chars trimmed from its
/// start), without whitespace at their ends, empty ones dropped, sorted by start.
fn trim_spans(
    spans: Vec<StyleSpan>,
    lead: usize,
    chars: &[char],
) -> Vec<(usize, usize, InlineStyle)> {
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        let mut s = span.range.start.get().saturating_sub(lead).min(chars.len());
        let mut e = span.range.end.get().saturating_sub(lead).min(chars.len());
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        if s < e {
            out.push((s, e, span.style));
        }
    }
    out.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    out
}

/// Ends (char offsets) of the pieces `text` is split into so that none is longer than
/// [`MAX_BLOCK_CHARS`]: after the last whitespace in reach, else at a grapheme-cluster
/// boundary. The last end is the length of `text`.
fn split_points(text: &str) -> Vec<usize> {
    let index: Vec<(usize, char)> = text.char_indices().collect();
    let mut ends = Vec::new();
    let mut from = 0;
    while index.len() - from > MAX_BLOCK_CHARS {
        let limit = from + MAX_BLOCK_CHARS;
        let to = match index[from..limit]
            .iter()
            .rposition(|&(_, c)| c.is_whitespace())
        {
            Some(i) if i > 0 => from + i + 1,
            _ => {
                let mut cursor = GraphemeCursor::new(index[limit].0, text.len(), true);
                match cursor.is_boundary(text, 0) {
                    Ok(true) => limit,
                    _ => match cursor.prev_boundary(text, 0) {
                        Ok(Some(b)) if b > index[from].0 => index.partition_point(|&(i, _)| i < b),
                        _ => limit,
                    },
                }
            }
        };
        ends.push(to);
        from = to;
    }
    ends.push(index.len());
    ends
}

/// True for the chars [`BlockBuilder::finish`] trims at the start of a block.
fn trimmed_lead(c: char, is_code: bool) -> bool {
    if is_code {
        c == '\n'
    } else {
        c.is_ascii_whitespace()
    }
}

/// Assemble an article from a builder: a leading H1 becomes the title block, and the
/// title is the first H1, else `fallback_title`, else the first heading, else the first
/// paragraph (shortened), else the file name. Remote images add one notice.
pub(super) fn assemble(
    path: &Path,
    format: ArticleFormat,
    builder: BlockBuilder,
    fallback_title: Option<String>,
    mut notices: Vec<String>,
) -> Article {
    let (text, mut blocks) = builder.into_parts();
    if let Some(first) = blocks.first_mut()
        && first.kind == BlockKind::Heading(1)
    {
        first.kind = BlockKind::Title;
    }
    let block_text = |b: &Block| {
        text.chars()
            .skip(b.range.start.get())
            .take(b.range.len())
            .collect::<String>()
    };
    let find =
        |pred: &dyn Fn(&BlockKind) -> bool| blocks.iter().find(|b| pred(&b.kind)).map(block_text);
    let title = find(&|k| matches!(k, BlockKind::Title | BlockKind::Heading(1)))
        .or(fallback_title.filter(|t| !t.is_empty()))
        .or_else(|| find(&|k| matches!(k, BlockKind::Heading(_))))
        .or_else(|| find(&|k| matches!(k, BlockKind::Paragraph)))
        .map(|t| shorten(&collapse_whitespace(&t), 120))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| Origin::File(path.to_owned()).display_name());
    let remote = blocks
        .iter()
        .filter(|b| matches!(&b.kind, BlockKind::Image(ImageRef { source: ImageSource::Unavailable { reason, .. }, .. }) if *reason == UnavailableReason::Remote))
        .count();
    if remote > 0 {
        notices.push(tr!("article-remote-images", count = remote));
    }
    Article::new(
        Origin::File(path.to_owned()),
        format,
        title,
        text,
        blocks,
        notices,
    )
}

#[cfg(test)]
pub(super) mod testing {
    //! Assertions on the blocks of Markdown and HTML articles.

    use super::*;

    /// Check the structural invariants every Markdown/HTML article keeps: text blocks are
    /// non-empty and joined by exactly "\n\n" (or adjacent when continuing), images have
    /// empty ranges, blocks are ordered and spans lie inside their block.
    pub(in crate::article) fn check_invariants(article: &Article) {
        let text = article.text.as_str();
        let len = text.chars().count();
        let mut prev_end: Option<usize> = None;
        let mut last = 0;
        for block in &article.blocks {
            let r = block.range;
            assert!(r.start.get() >= last, "blocks out of order: {block:?}");
            assert!(r.end.get() <= len, "block beyond the text: {block:?}");
            if let BlockKind::Image(_) = block.kind {
                assert!(r.is_empty(), "image with text: {block:?}");
                continue;
            }
            assert!(!r.is_empty(), "empty text block: {block:?}");
            let gap = match prev_end {
                Some(end) => article.text.slice(CharRange::new(end, r.start.get())),
                None => article.text.slice(CharRange::new(0, r.start.get())),
            };
            let expected_gap = match (prev_end, block.continues) {
                (None, _) | (Some(_), true) => "",
                (Some(_), false) => BLOCK_SEPARATOR,
            };
            assert_eq!(gap, expected_gap, "wrong separator before {block:?}");
            for span in &block.spans {
                assert!(
                    !span.range.is_empty()
                        && span.range.start >= r.start
                        && span.range.end <= r.end,
                    "{span:?}"
                );
            }
            prev_end = Some(r.end.get());
            last = r.end.get();
        }
        assert_eq!(prev_end.unwrap_or(0), len, "text after the last block");
    }

    /// A short label per block, with its text, for readable assertions.
    pub(in crate::article) fn outline(article: &Article) -> Vec<(String, String)> {
        article
            .blocks
            .iter()
            .map(|b| {
                let label = match &b.kind {
                    BlockKind::Title => "title".to_owned(),
                    BlockKind::Heading(l) => format!("h{l}"),
                    BlockKind::Paragraph => "p".to_owned(),
                    BlockKind::Caption => "caption".to_owned(),
                    BlockKind::Quote => "quote".to_owned(),
                    BlockKind::ListItem { marker, depth } => format!("li {marker} {depth}"),
                    BlockKind::Code => "code".to_owned(),
                    BlockKind::Image(image) => match &image.source {
                        ImageSource::File(p) => format!("img {}", p.display()),
                        ImageSource::Unavailable { reason, .. } => {
                            format!("img unavailable: {reason}")
                        }
                        ImageSource::Embedded { name, .. } => format!("img {name}"),
                    },
                };
                (label, article.text.slice(b.range).to_owned())
            })
            .collect()
    }

    /// The text and style of every span of the block at `index`.
    pub(in crate::article) fn spans(article: &Article, index: usize) -> Vec<(String, InlineStyle)> {
        article.blocks[index]
            .spans
            .iter()
            .map(|s| (article.text.slice(s.range).to_owned(), s.style.clone()))
            .collect()
    }
}
