//! A folded query compiled into a matcher over the canonical text, so that the corpus
//! search runs at the speed of a literal search and still reports exact offsets.
//!
//! The folding is Find's ([`crate::text::fold_token`]): ৎ = ত্‍, ZWJ / ZWNJ ignored,
//! canonical decomposition (য় = য+়, ো = ে+া), Latin lower case, optionally ১ = 1. A
//! hit is a place where the folded text holds the folded query; it is reported as the
//! source characters its folded characters come from (a hit that starts or ends inside
//! the decomposition of one character covers that whole character), hits never share
//! a character, and they are taken left to right.
//!
//! How (the DESIGN hint): the folded query is turned into a regular expression over
//! the *canonical* text — at each place the characters that fold to what the query
//! holds there (`ো|ো`, `য়|য়`, `[kK]`) — which the `regex` crate runs with its literal
//! prefilter. Joiners would need an optional `[ZWJ ZWNJ]*` between every pair of
//! characters, which loses the prefilter; they are rare, so a second expression with
//! the optional joiners runs only in small windows around the joiners of the text.
//! Every candidate is then checked by folding the few characters at that place, which
//! also settles the cases a regular expression cannot express (a ত্ that is really
//! the start of a ত্‍).

use std::ops::{ControlFlow, Range};

use regex::Regex;

use super::compile::literal;
use super::pattern;
use crate::text::{Folding, fold_char, fold_query, fold_token, is_token_start};
use crate::tr;

/// What a query matches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct MatchOptions {
    /// How text and query are folded (digits: ১ = 1).
    pub folding: Folding,
    /// Only hits that are whole words (see [`is_word_char`]).
    pub whole_word: bool,
    /// The query is a regular expression, matched against the folded text.
    pub regex: bool,
}

/// Why a query cannot be searched for.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The query is empty, or folds to nothing (only joiners).
    #[error("{}", tr!("search-empty-query"))]
    Empty,
    /// The regular expression does not parse.
    #[error("{}", tr!(
        "search-bad-regex",
        message = .message.as_str(),
        column = *.column
    ))]
    Syntax {
        /// What is wrong.
        message: String,
        /// Where (1-based, in characters of the query).
        column: usize,
    },
    /// The regular expression could not be compiled (too big, …).
    #[error("{}", tr!("search-regex-unusable", reason = .0.to_string()))]
    Regex(#[from] regex::Error),
}

/// A compiled query. Cheap to share between threads (`Send + Sync`); compile once per
/// search, run over every article.
#[derive(Clone, Debug)]
pub struct Matcher {
    kind: Kind,
    options: MatchOptions,
}

#[derive(Clone, Debug)]
pub(super) enum Kind {
    /// A plain query: the folded query and the expressions that find its candidates.
    Literal(Literal),
    /// A regular expression over the folded text.
    Regex(Regex),
    /// A query that no text can hold (a character that no source character folds to).
    Never,
}

#[derive(Clone, Debug)]
pub(super) struct Literal {
    /// The folded query.
    pub(super) query: Vec<char>,
    /// Candidates without free joiners; stays a literal search where it can.
    pub(super) fast: Regex,
    /// Candidates with optional joiners between characters, run near joiners only.
    pub(super) slow: Regex,
    /// How far (bytes) a hit can reach from a joiner inside it, joiners aside.
    pub(super) radius: usize,
    /// Some character's folding sticks out before the query's start: a fast
    /// candidate can start inside a character and must be checked.
    pub(super) head_partial: bool,
    /// Adjacent folded chars of the query: a joiner between two chars that are not
    /// such a pair cannot be inside a hit.
    pub(super) pairs: Vec<(char, char)>,
}

impl Matcher {
    /// Compile `query`. A plain query is folded; a regular expression (options.regex)
    /// has its literal characters folded and is matched case-insensitively against the
    /// folded text.
    pub fn new(query: &str, options: MatchOptions) -> Result<Matcher, QueryError> {
        let kind = if options.regex {
            if query.is_empty() {
                return Err(QueryError::Empty);
            }
            Kind::Regex(pattern::folded_regex(query, options.folding)?)
        } else {
            let folded: Vec<char> = fold_query(query, options.folding).chars().collect();
            if folded.is_empty() {
                return Err(QueryError::Empty);
            }
            literal(folded, options.folding)?
        };
        Ok(Matcher { kind, options })
    }

    /// The options this matcher was compiled with.
    pub fn options(&self) -> MatchOptions {
        self.options
    }

    /// Call `on_hit` with each hit in `text` (byte ranges of `text`, left to right,
    /// never sharing a character) until it returns `Break`.
    pub fn for_each_hit(
        &self,
        text: &str,
        on_hit: &mut dyn FnMut(Range<usize>) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        match &self.kind {
            Kind::Literal(literal) => literal.for_each_hit(text, self.options, on_hit),
            Kind::Regex(regex) => {
                pattern::for_each_hit(regex, text, self.options, &mut |r| on_hit(r))
            }
            Kind::Never => ControlFlow::Continue(()),
        }
    }

    /// Every hit in `text`, as byte ranges.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let _ = self.for_each_hit(text, &mut |r| {
            out.push(r);
            ControlFlow::Continue(())
        });
        out
    }
}

/// True for characters that belong to a word: letters (with Bengali vowel signs,
/// which are alphabetic), combining marks (hasanta, nukta, candrabindu), digits and
/// the joiners ZWJ / ZWNJ (which sit inside words such as র‌্যাব). A whole-word hit is
/// neither preceded nor followed by one.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || unicode_normalization::char::is_combining_mark(c)
        || matches!(c, '\u{200C}' | '\u{200D}')
}

/// True when the hit `range` of `text` is a whole word.
pub(crate) fn is_whole_word(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

impl Literal {
    fn for_each_hit(
        &self,
        text: &str,
        options: MatchOptions,
        on_hit: &mut dyn FnMut(Range<usize>) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let windows = self.joiner_windows(text, options.folding);
        let mut scratch = Vec::new();
        let mut from = 0;
        // The next candidate of each expression at or after `from` (None: not looked
        // for yet or behind `from`; usize::MAX: there is none).
        let mut fast_next: Option<Range<usize>> = None;
        let mut slow_next: Option<usize> = None;
        let mut window = 0;
        while from < text.len() {
            if fast_next.as_ref().is_none_or(|m| m.start < from) {
                fast_next = Some(
                    self.fast
                        .find_at(text, from)
                        .map_or(usize::MAX..usize::MAX, |m| m.range()),
                );
            }
            if slow_next.is_none_or(|s| s < from) {
                slow_next = Some(usize::MAX);
                while let Some(w) = windows.get(window) {
                    if w.end > from
                        && let Some(m) = self.slow.find_at(&text[..w.end], from.max(w.start))
                    {
                        slow_next = Some(m.start());
                        break;
                    }
                    window += 1;
                }
            }
            let fast = fast_next.clone().unwrap_or(usize::MAX..usize::MAX);
            let slow = slow_next.unwrap_or(usize::MAX);
            let start = fast.start.min(slow);
            if start == usize::MAX {
                break;
            }
            // A fast candidate between token boundaries is the hit itself, unless a
            // hit could start inside its first character.
            let exact = start == fast.start
                && !self.head_partial
                && is_token_start(text, fast.start)
                && is_token_start(text, fast.end);
            let end = if exact {
                (!options.whole_word || is_whole_word(text, &fast)).then_some(fast.end)
            } else {
                self.hit_at(text, start, options, &mut scratch)
            };
            match end {
                Some(end) => {
                    on_hit(start..end)?;
                    from = end;
                }
                None => from = start + text[start..].chars().next().map_or(1, char::len_utf8),
            }
        }
        ControlFlow::Continue(())
    }

    /// The hit that starts with the source token at byte `start`, if there is one: the
    /// first place inside that token's folding where the folded query begins.
    fn hit_at(
        &self,
        text: &str,
        start: usize,
        options: MatchOptions,
        folded: &mut Vec<(char, usize)>,
    ) -> Option<usize> {
        if !is_token_start(text, start) {
            return None;
        }
        folded.clear();
        let mut at = fold_into(text, start, options.folding, folded);
        let first_token = folded.len();
        let m = self.query.len();
        for o in 0..first_token {
            while folded.len() < o + m && at < text.len() {
                at = fold_into(text, at, options.folding, folded);
            }
            let window = folded.get(o..o + m)?;
            if window
                .iter()
                .map(|&(c, _)| c)
                .eq(self.query.iter().copied())
            {
                let end = window[m - 1].1;
                if !options.whole_word || is_whole_word(text, &(start..end)) {
                    return Some(end);
                }
            }
        }
        None
    }
}

/// Fold the token at `at` into `out` as (folded char, end of its token); returns the
/// end of the token.
fn fold_into(text: &str, at: usize, folding: Folding, out: &mut Vec<(char, usize)>) -> usize {
    let before = out.len();
    let end = fold_token(text, at, folding, &mut |c| out.push((c, 0)));
    for item in &mut out[before..] {
        item.1 = end;
    }
    end
}

impl Literal {
    /// Stretches of `text` (byte ranges on char boundaries) around the joiners that
    /// can be inside a hit, where the expression with optional joiners must run:
    /// `radius` bytes on each side, overlapping stretches joined. A run of joiners
    /// can be inside a hit only if the folded chars on its two sides are adjacent in
    /// the query; the ZWJ of a ত্‍ is part of its letter, not a free joiner.
    fn joiner_windows(&self, text: &str, folding: Folding) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let mut joiners: Vec<usize> = memchr::memmem::find_iter(bytes, "\u{200C}")
            .chain(memchr::memmem::find_iter(bytes, "\u{200D}"))
            .collect();
        joiners.sort_unstable();
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut i = 0;
        while i < joiners.len() {
            // A run of joiners [first, after).
            let first = joiners[i];
            let mut after = first + 3;
            i += 1;
            while joiners.get(i) == Some(&after) {
                after += 3;
                i += 1;
            }
            if !self.may_join(text, first, after, folding) {
                continue;
            }
            let mut start = first.saturating_sub(self.radius);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (after + self.radius).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            match out.last_mut() {
                Some(last) if start <= last.end => last.end = last.end.max(end),
                _ => out.push(start..end),
            }
        }
        out
    }

    /// True when the joiners at `first..after` may be inside a hit.
    fn may_join(&self, text: &str, first: usize, after: usize, folding: Folding) -> bool {
        let before = &text[..first];
        let Some(c) = before.chars().next_back() else {
            return false;
        };
        if before.ends_with("ত্") && text[first..].starts_with('\u{200D}') {
            // The first joiner closes a ত্‍: the next ones (if any) are free.
            return after > first + 3 && self.pairs.iter().any(|&(l, _)| l == 'ৎ');
        }
        let mut last = None;
        fold_char(c, folding, &mut |f| last = Some(f));
        let mut next = None;
        if after < text.len() {
            fold_token(text, after, folding, &mut |f| {
                next.get_or_insert(f);
            });
        }
        match (last, next) {
            (Some(l), Some(n)) => self.pairs.binary_search(&(l, n)).is_ok(),
            _ => false,
        }
    }
}

#[cfg(test)]
#[path = "matcher_tests.rs"]
mod tests;
