use super::*;
use std::sync::Arc;

/// An article with a sidecar that cannot be parsed.
fn damaged() -> (tempfile::TempDir, PathBuf, Article, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "শিরোনাম\n\nকোরিয়ার রাষ্ট্রীয় গণমাধ্যম।\n").unwrap();
    let sidecar = store::sidecar_path(&path);
    let bad = b"(format: \"pathok-annotations\", version: 1, oops".to_vec();
    std::fs::write(&sidecar, &bad).unwrap();
    let article = crate::article::load(&path).unwrap();
    (dir, path, article, bad)
}

#[test]
fn deleting_a_tag_reaches_unsaved_annotations_and_other_articles() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    let codebook = Codebook {
        tags: vec![Tag::named("নিন্দা"), Tag::named("স্থান")],
    };
    store::save_codebook(&dir.path().join(store::CODEBOOK_FILE), &codebook).unwrap();
    let mut sessions = Vec::new();
    for path in [&a, &b] {
        std::fs::write(path, "শিরোনাম\n\nকোরিয়ার রাষ্ট্রীয় গণমাধ্যম।\n").unwrap();
        let article = crate::article::load(path).unwrap();
        let (mut session, _) = Session::open(path, &article);
        let tags = vec!["নিন্দা".to_owned(), "স্থান".to_owned()];
        session
            .add(&article, CharRange::new(9, 16), Color::HIGHLIGHT, tags, "")
            .unwrap();
        sessions.push((session, article));
    }
    // b is saved; a's annotation is still only in memory.
    let (session_b, article_b) = &mut sessions[1];
    assert_eq!(session_b.autosave(article_b, true), None);
    let (session_a, article_a) = &mut sessions[0];
    let usage = session_a.tag_usage(article_a, "নিন্দা").unwrap();
    assert_eq!((usage.annotations, usage.sidecars.len()), (2, 2));
    let notice = session_a.delete_tag(Some(&a), article_a, "নিন্দা").unwrap();
    assert!(
        notice.contains("2 annotation(s) in 2 article(s)"),
        "{notice}"
    );
    let tags: Vec<&str> = session_a
        .set
        .iter()
        .flat_map(|x| x.tags.iter().map(String::as_str))
        .collect();
    assert_eq!(tags, ["স্থান"]);
    assert!(session_a.codebook.get("নিন্দা").is_none());
    let (file, _) = store::read_sidecar_file(&store::sidecar_path(&b)).unwrap();
    assert_eq!(file.annotations[0].tags, ["স্থান"]);
}

#[test]
fn a_damaged_sidecar_makes_every_change_refused_and_leaves_the_file_alone() {
    let (_dir, path, article, bad) = damaged();
    let (mut session, notices) = Session::open(&path, &article);
    assert!(session.is_read_only());
    assert!(
        notices.iter().any(|n| n.contains("a.txt.annotations.ron")),
        "{notices:?}"
    );
    let range = CharRange::new(9, 16);
    assert!(matches!(
        session.add(&article, range, Color::HIGHLIGHT, vec![], ""),
        Err(SessionError::ReadOnly(_))
    ));
    assert!(matches!(
        session.rename_tag(Some(&path), &article, "a", "b"),
        Err(SessionError::ReadOnly(_))
    ));
    assert!(matches!(
        session.delete_tag(Some(&path), &article, "a"),
        Err(SessionError::ReadOnly(_))
    ));
    assert_eq!(session.autosave(&article, true), None);
    assert_eq!(std::fs::read(store::sidecar_path(&path)).unwrap(), bad);
}

#[test]
fn an_article_changed_on_disk_is_written_back_anchored_anew_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    let text = "শিরোনাম\n\nঢাকায় আজ বৃষ্টি হয়েছে।\n";
    std::fs::write(&path, text).unwrap();
    let article = crate::article::load(&path).unwrap();
    let (mut session, _) = Session::open(&path, &article);
    let start = article.text.as_str()[..article.text.as_str().find("বৃষ্টি").unwrap()]
        .chars()
        .count();
    let range = CharRange::new(start, start + "বৃষ্টি".chars().count());
    session
        .add(&article, range, Color::HIGHLIGHT, vec![], "")
        .unwrap();
    assert_eq!(session.autosave(&article, true), None);

    // Someone adds a line at the top; the article is read again.
    std::fs::write(&path, format!("নতুন লাইন\n{text}")).unwrap();
    let changed = crate::article::load(&path).unwrap();
    let (session, notices) = Session::open(&path, &changed);
    assert!(
        notices
            .iter()
            .any(|n| n.contains("1 annotation(s) found at a new place"))
    );
    assert_eq!(session.save_state(), SaveState::Saved);
    let (file, _) = store::read_sidecar_file(&store::sidecar_path(&path)).unwrap();
    assert_eq!(file.article.sha256, changed.sha256);
    let a = &file.annotations[0];
    assert_eq!(changed.text.slice(a.range()), "বৃষ্টি");
    assert_eq!(a.status, crate::annotate::Status::Moved);
}

#[test]
fn a_codebook_that_cannot_be_read_is_reported_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "শিরোনাম\n\nঢাকায় আজ বৃষ্টি।\n").unwrap();
    let book = dir.path().join(store::CODEBOOK_FILE);
    let damaged = b"(format: \"pathok-codebook\", version: 1, tags: [(name: ".to_vec();
    std::fs::write(&book, &damaged).unwrap();
    let article = crate::article::load(&path).unwrap();
    let (mut session, notices) = Session::open(&path, &article);
    assert!(
        notices
            .iter()
            .any(|n| n.contains("codebook cannot be read") && n.contains("codebook.ron")),
        "{notices:?}"
    );
    let name = session.ensure_tag(Tag::named("নতুন"));
    session
        .add(
            &article,
            CharRange::new(0, 3),
            Color::HIGHLIGHT,
            vec![name],
            "",
        )
        .unwrap();
    assert_eq!(session.autosave(&article, true), None);
    assert_eq!(session.save_state(), SaveState::Saved);
    assert_eq!(std::fs::read(&book).unwrap(), damaged);
    let (file, _) = store::read_sidecar_file(&store::sidecar_path(&path)).unwrap();
    assert_eq!(file.tags[0].name, "নতুন");
    assert!(matches!(
        session.rename_tag(Some(&path), &article, "নতুন", "পুরোনো"),
        Err(SessionError::CodebookUnreadable(_))
    ));
    assert_eq!(std::fs::read(&book).unwrap(), damaged);
}

#[test]
fn a_group_is_one_undo_step_and_adopts_annotations_already_there() {
    let text = crate::text::SourceText::new("নতুন বই এল, বইয়ের দাম বাড়ল।".to_owned());
    let make = |start: usize| {
        let mut a =
            Annotation::new(&text, CharRange::new(start, start + 2), Timestamp::now()).unwrap();
        a.tags = vec!["প্রকাশনা".into()];
        a
    };
    let mut session = Session::in_memory();
    session.add_group(vec![make(5), make(12)]).unwrap();
    assert_eq!(session.set.len(), 2);
    assert!(session.undo().unwrap());
    assert_eq!(session.set.len(), 0, "both went in one step");
    // Annotations written while the article was not open are in the set already:
    // the group leaves the set as it is and makes them one undo step.
    let written = make(5);
    session.set.upsert(written.clone());
    session.add_group(vec![written]).unwrap();
    assert_eq!(session.set.len(), 1);
    assert!(session.undo().unwrap());
    assert!(session.set.is_empty());
}

/// An article with a sidecar folder, opened twice (two windows, or a colleague's copy).
fn opened_twice() -> (tempfile::TempDir, PathBuf, Arc<Article>, Session, Session) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "শিরোনাম\n\nকোরিয়ার রাষ্ট্রীয় গণমাধ্যম।\n").unwrap();
    let article = Arc::new(crate::article::load(&path).unwrap());
    let (mine, _) = Session::open(&path, &article);
    let (theirs, _) = Session::open(&path, &article);
    (dir, path, article, mine, theirs)
}

fn highlight(session: &mut Session, article: &Article, start: usize) -> AnnotationId {
    let range = CharRange::new(start, start + 4);
    session
        .add(article, range, Color::HIGHLIGHT, Vec::new(), "")
        .unwrap()
}

fn ids_on_disk(path: &Path) -> Vec<AnnotationId> {
    let (file, _) = store::read_sidecar_file(&store::sidecar_path(path)).unwrap();
    let mut ids: Vec<_> = file.annotations.iter().map(|a| a.id).collect();
    ids.sort();
    ids
}

#[test]
fn a_background_save_writes_the_file_and_reports_saved_once_taken_over() {
    let (_dir, path, article, mut session, _) = opened_twice();
    let first = highlight(&mut session, &article, 9);
    std::thread::sleep(AUTOSAVE_DELAY + Duration::from_millis(20));
    assert_eq!(session.autosave_in_background(&article), None);
    assert!(session.is_saving(), "the write went to a thread");
    assert_eq!(session.save_state(), SaveState::Unsaved);
    // A second edit while the first save runs is not part of it.
    let second = highlight(&mut session, &article, 14);
    let deadline = Instant::now() + Duration::from_secs(10);
    while session.is_saving() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(session.autosave_in_background(&article), None);
    }
    assert_eq!(ids_on_disk(&path), [first]);
    assert_eq!(
        session.save_state(),
        SaveState::Unsaved,
        "the second edit waits"
    );
    assert_eq!(session.autosave(&article, true), None);
    assert_eq!(session.save_state(), SaveState::Saved);
    let mut both = vec![first, second];
    both.sort();
    assert_eq!(ids_on_disk(&path), both);
}

/// A background save that merged someone else's changes while this session went on
/// editing must not let the next save write over what came from elsewhere.
#[test]
fn changes_from_elsewhere_survive_a_background_save_overtaken_by_edits() {
    let (_dir, path, article, mut mine, mut theirs) = opened_twice();
    let their_id = highlight(&mut theirs, &article, 20);
    assert_eq!(theirs.autosave(&article, true), None);
    let first = highlight(&mut mine, &article, 9);
    std::thread::sleep(AUTOSAVE_DELAY + Duration::from_millis(20));
    assert_eq!(mine.autosave_in_background(&article), None);
    assert!(mine.is_saving());
    let second = highlight(&mut mine, &article, 14);
    // Waits for the background save (which merged theirs), then saves the second
    // edit, merging again.
    let notice = mine.autosave(&article, true).unwrap_or_default();
    assert!(notice.contains("merged"), "{notice}");
    let mut all = vec![first, second, their_id];
    all.sort();
    assert_eq!(ids_on_disk(&path), all);
    let mut shown: Vec<_> = mine.set.iter().map(|a| a.id).collect();
    shown.sort();
    assert_eq!(shown, all, "the merge is shown too");
    assert_eq!(mine.save_state(), SaveState::Saved);
}
