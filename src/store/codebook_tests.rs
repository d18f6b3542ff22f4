use super::*;
use crate::annotate::{Annotation, Color, Status};
use crate::store::{ArticleInfo, SidecarFile, read_sidecar_file, temp_path_for};
use crate::text::CharOffset;

fn sidecar_with_tags(tags: &[&str]) -> Vec<u8> {
    let now = Timestamp::now();
    let mut file = SidecarFile::new(ArticleInfo::default());
    file.tags = tags.iter().map(|t| Tag::named(*t)).collect();
    file.annotations = vec![Annotation {
        id: uuid::Uuid::new_v4(),
        start: CharOffset(0),
        end: CharOffset(1),
        quote: "ক".into(),
        prefix: String::new(),
        suffix: String::new(),
        color: Color::HIGHLIGHT,
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        note: String::new(),
        author: String::new(),
        created: now,
        modified: now,
        status: Status::Anchored,
        region: None,
    }];
    to_ron(&file).unwrap().into_bytes()
}

fn codebook_of(tags: &[&str]) -> Codebook {
    Codebook {
        tags: tags.iter().map(|t| Tag::named(*t)).collect(),
    }
}

#[test]
fn the_nearest_codebook_wins() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("2024/jan");
    std::fs::create_dir_all(&sub).unwrap();
    save_codebook(&dir.path().join(CODEBOOK_FILE), &codebook_of(&["a"])).unwrap();
    assert_eq!(
        find_codebook(&sub.join("x.txt")),
        Some(dir.path().join(CODEBOOK_FILE))
    );
    save_codebook(&sub.join(CODEBOOK_FILE), &codebook_of(&["b"])).unwrap();
    assert_eq!(
        codebook_path_for(&sub.join("x.txt")),
        sub.join(CODEBOOK_FILE)
    );
    std::fs::write(sub.join("x.txt.annotations.ron"), sidecar_with_tags(&["b"])).unwrap();
    std::fs::write(
        dir.path().join("y.txt.annotations.ron"),
        sidecar_with_tags(&["a"]),
    )
    .unwrap();
    // The subfolder has its own codebook, so its sidecars are not the parent's.
    assert_eq!(
        sidecars_under(dir.path()).unwrap(),
        [dir.path().join("y.txt.annotations.ron")]
    );
    let book = load_codebook(&sub.join(CODEBOOK_FILE)).unwrap();
    assert_eq!(book, codebook_of(&["b"]));
}

#[test]
fn renaming_a_tag_across_100_sidecars_is_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join(CODEBOOK_FILE);
    save_codebook(&book, &codebook_of(&["সমালোচনা", "সরকারি বক্তব্য"])).unwrap();
    let mut paths = Vec::new();
    for i in 0..100 {
        let folder = dir.path().join(format!("batch-{}", i / 10));
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join(format!("article-{i:03}.txt.annotations.ron"));
        std::fs::write(&path, sidecar_with_tags(&["সমালোচনা", "অন্য"])).unwrap();
        paths.push(path);
    }
    let snapshot = |paths: &[std::path::PathBuf]| -> Vec<Vec<u8>> {
        paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
    };
    let before = snapshot(&paths);
    let book_before = std::fs::read(&book).unwrap();

    // One file cannot be written: a folder sits where its temp file must go (this
    // works even for root, who ignores permissions).
    let blocker = temp_path_for(&paths[57]);
    std::fs::create_dir(&blocker).unwrap();
    let err = rename_tag(&book, "সমালোচনা", "সমালোচনা (নীতি)").unwrap_err();
    assert!(err.to_string().contains("article-057"), "{err}");
    assert_eq!(snapshot(&paths), before);
    assert_eq!(std::fs::read(&book).unwrap(), book_before);
    for p in &paths {
        assert!(
            p == &paths[57] || !temp_path_for(p).exists(),
            "temp left for {p:?}"
        );
    }

    // With the obstacle gone the same rename goes through everywhere.
    std::fs::remove_dir(&blocker).unwrap();
    let report = rename_tag(&book, "সমালোচনা", "সমালোচনা (নীতি)").unwrap();
    assert_eq!((report.sidecars.len(), report.annotations), (100, 100));
    for p in &paths {
        let (file, _) = read_sidecar_file(p).unwrap();
        assert_eq!(file.annotations[0].tags, ["সমালোচনা (নীতি)", "অন্য"]);
        assert_eq!(file.tags[0].name, "সমালোচনা (নীতি)");
    }
    let names: Vec<_> = load_codebook(&book)
        .unwrap()
        .tags
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(names, ["সমালোচনা (নীতি)", "সরকারি বক্তব্য"]);

    // Merging into an existing tag.
    let report = rename_tag(&book, "সমালোচনা (নীতি)", "সরকারি বক্তব্য").unwrap();
    assert!(report.merged);
    let (file, _) = read_sidecar_file(&paths[0]).unwrap();
    assert_eq!(file.annotations[0].tags, ["সরকারি বক্তব্য", "অন্য"]);
    assert_eq!(load_codebook(&book).unwrap(), codebook_of(&["সরকারি বক্তব্য"]));
}

#[test]
fn a_bare_file_name_is_in_the_current_folder() {
    use crate::store::folder_of;
    assert_eq!(folder_of(Path::new("codebook.ron")), Path::new("."));
    assert_eq!(folder_of(Path::new("corpus/a.txt")), Path::new("corpus"));
    assert_eq!(folder_of(Path::new("/corpus/a.txt")), Path::new("/corpus"));
    assert_eq!(folder_of(Path::new("/")), Path::new("."));
}

#[test]
fn deleting_a_tag_counts_first_then_removes_it_everywhere_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join(CODEBOOK_FILE);
    save_codebook(&book, &codebook_of(&["সমালোচনা", "স্থান"])).unwrap();
    let both = dir.path().join("a.txt.annotations.ron");
    let only = dir.path().join("sub/b.txt.annotations.ron");
    let other = dir.path().join("c.txt.annotations.ron");
    std::fs::create_dir_all(dir.path().join("sub")).unwrap();
    std::fs::write(&both, sidecar_with_tags(&["সমালোচনা", "স্থান"])).unwrap();
    std::fs::write(&only, sidecar_with_tags(&["সমালোচনা"])).unwrap();
    std::fs::write(&other, sidecar_with_tags(&["স্থান"])).unwrap();

    let usage = tag_usage(&book, "সমালোচনা").unwrap();
    assert_eq!(usage.annotations, 2);
    assert_eq!(usage.sidecars, [both.clone(), only.clone()]);

    // One sidecar cannot be written: nothing changes.
    let before: Vec<Vec<u8>> = [&both, &only, &book]
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    let blocker = temp_path_for(&only);
    std::fs::create_dir(&blocker).unwrap();
    assert!(delete_tag(&book, "সমালোচনা").is_err());
    let after: Vec<Vec<u8>> = [&both, &only, &book]
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    assert_eq!(after, before);
    std::fs::remove_dir(&blocker).unwrap();

    let done = delete_tag(&book, "সমালোচনা").unwrap();
    assert_eq!(done, usage);
    let (a, _) = read_sidecar_file(&both).unwrap();
    assert_eq!(a.annotations[0].tags, ["স্থান"]);
    assert_eq!(
        a.tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        ["স্থান"]
    );
    let (b, _) = read_sidecar_file(&only).unwrap();
    assert_eq!(
        b.annotations.len(),
        1,
        "the annotation stays, as a plain highlight"
    );
    assert!(b.annotations[0].tags.is_empty());
    assert_eq!(b.annotations[0].quote, "ক");
    assert_eq!(load_codebook(&book).unwrap(), codebook_of(&["স্থান"]));
    assert!(matches!(
        delete_tag(&book, "সমালোচনা"),
        Err(StoreError::UnknownTag { .. })
    ));
}
