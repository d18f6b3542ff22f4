//! Markdown report for sharing: per article its title, path and note, then the
//! passages grouped by tag (codebook order; untagged highlights and orphaned
//! annotations last) with their notes, spans and authors. Every piece of text is
//! escaped so that quotes cannot start lists or links. A picture region is an image
//! of its crop: a PNG file in the folder `<report name>-crops` beside the report
//! (a `data:` URI when the report goes to a stream).

use std::fmt::Write as _;
use std::io::Write;

use std::path::Path;

use super::crops::{data_uri_png, region_crops, region_label};
use super::exporter::{ExportError, ExportItem, Exporter, OutputFile};
use super::helpers::{report_groups, report_title, tags_of};
use crate::annotate::AnnotationId;

/// The Markdown report exporter.
#[derive(Clone, Copy, Debug, Default)]
pub struct Markdown;

/// Markdown-escape inline text (so quotes cannot start lists or links).
pub(crate) fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]<>#|!".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Markdown for a multi-line text inside a block quote or list item.
fn md_lines(s: &str, indent: &str) -> String {
    s.lines()
        .map(md)
        .collect::<Vec<_>>()
        .join(&format!("\n{indent}"))
}

/// The note, picture and author lines under a region's crop.
fn write_meta(out: &mut String, a: &crate::annotate::Annotation, label: &str) {
    if !a.note.is_empty() {
        let _ = writeln!(out, "- *Note:* {}", md_lines(&a.note, "  "));
    }
    let author = if a.author.is_empty() {
        String::new()
    } else {
        format!(", {}", md(&a.author))
    };
    let _ = writeln!(out, "- {label}{author}\n");
}

/// Where the Markdown report's crops of picture regions go.
enum Crops<'a> {
    /// Embedded as `data:` URIs (a report written to a stream).
    Embedded,
    /// Files `<folder>/<annotation id>.png` beside the report, collected here.
    Beside {
        /// The folder's name, relative to the report.
        folder: &'a str,
        /// The files made so far.
        files: Vec<OutputFile>,
    },
}

impl Crops<'_> {
    /// The link target of the crop `png` of annotation `id`.
    fn link(&mut self, id: AnnotationId, png: &[u8]) -> String {
        match self {
            Crops::Embedded => data_uri_png(png),
            Crops::Beside { folder, files } => {
                let name = format!("{folder}/{id}.png");
                files.push(OutputFile {
                    name: name.clone(),
                    bytes: png.to_vec(),
                });
                // Angle brackets keep spaces and parentheses of the name in the link.
                format!("<{name}>")
            }
        }
    }
}

fn markdown(items: &[ExportItem<'_>], crops_out: &mut Crops<'_>) -> String {
    let order = tags_of(items);
    let mut out = String::from("# Pathok annotations\n");
    for item in items {
        let title = report_title(item);
        let _ = writeln!(out, "\n## {}\n", md(&title));
        let _ = writeln!(
            out,
            "`{}` — {} annotation(s)\n",
            item.path.to_string_lossy().replace('`', "'"),
            item.sidecar.annotations.len()
        );
        let note = &item.sidecar.annotations.article_note;
        if !note.is_empty() {
            let _ = writeln!(out, "**Note:** {}\n", md_lines(note, ""));
        }
        let crops = region_crops(item);
        for (heading, _, list) in report_groups(item, &order) {
            let _ = writeln!(out, "### {} ({})\n", md(&heading), list.len());
            for a in list {
                if a.is_region() {
                    let label = md(&region_label(item, a));
                    match crops.get(&a.id) {
                        Some(Ok(png)) => {
                            let link = crops_out.link(a.id, png);
                            let _ = writeln!(out, "![{label}]({link})\n");
                        }
                        Some(Err(why)) => {
                            let _ = writeln!(out, "> {label}: *{}*\n", md(why));
                        }
                        None => {}
                    }
                    write_meta(&mut out, a, &label);
                    continue;
                }
                let _ = writeln!(out, "> {}\n", md_lines(&a.quote, "> "));
                if !a.note.is_empty() {
                    let _ = writeln!(out, "- *Note:* {}", md_lines(&a.note, "  "));
                }
                let _ = writeln!(
                    out,
                    "- {}–{}{}\n",
                    a.start.0,
                    a.end.0,
                    if a.author.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", md(&a.author))
                    }
                );
            }
        }
    }
    out
}

impl Exporter for Markdown {
    fn extension(&self) -> &'static str {
        "md"
    }

    fn export(&self, items: &[ExportItem<'_>], out: &mut dyn Write) -> Result<(), ExportError> {
        out.write_all(markdown(items, &mut Crops::Embedded).as_bytes())?;
        out.flush()?;
        Ok(())
    }

    /// The report, and the crops of picture regions as PNG files in the folder
    /// `<report name>-crops` beside it, which the report links to.
    fn export_beside(
        &self,
        items: &[ExportItem<'_>],
        out: &Path,
    ) -> Result<(Vec<u8>, Vec<OutputFile>), ExportError> {
        let stem = out
            .file_stem()
            .map_or_else(|| "report".to_owned(), |s| s.to_string_lossy().into_owned());
        let folder = format!("{stem}-crops");
        let mut crops = Crops::Beside {
            folder: &folder,
            files: Vec::new(),
        };
        let text = markdown(items, &mut crops);
        let files = match crops {
            Crops::Beside { files, .. } => files,
            Crops::Embedded => Vec::new(),
        };
        Ok((text.into_bytes(), files))
    }
}
