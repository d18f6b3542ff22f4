//! Markdown articles: the canonical text is the plain text a reader sees (blocks joined
//! by a blank line), with headings, list items, quotes, code, captions and images as
//! blocks and emphasis/strong/code/links as inline spans. Raw HTML blocks go through
//! the HTML loader's walker.

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::blocks::{BlockBuilder, assemble, base_dir, collapse_whitespace};
use super::images::resolve_reference;
use super::{Article, ArticleFormat, BlockKind, DecodedText, ImageRef, InlineStyle};

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
        flattened: 0,
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

/// Quotes, lists and list items nested deeper than this are flattened into the
/// innermost one kept.
const MAX_CONTAINERS: usize = 64;

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
    /// Containers open beyond [`MAX_CONTAINERS`], not in `containers`.
    flattened: usize,
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
            Tag::BlockQuote(_) => self.enter(|_| Container::Quote),
            Tag::CodeBlock(_) => {
                self.b.finish();
                self.in_code = true;
            }
            Tag::HtmlBlock => {
                self.b.finish();
                self.html_block = Some(String::new());
            }
            Tag::List(start) => self.enter(|_| Container::List { next: start }),
            Tag::Item => self.enter(Self::list_item),
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
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item => self.leave(),
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

    /// A quote, list or item starts: a new container, unless [`MAX_CONTAINERS`] are open
    /// already — then it is flattened (its text joins the innermost open container),
    /// so that `- - - - …` 200,000 deep costs no more than a flat list.
    fn enter(&mut self, container: impl FnOnce(&mut Self) -> Container) {
        if self.containers.len() >= MAX_CONTAINERS {
            self.flattened += 1;
            return;
        }
        self.b.finish();
        let container = container(self);
        self.containers.push(container);
    }

    /// A quote, list or item ends (events nest, so flattened ones end first).
    fn leave(&mut self) {
        if self.flattened > 0 {
            self.flattened -= 1;
            return;
        }
        self.b.finish();
        self.containers.pop();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::UnavailableReason;
    use crate::article::blocks::testing::{check_invariants, outline, spans};
    use crate::article::plain::MAX_BLOCK_CHARS;
    use crate::article::{Block, ImageSource};
    use proptest::prelude::*;

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
                (
                    &format!("img unavailable: {}", UnavailableReason::Remote),
                    ""
                ),
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
    fn hostile_nesting_is_flattened_in_linear_time() {
        // `- ` × 200,000 nests 200,000 list items: 59 s before; alternating quotes and
        // lists likewise. Hang guard only: `examples/bench_load.rs` measures.
        let started = std::time::Instant::now();
        let items = md(&format!("{}x\n", "- ".repeat(200_000)));
        assert_eq!(items.text.as_str(), "x");
        let BlockKind::ListItem { depth, .. } = &items.blocks[0].kind else {
            panic!("{:?}", items.blocks[0]);
        };
        assert!(usize::from(*depth) < MAX_CONTAINERS);
        let mixed = md(&format!("{}ক্ষমা\n", "> - ".repeat(30_000)));
        assert_eq!(mixed.text.as_str(), "ক্ষমা");
        assert!(started.elapsed() < std::time::Duration::from_secs(30));
    }

    #[test]
    fn the_river_fixture_loads_through_the_loader() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles/river.md");
        let article = crate::article::load(&path).expect("river.md loads");
        check_invariants(&article);
        assert_eq!(article.title, "নদীর গল্প");
        let kinds: Vec<String> = outline(&article).into_iter().map(|(k, _)| k).collect();
        let local = format!("img {}", path.with_file_name("river.png").display());
        let remote = format!("img unavailable: {}", UnavailableReason::Remote);
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
