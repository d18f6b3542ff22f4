//! Picture regions through the CLI: imported from JSONL into the sidecars of a
//! standalone photo and of an article's picture, exported to every format and read
//! back; regions outside their picture are rejected with their line number.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/export_fixture.rs"]
mod export_fixture;
#[path = "common/refi.rs"]
mod refi;

use std::path::{Path, PathBuf};

use export_fixture::{pathok, stderr};

const ROTATED: &[u8] = include_bytes!("data/pictures/rotated-exif6.jpg");
const RIVER: &[u8] = include_bytes!("data/articles/river.png");
const RIVER_TXT: &str = include_str!("data/articles/river.txt");

/// `pics/photo.jpg` (20×40 after EXIF orientation) and `pics/river.txt` with its
/// picture `pics/river-1.png` (960×540).
fn pictures(root: &Path) {
    std::fs::create_dir_all(root.join("pics")).unwrap();
    std::fs::write(root.join("pics/photo.jpg"), ROTATED).unwrap();
    std::fs::write(root.join("pics/river.txt"), RIVER_TXT).unwrap();
    std::fs::write(root.join("pics/river-1.png"), RIVER).unwrap();
}

/// Region records: two on the photo (one in its lower, rotated half), one on the
/// river article's picture, plus a text passage of that article.
fn region_lines() -> String {
    [
        r#"{"article":"pics/photo.jpg","id":"6f1c2a9e-0d7b-4c1e-9a57-1b2c3d4e5f60","start":null,"end":null,"region":{"x":2,"y":24,"w":16,"h":14},"tags":["মুখ"],"note":"নিচের অর্ধেক","author":"rina","created":"2025-03-01T09:30:00.000Z","modified":"2025-03-01T09:30:00.000Z"}"#,
        r#"{"article":"pics/photo.jpg","id":"6f1c2a9e-0d7b-4c1e-9a57-1b2c3d4e5f61","region":{"x":0,"y":0,"w":20,"h":40},"tags":["ছবি"],"author":"kabir","created":"2025-03-01T09:31:00.000Z","modified":"2025-03-01T09:31:00.000Z"}"#,
        r#"{"article":"pics/river.txt","image":"river-1.png","id":"6f1c2a9e-0d7b-4c1e-9a57-1b2c3d4e5f62","region":{"x":200,"y":150,"w":200,"h":150},"tags":["নদী"],"note":"ঘাট","author":"rina","created":"2025-03-01T09:32:00.000Z","modified":"2025-03-01T09:32:00.000Z"}"#,
        r#"{"article":"pics/river.txt","id":"6f1c2a9e-0d7b-4c1e-9a57-1b2c3d4e5f63","start":11,"end":16,"quote":"মেঘনা","tags":["নদী"],"author":"rina","created":"2025-03-01T09:33:00.000Z","modified":"2025-03-01T09:33:00.000Z"}"#,
    ]
    .join("\n")
        + "\n"
}

fn run_ok(dir: &Path, args: &[&str]) -> String {
    let out = pathok(dir, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned() + &stderr(&out)
}

/// A folder with the pictures and their regions imported from JSONL.
fn annotated() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    pictures(dir.path());
    std::fs::write(dir.path().join("regions.jsonl"), region_lines()).unwrap();
    let summary = run_ok(
        dir.path(),
        &["import", "--format", "jsonl", "regions.jsonl"],
    );
    assert!(summary.contains("imported 4 new"), "{summary}");
    dir
}

fn export(dir: &Path, format: &str, extra: &[&str], out: &str) -> PathBuf {
    let mut args = vec!["export", "--format", format];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["-o", out, "pics"]);
    run_ok(dir, &args);
    dir.join(out)
}

#[test]
fn regions_import_into_sidecars_as_version_2_with_the_pictures_hashes() {
    let dir = annotated();
    let photo = std::fs::read_to_string(dir.path().join("pics/photo.jpg.annotations.ron")).unwrap();
    assert!(photo.contains("    version: 2,\n"), "{photo}");
    assert!(photo.contains("                image: None,\n"), "{photo}");
    let sha = pathok::picture::image_sha256(ROTATED);
    assert!(photo.contains(&format!("sha256: \"{sha}\"")), "{photo}");
    let river = std::fs::read_to_string(dir.path().join("pics/river.txt.annotations.ron")).unwrap();
    assert!(river.contains("image: Some(\"river-1.png\"),"), "{river}");
    assert!(river.contains("quote: \"মেঘনা\""), "{river}");
}

#[test]
fn jsonl_round_trip_of_regions_is_identical() {
    let a = annotated();
    let first = std::fs::read_to_string(export(a.path(), "jsonl", &[], "out.jsonl")).unwrap();
    let line = first.lines().find(|l| l.contains("5f62")).unwrap();
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(v["image"], "river-1.png");
    assert_eq!(
        v["region"],
        serde_json::json!({"x": 200, "y": 150, "w": 200, "h": 150})
    );
    assert!(v["start"].is_null() && v["end"].is_null(), "{line}");
    assert_eq!(v["status"], "anchored");
    let b = tempfile::tempdir().unwrap();
    pictures(b.path());
    std::fs::write(b.path().join("in.jsonl"), &first).unwrap();
    let summary = run_ok(b.path(), &["import", "--format", "jsonl", "in.jsonl"]);
    assert!(summary.contains("imported 4 new"), "{summary}");
    let second = std::fs::read_to_string(export(b.path(), "jsonl", &[], "out.jsonl")).unwrap();
    assert_eq!(first, second);
    // Importing the same again changes nothing.
    let summary = run_ok(b.path(), &["import", "--format", "jsonl", "in.jsonl"]);
    assert!(summary.contains("0 new"), "{summary}");
}

#[test]
fn a_region_outside_its_picture_is_rejected_with_its_line_number() {
    let dir = tempfile::tempdir().unwrap();
    pictures(dir.path());
    // The photo is 40×20 as stored but 20×40 upright: x=0 w=30 does not fit.
    let lines = format!(
        "{}\n{}\n{}\n",
        r#"{"article":"pics/photo.jpg","region":{"x":0,"y":0,"w":20,"h":40},"tags":["ছবি"]}"#,
        r#"{"article":"pics/photo.jpg","region":{"x":0,"y":0,"w":30,"h":10},"tags":["ছবি"]}"#,
        r#"{"article":"pics/river.txt","image":"river-1.png","region":{"x":900,"y":0,"w":61,"h":10}}"#,
    );
    std::fs::write(dir.path().join("bad.jsonl"), lines).unwrap();
    let out = pathok(dir.path(), &["import", "--format", "jsonl", "bad.jsonl"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("bad.jsonl:2: region x=0 y=0 w=30 h=10 is outside the picture (20×40 pixels"),
        "{err}"
    );
    assert!(err.contains("bad.jsonl:3: region x=900"), "{err}");
    assert!(err.contains("(960×540 pixels"), "{err}");
    assert!(!dir.path().join("pics/photo.jpg.annotations.ron").exists());
    // A missing picture names it.
    std::fs::write(
        dir.path().join("gone.jsonl"),
        r#"{"article":"pics/river.txt","image":"river-9.png","region":{"x":0,"y":0,"w":1,"h":1}}"#,
    )
    .unwrap();
    let out = pathok(dir.path(), &["import", "--format", "jsonl", "gone.jsonl"]);
    let err = stderr(&out);
    assert!(
        err.contains("gone.jsonl:1: the region's picture cannot be read"),
        "{err}"
    );
    assert!(err.contains("river-9.png"), "{err}");
}

#[test]
fn w3c_regions_target_the_picture_with_a_media_fragment_and_read_back() {
    let a = annotated();
    let doc = export(a.path(), "w3c", &[], "out.jsonld");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&doc).unwrap()).unwrap();
    let items = v["first"]["items"].as_array().unwrap();
    let on_river = items
        .iter()
        .find(|i| i["id"] == "urn:uuid:6f1c2a9e-0d7b-4c1e-9a57-1b2c3d4e5f62")
        .unwrap();
    let target = &on_river["target"];
    assert!(
        target["source"].as_str().unwrap().starts_with("file:///"),
        "{target}"
    );
    assert!(
        target["source"]
            .as_str()
            .unwrap()
            .ends_with("/pics/river-1.png"),
        "{target}"
    );
    assert!(
        target["pathok:article"]
            .as_str()
            .unwrap()
            .ends_with("/pics/river.txt")
    );
    assert_eq!(
        target["selector"],
        serde_json::json!({
            "type": "FragmentSelector",
            "conformsTo": "http://www.w3.org/TR/media-frags/",
            "value": "xywh=pixel:200,150,200,150",
        })
    );
    let on_photo = items
        .iter()
        .find(|i| i["id"] == "urn:uuid:6f1c2a9e-0d7b-4c1e-9a57-1b2c3d4e5f60")
        .unwrap();
    assert!(
        on_photo["target"]["source"]
            .as_str()
            .unwrap()
            .ends_with("/pics/photo.jpg")
    );
    assert_eq!(
        on_photo["target"]["selector"]["value"],
        "xywh=pixel:2,24,16,14"
    );

    // Read back into a fresh copy: the same JSONL as the original.
    let jsonl = std::fs::read_to_string(export(a.path(), "jsonl", &[], "a.jsonl")).unwrap();
    let b = tempfile::tempdir().unwrap();
    pictures(b.path());
    // Sources relative to a base IRI, so that they name the copy's files.
    let base = ["--base-iri", "https://example.org/corpus/"];
    let with_base = export(a.path(), "w3c", &base, "base.jsonld");
    std::fs::copy(&with_base, b.path().join("base.jsonld")).unwrap();
    let mut args = vec!["import", "--format", "w3c", "base.jsonld"];
    args.extend_from_slice(&base);
    let summary = run_ok(b.path(), &args);
    assert!(summary.contains("imported 4 new"), "{summary}");
    let again = std::fs::read_to_string(export(b.path(), "jsonl", &[], "b.jsonl")).unwrap();
    assert_eq!(jsonl, again);
}

#[path = "common/python.rs"]
mod python;

/// pandas reads the CSV: region rows carry `image`, `x`, `y`, `w`, `h` and empty
/// offsets; text rows leave those five empty.
const PANDAS_REGIONS: &str = r#"
import sys
import pandas as pd
df = pd.read_csv(sys.argv[1], encoding="utf-8-sig", dtype=str, keep_default_na=False)
assert list(df.columns[-5:]) == ["image", "x", "y", "w", "h"], list(df.columns)
regions = df[df["x"] != ""]
assert len(regions) == 3, len(regions)
river = regions[regions["image"] == "river-1.png"].iloc[0]
assert (river["x"], river["y"], river["w"], river["h"]) == ("200", "150", "200", "150")
assert river["start"] == "" and river["quote"] == ""
photo = regions[regions["article"].str.endswith("photo.jpg")]
assert set(photo["image"]) == {"photo.jpg"}, set(photo["image"])
text = df[df["x"] == ""].iloc[0]
assert text["quote"] == "মেঘনা" and text["image"] == "" and text["h"] == ""
print("pandas: regions checked")
"#;

#[test]
fn pandas_reads_the_csv_with_region_columns() {
    let a = annotated();
    let csv = export(a.path(), "csv", &[], "out.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.lines().next().unwrap().ends_with(",image,x,y,w,h"),
        "{text}"
    );
    python::run(&["pandas"], PANDAS_REGIONS, &[&csv]);
}

#[test]
fn qdpx_has_picture_sources_with_their_pictures_and_valid_selections() {
    let a = annotated();
    let path = export(a.path(), "qdpx", &[], "out.qdpx");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut zip.by_name(name).unwrap(), &mut bytes).unwrap();
        bytes
    };
    let qde = String::from_utf8(read("project.qde")).unwrap();
    let qde_path = a.path().join("project.qde");
    std::fs::write(&qde_path, &qde).unwrap();
    refi::xmllint(&qde_path, "Project.xsd");
    // The photo is a picture source only; the river article a text source and a
    // picture source for its picture.
    assert_eq!(qde.matches("<TextSource ").count(), 1, "{qde}");
    assert_eq!(qde.matches("<PictureSource ").count(), 2, "{qde}");
    assert!(
        qde.contains(r#"firstX="200" firstY="150" secondX="400" secondY="300""#),
        "{qde}"
    );
    assert!(
        qde.contains(r#"firstX="2" firstY="24" secondX="18" secondY="38""#),
        "{qde}"
    );
    assert_eq!(qde.matches("<PictureSelection ").count(), 3);
    assert!(
        qde.contains("<PlainTextContent>নিচের অর্ধেক</PlainTextContent>"),
        "{qde}"
    );
    // Each picture source's file is in the zip: an upright one byte for byte, the
    // photo stored turned (EXIF orientation 6) as an upright PNG, since selections
    // are in upright pixels and a reader may ignore EXIF.
    let mut files = Vec::new();
    for source in qde.split("<PictureSource ").skip(1) {
        let at = source.find("path=\"internal://").unwrap() + 17;
        let file = source[at..at + source[at..].find('"').unwrap()].to_owned();
        let bytes = read(&format!("sources/{file}"));
        files.push((file, bytes));
    }
    assert!(
        files.iter().any(|(_, b)| b == RIVER),
        "the river picture as it is"
    );
    let (name, photo) = files.iter().find(|(_, b)| b != RIVER).unwrap();
    assert!(name.ends_with(".png"), "{name}");
    let upright = image::load_from_memory(photo).unwrap();
    assert_eq!((upright.width(), upright.height()), (20, 40));
    let top = upright.to_rgba8().get_pixel(10, 5).0;
    assert!(top[0] > 200 && top[2] < 50, "red on top, as shown: {top:?}");
}

#[test]
fn a_changed_picture_flags_its_regions_in_exports() {
    let a = annotated();
    let mut changed = RIVER.to_vec();
    changed.extend_from_slice(b"edited");
    std::fs::write(a.path().join("pics/river-1.png"), changed).unwrap();
    let jsonl = std::fs::read_to_string(export(a.path(), "jsonl", &[], "out.jsonl")).unwrap();
    let status = |id: &str| {
        let line = jsonl.lines().find(|l| l.contains(id)).unwrap();
        serde_json::from_str::<serde_json::Value>(line).unwrap()["status"].clone()
    };
    assert_eq!(status("5f62"), "image_changed");
    assert_eq!(status("5f60"), "anchored");
    assert_eq!(status("5f63"), "anchored");
    // `pathok check` lists it, as it lists orphans.
    let out = pathok(a.path(), &["check", "pics"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("picture region 6f1c2a9e-0d7b-4c1e-9a57-1b2c3d4e5f62 (river-1.png, 200×150 at 200,150) was drawn on another version of its picture"),
        "{err}"
    );
    // Left out of the REFI-QDA project, as orphans are.
    let path = export(a.path(), "qdpx", &[], "out.qdpx");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut qde = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("project.qde").unwrap(), &mut qde).unwrap();
    assert_eq!(qde.matches("<PictureSelection ").count(), 2);
    // The picture gone: flagged too, and the export still works.
    std::fs::remove_file(a.path().join("pics/river-1.png")).unwrap();
    let jsonl = std::fs::read_to_string(export(a.path(), "jsonl", &[], "out.jsonl")).unwrap();
    assert!(jsonl.contains("\"status\":\"image_changed\""), "{jsonl}");
}

#[test]
fn reports_show_each_region_as_a_crop_under_its_tags() {
    let a = annotated();
    let html = std::fs::read_to_string(export(a.path(), "html", &[], "out.html")).unwrap();
    let under_river = &html[html.find("<h3>").unwrap()..];
    assert!(
        html.matches("<img src=\"data:image/png;base64,").count() == 3,
        "{html}"
    );
    assert!(
        html.contains("alt=\"river-1.png x=200 y=150 w=200 h=150\""),
        "{under_river}"
    );
    // Nothing is fetched: the crops are in the file.
    assert!(
        !html.contains("src=\"file:") && !html.contains("src=\"river"),
        "{html}"
    );
    // The crop is the region, at the picture's own scale: 200×150 pixels.
    let start = html.find("alt=\"river-1.png").unwrap();
    let img = &html[html[..start].rfind("data:image/png;base64,").unwrap() + 22..start];
    let b64 = img.trim_end_matches(['"', ' ']);
    let png = decode_base64(b64);
    let size = pathok::picture::oriented_size(&png, "crop").unwrap();
    assert_eq!((size.width, size.height), (200, 150));
    // The Markdown report links each crop, a PNG file beside it.
    let md = std::fs::read_to_string(export(a.path(), "md", &[], "out.md")).unwrap();
    let link =
        "![photo.jpg x=2 y=24 w=16 h=14](<out-crops/6f1c2a9e-0d7b-4c1e-9a57-1b2c3d4e5f60.png>)";
    assert!(md.contains(link), "{md}");
    let heading = md.find("### মুখ (1)").unwrap();
    assert!(
        md[heading..].starts_with(&format!("### মুখ (1)\n\n{link}")),
        "{md}"
    );
    let crop = std::fs::read(
        a.path()
            .join("out-crops/6f1c2a9e-0d7b-4c1e-9a57-1b2c3d4e5f60.png"),
    )
    .unwrap();
    let size = pathok::picture::oriented_size(&crop, "crop").unwrap();
    assert_eq!((size.width, size.height), (16, 14));
    assert_eq!(
        std::fs::read_dir(a.path().join("out-crops"))
            .unwrap()
            .count(),
        3
    );
    // To standard output there is no folder beside it: the crops are embedded.
    let out = pathok(a.path(), &["export", "--format", "md", "pics"]);
    let streamed = String::from_utf8_lossy(&out.stdout);
    assert!(
        streamed.contains("w=16 h=14](data:image/png;base64,"),
        "{streamed}"
    );
}

fn decode_base64(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let bytes: Vec<u8> = s.bytes().filter(|&c| c != b'=').map(value).collect();
    let mut out = Vec::new();
    for chunk in bytes.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &v)| n | u32::from(v) << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

/// brat's own server code reads the export (see `tests/export_formats.rs`).
const BRAT_ITSELF: &str = r#"
import runpy, sys
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"#;

#[test]
fn brat_leaves_regions_out_with_a_notice_and_brat_loads_the_rest() {
    let a = annotated();
    let out = pathok(
        a.path(),
        &["export", "--format", "brat", "-o", "brat", "pics"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "pathok: 3 picture region(s) left out: brat has no place for regions of pictures"
        ),
        "{err}"
    );
    let ann = std::fs::read_to_string(a.path().join("brat/river.ann")).unwrap();
    assert_eq!(
        ann.lines().filter(|l| l.starts_with('T')).count(),
        1,
        "{ann}"
    );
    assert!(ann.contains("\tমেঘনা\n"), "{ann}");
    let check = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/brat-server/check.py");
    python::run(&["sys"], BRAT_ITSELF, &[&check, &a.path().join("brat")]);
    // The summary carries it for the GUI too.
    let summary = pathok::export::export_paths(
        pathok::export::Format::Brat,
        &[a.path().join("pics")],
        &a.path().join("brat2"),
    )
    .unwrap();
    assert_eq!((summary.regions, summary.regions_left_out), (3, 3));
    assert_eq!(summary.orphaned, 0);
}

#[test]
fn the_library_stats_and_passages_count_picture_regions_and_search_stays_text() {
    let a = annotated();
    // A photo without regions is not listed; one with regions is an article.
    std::fs::write(a.path().join("pics/other.jpg"), ROTATED).unwrap();
    let out = pathok(a.path(), &["stats", "--format", "json", "pics"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["articles"], 2, "{stats}");
    assert_eq!(stats["annotations"], 4);
    assert_eq!(stats["regions"], 3);
    assert_eq!(stats["tags"]["নদী"]["annotations"], 2);
    assert_eq!(stats["tags"]["নদী"]["regions"], 1);
    assert_eq!(stats["tags"]["মুখ"]["regions"], 1);
    let text = run_ok(a.path(), &["stats", "pics"]);
    assert!(
        text.contains("4 annotation(s) (3 of them picture regions)"),
        "{text}"
    );

    let library = pathok::corpus::scan(&a.path().join("pics"), &mut |_| {
        std::ops::ControlFlow::Continue(())
    })
    .unwrap();
    let photo = library
        .rows
        .iter()
        .find(|r| r.path.ends_with("photo.jpg"))
        .unwrap();
    assert_eq!((photo.annotations, photo.regions), (2, 2));
    assert!(photo.is_ok(), "{:?}", photo.problems);
    assert!(!library.rows.iter().any(|r| r.path.ends_with("other.jpg")));

    // Passages by code carry the region and its picture, for a thumbnail.
    let filter = pathok::corpus::PassageFilter {
        tags: vec!["নদী".to_owned()],
        ..Default::default()
    };
    let mut found = Vec::new();
    let articles = [a.path().join("pics/river.txt")];
    let _ = pathok::corpus::passages(&articles, &filter, &mut |_, r| {
        found.extend(r.unwrap());
        std::ops::ControlFlow::Continue(())
    });
    let region = found
        .iter()
        .find_map(|p| p.annotation.region.as_ref())
        .unwrap();
    assert_eq!(region.image.as_deref(), Some("river-1.png"));
    assert_eq!(found.len(), 2);

    // Search is of text: the photo's name is no text of it.
    let out = run_ok(a.path(), &["search", "photo", "pics"]);
    assert!(out.contains("0 hit(s) in 0 of 2 article(s)"), "{out}");
    let hits = run_ok(a.path(), &["search", "মেঘনা", "pics"]);
    assert!(hits.contains("river.txt"), "{hits}");
}

#[test]
fn the_html_report_of_a_picture_has_no_text_section() {
    let a = annotated();
    let html = std::fs::read_to_string(export(a.path(), "html", &[], "out.html")).unwrap();
    let sections: Vec<&str> = html.split("<section>").skip(1).collect();
    let photo = sections
        .iter()
        .find(|s| s.contains("<h2>photo.jpg</h2>"))
        .unwrap_or_else(|| panic!("a section for the photo: {html}"));
    // A picture's "text" is only its name, standing in for it: shown as the
    // article's text it read as if the picture were a text file.
    assert!(!photo.contains("<h3>Text</h3>"), "{photo}");
    let river = sections.iter().find(|s| s.contains("river.txt")).unwrap();
    assert!(river.contains("<h3>Text</h3>"), "{river}");
}
