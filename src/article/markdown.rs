//! Markdown articles: the canonical text is the plain text a reader sees (blocks joined
//! by a blank line), with headings, list items, quotes, code, captions and images as
//! blocks and emphasis/strong/code/links as inline spans.
//!
//! Also home of [`BlockBuilder`], which the HTML loader shares.

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use unicode_segmentation::GraphemeCursor;

use super::images::{REMOTE_REASON, resolve_reference, shorten};
use super::plain::MAX_BLOCK_CHARS;
use super::{
    Article, ArticleFormat, Block, BlockKind, DecodedText, ImageRef, ImageSource, InlineStyle,
    Origin, StyleSpan,
};
use crate::text::CharRange;

/// Separator between two blocks in the canonical text.
const BLOCK_SEPARATOR: &str = "\n\n";

/// Parse a Markdown file's decoded text into an article.
pub(crate) fn parse(path: &Path, decoded: DecodedText) -> Article {
    let base = base_dir(path);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut w = Walker {
        b: BlockBuilder::default(),
        base: &base,
        containers: Vec::new(),
        heading: None,
        in_code: false,
        image_depth: 0,
        image: None,
        html_block: None,
        metadata: false,
        table_cell: 0,
    };
    for event in Parser::new_ext(&decoded.text, options) {
        w.event(event);
    }
    assemble(path, ArticleFormat::Markdown, w.b, None, decoded.notices)
}

/// The folder image references are resolved against.
pub(super) fn base_dir(path: &Path) -> std::path::PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// A block container the parser is inside of.
enum Container {
    Quote,
    List {
        next: Option<u64>,
    },
    Item {
        marker: String,
        depth: u8,
        used: bool,
    },
}

struct Walker<'a> {
    b: BlockBuilder,
    base: &'a Path,
    containers: Vec<Container>,
    heading: Option<u8>,
    in_code: bool,
    image_depth: usize,
    /// Destination and alt text of the image being read.
    image: Option<(String, String)>,
    html_block: Option<String>,
    metadata: bool,
    table_cell: usize,
}

impl Walker<'_> {
    /// The kind a text block opened here gets.
    fn kind(&mut self) -> BlockKind {
        if self.in_code {
            return BlockKind::Code;
        }
        if let Some(level) = self.heading {
            return BlockKind::Heading(level);
        }
        match self.containers.last_mut() {
            Some(Container::Item {
                marker,
                depth,
                used,
            }) => {
                let marker = if *used { String::new() } else { marker.clone() };
                *used = true;
                BlockKind::ListItem {
                    marker,
                    depth: *depth,
                }
            }
            Some(Container::Quote) => BlockKind::Quote,
            _ => BlockKind::Paragraph,
        }
    }

    fn ensure_open(&mut self) {
        if !self.b.is_open() {
            let kind = self.kind();
            self.b.open(kind);
        }
    }

    fn text(&mut self, text: &str) {
        if let Some((_, alt)) = &mut self.image {
            alt.push_str(text);
        } else if !self.metadata && self.html_block.is_none() {
            self.ensure_open();
            self.b.push_text(text);
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                if self.image.is_some() {
                    self.text(&t);
                } else {
                    self.b.push_style(InlineStyle::Code);
                    self.text(&t);
                    self.b.pop_style();
                }
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
            Event::SoftBreak | Event::HardBreak if self.image.is_some() => self.text(" "),
            Event::SoftBreak => {
                if self.b.is_open() {
                    self.b.push_text(" ");
                }
            }
            Event::HardBreak => {
                if self.b.is_open() {
                    self.b.push_break();
                }
            }
            Event::Html(t) => {
                if let Some(html) = &mut self.html_block {
                    html.push_str(&t);
                }
            }
            Event::InlineHtml(t) => self.inline_html(&t),
            Event::Rule => self.b.finish(),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }

    /// Inline HTML: `<br>` breaks the line, `<img>` is an image; other tags are dropped.
    fn inline_html(&mut self, tag: &str) {
        if self.image.is_some() || self.metadata {
            return;
        }
        let lower = tag.trim_start().to_ascii_lowercase();
        if lower.starts_with("<br") {
            if self.b.is_open() {
                self.b.push_break();
            }
        } else if lower.starts_with("<img") {
            super::html::append_fragment(&mut self.b, self.base, tag);
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        if self.image.is_some() {
            if let Tag::Image { .. } = tag {
                self.image_depth += 1;
            }
            return;
        }
        match tag {
            Tag::Paragraph => self.b.finish(),
            Tag::Heading { level, .. } => {
                self.b.finish();
                self.heading = Some(level as u8);
            }
            Tag::BlockQuote(_) => {
                self.b.finish();
                self.containers.push(Container::Quote);
            }
            Tag::CodeBlock(_) => {
                self.b.finish();
                self.in_code = true;
            }
            Tag::HtmlBlock => {
                self.b.finish();
                self.html_block = Some(String::new());
            }
            Tag::List(start) => {
                self.b.finish();
                self.containers.push(Container::List { next: start });
            }
            Tag::Item => {
                self.b.finish();
                let item = self.list_item();
                self.containers.push(item);
            }
            Tag::TableHead | Tag::TableRow => {
                self.b.finish();
                self.table_cell = 0;
            }
            Tag::TableCell => {
                if self.table_cell > 0 {
                    self.ensure_open();
                    self.b.push_text(" | ");
                }
                self.table_cell += 1;
            }
            Tag::Emphasis => self.b.push_style(InlineStyle::Emphasis),
            Tag::Strong => self.b.push_style(InlineStyle::Strong),
            Tag::Link { dest_url, .. } => {
                self.b.push_style(InlineStyle::Link(dest_url.to_string()))
            }
            Tag::Image { dest_url, .. } => {
                self.image_depth = 1;
                self.image = Some((dest_url.to_string(), String::new()));
            }
            Tag::MetadataBlock(_) => self.metadata = true,
            Tag::Table(_)
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => self.b.finish(),
            Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        if self.image.is_some() {
            if tag == TagEnd::Image {
                self.image_depth -= 1;
                if self.image_depth == 0 {
                    self.finish_image();
                }
            }
            return;
        }
        match tag {
            TagEnd::Heading(_) => {
                self.b.finish();
                self.heading = None;
            }
            TagEnd::CodeBlock => {
                self.b.finish();
                self.in_code = false;
            }
            TagEnd::HtmlBlock => {
                if let Some(html) = self.html_block.take() {
                    super::html::append_fragment(&mut self.b, self.base, &html);
                }
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item => {
                self.b.finish();
                self.containers.pop();
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link => self.b.pop_style(),
            TagEnd::MetadataBlock(_) => self.metadata = false,
            TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::TableCell
            | TagEnd::Image => {}
            _ => self.b.finish(),
        }
    }

    /// The container of a new list item, numbering its list.
    fn list_item(&mut self) -> Container {
        let lists = self
            .containers
            .iter()
            .filter(|c| matches!(c, Container::List { .. }));
        let depth = u8::try_from(lists.count().saturating_sub(1)).unwrap_or(u8::MAX);
        let list = self.containers.iter_mut().rev().find_map(|c| match c {
            Container::List { next } => Some(next),
            _ => None,
        });
        let marker = match list {
            Some(Some(n)) => {
                *n += 1;
                format!("{}.", *n - 1)
            }
            _ => "•".to_owned(),
        };
        Container::Item {
            marker,
            depth,
            used: false,
        }
    }

    /// An image ends: it splits the current block and is followed by its caption.
    fn finish_image(&mut self) {
        let Some((dest, alt)) = self.image.take() else {
            return;
        };
        let alt = collapse_whitespace(&alt);
        let source = resolve_reference(self.base, &dest);
        self.b.push_image(ImageRef {
            source,
            alt: alt.clone(),
        });
        if !alt.is_empty() {
            self.b.open(BlockKind::Caption);
            self.b.push_text(&alt);
            self.b.finish();
        }
    }
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
        .filter(|b| matches!(&b.kind, BlockKind::Image(ImageRef { source: ImageSource::Unavailable { reason, .. }, .. }) if reason == REMOTE_REASON))
        .count();
    if remote > 0 {
        let images = if remote == 1 {
            "image is"
        } else {
            "images are"
        };
        notices.push(format!(
            "{remote} remote {images} not loaded: Pathok never uses the network"
        ));
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
pub(super) mod tests {
    use super::*;
    use proptest::prelude::*;

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

    fn md(source: &str) -> Article {
        let decoded = DecodedText {
            text: source.to_owned(),
            notices: Vec::new(),
        };
        let article = parse(Path::new("/articles/story.md"), decoded);
        check_invariants(&article);
        article
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    const DOC: &str = "# কোরিয়া ভ্রমণ\n\n\
A *first* paragraph with **strong** text,\n\
a soft break and `code` and a [link](https://example.org/x).\n\n\
## দ্বিতীয় অংশ\n\n\
- one\n\
- two\n  1. nested\n  2. second nested\n\
- three\n\n\
> ক্ষমা quote\n\
> continues\n\n\
![ছবি: সিউল](img/seoul.png)\n\n\
Before ![](rel%20space.jpg) after.\n\n\
![remote](https://example.com/a.png)\n\n\
```rust\nfn main() {}\n```\n\n\
Line one  \nline two\n\n\
<div>raw <b>html</b> র্ক</div>\n";

    #[test]
    fn markdown_blocks_title_lists_quote_images_code() {
        let article = md(DOC);
        assert_eq!(article.format, ArticleFormat::Markdown);
        assert_eq!(article.title, "কোরিয়া ভ্রমণ");
        assert_eq!(
            outline(&article),
            pairs(&[
                ("title", "কোরিয়া ভ্রমণ"),
                (
                    "p",
                    "A first paragraph with strong text, a soft break and code and a link."
                ),
                ("h2", "দ্বিতীয় অংশ"),
                ("li • 0", "one"),
                ("li • 0", "two"),
                ("li 1. 1", "nested"),
                ("li 2. 1", "second nested"),
                ("li • 0", "three"),
                ("quote", "ক্ষমা quote continues"),
                ("img /articles/img/seoul.png", ""),
                ("caption", "ছবি: সিউল"),
                ("p", "Before"),
                ("img /articles/rel space.jpg", ""),
                ("p", "after."),
                (&format!("img unavailable: {REMOTE_REASON}"), ""),
                ("caption", "remote"),
                ("code", "fn main() {}"),
                ("p", "Line one\nline two"),
                ("p", "raw html র্ক"),
            ])
        );
        assert_eq!(
            spans(&article, 1),
            vec![
                ("first".to_owned(), InlineStyle::Emphasis),
                ("strong".to_owned(), InlineStyle::Strong),
                ("code".to_owned(), InlineStyle::Code),
                (
                    "link".to_owned(),
                    InlineStyle::Link("https://example.org/x".to_owned())
                ),
            ]
        );
        let images: Vec<&ImageRef> = article.images().collect();
        assert_eq!(images[0].alt, "ছবি: সিউল");
        assert_eq!(images[1].alt, "");
        assert!(
            matches!(&images[2].source, ImageSource::Unavailable { reference, .. } if reference == "https://example.com/a.png")
        );
        assert_eq!(
            article.notices,
            vec![format!(
                "1 remote image is not loaded: Pathok never uses the network"
            )]
        );
        assert!(!article.text.as_str().contains('<'));
    }

    #[test]
    fn title_falls_back_to_first_h1_then_heading_then_paragraph() {
        let article = md("Intro line\n\n# Real title\n\n## Sub");
        assert_eq!(article.title, "Real title");
        assert_eq!(article.blocks[0].kind, BlockKind::Paragraph);
        assert_eq!(article.blocks[1].kind, BlockKind::Heading(1));

        assert_eq!(md("Intro\n\n### Third level\n\ntext").title, "Third level");
        assert_eq!(
            md("First *paragraph*\nhere.\n\nSecond.").title,
            "First paragraph here."
        );
        assert_eq!(md("").title, "story.md");
        assert!(md("").blocks.is_empty());
    }

    #[test]
    fn raw_html_and_front_matter_leave_no_markup() {
        let article = md(
            "---\ntitle: front matter\n---\n\nSome <span class=\"x\">inline</span> text<br>next\n\n\
             <script>alert(1)</script>\n\n<!-- a comment -->\n\n<p align=\"center\"><img src=\"logo.png\" alt=\"Logo\"></p>\n",
        );
        assert_eq!(
            outline(&article),
            pairs(&[
                ("p", "Some inline text\nnext"),
                ("img /articles/logo.png", ""),
                ("caption", "Logo"),
            ])
        );
    }

    #[test]
    fn emphasis_continues_across_an_image_split_and_tables_become_rows() {
        let article = md("*a ![x](i.png) b*\n\n| ক | খ |\n|---|---|\n| 1 | 2 |\n");
        assert_eq!(
            outline(&article),
            pairs(&[
                ("p", "a"),
                ("img /articles/i.png", ""),
                ("caption", "x"),
                ("p", "b"),
                ("p", "ক | খ"),
                ("p", "1 | 2"),
            ])
        );
        assert_eq!(
            spans(&article, 0),
            vec![("a".to_owned(), InlineStyle::Emphasis)]
        );
        assert_eq!(
            spans(&article, 3),
            vec![("b".to_owned(), InlineStyle::Emphasis)]
        );
    }

    #[test]
    fn loose_list_items_and_second_paragraphs() {
        let article = md("3. first\n\n   more of first\n\n4. second\n\n> - quoted item\n");
        assert_eq!(
            outline(&article),
            pairs(&[
                ("li 3. 0", "first"),
                ("li  0", "more of first"),
                ("li 4. 0", "second"),
                ("li • 0", "quoted item"),
            ])
        );
    }

    #[test]
    fn long_paragraphs_are_split_into_continuing_blocks() {
        let word = "ক্ষমা কোরিয়া ";
        let long = format!("**{}**", word.repeat(600).trim_end());
        let article = md(&format!("# T\n\n{long}\n\nend"));
        let pieces: Vec<&Block> = article
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .collect();
        assert!(pieces.len() >= 4, "{}", pieces.len());
        assert!(
            !pieces[0].continues
                && pieces[1].continues
                && !pieces.last().is_some_and(|b| b.continues)
        );
        for piece in &pieces[..pieces.len() - 2] {
            assert!(piece.range.len() <= MAX_BLOCK_CHARS);
            assert!(article.text.slice(piece.range).ends_with(' '));
            assert_eq!(piece.spans.len(), 1);
        }
    }

    #[test]
    fn the_river_fixture_loads_through_the_loader() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles/river.md");
        let article = crate::article::load(&path).expect("river.md loads");
        check_invariants(&article);
        assert_eq!(article.title, "নদীর গল্প");
        let kinds: Vec<String> = outline(&article).into_iter().map(|(k, _)| k).collect();
        let local = format!("img {}", path.with_file_name("river.png").display());
        let remote = format!("img unavailable: {REMOTE_REASON}");
        let expected = [
            "title", "p", &local, "caption", "quote", "li • 0", "li • 0", &remote, "caption",
        ];
        assert_eq!(kinds, expected);
    }

    /// Pieces random documents are made of, separated by '¦'.
    const FRAGMENTS: &str = "কোরিয়া¦ক্ষমা¦র্ক¦word¦ ¦  ¦\n¦\n\n¦*¦**¦_¦`¦# ¦## ¦- ¦1. ¦> ¦    ¦\
         ```\n¦[link](http://x.org)¦![cap](a.png)¦![](http://r/x.png)¦<b>¦</b>¦\
         <br>¦<div>¦</div>¦<img src=\"x.png\" alt=\"y\">¦&amp;¦\\¦|¦---¦  \n";

    fn fragment() -> impl Strategy<Value = &'static str> {
        prop::sample::select(FRAGMENTS.split('¦').collect::<Vec<_>>())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn any_markdown_keeps_the_block_invariants(parts in prop::collection::vec(fragment(), 0..60)) {
            md(&parts.concat());
        }
    }
}
