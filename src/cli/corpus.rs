//! `pathok search`, `pathok stats` and the passage filter of `pathok export`: the
//! corpus engine ([`pathok::corpus`]) on the command line.
//!
//! Output goes to standard output (one format per `--format`), problems to standard
//! error with the file named; the exit code is 1 when an article or sidecar could not
//! be read (the rest is still searched or counted), 2 on a usage error (including a
//! query that is not a valid regular expression).

use std::io::{self, BufWriter, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;
use unicode_width::UnicodeWidthStr as _;

use pathok::annotate::Status;
use pathok::corpus::{
    self, ArticleHits, Found, Hit, KwicOrder, MatchOptions, Matcher, PassageFilter, Stats,
};
use pathok::store::WalkProblemKind;
use pathok::text::Folding;

/// Which annotations `export` writes.
#[derive(Args, Debug, Default)]
pub struct FilterArgs {
    /// Only annotations carrying this tag (repeat for any of several).
    #[arg(long = "tag", value_name = "T")]
    tags: Vec<String>,
    /// Only annotations by this coder (repeat for any of several).
    #[arg(long = "coder", value_name = "NAME")]
    coders: Vec<String>,
    /// Only annotations that carry T or overlap an annotation (by the same coder)
    /// that does.
    #[arg(long, value_name = "T")]
    overlapping: Option<String>,
    /// Only annotations with this status.
    #[arg(long, value_enum)]
    status: Option<StatusArg>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum StatusArg {
    Anchored,
    Moved,
    Orphaned,
}

impl FilterArgs {
    /// The filter these flags describe.
    pub fn into_filter(self) -> PassageFilter {
        PassageFilter {
            tags: self.tags,
            coders: self.coders,
            overlapping: self.overlapping,
            status: self.status.map(|s| match s {
                StatusArg::Anchored => Status::Anchored,
                StatusArg::Moved => Status::Moved,
                StatusArg::Orphaned => Status::Orphaned,
            }),
        }
    }
}

/// `pathok search`.
#[derive(Args, Debug)]
pub struct SearchArgs {
    /// Only hits that are whole words (not next to a letter, vowel sign, mark, digit
    /// or joiner).
    #[arg(long)]
    whole_word: bool,
    /// QUERY is a regular expression, matched against the folded text.
    #[arg(long)]
    regex: bool,
    /// Bengali digits match ASCII digits (১ = 1).
    #[arg(long)]
    digits: bool,
    /// Code points of context on each side.
    #[arg(long, value_name = "N", default_value_t = corpus::DEFAULT_CONTEXT)]
    context: usize,
    /// Print the number of hits per article instead of the hits.
    #[arg(long)]
    count: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SearchFormat::Text)]
    format: SearchFormat,
    /// Order of the hits.
    #[arg(long, value_enum, default_value_t = SortArg::Article)]
    sort: SortArg,
    /// What to look for (folded: ৎ = ত্‍, joiners ignored, য় = য+়, ো = ে+া, Latin
    /// case ignored).
    query: String,
    /// Articles or folders (searched recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum SearchFormat {
    /// An aligned concordance for the terminal.
    Text,
    /// One JSON object per hit (or per article with --count).
    Jsonl,
    /// CSV (UTF-8 with BOM) with a header row.
    Csv,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SortArg {
    /// Articles in folder order, hits left to right.
    Article,
    /// By the words before the hit.
    Before,
    /// By the words after the hit.
    After,
}

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
    /// `{"articles", "annotations", "tags": {T: {...}}, "cooccurrence": {A: {B: n}}}`.
    Json,
    /// One row per figure: measure,tag,other,count.
    Csv,
}

/// The articles under `paths`; walk problems are told on stderr. Returns whether one
/// of them is a failure (something that could hold articles was not read).
fn find_articles(paths: &[PathBuf]) -> (Found, bool) {
    // Nothing stops this walk, so it is never cancelled.
    let found = corpus::find(paths, &mut |_| ControlFlow::Continue(())).unwrap_or_default();
    let mut failed = false;
    for problem in found.problems.iter().chain(&found.unreadable) {
        eprintln!("pathok: {problem}");
        failed |= !matches!(problem.kind, WalkProblemKind::SymlinkLoop { .. });
    }
    for sidecar in &found.orphan_sidecars {
        eprintln!(
            "pathok: the sidecar's article is missing: {}",
            sidecar.display()
        );
        failed = true;
    }
    (found, failed)
}

/// Finish writing: a closed pipe (`| head`) is not an error.
fn finish(result: io::Result<()>, code: ExitCode) -> anyhow::Result<ExitCode> {
    match result {
        Ok(()) => Ok(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(code),
        Err(e) => Err(anyhow::Error::new(e).context("cannot write to standard output")),
    }
}

/// `pathok search`.
pub fn search(args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let options = MatchOptions {
        folding: Folding {
            digits: args.digits,
        },
        whole_word: args.whole_word,
        regex: args.regex,
    };
    let matcher = match Matcher::new(&args.query, options) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("pathok: {e}: {}", args.query);
            return Ok(ExitCode::from(2));
        }
    };
    let (found, mut failed) = find_articles(&args.paths);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = if args.count {
        write_counts(
            &mut out,
            &found.articles,
            &matcher,
            args.format,
            &mut failed,
        )
    } else {
        write_hits(&mut out, &found.articles, &matcher, args, &mut failed)
    }
    .and_then(|()| out.flush());
    finish(
        result,
        if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        },
    )
}

/// One hit as a JSONL / CSV row.
#[derive(Serialize)]
struct HitRow<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    start_utf16: usize,
    end_utf16: usize,
    start_byte: usize,
    end_byte: usize,
    #[serde(rename = "match")]
    matched: &'a str,
    left: &'a str,
    right: &'a str,
}

impl<'a> HitRow<'a> {
    fn of(article: &'a str, hit: &'a Hit) -> Self {
        HitRow {
            article,
            start: hit.start.0,
            end: hit.end.0,
            start_utf16: hit.start_utf16.0,
            end_utf16: hit.end_utf16.0,
            start_byte: hit.start_byte.0,
            end_byte: hit.end_byte.0,
            matched: &hit.matched,
            left: &hit.left,
            right: &hit.right,
        }
    }
}

fn csv_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn write_hits(
    out: &mut dyn Write,
    articles: &[PathBuf],
    matcher: &Matcher,
    args: &SearchArgs,
    failed: &mut bool,
) -> io::Result<()> {
    let order = match args.sort {
        SortArg::Article => KwicOrder::Article,
        SortArg::Before => KwicOrder::WordBefore,
        SortArg::After => KwicOrder::WordAfter,
    };
    // JSONL and CSV in article order stream article by article; the aligned text and
    // other orders need every hit first.
    let stream = order == KwicOrder::Article && args.format != SearchFormat::Text;
    let as_csv = args.format == SearchFormat::Csv;
    if as_csv {
        out.write_all("\u{feff}".as_bytes())?;
        let mut csv = csv_writer(&mut *out);
        csv.write_record(HIT_COLUMNS).map_err(csv_error)?;
        csv.flush()?;
    }
    let mut kept: Vec<ArticleHits> = Vec::new();
    let mut total = (0, 0);
    let mut error = None;
    let _ = corpus::search(articles, matcher, args.context, &mut |_, result| {
        let hits = match result {
            Ok(hits) => hits,
            Err(e) => {
                eprintln!("pathok: {e}");
                *failed = true;
                return ControlFlow::Continue(());
            }
        };
        total.0 += hits.hits.len();
        total.1 += usize::from(!hits.hits.is_empty());
        if !stream {
            kept.push(hits);
            return ControlFlow::Continue(());
        }
        match write_rows(out, as_csv, &hits.path, hits.hits.iter()) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                error = Some(e);
                ControlFlow::Break(())
            }
        }
    });
    if let Some(e) = error {
        return Err(e);
    }
    let lines = corpus::kwic_order(&kept, order);
    match args.format {
        SearchFormat::Text => {
            let labelled: Vec<(String, &Hit)> = lines
                .iter()
                .map(|&(a, h)| {
                    let hit = &kept[a].hits[h];
                    (format!("{}:{}", kept[a].path.display(), hit.start), hit)
                })
                .collect();
            corpus::write_kwic_text(out, &labelled)?;
        }
        SearchFormat::Jsonl | SearchFormat::Csv => {
            for &(a, h) in &lines {
                let hit = &kept[a].hits[h];
                write_rows(out, as_csv, &kept[a].path, std::iter::once(hit))?;
            }
        }
    }
    eprintln!(
        "pathok: {} hit(s) in {} of {} article(s)",
        total.0,
        total.1,
        articles.len()
    );
    Ok(())
}

/// The columns of a hit in JSONL and CSV.
const HIT_COLUMNS: [&str; 10] = [
    "article",
    "start",
    "end",
    "start_utf16",
    "end_utf16",
    "start_byte",
    "end_byte",
    "match",
    "left",
    "right",
];

fn csv_writer(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out)
}

/// Write hits of the article at `path` as JSONL, or as CSV rows (no header).
fn write_rows<'h>(
    out: &mut dyn Write,
    as_csv: bool,
    path: &Path,
    hits: impl Iterator<Item = &'h Hit>,
) -> io::Result<()> {
    let article = path.to_string_lossy();
    if as_csv {
        let mut csv = csv_writer(out);
        for hit in hits {
            csv.serialize(HitRow::of(&article, hit))
                .map_err(csv_error)?;
        }
        return csv.flush();
    }
    for hit in hits {
        serde_json::to_writer(&mut *out, &HitRow::of(&article, hit))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[derive(Serialize)]
struct CountRow<'a> {
    article: &'a str,
    count: usize,
}

fn write_counts(
    out: &mut dyn Write,
    articles: &[PathBuf],
    matcher: &Matcher,
    format: SearchFormat,
    failed: &mut bool,
) -> io::Result<()> {
    let mut counts: Vec<(&Path, usize)> = Vec::new();
    let _ = corpus::count(articles, matcher, &mut |i, result| {
        match result {
            Ok(n) => counts.push((&articles[i], n)),
            Err(e) => {
                eprintln!("pathok: {e}");
                *failed = true;
            }
        }
        ControlFlow::Continue(())
    });
    match format {
        SearchFormat::Text => {
            let width = counts
                .iter()
                .map(|(_, n)| n.to_string().len())
                .max()
                .unwrap_or(1);
            for (path, n) in &counts {
                writeln!(out, "{n:>width$}  {}", path.display())?;
            }
        }
        SearchFormat::Jsonl => {
            for (path, n) in &counts {
                let article = path.to_string_lossy();
                serde_json::to_writer(
                    &mut *out,
                    &CountRow {
                        article: &article,
                        count: *n,
                    },
                )?;
                out.write_all(b"\n")?;
            }
        }
        SearchFormat::Csv => {
            out.write_all("\u{feff}".as_bytes())?;
            let mut csv = csv::Writer::from_writer(&mut *out);
            for (path, n) in &counts {
                let article = path.to_string_lossy();
                csv.serialize(CountRow {
                    article: &article,
                    count: *n,
                })
                .map_err(csv_error)?;
            }
            csv.flush()?;
        }
    }
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let with = counts.iter().filter(|(_, n)| *n > 0).count();
    eprintln!(
        "pathok: {total} hit(s) in {with} of {} article(s)",
        articles.len()
    );
    Ok(())
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
    finish(
        result,
        if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        },
    )
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
    for (tag, t) in &stats.tags {
        row("tag_annotations", tag, "", t.annotations)?;
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
        "{} article(s), {} annotation(s), {} tag(s)\n",
        stats.articles,
        stats.annotations,
        stats.tags.len()
    )?;
    if stats.tags.is_empty() {
        return Ok(());
    }
    let mut rows = vec![vec![
        "tag".to_owned(),
        "passages".to_owned(),
        "articles".to_owned(),
        "by coder".to_owned(),
    ]];
    for (tag, t) in &stats.tags {
        let coders: Vec<String> = t
            .coders
            .iter()
            .map(|(c, n)| {
                let name = if c.is_empty() { "(no author)" } else { c };
                format!("{name} {n}")
            })
            .collect();
        rows.push(vec![
            tag.clone(),
            t.annotations.to_string(),
            t.articles.to_string(),
            coders.join(", "),
        ]);
    }
    write_table(out, &rows)?;
    writeln!(
        out,
        "\nco-occurrence: passages carrying the row's tag that also carry the column's tag \
         or overlap a passage (same coder) carrying it; the diagonal counts the row's passages\n"
    )?;
    let tags: Vec<&String> = stats.tags.keys().collect();
    let mut rows = vec![
        std::iter::once(String::new())
            .chain(tags.iter().map(|t| (*t).clone()))
            .collect::<Vec<_>>(),
    ];
    for a in &tags {
        let mut row = vec![(*a).clone()];
        row.extend(tags.iter().map(|b| {
            stats
                .cooccurrence
                .get(*a)
                .and_then(|r| r.get(*b))
                .copied()
                .unwrap_or(0)
                .to_string()
        }));
        rows.push(row);
    }
    write_table(out, &rows)
}
