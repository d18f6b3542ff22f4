//! The corpus on the command line: `pathok search` (hits, KWIC contexts, offsets in
//! code points, UTF-16 units and bytes, counts, formats, errors), `pathok stats` and
//! the passage filters of `pathok export`, on a corpus built in the test with answers
//! known in advance.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr as _;

/// কোরিয়া written three ways: য় precomposed (U+09DF), য + ় (U+09AF U+09BC), and ো as
/// ে + া; an emoji (two UTF-16 units) before them.
const A: &str = "😀 উত্তর কো\u{09B0}ি\u{09DF}ার নেতা কিম।\nকো\u{09B0}ি\u{09AF}\u{09BC}া উপদ্বীপে শান্তি। কে\u{09BE}রিয়া শেষ\n";
/// A joiner inside a word, and digits.
const B: &str = "র\u{200C}্যাব জানায়, ১৯৭১ সালে KOREA ছিল।\n";

fn pathok(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pathok"))
        // Human messages in English whatever the machine's locale.
        .env("PATHOK_LANG", "en")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run pathok")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn jsonl(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("news/sub")).unwrap();
    std::fs::write(dir.path().join("news/a.txt"), A).unwrap();
    std::fs::write(dir.path().join("news/sub/b.txt"), B).unwrap();
    std::fs::write(dir.path().join("news/notes.docx"), "not an article").unwrap();
    dir
}

/// The code points of `text` in `range`.
fn chars(text: &str, range: std::ops::Range<usize>) -> String {
    text.chars().skip(range.start).take(range.len()).collect()
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

#[test]
fn search_finds_every_spelling_with_offsets_in_three_units_and_contexts() {
    let dir = fixture();
    let out = pathok(
        dir.path(),
        &[
            "search",
            "--format",
            "jsonl",
            "--context",
            "6",
            "কোরিয়া",
            "news",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = jsonl(&out);
    assert_eq!(rows.len(), 3, "{rows:#?}");
    for row in &rows {
        assert_eq!(
            row["article"], "news/a.txt",
            "the path as reached from news"
        );
        let (start, end) = (
            row["start"].as_u64().unwrap() as usize,
            row["end"].as_u64().unwrap() as usize,
        );
        let matched = row["match"].as_str().unwrap();
        assert_eq!(chars(A, start..end), matched);
        let before: String = A.chars().take(start).collect();
        assert_eq!(row["start_utf16"], utf16_len(&before));
        assert_eq!(row["end_utf16"], utf16_len(&before) + utf16_len(matched));
        assert_eq!(row["start_byte"], before.len());
        assert_eq!(
            &A[row["start_byte"].as_u64().unwrap() as usize
                ..row["end_byte"].as_u64().unwrap() as usize],
            matched
        );
        assert_eq!(row["left"], chars(A, start.saturating_sub(6)..start));
        assert_eq!(row["right"], chars(A, end..end + 6));
    }
    let matches: Vec<&str> = rows.iter().map(|r| r["match"].as_str().unwrap()).collect();
    assert_eq!(
        matches,
        [
            "কো\u{09B0}ি\u{09DF}া",
            "কো\u{09B0}ি\u{09AF}\u{09BC}া",
            "কে\u{09BE}রিয়া"
        ]
    );
    // The emoji counts one code point, two UTF-16 units, four bytes.
    assert_eq!(rows[0]["start"], 8);
    assert_eq!(rows[0]["start_utf16"], 9);
    assert_eq!(rows[0]["start_byte"], 4 + 1 + 5 * 3 + 1);
    // Raw contexts keep the newline.
    assert!(rows[1]["left"].as_str().unwrap().contains('\n'));
    assert!(stderr(&out).contains("3 hit(s) in 1 of 2 article(s)"));
}

#[test]
fn search_text_is_an_aligned_concordance_and_count_gives_hits_per_article() {
    let dir = fixture();
    let out = pathok(dir.path(), &["search", "--context", "8", "কোরিয়া", "news"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("news/a.txt:8 "), "{text}");
    // The matches start at one display column.
    let column = |line: &str| {
        let at = line.find("কো").or_else(|| line.find("কে\u{09BE}")).unwrap();
        line[..at].width()
    };
    assert_eq!(column(lines[0]), column(lines[1]));
    assert_eq!(column(lines[1]), column(lines[2]));

    let out = pathok(
        dir.path(),
        &["search", "--count", "--format", "jsonl", "korea", "news"],
    );
    assert_eq!(
        jsonl(&out),
        [
            json!({"article": "news/a.txt", "count": 0}),
            json!({"article": "news/sub/b.txt", "count": 1})
        ]
    );
    let out = pathok(dir.path(), &["search", "--count", "কোরিয়া", "news"]);
    assert_eq!(stdout(&out), "3  news/a.txt\n0  news/sub/b.txt\n");
    let out = pathok(
        dir.path(),
        &["search", "--format", "csv", "KOREA", "news/sub/b.txt"],
    );
    let csv = stdout(&out);
    assert!(csv.starts_with(
        "\u{feff}article,start,end,start_utf16,end_utf16,start_byte,end_byte,match,left,right\n"
    ));
    assert!(csv.contains("news/sub/b.txt,"), "{csv}");
}

#[test]
fn search_options_joiners_digits_whole_words_and_regex() {
    let dir = fixture();
    let matches = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["search", "--format", "jsonl"];
        all.extend_from_slice(args);
        all.push("news");
        jsonl(&pathok(dir.path(), &all))
            .iter()
            .map(|r| r["match"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(matches(&["র্যাব"]), ["র\u{200C}্যাব"]);
    assert!(matches(&["1971"]).is_empty());
    assert_eq!(matches(&["--digits", "1971"]), ["১৯৭১"]);
    assert_eq!(matches(&["কিম"]), ["কিম"]);
    assert!(matches(&["--whole-word", "কি"]).is_empty());
    assert_eq!(matches(&["--regex", "ক[িে]ম|kor\\w+"]), ["কিম", "KOREA"]);
    // Sorted by the word after the match.
    let sorted = jsonl(&pathok(
        dir.path(),
        &[
            "search",
            "--format",
            "jsonl",
            "--sort",
            "after",
            "কোরিয়া",
            "news",
        ],
    ));
    let right: Vec<&str> = sorted
        .iter()
        .map(|r| r["right"].as_str().unwrap())
        .collect();
    assert!(
        right[0].starts_with(" উপ") && right[2].starts_with(" শেষ"),
        "{right:?}"
    );
}

#[test]
fn search_errors_name_the_file_and_set_the_exit_code() {
    let dir = fixture();
    std::fs::write(dir.path().join("news/broken.txt"), b"\x00\x01binary\x00").unwrap();
    let out = pathok(dir.path(), &["search", "--format", "jsonl", "কিম", "news"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("binary"), "{}", stderr(&out));
    assert!(stderr(&out).contains("news/broken.txt"));
    assert_eq!(
        jsonl(&out).len(),
        1,
        "the other articles are still searched"
    );
    let bad_regex = pathok(dir.path(), &["search", "--regex", "(", "news"]);
    assert_eq!(bad_regex.status.code(), Some(2));
    assert!(stderr(&bad_regex).contains("not a valid regular expression"));
    assert_eq!(
        pathok(dir.path(), &["search", "কিম"]).status.code(),
        Some(2)
    );
    assert_eq!(
        pathok(dir.path(), &["search", "\u{200D}", "news"])
            .status
            .code(),
        Some(2)
    );
}

/// Code-point span of the `n`th (0-based) occurrence of `word` in `text`.
fn span(text: &str, word: &str, n: usize) -> (usize, usize) {
    let byte = text.match_indices(word).nth(n).expect("word in text").0;
    let start = text[..byte].chars().count();
    (start, start + word.chars().count())
}

/// One annotation to import: (article path, its text, word, occurrence, tags, author).
type Coding<'a> = (&'a str, &'a str, &'a str, usize, &'a [&'a str], &'a str);

/// Import annotations.
fn annotate(dir: &Path, items: &[Coding<'_>]) {
    let mut lines = String::new();
    for (article, text, word, n, tags, author) in items {
        let (start, end) = span(text, word, *n);
        lines.push_str(
            &json!({"article": article, "start": start, "end": end, "tags": tags, "author": author})
                .to_string(),
        );
        lines.push('\n');
    }
    std::fs::write(dir.join("pre.jsonl"), lines).unwrap();
    let out = pathok(dir, &["import", "--format", "jsonl", "pre.jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The fixture with six annotations whose filters and counts are known (see the
/// comments).
fn coded_fixture() -> tempfile::TempDir {
    let dir = fixture();
    let a = "news/a.txt";
    let b = "news/sub/b.txt";
    annotate(
        dir.path(),
        &[
            // a.txt, rina: A over "উত্তর", B over "উত্তর কো…" (overlaps A), C over "কিম".
            (a, A, "উত্তর", 0, &["A"], "rina"),
            (a, A, "উত্তর কো", 0, &["B"], "rina"),
            (a, A, "কিম", 0, &["C"], "rina"),
            // a.txt, karim: B over "উত্তর" (same place as rina's A: other coder).
            (a, A, "উত্তর", 0, &["B"], "karim"),
            // b.txt, karim: A and B on one passage, and A on "KOREA".
            (b, B, "সালে", 0, &["A", "B"], "karim"),
            (b, B, "KOREA", 0, &["A"], "karim"),
        ],
    );
    dir
}

fn exported_quotes(dir: &Path, filter: &[&str]) -> Vec<String> {
    let mut args = vec!["export", "--format", "jsonl"];
    args.extend_from_slice(filter);
    args.push("news");
    let out = pathok(dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut quotes: Vec<String> = jsonl(&out)
        .iter()
        .map(|r| {
            format!(
                "{}/{}",
                r["author"].as_str().unwrap(),
                r["quote"].as_str().unwrap()
            )
        })
        .collect();
    quotes.sort();
    quotes
}

#[test]
fn export_filters_by_tag_coder_overlapping_and_status() {
    let dir = coded_fixture();
    assert_eq!(exported_quotes(dir.path(), &[]).len(), 6);
    assert_eq!(
        exported_quotes(dir.path(), &["--tag", "A"]),
        ["karim/KOREA", "karim/সালে", "rina/উত্তর"]
    );
    assert_eq!(
        exported_quotes(dir.path(), &["--tag", "C", "--tag", "B"]),
        ["karim/উত্তর", "karim/সালে", "rina/উত্তর কো", "rina/কিম"]
    );
    assert_eq!(
        exported_quotes(dir.path(), &["--coder", "rina"]),
        ["rina/উত্তর", "rina/উত্তর কো", "rina/কিম"]
    );
    // Passages carrying A or overlapping an A passage of the same coder: karim's B
    // on "উত্তর" lies on rina's A, but is another coder's.
    assert_eq!(
        exported_quotes(dir.path(), &["--overlapping", "A"]),
        ["karim/KOREA", "karim/সালে", "rina/উত্তর", "rina/উত্তর কো"]
    );
    assert_eq!(
        exported_quotes(
            dir.path(),
            &["--tag", "B", "--overlapping", "A", "--coder", "rina"]
        ),
        ["rina/উত্তর কো"]
    );
    assert!(exported_quotes(dir.path(), &["--status", "orphaned"]).is_empty());
    // Change the article so that "কিম" is gone: that annotation becomes orphaned.
    std::fs::write(dir.path().join("news/a.txt"), A.replace("কিম", "জং")).unwrap();
    assert_eq!(
        exported_quotes(dir.path(), &["--status", "orphaned"]),
        ["rina/কিম"]
    );
    let bad = pathok(
        dir.path(),
        &["export", "--format", "jsonl", "--status", "lost", "news"],
    );
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn stats_count_tags_articles_coders_and_cooccurrence() {
    let dir = coded_fixture();
    let out = pathok(dir.path(), &["stats", "--format", "json", "news"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stats: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        stats,
        json!({
            "articles": 2,
            "annotations": 6,
            "regions": 0,
            "tags": {
                "A": {"annotations": 3, "articles": 2, "coders": {"karim": 2, "rina": 1}, "regions": 0},
                "B": {"annotations": 3, "articles": 2, "coders": {"karim": 2, "rina": 1}, "regions": 0},
                "C": {"annotations": 1, "articles": 1, "coders": {"rina": 1}, "regions": 0},
            },
            // A→B: rina's A overlaps her B; karim's "সালে" carries both. B→A: rina's B
            // overlaps her A; "সালে". karim's B on "উত্তর" overlaps no A of karim's.
            "cooccurrence": {
                "A": {"A": 3, "B": 2, "C": 0},
                "B": {"A": 2, "B": 3, "C": 0},
                "C": {"A": 0, "B": 0, "C": 1},
            }
        })
    );
    let csv = stdout(&pathok(dir.path(), &["stats", "--format", "csv", "news"]));
    assert!(csv.starts_with(
        "\u{feff}measure,tag,other,count\narticles,,,2\nannotations,,,6\nregions,,,0\n"
    ));
    assert!(csv.contains("tag_coder_annotations,A,karim,2\n"));
    assert!(csv.contains("cooccurrence,B,A,2\n"));
    let text = stdout(&pathok(dir.path(), &["stats", "news"]));
    assert!(
        text.starts_with("2 article(s), 6 annotation(s), 3 tag(s)"),
        "{text}"
    );
    assert!(text.contains("karim 2, rina 1"), "{text}");
    // A broken sidecar is reported by name, the rest is still counted, exit 1.
    std::fs::write(
        dir.path().join("news/sub/b.txt.annotations.ron"),
        "(format: ",
    )
    .unwrap();
    let out = pathok(dir.path(), &["stats", "--format", "json", "news"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("news/sub/b.txt.annotations.ron"),
        "{}",
        stderr(&out)
    );
    let stats: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(stats["annotations"], 4);
}
