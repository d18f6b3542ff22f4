//! JSON Lines: one object per annotation, for Python/pandas ([`JsonlRecord`]; the
//! README lists the fields). [`Jsonl`] writes it and reads it back: one record per
//! non-blank line, a byte-order mark before the first line ignored.

use std::io::Write;

use super::exporter::{ExportError, ExportItem, Exporter};
use super::helpers::strip_bom;
use super::importer::{ImportInput, Importer, ReadError};
use super::record::{Candidate, JsonlRecord, Location};

/// The JSONL exporter and importer.
#[derive(Clone, Copy, Debug, Default)]
pub struct Jsonl;

impl Exporter for Jsonl {
    fn extension(&self) -> &'static str {
        "jsonl"
    }

    fn export(&self, items: &[ExportItem<'_>], out: &mut dyn Write) -> Result<(), ExportError> {
        for item in items {
            let path = item.path.to_string_lossy();
            for a in item.sidecar.annotations.iter() {
                let record = JsonlRecord::of(&path, &item.article.sha256, &item.article.text, a);
                serde_json::to_writer(&mut *out, &record)?;
                out.write_all(b"\n")?;
            }
        }
        out.flush()?;
        Ok(())
    }
}

impl Importer for Jsonl {
    fn read(&self, input: ImportInput<'_>) -> Result<Vec<Candidate>, ReadError> {
        let (name, text) = input.text("jsonl")?;
        Ok(strip_bom(text)
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| Candidate {
                file: name.to_owned(),
                location: Location::line(i + 1),
                record: serde_json::from_str(line).map_err(Into::into),
            })
            .collect())
    }
}
