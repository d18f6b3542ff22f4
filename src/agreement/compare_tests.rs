//! Differences between two coders in one article.

use proptest::prelude::*;

use super::*;
use crate::agreement::testing::{ann, orphaned};
use crate::annotate::Annotation;

fn refs(v: &[Annotation]) -> Vec<&Annotation> {
    v.iter().collect()
}

fn kinds(diffs: &[Difference]) -> Vec<(DifferenceKind, usize, usize)> {
    diffs
        .iter()
        .map(|d| (d.kind, d.range.start.0, d.range.end.0))
        .collect()
}

#[test]
fn every_kind_of_difference_is_listed_in_text_order_with_its_annotations() {
    let a = vec![
        ann("a", 50, 60, &["x"]), // only A
        ann("a", 0, 10, &["x"]),  // same passage as B, other tag
        ann("a", 20, 30, &["x"]), // B's 22..30: other boundaries, same tag
        ann("a", 70, 80, &["x"]), // same as B: no difference
    ];
    let b = vec![
        ann("b", 0, 10, &["y"]),
        ann("b", 22, 30, &["x"]),
        ann("b", 40, 45, &["x"]), // only B
        ann("b", 70, 80, &["x"]),
    ];
    let diffs = compare(&refs(&a), &refs(&b));
    use DifferenceKind::*;
    assert_eq!(
        kinds(&diffs),
        [
            (DifferentTags, 0, 10),
            (DifferentBoundaries { tags_differ: false }, 20, 30),
            (OnlyB, 40, 45),
            (OnlyA, 50, 60),
        ]
    );
    assert_eq!(
        (diffs[0].a.clone(), diffs[0].b.clone()),
        (vec![a[1].id], vec![b[0].id])
    );
    assert_eq!(
        (diffs[1].a.clone(), diffs[1].b.clone()),
        (vec![a[2].id], vec![b[1].id])
    );
    assert_eq!(
        (diffs[2].a.is_empty(), diffs[2].b.clone()),
        (true, vec![b[2].id])
    );
    assert_eq!(
        (diffs[3].a.clone(), diffs[3].b.is_empty()),
        (vec![a[0].id], true)
    );
}

#[test]
fn annotations_with_one_span_are_one_passage_with_all_their_tags() {
    // A tagged the passage twice (x, then y); B once with both tags: they agree.
    let a = vec![ann("a", 0, 10, &["x"]), ann("a", 0, 10, &["y"])];
    let b = vec![ann("b", 0, 10, &["y", "x"])];
    assert_eq!(compare(&refs(&a), &refs(&b)), []);
    // B adds a nested passage: that is B's only, not a boundary difference.
    let b2 = vec![ann("b", 0, 10, &["x", "y"]), ann("b", 2, 5, &["z"])];
    let diffs = compare(&refs(&a), &refs(&b2));
    assert_eq!(kinds(&diffs), [(DifferenceKind::OnlyB, 2, 5)]);
    assert_eq!(diffs[0].b, [b2[1].id]);
}

#[test]
fn a_chain_of_overlaps_is_one_difference() {
    let a = vec![ann("a", 0, 5, &["x"]), ann("a", 7, 12, &["x"])];
    let b = vec![ann("b", 4, 8, &["y"])];
    let diffs = compare(&refs(&a), &refs(&b));
    assert_eq!(
        kinds(&diffs),
        [(
            DifferenceKind::DifferentBoundaries { tags_differ: true },
            0,
            12
        )]
    );
    assert_eq!(diffs[0].a, [a[0].id, a[1].id]);
    assert_eq!(diffs[0].b, [b[0].id]);
}

#[test]
fn orphaned_annotations_are_not_compared_and_coders_are_found_by_author() {
    let mut set = AnnotationSet::default();
    for a in [
        ann("rina", 0, 5, &["x"]),
        orphaned(ann("karim", 0, 5, &["x"])),
        ann("karim", 10, 12, &["x"]),
        ann("mitu", 0, 5, &["y"]),
    ] {
        set.upsert(a);
    }
    let diffs = compare_coders(&set, "rina", "karim");
    assert_eq!(
        kinds(&diffs),
        [
            (DifferenceKind::OnlyA, 0, 5),
            (DifferenceKind::OnlyB, 10, 12)
        ]
    );
    assert_eq!(compare_coders(&set, "rina", "nobody").len(), 1);
    assert_eq!(
        serde_json::to_value(&diffs[0]).unwrap()["kind"],
        serde_json::json!("only_a")
    );
}

fn side(coder: &'static str) -> impl Strategy<Value = Vec<Annotation>> {
    let one = (0usize..40, 1usize..10, 0usize..3)
        .prop_map(move |(start, len, tag)| ann(coder, start, start + len, &[["x", "y", "z"][tag]]));
    proptest::collection::vec(one, 0..8)
}

fn mirrored(kind: DifferenceKind) -> DifferenceKind {
    match kind {
        DifferenceKind::OnlyA => DifferenceKind::OnlyB,
        DifferenceKind::OnlyB => DifferenceKind::OnlyA,
        other => other,
    }
}

proptest! {
    #[test]
    fn swapping_the_coders_mirrors_the_differences(a in side("a"), b in side("b")) {
        let ab = compare(&refs(&a), &refs(&b));
        let mut ba: Vec<Difference> = compare(&refs(&b), &refs(&a))
            .into_iter()
            .map(|d| Difference { kind: mirrored(d.kind), a: d.b, b: d.a, ..d })
            .collect();
        ba.sort_by_key(|d| (d.range.start, d.range.end, d.kind));
        prop_assert_eq!(&ab, &ba);
        // Every annotation is in at most one difference, and differences are ordered.
        let mut seen = std::collections::BTreeSet::new();
        for d in &ab {
            for id in d.a.iter().chain(&d.b) {
                prop_assert!(seen.insert(*id));
            }
        }
        prop_assert!(ab.windows(2).all(|w| w[0].range.start <= w[1].range.start));
    }

    #[test]
    fn a_coding_has_no_differences_with_a_copy_of_itself(a in side("a")) {
        let copy: Vec<Annotation> = a
            .iter()
            .map(|x| ann("b", x.start.0, x.end.0, &x.tags.iter().map(String::as_str).collect::<Vec<_>>()))
            .collect();
        prop_assert_eq!(compare(&refs(&a), &refs(&copy)), []);
    }
}
