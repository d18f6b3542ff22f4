//! Bounding how deeply a web page nests before it is parsed.
//!
//! The HTML tree builder checks its stack of open elements for every tag (is a `<p>`
//! open? a `<table>`?), so a page of 100,000 nested `<div>`s costs it quadratic time —
//! more than a minute. A hostile or broken page must not freeze the app, so the page
//! is first run through the HTML *tokenizer* (linear), which tracks the open elements
//! with the tree builder's most common implicit closes (`<p>`, `<li>`, `<dt>`/`<dd>`,
//! table rows and cells, `<option>`): elements nested deeper than [`MAX_DEPTH`] are
//! flattened — their tags are dropped and their text joins the deepest kept element.
//! Pages that stay within the limit (all real ones) are parsed exactly as they are.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{LocalName, local_name};

/// Elements nested deeper than this are flattened into their ancestor at this depth.
pub(super) const MAX_DEPTH: usize = 128;

/// How far down the open elements an end tag or an implicit close looks for its
/// element. Bounded so that unmatched end tags cannot make the pass quadratic.
const SEARCH: usize = 64;

/// `source` with elements nested deeper than [`MAX_DEPTH`] flattened; borrowed
/// unchanged when the page stays within the limit.
pub(super) fn bounded(source: &str) -> Cow<'_, str> {
    let sink = Flattener::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(html5ever::tendril::StrTendril::from_slice(source));
    // Scripts are never run, so the tokenizer never stops for one.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let state = tokenizer.sink.state.into_inner();
    if state.flattened == 0 {
        Cow::Borrowed(source)
    } else {
        Cow::Owned(state.out)
    }
}

/// A test on an element name.
type NameTest = fn(&LocalName) -> bool;

/// An element the tokenizer saw open, and whether its tags are kept.
struct Open {
    name: LocalName,
    kept: bool,
}

#[derive(Default)]
struct State {
    out: String,
    open: Vec<Open>,
    /// Inside `<script>`, `<style>`, `<title>`…: its name, whether it is kept, and
    /// whether its text is escaped like RCDATA (`<title>`, `<textarea>`).
    raw: Option<(LocalName, bool, bool)>,
    /// Start tags dropped.
    flattened: usize,
}

#[derive(Default)]
struct Flattener {
    state: RefCell<State>,
}

impl TokenSink for Flattener {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut guard = self.state.borrow_mut();
        let state = &mut *guard;
        match token {
            Token::DoctypeToken(d) => {
                state.out.push_str("<!DOCTYPE ");
                state.out.push_str(d.name.as_deref().unwrap_or("html"));
                for id in [d.public_id, d.system_id].into_iter().flatten() {
                    state.out.push_str(" \"");
                    push_escaped(&mut state.out, &id, true);
                    state.out.push('"');
                }
                state.out.push('>');
            }
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => return state.start(tag),
            Token::TagToken(tag) => state.end(&tag),
            Token::CharacterTokens(text) => match state.raw {
                // The text of a script or style that was dropped goes with it.
                Some((_, false, _)) => {}
                Some((_, true, true)) => push_escaped(&mut state.out, &text, false),
                Some((_, true, false)) => state.out.push_str(&text),
                None => push_escaped(&mut state.out, &text, false),
            },
            Token::CommentToken(_)
            | Token::NullCharacterToken
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

impl State {
    fn start(&mut self, tag: Tag) -> TokenSinkResult<()> {
        self.close_implied(&tag.name);
        let void = is_void(&tag.name) || tag.self_closing;
        let kept = void || self.open.len() < MAX_DEPTH;
        if kept {
            self.push_tag(&tag);
        } else {
            self.flattened += 1;
        }
        if !void {
            self.open.push(Open {
                name: tag.name.clone(),
                kept,
            });
        }
        let raw = match tag.name {
            local_name!("title") | local_name!("textarea") => Some((RawKind::Rcdata, true)),
            local_name!("style")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript") => Some((RawKind::Rawtext, false)),
            local_name!("script") => Some((RawKind::ScriptData, false)),
            local_name!("plaintext") => return TokenSinkResult::Plaintext,
            _ => None,
        };
        match raw {
            Some((kind, rcdata)) if !void => {
                self.raw = Some((tag.name, kept, rcdata));
                TokenSinkResult::RawData(kind)
            }
            _ => TokenSinkResult::Continue,
        }
    }

    fn end(&mut self, tag: &Tag) {
        if self
            .raw
            .as_ref()
            .is_some_and(|(name, _, _)| *name == tag.name)
        {
            self.raw = None;
        }
        match self.find(|n| *n == tag.name, |_| false) {
            Some(i) => {
                let kept = self.open[i].kept;
                self.open.truncate(i);
                if kept {
                    self.push_tag(tag);
                }
            }
            // Unmatched: the tree builder decides what it means (e.g. `</p>`).
            None if self.open.len() < MAX_DEPTH => self.push_tag(tag),
            None => {}
        }
    }

    /// Close what a start tag `name` closes implicitly, as the tree builder would.
    fn close_implied(&mut self, name: &LocalName) {
        let scope = |n: &LocalName| is_scope_boundary(n);
        if closes_p(name)
            && let Some(i) = self.find(|n| *n == local_name!("p"), scope)
        {
            self.open.truncate(i);
        }
        let (target, stop): (NameTest, NameTest) = match *name {
            local_name!("li") => (
                |n| *n == local_name!("li"),
                |n| matches!(*n, local_name!("ul") | local_name!("ol")) || is_scope_boundary(n),
            ),
            local_name!("dd") | local_name!("dt") => (
                |n| matches!(*n, local_name!("dd") | local_name!("dt")),
                |n| *n == local_name!("dl") || is_scope_boundary(n),
            ),
            local_name!("tr") => (
                |n| *n == local_name!("tr"),
                |n| is_table_section(n) || *n == local_name!("table"),
            ),
            local_name!("td") | local_name!("th") => (
                |n| matches!(*n, local_name!("td") | local_name!("th")),
                |n| matches!(*n, local_name!("tr") | local_name!("table")),
            ),
            local_name!("tbody") | local_name!("thead") | local_name!("tfoot") => {
                (is_table_section, |n| *n == local_name!("table"))
            }
            local_name!("option") | local_name!("optgroup") => (
                |n| matches!(*n, local_name!("option") | local_name!("optgroup")),
                |n| *n == local_name!("select"),
            ),
            _ => return,
        };
        if let Some(i) = self.find(target, stop) {
            self.open.truncate(i);
        }
    }

    /// Index of the innermost open element that is `target`, looking at most
    /// [`SEARCH`] elements down and not past one that is `stop`.
    fn find(
        &self,
        target: impl Fn(&LocalName) -> bool,
        stop: impl Fn(&LocalName) -> bool,
    ) -> Option<usize> {
        let lowest = self.open.len().saturating_sub(SEARCH);
        for i in (lowest..self.open.len()).rev() {
            let name = &self.open[i].name;
            if target(name) {
                return Some(i);
            }
            if stop(name) {
                return None;
            }
        }
        None
    }

    fn push_tag(&mut self, tag: &Tag) {
        self.out.push('<');
        if tag.kind == TagKind::EndTag {
            self.out.push('/');
        }
        self.out.push_str(&tag.name);
        for attr in &tag.attrs {
            self.out.push(' ');
            if let Some(prefix) = &attr.name.prefix {
                self.out.push_str(prefix);
                self.out.push(':');
            }
            self.out.push_str(&attr.name.local);
            self.out.push_str("=\"");
            push_escaped(&mut self.out, &attr.value, true);
            self.out.push('"');
        }
        if tag.self_closing {
            self.out.push('/');
        }
        self.out.push('>');
    }
}

/// Write `text` so that the tokenizer reads it back as the same characters.
fn push_escaped(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("param")
            | local_name!("keygen")
            | local_name!("frame")
            | local_name!("basefont")
            | local_name!("bgsound")
    )
}

/// Start tags that close an open `<p>` (HTML's "close a p element").
fn closes_p(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("center")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("dd")
            | local_name!("dt")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("form")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("hr")
            | local_name!("li")
            | local_name!("listing")
            | local_name!("main")
            | local_name!("menu")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("plaintext")
            | local_name!("pre")
            | local_name!("section")
            | local_name!("summary")
            | local_name!("table")
            | local_name!("ul")
            | local_name!("xmp")
    )
}

/// Elements past which the tree builder does not look for an open `<p>` or `<li>`.
fn is_scope_boundary(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("applet")
            | local_name!("caption")
            | local_name!("html")
            | local_name!("table")
            | local_name!("td")
            | local_name!("th")
            | local_name!("marquee")
            | local_name!("object")
            | local_name!("template")
            | local_name!("button")
    )
}

fn is_table_section(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("tbody") | local_name!("thead") | local_name!("tfoot")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_within_the_limit_are_left_as_they_are() {
        let page = "<!doctype html><html><body><p>এক<p>দুই<ul><li>ক<li>খ</ul>\
            <table><tr><td>১<td>২<tr><td>৩</table><script>if (a < b) {}</script></body></html>";
        assert!(matches!(bounded(page), Cow::Borrowed(_)));
        // Thousands of unclosed paragraphs and list items do not nest.
        let flat = "<div><p>কথা".to_owned() + &"<p>কথা <li>এক".repeat(5000);
        assert!(matches!(bounded(&flat), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_and_keeps_its_text() {
        let n = 10_000;
        let page = format!(
            "<body>{}<b>গভীর</b> &amp; &lt;কথা&gt;{}<p>শেষ</p></body>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let out = bounded(&page);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH - 1);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH - 1);
        assert!(out.contains("গভীর &amp; &lt;কথা&gt;"), "{out}");
        assert!(out.ends_with("<p>শেষ</p></body>"), "{out}");
    }

    #[test]
    fn scripts_beyond_the_limit_do_not_become_text() {
        let n = MAX_DEPTH + 10;
        let page = format!(
            "{}<script>var x = \"<p>no</p>\";</script><style>p {{}}</style>লেখা{}",
            "<section>".repeat(n),
            "</section>".repeat(n)
        );
        let out = bounded(&page);
        assert!(!out.contains("var x") && !out.contains("p {}"), "{out}");
        assert!(out.contains("লেখা"));
    }
}
