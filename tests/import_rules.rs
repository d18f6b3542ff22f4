//! What an import accepts and how it reports what it rejects: a JSONL file with a
//! byte-order mark, W3C errors by annotation and line, brat fragments far apart, a
//! PATH filter that a symbolic link cannot get around, and two coders' identical
//! codings kept apart.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/export_fixture.rs"]
mod export_fixture;

use std::path::Path;

use export_fixture::{export, fixture, pathok, stderr, write_articles};
use serde_json::json;

/// `pathok import ARGS` in `dir`: (exit code, stdout, stderr).
fn import(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    let out = pathok(dir, &all);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr(&out),
    )
}

/// A folder with `a.txt` holding `text`.
fn one_article(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    dir
}

fn annotations_in(dir: &Path, article: &str) -> usize {
    let sidecar = dir.join(format!("{article}.annotations.ron"));
    std::fs::read_to_string(sidecar)
        .map(|s| s.matches("\n            id: ").count())
        .unwrap_or(0)
}

#[test]
fn a_jsonl_file_with_a_byte_order_mark_imports_its_first_line() {
    let dir = one_article("আমার সোনার বাংলা\n");
    let lines = [
        json!({"article": "a.txt", "start": 0, "end": 4, "tags": ["x"]}),
        json!({"article": "a.txt", "start": 5, "end": 10, "tags": ["y"]}),
    ];
    let input = format!("\u{feff}{}\n{}\n", lines[0], lines[1]);
    std::fs::write(dir.path().join("in.jsonl"), input).unwrap();
    let (code, out, err) = import(dir.path(), &["--format", "jsonl", "in.jsonl"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("imported 2 new"), "{out}");
    assert_eq!(annotations_in(dir.path(), "a.txt"), 2);

    // A W3C document saved with a byte-order mark reads the same.
    let fx = fixture();
    let base = ["--base-iri", "https://example.org/corpus/"];
    let doc = std::fs::read_to_string(export(fx.path(), "w3c", &base, "out.jsonld")).unwrap();
    let b = tempfile::tempdir().unwrap();
    write_articles(b.path());
    std::fs::write(b.path().join("bom.jsonld"), format!("\u{feff}{doc}")).unwrap();
    let args = [
        "--format",
        "w3c",
        "bom.jsonld",
        "news/sub",
        base[0],
        base[1],
    ];
    let (code, out, err) = import(b.path(), &args);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("imported 1 new") && out.contains("9 skipped"),
        "{out}"
    );
}

#[test]
fn w3c_errors_name_the_annotation_and_its_line() {
    let dir = fixture();
    let path = export(dir.path(), "w3c", &[], "out.jsonld");
    let doc = std::fs::read_to_string(&path).unwrap();
    // Break the third annotation's position (one annotation per line after the head).
    let lines: Vec<&str> = doc.lines().collect();
    let third = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.contains("\"type\":\"Annotation\""))
        .nth(2)
        .map(|(i, _)| i)
        .unwrap();
    let broken: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == third {
                l.replace("\"start\":", "\"begin\":")
            } else {
                (*l).to_owned()
            }
        })
        .collect();
    assert_ne!(broken[third], lines[third], "the selector was changed");
    let b = tempfile::tempdir().unwrap();
    write_articles(b.path());
    std::fs::write(b.path().join("in.jsonld"), broken.join("\n")).unwrap();
    let (code, _, err) = import(b.path(), &["--format", "w3c", "in.jsonld"]);
    assert_eq!(code, Some(1), "{err}");
    let want = format!(
        "in.jsonld:{}: annotation 3: TextPositionSelector has no start",
        third + 1
    );
    assert!(err.contains(&want), "{want} not in:\n{err}");
    assert_eq!(err.matches("in.jsonld:").count(), 1, "{err}");

    // One annotation per line: the line is the place.
    let path = export(dir.path(), "w3c", &["--jsonl"], "out.jsonl");
    let lines: Vec<String> = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 4 {
                l.replace("\"target\"", "\"aim\"")
            } else {
                l.to_owned()
            }
        })
        .collect();
    std::fs::write(b.path().join("in.jsonl"), lines.join("\n")).unwrap();
    let (code, _, err) = import(b.path(), &["--format", "w3c", "in.jsonl"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("in.jsonl:5: no target"), "{err}");
}

#[test]
fn a_w3c_document_that_is_not_json_is_one_error_at_its_line() {
    let dir = fixture();
    let doc = std::fs::read_to_string(export(dir.path(), "w3c", &[], "out.jsonld")).unwrap();
    let lines: Vec<&str> = doc.lines().collect();
    let cut = lines[..lines.len() / 2].join("\n");
    std::fs::write(dir.path().join("cut.jsonld"), cut).unwrap();
    let (code, _, err) = import(dir.path(), &["--format", "w3c", "cut.jsonld"]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(err.matches("cut.jsonld:").count(), 1, "{err}");
    assert!(err.contains("not a valid record"), "{err}");
}

/// A brat folder for `a.txt` (`text`) with the `.ann` lines given.
fn brat_folder(dir: &Path, text: &str, ann: &str) {
    let brat = dir.join("brat");
    std::fs::create_dir_all(&brat).unwrap();
    std::fs::write(brat.join("a.txt"), text).unwrap();
    std::fs::write(brat.join("a.ann"), ann).unwrap();
}

#[test]
fn brat_fragments_far_apart_are_rejected_with_their_line() {
    let text = "আমার সোনার বাংলা\nআমি তোমায় ভালোবাসি।\n";
    let dir = one_article(text);
    let far = "T1\tx 0 4;11 16\tআমার বাংলা\nT2\ty 5 10\tসোনার\n";
    brat_folder(dir.path(), text, far);
    let (code, _, err) = import(dir.path(), &["--format", "brat", "brat", "a.txt"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("a.ann:1: discontinuous span \"0 4;11 16\""),
        "{err}"
    );
    assert!(!dir.path().join("a.txt.annotations.ron").exists());

    // Fragments with only a line break between them are one annotation (that is how
    // brat and Pathok split spans at newlines).
    let across = "T1\tx 11 16;17 20\tবাংলা আমি\n";
    brat_folder(dir.path(), text, across);
    let (code, out, err) = import(dir.path(), &["--format", "brat", "brat", "a.txt"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("imported 1 new"), "{out}");
    let sidecar = std::fs::read_to_string(dir.path().join("a.txt.annotations.ron")).unwrap();
    assert!(
        sidecar.contains("start: 11,") && sidecar.contains("end: 20,"),
        "{sidecar}"
    );
}

#[cfg(unix)]
#[test]
fn a_path_filter_admits_only_articles_that_really_lie_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("inside")).unwrap();
    std::fs::create_dir_all(root.join("outside")).unwrap();
    std::fs::write(root.join("inside/b.txt"), "ভেতরের লেখা\n").unwrap();
    std::fs::write(root.join("outside/a.txt"), "বাইরের লেখা\n").unwrap();
    std::os::unix::fs::symlink("../outside", root.join("inside/link")).unwrap();
    let lines = [
        json!({"article": "inside/link/a.txt", "start": 0, "end": 6}),
        json!({"article": "inside/b.txt", "start": 0, "end": 6}),
    ];
    let input = format!("{}\n{}\n", lines[0], lines[1]);
    std::fs::write(root.join("in.jsonl"), input).unwrap();
    let (code, out, err) = import(root, &["--format", "jsonl", "in.jsonl", "inside"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("1 new") && out.contains("1 skipped"), "{out}");
    assert!(root.join("inside/b.txt.annotations.ron").exists());
    assert!(
        !root.join("outside/a.txt.annotations.ron").exists(),
        "a sidecar was written outside the folder the import was limited to"
    );
    // Named explicitly, the linked folder is where the user points: admitted.
    let (code, out, err) = import(root, &["--format", "jsonl", "in.jsonl", "inside/link"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("1 new") && out.contains("1 skipped"), "{out}");
    assert!(root.join("outside/a.txt.annotations.ron").exists());
}

#[test]
fn two_coders_identical_codings_stay_two_annotations() {
    let dir = one_article("আমার সোনার বাংলা\n");
    let coding = |author: &str| json!({"article": "a.txt", "start": 5, "end": 10, "tags": ["স্থান", "রং"], "author": author});
    // In one file: rina's and karim's identical codings, and rina's again.
    let input = [coding("rina"), coding("karim"), coding("rina")]
        .map(|v| v.to_string())
        .join("\n");
    std::fs::write(dir.path().join("in.jsonl"), input).unwrap();
    let (code, out, err) = import(dir.path(), &["--format", "jsonl", "in.jsonl"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("2 new") && out.contains("1 merged"), "{out}");
    assert_eq!(annotations_in(dir.path(), "a.txt"), 2);
    // Later: karim's coding again (tags in another order) merges; a third coder adds.
    let later = [
        json!({"article": "a.txt", "start": 5, "end": 10, "tags": ["রং", "স্থান"], "author": "karim"}),
        coding("mitu"),
    ]
    .map(|v| v.to_string())
    .join("\n");
    std::fs::write(dir.path().join("later.jsonl"), later).unwrap();
    let (code, out, err) = import(dir.path(), &["--format", "jsonl", "later.jsonl"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("1 new") && out.contains("1 merged"), "{out}");
    assert_eq!(annotations_in(dir.path(), "a.txt"), 3);
}
