//! JSON Lines: one object per annotation, for Python/pandas. The same schema is read
//! back by [`import`] and [`super::import::import_file`] (see the README for the field list).

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use super::import::{ImportError, ImportSummary, LineError};

use super::import::{Candidate, ImportOptions, import_candidates};

use super::{ExportError, ExportItem, Exporter, Placed};
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

    fn extension(&self) -> &'static str {
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

/// The records of a JSONL `input` read from `name`, one per non-blank line.
pub fn candidates(input: &str, name: &Path) -> Vec<Candidate> {
    input
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| Candidate {
            file: name.to_owned(),
            line: i + 1,
            record: serde_json::from_str(line).map_err(|e| format!("not a valid record: {e}")),
        })
        .collect()
}

/// Import the JSONL `input` (all or nothing; see [`import_candidates`]). With `only`,
/// lines for other articles are skipped. Errors name the input as `-`.
pub fn import(input: &str, only: Option<&[PathBuf]>) -> Result<ImportSummary, ImportError> {
    import_candidates(
        candidates(input, Path::new("-")),
        only,
        ImportOptions::default(),
    )
}
