//! REFI-QDA codebook exchange (`.qdc`, namespace `urn:QDA-XML:codebook:1.0`): the
//! codes (tags) with their colours and descriptions, in codebook order. The same
//! `<Codes>` element is the codebook of a `.qdpx` project ([`super::qdpx`]).

use std::io::Write;

use uuid::Uuid;

use super::exporter::{ExportError, ExportItem, Exporter};
use super::helpers::{derived_guid, tags_of};
use super::xml::XmlWriter;
use crate::annotate::Tag;

/// The `origin` attribute of REFI-QDA documents.
pub const ORIGIN: &str = concat!("Pathok ", env!("CARGO_PKG_VERSION"));

/// The `.qdc` (codebook) exporter.
#[derive(Clone, Copy, Debug, Default)]
pub struct Qdc;

/// The GUID of the code for the tag `name` (the same in every export).
pub fn code_guid(name: &str) -> Uuid {
    derived_guid("code", name)
}

/// Write the `<Codes>` element of `tags`.
pub fn write_codes(w: &mut XmlWriter, tags: &[Tag]) {
    w.start("Codes");
    for tag in tags {
        w.start("Code")
            .attr("guid", &code_guid(&tag.name).to_string())
            .attr("name", &tag.name)
            .attr("isCodable", "true")
            .attr("color", &tag.color.to_string());
        if !tag.description.is_empty() {
            w.text_element("Description", &tag.description);
        }
        w.end();
    }
    w.end();
}

/// The `.qdc` document of `tags` (at least one).
pub fn codebook(tags: &[Tag]) -> String {
    let mut w = XmlWriter::new();
    w.start("CodeBook")
        .attr("xmlns", "urn:QDA-XML:codebook:1.0")
        .attr("origin", ORIGIN);
    write_codes(&mut w, tags);
    w.finish()
}

impl Exporter for Qdc {
    fn extension(&self) -> &'static str {
        "qdc"
    }

    fn export(&self, items: &[ExportItem<'_>], out: &mut dyn Write) -> Result<(), ExportError> {
        let tags = tags_of(items);
        if tags.is_empty() {
            return Err(ExportError::NoCodes);
        }
        out.write_all(codebook(&tags).as_bytes())?;
        out.flush()?;
        Ok(())
    }
}
