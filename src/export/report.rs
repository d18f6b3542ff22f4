//! Readable reports for sharing: per article its title, path and note, then the
//! passages grouped by tag (codebook order; untagged highlights and orphaned
//! annotations last) with their notes. The HTML report also shows each article with
//! its highlights; it is one self-contained file (inline CSS, no scripts, no external
//! resources) and every piece of text in it is escaped.

use std::fmt::Write as _;
use std::io::Write;

use super::{ExportError, ExportItem, Exporter, Placed, tags_of};
use crate::annotate::{Annotation, Color};
use crate::text::CharRange;

/// The report exporters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Report {
    /// Markdown (`md`).
    Markdown,
    /// HTML (`html`).
    Html,
}

/// Heading of the group of annotations without tags.
pub const UNTAGGED: &str = "Highlights without a tag";
/// Heading of the group of orphaned annotations.
pub const ORPHANED: &str = "Orphaned (no longer found in the text)";

/// The groups of one article: (heading, colour, annotations) in order.
fn groups<'a>(
    item: &ExportItem<'a>,
    order: &[crate::annotate::Tag],
) -> Vec<(String, Option<Color>, Vec<&'a Annotation>)> {
    let text = &item.article.text;
    let anns: Vec<&Annotation> = item.sidecar.annotations.iter().collect();
    let placed = |a: &&&Annotation| Placed::of(a, text).is_some();
    let mut out = Vec::new();
    for tag in order {
        let list: Vec<&Annotation> = anns
            .iter()
            .filter(placed)
            .filter(|a| a.tags.contains(&tag.name))
            .copied()
            .collect();
        if !list.is_empty() {
            out.push((tag.name.clone(), Some(tag.color), list));
        }
    }
    let untagged: Vec<&Annotation> = anns
        .iter()
        .filter(placed)
        .filter(|a| a.tags.is_empty())
        .copied()
        .collect();
    if !untagged.is_empty() {
        out.push((UNTAGGED.to_owned(), None, untagged));
    }
    let orphans: Vec<&Annotation> = anns
        .iter()
        .filter(|a| Placed::of(a, text).is_none())
        .copied()
        .collect();
    if !orphans.is_empty() {
        out.push((ORPHANED.to_owned(), None, orphans));
    }
    out
}

/// Markdown-escape inline text (so quotes cannot start lists or links).
fn md(s: &str) -> String {
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

fn markdown(items: &[ExportItem<'_>]) -> String {
    let order = tags_of(items);
    let mut out = String::from("# Pathok annotations\n");
    for item in items {
        let title = if item.article.title.is_empty() {
            item.path.to_string_lossy().into_owned()
        } else {
            item.article.title.clone()
        };
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
        for (heading, _, list) in groups(item, &order) {
            let _ = writeln!(out, "### {} ({})\n", md(&heading), list.len());
            for a in list {
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

/// HTML-escape `s` into `out`.
pub fn html_escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    html_escape_into(&mut out, s);
    out
}

const CSS: &str = "body{font-family:'Noto Sans Bengali','Noto Serif Bengali',sans-serif;\
max-width:46em;margin:2em auto;padding:0 1em;line-height:1.7;color:#222}\
.text{white-space:pre-wrap;border:1px solid #ddd;padding:1em;border-radius:4px}\
mark{border-radius:2px;padding:0 1px}\
blockquote{margin:.5em 0;padding:.2em .8em;border-left:4px solid #ccc;white-space:pre-wrap}\
.meta{color:#666;font-size:.9em}.swatch{display:inline-block;width:.9em;height:.9em;\
border-radius:2px;vertical-align:middle;margin-right:.3em}";

/// The article text with `<mark>` around annotated stretches (overlaps: the
/// innermost, i.e. last-starting, annotation gives the colour; the title lists all).
fn highlighted(item: &ExportItem<'_>) -> String {
    let text = &item.article.text;
    let placed: Vec<&Annotation> = item
        .sidecar
        .annotations
        .iter()
        .filter(|a| Placed::of(a, text).is_some())
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.char_len()];
    for a in &placed {
        cuts.push(a.start.0);
        cuts.push(a.end.0);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.as_str().len() * 2);
    for pair in cuts.windows(2) {
        let range = CharRange::new(pair[0], pair[1]);
        let covering: Vec<&&Annotation> = placed
            .iter()
            .filter(|a| a.start.0 <= range.start.0 && range.end.0 <= a.end.0)
            .collect();
        let piece = text.slice(range);
        match covering.last() {
            None => html_escape_into(&mut out, piece),
            Some(top) => {
                let labels: Vec<String> = covering
                    .iter()
                    .map(|a| {
                        let tags = if a.tags.is_empty() {
                            "highlight".to_owned()
                        } else {
                            a.tags.join(", ")
                        };
                        if a.note.is_empty() {
                            tags
                        } else {
                            format!("{tags}: {}", a.note)
                        }
                    })
                    .collect();
                let _ = write!(
                    out,
                    "<mark style=\"background:{}\" title=\"{}\">",
                    top.color,
                    esc(&labels.join("\n"))
                );
                html_escape_into(&mut out, piece);
                out.push_str("</mark>");
            }
        }
    }
    out
}

fn html(items: &[ExportItem<'_>]) -> String {
    let order = tags_of(items);
    let mut out = format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Pathok annotations</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
         <h1>Pathok annotations</h1>\n"
    );
    for item in items {
        let title = if item.article.title.is_empty() {
            item.path.to_string_lossy().into_owned()
        } else {
            item.article.title.clone()
        };
        let _ = writeln!(
            out,
            "<section>\n<h2>{}</h2>\n<p class=\"meta\">{} — {} annotation(s)</p>",
            esc(&title),
            esc(&item.path.to_string_lossy()),
            item.sidecar.annotations.len()
        );
        let note = &item.sidecar.annotations.article_note;
        if !note.is_empty() {
            let _ = writeln!(out, "<p><strong>Note:</strong> {}</p>", esc(note));
        }
        for (heading, color, list) in groups(item, &order) {
            let swatch = color.map_or_else(String::new, |c| {
                format!("<span class=\"swatch\" style=\"background:{c}\"></span>")
            });
            let _ = writeln!(out, "<h3>{swatch}{} ({})</h3>", esc(&heading), list.len());
            for a in list {
                let _ = writeln!(
                    out,
                    "<blockquote style=\"border-color:{}\">{}</blockquote>",
                    a.color,
                    esc(&a.quote)
                );
                let mut meta = format!("{}–{}", a.start.0, a.end.0);
                if !a.author.is_empty() {
                    meta = format!("{meta}, {}", a.author);
                }
                if !a.note.is_empty() {
                    let _ = writeln!(out, "<p><em>Note:</em> {}</p>", esc(&a.note));
                }
                let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(&meta));
            }
        }
        let _ = writeln!(
            out,
            "<h3>Text</h3>\n<div class=\"text\">{}</div>\n</section>",
            highlighted(item)
        );
    }
    out.push_str("</body>\n</html>\n");
    out
}

impl Exporter for Report {
    fn name(&self) -> &'static str {
        match self {
            Report::Markdown => "md",
            Report::Html => "html",
        }
    }

    fn extension(&self) -> &'static str {
        self.name()
    }

    fn export(&self, items: &[ExportItem<'_>], out: &mut dyn Write) -> Result<(), ExportError> {
        let doc = match self {
            Report::Markdown => markdown(items),
            Report::Html => html(items),
        };
        out.write_all(doc.as_bytes())?;
        out.flush()?;
        Ok(())
    }
}
