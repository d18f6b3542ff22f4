//! The team report, in HTML and Markdown: the agreement figures per tag and per
//! article, then every disagreement between each pair of coders with both versions
//! (quote, tags, note, coder), to be discussed and settled. Everything from the files
//! is escaped; the HTML is one offline page without scripts.

use std::fmt::Write as _;

use super::coding::CorpusCoding;
use super::compare::{DifferenceKind, compare};
use super::measure::{Measure, reason_as_data};
use super::report::AgreementReport;
use crate::annotate::Annotation;
use crate::export::html::html_escape_into;
use crate::export::markdown::md;
use crate::text::CharRange;

/// The disagreements of two coders in one compared article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreements {
    /// The article's path as given.
    pub article: String,
    /// The two coders.
    pub coders: [String; 2],
    /// Each difference with both coders' annotations, in text order.
    pub differences: Vec<Disagreement>,
}

/// One difference with the annotations of both coders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    /// What differs.
    pub kind: DifferenceKind,
    /// The passage.
    pub range: CharRange,
    /// The first coder's annotations there.
    pub a: Vec<Annotation>,
    /// The second coder's.
    pub b: Vec<Annotation>,
}

/// The disagreements of every pair of the report's coders in the articles it
/// compared, counting only annotations with one of the report's tags.
pub fn disagreements(coding: &CorpusCoding, report: &AgreementReport) -> Vec<Disagreements> {
    let mut out = Vec::new();
    for compared in &report.per_article {
        let Some(article) = coding.articles.iter().find(|a| {
            a.path.display().to_string() == compared.article && a.sha256 == compared.sha256
        }) else {
            continue;
        };
        let of = |coder: &str| -> Vec<&Annotation> {
            article
                .annotations
                .iter()
                .filter(|x| x.author == coder && x.tags.iter().any(|t| report.tags.contains_key(t)))
                .collect()
        };
        for (i, a) in report.coders.iter().enumerate() {
            for b in &report.coders[i + 1..] {
                let (mine, theirs) = (of(a), of(b));
                let find = |list: &[&Annotation], ids: &[crate::annotate::AnnotationId]| {
                    ids.iter()
                        .filter_map(|id| list.iter().find(|x| x.id == *id).map(|x| (*x).clone()))
                        .collect()
                };
                let differences = compare(&mine, &theirs)
                    .into_iter()
                    .map(|d| Disagreement {
                        kind: d.kind,
                        range: d.range,
                        a: find(&mine, &d.a),
                        b: find(&theirs, &d.b),
                    })
                    .collect();
                out.push(Disagreements {
                    article: compared.article.clone(),
                    coders: [a.clone(), b.clone()],
                    differences,
                });
            }
        }
    }
    out
}

/// What a difference is, in words.
fn kind_words(kind: DifferenceKind, a: &str, b: &str) -> String {
    match kind {
        DifferenceKind::OnlyA => format!("only {a}"),
        DifferenceKind::OnlyB => format!("only {b}"),
        DifferenceKind::DifferentTags => "same passage, different tags".to_owned(),
        DifferenceKind::DifferentBoundaries { tags_differ: false } => {
            "different boundaries".to_owned()
        }
        DifferenceKind::DifferentBoundaries { tags_differ: true } => {
            "different boundaries and tags".to_owned()
        }
    }
}

/// A figure with `decimals`, or "—" and the reason (in English, as the rest of the
/// team report).
fn figure(m: &Measure, decimals: usize) -> (String, Option<String>) {
    match m {
        Measure::Value(v) => (format!("{v:.decimals$}"), None),
        Measure::Undefined(why) => ("—".to_owned(), Some(reason_as_data(why))),
    }
}

fn optional(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |v| format!("{v:.4}"))
}

/// Rows of the per-tag table: name, α_u, D_o, D_e, kappa, percent (each figure
/// with its reason when undefined).
type Row = (String, Vec<(String, Option<String>)>);

fn tag_rows(report: &AgreementReport) -> Vec<Row> {
    let mut rows: Vec<Row> = report
        .tags
        .iter()
        .map(|(name, t)| {
            (
                name.clone(),
                vec![
                    figure(&t.alpha_u, 4),
                    (optional(t.observed), None),
                    (optional(t.expected), None),
                    figure(&t.kappa, 4),
                    figure(&t.percent, 2),
                ],
            )
        })
        .collect();
    rows.push((
        "all tags".to_owned(),
        vec![
            figure(&report.alpha_u, 4),
            (optional(report.observed), None),
            (optional(report.expected), None),
            ("".to_owned(), None),
            figure(&report.percent, 2),
        ],
    ));
    rows
}

fn article_rows(report: &AgreementReport) -> Vec<Row> {
    report
        .per_article
        .iter()
        .map(|a| {
            (
                a.article.clone(),
                vec![figure(&a.alpha_u, 4), figure(&a.percent, 2)],
            )
        })
        .collect()
}

const TAG_HEADS: [&str; 6] = ["tag", "α_u", "observed", "expected", "kappa", "% agree"];
const ARTICLE_HEADS: [&str; 3] = ["article", "α_u", "% agree"];

/// One annotation as the report shows it.
fn version_text(a: &Annotation) -> (String, String, String) {
    let tags = if a.tags.is_empty() {
        "highlight".to_owned()
    } else {
        a.tags.join(", ")
    };
    (a.quote.clone(), tags, a.note.clone())
}

/// The team report as one HTML page (offline, no scripts).
pub fn to_team_html(report: &AgreementReport, disagreements: &[Disagreements]) -> String {
    let esc = |s: &str| {
        let mut out = String::new();
        html_escape_into(&mut out, s);
        out
    };
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"bn\">\n<head>\n<meta charset=\"utf-8\">\n<title>Pathok team report</title>\n<style>\
body{font-family:'Noto Sans Bengali',sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.6;color:#222}\
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.2em .6em;vertical-align:top}\
td.n{text-align:right;font-variant-numeric:tabular-nums}.why{color:#8a1c1c;font-size:.85em}\
blockquote{margin:0;white-space:pre-wrap}.meta{color:#666;font-size:.9em}\
</style>\n</head>\n<body>\n<h1>Team report</h1>\n",
    );
    let _ = writeln!(
        out,
        "<p class=\"meta\">Coders: {}. {} article(s) compared, {} code point(s); {} not compared.</p>",
        esc(&report.coders.join(", ")),
        report.articles,
        report.continuum,
        report.not_compared.len()
    );
    let table = |out: &mut String, heads: &[&str], rows: &[Row]| {
        out.push_str("<table>\n<tr>");
        for h in heads {
            let _ = write!(out, "<th>{}</th>", esc(h));
        }
        out.push_str("</tr>\n");
        for (name, cells) in rows {
            let _ = write!(out, "<tr><td>{}</td>", esc(name));
            for (value, why) in cells {
                let _ = write!(out, "<td class=\"n\">{}", esc(value));
                if let Some(why) = why {
                    let _ = write!(out, " <span class=\"why\">({})</span>", esc(why));
                }
                out.push_str("</td>");
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n");
    };
    out.push_str("<h2>Agreement per tag</h2>\n");
    table(&mut out, &TAG_HEADS, &tag_rows(report));
    out.push_str("<h2>Agreement per article</h2>\n");
    table(&mut out, &ARTICLE_HEADS, &article_rows(report));
    if !report.not_compared.is_empty() {
        out.push_str("<h2>Not compared</h2>\n<ul>\n");
        for n in &report.not_compared {
            let _ = writeln!(out, "<li>{}: {}</li>", esc(&n.article), esc(&n.reason));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h2>Disagreements</h2>\n");
    for d in disagreements {
        let [a, b] = &d.coders;
        let _ = writeln!(
            out,
            "<h3>{} — {} and {} ({} difference(s))</h3>",
            esc(&d.article),
            esc(a),
            esc(b),
            d.differences.len()
        );
        if d.differences.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<table>\n<tr><th>chars</th><th>difference</th><th>{}</th><th>{}</th></tr>",
            esc(a),
            esc(b)
        );
        for x in &d.differences {
            let _ = write!(
                out,
                "<tr><td class=\"n\">{}–{}</td><td>{}</td>",
                x.range.start.0,
                x.range.end.0,
                esc(&kind_words(x.kind, a, b))
            );
            for (side, coder) in [(&x.a, a), (&x.b, b)] {
                out.push_str("<td>");
                if side.is_empty() {
                    out.push('—');
                }
                for v in side {
                    let (quote, tags, note) = version_text(v);
                    let _ = write!(
                        out,
                        "<blockquote>“{}”</blockquote><div>{}</div>",
                        esc(&quote),
                        esc(&tags)
                    );
                    if !note.is_empty() {
                        let _ = write!(out, "<div><i>{}</i></div>", esc(&note));
                    }
                    let _ = write!(out, "<div class=\"meta\">coder {}</div>", esc(coder));
                }
                out.push_str("</td>");
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A Markdown table cell: escaped, on one line.
fn cell(s: &str) -> String {
    md(&s.replace(['\n', '\r'], " "))
}

/// The team report in Markdown.
pub fn to_team_markdown(report: &AgreementReport, disagreements: &[Disagreements]) -> String {
    let mut out = String::from("# Team report\n\n");
    let _ = writeln!(
        out,
        "Coders: {}. {} article(s) compared, {} code point(s); {} not compared.\n",
        cell(&report.coders.join(", ")),
        report.articles,
        report.continuum,
        report.not_compared.len()
    );
    let table = |out: &mut String, heads: &[&str], rows: &[Row]| {
        let _ = writeln!(out, "| {} |", heads.join(" | "));
        let _ = writeln!(
            out,
            "|{}",
            heads
                .iter()
                .enumerate()
                .map(|(i, _)| if i == 0 { "---|" } else { "---:|" })
                .collect::<String>()
        );
        for (name, cells) in rows {
            let _ = write!(out, "| {} |", cell(name));
            for (value, why) in cells {
                match why {
                    Some(why) => {
                        let _ = write!(out, " {} ({}) |", cell(value), cell(why));
                    }
                    None => {
                        let _ = write!(out, " {} |", cell(value));
                    }
                }
            }
            out.push('\n');
        }
        out.push('\n');
    };
    out.push_str("## Agreement per tag\n\n");
    table(&mut out, &TAG_HEADS, &tag_rows(report));
    out.push_str("## Agreement per article\n\n");
    table(&mut out, &ARTICLE_HEADS, &article_rows(report));
    if !report.not_compared.is_empty() {
        out.push_str("## Not compared\n\n");
        for n in &report.not_compared {
            let _ = writeln!(out, "- {}: {}", cell(&n.article), cell(&n.reason));
        }
        out.push('\n');
    }
    out.push_str("## Disagreements\n");
    for d in disagreements {
        let [a, b] = &d.coders;
        let _ = writeln!(
            out,
            "\n### {} — {} and {} ({} difference(s))\n",
            cell(&d.article),
            cell(a),
            cell(b),
            d.differences.len()
        );
        if d.differences.is_empty() {
            continue;
        }
        let _ = writeln!(out, "| chars | difference | {} | {} |", cell(a), cell(b));
        out.push_str("|---:|---|---|---|\n");
        for x in &d.differences {
            let side = |list: &[Annotation], coder: &str| -> String {
                if list.is_empty() {
                    return "—".to_owned();
                }
                list.iter()
                    .map(|v| {
                        let (quote, tags, note) = version_text(v);
                        let note = if note.is_empty() {
                            String::new()
                        } else {
                            format!(" — {}", cell(&note))
                        };
                        format!(
                            "“{}” ({}){note}, coder {}",
                            cell(&quote),
                            cell(&tags),
                            cell(coder)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let _ = writeln!(
                out,
                "| {}–{} | {} | {} | {} |",
                x.range.start.0,
                x.range.end.0,
                cell(&kind_words(x.kind, a, b)),
                side(&x.a, a),
                side(&x.b, b)
            );
        }
    }
    out
}

#[cfg(test)]
#[path = "team_tests.rs"]
mod tests;
