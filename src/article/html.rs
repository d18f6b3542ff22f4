//! Saved web pages: find the article body, drop the page furniture (scripts, menus,
//! headers, footers, forms…), and extract the text a reader sees into blocks, with
//! whitespace collapsed as a browser would. Images are only ever read from local files.

use std::path::Path;

use scraper::{ElementRef, Html, Node, Selector};

use super::blocks::{BlockBuilder, assemble, base_dir, collapse_whitespace};
use super::html_depth::{MAX_DEPTH, bounded};
use super::images::resolve_reference;
use super::{Article, ArticleFormat, BlockKind, DecodedText, ImageRef, InlineStyle};
use crate::tr;

/// Elements whose content is never part of the article.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "button",
    "template", "svg", "math", "canvas", "select", "textarea", "input", "object", "embed", "video",
    "audio", "map", "head", "title", "link", "meta", "dialog",
];

/// Elements that start and end a block.
const BLOCK_LEVEL: &[&str] = &[
    "address", "article", "body", "center", "dd", "details", "div", "dl", "dt", "fieldset",
    "hgroup", "hr", "html", "legend", "main", "p", "section", "summary", "table", "thead", "tbody",
    "tfoot", "tr", "td", "th", "caption", "header", "figure",
];

/// Parse a saved web page's decoded text into an article.
pub(crate) fn parse(path: &Path, mut decoded: DecodedText) -> Article {
    let source = bounded(&decoded.text);
    if matches!(source, std::borrow::Cow::Owned(_)) {
        decoded
            .notices
            .push(tr!("article-flattened", depth = MAX_DEPTH));
    }
    let doc = Html::parse_document(&source);
    let (body, keep_header) = find_body(&doc);
    let base = base_dir(path);
    let mut builder = BlockBuilder::default();
    Walker {
        b: &mut builder,
        base: &base,
        ctx: Vec::new(),
        keep_header,
    }
    .walk(body);
    let page_title = select_first(&doc, "title")
        .map(|t| strip_site_suffix(&collapse_whitespace(&t.text().collect::<String>())))
        .filter(|t| !t.is_empty());
    assemble(
        path,
        ArticleFormat::Html,
        builder,
        page_title,
        decoded.notices,
    )
}

/// Append the blocks of an HTML fragment (e.g. raw HTML in Markdown) to `b`.
pub(super) fn append_fragment(b: &mut BlockBuilder, base: &Path, html: &str) {
    let doc = Html::parse_fragment(&bounded(html));
    b.finish();
    Walker {
        b,
        base,
        ctx: Vec::new(),
        keep_header: false,
    }
    .walk(doc.root_element());
    b.finish();
}

fn select_first<'a>(doc: &'a Html, selector: &str) -> Option<ElementRef<'a>> {
    let selector = Selector::parse(selector).ok()?;
    doc.select(&selector).next()
}

/// Chars of text under `el` (a rough size measure).
fn text_len(el: &ElementRef<'_>) -> usize {
    el.text().map(|t| t.trim().chars().count()).sum()
}

/// The element holding the article, and whether headers inside it are kept (they
/// often hold the article's `<h1>` there).
fn find_body(doc: &Html) -> (ElementRef<'_>, bool) {
    for selector in ["article", "main", "[itemprop=articleBody]"] {
        let Ok(selector) = Selector::parse(selector) else {
            continue;
        };
        if let Some(best) = doc
            .select(&selector)
            .max_by_key(text_len)
            .filter(|e| text_len(e) > 0)
        {
            return (best, true);
        }
    }
    // The element whose direct <p> children hold the most text.
    let paragraph_text = |el: &ElementRef<'_>| -> usize {
        el.child_elements()
            .filter(|c| c.value().name() == "p")
            .map(|p| text_len(&p))
            .sum()
    };
    let best = doc
        .root_element()
        .descendent_elements()
        .map(|e| (paragraph_text(&e), e))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n);
    if let Some((_, best)) = best {
        return (best, true);
    }
    (
        select_first(doc, "body").unwrap_or_else(|| doc.root_element()),
        false,
    )
}

/// `title` without a trailing " | Site" / " - Site", if something is left.
fn strip_site_suffix(title: &str) -> String {
    let cut = [" | ", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| title.rfind(sep))
        .max();
    match cut {
        Some(i) if !title[..i].trim().is_empty() => title[..i].trim().to_owned(),
        _ => title.to_owned(),
    }
}

/// Where the walker is.
enum Ctx {
    Pre,
    Heading(u8),
    Caption,
    Quote,
    List {
        ordered: bool,
        next: i64,
    },
    Item {
        marker: String,
        depth: u8,
        used: bool,
    },
    Figure {
        has_caption: bool,
    },
}

/// What to undo when an element ends.
#[derive(Clone, Copy, Default)]
struct Exit {
    finish: bool,
    pop_ctx: bool,
    pop_style: bool,
}

enum Step<'a> {
    Enter(ElementRef<'a>),
    Text(&'a str),
    Exit(Exit),
}

struct Walker<'b, 'p> {
    b: &'b mut BlockBuilder,
    base: &'p Path,
    ctx: Vec<Ctx>,
    keep_header: bool,
}

impl Walker<'_, '_> {
    /// Walk the tree under `root` (iteratively: deep pages cannot overflow the stack).
    fn walk(&mut self, root: ElementRef<'_>) {
        let mut stack = vec![Step::Enter(root)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Text(t) => self.text(t),
                Step::Exit(exit) => {
                    if exit.pop_style {
                        self.b.pop_style();
                    }
                    if exit.finish {
                        self.b.finish();
                    }
                    if exit.pop_ctx {
                        self.ctx.pop();
                    }
                }
                Step::Enter(el) => {
                    let Some(exit) = self.enter(el) else {
                        continue;
                    };
                    stack.push(Step::Exit(exit));
                    let is_figure = el.value().name() == "figure";
                    let is_caption = |c: &ElementRef<'_>| c.value().name() == "figcaption";
                    let mut children = Vec::new();
                    for child in el.children() {
                        match child.value() {
                            Node::Text(t) => children.push(Step::Text(t)),
                            Node::Element(_) => {
                                if let Some(c) = ElementRef::wrap(child)
                                    && !(is_figure && is_caption(&c))
                                {
                                    children.push(Step::Enter(c));
                                }
                            }
                            _ => {}
                        }
                    }
                    if is_figure {
                        // Captions come after the figure's images, wherever they are.
                        children.extend(el.child_elements().filter(is_caption).map(Step::Enter));
                    }
                    stack.extend(children.into_iter().rev());
                }
            }
        }
        self.b.finish();
    }

    fn in_pre(&self) -> bool {
        self.ctx.iter().any(|c| matches!(c, Ctx::Pre))
    }

    /// The kind a text block opened here gets.
    fn kind(&mut self) -> BlockKind {
        if self.in_pre() {
            return BlockKind::Code;
        }
        for c in self.ctx.iter_mut().rev() {
            match c {
                Ctx::Heading(level) => return BlockKind::Heading(*level),
                Ctx::Caption => return BlockKind::Caption,
                Ctx::Quote => return BlockKind::Quote,
                Ctx::Item {
                    marker,
                    depth,
                    used,
                } => {
                    let marker = if *used { String::new() } else { marker.clone() };
                    *used = true;
                    return BlockKind::ListItem {
                        marker,
                        depth: *depth,
                    };
                }
                _ => {}
            }
        }
        BlockKind::Paragraph
    }

    fn ensure_open(&mut self) {
        if !self.b.is_open() {
            let kind = self.kind();
            self.b.open(kind);
        }
    }

    fn text(&mut self, t: &str) {
        if self.in_pre() {
            self.ensure_open();
            self.b.push_text(t);
        } else if self.b.is_open() || !t.trim_matches(|c: char| c.is_ascii_whitespace()).is_empty()
        {
            self.ensure_open();
            self.b.push_collapsed(t);
        }
    }

    /// True for an element whose content is not part of the article.
    fn skipped(&self, el: ElementRef<'_>) -> bool {
        let e = el.value();
        let hidden = e.attr("hidden").is_some()
            || e.attr("aria-hidden") == Some("true")
            || e.attr("style").is_some_and(|s| {
                let s = s.replace(' ', "").to_ascii_lowercase();
                s.contains("display:none")
            });
        let kept_header = e.name() == "header"
            && self.keep_header
            && el.descendent_elements().any(|d| d.value().name() == "h1");
        hidden || (SKIPPED.contains(&e.name()) && !kept_header)
    }

    /// Handle an element's start; `None` when its content is skipped.
    fn enter(&mut self, el: ElementRef<'_>) -> Option<Exit> {
        if self.skipped(el) {
            return None;
        }
        let e = el.value();
        let name = e.name();
        let exit = match name {
            "br" => {
                if self.in_pre() {
                    self.b.push_text("\n");
                } else if self.b.is_open() {
                    self.b.push_break();
                }
                Exit::default()
            }
            "img" => {
                self.image(el);
                Exit::default()
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.block(Ctx::Heading(name[1..].parse().unwrap_or(1)))
            }
            "pre" | "listing" | "xmp" | "plaintext" => self.block(Ctx::Pre),
            "blockquote" => self.block(Ctx::Quote),
            "figcaption" => self.block(Ctx::Caption),
            "figure" => {
                let has_caption = el
                    .child_elements()
                    .any(|c| c.value().name() == "figcaption");
                self.block(Ctx::Figure { has_caption })
            }
            "ul" | "ol" | "menu" | "dir" => {
                let start = e.attr("start").and_then(|s| s.trim().parse().ok());
                self.block(Ctx::List {
                    ordered: name == "ol",
                    next: start.unwrap_or(1),
                })
            }
            "li" => {
                let item = self.list_item(e.attr("value"));
                self.block(item)
            }
            "b" | "strong" => self.style(InlineStyle::Strong),
            "i" | "em" => self.style(InlineStyle::Emphasis),
            "code" | "kbd" | "samp" | "tt" if !self.in_pre() => self.style(InlineStyle::Code),
            "a" => {
                let href = e.attr("href").map(str::trim).unwrap_or_default();
                if href.is_empty() || href.to_ascii_lowercase().starts_with("javascript:") {
                    Exit::default()
                } else {
                    self.style(InlineStyle::Link(href.to_owned()))
                }
            }
            _ if BLOCK_LEVEL.contains(&name) => {
                self.b.finish();
                Exit {
                    finish: true,
                    ..Exit::default()
                }
            }
            _ => Exit::default(),
        };
        Some(exit)
    }

    /// Start a block-level element that changes the context.
    fn block(&mut self, ctx: Ctx) -> Exit {
        self.b.finish();
        self.ctx.push(ctx);
        Exit {
            finish: true,
            pop_ctx: true,
            pop_style: false,
        }
    }

    /// The context of a new `<li>` (with its `value` attribute), numbering its list.
    fn list_item(&mut self, value: Option<&str>) -> Ctx {
        let lists = self.ctx.iter().filter(|c| matches!(c, Ctx::List { .. }));
        let depth = u8::try_from(lists.count().saturating_sub(1)).unwrap_or(u8::MAX);
        let value = value.and_then(|v| v.trim().parse::<i64>().ok());
        let list = self
            .ctx
            .iter_mut()
            .rev()
            .find(|c| matches!(c, Ctx::List { .. }));
        let marker = match list {
            Some(Ctx::List {
                ordered: true,
                next,
            }) => {
                let n = value.unwrap_or(*next);
                *next = n + 1;
                format!("{n}.")
            }
            _ => "•".to_owned(),
        };
        Ctx::Item {
            marker,
            depth,
            used: false,
        }
    }

    fn style(&mut self, style: InlineStyle) -> Exit {
        self.b.push_style(style);
        Exit {
            pop_style: true,
            ..Exit::default()
        }
    }

    /// An image: it splits the current block and is followed by its caption (the
    /// figure's `<figcaption>` if any, else the alt or title text).
    fn image(&mut self, el: ElementRef<'_>) {
        let e = el.value();
        let tiny = |a: &str| {
            e.attr(a)
                .and_then(|v| v.trim().parse::<u32>().ok())
                .is_some_and(|v| v <= 2)
        };
        if tiny("width") || tiny("height") {
            return; // tracking pixels and spacers
        }
        let lazy = ["data-src", "data-original", "data-lazy-src"]
            .iter()
            .find_map(|a| e.attr(a));
        let srcset = e.attr("srcset").and_then(|s| s.split_whitespace().next());
        let src = match e.attr("src").map(str::trim) {
            Some(src) if !src.is_empty() && !src.to_ascii_lowercase().starts_with("data:") => {
                Some(src)
            }
            src => lazy.or(srcset).or(src),
        };
        let Some(src) = src.filter(|s| !s.trim().is_empty()) else {
            return; // an <img> without any source shows nothing in a browser either
        };
        let source = resolve_reference(self.base, src);
        let alt = collapse_whitespace(e.attr("alt").unwrap_or_default());
        let caption = if alt.is_empty() {
            collapse_whitespace(e.attr("title").unwrap_or_default())
        } else {
            alt.clone()
        };
        self.b.push_image(ImageRef { source, alt });
        let figure_caption = self.ctx.iter().rev().find_map(|c| match c {
            Ctx::Figure { has_caption } => Some(*has_caption),
            _ => None,
        });
        if figure_caption != Some(true) && !caption.is_empty() {
            self.b.open(BlockKind::Caption);
            self.b.push_text(&caption);
            self.b.finish();
        }
    }
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
