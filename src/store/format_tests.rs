use std::path::Path;

use proptest::prelude::*;

use super::*;
use crate::annotate::{Color, Status, Timestamp};
use crate::store::strategies::sidecar;
use crate::text::CharOffset;

proptest! {
    #[test]
    fn model_to_ron_to_model_is_identity(file in sidecar()) {
        let text = to_ron(&file).unwrap();
        prop_assert_eq!(&text, &to_ron_reference(&file).unwrap());
        let back = parse_sidecar(text.as_bytes(), Path::new("x.ron")).unwrap();
        prop_assert_eq!(&back, &file);
        // And writing it again gives the same bytes (stable layout).
        prop_assert_eq!(to_ron(&back).unwrap(), text);
    }
}

fn sample() -> SidecarFile {
    let t: Timestamp = "2025-03-01T09:30:00.123Z".parse().unwrap();
    let a = |n: u128, start: usize, quote: &str| Annotation {
        id: uuid::Uuid::from_u128(n),
        start: CharOffset(start),
        end: CharOffset(start + quote.chars().count()),
        quote: quote.to_owned(),
        prefix: "আজ ".to_owned(),
        suffix: " জমেছে".to_owned(),
        color: Color::HIGHLIGHT,
        tags: vec!["আবহাওয়া".to_owned()],
        note: "line one\nline two".to_owned(),
        author: "rina".to_owned(),
        created: t,
        modified: t,
        status: Status::Anchored,
        region: None,
    };
    let mut file = SidecarFile::new(ArticleInfo {
        file_name: "news.txt".to_owned(),
        sha256: "0".repeat(64),
        char_len: 80,
    });
    file.tags = vec![Tag::named("আবহাওয়া")];
    file.annotations = vec![a(2, 15, "মেঘ"), a(1, 3, "আকাশে")];
    file
}

#[test]
fn layout_is_one_field_per_line_and_sorted() {
    let text = to_ron(&sample()).unwrap();
    // Sorted by start: the annotation at 3 comes first although it was listed second.
    let first = text.find("আকাশে").unwrap();
    let second = text.find("\"মেঘ\"").unwrap();
    assert!(first < second, "{text}");
    assert!(text.contains("\n            quote: \"মেঘ\",\n"), "{text}");
    assert!(text.contains("note: \"line one\\nline two\","), "{text}");
    // Bengali is written as itself, not as escapes.
    assert!(text.contains("name: \"আবহাওয়া\","), "{text}");
    assert!(text.starts_with("(\n    format: \"pathok-annotations\",\n    version: 1,\n"));
    // Changing one annotation's note changes exactly one line.
    let mut changed = sample();
    changed.annotations[0].note = "নতুন".to_owned();
    let after = to_ron(&changed).unwrap();
    let diff = text
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!((diff, text.lines().count()), (1, after.lines().count()));
}

#[test]
fn parse_errors_name_line_and_column() {
    let text = to_ron(&sample())
        .unwrap()
        .replacen("start: 15,", "start: 15,,", 1);
    let err = parse_sidecar(text.as_bytes(), Path::new("a.ron")).unwrap_err();
    let StoreError::Parse { line, column, .. } = &err else {
        panic!("{err}");
    };
    let expected = text.lines().position(|l| l.contains("15,,")).unwrap() + 1;
    assert_eq!((*line, *column > 0), (expected, true), "{err}");
    assert!(err.to_string().ends_with("a.ron"), "{err}");

    let err = parse_sidecar(b"(format: \"pathok-annotations\", \xff", Path::new("a.ron"));
    assert!(
        matches!(
            err,
            Err(StoreError::Parse {
                line: 1,
                column: 32,
                ..
            })
        ),
        "{err:?}"
    );
}

#[test]
fn unknown_fields_and_newer_versions_are_refused() {
    let text = to_ron(&sample()).unwrap();
    let extra = text.replacen(
        "    note: \"\",",
        "    note: \"\",\n    mood: \"sunny\",",
        1,
    );
    let err = parse_sidecar(extra.as_bytes(), Path::new("a.ron")).unwrap_err();
    assert!(err.to_string().contains("mood"), "{err}");
    let newer = extra.replacen("version: 1,", "version: 3,", 1);
    let err = parse_sidecar(newer.as_bytes(), Path::new("a.ron")).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerVersion { found: 3, .. }),
        "{err}"
    );
    let other = text.replacen("pathok-annotations", "something-else", 1);
    let err = parse_sidecar(other.as_bytes(), Path::new("a.ron")).unwrap_err();
    assert!(matches!(err, StoreError::WrongFormat { .. }), "{err}");
}

/// A sidecar written by Pathok before picture regions existed (by `pathok import`).
const WRITTEN_BY_V1: &str = include_str!("../../tests/data/sidecars/written-by-v1.annotations.ron");

#[test]
fn a_text_only_sidecar_is_still_written_as_version_1_byte_for_byte() {
    let file = parse_sidecar(
        WRITTEN_BY_V1.as_bytes(),
        Path::new("news.txt.annotations.ron"),
    )
    .unwrap();
    assert_eq!(file.version, 1);
    assert_eq!(to_ron(&file).unwrap(), WRITTEN_BY_V1);
    assert_eq!(to_ron_reference(&file).unwrap(), WRITTEN_BY_V1);
}

fn with_region() -> SidecarFile {
    let mut file = parse_sidecar(WRITTEN_BY_V1.as_bytes(), Path::new("x.ron")).unwrap();
    let t: Timestamp = "2025-03-01T09:30:00.123Z".parse().unwrap();
    let mut region = Annotation::new_region(
        crate::annotate::ImageRegion {
            image: Some("news-1.png".to_owned()),
            sha256: "ab".repeat(32),
            rect: crate::picture::PixelRect::new(200, 150, 200, 150),
        },
        t,
    );
    region.id = uuid::Uuid::from_u128(7);
    region.tags = vec!["ছবি".to_owned()];
    file.annotations.insert(0, region);
    file
}

#[test]
fn a_sidecar_with_a_region_is_version_2_and_reads_back() {
    let file = with_region();
    let text = to_ron(&file).unwrap();
    assert!(text.contains("    version: 2,\n"), "{text}");
    assert!(
        text.contains("            region: Some((\n                image: Some(\"news-1.png\"),\n"),
        "{text}"
    );
    let back = parse_sidecar(text.as_bytes(), Path::new("x.ron")).unwrap();
    assert_eq!(back.version, 2);
    assert_eq!(back.annotations, {
        let mut a = file.annotations.clone();
        a.sort_by_key(|a| (a.start, a.id));
        a
    });
    // The same through `ron` (a hand-edited layout).
    let spaced = text.replace("rect: (", "rect:(");
    assert_eq!(
        parse_sidecar(spaced.as_bytes(), Path::new("x.ron")).unwrap(),
        back
    );
    // Without its region the sidecar goes back to version 1.
    let mut text_only = back;
    text_only.annotations.retain(|a| !a.is_region());
    assert_eq!(to_ron(&text_only).unwrap(), WRITTEN_BY_V1);
}

#[test]
fn a_reader_of_version_1_only_refuses_a_sidecar_with_regions() {
    // What Pathok before regions did: check the header against version 1, by the
    // direct parser and by `ron` alike, and refuse (read-only) instead of dropping.
    let text = to_ron(&with_region()).unwrap();
    for candidate in [text.clone(), text.replace("rect: (", "rect:(")] {
        let err = parse_versioned::<SidecarFile>(
            candidate.as_bytes(),
            Path::new("photo.jpg.annotations.ron"),
            FORMAT_NAME,
            1,
        )
        .unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::NewerVersion {
                    found: 2,
                    supported: 1,
                    ..
                }
            ),
            "{err}"
        );
        assert!(
            err.to_string().ends_with("photo.jpg.annotations.ron"),
            "{err}"
        );
    }
    // And an old build's annotation, which has no `region` field, refuses the field
    // rather than dropping it, were the version not raised.
    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)] // The fields are only parsed.
    struct OldAnnotation {
        id: String,
        start: usize,
        end: usize,
        quote: String,
        prefix: String,
        suffix: String,
        color: String,
        tags: Vec<String>,
        note: String,
        author: String,
        created: String,
        modified: String,
        status: Status,
    }
    let block_start = text.find("        (\n            id: \"00000000").unwrap();
    let block_end = block_start + text[block_start..].find("\n        ),\n").unwrap() + 10;
    let block = &text[block_start..block_end];
    let err = ron::from_str::<OldAnnotation>(block).unwrap_err();
    assert!(err.to_string().contains("region"), "{err}");
}
