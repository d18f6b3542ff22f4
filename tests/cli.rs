//! The `pathok` command line: import → export JSONL keeps `text[start:end] == quote`
//! in code points, UTF-16 and bytes; bad input writes nothing; `check` reports
//! problems; corrupt sidecars are never touched.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// BOM, CRLF, Bengali with conjuncts and vowel signs, emoji (outside the BMP), ZWJ.
const RAW: &str = "\u{feff}ঢাকায় বৃষ্টি 🌧️ আজ\r\nক্ষমা চাই 👩‍👩‍👧 প্রধানমন্ত্রী বলেছেন।\r\nশেষ 😀 লাইন\r\n";

fn canonical() -> String {
    RAW.trim_start_matches('\u{feff}').replace("\r\n", "\n")
}

fn pathok(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pathok"))
        // Human messages in English whatever the machine's locale.
        .env("PATHOK_LANG", "en")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run pathok")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The second article: Bengali only.
const B: &str = "শুধু বাংলা লেখা, আর কিছু নয়।\n";

/// Code-point offsets of the first `word` in the canonical text of a.txt.
fn span(word: &str) -> (usize, usize) {
    span_in(&canonical(), word)
}

fn span_in(text: &str, word: &str) -> (usize, usize) {
    let byte = text.find(word).expect("word in text");
    let start = text[..byte].chars().count();
    (start, start + word.chars().count())
}

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("news")).unwrap();
    std::fs::write(dir.path().join("news/a.txt"), RAW).unwrap();
    std::fs::write(dir.path().join("news/b.txt"), B).unwrap();
    dir
}

fn line(article: &str, word: &str, extra: &str) -> String {
    let (s, e) = if article.ends_with("b.txt") {
        span_in(B, word)
    } else {
        span(word)
    };
    format!(r#"{{"article": "{article}", "start": {s}, "end": {e}{extra}}}"#)
}

#[test]
fn import_then_export_jsonl_keeps_quotes_in_every_unit() {
    let dir = fixture();
    let (s, e) = span("ক্ষমা চাই");
    let input = [
        line(
            "news/a.txt",
            "ঢাকায়",
            r##", "tags": ["স্থান"], "note": "শহর", "color": "#ff8800""##,
        ),
        line("news/a.txt", "🌧️", ""),
        format!(r#"{{"article": "news/a.txt", "start": {s}, "end": {e}, "quote": "ক্ষমা চাই"}}"#),
        line(
            "news/a.txt",
            "👩‍👩‍👧 প্রধানমন্ত্রী",
            r#", "tags": ["ব্যক্তি", "স্থান"]"#,
        ),
        line("news/a.txt", "😀 লাইন", ""),
        // Starts inside the conjunct ক্ষ: widened to the whole cluster, where it is a
        // duplicate of the line before (same span, same tags) and merged into it.
        format!(
            r#"{{"article": "news/a.txt", "start": {}, "end": {e}}}"#,
            s + 1
        ),
        String::new(),
        r#"{"article": "news/b.txt", "start": 0, "end": 4}"#.to_owned(),
    ]
    .join("\n");
    std::fs::write(dir.path().join("in.jsonl"), input).unwrap();
    let out = pathok(dir.path(), &["import", "--format", "jsonl", "in.jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("news/a.txt.annotations.ron").is_file());

    let out = pathok(
        dir.path(),
        &["export", "--format", "jsonl", "-o", "out.jsonl", "news"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let exported = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    let records: Vec<Value> = exported
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 6);

    let text = canonical();
    let chars: Vec<char> = text.chars().collect();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let bytes = text.as_bytes();
    for r in &records {
        let n = |k: &str| r[k].as_u64().unwrap_or_else(|| panic!("{k} in {r}")) as usize;
        let quote = r["quote"].as_str().unwrap();
        if r["article"] == "news/b.txt" {
            assert_eq!(quote, "শুধু");
            continue;
        }
        assert_eq!(r["article"], "news/a.txt");
        assert_eq!(r["status"], "anchored");
        let by_chars: String = chars[n("start")..n("end")].iter().collect();
        assert_eq!(by_chars, quote);
        let by_utf16 = String::from_utf16(&utf16[n("start_utf16")..n("end_utf16")]).unwrap();
        assert_eq!(by_utf16, quote);
        assert_eq!(&bytes[n("start_byte")..n("end_byte")], quote.as_bytes());
        assert_eq!(r["id"].as_str().unwrap().len(), 36);
        assert!(r["created"].as_str().unwrap().ends_with('Z'));
        assert_eq!(
            r["prefix"].as_str().unwrap().chars().count(),
            n("start").min(32)
        );
    }
    let ksh: Vec<&Value> = records.iter().filter(|r| r["quote"] == "ক্ষমা চাই").collect();
    assert_eq!(ksh.len(), 1, "the snapped span merged with the exact one");
    let first = records.iter().find(|r| r["quote"] == "ঢাকায়").unwrap();
    assert_eq!(first["tags"], serde_json::json!(["স্থান"]));
    assert_eq!(
        (first["note"].as_str(), first["color"].as_str()),
        (Some("শহর"), Some("#ff8800"))
    );

    // The export imports back unchanged (same ids, not newer).
    let sidecar = std::fs::read(dir.path().join("news/a.txt.annotations.ron")).unwrap();
    let out = pathok(dir.path(), &["import", "--format", "jsonl", "out.jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 new, 0 updated, 6 unchanged"));
    assert_eq!(
        std::fs::read(dir.path().join("news/a.txt.annotations.ron")).unwrap(),
        sidecar
    );
}

#[test]
fn a_bad_line_is_reported_by_number_and_nothing_is_written() {
    let dir = fixture();
    let input = [
        line("news/a.txt", "ঢাকায়", ""),
        line("news/a.txt", "বৃষ্টি", r#", "quote": "বৃষ্টিপাত""#),
        r#"{"article": "news/b.txt", "start": 5, "end": 500}"#.to_owned(),
        line("news/b.txt", "বাংলা", r#", "start_utf16": 0"#),
        r#"{"article": "news/missing.txt", "start": 0, "end": 1}"#.to_owned(),
        "not json".to_owned(),
    ]
    .join("\n");
    std::fs::write(dir.path().join("in.jsonl"), input).unwrap();
    let out = pathok(dir.path(), &["import", "--format", "jsonl", "in.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for n in 2..=6 {
        assert!(
            err.contains(&format!("in.jsonl:{n}:")),
            "line {n} not reported: {err}"
        );
    }
    assert!(!err.contains("in.jsonl:1:"), "{err}");
    assert!(err.contains("does not match"), "{err}");
    assert!(err.contains("out of range"), "{err}");
    assert!(!dir.path().join("news/a.txt.annotations.ron").exists());
    assert!(!dir.path().join("news/b.txt.annotations.ron").exists());
}

#[test]
fn check_reports_corrupt_sidecars_orphans_and_lone_sidecars() {
    let dir = fixture();
    std::fs::write(
        dir.path().join("in.jsonl"),
        line("news/a.txt", "ক্ষমা চাই", ""),
    )
    .unwrap();
    assert!(
        pathok(dir.path(), &["import", "--format", "jsonl", "in.jsonl"])
            .status
            .success()
    );
    let out = pathok(dir.path(), &["check", "news"]);
    assert!(out.status.success(), "{}", stderr(&out));

    // The passage is deleted from the article: orphaned, reported, exported as such.
    std::fs::write(dir.path().join("news/a.txt"), RAW.replace("ক্ষমা চাই", "")).unwrap();
    let out = pathok(dir.path(), &["check", "news/a.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("orphaned annotation"),
        "{}",
        stderr(&out)
    );
    let out = pathok(dir.path(), &["export", "--format", "jsonl", "news/a.txt"]);
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (record["status"].as_str(), record["start"].is_null()),
        (Some("orphaned"), true)
    );

    // A corrupt sidecar: reported with line and column, never touched by any command.
    let corrupt_path = dir.path().join("news/b.txt.annotations.ron");
    let corrupt = b"(\n    format: \"pathok-annotations\",\n    version: 1,\n    article: ((\n";
    std::fs::write(&corrupt_path, corrupt).unwrap();
    let out = pathok(dir.path(), &["check", "news/b.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("line 4") && err.contains("b.txt.annotations.ron"),
        "{err}"
    );
    let out = pathok(dir.path(), &["export", "--format", "jsonl", "news"]);
    assert_eq!(out.status.code(), Some(1));
    std::fs::write(dir.path().join("b.jsonl"), line("news/b.txt", "বাংলা", "")).unwrap();
    let out = pathok(dir.path(), &["import", "--format", "jsonl", "b.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&corrupt_path).unwrap(), corrupt);

    // A sidecar whose article is gone.
    std::fs::rename(
        dir.path().join("news/a.txt.annotations.ron"),
        dir.path().join("news/gone.txt.annotations.ron"),
    )
    .unwrap();
    let out = pathok(dir.path(), &["check", "news/gone.txt.annotations.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("unknown article"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_with_2() {
    let dir = fixture();
    assert_eq!(
        pathok(dir.path(), &["export", "--format", "xml", "news"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(pathok(dir.path(), &["check"]).status.code(), Some(2));
    // Each with a message that says what to do instead.
    for (args, says) in [
        (
            &["import", "--format", "brat", "-"][..],
            "brat reads .ann files next to their .txt, not standard input",
        ),
        (
            &["export", "--format", "brat", "news"][..],
            "brat writes a directory of files: give it with -o",
        ),
        (
            &["export", "--format", "csv", "--jsonl", "news"][..],
            "--jsonl is for --format w3c",
        ),
        (
            &[
                "export",
                "--format",
                "jsonl",
                "--qdpx-positions",
                "utf16",
                "news",
            ][..],
            "--qdpx-positions is for --format qdpx",
        ),
        (
            &["export", "--format", "w3c", "--base-iri", "corpus/", "news"][..],
            "is not an absolute IRI",
        ),
        (
            &[
                "import",
                "--format",
                "jsonl",
                "--base-iri",
                "https://x.org/",
                "in.jsonl",
            ][..],
            "--base-iri is for --format w3c",
        ),
    ] {
        let out = pathok(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn export_refuses_to_write_over_articles_sidecars_or_into_the_corpus() {
    let dir = fixture();
    std::fs::write(
        dir.path().join("in.jsonl"),
        line("news/a.txt", "ক্ষমা চাই", ""),
    )
    .unwrap();
    let out = pathok(dir.path(), &["import", "--format", "jsonl", "in.jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let article = dir.path().join("news/a.txt");
    let sidecar = dir.path().join("news/a.txt.annotations.ron");
    let (before, before_sidecar) = (
        std::fs::read(&article).unwrap(),
        std::fs::read(&sidecar).unwrap(),
    );
    let refused = |args: &[&str], says: &str| {
        let out = pathok(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    };
    refused(
        &["export", "--format", "csv", "-o", "news/a.txt", "news"],
        "refusing to write the export over news/a.txt",
    );
    refused(
        &[
            "export",
            "--format",
            "jsonl",
            "-o",
            "news/./a.txt",
            "news/a.txt",
        ],
        "refusing to write the export over",
    );
    refused(
        &[
            "export",
            "--format",
            "md",
            "-o",
            "news/b.txt.annotations.ron",
            "news/b.txt",
        ],
        "under the name of Pathok's own files",
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("news/a.txt", dir.path().join("link.csv")).unwrap();
        refused(
            &["export", "--format", "csv", "-o", "link.csv", "news"],
            "refusing to write the export over",
        );
    }
    refused(
        &["export", "--format", "brat", "-o", "news", "news"],
        "the output folder holds articles",
    );
    refused(
        &["export", "--format", "brat", "-o", ".", "news/a.txt"],
        "the output folder holds articles",
    );
    assert_eq!(std::fs::read(&article).unwrap(), before);
    assert_eq!(std::fs::read(&sidecar).unwrap(), before_sidecar);
    assert!(!dir.path().join("news/annotation.conf").exists());

    // A new folder, and the same folder again (an earlier brat export), are fine.
    for _ in 0..2 {
        let out = pathok(
            dir.path(),
            &["export", "--format", "brat", "-o", "brat", "news"],
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert!(dir.path().join("brat/a.ann").is_file());
    // Inside the corpus (where the GUI suggests it), a brat export's .txt copies are
    // not taken for articles: exporting the folder again works and counts the same.
    for _ in 0..2 {
        let out = pathok(
            dir.path(),
            &["export", "--format", "brat", "-o", "news/brat", "news"],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stderr(&out).contains("of 2 article(s)"), "{}", stderr(&out));
    }
}

#[test]
fn a_folder_lock_that_cannot_be_taken_is_told_once_with_the_path_as_given() {
    let dir = fixture();
    std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
    // A folder where the lock file should be: opening it fails with an OS reason,
    // as it would in a read-only folder.
    std::fs::create_dir(dir.path().join("news").join(pathok::store::LOCK_FILE)).unwrap();
    let (s, e) = span("ঢাকায়");
    let record = format!(
        "{{\"article\":\"../news/a.txt\",\"start\":{s},\"end\":{e},\"tags\":[\"x\"],\"author\":\"rina\"}}\n"
    );
    std::fs::write(dir.path().join("elsewhere/in.jsonl"), record).unwrap();
    let out = pathok(
        &dir.path().join("elsewhere"),
        &["import", "--format", "jsonl", "in.jsonl", "../news"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lock = format!("../news/{}", pathok::store::LOCK_FILE);
    assert!(err.trim_end().ends_with(&lock), "{err}");
    assert!(!err.contains(&dir.path().display().to_string()), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(
        err.matches("(os error").count(),
        1,
        "reason told once: {err}"
    );
    assert!(!dir.path().join("news/a.txt.annotations.ron").exists());
}
