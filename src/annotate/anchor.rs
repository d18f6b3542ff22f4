//! Re-anchoring: finding an annotation's text again after the article changed.
//!
//! The Hypothesis approach, made conservative: (1) exact quote occurrences (the old
//! position among them) scored by how well the surrounding text agrees with the stored
//! prefix/suffix, distance to the old position breaking near-ties only; (2) failing
//! that, a bounded fuzzy match (edit distance ≤ ¼ of the quote) near the old position
//! and near places where the context is found again, whose context must agree too.
//! Two candidates that score alike, or a best candidate whose context does not agree,
//! make the annotation **orphaned**: it keeps its quote and is never applied silently.
//!
//! **Short quotes** ("ও", a word) occur all over an article, so the quote itself says
//! almost nothing about where it belongs: below [`SHORT_QUOTE`] chars, the context on
//! *each* side must agree (not just their mean), or the annotation is orphaned.
//!
//! **Shifting before searching.** The search above costs a pass over every occurrence
//! of the quote: for 3,000 one-word annotations in a 400,000-char article, over a
//! minute. But an edit changes one region and shifts the rest: after a line added at
//! the top, every annotation sits at its old position plus the line's length. A diff
//! of the old and new text would say so — but the old text is not kept (a sidecar
//! stores each annotation's position, quote and 32 chars of context on each side, and
//! the article's SHA-256; the article on disk has already changed). What is kept is
//! enough, though: an annotation's prefix, quote and suffix are 65 or more chars of
//! the *old* text at a known old position. So annotations are taken in text order,
//! and each is first looked for at its old position shifted by the *delta* of the
//! annotation before it (0 at first; after each placement, new minus old start): if
//! the quote and both contexts are there exactly, the old text around it is unchanged
//! and merely shifted, and it is placed there without a search — exactly as an
//! annotation whose quote and context are still at its old position is. Only the
//! first annotation after each edited region is searched; its placement gives the
//! delta for those after it. (An exact-context check at a delta learned from a
//! neighbour is the same evidence as at the old position; a place that fits only by
//! coincidence would need 65 identical chars.)

use super::{Annotation, AnnotationId, AnnotationSet, CONTEXT_CHARS, Status};
use crate::text::{ByteOffset, CharOffset, CharRange, SourceText, snap_range};
use crate::tr;

/// Minimum context agreement (0..=1, mean of prefix and suffix similarity).
const MIN_CONTEXT: f64 = 0.65;
/// Two candidates closer than this in score are ambiguous.
const MARGIN: f64 = 0.1;
/// Quotes longer than this (in chars) are not fuzzy-matched (cost is quadratic).
const MAX_FUZZY_CHARS: usize = 2000;
/// Chars next to the quote compared position by position (see [`side_similarity`]).
const NEAR_CHARS: usize = 8;
/// At most this many exact occurrences are scored.
const MAX_OCCURRENCES: usize = 10_000;
/// Quotes shorter than this (in chars) need both sides of their context to agree.
const SHORT_QUOTE: usize = 16;
/// For a short quote, the least similarity of each side of the context.
const SHORT_SIDE_MIN: f64 = 0.8;

/// Why an annotation could not be anchored again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrphanReason {
    /// The quote (or anything close to it) is not in the text.
    NotFound,
    /// Several places fit equally well.
    Ambiguous {
        /// How many places fit.
        candidates: usize,
    },
    /// The quote is there, but not in a context like the stored one.
    WeakContext,
}

impl std::fmt::Display for OrphanReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            OrphanReason::NotFound => tr!("orphan-not-found"),
            OrphanReason::Ambiguous { candidates } => {
                tr!("orphan-ambiguous", count = *candidates)
            }
            OrphanReason::WeakContext => tr!("orphan-weak-context"),
        };
        f.write_str(&text)
    }
}

/// What re-anchoring did to one annotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnchorOutcome {
    /// Still at the same place.
    Anchored,
    /// Found at another place; `edits` is the edit distance between the old quote and
    /// the new text (0 for an exact match).
    Moved {
        /// The old range.
        from: CharRange,
        /// The new range.
        to: CharRange,
        /// Edit distance between old quote and new text.
        edits: usize,
    },
    /// Not found with confidence; kept unchanged with status orphaned.
    Orphaned {
        /// Why.
        reason: OrphanReason,
    },
}

/// Per-annotation outcomes of [`reanchor`], in the set's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnchorReport {
    /// One entry per annotation.
    pub outcomes: Vec<(AnnotationId, AnchorOutcome)>,
}

impl AnchorReport {
    /// How many annotations moved.
    pub fn moved(&self) -> usize {
        self.outcomes
            .iter()
            .filter(|(_, o)| matches!(o, AnchorOutcome::Moved { .. }))
            .count()
    }

    /// The orphaned annotations and why.
    pub fn orphans(&self) -> impl Iterator<Item = (AnnotationId, &OrphanReason)> + '_ {
        self.outcomes.iter().filter_map(|(id, o)| match o {
            AnchorOutcome::Orphaned { reason } => Some((*id, reason)),
            _ => None,
        })
    }
}

/// Find `a` in `text` without changing it. `Ok((range, edits))` is where it belongs
/// (on cluster boundaries).
pub fn anchor(text: &SourceText, a: &Annotation) -> Result<(CharRange, usize), OrphanReason> {
    if a.quote.is_empty() {
        return Err(OrphanReason::NotFound);
    }
    let quote_len = a.quote.chars().count();
    let exact: Vec<Candidate> = occurrences(text, &a.quote)
        .into_iter()
        .map(|start| Candidate::new(text, a, CharRange::new(start, start + quote_len), 0))
        .collect();
    match choose(&exact) {
        Choice::One(c) => return Ok((c.range, 0)),
        Choice::Ambiguous(n) => return Err(OrphanReason::Ambiguous { candidates: n }),
        Choice::None => {}
    }
    let mut fuzzy = fuzzy_candidates(text, a, quote_len);
    let found_fuzzy = !fuzzy.is_empty();
    fuzzy.extend_from_slice(&exact);
    match choose(&fuzzy) {
        Choice::One(c) => Ok((snap_range(text, c.range), c.edits)),
        Choice::Ambiguous(n) => Err(OrphanReason::Ambiguous { candidates: n }),
        Choice::None if exact.is_empty() && !found_fuzzy => Err(OrphanReason::NotFound),
        Choice::None => Err(OrphanReason::WeakContext),
    }
}

/// True when `a`'s quote and both its stored contexts are exactly at `start` in `text`
/// — as far as both texts go: a context cut short by the start or end of either text
/// (the article was cut right after the quote, or the quote was near its start) is
/// compared over the part both have.
fn intact_at(text: &SourceText, a: &Annotation, start: usize) -> bool {
    let Some(end) = start.checked_add(a.end.0.saturating_sub(a.start.0)) else {
        return false;
    };
    end <= text.char_len()
        && text.slice(CharRange::new(start, end)) == a.quote
        && same_up_to_edge(
            &a.prefix,
            text.before(CharOffset(start), CONTEXT_CHARS),
            true,
        )
        && same_up_to_edge(&a.suffix, text.after(CharOffset(end), CONTEXT_CHARS), false)
}

/// True when the nearest chars of `stored` and `actual` (a context before the quote
/// when `before`) are the same over the length of the shorter. Contexts are shorter
/// than [`CONTEXT_CHARS`] only where a text begins or ends.
fn same_up_to_edge(stored: &str, actual: &str, before: bool) -> bool {
    if stored == actual {
        return true;
    }
    let n = stored.chars().count().min(actual.chars().count());
    if before {
        stored
            .chars()
            .rev()
            .take(n)
            .eq(actual.chars().rev().take(n))
    } else {
        stored.chars().take(n).eq(actual.chars().take(n))
    }
}

/// Anchor every annotation of `set` in `text` again and apply the results: moved
/// annotations get their new range, quote and context; orphans are kept unchanged
/// but marked [`Status::Orphaned`]. `modified` is not touched (this is not a user
/// edit). See the module documentation for the shift by the edit's delta that spares
/// most annotations the search.
pub fn reanchor(text: &SourceText, set: &mut AnnotationSet) -> AnchorReport {
    let mut report = AnchorReport::default();
    // The shift of the last annotation placed (new start minus old start).
    let mut delta: isize = 0;
    set.update_all(|a| {
        // A picture region has no text: a changed text leaves it where it is (a
        // changed picture is checked by `AnnotationSet::flag_changed_images`).
        if a.is_region() {
            report.outcomes.push((a.id, AnchorOutcome::Anchored));
            return;
        }
        let old = a.range();
        let shifted = old.start.0.checked_add_signed(delta).filter(|_| delta != 0);
        let found = if intact_at(text, a, old.start.0) {
            Ok((old, 0))
        } else if let Some(start) = shifted.filter(|&s| intact_at(text, a, s)) {
            Ok((CharRange::new(start, start + old.len()), 0))
        } else {
            anchor(text, a)
        };
        let outcome = match found {
            Ok((to, edits)) => {
                delta = to.start.0 as isize - old.start.0 as isize;
                if to == old {
                    // Same place, but the quote (fuzzy match) or context (an edit
                    // nearby, a text cut short) may differ: store what is there now.
                    if text.slice(to) != a.quote
                        || text.before(to.start, CONTEXT_CHARS) != a.prefix
                        || text.after(to.end, CONTEXT_CHARS) != a.suffix
                    {
                        a.set_range(text, to);
                    }
                    if a.status == Status::Orphaned {
                        a.status = Status::Anchored;
                    }
                    AnchorOutcome::Anchored
                } else {
                    a.set_range(text, to);
                    a.status = Status::Moved;
                    AnchorOutcome::Moved {
                        from: old,
                        to,
                        edits,
                    }
                }
            }
            Err(reason) => {
                a.status = Status::Orphaned;
                AnchorOutcome::Orphaned { reason }
            }
        };
        report.outcomes.push((a.id, outcome));
    });
    report
}

#[derive(Clone, Copy, Debug)]
struct Candidate {
    range: CharRange,
    edits: usize,
    score: f64,
    /// The context agrees enough for this place to be chosen: the mean of both sides
    /// reaches [`MIN_CONTEXT`] and, for a short quote, each side [`SHORT_SIDE_MIN`].
    agrees: bool,
}

impl Candidate {
    fn new(text: &SourceText, a: &Annotation, range: CharRange, edits: usize) -> Self {
        let stored_prefix = &a.prefix;
        let stored_suffix = &a.suffix;
        let before = text.before(range.start, CONTEXT_CHARS);
        let after = text.after(range.end, CONTEXT_CHARS);
        let short = a.quote.chars().count() < SHORT_QUOTE;
        // A side's similarity is at most (1 + near) / 2 (see `side_similarity`): skip
        // the edit distances for places that cannot pass. Most occurrences of a short
        // quote are such places.
        let bound = |stored: &str, actual: &str, before: bool| match near_similarity(
            stored, actual, before,
        ) {
            None => 1.0,
            Some(near) => (1.0 + near) / 2.0,
        };
        let (prefix_bound, suffix_bound) = (
            bound(stored_prefix, before, true),
            bound(stored_suffix, after, false),
        );
        let hopeless = (prefix_bound + suffix_bound) / 2.0 < MIN_CONTEXT
            || (short && prefix_bound.min(suffix_bound) < SHORT_SIDE_MIN);
        if hopeless {
            return Candidate {
                range,
                edits,
                score: f64::NEG_INFINITY,
                agrees: false,
            };
        }
        let prefix = side_similarity(stored_prefix, before, true);
        let suffix = side_similarity(stored_suffix, after, false);
        let context = (prefix + suffix) / 2.0;
        let len = text.char_len().max(1) as f64;
        let distance = (range.start.0 as f64 - a.start.0 as f64).abs() / len;
        let quote = edits as f64 / a.quote.chars().count().max(1) as f64;
        // Distance weighs less than MARGIN, so it only orders, never decides alone.
        let score = context - quote - 0.05 * distance;
        Candidate {
            range,
            edits,
            score,
            agrees: context >= MIN_CONTEXT && (!short || prefix.min(suffix) >= SHORT_SIDE_MIN),
        }
    }
}

enum Choice {
    One(Candidate),
    Ambiguous(usize),
    None,
}

/// The clear winner among candidates whose context agrees, if there is one.
///
/// Overlapping candidates are one place, represented by its closest match (fewest
/// edits): a fuzzy variant of an exact occurrence whose context is weak must not win
/// over it.
fn choose(candidates: &[Candidate]) -> Choice {
    let mut all = candidates.to_vec();
    all.sort_by(|a, b| a.edits.cmp(&b.edits).then(b.score.total_cmp(&a.score)));
    // Places taken so far, by start (they never overlap, so their ends ascend too).
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut places: Vec<Candidate> = Vec::new();
    for c in all {
        let (start, end) = (c.range.start.0, c.range.end.0);
        let overlaps = taken
            .range(..end.max(start + 1))
            .next_back()
            .is_some_and(|(&s, &e)| e > start || (s == start && e == end));
        if !overlaps {
            taken.insert(start, end);
            places.push(c);
        }
    }
    places.retain(|c| c.agrees);
    places.sort_by(|a, b| b.score.total_cmp(&a.score));
    match places.as_slice() {
        [] => Choice::None,
        [one] => Choice::One(*one),
        [best, second, ..] if best.score - second.score >= MARGIN => Choice::One(*best),
        [best, rest @ ..] => {
            let close = rest
                .iter()
                .filter(|c| best.score - c.score < MARGIN)
                .count();
            Choice::Ambiguous(close + 1)
        }
    }
}

/// Char offsets of every (possibly overlapping) occurrence of `needle`.
fn occurrences(text: &SourceText, needle: &str) -> Vec<usize> {
    let hay = text.as_str();
    let step = needle.chars().next().map_or(1, char::len_utf8);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = hay.get(from..).and_then(|h| h.find(needle)) {
        out.push(text.char_of_byte(ByteOffset(from + i)).0);
        if out.len() >= MAX_OCCURRENCES {
            break;
        }
        from += i + step;
    }
    out
}

/// Fuzzy matches near the old position and where the context is found again.
fn fuzzy_candidates(text: &SourceText, a: &Annotation, quote_len: usize) -> Vec<Candidate> {
    let max_edits = quote_len / 4;
    if max_edits == 0 || quote_len > MAX_FUZZY_CHARS {
        return Vec::new();
    }
    let mut centers = vec![a.start.0.min(text.char_len())];
    let tail: String = {
        let chars: Vec<char> = a.prefix.chars().collect();
        chars[chars.len().saturating_sub(16)..].iter().collect()
    };
    let head: String = a.suffix.chars().take(16).collect();
    if tail.chars().count() >= 6 {
        let n = tail.chars().count();
        centers.extend(occurrences(text, &tail).into_iter().take(32).map(|s| s + n));
    }
    if head.chars().count() >= 6 {
        let back = |s: usize| s.saturating_sub(quote_len);
        centers.extend(occurrences(text, &head).into_iter().take(32).map(back));
    }
    centers.sort_unstable();
    centers.dedup();
    let quote: Vec<char> = a.quote.chars().collect();
    let slack = max_edits + 8;
    let mut out = Vec::new();
    for center in centers {
        let lo = center.saturating_sub(slack);
        let hi = (center + quote_len + slack).min(text.char_len());
        let window: Vec<char> = text.slice(CharRange::new(lo, hi)).chars().collect();
        if let Some((s, e, edits)) = best_substring_match(&quote, &window)
            && edits <= max_edits
            && e > s
        {
            out.push(Candidate::new(
                text,
                a,
                CharRange::new(lo + s, lo + e),
                edits,
            ));
        }
    }
    out
}

/// The substring of `text` closest to `pattern` in edit distance: `(start, end, distance)`.
fn best_substring_match(pattern: &[char], text: &[char]) -> Option<(usize, usize, usize)> {
    let w = text.len();
    let mut prev: Vec<usize> = vec![0; w + 1];
    let mut prev_start: Vec<usize> = (0..=w).collect();
    let mut cur = vec![0; w + 1];
    let mut cur_start = vec![0; w + 1];
    for (i, &p) in pattern.iter().enumerate() {
        cur[0] = i + 1;
        cur_start[0] = 0;
        for j in 1..=w {
            let sub = prev[j - 1] + usize::from(p != text[j - 1]);
            let del = prev[j] + 1;
            let ins = cur[j - 1] + 1;
            (cur[j], cur_start[j]) = if sub <= del && sub <= ins {
                (sub, prev_start[j - 1])
            } else if del <= ins {
                (del, prev_start[j])
            } else {
                (ins, cur_start[j - 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
        std::mem::swap(&mut prev_start, &mut cur_start);
    }
    (0..=w)
        .min_by_key(|&j| prev[j])
        .map(|j| (prev_start[j], j, prev[j]))
}

/// How well the context on one side of a candidate agrees with the stored one (0..=1).
///
/// Half is the edit-distance similarity of the whole context (tolerant of small edits
/// further away), half is a position-by-position comparison of the nearest
/// [`NEAR_CHARS`] chars ([`near_similarity`]). The second part is intolerant of shifts:
/// a neighbouring copy of the quote, whose context is the true context shifted by a
/// few chars, does not pass for the real place.
fn side_similarity(stored: &str, actual: &str, before: bool) -> f64 {
    let Some(near) = near_similarity(stored, actual, before) else {
        return 1.0;
    };
    let mut a: Vec<char> = stored.chars().collect();
    let mut b: Vec<char> = actual.chars().collect();
    if before {
        // Compare outward from the quote.
        a.reverse();
        b.reverse();
    }
    let longest = a.len().max(b.len());
    let whole = 1.0 - levenshtein(&a, &b) as f64 / longest as f64;
    (whole + near) / 2.0
}

/// The share of the nearest [`NEAR_CHARS`] chars next to the quote that are the same,
/// position by position, counting outward from the quote; `None` when both sides are
/// empty (nothing to compare: they agree).
fn near_similarity(stored: &str, actual: &str, before: bool) -> Option<f64> {
    let (same, stored_len, actual_len) = if before {
        let pairs = stored.chars().rev().zip(actual.chars().rev());
        let same = pairs.take(NEAR_CHARS).filter(|(x, y)| x == y).count();
        (
            same,
            stored.chars().rev().take(NEAR_CHARS).count(),
            actual.chars().rev().take(NEAR_CHARS).count(),
        )
    } else {
        let pairs = stored.chars().zip(actual.chars());
        let same = pairs.take(NEAR_CHARS).filter(|(x, y)| x == y).count();
        (
            same,
            stored.chars().take(NEAR_CHARS).count(),
            actual.chars().take(NEAR_CHARS).count(),
        )
    };
    let near_len = stored_len.max(actual_len);
    (near_len > 0).then(|| same as f64 / near_len as f64)
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
#[path = "anchor_tests.rs"]
mod tests;
