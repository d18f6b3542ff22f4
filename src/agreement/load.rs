//! Reading what to compare from disk: the articles under some paths with their
//! sidecars, or two copies of one corpus in two folders (`--against`), matched by the
//! SHA-256 of their canonical texts.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::coding::{CodedArticle, CorpusCoding, placed};
use crate::annotate::Annotation;
use crate::export::{ExportPathsError, FoundArticles, LoadFailure, find_articles};
use crate::store::{Sidecar, WalkProblem};
use crate::tr;

/// Why the articles could not be read. Nothing is measured then.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A folder could not be listed.
    #[error(transparent)]
    Find(#[from] ExportPathsError),
    /// Some articles or sidecars could not be read (all are listed).
    #[error("{}", tr!("agreement-articles-unreadable", count = .0.len()))]
    Load(Vec<LoadFailure>),
    /// Both copies have the same name, so their coders could not be told apart.
    #[error("{}", tr!("agreement-same-label", label = format!("{:?}", .0)))]
    SameLabel(String),
}

/// The articles read, and places in the folders that were not walked.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// The articles with every coder's annotations.
    pub coding: CorpusCoding,
    /// Places not walked (symbolic link loops), to be told.
    pub skipped: Vec<WalkProblem>,
}

/// One copy of a corpus for [`load_against`]: the paths given and the name of its
/// folder, the coder of its annotations that have no author.
#[derive(Clone, Copy, Debug)]
pub struct CorpusCopy<'a> {
    /// Articles, sidecars or folders, as given.
    pub paths: &'a [PathBuf],
    /// The copy's name (its folder's name).
    pub label: &'a str,
}

/// The articles under `paths` (see [`find_articles`]) with their annotations; the
/// coder of an annotation is its author.
pub fn load_corpus(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    let (articles, skipped) = read_all(paths)?;
    let coding = CorpusCoding {
        articles,
        ..CorpusCoding::default()
    };
    Ok(Loaded { coding, skipped })
}

/// Two copies of a corpus: articles whose canonical texts are equal (by SHA-256) are
/// compared, with the annotations of both copies.
///
/// The coder of an annotation is its author, or the copy's label when it has none. A
/// coder name found in both copies (the same author name, e.g. a default user name)
/// becomes two coders, `name (label)` on each side: Pathok cannot know whether they
/// are one person, and two copies are two codings. Annotations with the same id in
/// both copies (copied, e.g. pre-annotations imported into both) stay on both sides
/// and are counted. Articles in one copy only, or whose text occurs twice in a copy,
/// are counted and left out.
pub fn load_against(ours: CorpusCopy<'_>, theirs: CorpusCopy<'_>) -> Result<Loaded, LoadError> {
    if ours.label == theirs.label {
        return Err(LoadError::SameLabel(ours.label.to_owned()));
    }
    let (mut ours_articles, mut skipped) = read_all(ours.paths)?;
    let (mut theirs_articles, theirs_skipped) = read_all(theirs.paths)?;
    skipped.extend(theirs_skipped);
    name_coders(&mut ours_articles, ours.label);
    name_coders(&mut theirs_articles, theirs.label);
    suffix_shared_names(
        &mut ours_articles,
        ours.label,
        &mut theirs_articles,
        theirs.label,
    );

    let by_sha = |articles: &[CodedArticle]| -> BTreeMap<String, Vec<usize>> {
        let mut map: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, a) in articles.iter().enumerate() {
            map.entry(a.sha256.clone()).or_default().push(i);
        }
        map
    };
    let (ours_by_sha, theirs_by_sha) = (by_sha(&ours_articles), by_sha(&theirs_articles));
    // A text found once in each copy pairs them; more than once in either, it cannot.
    let paired = |sha: &str| match (ours_by_sha.get(sha), theirs_by_sha.get(sha)) {
        (Some(o), Some(t)) if o.len() == 1 && t.len() == 1 => Some(Some(t[0])),
        (Some(_), Some(_)) => Some(None),
        _ => None,
    };
    let mut coding = CorpusCoding::default();
    for (sha, at) in &theirs_by_sha {
        match paired(sha) {
            None => coding.unmatched += at.len(),
            Some(None) => coding.ambiguous += at.len(),
            Some(Some(_)) => {}
        }
    }
    let mut theirs_slots: Vec<Option<CodedArticle>> =
        theirs_articles.into_iter().map(Some).collect();
    for mut article in ours_articles {
        let other = match paired(&article.sha256) {
            None => {
                coding.unmatched += 1;
                continue;
            }
            Some(None) => {
                coding.ambiguous += 1;
                continue;
            }
            Some(Some(j)) => theirs_slots[j].take(),
        };
        let Some(other) = other else { continue };
        let ids: BTreeSet<_> = article.annotations.iter().map(|a| a.id).collect();
        coding.shared_ids += other
            .annotations
            .iter()
            .filter(|a| ids.contains(&a.id))
            .count();
        article.annotations.extend(other.annotations);
        coding.articles.push(article);
    }
    Ok(Loaded { coding, skipped })
}

/// Read every article under `paths` with its sidecar; all failures, or all articles.
fn read_all(paths: &[PathBuf]) -> Result<(Vec<CodedArticle>, Vec<WalkProblem>), LoadError> {
    let FoundArticles { articles, skipped } = find_articles(paths)?;
    let mut out = Vec::with_capacity(articles.len());
    let mut failures = Vec::new();
    for path in articles {
        let read = crate::article::load(&path)
            .map_err(crate::export::LoadError::Article)
            .and_then(|article| {
                let (sidecar, _) =
                    Sidecar::open(&path, &article).map_err(crate::export::LoadError::Sidecar)?;
                Ok((article, sidecar))
            });
        match read {
            Ok((article, sidecar)) => out.push(CodedArticle {
                sha256: article.sha256.clone(),
                char_len: article.text.char_len(),
                annotations: sidecar.annotations.as_slice().to_vec(),
                path,
            }),
            Err(reason) => failures.push(LoadFailure { path, reason }),
        }
    }
    if failures.is_empty() {
        Ok((out, skipped))
    } else {
        Err(LoadError::Load(failures))
    }
}

/// Annotations without an author are the copy's: named after it.
fn name_coders(articles: &mut [CodedArticle], label: &str) {
    for a in articles.iter_mut().flat_map(|x| x.annotations.iter_mut()) {
        if a.author.is_empty() {
            label.clone_into(&mut a.author);
        }
    }
}

/// Coder names found in both copies become `name (label)` on each side.
fn suffix_shared_names(
    ours: &mut [CodedArticle],
    ours_label: &str,
    theirs: &mut [CodedArticle],
    theirs_label: &str,
) {
    let names = |articles: &[CodedArticle]| -> BTreeSet<String> {
        articles
            .iter()
            .flat_map(|x| {
                x.annotations
                    .iter()
                    .filter(|a| placed(a, x.char_len))
                    .map(|a| a.author.clone())
            })
            .collect()
    };
    let shared: BTreeSet<String> = names(ours).intersection(&names(theirs)).cloned().collect();
    let rename = |articles: &mut [CodedArticle], label: &str| {
        let annotations = articles.iter_mut().flat_map(|x| x.annotations.iter_mut());
        for a in annotations.filter(|a: &&mut Annotation| shared.contains(&a.author)) {
            a.author = format!("{} ({label})", a.author);
        }
    };
    rename(ours, ours_label);
    rename(theirs, theirs_label);
}
