//! Krippendorff's unitizing alpha (α_u) for a continuum that coders cut into units of
//! categories, as defined by Krippendorff (1995, 2004) and implemented in DKPro
//! Statistics (`KrippendorffAlphaUnitizingAgreement`); see the module documentation
//! of [`super`] for the formulas and sources.
//!
//! Positions are plain integers here (Pathok passes code points of the continuum).

use std::collections::BTreeMap;

use serde::Serialize;

use super::measure::{Measure, Undefined};
use crate::tr;

/// A stretch `start..end` of the continuum: `start` inclusive, `end` exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First position (inclusive).
    pub start: u64,
    /// One past the last position (exclusive).
    pub end: u64,
}

impl Span {
    /// The span `start..end` (`start <= end` is the caller's duty; an inverted span
    /// counts as empty).
    pub fn new(start: u64, end: u64) -> Span {
        Span { start, end }
    }

    /// Number of positions covered.
    pub fn len(&self) -> u64 {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no position.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One unit a coder marked, in one category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// The coder, `0..coders`.
    pub coder: usize,
    /// The category (a tag name in Pathok).
    pub category: String,
    /// Where it lies in the continuum.
    pub span: Span,
}

/// Why a study cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StudyError {
    /// α_u compares coders: it needs at least two.
    #[error("{}", tr!("agreement-too-few-coders", count = *.0))]
    TooFewCoders(usize),
    /// The continuum has no position.
    #[error("{}", tr!("agreement-empty-continuum"))]
    EmptyContinuum,
    /// A unit is empty or reaches outside the continuum.
    #[error("{}", tr!(
        "agreement-unit-outside",
        start = *.start,
        end = *.end,
        coder = *.coder
    ))]
    UnitOutside {
        /// The unit's coder.
        coder: usize,
        /// The unit's start.
        start: u64,
        /// The unit's end.
        end: u64,
    },
    /// A unit names a coder beyond the study's coders.
    #[error("{}", tr!("agreement-unknown-coder", coder = *.coder, coders = *.coders))]
    UnknownCoder {
        /// The coder named.
        coder: usize,
        /// How many coders the study has.
        coders: usize,
    },
}

/// α_u of one category or of all, with the disagreements it is made of.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlphaU {
    /// `1 − observed / expected`, or why there is none.
    pub alpha_u: Measure,
    /// Observed disagreement D_o (`None` when the category was not used).
    pub observed: Option<f64>,
    /// Expected disagreement D_e (`None` when the category was not used).
    pub expected: Option<f64>,
}

/// A unitizing study: `coders` coders have marked units of categories on one
/// continuum.
///
/// α_u assumes that one coder's units of one category do not overlap. Overlapping
/// units of one coder in one category (sharing at least one position) are merged into
/// their union when the study is made, and counted ([`UnitizingStudy::merged_units`]);
/// units that only touch stay apart, as in Krippendorff's examples.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitizingStudy {
    coders: usize,
    continuum: Span,
    /// Category → each coder's units, sorted and disjoint.
    units: BTreeMap<String, Vec<Vec<Span>>>,
    merged: usize,
}

impl UnitizingStudy {
    /// A study of `coders` coders over `continuum` with these units (in any order).
    pub fn new(
        coders: usize,
        continuum: Span,
        units: impl IntoIterator<Item = Unit>,
    ) -> Result<UnitizingStudy, StudyError> {
        if coders < 2 {
            return Err(StudyError::TooFewCoders(coders));
        }
        if continuum.is_empty() {
            return Err(StudyError::EmptyContinuum);
        }
        let mut by_category: BTreeMap<String, Vec<Vec<Span>>> = BTreeMap::new();
        for unit in units {
            let Unit {
                coder,
                category,
                span,
            } = unit;
            if coder >= coders {
                return Err(StudyError::UnknownCoder { coder, coders });
            }
            if span.is_empty() || span.start < continuum.start || span.end > continuum.end {
                return Err(StudyError::UnitOutside {
                    coder,
                    start: span.start,
                    end: span.end,
                });
            }
            by_category
                .entry(category)
                .or_insert_with(|| vec![Vec::new(); coders])[coder]
                .push(span);
        }
        let mut merged = 0;
        for spans in by_category.values_mut().flatten() {
            merged += merge_overlaps(spans);
        }
        Ok(UnitizingStudy {
            coders,
            continuum,
            units: by_category,
            merged,
        })
    }

    /// Number of coders.
    pub fn coders(&self) -> usize {
        self.coders
    }

    /// The continuum.
    pub fn continuum(&self) -> Span {
        self.continuum
    }

    /// The categories that have at least one unit, in name order.
    pub fn categories(&self) -> impl Iterator<Item = &str> + '_ {
        self.units.keys().map(String::as_str)
    }

    /// The units of `coder` in `category`: sorted, disjoint (after merging overlaps).
    pub fn units(&self, category: &str, coder: usize) -> &[Span] {
        self.units
            .get(category)
            .and_then(|per_coder| per_coder.get(coder))
            .map_or(&[], Vec::as_slice)
    }

    /// How many units were merged into another unit of the same coder and category
    /// because they overlapped it.
    pub fn merged_units(&self) -> usize {
        self.merged
    }

    /// α_u of `category`, with its observed and expected disagreement. A category
    /// without units, or with zero expected disagreement, has no α_u.
    pub fn category_alpha(&self, category: &str) -> AlphaU {
        let Some(per_coder) = self.units.get(category) else {
            return AlphaU {
                alpha_u: Measure::Undefined(Undefined::TagNotUsed),
                observed: None,
                expected: None,
            };
        };
        let observed = self.observed(per_coder);
        let expected = self.expected(per_coder);
        AlphaU {
            alpha_u: alpha_of(observed, expected),
            observed: Some(observed),
            expected: Some(expected),
        }
    }

    /// α_u over all categories: `1 − mean D_o / mean D_e`, the means taken over the
    /// categories that have units (as DKPro's `calculateAgreement`).
    pub fn alpha(&self) -> AlphaU {
        if self.units.is_empty() {
            return AlphaU {
                alpha_u: Measure::Undefined(Undefined::NoTagUsed),
                observed: None,
                expected: None,
            };
        }
        let (mut observed, mut expected) = (0.0, 0.0);
        for per_coder in self.units.values() {
            observed += self.observed(per_coder);
            expected += self.expected(per_coder);
        }
        let n = self.units.len() as f64;
        let (observed, expected) = (observed / n, expected / n);
        AlphaU {
            alpha_u: alpha_of(observed, expected),
            observed: Some(observed),
            expected: Some(expected),
        }
    }

    /// Observed disagreement of one category: the sum of δ² over every pair of coders
    /// and every pair of their overlapping segments (units and gaps), divided by
    /// `m(m−1)L²` with each unordered pair counted twice.
    fn observed(&self, per_coder: &[Vec<Span>]) -> f64 {
        let segments: Vec<Vec<Segment>> = per_coder
            .iter()
            .map(|units| segments(units, self.continuum))
            .collect();
        let mut sum: u128 = 0;
        for (i, a) in segments.iter().enumerate() {
            for b in &segments[i + 1..] {
                sum += pair_disagreement(a, b);
            }
        }
        let m = self.coders as f64;
        let l = self.continuum.len() as f64;
        2.0 * sum as f64 / (m * (m - 1.0) * l * l)
    }

    /// Expected disagreement of one category (Krippendorff 2004, p. 253; DKPro's
    /// `calculateExpectedCategoryDisagreement`): every unit of every coder set against
    /// every other unit and every gap (of all coders) it could fall into.
    fn expected(&self, per_coder: &[Vec<Span>]) -> f64 {
        let lengths: Vec<u128> = per_coder.iter().flatten().map(|u| u.len().into()).collect();
        let n_c = lengths.len() as u128;
        let mut gaps: Vec<u128> = per_coder
            .iter()
            .flat_map(|units| segments(units, self.continuum))
            .filter(|s| !s.unit)
            .map(|s| s.span.len().into())
            .collect();
        gaps.sort_unstable();
        // suffix[i] = sum of gaps[i..], so that the gaps at least as long as a unit are
        // summed with one binary search.
        let mut suffix = vec![0u128; gaps.len() + 1];
        for i in (0..gaps.len()).rev() {
            suffix[i] = suffix[i + 1] + gaps[i];
        }
        let mut numerator: u128 = 0;
        let mut squared_lengths: u128 = 0;
        for &l in &lengths {
            squared_lengths += l * (l - 1);
            // (2l³ − 3l² + l) / 3 = l(l−1)(2l−1) / 3, always a whole number.
            let with_units = (n_c - 1) * (l * (l - 1) * (2 * l - 1) / 3);
            let first = gaps.partition_point(|&g| g < l);
            let fitting = (gaps.len() - first) as u128;
            // Σ over gaps g ≥ l of (g − l + 1).
            let placements = suffix[first] + fitting - fitting * l;
            numerator += with_units + l * l * placements;
        }
        let m = self.coders as u128;
        let big_l = u128::from(self.continuum.len());
        let denominator = m * big_l * (m * big_l - 1) - squared_lengths;
        2.0 * numerator as f64 / (big_l as f64 * denominator as f64)
    }
}

fn alpha_of(observed: f64, expected: f64) -> Measure {
    Measure::ratio(
        expected - observed,
        expected,
        Undefined::NoExpectedDisagreement,
    )
}

/// Merge overlapping spans (sharing a position) into their union, keeping touching
/// ones apart; sorts `spans`. Returns how many spans were absorbed.
fn merge_overlaps(spans: &mut Vec<Span>) -> usize {
    spans.sort_unstable();
    let before = spans.len();
    let mut out: Vec<Span> = Vec::with_capacity(before);
    for s in spans.drain(..) {
        match out.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    *spans = out;
    before - spans.len()
}

/// A unit or a gap of one coder.
#[derive(Clone, Copy, Debug)]
struct Segment {
    span: Span,
    unit: bool,
}

/// A coder's units and the gaps between them, covering the continuum in order.
fn segments(units: &[Span], continuum: Span) -> Vec<Segment> {
    let mut out = Vec::with_capacity(2 * units.len() + 1);
    let mut at = continuum.start;
    for &u in units {
        if u.start > at {
            out.push(Segment {
                span: Span::new(at, u.start),
                unit: false,
            });
        }
        out.push(Segment {
            span: u,
            unit: true,
        });
        at = u.end;
    }
    if at < continuum.end {
        out.push(Segment {
            span: Span::new(at, continuum.end),
            unit: false,
        });
    }
    out
}

/// Σ δ² over the overlapping segments of two coders (both cover the continuum).
fn pair_disagreement(a: &[Segment], b: &[Segment]) -> u128 {
    let (mut i, mut j) = (0, 0);
    let mut sum = 0;
    while i < a.len() && j < b.len() {
        sum += distance(a[i], b[j]);
        match a[i].span.end.cmp(&b[j].span.end) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// δ² of two overlapping segments (Krippendorff 2004, p. 252; DKPro's
/// `measureDistance`): two units differ by the squares of their start and end
/// differences; a unit lying wholly inside the other coder's gap counts its length
/// squared; anything else (gap against gap, a unit only partly in a gap) counts zero.
fn distance(a: Segment, b: Segment) -> u128 {
    let sq = |x: u64, y: u64| u128::from(x.abs_diff(y)).pow(2);
    let inside = |u: Span, gap: Span| gap.start <= u.start && u.end <= gap.end;
    match (a.unit, b.unit) {
        (true, true) => sq(a.span.start, b.span.start) + sq(a.span.end, b.span.end),
        (true, false) if inside(a.span, b.span) => u128::from(a.span.len()).pow(2),
        (false, true) if inside(b.span, a.span) => u128::from(b.span.len()).pow(2),
        _ => 0,
    }
}

#[cfg(test)]
#[path = "unitizing_tests.rs"]
mod tests;
