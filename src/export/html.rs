//! HTML report for sharing and reading: the Markdown report's groups, and each
//! article with its highlights (hover for tags and notes). One self-contained file:
//! inline CSS, no scripts, no external resources; every piece of text is escaped.
//! A picture region is shown as its crop of the picture, embedded as a PNG `data:`
//! URI under its tags.

use std::fmt::Write as _;
use std::io::Write;

use super::crops::{data_uri_png, region_crops, region_label};
use super::exporter::{ExportError, ExportItem, Exporter};
use super::helpers::{Placed, report_groups, report_title, tags_of};
use crate::annotate::Annotation;
use crate::article::ArticleFormat;
use crate::text::CharRange;

/// The HTML report exporter.
#[derive(Clone, Copy, Debug, Default)]
pub struct Html;

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
        let title = report_title(item);
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
        let crops = region_crops(item);
        for (heading, color, list) in report_groups(item, &order) {
            let swatch = color.map_or_else(String::new, |c| {
                format!("<span class=\"swatch\" style=\"background:{c}\"></span>")
            });
            let _ = writeln!(out, "<h3>{swatch}{} ({})</h3>", esc(&heading), list.len());
            for a in list {
                let mut meta = format!("{}–{}", a.start.0, a.end.0);
                if a.is_region() {
                    let label = region_label(item, a);
                    let shown = match crops.get(&a.id) {
                        Some(Ok(png)) => format!(
                            "<img src=\"{}\" alt=\"{}\">",
                            data_uri_png(png),
                            esc(&label)
                        ),
                        Some(Err(why)) => format!("<em>{}</em>", esc(why)),
                        None => String::new(),
                    };
                    let _ = writeln!(
                        out,
                        "<blockquote style=\"border-color:{}\">{shown}</blockquote>",
                        a.color
                    );
                    meta = label;
                } else {
                    let _ = writeln!(
                        out,
                        "<blockquote style=\"border-color:{}\">{}</blockquote>",
                        a.color,
                        esc(&a.quote)
                    );
                }
                if !a.author.is_empty() {
                    meta = format!("{meta}, {}", a.author);
                }
                if !a.note.is_empty() {
                    let _ = writeln!(out, "<p><em>Note:</em> {}</p>", esc(&a.note));
                }
                let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(&meta));
            }
        }
        // A standalone picture's text is only its name: its crops above are all of it.
        if item.article.format != ArticleFormat::Image {
            let _ = writeln!(
                out,
                "<h3>Text</h3>\n<div class=\"text\">{}</div>",
                highlighted(item)
            );
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

impl Exporter for Html {
    fn extension(&self) -> &'static str {
        "html"
    }

    fn export(&self, items: &[ExportItem<'_>], out: &mut dyn Write) -> Result<(), ExportError> {
        out.write_all(html(items).as_bytes())?;
        out.flush()?;
        Ok(())
    }
}
