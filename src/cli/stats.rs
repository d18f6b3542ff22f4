//! `pathok stats`: tag counts, coders and the co-occurrence matrix as tables, JSON
//! or a long CSV.

use std::io::{self, BufWriter, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;
use unicode_width::UnicodeWidthStr as _;

use pathok::corpus::{self, Stats};
use pathok::i18n::number;
use pathok::tr;

use super::{csv_error, find_articles, finish};

/// `pathok stats`.
#[derive(Args, Debug)]
pub struct StatsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
    format: StatsFormat,
    /// Articles, sidecars or folders (searched recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum StatsFormat {
    /// Tables for the terminal.
    Text,
    /// `{"articles", "annotations", "regions", "tags": {T: {...}}, "cooccurrence": {A: {B: n}}}`.
    Json,
    /// One row per figure: measure,tag,other,count.
    Csv,
}

/// `pathok stats`.
pub fn stats(args: &StatsArgs) -> anyhow::Result<ExitCode> {
    let (found, mut failed) = find_articles(&args.paths);
    let Ok((stats, failures)) = corpus::stats(&found.articles, &mut |_| ControlFlow::Continue(()))
    else {
        return Ok(ExitCode::FAILURE);
    };
    for e in &failures {
        eprintln!("pathok: {e}");
        failed = true;
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match args.format {
        StatsFormat::Json => serde_json::to_writer_pretty(&mut out, &stats)
            .map_err(io::Error::from)
            .and_then(|()| out.write_all(b"\n")),
        StatsFormat::Csv => write_stats_csv(&mut out, &stats),
        StatsFormat::Text => write_stats_text(&mut out, &stats),
    }
    .and_then(|()| out.flush());
    finish(result, failed)
}

#[derive(Serialize)]
struct StatsRow<'a> {
    measure: &'a str,
    tag: &'a str,
    other: &'a str,
    count: usize,
}

/// Stats as one row per figure (a long table, ready for R or pandas).
fn write_stats_csv(out: &mut dyn Write, stats: &Stats) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut csv = csv::Writer::from_writer(out);
    let mut row = |measure, tag, other, count| {
        csv.serialize(StatsRow {
            measure,
            tag,
            other,
            count,
        })
        .map_err(csv_error)
    };
    row("articles", "", "", stats.articles)?;
    row("annotations", "", "", stats.annotations)?;
    row("regions", "", "", stats.regions)?;
    for (tag, t) in &stats.tags {
        row("tag_annotations", tag, "", t.annotations)?;
        if t.regions > 0 {
            row("tag_regions", tag, "", t.regions)?;
        }
        row("tag_articles", tag, "", t.articles)?;
        for (coder, n) in &t.coders {
            row("tag_coder_annotations", tag, coder, *n)?;
        }
    }
    for (a, cells) in &stats.cooccurrence {
        for (b, n) in cells {
            row("cooccurrence", a, b, *n)?;
        }
    }
    csv.flush()
}

/// A table with columns aligned by display width: the first column left-aligned,
/// the others right-aligned.
fn write_table(out: &mut dyn Write, rows: &[Vec<String>]) -> io::Result<()> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[c].saturating_sub(cell.width()));
            if c == 0 {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str("  ");
                line.push_str(&pad);
                line.push_str(cell);
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn write_stats_text(out: &mut dyn Write, stats: &Stats) -> io::Result<()> {
    writeln!(
        out,
        "{}\n",
        tr!(
            "cli-stats-summary",
            articles = stats.articles,
            annotations = stats.annotations,
            regions = stats.regions,
            tags = stats.tags.len()
        )
    )?;
    if stats.tags.is_empty() {
        return Ok(());
    }
    let mut rows = vec![vec![
        tr!("cli-stats-tag"),
        tr!("cli-stats-passages"),
        tr!("cli-stats-articles"),
        tr!("cli-stats-by-coder"),
    ]];
    // The column appears only when there are regions, so text-only corpora read as
    // before.
    if stats.regions > 0 {
        rows[0].insert(2, tr!("cli-stats-regions"));
    }
    for (tag, t) in &stats.tags {
        let coders: Vec<String> = t
            .coders
            .iter()
            .map(|(c, n)| {
                let name = if c.is_empty() {
                    tr!("cli-stats-no-author")
                } else {
                    c.clone()
                };
                format!("{name} {}", number(n))
            })
            .collect();
        let mut row = vec![
            tag.clone(),
            number(t.annotations),
            number(t.articles),
            coders.join(", "),
        ];
        if stats.regions > 0 {
            row.insert(2, number(t.regions));
        }
        rows.push(row);
    }
    write_table(out, &rows)?;
    writeln!(out, "\n{}\n", tr!("cli-stats-co-occurrence"))?;
    let tags: Vec<&String> = stats.tags.keys().collect();
    let mut rows = vec![
        std::iter::once(String::new())
            .chain(tags.iter().map(|t| (*t).clone()))
            .collect::<Vec<_>>(),
    ];
    for a in &tags {
        let mut row = vec![(*a).clone()];
        row.extend(tags.iter().map(|b| {
            number(
                stats
                    .cooccurrence
                    .get(*a)
                    .and_then(|r| r.get(*b))
                    .copied()
                    .unwrap_or(0),
            )
        }));
        rows.push(row);
    }
    write_table(out, &rows)
}
