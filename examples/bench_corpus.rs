//! Corpus speed and memory: a synthetic Bengali corpus (1,000 files × 100 KB = 100 MB,
//! and 10,000 files × 10 KB), built from the test corpus text with variation (other
//! spellings of the same words, joiners, Bengali digits, sidecars on some articles);
//! then the library listing, a refresh, and a folded search for a common word, next
//! to `grep -rF` for the same literal on the same files in the same run (grep does no
//! folding, so it finds fewer). Every figure is the median of five warm runs.
//! Targets: listing 10,000 articles < 2 s; folded search within 2× of grep; peak
//! memory well below twice the corpus.
//!
//! Run: `cargo run --release --example bench_corpus [FOLDER]` — the corpus is written
//! to FOLDER (kept, and reused when it is there) or to a temporary folder.

// A benchmark aborts on the first failure with its message; it is a measuring tool,
// not product code, so unwrap/expect are allowed here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use pathok::annotate::{Annotation, Timestamp};
use pathok::corpus::{self, MatchOptions, Matcher};
use pathok::store::Sidecar;
use pathok::text::CharRange;

/// The word searched for: common in the corpus, and written in two ways there.
const WORD: &str = "\u{0995}\u{09CB}\u{09B0}\u{09BF}\u{09AF}\u{09BC}\u{09BE}"; // কোরিয়া
const RUNS: usize = 5;

fn main() -> anyhow::Result<()> {
    let given = std::env::args().nth(1).map(PathBuf::from);
    let temp = tempfile::tempdir()?;
    let base = given.clone().unwrap_or_else(|| temp.path().to_owned());
    let big = base.join("big");
    let many = base.join("many");
    let started = Instant::now();
    let big_bytes = generate(&big, 1_000, 100_000, 0)?;
    let many_bytes = generate(&many, 10_000, 10_000, 5)?;
    println!(
        "corpus: {} (1,000 files, {:.1} MB) and {} (10,000 files, {:.1} MB, every 5th with a sidecar); made in {:.1} s",
        big.display(),
        mb(big_bytes),
        many.display(),
        mb(many_bytes),
        started.elapsed().as_secs_f64()
    );

    println!("\nlisting (scan: walk, titles, sidecar counts)");
    for dir in [&many, &big] {
        let library = corpus::scan(dir, &mut |_| ControlFlow::Continue(())).unwrap();
        let scan = median(|| {
            corpus::scan(dir, &mut |_| ControlFlow::Continue(())).unwrap();
        });
        let again = median(|| {
            corpus::refresh(&library, &mut |_| ControlFlow::Continue(())).unwrap();
        });
        println!(
            "  {:>6} articles: scan {:>7.1} ms, refresh (nothing changed) {:>7.1} ms",
            library.rows.len(),
            ms(scan),
            ms(again)
        );
    }

    println!(
        "\nsearch for {WORD} on {:.0} MB (walk + read + search)",
        mb(big_bytes)
    );
    let matcher = Matcher::new(WORD, MatchOptions::default())?;
    let articles = |dir: &Path| {
        corpus::find(&[dir.to_owned()], &mut |_| ControlFlow::Continue(()))
            .unwrap()
            .articles
    };
    let mut hits = 0;
    let count = median(|| {
        hits = 0;
        let _ = corpus::count(&articles(&big), &matcher, &mut |_, n| {
            hits += n.unwrap();
            ControlFlow::Continue(())
        });
    });
    let mut lines = 0;
    let kwic = median(|| {
        lines = 0;
        let _ = corpus::search(&articles(&big), &matcher, 40, &mut |_, r| {
            lines += r.unwrap().hits.len();
            ControlFlow::Continue(())
        });
    });
    let mut grep_hits = 0;
    let grep_count = median(|| grep_hits = grep(&["-rFc"], &big));
    let grep_lines = median(|| {
        grep(&["-rF"], &big);
    });
    println!("  | | Pathok (folded) | grep -rF (no folding) | ratio |");
    println!("  | --- | --- | --- | --- |");
    println!(
        "  | count | {:.0} ms, {hits} hits | {:.0} ms (-c), {grep_hits} lines | {:.2}× |",
        ms(count),
        ms(grep_count),
        ratio(count, grep_count)
    );
    println!(
        "  | hits with 40 code points of context | {:.0} ms, {lines} hits | {:.0} ms (lines to a pipe) | {:.2}× |",
        ms(kwic),
        ms(grep_lines),
        ratio(kwic, grep_lines)
    );
    for (label, options) in [
        (
            "whole word",
            MatchOptions {
                whole_word: true,
                ..MatchOptions::default()
            },
        ),
        (
            "regex কোরিয়া\\S*",
            MatchOptions {
                regex: true,
                ..MatchOptions::default()
            },
        ),
    ] {
        let query = if options.regex {
            "কোরিয়া\\S*"
        } else {
            WORD
        };
        let matcher = Matcher::new(query, options)?;
        let mut n = 0;
        let t = median(|| {
            n = 0;
            let _ = corpus::count(&articles(&big), &matcher, &mut |_, c| {
                n += c.unwrap();
                ControlFlow::Continue(())
            });
        });
        println!("  {label}: {:.0} ms, {n} hits", ms(t));
    }
    println!(
        "\npeak memory (VmHWM): {:.0} MB for a {:.0} MB corpus",
        peak_mb(),
        mb(big_bytes)
    );
    if given.is_none() {
        println!("(the corpus was written to a temporary folder and is removed)");
    }
    Ok(())
}

/// The median wall time of [`RUNS`] runs of `f`, after one warm-up run.
fn median(mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

/// Run grep on the `.txt` files under `dir`; the number of lines it printed.
fn grep(flags: &[&str], dir: &Path) -> usize {
    let out = Command::new("grep")
        .args(flags)
        .arg("--include=*.txt")
        .arg(WORD)
        .arg(dir)
        .output()
        .expect("grep runs");
    if flags.contains(&"-rFc") {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.rsplit(':').next()?.parse::<usize>().ok())
            .sum()
    } else {
        out.stdout.iter().filter(|&&b| b == b'\n').count()
    }
}

/// Write `files` articles of about `size` bytes under `dir` (unless they are there),
/// with a sidecar on every `sidecar_every`th (0: none). Returns the bytes of text.
fn generate(dir: &Path, files: usize, size: usize, sidecar_every: usize) -> anyhow::Result<u64> {
    let done = dir.join(".complete");
    if !done.exists() {
        let source = include_str!("../tests/data/news-putin-kim.txt").to_owned()
            + include_str!("../tests/data/bengali-samples.txt");
        let paragraphs: Vec<&str> = source
            .split('\n')
            .map(str::trim)
            .filter(|p| p.chars().count() > 20)
            .collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        };
        for i in 0..files {
            let sub = dir.join(format!("{:03}", i % 100));
            std::fs::create_dir_all(&sub)?;
            let path = sub.join(format!("article-{i:05}.txt"));
            let mut text = format!("প্রবন্ধ {i}: {}\n", paragraphs[next(paragraphs.len())]);
            while text.len() < size {
                let p = paragraphs[next(paragraphs.len())];
                // Variation: the same words in other spellings, joiners, digits.
                let p = match next(6) {
                    0 => p.replace("\u{09AF}\u{09BC}", "\u{09DF}"), // precomposed য়
                    1 => p.replace('\u{09CB}', "\u{09C7}\u{09BE}"), // ো as ে + া
                    2 => format!("{p} র‌্যাব জানায়, ১৯৭১ সালের কথা।"),
                    _ => p.to_owned(),
                };
                text.push('\n');
                text.push_str(&p);
                text.push('\n');
            }
            std::fs::write(&path, &text)?;
            if sidecar_every > 0 && i % sidecar_every == 0 {
                add_sidecar(&path, i)?;
            }
        }
        std::fs::write(&done, "")?;
    }
    let mut bytes = 0;
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry?;
        if entry.path().extension().is_some_and(|e| e == "txt") {
            bytes += entry.metadata()?.len();
        }
    }
    Ok(bytes)
}

fn add_sidecar(path: &Path, i: usize) -> anyhow::Result<()> {
    let article = pathok::article::load(path)?;
    let (mut sidecar, _) = Sidecar::open(path, &article)?;
    for k in 0..5 {
        let start = (k * 97 + i) % (article.text.char_len() - 20);
        if let Some(mut a) = Annotation::new(
            &article.text,
            CharRange::new(start, start + 12),
            Timestamp::now(),
        ) {
            a.tags = vec![["স্থান", "ব্যক্তি", "রাজনীতি"][k % 3].to_owned()];
            a.author = ["rina", "karim"][k % 2].to_owned();
            sidecar.annotations.upsert(a);
        }
    }
    sidecar.save(&article.text)?;
    Ok(())
}

fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}
