//! brat standoff for NLP tools: a directory with, per article, `NAME.txt` (the
//! canonical text, UTF-8, LF) and `NAME.ann`, plus `annotation.conf` and
//! `visual.conf` so that brat opens it as it is. Offsets count code points of the
//! `.txt`.
//!
//! - One `T` line per annotation and tag (`T3\tTYPE 10 14;15 20\ttext`); spans are
//!   split at newlines (brat refuses spans that contain one), the text field holds the
//!   fragments joined by a space, as brat expects.
//! - The type is the tag's ASCII type id ([`conf::TypeIds`]: `স্থান` → `sthan`);
//!   `visual.conf` labels each type with the tag name and its colour. An annotation
//!   without tags has the type [`HIGHLIGHT`].
//! - The note is an `AnnotatorNotes` line on the annotation's first `T` line, with
//!   `\\`, newline and tab written as `\\\\`, `\\n`, `\\t`.
//! - Each `T` line has a `PathokId` note with the annotation's UUID, so an import
//!   keeps ids and joins the tags of one annotation again.
//! - Orphaned annotations have no place in the text and are left out.
//! - `NAME` is the article's file stem, made unique with `-2`, `-3`, …
//!
//! Reading back is in [`read`].

pub mod conf;
mod read;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;

pub use conf::{HIGHLIGHT, TypeIds, legacy_tag_of_type};

use super::exporter::{ExportError, ExportItem, Exporter, OutputFile, OutputKind};
use super::helpers::{Placed, tags_of};
use crate::text::{CharRange, SourceText};

/// The note type that carries Pathok's annotation id.
pub const ID_NOTE: &str = "PathokId";

/// The names of the configuration files written beside the documents.
pub const CONF_FILES: [&str; 2] = ["annotation.conf", "visual.conf"];

/// The brat exporter (writes a directory) and importer.
#[derive(Clone, Copy, Debug, Default)]
pub struct Brat;

fn escape_note(note: &str) -> String {
    note.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
        .replace('\r', "\\r")
}

/// The fragments of `range` in `text` without newlines, as code-point ranges.
pub fn fragments(text: &SourceText, range: CharRange) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut at = range.start.0;
    for c in text.slice(range).chars() {
        match (c == '\n', start) {
            (true, Some(s)) => {
                out.push((s, at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
        at += 1;
    }
    if let Some(s) = start {
        out.push((s, at));
    }
    out
}

/// The `.ann` content of one article, with the type ids `types`.
pub fn ann_of(item: &ExportItem<'_>, types: &TypeIds) -> String {
    let text = &item.article.text;
    let mut out = String::new();
    let (mut t, mut n) = (0, 0);
    for a in item.sidecar.annotations.iter() {
        if Placed::of(a, text).is_none() {
            continue;
        }
        let frags = fragments(text, a.range());
        if frags.is_empty() {
            continue;
        }
        let spans: Vec<String> = frags.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let quoted: Vec<&str> = frags
            .iter()
            .map(|&(s, e)| text.slice(CharRange::new(s, e)))
            .collect();
        let ids: Vec<String> = if a.tags.is_empty() {
            vec![HIGHLIGHT.to_owned()]
        } else {
            a.tags.iter().map(|tag| types.id(tag)).collect()
        };
        for (i, ty) in ids.iter().enumerate() {
            t += 1;
            let _ = writeln!(out, "T{t}\t{ty} {}\t{}", spans.join(";"), quoted.join(" "));
            n += 1;
            let _ = writeln!(out, "#{n}\t{ID_NOTE} T{t}\t{}", a.id);
            if i == 0 && !a.note.is_empty() {
                n += 1;
                let _ = writeln!(out, "#{n}\tAnnotatorNotes T{t}\t{}", escape_note(&a.note));
            }
        }
    }
    out
}

/// Unique file stems for the articles (`a`, `a-2`, …).
fn names(items: &[ExportItem<'_>]) -> Vec<String> {
    let mut used: HashMap<String, usize> = HashMap::new();
    items
        .iter()
        .map(|item| {
            let stem = item
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "article".to_owned());
            let n = used.entry(stem.to_lowercase()).or_insert(0);
            *n += 1;
            if *n == 1 { stem } else { format!("{stem}-{n}") }
        })
        .collect()
}

impl Exporter for Brat {
    fn extension(&self) -> &'static str {
        ""
    }

    fn output_kind(&self) -> OutputKind {
        OutputKind::Directory
    }

    fn export(&self, _: &[ExportItem<'_>], _: &mut dyn Write) -> Result<(), ExportError> {
        Err(ExportError::WritesDirectory { format: "brat" })
    }

    fn export_files(&self, items: &[ExportItem<'_>]) -> Result<Vec<OutputFile>, ExportError> {
        let types = TypeIds::new(&tags_of(items));
        let mut out = Vec::with_capacity(items.len() * 2 + 2);
        for (item, name) in items.iter().zip(names(items)) {
            out.push(OutputFile {
                name: format!("{name}.txt"),
                bytes: item.article.text.as_str().as_bytes().to_vec(),
            });
            out.push(OutputFile {
                name: format!("{name}.ann"),
                bytes: ann_of(item, &types).into_bytes(),
            });
        }
        let [annotation, visual] = CONF_FILES;
        out.push(OutputFile {
            name: annotation.to_owned(),
            bytes: types.annotation_conf().into_bytes(),
        });
        out.push(OutputFile {
            name: visual.to_owned(),
            bytes: types.visual_conf().into_bytes(),
        });
        Ok(out)
    }
}
