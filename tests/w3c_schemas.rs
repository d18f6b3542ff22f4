//! The W3C export passes the W3C Web Annotation test suite's "must" assertions
//! (JSON Schema draft-04, copied into `tests/data/w3c-schemas/`): every annotation
//! (target, selectors, bodies, `3.2-targetObjectsRecognized` included), the
//! collection and its embedded page. Article file names in Bengali and with spaces
//! are covered; the relative sources older versions wrote fail, as they should.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/export_fixture.rs"]
mod export_fixture;

use std::path::{Path, PathBuf};

use export_fixture::{export, fixture, pathok, stderr};
use jsonschema::{Draft, Retrieve, Uri, Validator};
use serde_json::{Value, json};

/// The base the suite's relative schema ids (`id.json`, …) are resolved against; the
/// retriever serves them from the copied files, never from the network.
const BASE: &str = "https://w3c-web-annotation-tests.invalid/";

fn schemas() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/w3c-schemas")
}

/// Serves `BASE/NAME.json` from `definitions/NAME.json`.
struct Definitions;

impl Retrieve for Definitions {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri
            .path()
            .as_str()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        let path = schemas().join("definitions").join(&name);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{uri}: {e}"))?;
        Ok(serde_json::from_str(&text)?)
    }
}

/// The assertions a `.test` file lists, each compiled: (file, validator).
fn assertions(test: &str) -> Vec<(String, Validator)> {
    let list: Value =
        serde_json::from_str(&std::fs::read_to_string(schemas().join(test)).unwrap()).unwrap();
    list["assertions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let file = a.as_str().unwrap();
            let schema: Value =
                serde_json::from_str(&std::fs::read_to_string(schemas().join(file)).unwrap())
                    .unwrap();
            assert_eq!(schema["assertionType"], "must", "{file}");
            assert_eq!(schema["expectedResult"], "valid", "{file}");
            let validator = jsonschema::options()
                .with_draft(Draft::Draft4)
                .with_base_uri(BASE)
                .with_retriever(Definitions)
                .should_validate_formats(true)
                .build(&schema)
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            (file.to_owned(), validator)
        })
        .collect()
}

/// The assertions `instance` fails, with the errors.
fn failures(assertions: &[(String, Validator)], instance: &Value) -> Vec<String> {
    assertions
        .iter()
        .filter_map(|(file, v)| {
            let errors: Vec<String> = v.iter_errors(instance).map(|e| e.to_string()).collect();
            (!errors.is_empty()).then(|| format!("{file}: {}", errors.join("; ")))
        })
        .collect()
}

/// The fixture plus an article whose file name is Bengali with spaces.
fn corpus() -> tempfile::TempDir {
    let dir = fixture();
    let name = "news/খবর ও মত #১.txt";
    std::fs::write(dir.path().join(name), "আজ ঢাকায় বৃষ্টি হয়েছে।\n").unwrap();
    let line = json!({"article": name, "start": 3, "end": 9, "tags": ["স্থান"], "author": "রহিম"});
    std::fs::write(dir.path().join("more.jsonl"), line.to_string()).unwrap();
    let out = pathok(dir.path(), &["import", "--format", "jsonl", "more.jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn every_annotation_collection_and_page_passes_the_must_assertions() {
    let annotation = assertions("annotations/annotationMusts.test");
    let collection = assertions("collections/collectionMusts.test");
    let page = assertions("collections/pages/pageMusts.test");
    assert!(annotation.len() > 50 && collection.len() == 10 && page.len() == 15);
    let dir = corpus();
    for extra in [&[][..], &["--base-iri", "https://example.org/সংবাদ/"][..]] {
        let doc = read_json(&export(dir.path(), "w3c", extra, "out.jsonld"));
        let failed = failures(&collection, &doc);
        assert!(failed.is_empty(), "collection {extra:?}: {failed:#?}");
        let failed = failures(&page, &doc);
        assert!(failed.is_empty(), "page {extra:?}: {failed:#?}");
        let items = doc["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 11);
        for item in items {
            // An annotation on its own carries the collection's context.
            let mut item = item.clone();
            item["@context"] = doc["@context"].clone();
            let failed = failures(&annotation, &item);
            assert!(failed.is_empty(), "{extra:?} {item:#}: {failed:#?}");
        }
        let bengali = items
            .iter()
            .find(|a| a["target"]["pathok:path"] == "news/খবর ও মত #১.txt")
            .unwrap();
        let source = bengali["target"]["source"].as_str().unwrap();
        assert!(
            source.is_ascii() && source.contains("%20%E0%A6%93%20"),
            "{source}"
        );
        assert!(source.ends_with("%23%E0%A7%A7.txt"), "{source}");
    }
    // One annotation per line: each line is a whole annotation.
    let lines =
        std::fs::read_to_string(export(dir.path(), "w3c", &["--jsonl"], "out.jsonl")).unwrap();
    assert_eq!(lines.lines().count(), 11);
    for line in lines.lines() {
        let a: Value = serde_json::from_str(line).unwrap();
        let failed = failures(&annotation, &a);
        assert!(failed.is_empty(), "{a:#}: {failed:#?}");
    }
}

#[test]
fn picture_regions_pass_the_must_assertions() {
    let annotation = assertions("annotations/annotationMusts.test");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("news")).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    std::fs::copy(
        data.join("pictures/rotated-exif6.jpg"),
        dir.path().join("news/photo.jpg"),
    )
    .unwrap();
    std::fs::copy(
        data.join("articles/river.txt"),
        dir.path().join("news/river.txt"),
    )
    .unwrap();
    std::fs::copy(
        data.join("articles/river.png"),
        dir.path().join("news/river-1.png"),
    )
    .unwrap();
    let lines = [
        json!({"article": "news/photo.jpg", "region": {"x": 1, "y": 2, "w": 3, "h": 4}, "tags": ["মুখ"], "note": "n"}),
        json!({"article": "news/river.txt", "image": "river-1.png", "region": {"x": 10, "y": 20, "w": 30, "h": 40}}),
    ];
    let text: Vec<String> = lines.iter().map(Value::to_string).collect();
    std::fs::write(dir.path().join("r.jsonl"), text.join("\n")).unwrap();
    let out = pathok(dir.path(), &["import", "--format", "jsonl", "r.jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines =
        std::fs::read_to_string(export(dir.path(), "w3c", &["--jsonl"], "o.jsonl")).unwrap();
    assert_eq!(lines.lines().count(), 2);
    for line in lines.lines() {
        let a: Value = serde_json::from_str(line).unwrap();
        assert_eq!(a["target"]["selector"]["type"], "FragmentSelector");
        let failed = failures(&annotation, &a);
        assert!(failed.is_empty(), "{a:#}: {failed:#?}");
    }
}

#[test]
fn what_older_versions_wrote_fails_the_assertions() {
    let annotation = assertions("annotations/annotationMusts.test");
    let collection = assertions("collections/collectionMusts.test");
    let dir = corpus();
    let doc = read_json(&export(dir.path(), "w3c", &[], "out.jsonld"));
    // A collection without an id.
    let mut bare = doc.clone();
    bare.as_object_mut().unwrap().remove("id");
    let failed = failures(&collection, &bare);
    assert!(
        failed
            .iter()
            .any(|f| f.starts_with("collections/5.1-collectionIdValidated.json")),
        "{failed:#?}"
    );
    let mut item = doc["first"]["items"][0].clone();
    item["@context"] = doc["@context"].clone();
    assert!(failures(&annotation, &item).is_empty());
    // What Pathok wrote before: the path as given. And an IRI left unencoded.
    for source in ["news/a.txt", "file:///tmp/খবর ও মত.txt"] {
        item["target"]["source"] = json!(source);
        let failed = failures(&annotation, &item);
        assert!(
            failed
                .iter()
                .any(|f| f.starts_with("annotations/3.2-targetObjectsRecognized.json")),
            "{source}: {failed:#?}"
        );
    }
}
