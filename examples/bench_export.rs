//! Export speed: 1,000 articles × 50 annotations to every format, in memory (no disk),
//! next to a baseline measured in the same run: a plain `serde_json` dump of the same
//! annotations. Target: < 2 s per format.
//!
//! Run: `cargo run --release --example bench_export`

// A benchmark aborts on the first failure with its message; it is a measuring tool,
// not product code, so unwrap/expect are allowed here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::time::Instant;

use pathok::annotate::{Annotation, AnnotationSet, Color, Timestamp};
use pathok::article::{Article, ArticleFormat, Origin};
use pathok::export::{ExportItem, ExportOptions, Format, OutputKind};
use pathok::store::{ArticleInfo, Sidecar};
use pathok::text::CharRange;

const ARTICLES: usize = 1_000;
const PER_ARTICLE: usize = 50;
const TAGS: &[&str] = &["স্থান", "ব্যক্তি", "রাজনীতি ও সমাজ", "অর্থনীতি", "flag_x"];

fn main() -> anyhow::Result<()> {
    let corpus = include_str!("../tests/data/news-putin-kim.txt");
    let body: String = corpus.chars().take(3_000).collect();
    let now = Timestamp::now();
    let mut data = Vec::with_capacity(ARTICLES);
    for i in 0..ARTICLES {
        let path = PathBuf::from(format!("news/{:02}/article-{i:04}.txt", i % 37));
        let text = format!("প্রবন্ধ {i} 😀🇧🇩\n{body}");
        let article = Article::new(
            Origin::File(path.clone()),
            ArticleFormat::PlainText,
            format!("প্রবন্ধ {i}"),
            text,
            Vec::new(),
            Vec::new(),
        );
        let len = article.text.char_len();
        let annotations: Vec<Annotation> = (0..PER_ARTICLE)
            .filter_map(|k| {
                let start = (k * 59 + i) % (len - 40);
                let mut a = Annotation::new(
                    &article.text,
                    CharRange::new(start, start + 5 + k % 30),
                    now,
                )?;
                a.tags = TAGS.iter().take(k % 3).map(|t| (*t).to_owned()).collect();
                a.note = if k % 4 == 0 {
                    format!("নোট {k}")
                } else {
                    String::new()
                };
                a.color = Color([0xff, 0x88, (k * 5) as u8]);
                a.author = "রহিম".to_owned();
                Some(a)
            })
            .collect();
        let info = ArticleInfo {
            file_name: format!("article-{i:04}.txt"),
            sha256: article.sha256.clone(),
            char_len: len,
        };
        let mut sidecar = Sidecar::empty(pathok::store::sidecar_path(&path), info);
        sidecar.annotations = AnnotationSet::new(annotations, Vec::new());
        sidecar.annotations.article_note = format!("নিবন্ধ {i} নিয়ে নোট");
        sidecar.add_missing_tags();
        data.push((path, article, sidecar));
    }
    let items: Vec<ExportItem<'_>> = data
        .iter()
        .map(|(path, article, sidecar)| ExportItem {
            path,
            article,
            sidecar,
        })
        .collect();
    let total: usize = items.iter().map(|i| i.sidecar.annotations.len()).sum();
    println!("{ARTICLES} articles, {total} annotations (target < 2 s per format)\n");

    let start = Instant::now();
    let all: Vec<&Annotation> = items
        .iter()
        .flat_map(|i| i.sidecar.annotations.iter())
        .collect();
    let baseline = serde_json::to_vec(&all)?;
    let base = start.elapsed();
    println!(
        "{:<28} {:>8.1} ms {:>10.1} MB",
        "baseline: serde_json dump",
        base.as_secs_f64() * 1e3,
        baseline.len() as f64 / 1e6
    );

    // The W3C exporter needs a directory to make the (relative) paths absolute IRIs.
    let defaults = ExportOptions {
        w3c_sources: pathok::export::SourceIris {
            working_dir: Some(std::env::current_dir()?),
            base_iri: None,
        },
        ..ExportOptions::default()
    };
    let mut runs: Vec<(String, Format, ExportOptions)> = Format::ALL
        .iter()
        .map(|f| (f.name().to_owned(), *f, defaults.clone()))
        .collect();
    runs.push((
        "csv --one-row-per-tag".into(),
        Format::Csv,
        ExportOptions {
            one_row_per_tag: true,
            ..defaults.clone()
        },
    ));
    runs.push((
        "w3c --jsonl".into(),
        Format::W3c,
        ExportOptions {
            w3c_lines: true,
            ..defaults.clone()
        },
    ));
    let mut worst = 0.0f64;
    for (label, format, options) in runs {
        let exporter = format.exporter(&options);
        let start = Instant::now();
        let bytes: usize = match exporter.output_kind() {
            OutputKind::File => {
                let mut out = Vec::new();
                exporter.export(&items, &mut out)?;
                out.len()
            }
            OutputKind::Directory => exporter
                .export_files(&items)?
                .iter()
                .map(|f| f.bytes.len())
                .sum(),
        };
        let took = start.elapsed().as_secs_f64();
        worst = worst.max(took);
        println!(
            "{label:<28} {:>8.1} ms {:>10.1} MB  ({:.1}× baseline)",
            took * 1e3,
            bytes as f64 / 1e6,
            took / base.as_secs_f64().max(1e-9)
        );
    }
    println!(
        "\nslowest format: {:.2} s ({})",
        worst,
        if worst < 2.0 {
            "within target"
        } else {
            "OVER TARGET"
        }
    );
    Ok(())
}
