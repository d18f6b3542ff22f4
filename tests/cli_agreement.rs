//! `pathok agreement`: figures equal to a hand computation, every output format, the
//! "nothing to compare" cases as null with a reason, and comparing two copies of a
//! corpus (`--against`).

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/export_fixture.rs"]
mod export_fixture;

use std::path::Path;
use std::process::Output;

use export_fixture::{pathok, stderr};
use pathok::annotate::{Annotation, Timestamp};
use pathok::store::Sidecar;
use pathok::text::CharRange;
use serde_json::Value;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// `pathok agreement --format json ARGS…` in `dir`, which must succeed.
fn agreement_json(dir: &Path, args: &[&str]) -> Value {
    let args: Vec<&str> = ["agreement", "--format", "json"]
        .into_iter()
        .chain(args.iter().copied())
        .collect();
    let out = pathok(dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Annotate `article` (its sidecar is written as the app writes it): each entry is
/// (author, start, end, tags) in code points of the canonical text.
fn annotate(article: &Path, entries: &[(&str, usize, usize, &[&str])]) {
    let loaded = pathok::article::load(article).unwrap();
    let (mut sidecar, _) = Sidecar::open(article, &loaded).unwrap();
    for &(author, start, end, tags) in entries {
        let mut a =
            Annotation::new(&loaded.text, CharRange::new(start, end), Timestamp::now()).unwrap();
        assert_eq!((a.start.0, a.end.0), (start, end), "on cluster boundaries");
        a.author = author.to_owned();
        a.tags = tags.iter().map(|t| (*t).to_owned()).collect();
        sidecar.annotations.upsert(a);
    }
    sidecar.save(&loaded.text).unwrap();
}

/// Ten code points, so that the figures can be computed by hand.
const DIGITS: &str = "0123456789";
/// A Bengali article.
const BN: &str = "সরকার বলেছে সব ঠিক, বিরোধী দল বলেছে না।\n";

/// Code-point span of `word` in `text`.
fn span_in(text: &str, word: &str) -> (usize, usize) {
    let byte = text.find(word).expect("word in text");
    let start = text[..byte].chars().count();
    (start, start + word.chars().count())
}

fn round4(v: &Value) -> f64 {
    (v.as_f64().unwrap() * 10_000.0).round() / 10_000.0
}

/// `corpus/a.txt` coded by rina and karim; `corpus/b.txt` by rina only; `corpus/c.txt`
/// by nobody.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    std::fs::create_dir(&c).unwrap();
    std::fs::write(c.join("a.txt"), DIGITS).unwrap();
    std::fs::write(c.join("b.txt"), BN).unwrap();
    std::fs::write(c.join("c.txt"), "nobody coded this\n").unwrap();
    annotate(
        &c.join("a.txt"),
        &[("rina", 0, 4, &["সমালোচনা"]), ("karim", 2, 4, &["সমালোচনা"])],
    );
    let (start, end) = span_in(BN, "বিরোধী দল");
    annotate(&c.join("b.txt"), &[("rina", start, end, &["সমালোচনা"])]);
    dir
}

#[test]
fn agreement_json_gives_the_hand_computed_figures() {
    // Continuum: a.txt only (b.txt lacks karim, c.txt everyone), L = 10.
    // সমালোচনা: rina 0..4, karim 2..4.
    // α_u: the two units differ by (0−2)² + (4−4)² = 4; rina's unit is not inside
    // karim's gap 0..2, the trailing gaps agree. D_o = 2·4 / (2·1·10²) = 0.04.
    // D_e: units 4 and 2 (N_c = 2); gaps 6 (rina), 2 and 6 (karim);
    //   l=4: 1·(4·3·7)/3 + 4²·(3 + 3) = 28 + 96 = 124
    //   l=2: 1·(2·1·3)/3 + 2²·(1 + 5 + 5) = 2 + 44 = 46
    //   D_e = (2/10)·170 / (2·10·19 − (12 + 2)) = 34 / 366 = 0.0929
    //   α_u = 1 − 0.04 / 0.0929 = 0.5694
    // kappa over characters: both 2, rina only 2, karim only 0, neither 6;
    //   p_o = 0.8, p_e = 0.4·0.2 + 0.6·0.8 = 0.56, κ = 0.24 / 0.44 = 0.5455.
    let dir = corpus();
    let r = agreement_json(dir.path(), &["corpus"]);
    assert_eq!(r["coders"], serde_json::json!(["karim", "rina"]));
    assert_eq!(r["kappa_measure"], "cohen");
    assert_eq!(
        (r["articles"].as_u64(), r["continuum"].as_u64()),
        (Some(1), Some(10))
    );
    let tag = &r["tags"]["সমালোচনা"];
    assert_eq!(round4(&tag["alpha_u"]), 0.5694);
    assert_eq!(round4(&tag["observed"]), 0.04);
    assert_eq!(round4(&tag["expected"]), 0.0929);
    assert_eq!(round4(&tag["kappa"]), 0.5455);
    assert_eq!(round4(&tag["percent"]), 80.0);
    assert_eq!(round4(&r["alpha_u"]), 0.5694);
    let per_article = r["per_article"].as_array().unwrap();
    assert_eq!(per_article.len(), 1);
    assert_eq!(per_article[0]["article"], "corpus/a.txt");
    assert_eq!(round4(&per_article[0]["percent"]), 80.0);
    let not_compared: Vec<(&str, &str)> = r["not_compared"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["article"].as_str().unwrap(),
                n["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        not_compared,
        [
            ("corpus/b.txt", "no annotations by karim"),
            ("corpus/c.txt", "no annotations by karim, rina"),
        ]
    );
}

#[test]
fn agreement_text_is_an_aligned_table_and_csv_has_a_row_per_tag_and_article() {
    let dir = corpus();
    let out = pathok(dir.path(), &["agreement", "corpus"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("   0.5694    0.0400    0.0929    0.5455     80.00  সমালোচনা"),
        "{text}"
    );
    assert!(
        text.contains("corpus/b.txt: no annotations by karim"),
        "{text}"
    );

    let out = pathok(dir.path(), &["agreement", "--format", "csv", "corpus"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.starts_with("\u{feff}".as_bytes()));
    let mut reader = csv::Reader::from_reader(&out.stdout[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let tag = rows.iter().find(|r| &r[0] == "tag").unwrap();
    assert_eq!(&tag[2], "সমালোচনা");
    assert!((tag[4].parse::<f64>().unwrap() - 0.5694).abs() < 0.00005);
    assert!(
        rows.iter()
            .any(|r| &r[0] == "article" && &r[1] == "corpus/a.txt")
    );
}

#[test]
fn nothing_to_compare_is_null_with_a_reason_never_one() {
    let dir = corpus();
    // One coder.
    let r = agreement_json(dir.path(), &["--coders", "rina", "corpus"]);
    assert!(r["alpha_u"].is_null());
    assert!(
        r["reasons"]["alpha_u"]
            .as_str()
            .unwrap()
            .contains("two or more coders")
    );
    // A coder without annotations (a typo, say): the coders found are named.
    let out = pathok(
        dir.path(),
        &[
            "agreement",
            "--format",
            "json",
            "--coders",
            "rina,karim,mitu",
            "corpus",
        ],
    );
    assert!(out.status.success());
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(r["alpha_u"].is_null() && r["percent"].is_null());
    assert!(
        stderr(&out).contains("coder \"mitu\" has no annotations"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("\"karim\", \"rina\""),
        "{}",
        stderr(&out)
    );
    // No article coded by both: rina coded b.txt, karim d.txt.
    let d = dir.path().join("corpus/d.txt");
    std::fs::write(&d, DIGITS).unwrap();
    annotate(&d, &[("karim", 0, 4, &["সমালোচনা"])]);
    let r = agreement_json(dir.path(), &["corpus/b.txt", "corpus/d.txt"]);
    assert!(r["alpha_u"].is_null() && r["tags"].as_object().unwrap().is_empty());
    assert_eq!(
        r["reasons"]["alpha_u"],
        "no article has annotations by every one of the coders"
    );
    assert_eq!(r["not_compared"].as_array().unwrap().len(), 2);
    // A tag nobody used.
    let r = agreement_json(dir.path(), &["--tag", "অব্যবহৃত", "corpus"]);
    let unused = &r["tags"]["অব্যবহৃত"];
    assert!(
        unused["alpha_u"].is_null() && unused["kappa"].is_null() && unused["percent"].is_null()
    );
    assert!(
        unused["reasons"]["kappa"]
            .as_str()
            .unwrap()
            .contains("no coder used this tag")
    );
    assert!(
        r["alpha_u"].is_null(),
        "only unused tags: no overall figure"
    );
    // The text table shows a dash and the reason.
    let out = pathok(dir.path(), &["agreement", "--tag", "অব্যবহৃত", "corpus"]);
    let text = stdout(&out);
    assert!(
        text.contains("—(1)") && text.contains("(1) no coder used this tag"),
        "{text}"
    );
}

#[test]
fn orphaned_annotations_are_left_out_and_counted() {
    let dir = corpus();
    let a = dir.path().join("corpus/a.txt");
    annotate(&a, &[("karim", 6, 9, &["সমালোচনা"])]);
    // The article changes so that "678" is gone: karim's annotation is orphaned.
    std::fs::write(&a, "012345").unwrap();
    let r = agreement_json(dir.path(), &["corpus"]);
    assert_eq!(r["excluded"]["orphaned"], 1);
    assert_eq!(r["continuum"], 6);
    assert_eq!(r["tags"]["সমালোচনা"]["units"]["karim"], 1);
}

/// A copy of the corpus in `root/folder`: the ten digits as `name`, with one
/// annotation `(author, start)..4` tagged x.
fn copy_with(root: &Path, folder: &str, name: &str, (author, start): (&str, usize)) {
    let c = root.join(folder);
    std::fs::create_dir(&c).unwrap();
    std::fs::write(c.join(name), DIGITS).unwrap();
    annotate(&c.join(name), &[(author, start, 4, &["x"])]);
}

#[test]
fn against_compares_two_copies_matched_by_text() {
    let dir = tempfile::tempdir().unwrap();
    // The copies are named differently: matched by text, not by name.
    copy_with(dir.path(), "rina", "rina-a.txt", ("", 0));
    copy_with(dir.path(), "karim", "karim-a.txt", ("", 2));
    for folder in ["rina", "karim"] {
        let own = dir.path().join(folder).join("own.txt");
        std::fs::write(own, format!("only in {folder}\n")).unwrap();
    }
    let r = agreement_json(dir.path(), &["--against", "karim", "rina"]);
    // Annotations without an author belong to their folder.
    assert_eq!(r["coders"], serde_json::json!(["karim", "rina"]));
    assert_eq!(r["articles"], 1);
    assert_eq!(round4(&r["tags"]["x"]["alpha_u"]), 0.5694);
    assert_eq!(r["excluded"]["unmatched"], 2);
    assert_eq!(r["per_article"][0]["article"], "rina/rina-a.txt");
}

#[test]
fn against_keeps_one_author_name_in_both_copies_as_two_coders() {
    let dir = tempfile::tempdir().unwrap();
    copy_with(dir.path(), "mine", "a.txt", ("user", 0));
    copy_with(dir.path(), "theirs", "a.txt", ("user", 0));
    let r = agreement_json(dir.path(), &["--against", "theirs", "mine"]);
    assert_eq!(
        r["coders"],
        serde_json::json!(["user (mine)", "user (theirs)"])
    );
    assert_eq!(r["tags"]["x"]["alpha_u"], 1.0);
    let out = pathok(dir.path(), &["agreement", "--against", "mine", "mine"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("cannot tell the two copies apart"),
        "{}",
        stderr(&out)
    );
    let out = pathok(
        dir.path(),
        &["agreement", "--against", "mine/a.txt", "mine"],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--against needs a folder: mine/a.txt"));
}

#[test]
fn an_unreadable_sidecar_stops_the_measure_and_names_the_file() {
    let dir = corpus();
    std::fs::write(dir.path().join("corpus/c.txt.annotations.ron"), "(broken").unwrap();
    let out = pathok(dir.path(), &["agreement", "corpus"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("corpus/c.txt.annotations.ron"), "{err}");
    assert!(err.contains("nothing measured"), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn team_report_in_html_and_markdown_has_the_figures_and_both_versions() {
    let dir = corpus();
    let out = pathok(dir.path(), &["agreement", "--format", "html", "corpus"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script") && !html.contains("http"));
    assert!(html.contains("0.5694"), "{html}");
    // rina's 0..4 and karim's 2..4: one difference of boundaries, both versions.
    assert!(html.contains("different boundaries"), "{html}");
    assert!(html.contains("coder rina") && html.contains("coder karim"));
    assert!(html.contains("corpus/b.txt: no annotations by karim"));

    let out = pathok(dir.path(), &["agreement", "--format", "md", "corpus"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with("# Team report"));
    assert!(md.contains("| সমালোচনা | 0.5694 |"), "{md}");
    assert!(md.contains("| 0–4 | different boundaries |"), "{md}");
}
