//! The [`Importer`] trait every import format implements: it reads an input into
//! [`Candidate`] records; checking them against the articles and writing the sidecars
//! is the same for every format ([`super::import`]).

use std::path::{Path, PathBuf};

use super::helpers::BaseIri;
use super::record::Candidate;
use crate::tr;

/// What an importer reads.
#[derive(Clone, Copy, Debug)]
pub enum ImportInput<'a> {
    /// Text read from a file or from standard input; `name` is what messages call it
    /// (`-` for standard input).
    Text {
        /// The file as given.
        name: &'a Path,
        /// Its content.
        text: &'a str,
    },
    /// A file or folder the importer reads itself, and the articles its records may
    /// go to (brat: each `.ann` goes to the article whose text equals its `.txt`).
    Files {
        /// The file or folder as given.
        path: &'a Path,
        /// The articles to import into.
        articles: &'a [PathBuf],
    },
}

impl<'a> ImportInput<'a> {
    /// The name and text of a [`ImportInput::Text`]; for files, the error a
    /// text-reading `format` gives.
    pub fn text(self, format: &'static str) -> Result<(&'a Path, &'a str), ReadError> {
        match self {
            ImportInput::Text { name, text } => Ok((name, text)),
            ImportInput::Files { path, .. } => Err(ReadError::NeedsText {
                format,
                path: path.to_owned(),
            }),
        }
    }
}

/// Why an input could not be read at all (a bad record is a [`super::RecordError`]
/// instead, reported with its line).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file or folder could not be read.
    #[error("{}", tr!(
        "error-cannot-read",
        reason = .source.to_string(),
        path = .path.display().to_string()
    ))]
    Io {
        /// The file or folder as given.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The input is JSON but no Web Annotation, page or collection.
    #[error("{}", tr!("import-not-web-annotation", path = .0.display().to_string()))]
    NotWebAnnotation(PathBuf),
    /// The format reads files, and was given text (e.g. standard input).
    #[error("{}", tr!("import-needs-files", format = *.format))]
    NeedsFiles {
        /// The format's name.
        format: &'static str,
    },
    /// The format reads text, and was given something else.
    #[error("{}", tr!(
        "import-needs-text",
        format = *.format,
        path = .path.display().to_string()
    ))]
    NeedsText {
        /// The format's name.
        format: &'static str,
        /// What it was given.
        path: PathBuf,
    },
}

/// How to import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Import the valid records and list the others in
    /// [`super::ImportSummary::rejected`] (default: any invalid record means nothing is
    /// written).
    pub skip_invalid: bool,
    /// W3C: sources under this IRI are paths relative to the working directory (the
    /// counterpart of `export --base-iri`).
    pub base_iri: Option<BaseIri>,
}

/// An import format: reads records out of its input.
pub trait Importer {
    /// Whether the input is text (a file, or standard input) rather than files the
    /// importer reads itself.
    fn reads_text(&self) -> bool {
        true
    }

    /// The records in `input`, each with where it was found.
    fn read(&self, input: ImportInput<'_>) -> Result<Vec<Candidate>, ReadError>;
}
