//! Importing JSONL pre-annotations into sidecars: every line is checked first, and
//! nothing is written unless all are good.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use super::JsonlRecord;
use crate::annotate::{Annotation, Color, Status, Timestamp};
use crate::article::Article;
use crate::store::{Sidecar, StoreError, commit_all};
use crate::text::{ByteOffset, CharRange, Utf16Offset, snap_range};

/// A rejected line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct LineError {
    /// 1-based line number in the input.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Some lines are invalid (all of them are listed).
    #[error("{} invalid line(s); nothing was imported", .0.len())]
    Lines(Vec<LineError>),
    /// A sidecar could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Annotations added.
    pub added: usize,
    /// Existing annotations (same id) replaced by a newer imported copy.
    pub updated: usize,
    /// Lines that changed nothing (same id, not newer; or deleted later).
    pub unchanged: usize,
    /// Lines for articles not among the paths the import was limited to.
    pub skipped: usize,
    /// Spans widened to grapheme-cluster boundaries.
    pub snapped: usize,
    /// Sidecars written.
    pub sidecars: Vec<PathBuf>,
}

struct Target {
    path: PathBuf,
    article: Article,
    annotations: Vec<Annotation>,
}

/// Import the JSONL `input`. Article paths in lines are relative to the working
/// directory or absolute. With `only`, lines for other articles are skipped. Either
/// every line is valid and all sidecars are written (all or nothing), or nothing is
/// written and every bad line is reported.
pub fn import(input: &str, only: Option<&[PathBuf]>) -> Result<ImportSummary, ImportError> {
    let only: Option<HashSet<PathBuf>> = only.map(|paths| paths.iter().map(|p| key(p)).collect());
    let mut targets: BTreeMap<PathBuf, Target> = BTreeMap::new();
    let mut failed_articles: HashSet<String> = HashSet::new();
    let mut errors = Vec::new();
    let mut ids = HashSet::new();
    let mut summary = ImportSummary::default();
    let now = Timestamp::now();
    for (i, line) in input.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let mut fail = |reason: String| {
            errors.push(LineError {
                line: line_no,
                reason,
            })
        };
        let record: JsonlRecord = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                fail(format!("not a valid record: {e}"));
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
                target.annotations.push(a);
            }
            Err(reason) => fail(reason),
        }
    }
    if !errors.is_empty() {
        return Err(ImportError::Lines(errors));
    }
    let mut writes = Vec::new();
    for target in targets.into_values() {
        let (mut sidecar, _) = Sidecar::open(&target.path, &target.article)?;
        for a in target.annotations {
            match sidecar.annotations.get(a.id) {
                Some(old) if old.modified >= a.modified => summary.unchanged += 1,
                Some(_) => {
                    summary.updated += 1;
                    sidecar.annotations.upsert(a);
                }
                None if sidecar.annotations.deleted_at(a.id) >= Some(a.modified) => {
                    summary.unchanged += 1;
                }
                None => {
                    summary.added += 1;
                    sidecar.annotations.upsert(a);
                }
            }
        }
        sidecar.add_missing_tags();
        summary.sidecars.push(sidecar.path.clone());
        writes.push(sidecar.planned_write()?);
    }
    commit_all(writes)?;
    Ok(summary)
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
