use super::*;
use crate::annotate::{Annotation, Timestamp};
use crate::article;
use crate::store::Sidecar;
use crate::text::CharRange;

fn no_progress(_: ScanProgress) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

/// Write `text` as an article and, with `tags`, a sidecar with one annotation per
/// (tags, author) pair over the first word.
pub(crate) fn article_with(path: &Path, text: &str, codings: &[(&[&str], &str)]) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(path, text).unwrap();
    if codings.is_empty() {
        return;
    }
    let loaded = article::load(path).unwrap();
    let (mut sidecar, _) = Sidecar::open(path, &loaded).unwrap();
    for (tags, author) in codings {
        let mut a = Annotation::new(&loaded.text, CharRange::new(0, 3), Timestamp::now()).unwrap();
        a.tags = tags.iter().map(|t| (*t).to_owned()).collect();
        a.author = (*author).to_owned();
        sidecar.annotations.upsert(a);
    }
    sidecar.save(&loaded.text).unwrap();
}

fn row<'a>(library: &'a Library, name: &str) -> &'a Row {
    library
        .rows
        .iter()
        .find(|r| r.name == Path::new(name))
        .unwrap_or_else(|| panic!("no row {name}: {:#?}", library.rows))
}

#[test]
fn rows_carry_title_name_size_annotations_tags_and_coders() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    article_with(
        &root.join("news/a.txt"),
        "ঢাকায় বৃষ্টি\n\nআজ সারাদিন বৃষ্টি হয়েছে।\n",
        &[(&["আবহাওয়া", "স্থান"], "rina"), (&["স্থান"], "karim")],
    );
    article_with(&root.join("b.md"), "# Markdown title\n\nBody.\n", &[]);
    std::fs::write(root.join("notes.docx"), "ignored").unwrap();
    std::fs::write(root.join("picture.png"), "ignored too").unwrap();
    let library = scan(root, &mut no_progress).unwrap();
    assert_eq!(library.rows.len(), 2, "{:#?}", library.rows);
    let a = row(&library, "news/a.txt");
    assert_eq!(a.title, "ঢাকায় বৃষ্টি");
    assert_eq!(a.path, root.join("news/a.txt"));
    assert_eq!(
        a.size,
        std::fs::metadata(root.join("news/a.txt")).unwrap().len()
    );
    assert_eq!(a.annotations, 2);
    assert_eq!(a.tags, ["আবহাওয়া", "স্থান"]);
    assert_eq!(a.coders, ["karim", "rina"]);
    assert!(a.modified.is_some() && a.is_ok());
    let b = row(&library, "b.md");
    assert_eq!((b.title.as_str(), b.annotations), ("Markdown title", 0));
    assert!(library.problems.is_empty());
}

#[cfg(unix)]
#[test]
fn a_folder_with_every_kind_of_problem_is_scanned_to_the_end() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    article_with(&root.join("a-good.txt"), "Good title\nbody\n", &[]);
    // Unreadable: no permission (root reads it anyway), a FIFO and a broken link.
    std::fs::write(root.join("b-locked.txt"), "Locked\n").unwrap();
    std::fs::set_permissions(
        root.join("b-locked.txt"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let locked_readable = std::fs::read(root.join("b-locked.txt")).is_ok();
    let status = std::process::Command::new("mkfifo")
        .arg(root.join("c-pipe.txt"))
        .status()
        .unwrap();
    assert!(status.success());
    std::os::unix::fs::symlink("nowhere.txt", root.join("d-broken.txt")).unwrap();
    // A binary file with an article's name.
    std::fs::write(root.join("e-binary.txt"), b"\x89PNG\r\n\x1a\n\x00\x00\x00").unwrap();
    // A broken sidecar next to a good article.
    article_with(&root.join("f-sidecar.txt"), "Has a broken sidecar\n", &[]);
    std::fs::write(root.join("f-sidecar.txt.annotations.ron"), "(format: ").unwrap();
    // A sidecar whose article is gone.
    article_with(&root.join("g-gone.txt"), "Gone\n", &[(&["x"], "rina")]);
    std::fs::remove_file(root.join("g-gone.txt")).unwrap();
    // A symbolic link loop, and an article after it in walk order.
    std::fs::create_dir(root.join("h-sub")).unwrap();
    std::os::unix::fs::symlink("..", root.join("h-sub/loop")).unwrap();
    article_with(&root.join("z-last.txt"), "Last one\n", &[]);

    let started = std::time::Instant::now();
    let library = scan(root, &mut no_progress).unwrap();
    assert!(started.elapsed() < std::time::Duration::from_secs(5));

    assert_eq!(row(&library, "a-good.txt").title, "Good title");
    assert_eq!(row(&library, "z-last.txt").title, "Last one");
    let locked = row(&library, "b-locked.txt");
    assert_eq!(locked.is_ok(), locked_readable, "{locked:?}");
    let problem = |name: &str| row(&library, name).problems[0].to_string();
    assert!(problem("c-pipe.txt").contains("not a regular file"));
    assert!(problem("d-broken.txt").contains("broken symbolic link"));
    assert!(problem("e-binary.txt").contains("binary"));
    assert!(problem("e-binary.txt").ends_with("e-binary.txt"));
    let sidecar = row(&library, "f-sidecar.txt");
    assert_eq!(sidecar.title, "Has a broken sidecar");
    assert!(matches!(sidecar.problems[..], [RowProblem::Sidecar(_)]));
    assert!(problem("f-sidecar.txt").contains("f-sidecar.txt.annotations.ron"));
    let gone = row(&library, "g-gone.txt");
    assert!(matches!(
        gone.problems[..],
        [RowProblem::ArticleMissing { .. }]
    ));
    assert_eq!(
        (gone.annotations, gone.tags.as_slice()),
        (1, &["x".to_owned()][..])
    );
    assert!(
        library
            .problems
            .iter()
            .any(|p| matches!(p.kind, WalkProblemKind::SymlinkLoop { .. })),
        "{:?}",
        library.problems
    );
}

#[test]
fn a_refresh_rereads_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    article_with(&root.join("same.txt"), "Title A\n", &[]);
    article_with(&root.join("edited.txt"), "Old title\n", &[]);
    article_with(&root.join("deleted.txt"), "Deleted\n", &[]);
    let first = scan(root, &mut no_progress).unwrap();
    // Rewrite same.txt in place with the same size and time: a refresh must keep
    // the row it has (it does not read the file again).
    let same = root.join("same.txt");
    let time = std::fs::metadata(&same).unwrap().modified().unwrap();
    std::fs::write(&same, "Title B\n").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&same)
        .unwrap()
        .set_modified(time)
        .unwrap();
    std::fs::write(root.join("edited.txt"), "A new and longer title\n").unwrap();
    std::fs::remove_file(root.join("deleted.txt")).unwrap();
    article_with(&root.join("new.txt"), "New\n", &[(&["t"], "rina")]);
    let second = refresh(&first, &mut no_progress).unwrap();
    let titles: Vec<&str> = second.rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["A new and longer title", "New", "Title A"]);
    assert_eq!(row(&second, "new.txt").tags, ["t"]);
    // A full scan reads it again.
    assert_eq!(
        row(&scan(root, &mut no_progress).unwrap(), "same.txt").title,
        "Title B"
    );
}

#[test]
fn a_scan_reports_progress_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..70 {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), "t\n").unwrap();
    }
    let mut seen = Vec::new();
    scan(dir.path(), &mut |p| {
        seen.push(p);
        ControlFlow::Continue(())
    })
    .unwrap();
    assert_eq!(
        seen.last(),
        Some(&ScanProgress::Reading {
            done: 70,
            total: 70
        })
    );
    let cancelled = scan(dir.path(), &mut |p| match p {
        ScanProgress::Reading { .. } => ControlFlow::Break(()),
        ScanProgress::Walking { .. } => ControlFlow::Continue(()),
    });
    assert_eq!(cancelled, Err(Cancelled));
}

#[test]
fn rows_sort_by_any_column_and_filter_by_text_tag_coder_and_not_coded() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    article_with(&root.join("1.txt"), "কোরিয়া সফর\nএকটু লম্বা লেখা\n", &[]);
    article_with(&root.join("2.txt"), "Beta\n", &[(&["x"], "rina")]);
    article_with(
        &root.join("3.txt"),
        "alpha\n",
        &[(&["y"], "karim"), (&["x"], "rina")],
    );
    let library = scan(root, &mut no_progress).unwrap();
    let titles = |order: Vec<usize>| -> Vec<String> {
        order
            .into_iter()
            .map(|i| library.rows[i].title.clone())
            .collect()
    };
    assert_eq!(
        titles(library.sorted(SortKey::Title, false)),
        ["alpha", "Beta", "কোরিয়া সফর"]
    );
    assert_eq!(
        titles(library.sorted(SortKey::Annotations, true)),
        ["alpha", "Beta", "কোরিয়া সফর"]
    );
    assert_eq!(titles(library.sorted(SortKey::Size, true))[0], "কোরিয়া সফর");
    let shown = |filter: RowFilter| -> Vec<String> {
        let folded = filter.folded_text();
        library
            .rows
            .iter()
            .filter(|r| filter.matches(r, &folded))
            .map(|r| r.title.clone())
            .collect()
    };
    // The text filter folds: কোরিয়া typed with the precomposed letters finds it.
    let text = RowFilter {
        text: "কোরিয়া".into(),
        ..RowFilter::default()
    };
    assert_eq!(shown(text), ["কোরিয়া সফর"]);
    let tag = RowFilter {
        tag: Some("x".into()),
        ..RowFilter::default()
    };
    assert_eq!(shown(tag), ["Beta", "alpha"]);
    let coder = RowFilter {
        coder: Some("karim".into()),
        ..RowFilter::default()
    };
    assert_eq!(shown(coder), ["alpha"]);
    let not_coded = RowFilter {
        not_coded: true,
        ..RowFilter::default()
    };
    assert_eq!(shown(not_coded), ["কোরিয়া সফর"]);
}
