//! α_u against Krippendorff's published worked examples, with the data of DKPro
//! Statistics' tests `Krippendorff2004Test` and `Krippendorff1995Test`
//! (dkpro-statistics-agreement, `org.dkpro.statistics.agreement.unitizing`).

use proptest::prelude::*;

use super::*;

/// `x` rounded to four decimals, as the published figures are given.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn unit(coder: usize, category: &str, start: u64, len: u64) -> Unit {
    Unit {
        coder,
        category: category.to_owned(),
        span: Span::new(start, start + len),
    }
}

fn seg(start: u64, len: u64, unit: bool) -> Segment {
    Segment {
        span: Span::new(start, start + len),
        unit,
    }
}

/// Krippendorff (2004), *Content Analysis*, 2nd ed., p. 254: two observers, a
/// continuum of 300 positions starting at 150, categories c and k.
fn krippendorff_2004() -> UnitizingStudy {
    UnitizingStudy::new(
        2,
        Span::new(150, 450),
        [
            unit(0, "c", 225, 70),
            unit(0, "c", 370, 30),
            unit(1, "c", 220, 80),
            unit(1, "c", 355, 20),
            unit(1, "c", 400, 20),
            unit(0, "k", 180, 60),
            unit(0, "k", 300, 50),
            unit(1, "k", 180, 60),
            unit(1, "k", 300, 50),
        ],
    )
    .unwrap()
}

/// Krippendorff (1995), "On the reliability of unitizing contiguous data", p. 57:
/// four pairs of coders (categories A–D) on a continuum of 24 positions, every
/// position multiplied by `stretch`.
fn krippendorff_1995(stretch: u64) -> UnitizingStudy {
    let s = stretch;
    #[rustfmt::skip]
    let units = [
        // A  Bertha: 0 0|1 1 1 1 1 1 1 1|0 0 0 0|1 1 1 1 1 1|0 0 0 0
        //    Bill:   0 0 0 0|1 1 1 1|0 0 0 0 0 0 0|1 1|0 0 0 0 0 0 0
        (0, "A", 2, 8), (0, "A", 14, 6), (1, "A", 4, 4), (1, "A", 15, 2),
        // B  John:   1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1|0 0 0 0 0 0
        //    Jill:   1 1|1|1|1|1|1 1 1|1|0 0 0 0 0 0 0 0 0 0 0 0 0 0
        (0, "B", 0, 18), (1, "B", 0, 2), (1, "B", 2, 1), (1, "B", 3, 1), (1, "B", 4, 1),
        (1, "B", 5, 1), (1, "B", 6, 3), (1, "B", 9, 1),
        // C  Gerret: 0 0|1 1 1 1 1 1|0 0|1 1|0 0|1 1 1 1|0 0|1 1|0 0
        //    Gill:   1 1|0 0|1 1 1 1|0 0|1 1 1 1|0 0|1 1|0 0|1 1|0 0
        (0, "C", 2, 6), (0, "C", 10, 2), (0, "C", 14, 4), (0, "C", 20, 2),
        (1, "C", 0, 2), (1, "C", 4, 4), (1, "C", 10, 4), (1, "C", 16, 2), (1, "C", 20, 2),
        // D  Heather: 1 1|1 1 1 1 1 1 1 1|1 1 1 1|1 1 1 1 1 1|1 1 1 1
        //    Hill:    1 1 1 1|1 1 1 1|1 1 1 1 1 1 1|1 1|1 1 1 1 1 1 1
        (0, "D", 0, 2), (0, "D", 2, 8), (0, "D", 10, 4), (0, "D", 14, 6), (0, "D", 20, 4),
        (1, "D", 0, 4), (1, "D", 4, 4), (1, "D", 8, 7), (1, "D", 15, 2), (1, "D", 17, 7),
    ];
    UnitizingStudy::new(
        2,
        Span::new(0, 24 * s),
        units
            .into_iter()
            .map(|(coder, c, start, len)| unit(coder, c, start * s, len * s)),
    )
    .unwrap()
}

#[test]
fn krippendorff_2004_example_gives_the_published_alpha() {
    let study = krippendorff_2004();
    let c = study.category_alpha("c");
    assert_eq!(round4(c.observed.unwrap()), 0.0144);
    assert_eq!(round4(c.expected.unwrap()), 0.0532);
    assert_eq!(round4(c.alpha_u.value().unwrap()), 0.7286);
    let k = study.category_alpha("k");
    assert_eq!(round4(k.observed.unwrap()), 0.0);
    assert_eq!(round4(k.expected.unwrap()), 0.0490);
    assert_eq!(k.alpha_u.value(), Some(1.0));
    // The book gives 0.8591 for both categories together: 1 − 0.0144 / (0.0532 +
    // 0.0490), computed from its rounded per-category figures. Unrounded, the same
    // formula (mean D_o over mean D_e, as DKPro's `calculateAgreement`, whose test
    // allows 0.0005 here) gives 0.8587.
    let all = study.alpha();
    assert_eq!(round4(all.alpha_u.value().unwrap()), 0.8587);
    // Our per-category figures, rounded as the book rounds them, give its 0.8591.
    let rounded_o = round4(c.observed.unwrap()) + round4(k.observed.unwrap());
    let rounded_e = round4(c.expected.unwrap()) + round4(k.expected.unwrap());
    assert_eq!(round4(1.0 - rounded_o / rounded_e), 0.8591);
    assert_eq!(round4(all.observed.unwrap() * 2.0), 0.0144);
    assert_eq!(study.merged_units(), 0);
}

#[test]
fn krippendorff_1995_example_gives_the_published_observed_disagreements() {
    let study = krippendorff_1995(1);
    let observed = |c: &str| study.category_alpha(c).observed.unwrap();
    // Published to five decimals; DKPro's test allows 0.00001.
    for (c, published) in [
        ("A", 0.03125),
        ("B", 2.26736),
        ("C", 0.02777),
        ("D", 0.38715),
    ] {
        let got = observed(c);
        assert!(
            (got - published).abs() < 0.00001,
            "{c}: {got} vs {published}"
        );
    }
}

#[test]
fn krippendorff_1995_example_at_fine_resolution_gives_the_published_alphas() {
    // Krippendorff's D_e assumes a continuum fine enough to be continuous; DKPro's test
    // stretches every position by 50 000 and allows 0.005 for D_e and 0.02 for α_u
    // (the paper's D_e has a small error, their comment says).
    let study = krippendorff_1995(50_000);
    for (c, observed, expected, alpha) in [
        ("A", 0.03125, 0.06990, 0.553),
        ("B", 2.26736, 1.17731, -0.926),
        ("C", 0.02777, 0.08642, 0.679),
        ("D", 0.38715, 0.41445, 0.066),
    ] {
        let a = study.category_alpha(c);
        let (o, e, al) = (
            a.observed.unwrap(),
            a.expected.unwrap(),
            a.alpha_u.value().unwrap(),
        );
        assert!((o - observed).abs() < 0.00001, "{c} D_o {o}");
        assert!((e - expected).abs() < 0.005, "{c} D_e {e}");
        assert!((al - alpha).abs() < 0.02, "{c} α_u {al}");
    }
}

#[test]
fn distances_are_those_of_dkpro_measure_distance() {
    // Krippendorff2004Test.testDistanceMetric1/2: (offset, length, unit?) pairs.
    let d = |a: Segment, b: Segment| distance(a, b);
    assert_eq!(
        d(seg(2, 3, false), seg(2, 2, true)) + d(seg(5, 6, true), seg(4, 7, false)),
        40
    );
    assert_eq!(
        d(seg(3, 2, false), seg(3, 2, true)) + d(seg(5, 6, true), seg(5, 6, false)),
        40
    );
    assert_eq!(d(seg(5, 6, true), seg(4, 2, true)), 26);
    assert_eq!(d(seg(5, 6, true), seg(5, 2, true)), 16);
    assert_eq!(d(seg(5, 6, true), seg(6, 2, true)), 10);
    assert_eq!(d(seg(5, 6, true), seg(7, 2, true)), 8);
    assert_eq!(d(seg(5, 6, true), seg(6, 4, true)), 2);
    assert_eq!(d(seg(5, 6, true), seg(5, 6, true)), 0);
    assert_eq!(d(seg(225, 70, true), seg(220, 80, true)), 50);
    assert_eq!(d(seg(370, 30, true), seg(355, 20, true)), 850);
    assert_eq!(d(seg(400, 50, false), seg(400, 20, true)), 400);
    // A unit only partly inside the other's gap counts nothing.
    assert_eq!(d(seg(0, 10, false), seg(5, 10, true)), 0);
}

#[test]
fn overlapping_units_of_one_coder_are_merged_and_counted_but_touching_ones_are_not() {
    let study = UnitizingStudy::new(
        2,
        Span::new(0, 100),
        [
            unit(0, "x", 10, 10),
            unit(0, "x", 15, 10), // overlaps 10..20 → 10..25
            unit(0, "x", 12, 3),  // inside → absorbed
            unit(0, "x", 25, 5),  // touches 10..25 → stays apart
            unit(1, "x", 10, 15),
            unit(1, "y", 10, 15), // another category may overlap freely
        ],
    )
    .unwrap();
    assert_eq!(study.units("x", 0), [Span::new(10, 25), Span::new(25, 30)]);
    assert_eq!(study.units("x", 1), [Span::new(10, 25)]);
    assert_eq!(study.merged_units(), 2);
    assert_eq!(study.categories().collect::<Vec<_>>(), ["x", "y"]);
    assert_eq!(study.units("z", 0), &[] as &[Span]);
}

#[test]
fn nothing_to_compare_has_no_alpha() {
    let study = UnitizingStudy::new(2, Span::new(0, 10), [unit(0, "x", 0, 10)]).unwrap();
    assert_eq!(
        study.category_alpha("y").alpha_u,
        Measure::Undefined(Undefined::TagNotUsed)
    );
    // Both coders code the whole continuum as one unit: that is agreement, since
    // either could have cut it otherwise.
    let whole = UnitizingStudy::new(
        2,
        Span::new(0, 10),
        [unit(0, "x", 0, 10), unit(1, "x", 0, 10)],
    )
    .unwrap();
    assert_eq!(whole.category_alpha("x").alpha_u, Measure::Value(1.0));
    // Both coders mark every position as a unit of its own: no unit could have been
    // placed otherwise, so nothing is expected to differ.
    let every_position = UnitizingStudy::new(
        2,
        Span::new(0, 3),
        (0..2).flat_map(|coder| (0..3).map(move |at| unit(coder, "x", at, 1))),
    )
    .unwrap();
    let a = every_position.category_alpha("x");
    assert_eq!(
        a.alpha_u,
        Measure::Undefined(Undefined::NoExpectedDisagreement)
    );
    assert_eq!((a.observed, a.expected), (Some(0.0), Some(0.0)));
    let empty = UnitizingStudy::new(2, Span::new(0, 10), []).unwrap();
    assert_eq!(
        empty.alpha().alpha_u,
        Measure::Undefined(Undefined::NoTagUsed)
    );
}

#[test]
fn studies_that_cannot_be_made_say_why() {
    assert_eq!(
        UnitizingStudy::new(1, Span::new(0, 10), []),
        Err(StudyError::TooFewCoders(1))
    );
    assert_eq!(
        UnitizingStudy::new(2, Span::new(5, 5), []),
        Err(StudyError::EmptyContinuum)
    );
    assert!(matches!(
        UnitizingStudy::new(2, Span::new(0, 10), [unit(0, "x", 8, 3)]),
        Err(StudyError::UnitOutside { .. })
    ));
    assert!(matches!(
        UnitizingStudy::new(2, Span::new(0, 10), [unit(0, "x", 3, 0)]),
        Err(StudyError::UnitOutside { .. })
    ));
    assert!(matches!(
        UnitizingStudy::new(2, Span::new(0, 10), [unit(2, "x", 3, 1)]),
        Err(StudyError::UnknownCoder { .. })
    ));
}

/// Random studies: 2–4 coders, categories x and y, units anywhere in a continuum of
/// 1–300 positions (overlapping ones are merged).
fn study_parts() -> impl Strategy<Value = (usize, u64, Vec<Unit>)> {
    (2usize..5, 1u64..300).prop_flat_map(|(coders, len)| {
        let unit = (0..coders, 0..len, 1..=len, proptest::bool::ANY).prop_map(
            move |(coder, start, n, x)| Unit {
                coder,
                category: if x { "x" } else { "y" }.to_owned(),
                span: Span::new(start, (start + n).min(len)),
            },
        );
        (
            Just(coders),
            Just(len),
            proptest::collection::vec(unit, 0..20),
        )
    })
}

fn same(a: &AlphaU, b: &AlphaU) -> bool {
    let near = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        (x, y) => x.is_none() && y.is_none(),
    };
    near(a.alpha_u.value(), b.alpha_u.value())
        && a.alpha_u.reason() == b.alpha_u.reason()
        && near(a.observed, b.observed)
        && near(a.expected, b.expected)
}

proptest! {
    #[test]
    fn shifting_the_whole_study_changes_nothing(
        (coders, len, units) in study_parts(),
        shift in 1u64..1_000_000,
    ) {
        let at_zero = UnitizingStudy::new(coders, Span::new(0, len), units.clone()).unwrap();
        let moved = units.into_iter().map(|u| Unit {
            span: Span::new(u.span.start + shift, u.span.end + shift),
            ..u
        });
        let shifted = UnitizingStudy::new(coders, Span::new(shift, shift + len), moved).unwrap();
        prop_assert!(same(&at_zero.alpha(), &shifted.alpha()));
        for c in ["x", "y"] {
            prop_assert!(same(&at_zero.category_alpha(c), &shifted.category_alpha(c)));
        }
    }

    #[test]
    fn reordering_coders_changes_nothing((coders, len, units) in study_parts()) {
        let study = UnitizingStudy::new(coders, Span::new(0, len), units.clone()).unwrap();
        let reversed = units.into_iter().map(|u| Unit { coder: coders - 1 - u.coder, ..u });
        let other = UnitizingStudy::new(coders, Span::new(0, len), reversed).unwrap();
        prop_assert!(same(&study.alpha(), &other.alpha()));
        for c in ["x", "y"] {
            prop_assert!(same(&study.category_alpha(c), &other.category_alpha(c)));
        }
    }

    #[test]
    fn alpha_is_at_most_one_and_identical_codings_give_one(
        (coders, len, units) in study_parts(),
    ) {
        let study = UnitizingStudy::new(coders, Span::new(0, len), units.clone()).unwrap();
        for a in [study.alpha(), study.category_alpha("x"), study.category_alpha("y")] {
            prop_assert!(a.alpha_u.value().is_none_or(|v| v <= 1.0 + 1e-12), "{a:?}");
        }
        // Every coder codes what coder 0 coded.
        let first: Vec<Unit> = units.into_iter().filter(|u| u.coder == 0).collect();
        let copied = (0..coders).flat_map(|coder| first.iter().map(move |u| Unit { coder, ..u.clone() }));
        let identical = UnitizingStudy::new(coders, Span::new(0, len), copied).unwrap();
        for a in [identical.alpha(), identical.category_alpha("x"), identical.category_alpha("y")] {
            prop_assert!(a.alpha_u.value().is_none_or(|v| v == 1.0), "{a:?}");
            prop_assert_eq!(a.observed.unwrap_or(0.0), 0.0);
        }
    }
}
