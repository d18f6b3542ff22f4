use std::path::Path;

use super::*;
use crate::annotate::testing::annotated;
use crate::annotate::{Color, Timestamp, Tombstone};
use crate::store::ArticleInfo;

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_datetime(
        time::OffsetDateTime::UNIX_EPOCH
            + time::Duration::days(20_000)
            + time::Duration::seconds(seconds),
    )
}

/// Three annotations made at time 0 by "rina".
fn base_annotations() -> Vec<Annotation> {
    let (_, set) = annotated("[আমি] [বাংলা] [বই] পড়ি");
    set.iter()
        .cloned()
        .map(|mut a| {
            a.created = at(0);
            a.modified = at(0);
            a.author = "rina".into();
            a
        })
        .collect()
}

fn file(annotations: &[Annotation], deleted: &[Tombstone], note: &str) -> Vec<u8> {
    let mut f = SidecarFile::new(ArticleInfo {
        file_name: "a.txt".into(),
        sha256: "ab".into(),
        char_len: 17,
    });
    f.annotations = annotations.to_vec();
    f.deleted = deleted.to_vec();
    f.note = note.into();
    to_ron(&f).unwrap().into_bytes()
}

fn merged(base: &[u8], ours: &[u8], theirs: &[u8]) -> (SidecarFile, Merged3) {
    let m = merge_three_way(Some(base), ours, theirs, Path::new("a.txt.annotations.ron")).unwrap();
    let f = parse_sidecar(m.text.as_bytes(), Path::new("merged")).unwrap();
    (f, m)
}

#[test]
fn additions_of_both_sides_are_kept_and_a_deletion_is_honoured() {
    let b = base_annotations();
    let base = file(&b, &[], "");
    let mut extra = b[0].clone();
    extra.id = uuid::Uuid::new_v4();
    extra.author = "sumon".into();
    extra.modified = at(5);
    // Ours adds one; theirs deletes the second (with its record) and retags the third.
    let ours = file(
        &[b[0].clone(), b[1].clone(), b[2].clone(), extra.clone()],
        &[],
        "",
    );
    let mut retagged = b[2].clone();
    retagged.tags = vec!["x".into()];
    retagged.modified = at(3);
    let theirs = file(
        &[b[0].clone(), retagged.clone()],
        &[Tombstone {
            id: b[1].id,
            deleted_at: at(2),
        }],
        "",
    );
    let (f, m) = merged(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty() && m.report.is_empty(), "{m:?}");
    let ids: Vec<_> = f.annotations.iter().map(|a| a.id).collect();
    assert!(ids.contains(&extra.id) && ids.contains(&b[0].id));
    assert!(!ids.contains(&b[1].id));
    assert_eq!(f.deleted.len(), 1);
    assert_eq!(
        f.annotations.iter().find(|a| a.id == b[2].id),
        Some(&retagged)
    );
    // Stable layout: what the app itself writes.
    assert_eq!(m.text, to_ron(&f).unwrap());
}

#[test]
fn removal_without_a_record_is_a_deletion_unless_the_other_side_changed_it() {
    let b = base_annotations();
    let base = file(&b, &[], "");
    // Ours removed the first two by hand; theirs changed the second.
    let ours = file(&b[2..], &[], "");
    let mut changed = b[1].clone();
    changed.note = "দেখুন".into();
    changed.modified = at(4);
    let theirs = file(&[b[0].clone(), changed.clone(), b[2].clone()], &[], "");
    let (f, m) = merged(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty());
    assert!(f.annotations.iter().all(|a| a.id != b[0].id));
    assert!(f.deleted.iter().any(|t| t.id == b[0].id));
    assert!(f.annotations.contains(&changed));
    assert_eq!(m.report.len(), 1, "{:?}", m.report);
    assert!(m.report[0].contains("removed on ours, changed on theirs"));
}

#[test]
fn a_deletion_loses_to_a_later_edit_and_the_report_says_so() {
    let b = base_annotations();
    let base = file(&b, &[], "");
    let ours = file(
        &b[1..],
        &[Tombstone {
            id: b[0].id,
            deleted_at: at(2),
        }],
        "",
    );
    let mut later = b[0].clone();
    later.tags = vec!["late".into()];
    later.modified = at(9);
    let theirs = file(&[later.clone(), b[1].clone(), b[2].clone()], &[], "");
    let (f, m) = merged(&base, &ours, &theirs);
    assert!(f.annotations.contains(&later));
    assert!(
        m.report.iter().any(|r| r.contains("deleted on ours")),
        "{:?}",
        m.report
    );
}

#[test]
fn edited_on_both_sides_the_newer_wins_and_the_other_is_reported() {
    let b = base_annotations();
    let base = file(&b, &[], "");
    let mut o = b[0].clone();
    o.tags = vec!["ours-tag".into()];
    o.modified = at(7);
    let mut t = b[0].clone();
    t.tags = vec!["their-tag".into()];
    t.note = "their note".into();
    t.modified = at(3);
    let ours = file(&[o.clone(), b[1].clone(), b[2].clone()], &[], "");
    let theirs = file(&[t, b[1].clone(), b[2].clone()], &[], "");
    let (f, m) = merged(&base, &ours, &theirs);
    assert!(f.annotations.contains(&o));
    assert_eq!(m.report.len(), 1);
    assert!(m.report[0].contains("their-tag") && m.report[0].contains("their note"));
    // Symmetric: merged the other way round, the same version wins.
    let (g, _) = merged(&base, &theirs, &ours);
    assert_eq!(g.annotations, f.annotations);
}

#[test]
fn note_changed_on_one_side_is_taken_on_both_differently_is_a_conflict() {
    let b = base_annotations();
    let base = file(&b, &[], "আগের");
    let (f, m) = merged(&base, &file(&b, &[], "আগের"), &file(&b, &[], "নতুন"));
    assert!(m.conflicts.is_empty());
    assert_eq!(f.note, "নতুন");

    let m = merge_three_way(
        Some(&base),
        &file(&b, &[], "আমাদের"),
        &file(&b, &[], "ওদের"),
        Path::new("a.txt.annotations.ron"),
    )
    .unwrap();
    assert_eq!(m.conflicts.len(), 1);
    assert!(m.text.contains("<<<<<<< ours\n"));
    assert!(m.text.contains("=======\n") && m.text.contains(">>>>>>> theirs\n"));
    // Keeping either side between the markers gives a valid sidecar.
    for keep in ["আমাদের", "ওদের"] {
        let resolved: String = m
            .text
            .split_inclusive('\n')
            .filter(|l| {
                !l.starts_with("<<<<<<<") && !l.starts_with("=======") && !l.starts_with(">>>>>>>")
            })
            .filter(|l| !l.contains("note: \"") || l.contains(keep) || l.starts_with("        "))
            .collect();
        let f = parse_sidecar(resolved.as_bytes(), Path::new("x")).unwrap();
        assert_eq!(f.note, keep);
    }
}

#[test]
fn a_file_added_on_both_sides_merges_without_a_base() {
    let b = base_annotations();
    let m = merge_three_way(
        Some(b"".as_slice()),
        &file(&b[..1], &[], ""),
        &file(&b[1..], &[], ""),
        Path::new("a.txt.annotations.ron"),
    )
    .unwrap();
    assert!(m.conflicts.is_empty());
    let f = parse_sidecar(m.text.as_bytes(), Path::new("x")).unwrap();
    assert_eq!(f.annotations.len(), 3);
}

fn codebook(tags: &[(&str, Color)]) -> Vec<u8> {
    let tags = tags
        .iter()
        .map(|(n, c)| Tag {
            name: (*n).into(),
            color: *c,
            description: String::new(),
        })
        .collect();
    codebook_text(&Codebook { tags }, Path::new("codebook.ron"))
        .unwrap()
        .into_bytes()
}

#[test]
fn codebook_tags_merge_by_name_and_two_colours_for_one_tag_conflict() {
    let red = Color([200, 0, 0]);
    let blue = Color([0, 0, 200]);
    let green = Color([0, 200, 0]);
    let base = codebook(&[("a", red), ("b", red)]);
    // Ours adds c and recolours a; theirs deletes b and adds d.
    let ours = codebook(&[("a", blue), ("b", red), ("c", red)]);
    let theirs = codebook(&[("a", red), ("d", red)]);
    let path = Path::new("codebook.ron");
    let m = merge_three_way(Some(&base), &ours, &theirs, path).unwrap();
    assert!(m.conflicts.is_empty(), "{m:?}");
    let book: CodebookFile = parse_versioned(m.text.as_bytes(), path, CODEBOOK_FORMAT, 1).unwrap();
    let names: Vec<_> = book
        .tags
        .iter()
        .map(|t| (t.name.as_str(), t.color))
        .collect();
    assert_eq!(names, [("a", blue), ("c", red), ("d", red)]);

    let theirs = codebook(&[("a", green), ("b", red)]);
    let m = merge_three_way(Some(&base), &ours, &theirs, path).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    assert!(m.conflicts[0].contains("\"a\""));
    assert!(m.text.contains("<<<<<<< ours"));
}

#[test]
fn with_markers_wraps_only_the_differing_lines() {
    let out = with_markers("a\nb\nc\n", "a\nx\nc\n");
    assert_eq!(out, "a\n<<<<<<< ours\nb\n=======\nx\n>>>>>>> theirs\nc\n");
    assert_eq!(with_markers("a\n", "a\n"), "a\n");
}
