//! Exports of annotations, one module per format behind the [`Exporter`] trait, and
//! imports of pre-annotations (JSONL, W3C, brat) into the sidecars.
//!
//! | name | output | module |
//! | --- | --- | --- |
//! | `csv` | one file | [`csv`] |
//! | `jsonl` | one file | [`jsonl`] |
//! | `w3c` | one file | [`w3c`] |
//! | `brat` | a directory of `NAME.txt` + `NAME.ann` | [`brat`] |
//! | `qdpx`, `qdc` | one file (zip / XML) | [`qdpx`] |
//! | `md`, `html` | one file | [`report`] |
//!
//! The GUI and the CLI both go through [`export_paths`] (files and folders in, one
//! output written atomically) and [`import::import_file`].

pub mod brat;
pub mod csv;
pub mod import;
pub mod jsonl;
mod paths;
pub mod qdpx;
pub mod report;
pub mod w3c;
mod xml;

use std::io::Write;
use std::path::Path;

pub use paths::{
    ExportPathsError, ExportSummary, FoundArticles, LoadFailure, Progress, export_paths,
    export_paths_with, export_to_stream, find_articles,
};

use crate::annotate::{Annotation, Status};
use crate::article::Article;
use crate::store::Sidecar;
use crate::text::SourceText;

/// Every `--format` name [`exporter`] knows, in the order menus show them.
pub const FORMATS: &[&str] = &["csv", "jsonl", "w3c", "brat", "qdpx", "qdc", "md", "html"];

/// Every `--format` name [`import::import_file`] knows.
pub const IMPORT_FORMATS: &[&str] = &["jsonl", "w3c", "brat"];

/// One article to export: its path as the user gave it, the loaded article and its
/// sidecar (already anchored in the article's current text).
#[derive(Clone, Copy, Debug)]
pub struct ExportItem<'a> {
    /// The article's path as given on the command line or chosen in the GUI.
    pub path: &'a Path,
    /// The article.
    pub article: &'a Article,
    /// Its annotations.
    pub sidecar: &'a Sidecar,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing the output failed.
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    /// A value could not be encoded.
    #[error("cannot encode the export: {0}")]
    Encode(String),
    /// The format cannot express what was asked (e.g. a codebook without codes).
    #[error("{0}")]
    Unsupported(String),
}

/// Options that some formats take; the others ignore them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// CSV: one row per annotation × tag instead of one row per annotation.
    pub one_row_per_tag: bool,
    /// W3C: one annotation per line (JSON Lines) instead of an `AnnotationCollection`.
    pub w3c_lines: bool,
}

/// What an exporter produces: one file, or a directory of files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputKind {
    /// One file, written with [`Exporter::export`].
    File,
    /// Several files in a directory, made by [`Exporter::export_files`].
    Directory,
}

/// One file of a directory export, named relative to the output directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative name (`a.txt`, `a.ann`).
    pub name: String,
    /// Content.
    pub bytes: Vec<u8>,
}

/// An export format: writes the annotations of several articles to one output.
pub trait Exporter {
    /// Short name used on the command line (`--format`).
    fn name(&self) -> &'static str;

    /// The usual extension of the output file (without dot); empty for directories.
    fn extension(&self) -> &'static str;

    /// Whether the output is one file or a directory.
    fn output_kind(&self) -> OutputKind {
        OutputKind::File
    }

    /// Write `items` (in the given order) to `out`. Directory formats refuse with
    /// [`ExportError::Unsupported`]; use [`Exporter::export_files`].
    fn export(&self, items: &[ExportItem<'_>], out: &mut dyn Write) -> Result<(), ExportError>;

    /// The files of the export. For one-file formats: one file named
    /// `export.<extension>` holding what [`Exporter::export`] writes.
    fn export_files(&self, items: &[ExportItem<'_>]) -> Result<Vec<OutputFile>, ExportError> {
        let mut bytes = Vec::new();
        self.export(items, &mut bytes)?;
        Ok(vec![OutputFile {
            name: format!("export.{}", self.extension()),
            bytes,
        }])
    }
}

/// The exporter for a `--format` name, with default options.
pub fn exporter(name: &str) -> Option<Box<dyn Exporter>> {
    exporter_with(name, ExportOptions::default())
}

/// The exporter for a `--format` name (see [`FORMATS`]) with `options`.
pub fn exporter_with(name: &str, options: ExportOptions) -> Option<Box<dyn Exporter>> {
    Some(match name {
        "csv" => Box::new(csv::Csv {
            one_row_per_tag: options.one_row_per_tag,
        }),
        "jsonl" => Box::new(jsonl::Jsonl),
        "w3c" => Box::new(w3c::W3c {
            lines: options.w3c_lines,
        }),
        "brat" => Box::new(brat::Brat),
        "qdpx" => Box::new(qdpx::Qdpx),
        "qdc" => Box::new(qdpx::Qdc),
        "md" => Box::new(report::Report::Markdown),
        "html" => Box::new(report::Report::Html),
        _ => return None,
    })
}

/// Where an annotation is in the text, in every unit exports use; `None` for
/// annotations that are orphaned or whose quote no longer matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    /// Code points.
    pub start: usize,
    /// Code points (exclusive).
    pub end: usize,
    /// UTF-16 code units.
    pub start_utf16: usize,
    /// UTF-16 code units (exclusive).
    pub end_utf16: usize,
    /// UTF-8 bytes.
    pub start_byte: usize,
    /// UTF-8 bytes (exclusive).
    pub end_byte: usize,
}

impl Placed {
    /// The place of `a` in `text`, if it is anchored there.
    pub fn of(a: &Annotation, text: &SourceText) -> Option<Placed> {
        (a.status != Status::Orphaned && a.matches(text)).then(|| Placed {
            start: a.start.0,
            end: a.end.0,
            start_utf16: text.utf16_of(a.start).0,
            end_utf16: text.utf16_of(a.end).0,
            start_byte: text.byte_of(a.start).0,
            end_byte: text.byte_of(a.end).0,
        })
    }
}

/// The tags of `items` in codebook order: each sidecar's tags in order, then tags only
/// named by annotations (sorted); every name once.
pub fn tags_of(items: &[ExportItem<'_>]) -> Vec<crate::annotate::Tag> {
    let mut book = crate::annotate::Codebook::default();
    for item in items {
        book.absorb(&item.sidecar.tags);
    }
    let mut extra: Vec<&str> = items
        .iter()
        .flat_map(|i| i.sidecar.annotations.iter())
        .flat_map(|a| a.tags.iter().map(String::as_str))
        .filter(|t| book.get(t).is_none())
        .collect();
    extra.sort_unstable();
    extra.dedup();
    book.tags
        .extend(extra.into_iter().map(crate::annotate::Tag::named));
    book.tags
}
