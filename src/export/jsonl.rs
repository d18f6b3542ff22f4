//! JSON Lines: one object per annotation, for Python/pandas. The same schema is read
//! back by [`import`] (see the README for the field list).

mod import;

use std::io::Write;

use serde::{Deserialize, Serialize};

pub use import::{ImportError, ImportSummary, LineError, import};

use super::{ExportError, ExportItem, Exporter};
use crate::annotate::{Annotation, Status};
use crate::text::SourceText;

/// One line of the JSONL export (and of an import, where most fields are optional).
///
/// Offsets count code points (`start`/`end`), UTF-16 code units and UTF-8 bytes of the
/// canonical text; for every line with status `anchored` or `moved`,
/// `text[start:end] == quote` in Python. Orphaned annotations have `null` offsets.
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
}

impl JsonlRecord {
    /// The record of annotation `a` of the article at `article` with text `text`.
    pub fn of(article: &str, sha256: &str, text: &SourceText, a: &Annotation) -> Self {
        let placed = a.status != Status::Orphaned && a.matches(text);
        let offsets = placed.then(|| {
            (
                a.start.0,
                a.end.0,
                text.utf16_of(a.start).0,
                text.utf16_of(a.end).0,
                text.byte_of(a.start).0,
                text.byte_of(a.end).0,
            )
        });
        JsonlRecord {
            article: article.to_owned(),
            article_sha256: Some(sha256.to_owned()),
            id: Some(a.id),
            start: offsets.map(|o| o.0),
            end: offsets.map(|o| o.1),
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
            start_utf16: offsets.map(|o| o.2),
            end_utf16: offsets.map(|o| o.3),
            start_byte: offsets.map(|o| o.4),
            end_byte: offsets.map(|o| o.5),
        }
    }
}

/// The JSONL exporter.
#[derive(Clone, Copy, Debug, Default)]
pub struct Jsonl;

impl Exporter for Jsonl {
    fn name(&self) -> &'static str {
        "jsonl"
    }

    fn export(&self, items: &[ExportItem<'_>], out: &mut dyn Write) -> Result<(), ExportError> {
        for item in items {
            let path = item.path.to_string_lossy();
            for a in item.sidecar.annotations.iter() {
                let record = JsonlRecord::of(&path, &item.article.sha256, &item.article.text, a);
                serde_json::to_writer(&mut *out, &record)
                    .map_err(|e| ExportError::Encode(e.to_string()))?;
                out.write_all(b"\n")?;
            }
        }
        out.flush()?;
        Ok(())
    }
}
