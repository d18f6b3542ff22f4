//! `pathok search`: a folded search over articles and folders, as an aligned
//! concordance, JSONL or CSV rows, or counts per article.

use std::io::{self, BufWriter, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;

use pathok::corpus::{self, ArticleHits, Hit, KwicOrder, MatchOptions, Matcher};
use pathok::text::Folding;
use pathok::tr;

use super::{csv_error, find_articles, finish};

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
    finish(result, failed)
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
        "pathok: {}",
        tr!(
            "cli-hits",
            hits = total.0,
            with = total.1,
            articles = articles.len()
        )
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
        "pathok: {}",
        tr!(
            "cli-hits",
            hits = total,
            with = with,
            articles = articles.len()
        )
    );
    Ok(())
}
