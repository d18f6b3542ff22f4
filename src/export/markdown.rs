//! Markdown report for sharing: per article its title, path and note, then the
//! passages grouped by tag (codebook order; untagged highlights and orphaned
//! annotations last) with their notes, spans and authors. Every piece of text is
//! escaped so that quotes cannot start lists or links. A picture region is an image
//! of its crop (a PNG `data:` URI, so the report is one file that works offline).

use std::fmt::Write as _;
use std::io::Write;

use super::crops::{region_crops, region_label};
use super::exporter::{ExportError, ExportItem, Exporter};
use super::helpers::{report_groups, report_title, tags_of};

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

fn markdown(items: &[ExportItem<'_>]) -> String {
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
                        Some(Ok(uri)) => {
                            let _ = writeln!(out, "![{label}]({uri})\n");
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
        out.write_all(markdown(items).as_bytes())?;
        out.flush()?;
        Ok(())
    }
}
