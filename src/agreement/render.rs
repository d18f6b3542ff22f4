//! An [`AgreementReport`] for people and spreadsheets: an aligned text table for the
//! terminal, and CSV (UTF-8 with BOM, as Pathok's other CSV) with one row per tag,
//! pair of coders, article and article × tag.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::coding::Excluded;
use super::measure::Measure;
use super::report::{AgreementReport, KappaKind, TagAgreement};

/// The report as aligned text: figures first (fixed width), names last, so that
/// Bengali names of any display width do not break the columns. A figure that is
/// undefined shows `—` and a footnote number with the reason. The table is in English
/// (not yet translated), so its footnotes are too.
pub fn to_text(report: &AgreementReport) -> String {
    crate::i18n::with_language(crate::i18n::Language::English, || text(report))
}

fn text(report: &AgreementReport) -> String {
    let mut notes = Footnotes::default();
    let mut out = String::new();
    let kind = match report.kappa_measure {
        KappaKind::Cohen => "Cohen's kappa",
        KappaKind::MeanPairwiseCohen => "kappa = mean of pairwise Cohen's kappa",
    };
    let _ = writeln!(
        out,
        "{} coder(s): {} ({kind})",
        report.coders.len(),
        report.coders.join(", ")
    );
    let _ = writeln!(
        out,
        "{} article(s) compared, {} code point(s); {} not compared\n",
        report.articles,
        report.continuum,
        report.not_compared.len()
    );
    let _ = writeln!(
        out,
        "{:>9} {:>9} {:>9} {:>9} {:>9}  tag",
        "α_u", "D_o", "D_e", "kappa", "% agree"
    );
    for (name, tag) in &report.tags {
        let _ = writeln!(out, "{}  {name}", tag_row(tag, &mut notes));
    }
    let _ = writeln!(
        out,
        "{} {} {} {:>9} {}  all tags (% agree: same tags on a character)",
        cell(&report.alpha_u, 4, &mut notes),
        number(report.observed),
        number(report.expected),
        "",
        cell(&report.percent, 2, &mut notes),
    );
    if report.coders.len() > 2 && report.tags.values().any(|t| !t.pairs.is_empty()) {
        let _ = writeln!(out, "\n{:>9} {:>9}  coders: tag", "kappa", "% agree");
        for (name, tag) in &report.tags {
            for pair in &tag.pairs {
                let _ = writeln!(
                    out,
                    "{} {}  {} – {}: {name}",
                    cell(&pair.kappa, 4, &mut notes),
                    cell(&pair.percent, 2, &mut notes),
                    pair.coders[0],
                    pair.coders[1]
                );
            }
        }
    }
    if !report.per_article.is_empty() {
        let _ = writeln!(out, "\n{:>9} {:>9}  article", "α_u", "% agree");
        for a in &report.per_article {
            let _ = writeln!(
                out,
                "{} {}  {}",
                cell(&a.alpha_u, 4, &mut notes),
                cell(&a.percent, 2, &mut notes),
                a.article
            );
        }
    }
    not_compared(report, &mut out);
    left_out(&report.excluded, &mut out);
    notes.write(&mut out);
    out
}

fn tag_row(tag: &TagAgreement, notes: &mut Footnotes) -> String {
    format!(
        "{} {} {} {} {}",
        cell(&tag.alpha_u, 4, notes),
        number(tag.observed),
        number(tag.expected),
        cell(&tag.kappa, 4, notes),
        cell(&tag.percent, 2, notes),
    )
}

/// A figure right-aligned in 9 columns, or `—` with a footnote mark.
fn cell(m: &Measure, decimals: usize, notes: &mut Footnotes) -> String {
    match m {
        Measure::Value(v) => format!("{v:>9.decimals$}"),
        Measure::Undefined(why) => format!("{:>9}", format!("—({})", notes.mark(why.to_string()))),
    }
}

fn number(x: Option<f64>) -> String {
    x.map_or_else(|| format!("{:>9}", "—"), |v| format!("{v:>9.4}"))
}

/// Reasons for undefined figures, numbered in order of first use.
#[derive(Default)]
struct Footnotes {
    reasons: Vec<String>,
}

impl Footnotes {
    fn mark(&mut self, reason: String) -> usize {
        match self.reasons.iter().position(|r| *r == reason) {
            Some(i) => i + 1,
            None => {
                self.reasons.push(reason);
                self.reasons.len()
            }
        }
    }

    fn write(&self, out: &mut String) {
        if self.reasons.is_empty() {
            return;
        }
        out.push('\n');
        for (i, r) in self.reasons.iter().enumerate() {
            let _ = writeln!(out, "({}) {r}", i + 1);
        }
    }
}

/// Articles not compared: those annotated by some coders are listed; those annotated
/// by none are only counted (a corpus is mostly those until coding is done).
fn not_compared(report: &AgreementReport, out: &mut String) {
    if report.not_compared.is_empty() {
        return;
    }
    let untouched = format!("no annotations by {}", report.coders.join(", "));
    let (none, some): (Vec<_>, Vec<_>) = report
        .not_compared
        .iter()
        .partition(|n| n.reason == untouched);
    let _ = writeln!(out, "\nnot compared:");
    for n in &some {
        let _ = writeln!(out, "  {}: {}", n.article, n.reason);
    }
    if !none.is_empty() {
        let _ = writeln!(
            out,
            "  {} article(s) annotated by none of the coders",
            none.len()
        );
    }
}

fn left_out(e: &Excluded, out: &mut String) {
    let counts = [
        (e.orphaned, "orphaned annotation(s) (no place in the text)"),
        (e.untagged, "highlight(s) without a tag"),
        (
            e.regions,
            "picture region(s) (agreement is measured on text only)",
        ),
        (e.no_author, "annotation(s) without an author"),
        (
            e.merged_overlaps,
            "annotation(s) merged into an overlapping one of the same coder and tag",
        ),
        (
            e.unmatched,
            "article(s) found in only one of the two copies",
        ),
        (
            e.ambiguous,
            "article(s) whose text occurs twice in one copy (not paired)",
        ),
        (
            e.shared_ids,
            "annotation(s) with the same id in both copies (kept on both sides)",
        ),
    ];
    let lines: Vec<String> = counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("  {n} {what}"))
        .collect();
    if !lines.is_empty() {
        let _ = writeln!(out, "\nleft out or merged:\n{}", lines.join("\n"));
    }
}

/// Columns of [`to_csv`].
pub const CSV_COLUMNS: &[&str] = &[
    "scope", "article", "tag", "coders", "alpha_u", "observed", "expected", "kappa", "percent",
    "reason",
];

/// The report as CSV (UTF-8 with BOM), one row per figure set. `scope` says what a row
/// covers: `all` (every tag over all compared articles), `tag`, `pair` (one tag, two
/// coders), `article` (all tags in one article), `article_tag`, and `not_compared`
/// (the reason in `reason`). Undefined figures are empty cells; `reason` holds
/// `field: why` for each, joined by `; `.
pub fn to_csv(report: &AgreementReport) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(CSV_COLUMNS)?;
        let coders = report.coders.join("; ");
        let mut row = |scope: &str, article: &str, tag: &str, coders: &str, figures: Figures| {
            w.write_record([
                scope,
                article,
                tag,
                coders,
                &figures.alpha_u,
                &figures.observed,
                &figures.expected,
                &figures.kappa,
                &figures.percent,
                &figures.reason,
            ])
        };
        row(
            "all",
            "",
            "",
            &coders,
            Figures::of(
                &report.reasons,
                &report.alpha_u,
                report.observed,
                report.expected,
            )
            .with_percent(&report.percent),
        )?;
        for (name, tag) in &report.tags {
            row("tag", "", name, &coders, Figures::of_tag(tag))?;
            if report.coders.len() > 2 && report.tags.values().any(|t| !t.pairs.is_empty()) {
                for p in &tag.pairs {
                    let figures = Figures {
                        kappa: value(&p.kappa),
                        percent: value(&p.percent),
                        reason: reason_cell(&p.reasons),
                        ..Figures::default()
                    };
                    row("pair", "", name, &p.coders.join("; "), figures)?;
                }
            }
        }
        for a in &report.per_article {
            let figures = Figures::of(&a.reasons, &a.alpha_u, None, None).with_percent(&a.percent);
            row("article", &a.article, "", &coders, figures)?;
            for (name, tag) in &a.tags {
                row(
                    "article_tag",
                    &a.article,
                    name,
                    &coders,
                    Figures::of_tag(tag),
                )?;
            }
        }
        for n in &report.not_compared {
            let figures = Figures {
                reason: n.reason.clone(),
                ..Figures::default()
            };
            row("not_compared", &n.article, "", &coders, figures)?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// The figure cells of one CSV row.
#[derive(Default)]
struct Figures {
    alpha_u: String,
    observed: String,
    expected: String,
    kappa: String,
    percent: String,
    reason: String,
}

impl Figures {
    fn of(
        reasons: &BTreeMap<&'static str, String>,
        alpha_u: &Measure,
        observed: Option<f64>,
        expected: Option<f64>,
    ) -> Figures {
        Figures {
            alpha_u: value(alpha_u),
            observed: observed.map(|v| v.to_string()).unwrap_or_default(),
            expected: expected.map(|v| v.to_string()).unwrap_or_default(),
            reason: reason_cell(reasons),
            ..Figures::default()
        }
    }

    fn of_tag(tag: &TagAgreement) -> Figures {
        Figures {
            kappa: value(&tag.kappa),
            ..Figures::of(&tag.reasons, &tag.alpha_u, tag.observed, tag.expected)
                .with_percent(&tag.percent)
        }
    }

    fn with_percent(self, percent: &Measure) -> Figures {
        Figures {
            percent: value(percent),
            ..self
        }
    }
}

fn value(m: &Measure) -> String {
    m.value().map(|v| v.to_string()).unwrap_or_default()
}

fn reason_cell(reasons: &BTreeMap<&'static str, String>) -> String {
    reasons
        .iter()
        .map(|(field, why)| format!("{field}: {why}"))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::testing::{ann, article, corpus};
    use crate::agreement::{AgreementOptions, agreement};

    fn sample(coders: &[&str]) -> AgreementReport {
        let mut anns = vec![ann("rina", 0, 4, &["x"]), ann("karim", 2, 4, &["x"])];
        if coders.contains(&"mitu") {
            anns.push(ann("mitu", 0, 5, &["x"]));
        }
        let coding = corpus(vec![
            article("a.txt", 10, anns),
            article("b.txt", 10, vec![ann("rina", 0, 4, &["x"])]),
            article("c.txt", 10, Vec::new()),
        ]);
        let options = AgreementOptions {
            coders: Some(coders.iter().map(|c| (*c).to_owned()).collect()),
            tags: vec!["x".into(), "সমালোচনা".into()],
        };
        agreement(&coding, &options).unwrap()
    }

    #[test]
    fn text_aligns_figures_and_explains_every_dash() {
        let text = to_text(&sample(&["rina", "karim"]));
        let lines: Vec<&str> = text.lines().collect();
        let header = lines.iter().position(|l| l.ends_with("  tag")).unwrap();
        let x = lines[header + 1];
        let unused = lines[header + 2];
        assert!(
            x.starts_with("   0.5694    0.0400    0.0929    0.5455     80.00  x"),
            "{x}"
        );
        assert!(
            unused.ends_with("  সমালোচনা") && unused.contains("—(1)"),
            "{unused}"
        );
        // Every row puts the name after the same five columns (counted in chars, as a
        // terminal shows these).
        let column = |line: &str, name: &str| line[..line.find(name).unwrap()].chars().count();
        assert_eq!(column(x, "  x"), column(unused, "  সমালোচনা"));
        assert_eq!(column(x, "  x"), column(lines[header], "  tag"));
        assert!(text.contains("(1) no coder used this tag"), "{text}");
        assert!(text.contains("b.txt: no annotations by karim"), "{text}");
        assert!(
            text.contains("1 article(s) annotated by none of the coders"),
            "{text}"
        );
        assert!(
            text.contains("kappa)") || text.contains("Cohen's kappa"),
            "{text}"
        );
    }

    #[test]
    fn text_lists_pairs_with_more_than_two_coders() {
        let text = to_text(&sample(&["rina", "karim", "mitu"]));
        assert!(text.contains("mean of pairwise Cohen's kappa"), "{text}");
        assert!(text.contains("rina – karim: x"), "{text}");
        assert!(text.contains("karim – mitu: x"), "{text}");
    }

    #[test]
    fn csv_has_one_row_per_figure_set_and_empty_cells_for_undefined() {
        let bytes = to_csv(&sample(&["rina", "karim"])).unwrap();
        assert!(bytes.starts_with("\u{feff}".as_bytes()));
        let mut r = csv::Reader::from_reader(&bytes[3..]);
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), CSV_COLUMNS);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        let scopes: Vec<(&str, &str, &str)> = rows.iter().map(|r| (&r[0], &r[1], &r[2])).collect();
        assert_eq!(
            scopes,
            [
                ("all", "", ""),
                ("tag", "", "x"),
                ("tag", "", "সমালোচনা"),
                ("article", "a.txt", ""),
                ("article_tag", "a.txt", "x"),
                ("article_tag", "a.txt", "সমালোচনা"),
                ("not_compared", "b.txt", ""),
                ("not_compared", "c.txt", ""),
            ]
        );
        let x = &rows[1];
        assert_eq!(&x[3], "rina; karim");
        assert!((x[4].parse::<f64>().unwrap() - 0.569412).abs() < 1e-6);
        assert_eq!(&x[8], "80");
        let unused = &rows[2];
        assert_eq!((&unused[4], &unused[7], &unused[8]), ("", "", ""));
        assert!(unused[9].starts_with("alpha_u: no coder used this tag"));
        assert_eq!(&rows[6][9], "no annotations by karim");
    }
}
