//! Importing pre-annotations (e.g. model predictions) into sidecars, the same for
//! every format: the format's [`Importer`](super::Importer) reads [`Candidate`]s,
//! every record is checked against its article, and the sidecars are written all or
//! nothing.
//!
//! An imported annotation whose id is already in the sidecar replaces it when newer.
//! One with the same span, the same tags (in any order) and the same author as an
//! annotation already there (or earlier in the same import) is a duplicate: it is
//! merged into that one (its note fills an empty note) instead of being added. Two
//! coders' identical codings differ in author and stay two annotations.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use super::format::ImportFormat;
use super::importer::{ImportInput, ImportOptions, ReadError};
use super::paths::{ExportPathsError, find_articles};
use super::record::{Candidate, JsonlRecord, LineError, RecordError};
use crate::annotate::{Annotation, AnnotationSet, Color, ImageRegion, Status, Timestamp};
use crate::article::{Article, ImageLimits, Origin, file_error, read_regular_file};
use crate::picture::{self, PixelRect};
use crate::store::{self, StoreError, update_sidecars};
use crate::text::{CharRange, snap_range};
use crate::tr;

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Some records are invalid (all of them are listed).
    #[error("{}", tr!("session-import-invalid", count = .0.len()))]
    Lines(Vec<LineError>),
    /// The input could not be read or is not of the format at all.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The articles to import into (brat) could not be listed.
    #[error(transparent)]
    Find(#[from] ExportPathsError),
    /// A path to limit the import to does not exist or cannot be resolved.
    #[error("{}", tr!(
        "import-cannot-resolve",
        reason = .source.to_string(),
        path = .path.display().to_string()
    ))]
    Filter {
        /// The path as given.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// A sidecar could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportSummary {
    /// Annotations added.
    pub added: usize,
    /// Duplicates (same span, tags and author as an annotation already there) merged
    /// into it.
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

/// Import `file` in `format`.
///
/// For `jsonl` and `w3c`, article paths in the records are relative to the working
/// directory or absolute, and `paths` (articles or folders), when not empty, limits
/// the import to the articles that really lie there (compared as canonical paths, so
/// a symbolic link inside a folder does not admit an article outside it). For `brat`,
/// `file` is a `.ann` file or a folder of them and `paths` are the articles (or
/// folders) to import into: each `.ann` goes to the article whose canonical text
/// equals the `.txt` next to it.
pub fn import_file(
    format: ImportFormat,
    file: &Path,
    paths: &[PathBuf],
    options: ImportOptions,
) -> Result<ImportSummary, ImportError> {
    let importer = format.importer(&options);
    if importer.reads_text() {
        let input = std::fs::read_to_string(file).map_err(|source| ReadError::Io {
            path: file.to_owned(),
            source,
        })?;
        return import_text(format, &input, file, paths, options);
    }
    let articles = find_articles(paths)?.articles;
    let candidates = importer.read(ImportInput::Files {
        path: file,
        articles: &articles,
    })?;
    import_candidates(candidates, None, &options)
}

/// Import `input` (the content of `name`, e.g. standard input as `-`) in a format
/// that reads text (`jsonl`, `w3c`); `paths` as in [`import_file`].
pub fn import_text(
    format: ImportFormat,
    input: &str,
    name: &Path,
    paths: &[PathBuf],
    options: ImportOptions,
) -> Result<ImportSummary, ImportError> {
    let candidates = format
        .importer(&options)
        .read(ImportInput::Text { name, text: input })?;
    let only = if paths.is_empty() {
        None
    } else {
        Some(Filter::new(paths)?)
    };
    import_candidates(candidates, only.as_ref(), &options)
}

/// Where an import may write: under these canonical paths.
#[derive(Clone, Debug)]
pub struct Filter {
    roots: Vec<PathBuf>,
}

impl Filter {
    /// The articles or folders `paths` (a sidecar stands for its article), resolved to
    /// canonical paths.
    pub fn new(paths: &[PathBuf]) -> Result<Self, ImportError> {
        let mut roots = Vec::with_capacity(paths.len());
        for path in paths {
            let path = store::article_path_of(path)
                .filter(|_| !path.is_dir())
                .unwrap_or_else(|| path.clone());
            let root = std::fs::canonicalize(&path)
                .map_err(|source| ImportError::Filter { path, source })?;
            roots.push(root);
        }
        Ok(Filter { roots })
    }

    /// Whether the article at the canonical path `article` lies under the filter.
    pub fn admits(&self, article: &Path) -> bool {
        self.roots.iter().any(|root| article.starts_with(root))
    }
}

/// Check `candidates` against their articles and write the sidecars. With `only`,
/// records for other articles are skipped. Unless [`ImportOptions::skip_invalid`],
/// either every record is valid and all sidecars are written (all or nothing), or
/// nothing is written and every bad record is reported.
pub fn import_candidates(
    candidates: Vec<Candidate>,
    only: Option<&Filter>,
    options: &ImportOptions,
) -> Result<ImportSummary, ImportError> {
    let mut summary = ImportSummary::default();
    let (targets, errors) = check_all(candidates, only, &mut summary);
    if !errors.is_empty() && !options.skip_invalid {
        return Err(ImportError::Lines(errors));
    }
    summary.rejected = errors;
    write_all(targets, &mut summary)?;
    Ok(summary)
}

/// Check every candidate against its article: the annotations to add per article
/// (keyed by canonical path), and the records rejected.
fn check_all(
    candidates: Vec<Candidate>,
    only: Option<&Filter>,
    summary: &mut ImportSummary,
) -> (BTreeMap<PathBuf, Target>, Vec<LineError>) {
    let mut targets: BTreeMap<PathBuf, Target> = BTreeMap::new();
    let mut failed_articles: HashSet<PathBuf> = HashSet::new();
    let mut errors = Vec::new();
    let mut ids = HashSet::new();
    let now = Timestamp::now();
    for candidate in candidates {
        let mut fail = |reason: RecordError| {
            errors.push(LineError {
                file: candidate.file.clone(),
                location: candidate.location,
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
        if only.is_some_and(|o| !o.admits(&k)) {
            summary.skipped += 1;
            continue;
        }
        if !targets.contains_key(&k) {
            if failed_articles.contains(&k) {
                fail(RecordError::ArticleUnreadable(record.article.clone()));
                continue;
            }
            match crate::article::load(&path) {
                Ok(article) => {
                    let target = Target {
                        path: path.clone(),
                        article,
                        annotations: Vec::new(),
                    };
                    targets.insert(k.clone(), target);
                }
                Err(e) => {
                    failed_articles.insert(k);
                    fail(e.into());
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
                    fail(RecordError::DuplicateId(a.id));
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
    (targets, errors)
}

/// Add the checked annotations to their sidecars and write them all or none: each
/// sidecar is merged as it is on disk at write time, under its folder's lock, so
/// concurrent imports and editing sessions lose nothing.
fn write_all(
    targets: BTreeMap<PathBuf, Target>,
    summary: &mut ImportSummary,
) -> Result<(), ImportError> {
    let mut targets: Vec<Target> = targets.into_values().collect();
    let mut incoming: Vec<Vec<Incoming>> = targets
        .iter_mut()
        .map(|t| std::mem::take(&mut t.annotations))
        .collect();
    let articles: Vec<(&Path, &Article)> = targets
        .iter()
        .map(|t| (t.path.as_path(), &t.article))
        .collect();
    let written = update_sidecars(&articles, |i, sidecar| {
        for a in std::mem::take(&mut incoming[i]) {
            add(&mut sidecar.annotations, a, summary);
        }
        Ok::<(), ImportError>(())
    })?;
    summary.sidecars.extend(written);
    Ok(())
}

/// Add an imported annotation to `set`: by id (a newer, different copy wins; fields
/// the input left out are kept), as a duplicate of an annotation with the same span,
/// tags and author, or as a new one.
fn add(set: &mut AnnotationSet, incoming: Incoming, summary: &mut ImportSummary) {
    let Incoming { mut a, .. } = incoming;
    match set.get(a.id) {
        Some(old)
            if old.modified >= a.modified
                || (old.range() == a.range()
                    && old.region == a.region
                    && old.tags == a.tags
                    && old.note == a.note) =>
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
            let same = |b: &&Annotation| {
                b.range() == a.range()
                    && b.region.as_ref().map(|r| (&r.image, r.rect))
                        == a.region.as_ref().map(|r| (&r.image, r.rect))
                    && same_tags(&b.tags, &a.tags)
                    && b.author == a.author
            };
            let duplicate = if a.is_region() {
                set.regions().find(same).cloned()
            } else {
                set.overlapping(a.range()).find(same).cloned()
            };
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
) -> Result<(Annotation, bool), RecordError> {
    let text = &article.text;
    if let Some(sha) = &r.article_sha256
        && !sha.eq_ignore_ascii_case(&article.sha256)
    {
        return Err(RecordError::ShaMismatch {
            given: sha.clone(),
            actual: article.sha256.clone(),
        });
    }
    if let Some(rect) = r.region {
        return region_of(r, rect, article, now).map(|a| (a, false));
    }
    let (Some(start), Some(end)) = (r.start, r.end) else {
        return Err(RecordError::MissingOffsets);
    };
    if start >= end || end > text.char_len() {
        return Err(RecordError::OutOfRange {
            start,
            end,
            len: text.char_len(),
        });
    }
    let range = CharRange::new(start, end);
    let found = text.slice(range);
    if let Some(quote) = &r.quote
        && quote != found
    {
        return Err(RecordError::QuoteMismatch {
            quote: quote.clone(),
            start,
            end,
            found: found.to_owned(),
        });
    }
    let check = |name: &'static str, given: Option<usize>, actual: usize| match given {
        Some(given) if given != actual => Err(RecordError::OffsetDisagrees {
            name,
            given,
            actual,
        }),
        _ => Ok(()),
    };
    check("start_utf16", r.start_utf16, text.utf16_of(range.start).0)?;
    check("end_utf16", r.end_utf16, text.utf16_of(range.end).0)?;
    check("start_byte", r.start_byte, text.byte_of(range.start).0)?;
    check("end_byte", r.end_byte, text.byte_of(range.end).0)?;
    let (created, modified) = times(r, now)?;
    let snapped = snap_range(text, range);
    let mut a = Annotation::new(text, snapped, created).ok_or(RecordError::EmptySpan)?;
    fill(&mut a, r, modified)?;
    Ok((a, snapped != range))
}

/// The record's `created` (else `now`) and `modified` (else `created`).
fn times(r: &JsonlRecord, now: Timestamp) -> Result<(Timestamp, Timestamp), RecordError> {
    let time = |name: &'static str, v: &Option<String>| -> Result<Option<Timestamp>, RecordError> {
        v.as_deref()
            .map(|s| {
                s.parse().map_err(|source| RecordError::BadTime {
                    name,
                    value: s.to_owned(),
                    source,
                })
            })
            .transpose()
    };
    let created = time("created", &r.created)?.unwrap_or(now);
    let modified = time("modified", &r.modified)?.unwrap_or(created);
    Ok((created, modified))
}

/// Give `a` the record's id, colour, tags, note and author (passage or region alike).
fn fill(a: &mut Annotation, r: &JsonlRecord, modified: Timestamp) -> Result<(), RecordError> {
    a.id = r.id.unwrap_or(a.id);
    a.modified = modified;
    a.color = match &r.color {
        Some(c) => c.parse::<Color>()?,
        None => Color::default(),
    };
    a.tags = r.tags.clone().unwrap_or_default();
    a.note = r.note.clone().unwrap_or_default();
    a.author = r.author.clone().unwrap_or_default();
    a.status = Status::Anchored;
    Ok(())
}

/// The picture region a record describes, checked against the picture as it is now:
/// the region must lie inside it (pixels after EXIF orientation) and, when the record
/// gives `image_sha256`, the picture must be the one it was drawn on.
fn region_of(
    r: &JsonlRecord,
    rect: PixelRect,
    article: &Article,
    now: Timestamp,
) -> Result<Annotation, RecordError> {
    if r.start.is_some() || r.end.is_some() {
        return Err(RecordError::RegionWithOffsets);
    }
    let article_path = match &article.origin {
        Origin::File(path) => path.clone(),
        Origin::Embedded(name) => PathBuf::from(name),
    };
    let file = picture::image_file(&article_path, r.image.as_deref());
    let label = file.display().to_string();
    let limits = ImageLimits::default();
    let bytes = read_regular_file(&file, limits.max_file_bytes)
        .map_err(|e| RecordError::Picture(file_error(e, &label)))?;
    let size = picture::oriented_size(&bytes, &label).map_err(RecordError::Picture)?;
    if !rect.fits(size) {
        return Err(RecordError::RegionOutside {
            rect,
            width: size.width,
            height: size.height,
        });
    }
    let actual = picture::image_sha256(&bytes);
    if let Some(given) = &r.image_sha256
        && !given.eq_ignore_ascii_case(&actual)
    {
        return Err(RecordError::ImageShaMismatch {
            given: given.clone(),
            actual,
        });
    }
    let (created, modified) = times(r, now)?;
    let region = ImageRegion {
        image: r.image.clone(),
        sha256: actual,
        rect,
    };
    let mut a = Annotation::new_region(region, created);
    fill(&mut a, r, modified)?;
    Ok(a)
}
