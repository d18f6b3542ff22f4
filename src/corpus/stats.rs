//! Tag statistics of a library: per tag the passages and articles (and passages per
//! coder), and the co-occurrence matrix.
//!
//! Picture regions count as passages of their tags (and are counted apart in
//! `regions`). They have no place in the text, so they co-occur only through their
//! own tags (a region carrying A and B), never by overlapping.
//!
//! Co-occurrence: cell (A, B) is the number of passages carrying A that also carry B
//! or overlap a passage carrying B (by the same coder; see [`super::passages`]). The
//! diagonal (A, A) is therefore the number of passages carrying A. The matrix is not
//! symmetric: one long A passage that overlaps three B passages counts once in (A, B)
//! and three times in (B, A).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::ControlFlow;
use std::path::PathBuf;

use serde::Serialize;

use super::library::Cancelled;
use super::passages::OverlapIndex;
use super::read::{self, ReadError};
use crate::annotate::Annotation;

/// Counts for one tag.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TagStats {
    /// Passages carrying the tag.
    pub annotations: usize,
    /// Articles with at least one such passage.
    pub articles: usize,
    /// Passages carrying the tag, per coder (author; `""` when none was recorded).
    pub coders: BTreeMap<String, usize>,
    /// How many of its passages are picture regions.
    pub regions: usize,
}

/// Statistics of a set of articles; serialises as the JSON of `pathok stats`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Articles counted (with or without annotations).
    pub articles: usize,
    /// Annotations in them (with or without tags; picture regions included).
    pub annotations: usize,
    /// How many of the annotations are picture regions.
    pub regions: usize,
    /// Per tag.
    pub tags: BTreeMap<String, TagStats>,
    /// Co-occurrence: `cooccurrence[A][B]` (see the module documentation); every tag
    /// has a row and a column once [`Stats::complete`] ran.
    pub cooccurrence: BTreeMap<String, BTreeMap<String, usize>>,
}

impl Stats {
    /// Count one article's annotations (all of them, as anchored in its text).
    pub fn add_article(&mut self, annotations: &[Annotation]) {
        self.articles += 1;
        self.annotations += annotations.len();
        self.regions += annotations.iter().filter(|a| a.is_region()).count();
        let tags_of = |a: &'_ Annotation| -> BTreeSet<String> { a.tags.iter().cloned().collect() };
        let mut here: BTreeSet<String> = BTreeSet::new();
        for a in annotations {
            for tag in tags_of(a) {
                let entry = self.tags.entry(tag.clone()).or_default();
                entry.annotations += 1;
                entry.regions += usize::from(a.is_region());
                *entry.coders.entry(a.author.clone()).or_default() += 1;
                here.insert(tag);
            }
        }
        for tag in &here {
            if let Some(entry) = self.tags.get_mut(tag) {
                entry.articles += 1;
            }
        }
        let indexes: Vec<(&String, OverlapIndex<'_>)> = here
            .iter()
            .map(|b| (b, OverlapIndex::new(annotations, b)))
            .collect();
        for a in annotations {
            for tag_a in tags_of(a) {
                let row = self.cooccurrence.entry(tag_a).or_default();
                for (tag_b, index) in &indexes {
                    if index.carries_or_overlaps(a) {
                        *row.entry((*tag_b).clone()).or_default() += 1;
                    }
                }
            }
        }
    }

    /// Give every tag a row and a column in the co-occurrence matrix (zeros where
    /// two tags never meet), so that the matrix reads as a full table.
    pub fn complete(&mut self) {
        for a in self.tags.keys() {
            let row = self.cooccurrence.entry(a.clone()).or_default();
            for b in self.tags.keys() {
                row.entry(b.clone()).or_default();
            }
        }
    }
}

/// The statistics of the articles at `articles` (completed), and the articles or
/// sidecars that could not be read (left out). `progress(done)` is called after each
/// article; returning `Break` stops with [`Cancelled`]. Articles without a sidecar are
/// counted without being read.
pub fn stats(
    articles: &[PathBuf],
    progress: &mut dyn FnMut(usize) -> ControlFlow<()>,
) -> Result<(Stats, Vec<ReadError>), Cancelled> {
    let mut stats = Stats::default();
    let mut failures = Vec::new();
    for (i, path) in articles.iter().enumerate() {
        match read::annotations(path) {
            Ok(Some((_, sidecar))) => stats.add_article(sidecar.annotations.as_slice()),
            Ok(None) => stats.add_article(&[]),
            Err(e) => failures.push(e),
        }
        if progress(i + 1).is_break() {
            return Err(Cancelled);
        }
    }
    stats.complete();
    Ok((stats, failures))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::passages::tests::coded;

    #[test]
    fn tags_count_passages_articles_and_coders_and_the_matrix_counts_overlaps() {
        let mut stats = Stats::default();
        stats.add_article(&[
            coded(0, 5, &["A"], "rina"),
            coded(3, 8, &["B"], "rina"), // overlaps the A passage
            coded(10, 12, &["A", "B"], "rina"),
            coded(0, 5, &["C"], "karim"), // same place, other coder: no overlap
        ]);
        stats.add_article(&[coded(0, 2, &["A"], "karim"), coded(4, 6, &[], "rina")]);
        stats.add_article(&[]);
        stats.complete();
        assert_eq!((stats.articles, stats.annotations), (3, 6));
        let a = &stats.tags["A"];
        assert_eq!((a.annotations, a.articles), (3, 2));
        assert_eq!(
            a.coders,
            BTreeMap::from([("karim".into(), 1), ("rina".into(), 2)])
        );
        assert_eq!(
            (stats.tags["B"].annotations, stats.tags["B"].articles),
            (2, 1)
        );
        let cell = |x: &str, y: &str| stats.cooccurrence[x][y];
        // The diagonal: passages carrying the tag.
        assert_eq!((cell("A", "A"), cell("B", "B"), cell("C", "C")), (3, 2, 1));
        // A→B: the overlapping one and the one carrying both.
        assert_eq!((cell("A", "B"), cell("B", "A")), (2, 2));
        assert_eq!((cell("A", "C"), cell("C", "A")), (0, 0));
        let json = serde_json::to_value(&stats).unwrap();
        assert_eq!(json["tags"]["A"]["coders"]["rina"], 2);
        assert_eq!(json["cooccurrence"]["B"]["C"], 0);
    }
}
