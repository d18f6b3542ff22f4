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
use crate::tr;

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
    #[error("{}", tr!("record-not-json", reason = .0.to_string()))]
    NotJson(#[from] serde_json::Error),
    /// A Web Annotation without a target.
    #[error("{}", tr!("record-no-target"))]
    NoTarget,
    /// A Web Annotation target without a source.
    #[error("{}", tr!("record-no-source"))]
    NoSource,
    /// A source IRI that names no file Pathok can open.
    #[error("{}", tr!("record-unknown-source", source = format!("{:?}", .0)))]
    UnknownSource(String),
    /// A Web Annotation without a `TextPositionSelector`.
    #[error("{}", tr!("record-no-position-selector"))]
    NoPositionSelector,
    /// A `TextPositionSelector` without `start` or `end`.
    #[error("{}", tr!("record-position-missing", field = *.0))]
    PositionMissing(&'static str),
    /// A brat span that is not `start end` numbers.
    #[error("{}", tr!("record-bad-span", span = format!("{:?}", .0)))]
    BadSpan(String),
    /// A brat annotation with fragments far apart: Pathok's annotations are one
    /// contiguous span each.
    #[error("{}", tr!("record-discontinuous", spans = format!("{:?}", .spans)))]
    Discontinuous {
        /// The spans as written.
        spans: String,
    },
    /// A brat line's text field differs from the `.txt` at its span.
    #[error("{}", tr!(
        "record-brat-text-mismatch",
        quoted = format!("{:?}", .quoted),
        found = format!("{:?}", .found)
    ))]
    BratTextMismatch {
        /// The text field.
        quoted: String,
        /// The `.txt` at the span.
        found: String,
    },
    /// Two brat lines of one annotation id with different spans.
    #[error("{}", tr!("record-spans-differ", line_id = .line_id.as_str(), id = .id.as_str()))]
    SpansDiffer {
        /// The brat id (`T3`).
        line_id: String,
        /// The Pathok id they share.
        id: String,
    },
    /// An id note that is not a UUID.
    #[error("{}", tr!("record-not-uuid", note = *.note, id = format!("{:?}", .id)))]
    NotUuid {
        /// The note type.
        note: &'static str,
        /// The value.
        id: String,
    },
    /// A `.ann` file or its `.txt` could not be read.
    #[error("{}", tr!(
        "record-brat-unreadable",
        reason = .source.to_string(),
        path = .txt.display().to_string()
    ))]
    BratUnreadable {
        /// The `.txt` beside it.
        txt: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// No article among the paths given has the text of the `.txt`.
    #[error("{}", tr!("record-no-article-with-text", path = .0.display().to_string()))]
    NoArticleWithText(PathBuf),
    /// The article cannot be opened.
    #[error(transparent)]
    Article(#[from] ArticleError),
    /// The article could not be opened for an earlier record.
    #[error("{}", tr!("record-article-unreadable", reason = .0.as_str()))]
    ArticleUnreadable(String),
    /// Two records with one id.
    #[error("{}", tr!("record-duplicate-id", id = .0.to_string()))]
    DuplicateId(uuid::Uuid),
    /// The record's offsets were made for another text.
    #[error("{}", tr!(
        "record-sha-mismatch",
        given = .given.as_str(),
        actual = .actual.as_str()
    ))]
    ShaMismatch {
        /// As given.
        given: String,
        /// The article's.
        actual: String,
    },
    /// No offsets (orphaned annotations cannot be imported).
    #[error("{}", tr!("record-missing-offsets"))]
    MissingOffsets,
    /// Offsets outside the text or in the wrong order.
    #[error("{}", tr!("record-out-of-range", start = *.start, end = *.end, len = *.len))]
    OutOfRange {
        /// Start as given.
        start: usize,
        /// End as given.
        end: usize,
        /// The text's length in code points.
        len: usize,
    },
    /// The quote is not the text at the offsets.
    #[error("{}", tr!(
        "record-quote-mismatch",
        quote = .quote.as_str(),
        start = *.start,
        end = *.end,
        found = .found.as_str()
    ))]
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
    #[error("{}", tr!(
        "record-offset-disagrees",
        name = *.name,
        given = *.given,
        actual = *.actual
    ))]
    OffsetDisagrees {
        /// The field.
        name: &'static str,
        /// As given.
        given: usize,
        /// From the code-point offset.
        actual: usize,
    },
    /// A time that is not RFC 3339.
    #[error("{}", tr!(
        "record-bad-time",
        name = *.name,
        value = format!("{:?}", .value),
        reason = .source.to_string()
    ))]
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
    #[error("{}", tr!("record-empty-span"))]
    EmptySpan,
    /// A region record that also gives text offsets.
    #[error("{}", tr!("record-region-with-offsets"))]
    RegionWithOffsets,
    /// The picture of a region cannot be read.
    #[error("{}", tr!("record-picture-unreadable", reason = .0.to_string()))]
    Picture(#[source] ImageError),
    /// A region not inside its picture.
    #[error("{}", tr!(
        "record-region-outside",
        x = .rect.x,
        y = .rect.y,
        w = .rect.w,
        h = .rect.h,
        width = *.width,
        height = *.height
    ))]
    RegionOutside {
        /// As given.
        rect: PixelRect,
        /// The picture's width.
        width: u32,
        /// The picture's height.
        height: u32,
    },
    /// The record's region was drawn on other bytes than the picture has now.
    #[error("{}", tr!(
        "record-image-sha-mismatch",
        given = .given.as_str(),
        actual = .actual.as_str()
    ))]
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
        // The file and line open the message, as compilers and grep write them, so
        // an editor can jump there; in Bengali they are written out in words.
        let path = self.file.display().to_string();
        let reason = match self.location.item {
            Some(item) => tr!(
                "record-in-annotation",
                item = item,
                reason = self.reason.to_string()
            ),
            None => self.reason.to_string(),
        };
        let text = match self.location.line {
            Some(line) => tr!("record-at-line", path = path, line = line, reason = reason),
            None => tr!("record-in-file", path = path, reason = reason),
        };
        f.write_str(&text)
    }
}
