//! What agreement is measured on: the articles with every coder's annotations, the
//! choice of coders and tags, and which articles can be compared.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::Serialize;

use super::measure::{Undefined, reason_as_data};
use super::unitizing::{Span, Unit};
use crate::annotate::{Annotation, Status};

/// One article with the annotations of all coders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodedArticle {
    /// The article's path as the user gave it (with `--against`, the first copy's).
    pub path: PathBuf,
    /// SHA-256 of its canonical text: the order of the continuum, and how copies are
    /// matched.
    pub sha256: String,
    /// Length of its canonical text in code points.
    pub char_len: usize,
    /// The annotations of every coder; `author` is the coder's name (for copies in
    /// other folders, as [`super::load_against`] names them).
    pub annotations: Vec<Annotation>,
}

/// The articles to compare, and what reading them left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorpusCoding {
    /// The articles.
    pub articles: Vec<CodedArticle>,
    /// Articles found in only one of two copies of a corpus.
    pub unmatched: usize,
    /// Articles whose text occurs more than once in one copy, so the copies could not
    /// be paired.
    pub ambiguous: usize,
    /// Annotations found with the same id in both copies (copied, e.g. imported
    /// pre-annotations): kept on both sides, as each copy's coder has them.
    pub shared_ids: usize,
}

/// Which coders and tags to compare.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgreementOptions {
    /// The coders, in this order; `None`: every author found.
    pub coders: Option<Vec<String>>,
    /// The tags; empty: every tag the coders used.
    pub tags: Vec<String>,
}

/// An article that is not part of the comparison, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NotCompared {
    /// The article's path as given.
    pub article: String,
    /// Why it is left out.
    pub reason: String,
}

/// Annotations and articles left out of the figures, counted so the user is told.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Excluded {
    /// Orphaned annotations of the coders in the compared articles (they have no place
    /// in the text).
    pub orphaned: usize,
    /// Highlights without a tag of the coders in the compared articles (α_u, kappa
    /// and percentages are per tag).
    pub untagged: usize,
    /// Picture regions of the coders in the compared articles: agreement is measured
    /// on text only (agreement on regions is not computed).
    pub regions: usize,
    /// Annotations without an author (no coder to count them for).
    pub no_author: usize,
    /// Annotations merged into an overlapping annotation of the same coder and tag.
    pub merged_overlaps: usize,
    /// Articles found in only one of two copies (`--against`).
    pub unmatched: usize,
    /// Articles whose text occurs twice in one copy, so the copies were not paired.
    pub ambiguous: usize,
    /// Annotations with the same id in both copies (kept on both sides).
    pub shared_ids: usize,
}

/// An annotation that has a place in its article's text (a picture region has none).
pub(crate) fn placed(a: &Annotation, char_len: usize) -> bool {
    !a.is_region() && a.status != Status::Orphaned && a.start < a.end && a.end.0 <= char_len
}

/// The coders and articles chosen, or why nothing can be compared.
pub(crate) struct Selection<'a> {
    /// The coders, in order.
    pub coders: Vec<String>,
    /// Set when nothing can be compared.
    pub problem: Option<Undefined>,
    /// The compared articles in continuum order (SHA-256, then path).
    pub compared: Vec<&'a CodedArticle>,
    /// The other articles, with the reason.
    pub not_compared: Vec<NotCompared>,
    /// Annotations without an author, over all articles.
    pub no_author: usize,
}

/// Choose the coders (given, or every author found) and the articles every one of
/// them annotated.
pub(crate) fn select<'a>(coding: &'a CorpusCoding, options: &AgreementOptions) -> Selection<'a> {
    let mut found = BTreeSet::new();
    let mut no_author = 0;
    for article in &coding.articles {
        for a in &article.annotations {
            if !placed(a, article.char_len) {
                continue;
            }
            if a.author.is_empty() {
                no_author += 1;
            } else {
                found.insert(a.author.as_str());
            }
        }
    }
    let mut coders: Vec<String> = Vec::new();
    match &options.coders {
        Some(given) => {
            for c in given {
                if !coders.contains(c) {
                    coders.push(c.clone());
                }
            }
        }
        None => coders.extend(found.iter().map(|c| (*c).to_owned())),
    }
    let mut selection = Selection {
        problem: None,
        compared: Vec::new(),
        not_compared: Vec::new(),
        no_author,
        coders,
    };
    if selection.coders.len() < 2 {
        selection.problem = Some(Undefined::TooFewCoders {
            coders: selection.coders.clone(),
        });
    } else if let Some(missing) = selection
        .coders
        .iter()
        .find(|c| !found.contains(c.as_str()))
    {
        selection.problem = Some(Undefined::CoderWithoutAnnotations {
            coder: missing.clone(),
            found: found.iter().map(|c| (*c).to_owned()).collect(),
        });
    }
    for article in &coding.articles {
        let missing: Vec<&str> = selection
            .coders
            .iter()
            .filter(|c| {
                !article
                    .annotations
                    .iter()
                    .any(|a| a.author == **c && placed(a, article.char_len))
            })
            .map(String::as_str)
            .collect();
        if missing.is_empty() && selection.problem.is_none() {
            selection.compared.push(article);
        } else {
            selection.not_compared.push(NotCompared {
                article: article.path.display().to_string(),
                reason: match &selection.problem {
                    Some(problem) if missing.is_empty() => reason_as_data(problem),
                    _ => format!("no annotations by {}", missing.join(", ")),
                },
            });
        }
    }
    if selection.problem.is_none() && selection.compared.is_empty() {
        selection.problem = Some(Undefined::NoCommonArticle);
    }
    selection
        .compared
        .sort_by(|a, b| (&a.sha256, &a.path).cmp(&(&b.sha256, &b.path)));
    selection
        .not_compared
        .sort_by(|a, b| a.article.cmp(&b.article));
    selection
}

/// What an article contributes: units (offsets in its own text) and the annotations
/// left out.
#[derive(Default)]
pub(crate) struct ArticleUnits {
    pub units: Vec<Unit>,
    pub orphaned: usize,
    pub regions: usize,
    pub untagged: usize,
    /// Placed annotations per coder.
    pub annotations: BTreeMap<String, usize>,
}

/// The units of `article` for `coders` in `tags` (all tags when empty).
pub(crate) fn units_of(article: &CodedArticle, coders: &[String], tags: &[String]) -> ArticleUnits {
    let mut out = ArticleUnits::default();
    for a in &article.annotations {
        let Some(coder) = coders.iter().position(|c| *c == a.author) else {
            continue;
        };
        if a.is_region() {
            out.regions += 1;
            continue;
        }
        if !placed(a, article.char_len) {
            out.orphaned += 1;
            continue;
        }
        *out.annotations.entry(a.author.clone()).or_insert(0) += 1;
        if a.tags.is_empty() {
            out.untagged += 1;
        }
        let span = Span::new(a.start.0 as u64, a.end.0 as u64);
        for (i, tag) in a.tags.iter().enumerate() {
            let chosen = tags.is_empty() || tags.contains(tag);
            if chosen && !a.tags[..i].contains(tag) {
                out.units.push(Unit {
                    coder,
                    category: tag.clone(),
                    span,
                });
            }
        }
    }
    out
}
