//! The record every format is turned into and read back from: one annotation as a
//! [`JsonlRecord`] (the JSONL schema), a [`Candidate`] read from an input file at a
//! [`Location`], and why a record is rejected ([`RecordError`], [`LineError`]).

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::helpers::Placed;
use crate::annotate::{Annotation, ColorError, Status};
use crate::article::{ArticleError, ImageError};
use crate::picture::PixelRect;
use crate::text::SourceText;

/// One line of the JSONL export (and of an import, where most fields are optional).
///
/// Offsets count code points (`start`/`end`), UTF-16 code units and UTF-8 bytes of the
/// canonical text; for every line with status `anchored` or `moved`,
/// `text[start:end] == quote` in Python. Orphaned annotations have `null` offsets.
///
/// A picture region has `null` offsets and quote, and `region` (`x`, `y`, `w`, `h` in
/// the picture's pixels after EXIF orientation) with `image_sha256`; `image` names the
/// picture relative to the article when it is one of the article's pictures (absent
/// when the article is itself the picture). Text lines leave these three out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonlRecord {
    /// The article's path as given (relative to the working directory, or absolute).
    pub article: String,
    /// SHA-256 of the canonical text the offsets point into.
    pub article_sha256: Option<String>,
    /// Annotation id (UUID).
    pub id: Option<uuid::Uuid>,
    /// First code point (inclusive).
    pub start: Option<usize>,
    /// One past the last code point.
    pub end: Option<usize>,
    /// The annotated text.
    pub quote: Option<String>,
    /// Up to 32 code points before.
    pub prefix: Option<String>,
    /// Up to 32 code points after.
    pub suffix: Option<String>,
    /// Tag names.
    pub tags: Option<Vec<String>>,
    /// Note.
    pub note: Option<String>,
    /// `#rrggbb`.
    pub color: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// RFC 3339 UTC.
    pub created: Option<String>,
    /// RFC 3339 UTC.
    pub modified: Option<String>,
    /// `anchored`, `moved` or `orphaned`.
    pub status: Option<String>,
    /// Start in UTF-16 code units.
    pub start_utf16: Option<usize>,
    /// End in UTF-16 code units.
    pub end_utf16: Option<usize>,
    /// Start in UTF-8 bytes.
    pub start_byte: Option<usize>,
    /// End in UTF-8 bytes.
    pub end_byte: Option<usize>,
    /// A region's picture, relative to the article (`/` between folders); absent for
    /// a standalone image and for text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Lowercase hex SHA-256 of the picture's bytes the region was drawn on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_sha256: Option<String>,
    /// The region in the picture's pixels; absent for text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<PixelRect>,
}

impl JsonlRecord {
    /// The record of annotation `a` of the article at `article` with text `text`.
    pub fn of(article: &str, sha256: &str, text: &SourceText, a: &Annotation) -> Self {
        if let Some(region) = &a.region {
            return JsonlRecord {
                article: article.to_owned(),
                article_sha256: Some(sha256.to_owned()),
                id: Some(a.id),
                tags: Some(a.tags.clone()),
                note: Some(a.note.clone()),
                color: Some(a.color.to_string()),
                author: Some(a.author.clone()),
                created: Some(a.created.to_string()),
                modified: Some(a.modified.to_string()),
                status: Some(a.status.as_str().to_owned()),
                image: region.image.clone(),
                image_sha256: Some(region.sha256.clone()),
                region: Some(region.rect),
                ..JsonlRecord::default()
            };
        }
        let offsets = Placed::of(a, text);
        let placed = offsets.is_some();
        JsonlRecord {
            article: article.to_owned(),
            article_sha256: Some(sha256.to_owned()),
            id: Some(a.id),
            start: offsets.map(|o| o.start),
            end: offsets.map(|o| o.end),
            quote: Some(a.quote.clone()),
            prefix: Some(a.prefix.clone()),
            suffix: Some(a.suffix.clone()),
            tags: Some(a.tags.clone()),
            note: Some(a.note.clone()),
            color: Some(a.color.to_string()),
            author: Some(a.author.clone()),
            created: Some(a.created.to_string()),
            modified: Some(a.modified.to_string()),
            status: Some(
                if placed { a.status } else { Status::Orphaned }
                    .as_str()
                    .to_owned(),
            ),
            start_utf16: offsets.map(|o| o.start_utf16),
            end_utf16: offsets.map(|o| o.end_utf16),
            start_byte: offsets.map(|o| o.start_byte),
            end_byte: offsets.map(|o| o.end_byte),
            ..JsonlRecord::default()
        }
    }
}

/// Where in an input file a record was read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// 1-based line (of the record's first line); `None` for the whole file.
    pub line: Option<usize>,
    /// 1-based position of the annotation in a W3C collection, page or array.
    pub item: Option<usize>,
}

impl Location {
    /// Line `line` (1-based).
    pub fn line(line: usize) -> Self {
        Location {
            line: Some(line),
            item: None,
        }
    }
}

/// One record read from an input file, or why the input there is not one.
#[derive(Debug)]
pub struct Candidate {
    /// The file it was read from (as given).
    pub file: PathBuf,
    /// Where in that file.
    pub location: Location,
    /// The record, or why the input there is not one.
    pub record: Result<JsonlRecord, RecordError>,
}

/// Why a record is rejected.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// The line is not JSON of the expected shape.
    #[error("not a valid record: {0}")]
    NotJson(#[from] serde_json::Error),
    /// A Web Annotation without a target.
    #[error("no target")]
    NoTarget,
    /// A Web Annotation target without a source.
    #[error("the target has no source (article path or IRI)")]
    NoSource,
    /// A source IRI that names no file Pathok can open.
    #[error(
        "the source {0:?} is neither a file: IRI, a path, nor under the base IRI given (--base-iri), and has no pathok:path"
    )]
    UnknownSource(String),
    /// A Web Annotation without a `TextPositionSelector`.
    #[error("no TextPositionSelector")]
    NoPositionSelector,
    /// A `TextPositionSelector` without `start` or `end`.
    #[error("TextPositionSelector has no {0}")]
    PositionMissing(&'static str),
    /// A brat span that is not `start end` numbers.
    #[error("bad span {0:?}")]
    BadSpan(String),
    /// A brat annotation with fragments far apart: Pathok's annotations are one
    /// contiguous span each.
    #[error(
        "discontinuous span {spans:?}: the text between its fragments is not just line breaks or spaces, and a Pathok annotation is one contiguous span"
    )]
    Discontinuous {
        /// The spans as written.
        spans: String,
    },
    /// A brat line's text field differs from the `.txt` at its span.
    #[error("text {quoted:?} does not match the .txt there ({found:?})")]
    BratTextMismatch {
        /// The text field.
        quoted: String,
        /// The `.txt` at the span.
        found: String,
    },
    /// Two brat lines of one annotation id with different spans.
    #[error("{line_id} has another span than the other lines of {id}")]
    SpansDiffer {
        /// The brat id (`T3`).
        line_id: String,
        /// The Pathok id they share.
        id: String,
    },
    /// An id note that is not a UUID.
    #[error("{note} {id:?} is not a UUID")]
    NotUuid {
        /// The note type.
        note: &'static str,
        /// The value.
        id: String,
    },
    /// A `.ann` file or its `.txt` could not be read.
    #[error("cannot read it or its text ({source}): {}", txt.display())]
    BratUnreadable {
        /// The `.txt` beside it.
        txt: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// No article among the paths given has the text of the `.txt`.
    #[error(
        "no article among the paths given has the text of {} (give the articles to import into)",
        .0.display()
    )]
    NoArticleWithText(PathBuf),
    /// The article cannot be opened.
    #[error(transparent)]
    Article(#[from] ArticleError),
    /// The article could not be opened for an earlier record.
    #[error("article cannot be opened (see the first record for it): {0}")]
    ArticleUnreadable(String),
    /// Two records with one id.
    #[error("id {0} appears twice")]
    DuplicateId(uuid::Uuid),
    /// The record's offsets were made for another text.
    #[error(
        "article_sha256 {given} is not the article's ({actual}): the article changed since these offsets were made"
    )]
    ShaMismatch {
        /// As given.
        given: String,
        /// The article's.
        actual: String,
    },
    /// No offsets (orphaned annotations cannot be imported).
    #[error("start and end are required (orphaned annotations cannot be imported)")]
    MissingOffsets,
    /// Offsets outside the text or in the wrong order.
    #[error("offsets {start}..{end} are out of range (the text has {len} code points)")]
    OutOfRange {
        /// Start as given.
        start: usize,
        /// End as given.
        end: usize,
        /// The text's length in code points.
        len: usize,
    },
    /// The quote is not the text at the offsets.
    #[error("quote \"{quote}\" does not match text[{start}:{end}] = \"{found}\"")]
    QuoteMismatch {
        /// As given.
        quote: String,
        /// Start.
        start: usize,
        /// End.
        end: usize,
        /// The text there.
        found: String,
    },
    /// A UTF-16 or byte offset that disagrees with the code-point offset.
    #[error("{name} is {given}, but the code point offset gives {actual}")]
    OffsetDisagrees {
        /// The field.
        name: &'static str,
        /// As given.
        given: usize,
        /// From the code-point offset.
        actual: usize,
    },
    /// A time that is not RFC 3339.
    #[error("{name} {value:?} is not RFC 3339: {source}")]
    BadTime {
        /// The field.
        name: &'static str,
        /// As given.
        value: String,
        /// Why.
        source: time::error::Parse,
    },
    /// A colour that is not `#rrggbb`.
    #[error(transparent)]
    BadColor(#[from] ColorError),
    /// A span with nothing in it.
    #[error("empty span")]
    EmptySpan,
    /// A region record that also gives text offsets.
    #[error("a picture region has no text offsets: start and end must be null")]
    RegionWithOffsets,
    /// The picture of a region cannot be read.
    #[error("the region's picture cannot be read: {0}")]
    Picture(#[source] ImageError),
    /// A region not inside its picture.
    #[error(
        "region x={x} y={y} w={w} h={h} is outside the picture ({width}×{height} pixels after EXIF orientation)",
        x = rect.x, y = rect.y, w = rect.w, h = rect.h
    )]
    RegionOutside {
        /// As given.
        rect: PixelRect,
        /// The picture's width.
        width: u32,
        /// The picture's height.
        height: u32,
    },
    /// The record's region was drawn on other bytes than the picture has now.
    #[error(
        "image_sha256 {given} is not the picture's ({actual}): the picture changed since the region was drawn"
    )]
    ImageShaMismatch {
        /// As given.
        given: String,
        /// The picture's now.
        actual: String,
    },
}

/// A rejected record: where it came from and why.
#[derive(Debug, thiserror::Error)]
pub struct LineError {
    /// The file it was read from (as given).
    pub file: PathBuf,
    /// Where in that file.
    pub location: Location,
    /// What is wrong.
    pub reason: RecordError,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.location.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": ")?;
        if let Some(item) = self.location.item {
            write!(f, "annotation {item}: ")?;
        }
        write!(f, "{}", self.reason)
    }
}
