//! The formats as types: [`Format`] (every export format) and [`ImportFormat`] (the
//! ones that can be read back). Menus, the command line and the exporters all go
//! through these enums; a format's name is only text at the edge (`--format`).

use std::fmt;
use std::str::FromStr;

use crate::tr;

use super::exporter::{ExportOptions, Exporter, OutputKind};
use super::importer::{ImportOptions, Importer};
use super::{brat, csv, html, jsonl, markdown, qdc, qdpx, w3c};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// CSV (UTF-8 with BOM) for Excel, R, SPSS.
    Csv,
    /// JSON Lines, one annotation per line.
    Jsonl,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// brat standoff: a directory of `NAME.txt` + `NAME.ann` and brat's configuration.
    Brat,
    /// REFI-QDA project (zip).
    Qdpx,
    /// REFI-QDA codebook.
    Qdc,
    /// Markdown report.
    Markdown,
    /// HTML report.
    Html,
}

/// A name that is no format.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr!(
    "export-unknown-format",
    name = format!("{:?}", .name),
    known = .known.as_str()
))]
pub struct UnknownFormat {
    /// The name given.
    pub name: String,
    /// The names known.
    pub known: String,
}

fn parse<F: Copy>(all: &[F], name_of: fn(F) -> &'static str, s: &str) -> Result<F, UnknownFormat> {
    all.iter()
        .copied()
        .find(|f| name_of(*f).eq_ignore_ascii_case(s))
        .ok_or_else(|| UnknownFormat {
            name: s.to_owned(),
            known: all
                .iter()
                .map(|f| name_of(*f))
                .collect::<Vec<_>>()
                .join(", "),
        })
}

impl Format {
    /// Whether the format has a place for picture regions; brat (text only) leaves
    /// them out, and an export says how many ([`super::ExportSummary::regions_left_out`]).
    pub fn has_regions(self) -> bool {
        self != Format::Brat
    }

    /// Every format, in the order menus show them.
    pub const ALL: [Format; 8] = [
        Format::Csv,
        Format::Jsonl,
        Format::W3c,
        Format::Brat,
        Format::Qdpx,
        Format::Qdc,
        Format::Markdown,
        Format::Html,
    ];

    /// The name on the command line (`--format`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::W3c => "w3c",
            Format::Brat => "brat",
            Format::Qdpx => "qdpx",
            Format::Qdc => "qdc",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }

    /// One line about the format, for menus and `--help`.
    pub fn description(self) -> String {
        match self {
            Format::Csv => tr!("format-csv"),
            Format::Jsonl => tr!("format-jsonl"),
            Format::W3c => tr!("format-w3c"),
            Format::Brat => tr!("format-brat"),
            Format::Qdpx => tr!("format-qdpx"),
            Format::Qdc => tr!("format-qdc"),
            Format::Markdown => tr!("format-markdown"),
            Format::Html => tr!("format-html"),
        }
    }

    /// The exporter of this format with `options`.
    pub fn exporter(self, options: &ExportOptions) -> Box<dyn Exporter> {
        match self {
            Format::Csv => Box::new(csv::Csv {
                one_row_per_tag: options.one_row_per_tag,
            }),
            Format::Jsonl => Box::new(jsonl::Jsonl),
            Format::W3c => Box::new(w3c::W3c {
                lines: options.w3c_lines,
                sources: options.w3c_sources.clone(),
            }),
            Format::Brat => Box::new(brat::Brat),
            Format::Qdpx => Box::new(qdpx::Qdpx {
                positions: options.qdpx_positions,
            }),
            Format::Qdc => Box::new(qdc::Qdc),
            Format::Markdown => Box::new(markdown::Markdown),
            Format::Html => Box::new(html::Html),
        }
    }

    /// Whether the output is one file or a directory.
    pub fn output_kind(self) -> OutputKind {
        self.exporter(&ExportOptions::default()).output_kind()
    }

    /// The usual extension of the output with `options` (without dot; empty for a
    /// directory).
    pub fn extension(self, options: &ExportOptions) -> &'static str {
        self.exporter(options).extension()
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(&Format::ALL, Format::name, s)
    }
}

/// A format that pre-annotations can be imported from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportFormat {
    /// JSON Lines as exported.
    Jsonl,
    /// W3C Web Annotation (collection, page, array or one per line).
    W3c,
    /// brat standoff (`.ann` next to its `.txt`).
    Brat,
}

impl ImportFormat {
    /// Every import format, in the order menus show them.
    pub const ALL: [ImportFormat; 3] = [ImportFormat::Jsonl, ImportFormat::W3c, ImportFormat::Brat];

    /// The name on the command line (`--format`).
    pub fn name(self) -> &'static str {
        Format::from(self).name()
    }

    /// One line about the format, for menus and `--help`.
    pub fn description(self) -> String {
        match self {
            ImportFormat::Jsonl => tr!("import-format-jsonl"),
            ImportFormat::W3c => tr!("import-format-w3c"),
            ImportFormat::Brat => tr!("import-format-brat"),
        }
    }

    /// The importer of this format with `options`.
    pub fn importer(self, options: &ImportOptions) -> Box<dyn Importer> {
        match self {
            ImportFormat::Jsonl => Box::new(jsonl::Jsonl),
            ImportFormat::W3c => Box::new(w3c::W3c {
                lines: false,
                sources: super::exporter::SourceIris {
                    working_dir: None,
                    base_iri: options.base_iri.clone(),
                },
            }),
            ImportFormat::Brat => Box::new(brat::Brat),
        }
    }

    /// Whether the input is one file of text (which may be standard input) rather than
    /// `.ann` files or folders.
    pub fn reads_text(self) -> bool {
        self.importer(&ImportOptions::default()).reads_text()
    }
}

impl From<ImportFormat> for Format {
    fn from(f: ImportFormat) -> Format {
        match f {
            ImportFormat::Jsonl => Format::Jsonl,
            ImportFormat::W3c => Format::W3c,
            ImportFormat::Brat => Format::Brat,
        }
    }
}

impl fmt::Display for ImportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ImportFormat {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(&ImportFormat::ALL, ImportFormat::name, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back_and_unknown_names_list_the_known_ones() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
        for f in ImportFormat::ALL {
            assert_eq!(f.name().parse::<ImportFormat>(), Ok(f));
            assert_eq!(Format::from(f).name(), f.name());
        }
        let e = "xml".parse::<Format>().unwrap_err();
        assert!(e.to_string().contains("csv, jsonl, w3c"), "{e}");
        assert!("qdpx".parse::<ImportFormat>().is_err());
        assert_eq!(Format::Brat.output_kind(), OutputKind::Directory);
        assert!(!ImportFormat::Brat.reads_text() && ImportFormat::W3c.reads_text());
    }
}
