//! Searching many articles: each article's canonical text is read (one at a time, so
//! memory holds one article, not the corpus), searched with a [`Matcher`], and its
//! hits are handed on with their offsets in three units and their context.

use std::ops::{ControlFlow, Range};
use std::path::PathBuf;

use super::Matcher;
use super::read::{self, ReadError};
use crate::text::{ByteOffset, CharOffset, Utf16Offset};

/// Default context on each side of a hit, in code points.
pub const DEFAULT_CONTEXT: usize = 40;

/// One hit, with offsets into the article's canonical text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// First code point (inclusive).
    pub start: CharOffset,
    /// One past the last code point.
    pub end: CharOffset,
    /// `start` in UTF-16 code units.
    pub start_utf16: Utf16Offset,
    /// `end` in UTF-16 code units.
    pub end_utf16: Utf16Offset,
    /// `start` in UTF-8 bytes.
    pub start_byte: ByteOffset,
    /// `end` in UTF-8 bytes.
    pub end_byte: ByteOffset,
    /// The text of the hit (`text[start..end]`).
    pub matched: String,
    /// Up to the context length of code points before it (fewer at the start), as
    /// written (newlines kept).
    pub left: String,
    /// Up to the context length of code points after it.
    pub right: String,
}

/// The hits of one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleHits {
    /// The article's path as reached from the path given.
    pub path: PathBuf,
    /// Its hits, left to right.
    pub hits: Vec<Hit>,
}

/// The hits of `matcher` in `text` with `context` code points on each side.
pub fn hits_in(text: &str, matcher: &Matcher, context: usize) -> Vec<Hit> {
    let mut counter = Counter::default();
    let mut out = Vec::new();
    let _ = matcher.for_each_hit(text, &mut |range: Range<usize>| {
        let (start, start_utf16) = counter.advance(text, range.start);
        let (end, end_utf16) = counter.advance(text, range.end);
        out.push(Hit {
            start: CharOffset(start),
            end: CharOffset(end),
            start_utf16: Utf16Offset(start_utf16),
            end_utf16: Utf16Offset(end_utf16),
            start_byte: ByteOffset(range.start),
            end_byte: ByteOffset(range.end),
            matched: text[range.clone()].to_owned(),
            left: before(text, range.start, context).to_owned(),
            right: after(text, range.end, context).to_owned(),
        });
        ControlFlow::Continue(())
    });
    out
}

/// The number of hits of `matcher` in `text`.
pub fn count_in(text: &str, matcher: &Matcher) -> usize {
    let mut n = 0;
    let _ = matcher.for_each_hit(text, &mut |_| {
        n += 1;
        ControlFlow::Continue(())
    });
    n
}

/// Search the articles at `articles` in order, calling `each(index, result)` once per
/// article as soon as it is searched (return `Break` to stop: the user cancelled, or
/// enough was found). An article that cannot be read gives its error and the search
/// goes on.
pub fn search(
    articles: &[PathBuf],
    matcher: &Matcher,
    context: usize,
    each: &mut dyn FnMut(usize, Result<ArticleHits, ReadError>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for (i, path) in articles.iter().enumerate() {
        // Search is of text only: a picture (and its regions) has none.
        let result = if read::is_picture(path) {
            Ok(ArticleHits {
                path: path.clone(),
                hits: Vec::new(),
            })
        } else {
            read::with_canonical_text(path, |text| ArticleHits {
                path: path.clone(),
                hits: hits_in(text, matcher, context),
            })
            .map_err(ReadError::from)
        };
        each(i, result)?;
    }
    ControlFlow::Continue(())
}

/// Count the hits in the articles at `articles`, as [`search`] does without contexts.
pub fn count(
    articles: &[PathBuf],
    matcher: &Matcher,
    each: &mut dyn FnMut(usize, Result<usize, ReadError>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for (i, path) in articles.iter().enumerate() {
        let result = if read::is_picture(path) {
            Ok(0)
        } else {
            read::with_canonical_text(path, |text| count_in(text, matcher)).map_err(ReadError::from)
        };
        each(i, result)?;
    }
    ControlFlow::Continue(())
}

/// Counts code points and UTF-16 units from the start of a text to increasing byte
/// offsets, so that converting every hit costs one pass over the text.
#[derive(Default)]
struct Counter {
    byte: usize,
    chars: usize,
    utf16: usize,
}

impl Counter {
    /// (code points, UTF-16 units) before byte `to`, which must not be before the last
    /// byte asked for.
    fn advance(&mut self, text: &str, to: usize) -> (usize, usize) {
        for &b in &text.as_bytes()[self.byte..to] {
            // Every byte but a continuation byte starts a char; four-byte chars take two
            // UTF-16 units.
            let starts = usize::from((b & 0xC0) != 0x80);
            self.chars += starts;
            self.utf16 += starts + usize::from(b >= 0xF0);
        }
        self.byte = to;
        (self.chars, self.utf16)
    }
}

/// The `n` code points before byte `at` (fewer at the start).
fn before(text: &str, at: usize, n: usize) -> &str {
    let head = &text[..at];
    let start = if n == 0 {
        at
    } else {
        head.char_indices().rev().nth(n - 1).map_or(0, |(b, _)| b)
    };
    &head[start..]
}

/// The `n` code points after byte `at` (fewer at the end).
fn after(text: &str, at: usize, n: usize) -> &str {
    let tail = &text[at..];
    let end = tail.char_indices().nth(n).map_or(tail.len(), |(b, _)| b);
    &tail[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::MatchOptions;
    use crate::text::{CharRange, SourceText};

    #[test]
    fn hits_carry_offsets_in_three_units_and_their_context() {
        // An emoji (two UTF-16 units, four bytes) before the hit.
        let text = "😀 উত্তর কোরিয়ার নেতা\nকোরিয়া";
        let matcher = Matcher::new("কোরিয়া", MatchOptions::default()).unwrap();
        let hits = hits_in(text, &matcher, 5);
        assert_eq!(hits.len(), 2);
        let source = SourceText::new(text.to_owned());
        for h in &hits {
            let range = CharRange::new(h.start.0, h.end.0);
            assert_eq!(source.slice(range), h.matched);
            assert_eq!(&text[h.start_byte.0..h.end_byte.0], h.matched);
            assert_eq!(source.utf16_of(h.start), h.start_utf16);
            assert_eq!(source.utf16_of(h.end), h.end_utf16);
            assert_eq!(source.before(h.start, 5), h.left);
            assert_eq!(source.after(h.end, 5), h.right);
        }
        assert_eq!(hits[0].start, CharOffset(8));
        assert_eq!(hits[0].start_utf16, Utf16Offset(9));
        assert_eq!(hits[0].left, "ত্তর ");
        // Fewer at the start and end; newlines kept.
        assert_eq!(hits[1].left, "নেতা\n");
        assert_eq!(hits[1].right, "");
        assert_eq!(hits_in("কোরিয়া", &matcher, 40)[0].left, "");
        assert_eq!(count_in(text, &matcher), 2);
    }
}
