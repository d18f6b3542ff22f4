//! Passages by code (code retrieval): which annotations of an article pass a filter of
//! tags, coders, "overlapping tag T" and status — the one filter behind the passages
//! view, `pathok export --tag/--coder/--overlapping/--status` and the co-occurrence
//! counts.
//!
//! Overlap is judged between passages of the same coder (the annotation's author), so
//! that two coders' parallel codings of one passage do not count as co-occurrence;
//! orphaned annotations have no place in the text and overlap nothing.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::PathBuf;

use super::read::{self, ReadError};
use crate::annotate::{Annotation, Status};

/// Which passages to keep. Empty lists and `None` keep everything; the parts combine
/// with "and".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PassageFilter {
    /// Passages carrying any of these tags.
    pub tags: Vec<String>,
    /// Passages by any of these coders (authors).
    pub coders: Vec<String>,
    /// Passages that carry this tag or overlap a passage (by the same coder) that does.
    pub overlapping: Option<String>,
    /// Passages with this status.
    pub status: Option<Status>,
}

impl PassageFilter {
    /// True when the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
            && self.coders.is_empty()
            && self.overlapping.is_none()
            && self.status.is_none()
    }

    /// The annotations of one article (`annotations`: all of them, which "overlapping"
    /// needs) that pass, in their order.
    pub fn select<'a>(&self, annotations: &'a [Annotation]) -> Vec<&'a Annotation> {
        let overlap = self
            .overlapping
            .as_deref()
            .map(|tag| OverlapIndex::new(annotations, tag));
        annotations
            .iter()
            .filter(|a| {
                (self.tags.is_empty() || a.tags.iter().any(|t| self.tags.contains(t)))
                    && (self.coders.is_empty() || self.coders.contains(&a.author))
                    && self.status.is_none_or(|s| a.status == s)
                    && overlap.as_ref().is_none_or(|o| o.carries_or_overlaps(a))
            })
            .collect()
    }
}

/// The passages of one article that carry a tag, per coder, for "does this passage
/// carry the tag or overlap one that does" in O(log n).
pub(crate) struct OverlapIndex<'a> {
    tag: &'a str,
    /// Per coder: (start, end) of the placed carriers sorted by start, and the running
    /// maximum of their ends.
    by_coder: HashMap<&'a str, (Vec<usize>, Vec<usize>)>,
}

impl<'a> OverlapIndex<'a> {
    pub(crate) fn new(annotations: &'a [Annotation], tag: &'a str) -> Self {
        let mut spans: HashMap<&'a str, Vec<(usize, usize)>> = HashMap::new();
        for a in annotations {
            if a.status != Status::Orphaned && a.tags.iter().any(|t| t == tag) {
                spans
                    .entry(a.author.as_str())
                    .or_default()
                    .push((a.start.0, a.end.0));
            }
        }
        let by_coder = spans
            .into_iter()
            .map(|(coder, mut s)| {
                s.sort_unstable();
                let starts = s.iter().map(|&(start, _)| start).collect();
                let max_ends = s
                    .iter()
                    .scan(0, |max, &(_, end)| {
                        *max = (*max).max(end);
                        Some(*max)
                    })
                    .collect();
                (coder, (starts, max_ends))
            })
            .collect();
        OverlapIndex { tag, by_coder }
    }

    /// True when `a` carries the tag, or shares a character with a placed passage of
    /// the same coder that carries it.
    pub(crate) fn carries_or_overlaps(&self, a: &Annotation) -> bool {
        if a.tags.iter().any(|t| t == self.tag) {
            return true;
        }
        if a.status == Status::Orphaned || a.start >= a.end {
            return false;
        }
        let Some((starts, max_ends)) = self.by_coder.get(a.author.as_str()) else {
            return false;
        };
        // Carriers that start before `a` ends; one of them reaching past its start
        // overlaps it.
        let before_end = starts.partition_point(|&s| s < a.end.0);
        before_end > 0 && max_ends[before_end - 1] > a.start.0
    }
}

/// One passage found in the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// The article's path as reached from the path given.
    pub article: PathBuf,
    /// The article's title.
    pub title: String,
    /// The annotation (quote, prefix and suffix as context, tags, note, author,
    /// status), anchored in the article's current text.
    pub annotation: Annotation,
}

/// The passages of the articles at `articles` that pass `filter`, article by
/// article: `each(index, result)` is called once per article (return `Break` to stop).
/// Articles without a sidecar give no passages and are not read.
pub fn passages(
    articles: &[PathBuf],
    filter: &PassageFilter,
    each: &mut dyn FnMut(usize, Result<Vec<Passage>, ReadError>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for (i, path) in articles.iter().enumerate() {
        let result = read::annotations(path).map(|loaded| {
            let Some((title, sidecar)) = loaded else {
                return Vec::new();
            };
            filter
                .select(sidecar.annotations.as_slice())
                .into_iter()
                .map(|a| Passage {
                    article: path.clone(),
                    title: title.clone(),
                    annotation: a.clone(),
                })
                .collect()
        });
        each(i, result)?;
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::annotate::Timestamp;
    use crate::text::{CharRange, SourceText};

    /// An annotation over `start..end` of a dummy text with `tags`, by `author`.
    pub(crate) fn coded(start: usize, end: usize, tags: &[&str], author: &str) -> Annotation {
        let text = SourceText::new("abcdefghijklmnopqrstuvwxyz".to_owned());
        let mut a = Annotation::new(&text, CharRange::new(start, end), Timestamp::now()).unwrap();
        a.tags = tags.iter().map(|t| (*t).to_owned()).collect();
        a.author = author.to_owned();
        a
    }

    fn quotes(filter: &PassageFilter, all: &[Annotation]) -> Vec<String> {
        filter
            .select(all)
            .into_iter()
            .map(|a| a.quote.clone())
            .collect()
    }

    #[test]
    fn tags_are_any_of_coders_any_of_and_status_exact() {
        let mut orphan = coded(20, 22, &["B"], "rina");
        orphan.status = Status::Orphaned;
        let all = [
            coded(0, 2, &["A"], "rina"),
            coded(3, 5, &["B", "C"], "karim"),
            coded(6, 8, &[], "rina"),
            orphan,
        ];
        let tags = PassageFilter {
            tags: vec!["A".into(), "C".into()],
            ..PassageFilter::default()
        };
        assert_eq!(quotes(&tags, &all), ["ab", "de"]);
        let coders = PassageFilter {
            coders: vec!["rina".into()],
            ..PassageFilter::default()
        };
        assert_eq!(quotes(&coders, &all), ["ab", "gh", "uv"]);
        let status = PassageFilter {
            status: Some(Status::Orphaned),
            ..PassageFilter::default()
        };
        assert_eq!(quotes(&status, &all), ["uv"]);
        assert!(PassageFilter::default().is_empty());
        assert_eq!(PassageFilter::default().select(&all).len(), 4);
    }

    #[test]
    fn overlapping_means_carrying_or_sharing_a_character_with_a_carrier_of_the_same_coder() {
        let mut orphan = coded(2, 4, &["T"], "rina");
        orphan.status = Status::Orphaned;
        let all = [
            coded(0, 4, &["T"], "rina"),  // carries T
            coded(3, 6, &["A"], "rina"),  // overlaps it (char 3)
            coded(4, 6, &["A"], "rina"),  // touches its end only: no
            coded(1, 2, &["B"], "karim"), // another coder: no
            coded(10, 12, &["T"], "karim"),
            coded(11, 20, &["B"], "karim"), // overlaps karim's T
            coded(5, 6, &["C"], "rina"),    // near the orphan's old place: no
            orphan,                         // carries T itself: yes
        ];
        let filter = PassageFilter {
            overlapping: Some("T".into()),
            ..PassageFilter::default()
        };
        let mut got = quotes(&filter, &all);
        got.sort();
        assert_eq!(got, ["abcd", "cd", "def", "kl", "lmnopqrst"]);
        // Combined with a tag: the A passages that co-occur with T.
        let a_with_t = PassageFilter {
            tags: vec!["A".into()],
            overlapping: Some("T".into()),
            ..PassageFilter::default()
        };
        assert_eq!(quotes(&a_with_t, &all), ["def"]);
    }
}
