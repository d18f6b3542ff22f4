//! Exports of annotations, one module per format behind the [`Exporter`] trait.

pub mod jsonl;

use std::io::Write;
use std::path::Path;

use crate::article::Article;
use crate::store::Sidecar;

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
}

/// An export format: writes the annotations of several articles to one output.
pub trait Exporter {
    /// Short name used on the command line (`--format`).
    fn name(&self) -> &'static str;

    /// Write `items` (in the given order) to `out`.
    fn export(&self, items: &[ExportItem<'_>], out: &mut dyn Write) -> Result<(), ExportError>;
}

/// The exporter for a `--format` name.
pub fn exporter(name: &str) -> Option<Box<dyn Exporter>> {
    match name {
        "jsonl" => Some(Box::new(jsonl::Jsonl)),
        _ => None,
    }
}
