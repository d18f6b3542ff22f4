//! export → import into a fresh copy of the articles → export again gives the same
//! bytes (ids kept) for JSONL, W3C and brat; duplicates are merged, bad records
//! rejected with reasons.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/export_fixture.rs"]
mod export_fixture;

use std::path::Path;

use export_fixture::{export, fixture, import_lines, pathok, stderr, write_articles};

fn import(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    let out = pathok(dir, &all);
    assert!(out.status.success(), "import {args:?}: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Export `format` from the fixture, import it into a fresh copy, export again.
fn round_trip(format: &str, extra: &[&str], out: &str, import_args: &[&str]) {
    let a = fixture();
    let first = export(a.path(), format, extra, out);
    let b = tempfile::tempdir().unwrap();
    write_articles(b.path());
    let input = b.path().join("input");
    if first.is_dir() {
        std::fs::create_dir(&input).unwrap();
        for entry in std::fs::read_dir(&first).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), input.join(entry.file_name())).unwrap();
        }
    } else {
        std::fs::copy(&first, &input).unwrap();
    }
    let mut args = vec!["--format", format, "input"];
    args.extend_from_slice(import_args);
    let summary = import(b.path(), &args);
    assert!(summary.contains("imported 10 new"), "{summary}");
    let second = export(b.path(), format, extra, out);
    if first.is_dir() {
        for entry in std::fs::read_dir(&first).unwrap() {
            let name = entry.unwrap().file_name();
            assert_eq!(
                std::fs::read_to_string(first.join(&name)).unwrap(),
                std::fs::read_to_string(second.join(&name)).unwrap(),
                "{format}: {name:?} differs"
            );
        }
    } else {
        assert_eq!(
            std::fs::read_to_string(&first).unwrap(),
            std::fs::read_to_string(&second).unwrap(),
            "{format} differs after the round trip"
        );
    }
}

#[test]
fn jsonl_round_trip_is_identical() {
    round_trip("jsonl", &[], "out.jsonl", &[]);
}

/// A base IRI that stands for the working directory, on export and import alike.
const BASE: &[&str] = &["--base-iri", "https://example.org/কর্পাস/"];

#[test]
fn w3c_round_trip_is_identical() {
    round_trip("w3c", BASE, "out.jsonld", BASE);
    round_trip("w3c", &["--jsonl", BASE[0], BASE[1]], "out.jsonl", BASE);
}

#[test]
fn w3c_file_iris_import_back_into_the_same_articles() {
    let dir = fixture();
    let first = std::fs::read(export(dir.path(), "w3c", &[], "out.jsonld")).unwrap();
    std::fs::remove_file(dir.path().join("news/a.txt.annotations.ron")).unwrap();
    std::fs::remove_file(dir.path().join("news/sub/b.md.annotations.ron")).unwrap();
    // From another working directory: the file:/// IRIs still name the articles.
    let elsewhere = dir.path().join("news/sub");
    let summary = import(&elsewhere, &["--format", "w3c", "../../out.jsonld"]);
    assert!(summary.contains("imported 10 new"), "{summary}");
    let again = std::fs::read(export(dir.path(), "w3c", &[], "again.jsonld")).unwrap();
    assert_eq!(
        String::from_utf8(first).unwrap(),
        String::from_utf8(again).unwrap()
    );
}

#[test]
fn w3c_from_older_exports_with_relative_sources_still_imports() {
    let dir = fixture();
    let path = export(dir.path(), "w3c", &[], "out.jsonld");
    let doc = std::fs::read_to_string(&path).unwrap();
    let iri = doc
        .split("\"source\":\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    // Older Pathok wrote the path as given as the source, with no pathok:path.
    let old = doc
        .replace(&iri, "news/a.txt")
        .replace(",\"pathok:path\":\"news/a.txt\"", "");
    assert!(!old.contains("file://") || old.contains("b.md"), "{old}");
    let b = tempfile::tempdir().unwrap();
    write_articles(b.path());
    std::fs::write(b.path().join("old.jsonld"), old).unwrap();
    let summary = import(b.path(), &["--format", "w3c", "old.jsonld", "news/a.txt"]);
    assert!(
        summary.contains("imported 9 new") && summary.contains("1 skipped"),
        "{summary}"
    );
}

#[test]
fn brat_round_trip_is_identical() {
    round_trip("brat", &[], "brat", &["news"]);
}

#[test]
fn duplicates_merge_and_bad_records_are_rejected_with_reasons() {
    let dir = fixture();
    let sidecar = dir.path().join("news/a.txt.annotations.ron");
    let before = std::fs::read(&sidecar).unwrap();
    // The same spans and tags without ids or notes (new ids): all duplicates.
    let again: String = import_lines("news/a.txt")
        .lines()
        .map(|l| l.replace("\"note\":", "\"x\":"))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(dir.path().join("again.jsonl"), &again).unwrap();
    let summary = import(dir.path(), &["--format", "jsonl", "again.jsonl"]);
    assert!(
        summary.contains("0 new") && summary.contains("9 merged"),
        "{summary}"
    );
    assert_eq!(std::fs::read(&sidecar).unwrap(), before);

    // A brat file with a span that does not match its text: nothing is written...
    let brat = export(dir.path(), "brat", &[], "brat");
    let ann = std::fs::read_to_string(brat.join("a.ann")).unwrap();
    let bad = format!("{ann}T99\tনতুন 0 3\tভুল\nT100\tনতুন 0 4\tশিরো\n");
    std::fs::write(brat.join("a.ann"), bad).unwrap();
    std::fs::remove_file(brat.join("b.ann")).unwrap();
    let out = pathok(dir.path(), &["import", "--format", "brat", "brat", "news"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("does not match"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&sidecar).unwrap(), before);
    // ...unless asked to skip it: the good one is added, the others merge.
    let summary = import(
        dir.path(),
        &["--format", "brat", "--skip-invalid", "brat", "news"],
    );
    assert!(
        summary.contains("1 new") && summary.contains("1 rejected"),
        "{summary}"
    );

    // W3C from another tool: ids that are not UUIDs, no position → reason given.
    let w3c = r#"{"type": "Annotation", "id": "http://example.org/1",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "x"},
        "target": {"source": "news/a.txt", "selector": {"type": "TextQuoteSelector", "exact": "শেষ"}}}"#;
    std::fs::write(dir.path().join("w.json"), w3c).unwrap();
    let out = pathok(dir.path(), &["import", "--format", "w3c", "w.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no TextPositionSelector"),
        "{}",
        stderr(&out)
    );
}
