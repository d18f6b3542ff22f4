//! Agreement reports over coded articles: a hand-computed example, every "nothing to
//! compare" case, what is left out and counted, and properties.

use proptest::prelude::*;

use super::*;
use crate::agreement::testing::{ann, article, corpus, orphaned};

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn report(coding: &CorpusCoding, coders: Option<&[&str]>, tags: &[&str]) -> AgreementReport {
    let options = AgreementOptions {
        coders: coders.map(|c| c.iter().map(|s| (*s).to_owned()).collect()),
        tags: tags.iter().map(|s| (*s).to_owned()).collect(),
    };
    agreement(coding, &options).unwrap()
}

fn reason(m: &Measure) -> String {
    m.reason().map(ToString::to_string).unwrap_or_default()
}

#[test]
fn two_coders_on_one_tag_give_the_hand_computed_figures() {
    // 10 code points; rina codes x over 0..4, karim over 2..4.
    // Segments: rina [0,4) unit, [4,10) gap; karim [0,2) gap, [2,4) unit, [4,10) gap.
    // Overlapping pairs: rina's unit against karim's gap (not inside it): 0; the two
    // units: (0−2)² + (4−4)² = 4; the gaps: 0. D_o = 2·4 / (2·1·10²) = 0.04.
    // D_e: units 4 and 2 (N_c = 2), gaps 6 (rina), 2 and 6 (karim).
    //   l = 4: (2−1)·4·3·7/3 = 28, plus 4²·((6−4+1) + (6−4+1)) = 96 → 124
    //   l = 2: (2−1)·2·1·3/3 = 2, plus 2²·((2−2+1) + 5 + 5) = 44 → 46
    //   D_e = 2/10 · 170 / (2·10·19 − (4·3 + 2·1)) = 340 / 3660 = 0.092896
    // α_u = 1 − 0.04 / 0.092896 = 0.5694.
    // Characters: both 2, rina only 2, karim only 0, neither 6: p_o = 0.8,
    // p_e = 0.4·0.2 + 0.6·0.8 = 0.56, κ = 0.24 / 0.44 = 0.5455.
    let coding = corpus(vec![article(
        "a.txt",
        10,
        vec![ann("rina", 0, 4, &["x"]), ann("karim", 2, 4, &["x"])],
    )]);
    let r = report(&coding, None, &[]);
    assert_eq!(r.coders, ["karim", "rina"]);
    assert_eq!(r.kappa_measure, KappaKind::Cohen);
    assert_eq!((r.articles, r.continuum), (1, 10));
    let x = &r.tags["x"];
    assert_eq!(round4(x.observed.unwrap()), 0.04);
    assert_eq!(round4(x.expected.unwrap()), 0.0929);
    assert_eq!(round4(x.alpha_u.value().unwrap()), 0.5694);
    assert_eq!(round4(x.kappa.value().unwrap()), 0.5455);
    assert_eq!(round4(x.percent.value().unwrap()), 80.0);
    assert_eq!(r.alpha_u, x.alpha_u);
    assert_eq!(r.percent, Measure::Value(80.0));
    assert!(r.reasons.is_empty() && x.reasons.is_empty());
    assert_eq!(x.pairs.len(), 1);
    assert_eq!(x.pairs[0].coders, ["karim", "rina"]);
    let a = &r.per_article[0];
    assert_eq!((a.article.as_str(), a.start, a.chars), ("a.txt", 0, 10));
    assert_eq!(a.alpha_u, r.alpha_u);
    assert_eq!(a.tags["x"].kappa, x.kappa);
    assert_eq!(a.annotations["rina"], 1);
}

#[test]
fn one_coder_only_has_nothing_to_compare() {
    let coding = corpus(vec![article("a.txt", 10, vec![ann("rina", 0, 4, &["x"])])]);
    let r = report(&coding, None, &["x"]);
    assert_eq!(r.alpha_u.value(), None);
    assert!(
        reason(&r.alpha_u).contains("only \"rina\""),
        "{:?}",
        r.reasons
    );
    assert_eq!(r.tags["x"].kappa.value(), None);
    assert_eq!(r.tags["x"].percent.value(), None);
    assert!(r.reasons["alpha_u"].contains("two or more coders"));
    assert_eq!(r.not_compared.len(), 1);
    let json = serde_json::to_value(&r).unwrap();
    assert!(json["alpha_u"].is_null() && json["tags"]["x"]["kappa"].is_null());
}

#[test]
fn a_coder_without_annotations_has_nothing_to_compare() {
    let coding = corpus(vec![article(
        "a.txt",
        10,
        vec![ann("rina", 0, 4, &["x"]), ann("karim", 0, 4, &["x"])],
    )]);
    let r = report(&coding, Some(&["rina", "karim", "mitu"]), &[]);
    assert_eq!(r.coders, ["rina", "karim", "mitu"]);
    assert_eq!(
        r.alpha_u.reason(),
        Some(&Undefined::CoderWithoutAnnotations {
            coder: "mitu".into(),
            found: vec!["karim".into(), "rina".into()],
        })
    );
    assert!(r.reasons["alpha_u"].contains("\"mitu\" has no annotations"));
    assert!(r.per_article.is_empty());
}

#[test]
fn no_article_coded_by_both_has_nothing_to_compare() {
    let coding = corpus(vec![
        article("a.txt", 10, vec![ann("rina", 0, 4, &["x"])]),
        article(
            "b.txt",
            10,
            vec![
                ann("karim", 0, 4, &["x"]),
                orphaned(ann("rina", 0, 4, &["x"])),
            ],
        ),
    ]);
    let r = report(&coding, None, &[]);
    assert_eq!(r.alpha_u.reason(), Some(&Undefined::NoCommonArticle));
    assert_eq!(r.percent.reason(), Some(&Undefined::NoCommonArticle));
    assert_eq!((r.articles, r.continuum), (0, 0));
    let reasons: Vec<(&str, &str)> = r
        .not_compared
        .iter()
        .map(|n| (n.article.as_str(), n.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("a.txt", "no annotations by karim"),
            ("b.txt", "no annotations by rina")
        ]
    );
}

#[test]
fn a_tag_nobody_used_has_no_figures() {
    let coding = corpus(vec![article(
        "a.txt",
        10,
        vec![ann("rina", 0, 4, &["x"]), ann("karim", 2, 4, &["x"])],
    )]);
    let r = report(&coding, None, &["x", "z"]);
    let z = &r.tags["z"];
    for m in [&z.alpha_u, &z.kappa, &z.percent] {
        assert_eq!(m.reason(), Some(&Undefined::TagNotUsed));
    }
    assert_eq!((z.observed, z.expected), (None, None));
    assert_eq!(z.reasons.len(), 3);
    assert!(r.tags["x"].alpha_u.value().is_some());
    // Overall α_u is over the tags used: z changes nothing.
    assert_eq!(r.alpha_u, r.tags["x"].alpha_u);
    let only_z = report(&coding, None, &["z"]);
    assert_eq!(only_z.alpha_u.reason(), Some(&Undefined::NoTagUsed));
    assert_eq!(only_z.percent.reason(), Some(&Undefined::NoTagUsed));
}

#[test]
fn zero_expected_disagreement_has_no_alpha() {
    // One code point, coded by both: nothing could have gone otherwise.
    let coding = corpus(vec![article(
        "a.txt",
        1,
        vec![ann("rina", 0, 1, &["x"]), ann("karim", 0, 1, &["x"])],
    )]);
    let r = report(&coding, None, &[]);
    let x = &r.tags["x"];
    assert_eq!(x.alpha_u.reason(), Some(&Undefined::NoExpectedDisagreement));
    assert_eq!((x.observed, x.expected), (Some(0.0), Some(0.0)));
    assert_eq!(x.kappa.reason(), Some(&Undefined::NoChanceDisagreement));
    assert_eq!(x.percent, Measure::Value(100.0));
    assert!(x.reasons["alpha_u"].contains("expected disagreement is zero"));
}

#[test]
fn left_out_annotations_are_counted() {
    let coding = corpus(vec![
        article(
            "a.txt",
            20,
            vec![
                ann("rina", 0, 4, &["x"]),
                ann("rina", 2, 6, &["x"]), // overlaps rina's 0..4: merged
                ann("rina", 8, 9, &[]),    // untagged
                orphaned(ann("karim", 0, 4, &["x"])),
                ann("karim", 0, 6, &["x", "x"]),
                ann("", 0, 6, &["x"]), // no author
            ],
        ),
        article("b.txt", 5, vec![ann("rina", 0, 4, &["x"])]),
    ]);
    let r = report(&coding, None, &[]);
    let e = &r.excluded;
    assert_eq!(
        (e.orphaned, e.untagged, e.no_author, e.merged_overlaps),
        (1, 1, 1, 1)
    );
    assert_eq!(r.tags["x"].units["rina"], 1);
    // After merging, both coded 0..6: full agreement on x.
    assert_eq!(r.tags["x"].alpha_u, Measure::Value(1.0));
    assert_eq!(r.not_compared[0].article, "b.txt");
    assert_eq!(r.per_article[0].annotations["rina"], 3);
}

#[test]
fn three_coders_report_the_mean_of_pairwise_kappas() {
    let coding = corpus(vec![article(
        "a.txt",
        10,
        vec![
            ann("a", 0, 4, &["x"]),
            ann("b", 2, 4, &["x"]),
            ann("c", 0, 5, &["x"]),
        ],
    )]);
    let r = report(&coding, None, &[]);
    assert_eq!(r.kappa_measure, KappaKind::MeanPairwiseCohen);
    let x = &r.tags["x"];
    assert_eq!(x.pairs.len(), 3);
    let mean = x
        .pairs
        .iter()
        .map(|p| p.kappa.value().unwrap())
        .sum::<f64>()
        / 3.0;
    assert_eq!(x.kappa, Measure::Value(mean));
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["kappa_measure"], "mean_pairwise_cohen");
}

#[test]
fn articles_join_the_continuum_by_sha256_and_are_listed_by_path() {
    let both = |len| vec![ann("rina", 0, len, &["x"]), ann("karim", 0, len, &["x"])];
    let mut b = article("b.txt", 5, both(5));
    b.sha256 = "0000".into();
    let coding = corpus(vec![article("a.txt", 7, both(7)), b]);
    let r = report(&coding, None, &[]);
    let listed: Vec<(&str, u64)> = r
        .per_article
        .iter()
        .map(|a| (a.article.as_str(), a.start))
        .collect();
    assert_eq!(listed, [("a.txt", 5), ("b.txt", 0)]);
    assert_eq!(r.continuum, 12);
}

/// Random coded corpora: 1–3 articles, coders a and b (and sometimes c), tags x and
/// y, annotations anywhere (overlapping, touching, nested).
fn coded_corpus() -> impl Strategy<Value = CorpusCoding> {
    let annotation =
        (0usize..3, 0usize..40, 1usize..15, 0usize..4).prop_map(|(coder, start, len, tags)| {
            let tags: &[&str] = [&[][..], &["x"], &["y"], &["x", "y"]][tags];
            (["a", "b", "c"][coder], start, len, tags)
        });
    let one = (20usize..60, proptest::collection::vec(annotation, 0..12));
    proptest::collection::vec(one, 1..4).prop_map(|articles| {
        corpus(
            articles
                .into_iter()
                .enumerate()
                .map(|(i, (len, anns))| {
                    let anns = anns
                        .into_iter()
                        .filter(|(_, start, n, _)| start + n <= len)
                        .map(|(coder, start, n, tags)| ann(coder, start, start + n, tags))
                        .collect();
                    article(&format!("{i}.txt"), len, anns)
                })
                .collect(),
        )
    })
}

fn close(a: &Measure, b: &Measure) -> bool {
    match (a.value(), b.value()) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (None, None) => a.reason().is_some() && b.reason().is_some(),
        _ => false,
    }
}

proptest! {
    #[test]
    fn identical_codings_agree_fully_where_defined(coding in coded_corpus()) {
        // Coder b copies every annotation of a.
        let mut copied = coding.clone();
        for article in &mut copied.articles {
            article.annotations.retain(|a| a.author == "a");
            let copies: Vec<_> = article
                .annotations
                .iter()
                .map(|a| ann("b", a.start.0, a.end.0, &a.tags.iter().map(String::as_str).collect::<Vec<_>>()))
                .collect();
            article.annotations.extend(copies);
        }
        let r = report(&copied, None, &[]);
        for m in std::iter::once(&r.alpha_u).chain(r.tags.values().map(|t| &t.alpha_u)) {
            prop_assert!(m.value().is_none_or(|v| (v - 1.0).abs() < 1e-12), "{m:?}");
        }
        for t in r.tags.values() {
            prop_assert!(t.kappa.value().is_none_or(|v| (v - 1.0).abs() < 1e-12));
            prop_assert!(t.percent.value().is_none_or(|v| (v - 100.0).abs() < 1e-9));
            prop_assert_eq!(t.observed.unwrap_or(0.0), 0.0);
        }
    }

    #[test]
    fn swapping_coders_changes_nothing(coding in coded_corpus()) {
        let ab = report(&coding, Some(&["a", "b"]), &[]);
        let ba = report(&coding, Some(&["b", "a"]), &[]);
        prop_assert!(close(&ab.alpha_u, &ba.alpha_u));
        prop_assert!(close(&ab.percent, &ba.percent));
        prop_assert_eq!(ab.tags.len(), ba.tags.len());
        for (name, t) in &ab.tags {
            let u = &ba.tags[name];
            prop_assert!(close(&t.alpha_u, &u.alpha_u) && close(&t.kappa, &u.kappa));
            prop_assert!(close(&t.percent, &u.percent));
        }
        for (x, y) in ab.per_article.iter().zip(&ba.per_article) {
            prop_assert!(close(&x.alpha_u, &y.alpha_u) && close(&x.percent, &y.percent));
        }
    }

    #[test]
    fn the_order_articles_are_given_in_changes_nothing(coding in coded_corpus()) {
        let mut reversed = coding.clone();
        reversed.articles.reverse();
        prop_assert_eq!(report(&coding, None, &[]), report(&reversed, None, &[]));
    }

    #[test]
    fn alpha_never_exceeds_one(coding in coded_corpus()) {
        let r = report(&coding, None, &[]);
        let alphas = std::iter::once(&r.alpha_u)
            .chain(r.tags.values().map(|t| &t.alpha_u))
            .chain(r.per_article.iter().map(|a| &a.alpha_u));
        for m in alphas {
            prop_assert!(m.value().is_none_or(|v| v <= 1.0 + 1e-12), "{m:?}");
        }
    }
}
