//! Where two coders' codings of one article differ: passages only one of them
//! annotated, the same passage with different tags, and overlapping passages with
//! different boundaries. The compare view lists these and lets the team settle them.
//!
//! Annotations are compared as passages: one coder's annotations with exactly the same
//! span form one passage, with all their tags. First, passages both coders marked
//! with the same span are paired (a difference only when their tags differ). Then the
//! passages left over are grouped where one coder's overlaps the other's (a difference
//! of boundaries); a passage that overlaps nothing of the other coder's is theirs only.
//! Orphaned annotations have no place in the text and are not compared.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::annotate::{Annotation, AnnotationId, AnnotationSet};
use crate::text::CharRange;

/// How the two codings of a passage differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceKind {
    /// Only coder A annotated here: no annotation of B shares a character with it.
    OnlyA,
    /// Only coder B annotated here.
    OnlyB,
    /// Both annotated exactly this passage, with different tags.
    DifferentTags,
    /// Both annotated overlapping passages with different boundaries.
    DifferentBoundaries {
        /// The tags differ too (all tags of A's annotations here against B's).
        tags_differ: bool,
    },
}

/// One difference between coders A and B in an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// What differs.
    pub kind: DifferenceKind,
    /// The passage: from the first start to the last end of the annotations involved.
    pub range: CharRange,
    /// A's annotations involved, in text order (start, end, id); empty for
    /// [`DifferenceKind::OnlyB`].
    pub a: Vec<AnnotationId>,
    /// B's annotations involved, in text order; empty for [`DifferenceKind::OnlyA`].
    pub b: Vec<AnnotationId>,
}

/// The differences between the annotations of coders `a` and `b` (by author) in
/// `annotations`, in text order. See [`compare`].
pub fn compare_coders(annotations: &AnnotationSet, a: &str, b: &str) -> Vec<Difference> {
    let of = |coder: &str| -> Vec<&Annotation> {
        annotations.iter().filter(|x| x.author == coder).collect()
    };
    compare(&of(a), &of(b))
}

/// The differences between coder A's annotations `a` and coder B's `b` of one article,
/// ordered by start, then end, then kind. Orphaned annotations are left out.
pub fn compare(a: &[&Annotation], b: &[&Annotation]) -> Vec<Difference> {
    let (a, b) = (passages(a), passages(b));
    let mut out = Vec::new();
    for (span, pa) in &a {
        if let Some(pb) = b.get(span)
            && pa.tags != pb.tags
        {
            out.push(Difference {
                kind: DifferenceKind::DifferentTags,
                range: range_of(*span),
                a: pa.ids.clone(),
                b: pb.ids.clone(),
            });
        }
    }
    let rest_a: Vec<(&Span, &Passage)> = a.iter().filter(|(s, _)| !b.contains_key(*s)).collect();
    let rest_b: Vec<(&Span, &Passage)> = b.iter().filter(|(s, _)| !a.contains_key(*s)).collect();
    out.extend(overlap_groups(&rest_a, &rest_b));
    out.sort_by_key(|d| (d.range.start, d.range.end, d.kind));
    out
}

/// `(start, end)` in code points.
type Span = (usize, usize);

/// One coder's annotations with exactly the same span.
#[derive(Default)]
struct Passage {
    ids: Vec<AnnotationId>,
    tags: BTreeSet<String>,
}

/// A coder's placed annotations grouped by exact span, in text order.
fn passages(annotations: &[&Annotation]) -> BTreeMap<Span, Passage> {
    let mut sorted: Vec<&&Annotation> = annotations
        .iter()
        .filter(|x| x.status != crate::annotate::Status::Orphaned && x.start < x.end)
        .collect();
    sorted.sort_by_key(|x| (x.start, x.end, x.id));
    let mut out: BTreeMap<Span, Passage> = BTreeMap::new();
    for x in sorted {
        let p = out.entry((x.start.0, x.end.0)).or_default();
        p.ids.push(x.id);
        p.tags.extend(x.tags.iter().cloned());
    }
    out
}

fn range_of((start, end): Span) -> CharRange {
    CharRange::new(start, end)
}

/// Group the leftover passages of A and B that overlap one another (transitively,
/// across coders only): a group with both coders is a difference of boundaries, a
/// passage alone is one coder's only.
fn overlap_groups(a: &[(&Span, &Passage)], b: &[(&Span, &Passage)]) -> Vec<Difference> {
    // Union-find over A's passages (0..a.len()) then B's.
    let mut parent: Vec<usize> = (0..a.len() + b.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (i, (sa, _)) in a.iter().enumerate() {
        for (j, (sb, _)) in b.iter().enumerate() {
            if sa.0 < sb.1 && sb.0 < sa.1 {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, a.len() + j));
                parent[ri] = rj;
            }
        }
    }
    let mut groups: BTreeMap<usize, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for i in 0..a.len() {
        groups.entry(root(&mut parent, i)).or_default().0.push(i);
    }
    for j in 0..b.len() {
        groups
            .entry(root(&mut parent, a.len() + j))
            .or_default()
            .1
            .push(j);
    }
    groups
        .into_values()
        .map(|(ia, ib)| {
            let spans = ia.iter().map(|&i| a[i].0).chain(ib.iter().map(|&j| b[j].0));
            let start = spans.clone().map(|s| s.0).min().unwrap_or(0);
            let end = spans.map(|s| s.1).max().unwrap_or(0);
            let ids = |side: &[(&Span, &Passage)], at: &[usize]| -> Vec<AnnotationId> {
                at.iter()
                    .flat_map(|&i| side[i].1.ids.iter().copied())
                    .collect()
            };
            let tags = |side: &[(&Span, &Passage)], at: &[usize]| -> BTreeSet<String> {
                at.iter()
                    .flat_map(|&i| side[i].1.tags.iter().cloned())
                    .collect()
            };
            let kind = match (ia.is_empty(), ib.is_empty()) {
                (false, true) => DifferenceKind::OnlyA,
                (true, false) => DifferenceKind::OnlyB,
                _ => DifferenceKind::DifferentBoundaries {
                    tags_differ: tags(a, &ia) != tags(b, &ib),
                },
            };
            Difference {
                kind,
                range: CharRange::new(start, end),
                a: ids(a, &ia),
                b: ids(b, &ib),
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
