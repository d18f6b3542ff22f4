//! Re-anchoring after an edit (issue 9, item 10): 3,000 one-word annotations in a
//! 400,000-character Bengali article, after one line is added at the top.
//!
//! Prints the time of `reanchor` for that edit, next to the same run's baselines: the
//! article unchanged (nothing to find), and the full search per annotation
//! (`annotate::anchor`, what every annotation went through before the shift by the
//! edit's delta), timed on a sample and scaled to all 3,000.
//!
//! `cargo run --release --example bench_anchor`

// A benchmark stops at the first thing that goes wrong, with its message; it is
// not product code, so unwrap/expect are allowed here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use pathok::annotate::{AnchorOutcome, Annotation, AnnotationSet, Timestamp, anchor, reanchor};
use pathok::text::{CharRange, SourceText};

const WORDS: [&str; 48] = [
    "আমি",
    "বাংলা",
    "বই",
    "পড়ি",
    "ক্ষমা",
    "সরকার",
    "নদী",
    "বৃষ্টি",
    "কৃষক",
    "শিক্ষা",
    "স্বাস্থ্য",
    "রাজনীতি",
    "গ্রাম",
    "শহর",
    "মানুষ",
    "খবর",
    "আজ",
    "কাল",
    "দেশ",
    "ঢাকা",
    "মেঘ",
    "আকাশ",
    "দুপুর",
    "সন্ধ্যা",
    "বাজার",
    "চাল",
    "দাম",
    "বেড়েছে",
    "কমেছে",
    "মন্ত্রী",
    "বলেছেন",
    "জানিয়েছে",
    "পুলিশ",
    "ছাত্র",
    "বিশ্ববিদ্যালয়",
    "নির্বাচন",
    "ভোট",
    "ও",
    "এবং",
    "কিন্তু",
    "তবে",
    "আর",
    "এই",
    "সেই",
    "নতুন",
    "পুরোনো",
    "বড়",
    "ছোট",
];

/// A small deterministic generator (the same article every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

/// About `chars` chars of prose, with the char range of every word.
fn article(chars: usize, rng: &mut Lcg) -> (String, Vec<CharRange>) {
    let mut text = String::from("শিরোনাম: বেঞ্চমার্ক\n\n");
    let mut at = text.chars().count();
    let mut words = Vec::new();
    while at < chars {
        let word = WORDS[rng.next(WORDS.len())];
        let len = word.chars().count();
        words.push(CharRange::new(at, at + len));
        text.push_str(word);
        let sep = match rng.next(12) {
            0 => "। ",
            1 => "\n\n",
            _ => " ",
        };
        text.push_str(sep);
        at += len + sep.chars().count();
    }
    (text, words)
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let mut rng = Lcg(9);
    let (text, words) = article(400_000, &mut rng);
    let old = SourceText::new(text.clone());
    let now = Timestamp::now();
    let mut annotations = Vec::new();
    while annotations.len() < 3_000 {
        let range = words[rng.next(words.len())];
        if let Some(a) = Annotation::new(&old, range, now)
            && !annotations.iter().any(|b: &Annotation| b.start == a.start)
        {
            annotations.push(a);
        }
    }
    let set = AnnotationSet::new(annotations, Vec::new());
    let edited = SourceText::new(format!("একটি নতুন লাইন উপরে যোগ হয়েছে।\n{text}"));
    println!(
        "article: {} chars, {} annotations of one word; edit: one line added at the top",
        old.char_len(),
        set.len()
    );

    let mut unchanged = set.clone();
    let started = Instant::now();
    reanchor(&old, &mut unchanged);
    let unchanged_time = started.elapsed();

    let mut shifted = set.clone();
    let started = Instant::now();
    let report = reanchor(&edited, &mut shifted);
    let shifted_time = started.elapsed();
    let moved = report.moved();
    let orphaned = report.orphans().count();
    let wrong = shifted
        .iter()
        .filter(|a| a.status != pathok::annotate::Status::Orphaned)
        .filter(|a| edited.slice(a.range()) != a.quote)
        .count();
    assert_eq!(wrong, 0, "an annotation was placed on other text");
    assert!(
        report
            .outcomes
            .iter()
            .all(|(_, o)| !matches!(o, AnchorOutcome::Anchored))
    );

    // The full search for each annotation, on a sample.
    let sample: Vec<&Annotation> = set.iter().step_by(30).collect();
    let started = Instant::now();
    for a in &sample {
        let _ = anchor(&edited, a);
    }
    let per = started.elapsed() / sample.len() as u32;
    let full = per * set.len() as u32;

    println!("| case | time |");
    println!("| --- | --- |");
    println!(
        "| line added at the top: `reanchor` ({moved} moved, {orphaned} orphaned) | {} |",
        ms(shifted_time)
    );
    println!("| baseline: article unchanged | {} |", ms(unchanged_time));
    println!(
        "| baseline: full search for every annotation ({} sampled, scaled to {}) | {} |",
        sample.len(),
        set.len(),
        ms(full)
    );
}
