//! `pathok git-setup` and `pathok merge-driver` in real git repositories made by the
//! tests: two coders' branches add, edit and delete annotations and tags, `git merge`
//! combines them with nothing lost; a real conflict stops the merge with markers.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pathok::annotate::{Annotation, Timestamp, Tombstone};
use pathok::store::{ArticleInfo, SidecarFile, read_sidecar_file, to_ron};
use pathok::text::CharRange;

const ARTICLE: &str = "ঢাকায় আজ সকাল থেকে বৃষ্টি হচ্ছে। প্রধানমন্ত্রী বলেছেন, সবাই নিরাপদে থাকুন।\n";

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        // Pathok's human messages in English whatever the machine's locale.
        .env("PATHOK_LANG", "en")
        .args(args)
        .current_dir(dir)
        // No user or system git configuration: the test sets what it needs.
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("HOME", dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"))
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, "git", args);
    assert!(
        out.status.success(),
        "git {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pathok(dir: &Path, args: &[&str]) -> Output {
    run(dir, env!("CARGO_BIN_EXE_pathok"), args)
}

/// A repository with `news/a.txt`, its sidecar (three passages by rina) and a
/// codebook with two tags, committed on `main`.
fn repo() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    std::fs::create_dir_all(root.join("news")).unwrap();
    git(&root, &["init", "-q", "-b", "main"]);
    git(&root, &["config", "user.name", "Test"]);
    git(&root, &["config", "user.email", "test@example.org"]);
    std::fs::write(root.join("news/a.txt"), ARTICLE).unwrap();
    let article = pathok::article::load(&root.join("news/a.txt")).unwrap();
    let t0 = Timestamp::from_datetime(time::macros::datetime!(2026-03-01 09:00 UTC));
    let mut file = SidecarFile::new(ArticleInfo {
        file_name: "a.txt".into(),
        sha256: article.sha256.clone(),
        char_len: article.text.char_len(),
    });
    for word in ["ঢাকায়", "বৃষ্টি", "প্রধানমন্ত্রী"]
    {
        let start = ARTICLE.split(word).next().unwrap().chars().count();
        let end = start + word.chars().count();
        let mut a = Annotation::new(&article.text, CharRange::new(start, end), t0).unwrap();
        a.author = "rina".into();
        a.tags = vec!["স্থান".into()];
        file.annotations.push(a);
    }
    std::fs::write(sidecar(&root), to_ron(&file).unwrap()).unwrap();
    std::fs::write(
        root.join("news/codebook.ron"),
        "(\n    format: \"pathok-codebook\",\n    version: 1,\n    tags: [\n        (name: \"স্থান\", color: \"#ffd966\", description: \"\"),\n        (name: \"ব্যক্তি\", color: \"#a4c2f4\", description: \"\"),\n    ],\n)\n",
    )
    .unwrap();
    git(&root, &["add", "."]);
    git(&root, &["commit", "-q", "-m", "base"]);
    (tmp, root)
}

fn sidecar(root: &Path) -> PathBuf {
    root.join("news/a.txt.annotations.ron")
}

fn read(root: &Path) -> SidecarFile {
    read_sidecar_file(&sidecar(root)).unwrap().0
}

fn write(root: &Path, file: &SidecarFile) {
    std::fs::write(sidecar(root), to_ron(file).unwrap()).unwrap();
}

fn at(minutes: i64) -> Timestamp {
    Timestamp::from_datetime(
        time::macros::datetime!(2026-03-01 09:00 UTC) + time::Duration::minutes(minutes),
    )
}

fn commit(root: &Path, message: &str) {
    git(root, &["commit", "-q", "-am", message]);
}

/// Set up the driver from a sub-folder with a relative path, twice.
fn setup(root: &Path) {
    let sub = root.join("news");
    for _ in 0..2 {
        let out = pathok(&sub, &["git-setup", ".."]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = pathok(&sub, &["git-setup"]);
    assert!(out.status.success());
    git(root, &["add", ".gitattributes"]);
    git(root, &["commit", "-q", "-m", "pathok merge driver"]);
}

#[test]
fn git_setup_is_idempotent_and_registers_the_running_binary() {
    let (_tmp, root) = repo();
    setup(&root);
    let attributes = std::fs::read_to_string(root.join(".gitattributes")).unwrap();
    assert_eq!(
        attributes,
        "*.annotations.ron merge=pathok\ncodebook.ron merge=pathok\n"
    );
    let drivers = git(&root, &["config", "--get-all", "merge.pathok.driver"]);
    assert_eq!(drivers.lines().count(), 1, "{drivers}");
    let exe = Path::new(env!("CARGO_BIN_EXE_pathok"))
        .canonicalize()
        .unwrap();
    assert!(drivers.contains(&*exe.to_string_lossy()), "{drivers}");
    assert!(drivers.trim_end().ends_with("merge-driver %O %A %B %P"));
    let check = git(
        &root,
        &["check-attr", "merge", "news/a.txt.annotations.ron"],
    );
    assert!(check.contains("merge: pathok"), "{check}");

    let outside = tempfile::tempdir().unwrap();
    let out = pathok(outside.path(), &["git-setup"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not in a git repository: ."));
}

#[test]
fn two_coders_branches_merge_with_nothing_lost_and_a_deletion_honoured() {
    let (_tmp, root) = repo();
    setup(&root);
    let base = read(&root);
    let ids: Vec<_> = base.annotations.iter().map(|a| a.id).collect();

    // Coder B: adds a passage, retags the first, deletes the second, adds a tag.
    git(&root, &["checkout", "-q", "-b", "sumon"]);
    let mut f = base.clone();
    let mut added = f.annotations[2].clone();
    added.id = uuid::Uuid::new_v4();
    added.author = "sumon".into();
    added.tags = vec!["ব্যক্তি".into()];
    added.created = at(5);
    added.modified = at(5);
    f.annotations[0].tags = vec!["ব্যক্তি".into()];
    f.annotations[0].modified = at(6);
    f.annotations.remove(1);
    f.deleted.push(Tombstone {
        id: ids[1],
        deleted_at: at(7),
    });
    f.annotations.push(added.clone());
    write(&root, &f);
    let book = root.join("news/codebook.ron");
    let text = std::fs::read_to_string(&book).unwrap();
    let with_tag = |name: &str| {
        text.replace(
            "    ],\n",
            &format!(
                "        (name: \"{name}\", color: \"#b6d7a8\", description: \"\"),\n    ],\n"
            ),
        )
    };
    std::fs::write(&book, with_tag("দল")).unwrap();
    commit(&root, "sumon codes");

    // Coder A on main: adds a passage, writes a note on the third, adds another tag.
    git(&root, &["checkout", "-q", "main"]);
    let mut f = base.clone();
    let mut mine = f.annotations[0].clone();
    mine.id = uuid::Uuid::new_v4();
    mine.created = at(3);
    mine.modified = at(3);
    f.annotations[2].note = "উদ্ধৃতি".into();
    f.annotations[2].modified = at(4);
    f.annotations.push(mine.clone());
    write(&root, &f);
    std::fs::write(&book, with_tag("ঘটনা")).unwrap();
    commit(&root, "rina codes");

    let out = run(&root, "git", &["merge", "--no-edit", "sumon"]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = read(&root);
    let got: Vec<_> = merged.annotations.iter().map(|a| a.id).collect();
    assert_eq!(merged.annotations.len(), 4, "{got:?}");
    assert!(got.contains(&added.id) && got.contains(&mine.id));
    assert!(!got.contains(&ids[1]), "the deletion is honoured");
    assert!(merged.deleted.iter().any(|t| t.id == ids[1]));
    let by_id = |id| merged.annotations.iter().find(|a| a.id == id).unwrap();
    assert_eq!(by_id(ids[0]).tags, ["ব্যক্তি"]);
    assert_eq!(by_id(ids[2]).note, "উদ্ধৃতি");
    // The stable layout: what the app writes, so the next diff is clean.
    assert_eq!(
        std::fs::read_to_string(sidecar(&root)).unwrap(),
        to_ron(&merged).unwrap()
    );
    let book = std::fs::read_to_string(&book).unwrap();
    for tag in ["স্থান", "ব্যক্তি", "দল", "ঘটনা"] {
        assert!(book.contains(tag), "{book}");
    }
    assert!(!git(&root, &["status", "--porcelain"]).contains("UU"));
}

#[test]
fn both_coders_changing_the_article_note_is_a_conflict_with_markers() {
    let (_tmp, root) = repo();
    setup(&root);
    let base = read(&root);
    git(&root, &["checkout", "-q", "-b", "sumon"]);
    let mut f = base.clone();
    f.note = "ওদের মত".into();
    write(&root, &f);
    commit(&root, "their note");
    git(&root, &["checkout", "-q", "main"]);
    let mut f = base.clone();
    f.note = "আমাদের মত".into();
    write(&root, &f);
    commit(&root, "our note");

    let out = run(&root, "git", &["merge", "--no-edit", "sumon"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("article note"), "{stderr}");
    let text = std::fs::read_to_string(sidecar(&root)).unwrap();
    // Our markers (git's own would say HEAD), around the note only.
    let marked =
        "<<<<<<< ours\n    note: \"আমাদের মত\",\n=======\n    note: \"ওদের মত\",\n>>>>>>> theirs\n";
    assert!(text.contains(marked), "{text}");
    assert_eq!(text.matches("<<<<<<<").count(), 1);

    // Until the markers are gone, the file is named as a merge left unresolved, with
    // where and what to do — not as a RON syntax error ("Expected identifier"), which
    // sent the coder to *Keep the bad file aside*, away from both versions.
    let out = pathok(&root, &["check", "news"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("unresolved git merge conflict at line 9")
            && stderr.contains("keep one side")
            && stderr.contains("a.txt.annotations.ron"),
        "{stderr}"
    );
    // Keeping one side and deleting the markers gives a valid file, as the README says.
    let kept = text.replace(marked, "    note: \"আমাদের মত\",\n");
    std::fs::write(sidecar(&root), kept).unwrap();
    assert_eq!(read(&root).note, "আমাদের মত");
}

#[test]
fn an_unreadable_version_leaves_ours_alone_and_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("o"), "").unwrap();
    std::fs::write(
        dir.join("a"),
        "(format: \"pathok-annotations\", version: 1, oops",
    )
    .unwrap();
    std::fs::write(dir.join("b"), "").unwrap();
    let out = pathok(
        dir,
        &["merge-driver", "o", "a", "b", "news/x.annotations.ron"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot merge"));
    assert_eq!(
        std::fs::read_to_string(dir.join("a")).unwrap(),
        "(format: \"pathok-annotations\", version: 1, oops"
    );
}
