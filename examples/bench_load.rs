//! Loading hostile shapes of articles, each next to a baseline of the same size and a
//! harmless shape, measured in the same run (issue 9, items 8 and 9):
//!
//! - a 60 MB (and a 10 MB) Bengali `.txt` without a single blank line, against the
//!   same text in paragraphs;
//! - Markdown `- ` × 200,000 (200,000 nested list items), against 100,000 flat ones;
//! - HTML with 100,000 nested `<div>`, 30,000 nested `<ul><li>` and 30,000 nested
//!   `<blockquote>`, against the same tags side by side.
//!
//! `cargo run --release --example bench_load`

// A benchmark stops at the first thing that goes wrong, with its message; it is
// not product code, so unwrap/expect are allowed here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::{Duration, Instant};

/// Median of `runs` loads of `path`.
fn time_load(path: &Path, runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let article = pathok::article::load(path)
                .unwrap_or_else(|e| panic!("cannot load {}: {e}", path.display()));
            let took = started.elapsed();
            assert!(article.text.char_len() > 0);
            took
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

/// Bengali prose of about `bytes` bytes: `word_sep` between sentences.
fn prose(bytes: usize, sentence_end: &str) -> String {
    let sentence = "মেঘনার পাড়ের গ্রামে প্রতি সন্ধ্যায় ছেলেমেয়েরা বই পড়তে আসে";
    let mut text = String::with_capacity(bytes + 200);
    text.push_str("শিরোনাম\n\n");
    let mut n = 0usize;
    while text.len() < bytes {
        text.push_str(sentence);
        text.push_str(if n % 20 == 19 { sentence_end } else { "। " });
        n += 1;
    }
    text
}

fn main() {
    let dir = std::env::temp_dir().join(format!("pathok-bench-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write");
        path
    };
    let cases: Vec<(&str, String, String, String, usize)> = vec![
        (
            "txt, 10 MB",
            "one paragraph".to_owned(),
            prose(10_000_000, "। "),
            prose(10_000_000, "।\n\n"),
            5,
        ),
        (
            "txt, 60 MB",
            "one paragraph".to_owned(),
            prose(60_000_000, "। "),
            prose(60_000_000, "।\n\n"),
            3,
        ),
        (
            "md, `- ` × 200,000",
            "nested items".to_owned(),
            format!("{}x\n", "- ".repeat(200_000)),
            "- x\n".repeat(100_000),
            5,
        ),
        (
            "html, 100,000 <div>",
            "nested".to_owned(),
            format!(
                "<body>{}text{}</body>",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            ),
            format!("<body>{}text</body>", "<div></div>".repeat(100_000)),
            5,
        ),
        (
            "html, 30,000 <ul><li>",
            "nested".to_owned(),
            format!(
                "<body>{}x{}</body>",
                "<ul><li>".repeat(30_000),
                "</li></ul>".repeat(30_000)
            ),
            format!("<body>{}</body>", "<ul><li>x</li></ul>".repeat(30_000)),
            5,
        ),
        (
            "html, 30,000 <blockquote>",
            "nested".to_owned(),
            format!(
                "<body>{}x{}</body>",
                "<blockquote>".repeat(30_000),
                "</blockquote>".repeat(30_000)
            ),
            format!(
                "<body>{}</body>",
                "<blockquote>x</blockquote>".repeat(30_000)
            ),
            5,
        ),
    ];
    println!("| input | hostile shape | time | baseline (same size, harmless shape) |");
    println!("| --- | --- | --- | --- |");
    for (i, (label, shape, hostile, baseline, runs)) in cases.iter().enumerate() {
        let extension = label.split(',').next().unwrap_or("txt");
        let hostile_path = write(&format!("hostile-{i}.{extension}"), hostile);
        let baseline_path = write(&format!("baseline-{i}.{extension}"), baseline);
        let hostile_time = time_load(&hostile_path, *runs);
        let baseline_time = time_load(&baseline_path, *runs);
        println!(
            "| {label} ({:.1} MB) | {shape} | {} | {} |",
            hostile.len() as f64 / 1e6,
            ms(hostile_time),
            ms(baseline_time)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
