//! Cohen's kappa and percentage agreement of two coders over the positions of a
//! continuum: each position is coded or not coded with a tag by each coder (the
//! per-character measure NVivo reports).

use super::measure::{Measure, Undefined};
use super::unitizing::Span;

/// Two coders' yes/no decisions over the same items, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Table2x2 {
    /// Coded by both.
    pub both: u64,
    /// Coded by the first coder only.
    pub only_a: u64,
    /// Coded by the second coder only.
    pub only_b: u64,
    /// Coded by neither.
    pub neither: u64,
}

impl Table2x2 {
    /// The table of two coders' units (each sorted and disjoint) over `len` positions.
    pub fn of_spans(a: &[Span], b: &[Span], len: u64) -> Table2x2 {
        let covered = |spans: &[Span]| spans.iter().map(Span::len).sum::<u64>();
        let (in_a, in_b) = (covered(a), covered(b));
        let both = overlap(a, b);
        Table2x2 {
            both,
            only_a: in_a - both,
            only_b: in_b - both,
            neither: len - (in_a + in_b - both),
        }
    }

    /// Number of items.
    pub fn total(&self) -> u64 {
        self.both + self.only_a + self.only_b + self.neither
    }

    /// Proportion of items both coders decided alike (p_o).
    pub fn observed_agreement(&self) -> Option<f64> {
        let n = self.total();
        (n > 0).then(|| (self.both + self.neither) as f64 / n as f64)
    }

    /// Agreement expected by chance from each coder's own proportions (p_e).
    pub fn chance_agreement(&self) -> Option<f64> {
        let n = self.total() as f64;
        if n == 0.0 {
            return None;
        }
        let yes_a = (self.both + self.only_a) as f64 / n;
        let yes_b = (self.both + self.only_b) as f64 / n;
        Some(yes_a * yes_b + (1.0 - yes_a) * (1.0 - yes_b))
    }

    /// Cohen's kappa, `(p_o − p_e) / (1 − p_e)`: undefined when neither coder coded
    /// anything (nothing to compare) or chance agreement is 1.
    pub fn kappa(&self) -> Measure {
        if self.both + self.only_a + self.only_b == 0 {
            return Measure::Undefined(Undefined::TagNotUsed);
        }
        let (Some(p_o), Some(p_e)) = (self.observed_agreement(), self.chance_agreement()) else {
            return Measure::Undefined(Undefined::TagNotUsed);
        };
        // Computed from counts, so that p_e = 1 is recognised exactly: it happens when
        // both coders coded every item (the only other way, coding nothing, is above).
        if self.neither == 0 && self.only_a == 0 && self.only_b == 0 {
            return Measure::Undefined(Undefined::NoChanceDisagreement);
        }
        Measure::ratio(p_o - p_e, 1.0 - p_e, Undefined::NoChanceDisagreement)
    }

    /// Percentage of items both coders decided alike (0–100); undefined when neither
    /// coded anything, which would be a silent 100 %.
    pub fn percent(&self) -> Measure {
        if self.both + self.only_a + self.only_b == 0 {
            return Measure::Undefined(Undefined::TagNotUsed);
        }
        match self.observed_agreement() {
            Some(p) => Measure::Value(100.0 * p),
            None => Measure::Undefined(Undefined::TagNotUsed),
        }
    }
}

/// Percentage of the `len` positions at which two coders applied exactly the same
/// tags (0–100). `per_tag` holds, for each tag, both coders' units (sorted and
/// disjoint). Undefined when neither coder used any of the tags.
pub fn same_codes_percent(per_tag: &[(&[Span], &[Span])], len: u64) -> Measure {
    if len == 0 || per_tag.iter().all(|(a, b)| a.is_empty() && b.is_empty()) {
        return Measure::Undefined(Undefined::NoTagUsed);
    }
    let differing: Vec<Span> = per_tag
        .iter()
        .flat_map(|(a, b)| symmetric_difference(a, b))
        .collect();
    let differing = union_len(differing);
    Measure::Value(100.0 * (len - differing) as f64 / len as f64)
}

/// The positions in exactly one of `a` and `b` (each sorted and disjoint), as sorted
/// disjoint spans.
fn symmetric_difference(a: &[Span], b: &[Span]) -> Vec<Span> {
    let mut points: Vec<u64> = a.iter().chain(b).flat_map(|s| [s.start, s.end]).collect();
    points.sort_unstable();
    points.dedup();
    let covers = |spans: &[Span], at: &mut usize, p: u64| {
        while *at < spans.len() && spans[*at].end <= p {
            *at += 1;
        }
        *at < spans.len() && spans[*at].start <= p
    };
    let (mut i, mut j) = (0, 0);
    let mut out: Vec<Span> = Vec::new();
    for w in points.windows(2) {
        let (p, q) = (w[0], w[1]);
        if covers(a, &mut i, p) != covers(b, &mut j, p) {
            match out.last_mut() {
                Some(last) if last.end == p => last.end = q,
                _ => out.push(Span::new(p, q)),
            }
        }
    }
    out
}

/// Number of positions covered by any of `spans`.
fn union_len(mut spans: Vec<Span>) -> u64 {
    spans.sort_unstable();
    let (mut total, mut reach) = (0, 0);
    for s in spans {
        let start = s.start.max(reach);
        if s.end > start {
            total += s.end - start;
            reach = s.end;
        }
    }
    total
}

/// Number of positions in both `a` and `b` (each sorted and disjoint).
pub(crate) fn overlap(a: &[Span], b: &[Span]) -> u64 {
    let (mut i, mut j, mut sum) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let start = a[i].start.max(b[j].start);
        let end = a[i].end.min(b[j].end);
        sum += end.saturating_sub(start);
        if a[i].end < b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round4(x: f64) -> f64 {
        (x * 10_000.0).round() / 10_000.0
    }

    fn table(both: u64, only_a: u64, only_b: u64, neither: u64) -> Table2x2 {
        Table2x2 {
            both,
            only_a,
            only_b,
            neither,
        }
    }

    #[test]
    fn kappa_of_textbook_two_by_two_tables() {
        // Wikipedia, "Cohen's kappa", simple example: 50 grant proposals, readers A and
        // B; 20 yes/yes, 5 A-yes/B-no, 10 A-no/B-yes, 15 no/no. p_o = 0.70, p_e = 0.50,
        // κ = 0.40.
        let t = table(20, 5, 10, 15);
        assert_eq!(round4(t.observed_agreement().unwrap()), 0.7);
        assert_eq!(round4(t.chance_agreement().unwrap()), 0.5);
        assert_eq!(round4(t.kappa().value().unwrap()), 0.4);
        assert_eq!(round4(t.percent().value().unwrap()), 70.0);
        // The same article, "same percentages but different numbers": both tables have
        // p_o = 0.60, yet κ = 0.1304 (45, 15, 25, 15) and κ = 0.2593 (25, 35, 5, 35).
        assert_eq!(
            round4(table(45, 15, 25, 15).kappa().value().unwrap()),
            0.1304
        );
        assert_eq!(
            round4(table(25, 35, 5, 35).kappa().value().unwrap()),
            0.2593
        );
    }

    #[test]
    fn kappa_over_positions_of_krippendorffs_1995_example() {
        // Krippendorff (1995), p. 57, pair A digitised position by position; DKPro's
        // Krippendorff1995Test gives Cohen's κ = 0.385 (to 0.001).
        //   Bertha: 0 0|1 1 1 1 1 1 1 1|0 0 0 0|1 1 1 1 1 1|0 0 0 0
        //   Bill:   0 0 0 0|1 1 1 1|0 0 0 0 0 0 0|1 1|0 0 0 0 0 0 0
        let bertha = [Span::new(2, 10), Span::new(14, 20)];
        let bill = [Span::new(4, 8), Span::new(15, 17)];
        let t = Table2x2::of_spans(&bertha, &bill, 24);
        assert_eq!(t, table(6, 8, 0, 10));
        // p_o = 16/24, p_e = (14·6 + 10·18)/24² = 264/576, κ = (384 − 264)/(576 − 264).
        assert_eq!(round4(t.kappa().value().unwrap()), round4(120.0 / 312.0));
        assert!((t.kappa().value().unwrap() - 0.385).abs() < 0.001);
        assert_eq!(Table2x2::of_spans(&bill, &bertha, 24).kappa(), t.kappa());
    }

    #[test]
    fn nothing_coded_or_everything_coded_has_no_kappa() {
        assert_eq!(
            table(0, 0, 0, 24).kappa(),
            Measure::Undefined(Undefined::TagNotUsed)
        );
        assert_eq!(
            table(0, 0, 0, 24).percent(),
            Measure::Undefined(Undefined::TagNotUsed)
        );
        assert_eq!(
            table(24, 0, 0, 0).kappa(),
            Measure::Undefined(Undefined::NoChanceDisagreement)
        );
        assert_eq!(table(24, 0, 0, 0).percent(), Measure::Value(100.0));
        // One coder coded something, the other nothing: defined, and no better than
        // chance.
        assert_eq!(table(0, 4, 0, 20).kappa(), Measure::Value(0.0));
        assert_eq!(table(0, 0, 0, 0).kappa().value(), None);
    }

    #[test]
    fn same_codes_percent_counts_positions_where_every_tag_agrees() {
        // 10 positions. Tag x: A 0..4, B 2..4 (differ at 0, 1). Tag y: A 3..5, B 3..6
        // (differ at 5). Same codes at 7 of 10.
        let (ax, bx) = ([Span::new(0, 4)], [Span::new(2, 4)]);
        let (ay, by) = ([Span::new(3, 5)], [Span::new(3, 6)]);
        let per_tag: [(&[Span], &[Span]); 2] = [(&ax, &bx), (&ay, &by)];
        assert_eq!(same_codes_percent(&per_tag, 10), Measure::Value(70.0));
        assert_eq!(
            same_codes_percent(&[(&[], &[])], 10),
            Measure::Undefined(Undefined::NoTagUsed)
        );
        assert_eq!(
            symmetric_difference(&[Span::new(0, 5), Span::new(5, 8)], &[Span::new(2, 3)]),
            [Span::new(0, 2), Span::new(3, 8)]
        );
        assert_eq!(
            union_len(vec![Span::new(5, 9), Span::new(0, 6), Span::new(7, 8)]),
            9
        );
    }

    #[test]
    fn overlap_counts_shared_positions() {
        let a = [Span::new(0, 5), Span::new(10, 20)];
        let b = [Span::new(3, 12), Span::new(15, 16), Span::new(19, 30)];
        assert_eq!(overlap(&a, &b), 2 + 2 + 1 + 1);
        assert_eq!(overlap(&b, &a), 6);
        assert_eq!(overlap(&a, &[]), 0);
    }
}
