//! Exports of annotations and imports of pre-annotations. Every format is a
//! [`Format`] (an [`ImportFormat`] too when it can be read back), one module that
//! implements [`Exporter`] (and [`Importer`]):
//!
//! | format | output | module |
//! | --- | --- | --- |
//! | `csv` | one file | [`csv`] |
//! | `jsonl` | one file; read back | [`jsonl`] |
//! | `w3c` | one file; read back | [`w3c`] |
//! | `brat` | a directory of `NAME.txt` + `NAME.ann`, brat's configuration; read back | [`brat`] |
//! | `qdpx` | one file (zip) | [`qdpx`] |
//! | `qdc` | one file (XML) | [`qdc`] |
//! | `md` | one file | [`markdown`] |
//! | `html` | one file | [`html`] |
//!
//! The modules depend only on the leaf modules [`exporter`], [`importer`], [`record`]
//! (the shared record type) and [`helpers`]; [`format`] is the one place that knows
//! them all. The GUI and the CLI both go through [`export_paths_with`] (files and
//! folders in, one output written atomically) and [`import::import_file`].

pub mod brat;
mod crops;
pub mod csv;
pub mod exporter;
pub mod format;
pub mod helpers;
pub mod html;
pub mod import;
pub mod importer;
pub mod jsonl;
pub mod markdown;
mod paths;
pub mod qdc;
pub mod qdpx;
pub mod record;
pub mod w3c;
mod xml;

pub use exporter::{
    ExportError, ExportItem, ExportOptions, Exporter, OutputFile, OutputKind, QdpxPositions,
    SourceIris, UnknownPositions,
};
pub use format::{Format, ImportFormat, UnknownFormat};
pub use helpers::{BaseIri, IriError, Placed, tags_of};
pub use import::{ImportError, ImportSummary};
pub use importer::{ImportInput, ImportOptions, Importer, ReadError};
pub use paths::{
    ExportPathsError, ExportSummary, FoundArticles, LoadError, LoadFailure, Progress, export_paths,
    export_paths_with, export_to_stream, find_articles,
};
pub use record::{Candidate, JsonlRecord, LineError, Location, RecordError};
