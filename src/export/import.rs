//! Importing pre-annotations (e.g. model predictions) into sidecars: JSONL, W3C Web
//! Annotation and brat standoff are turned into [`JsonlRecord`]s, every record is
//! checked against its article, and the sidecars are written all or nothing.
//!
//! An imported annotation whose id is already in the sidecar replaces it when newer.
//! One with the same span and the same tags (in any order) as an annotation already
//! there (or earlier in the same import) is a duplicate: it is merged into that one
//! (its note fills an empty note) instead of being added.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use super::jsonl::JsonlRecord;
use crate::annotate::{Annotation, AnnotationSet, Color, Status, Timestamp};
use crate::article::Article;
use crate::store::{Sidecar, StoreError, commit_all};
use crate::text::{ByteOffset, CharRange, Utf16Offset, snap_range};

/// A rejected record: where it came from and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {reason}", file.display())]
pub struct LineError {
    /// The file it was read from (as given).
    pub file: PathBuf,
    /// 1-based line number in that file.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Some records are invalid (all of them are listed).
    #[error("{} invalid record(s); nothing was imported", .0.len())]
    Lines(Vec<LineError>),
    /// The input could not be read or is not of the format at all.
    #[error("{0}")]
    Input(String),
    /// `format` is not one of [`super::IMPORT_FORMATS`].
    #[error("unknown import format {0:?} (jsonl, w3c or brat)")]
    UnknownFormat(String),
    /// A sidecar could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How to treat invalid records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Import the valid records and list the others in [`ImportSummary::rejected`]
    /// (default: any invalid record means nothing is written).
    pub skip_invalid: bool,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Annotations added.
    pub added: usize,
    /// Duplicates (same span and tags as an annotation already there) merged into it.
    pub merged: usize,
    /// Existing annotations (same id) replaced by a newer imported copy.
    pub updated: usize,
    /// Records that changed nothing (same id, not newer; or deleted later).
    pub unchanged: usize,
    /// Records for articles not among the paths the import was limited to.
    pub skipped: usize,
    /// Spans widened to grapheme-cluster boundaries.
    pub snapped: usize,
    /// Records left out, with the reason (only with [`ImportOptions::skip_invalid`]).
    pub rejected: Vec<LineError>,
    /// Sidecars written.
    pub sidecars: Vec<PathBuf>,
}

/// One record read from an input file, or why it could not be read.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The file it was read from.
    pub file: PathBuf,
    /// 1-based line in that file.
    pub line: usize,
    /// The record, or why the input there is not one.
    pub record: Result<JsonlRecord, String>,
}

struct Target {
    path: PathBuf,
    article: Article,
    annotations: Vec<Incoming>,
}

/// An imported annotation and which of the fields formats may leave out it had.
struct Incoming {
    a: Annotation,
    color: bool,
    author: bool,
    created: bool,
}

/// Import `file` in `format` (`jsonl`, `w3c` or `brat`; see [`super::IMPORT_FORMATS`]).
///
/// For `jsonl` and `w3c`, article paths in the records are relative to the working
/// directory or absolute, and `paths` (articles or folders), when not empty, limits
/// the import to those articles. For `brat`, `file` is a `.ann` file or a folder of
/// them and `paths` are the articles (or folders) to import into: each `.ann` goes to
/// the article whose canonical text equals the `.txt` next to it.
pub fn import_file(
    format: &str,
    file: &Path,
    paths: &[PathBuf],
    options: ImportOptions,
) -> Result<ImportSummary, ImportError> {
    match format {
        "jsonl" | "w3c" => {
            let input = std::fs::read_to_string(file).map_err(|e| {
                ImportError::Input(format!("cannot read ({e}): {}", file.display()))
            })?;
            import_text(format, &input, file, paths, options)
        }
        "brat" => {
            let articles = articles_of(paths)?;
            let candidates = super::brat::candidates(file, &articles)?;
            import_candidates(candidates, None, options)
        }
        _ => Err(ImportError::UnknownFormat(format.to_owned())),
    }
}

/// Import `input` (the content of `name`, e.g. standard input) in `format` (`jsonl`
/// or `w3c`); `paths` as in [`import_file`].
pub fn import_text(
    format: &str,
    input: &str,
    name: &Path,
    paths: &[PathBuf],
    options: ImportOptions,
) -> Result<ImportSummary, ImportError> {
    let candidates = match format {
        "jsonl" => super::jsonl::candidates(input, name),
        "w3c" => super::w3c::candidates(input, name)?,
        _ => return Err(ImportError::UnknownFormat(format.to_owned())),
    };
    let only = if paths.is_empty() {
        None
    } else {
        Some(articles_of(paths)?)
    };
    import_candidates(candidates, only.as_deref(), options)
}

fn articles_of(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ImportError> {
    super::find_articles(paths)
        .map(|found| found.articles)
        .map_err(|e| ImportError::Input(e.to_string()))
}

/// Check `candidates` against their articles and write the sidecars. With `only`,
/// records for other articles are skipped. Unless [`ImportOptions::skip_invalid`],
/// either every record is valid and all sidecars are written (all or nothing), or
/// nothing is written and every bad record is reported.
pub fn import_candidates(
    candidates: Vec<Candidate>,
    only: Option<&[PathBuf]>,
    options: ImportOptions,
) -> Result<ImportSummary, ImportError> {
    let only: Option<HashSet<PathBuf>> = only.map(|paths| paths.iter().map(|p| key(p)).collect());
    let mut targets: BTreeMap<PathBuf, Target> = BTreeMap::new();
    let mut failed_articles: HashSet<String> = HashSet::new();
    let mut errors = Vec::new();
    let mut ids = HashSet::new();
    let mut summary = ImportSummary::default();
    let now = Timestamp::now();
    for candidate in candidates {
        let mut fail = |reason: String| {
            errors.push(LineError {
                file: candidate.file.clone(),
                line: candidate.line,
                reason,
            })
        };
        let record = match candidate.record {
            Ok(r) => r,
            Err(reason) => {
                fail(reason);
                continue;
            }
        };
        let path = PathBuf::from(&record.article);
        let k = key(&path);
        if only.as_ref().is_some_and(|o| !o.contains(&k)) {
            summary.skipped += 1;
            continue;
        }
        if !targets.contains_key(&k) {
            if failed_articles.contains(&record.article) {
                fail(format!("article cannot be opened: {}", record.article));
                continue;
            }
            match crate::article::load(&path) {
                Ok(article) => {
                    targets.insert(
                        k.clone(),
                        Target {
                            path: path.clone(),
                            article,
                            annotations: Vec::new(),
                        },
                    );
                }
                Err(e) => {
                    failed_articles.insert(record.article.clone());
                    fail(format!("{e}"));
                    continue;
                }
            }
        }
        let Some(target) = targets.get_mut(&k) else {
            continue;
        };
        match annotation_of(&record, &target.article, now) {
            Ok((a, snapped)) => {
                if !ids.insert(a.id) {
                    fail(format!("id {} appears twice", a.id));
                    continue;
                }
                summary.snapped += usize::from(snapped);
                target.annotations.push(Incoming {
                    a,
                    color: record.color.is_some(),
                    author: record.author.is_some(),
                    created: record.created.is_some(),
                });
            }
            Err(reason) => fail(reason),
        }
    }
    if !errors.is_empty() && !options.skip_invalid {
        return Err(ImportError::Lines(errors));
    }
    summary.rejected = errors;
    let mut writes = Vec::new();
    for target in targets.into_values() {
        let (mut sidecar, _) = Sidecar::open(&target.path, &target.article)?;
        for incoming in target.annotations {
            add(&mut sidecar.annotations, incoming, &mut summary);
        }
        sidecar.add_missing_tags();
        summary.sidecars.push(sidecar.path.clone());
        writes.push(sidecar.planned_write()?);
    }
    commit_all(writes)?;
    Ok(summary)
}

/// Add an imported annotation to `set`: by id (a newer, different copy wins; fields
/// the input left out are kept), as a duplicate of an annotation with the same span
/// and tags, or as a new one.
fn add(set: &mut AnnotationSet, incoming: Incoming, summary: &mut ImportSummary) {
    let Incoming { mut a, .. } = incoming;
    match set.get(a.id) {
        Some(old)
            if old.modified >= a.modified
                || (old.range() == a.range() && old.tags == a.tags && old.note == a.note) =>
        {
            summary.unchanged += 1
        }
        Some(old) => {
            if !incoming.color {
                a.color = old.color;
            }
            if !incoming.author {
                a.author = old.author.clone();
            }
            if !incoming.created {
                a.created = old.created;
            }
            summary.updated += 1;
            set.upsert(a);
        }
        None if set.deleted_at(a.id) >= Some(a.modified) => summary.unchanged += 1,
        None => {
            let same = |b: &&Annotation| b.range() == a.range() && same_tags(&b.tags, &a.tags);
            let duplicate = set.overlapping(a.range()).find(same).cloned();
            if let Some(old) = duplicate {
                summary.merged += 1;
                if old.note.is_empty() && !a.note.is_empty() {
                    let mut merged = old;
                    merged.note = a.note;
                    merged.modified = merged.modified.max(a.modified);
                    set.upsert(merged);
                }
            } else {
                summary.added += 1;
                set.upsert(a);
            }
        }
    }
}

fn same_tags(a: &[String], b: &[String]) -> bool {
    let mut a: Vec<&String> = a.iter().collect();
    let mut b: Vec<&String> = b.iter().collect();
    a.sort_unstable();
    a.dedup();
    b.sort_unstable();
    b.dedup();
    a == b
}

/// A comparable key for an article path (canonical when it exists).
fn key(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

/// The annotation a record describes, checked against the article. Returns whether
/// the span had to be widened to cluster boundaries.
fn annotation_of(
    r: &JsonlRecord,
    article: &Article,
    now: Timestamp,
) -> Result<(Annotation, bool), String> {
    let text = &article.text;
    if let Some(sha) = &r.article_sha256
        && !sha.eq_ignore_ascii_case(&article.sha256)
    {
        return Err(format!(
            "article_sha256 {sha} is not the article's ({}): the article changed since these offsets were made",
            article.sha256
        ));
    }
    let (Some(start), Some(end)) = (r.start, r.end) else {
        return Err("start and end are required (orphaned annotations cannot be imported)".into());
    };
    if start >= end || end > text.char_len() {
        return Err(format!(
            "offsets {start}..{end} are out of range (the text has {} code points)",
            text.char_len()
        ));
    }
    let range = CharRange::new(start, end);
    let found = text.slice(range);
    if let Some(quote) = &r.quote
        && quote != found
    {
        return Err(format!(
            "quote \"{quote}\" does not match text[{start}:{end}] = \"{found}\""
        ));
    }
    let check = |name: &str, given: Option<usize>, actual: usize| match given {
        Some(g) if g != actual => Err(format!(
            "{name} is {g}, but code point offset gives {actual}"
        )),
        _ => Ok(()),
    };
    check("start_utf16", r.start_utf16, text.utf16_of(range.start).0)?;
    check("end_utf16", r.end_utf16, text.utf16_of(range.end).0)?;
    check("start_byte", r.start_byte, text.byte_of(range.start).0)?;
    check("end_byte", r.end_byte, text.byte_of(range.end).0)?;
    // Keep the conversions honest in both directions.
    debug_assert_eq!(
        text.char_of_utf16(Utf16Offset(text.utf16_of(range.start).0)),
        range.start
    );
    debug_assert_eq!(
        text.char_of_byte(ByteOffset(text.byte_of(range.end).0)),
        range.end
    );
    let time = |name: &str, v: &Option<String>| -> Result<Option<Timestamp>, String> {
        v.as_deref()
            .map(|s| {
                s.parse()
                    .map_err(|e| format!("{name} {s:?} is not RFC 3339: {e}"))
            })
            .transpose()
    };
    let created = time("created", &r.created)?.unwrap_or(now);
    let modified = time("modified", &r.modified)?.unwrap_or(created);
    let snapped = snap_range(text, range);
    let mut a = Annotation::new(text, snapped, created).ok_or("empty span")?;
    a.id = r.id.unwrap_or(a.id);
    a.modified = modified;
    a.color = match &r.color {
        Some(c) => c.parse::<Color>().map_err(|e| e.to_string())?,
        None => Color::default(),
    };
    a.tags = r.tags.clone().unwrap_or_default();
    a.note = r.note.clone().unwrap_or_default();
    a.author = r.author.clone().unwrap_or_default();
    a.status = Status::Anchored;
    Ok((a, snapped != range))
}
