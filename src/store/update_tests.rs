use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier};

use super::*;
use crate::annotate::{Annotation, Color, Edit, History, Timestamp};
use crate::store::{LOCK_FILE, Sidecar, StoreError, sidecar_path, to_ron};
use crate::text::CharRange;

/// Forty words, so forty writers can each annotate their own.
fn words() -> Vec<String> {
    (0..40).map(|i| format!("শব্দ{i}")).collect()
}

fn article_in(dir: &Path) -> (PathBuf, Article) {
    let path = dir.join("a.txt");
    std::fs::write(&path, words().join(" ")).unwrap();
    let article = crate::article::load(&path).unwrap();
    (path, article)
}

fn range_of(article: &Article, word: &str) -> CharRange {
    let text = article.text.as_str();
    let byte = text
        .find(&format!("{word} "))
        .or_else(|| text.rfind(word))
        .unwrap();
    let start = text[..byte].chars().count();
    CharRange::new(start, start + word.chars().count())
}

fn annotation(article: &Article, word: &str) -> Annotation {
    let mut a = Annotation::new(&article.text, range_of(article, word), Timestamp::now()).unwrap();
    a.tags = vec![word.to_owned()];
    a
}

fn quotes_on_disk(path: &Path, article: &Article) -> Vec<String> {
    let (sidecar, _) = Sidecar::open(path, article).unwrap();
    let mut quotes: Vec<String> = sidecar
        .annotations
        .iter()
        .map(|a| a.quote.clone())
        .collect();
    quotes.sort();
    quotes
}

/// Files in `dir` other than the article and its sidecar.
fn litter(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "a.txt" && n != "a.txt.annotations.ron")
        .collect()
}

#[test]
fn concurrent_imports_and_sessions_in_threads_lose_nothing() {
    // 25 trials × 4 writers: two import-like updates and two editing sessions (opened
    // before the others write) each add their own annotation at the same moment.
    for trial in 0..25 {
        let dir = tempfile::tempdir().unwrap();
        let (path, article) = article_in(dir.path());
        let article = Arc::new(article);
        let start = Arc::new(Barrier::new(4));
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let (path, article, start) =
                    (path.clone(), Arc::clone(&article), Arc::clone(&start));
                std::thread::spawn(move || {
                    let word = format!("শব্দ{}", w * 10 + trial % 10);
                    if w < 2 {
                        start.wait();
                        update_sidecars(&[(path.as_path(), article.as_ref())], |_, s| {
                            s.annotations.upsert(annotation(&article, &word));
                            Ok::<(), StoreError>(())
                        })
                        .unwrap();
                    } else {
                        let (mut session, _) = Sidecar::open(&path, &article).unwrap();
                        start.wait();
                        let now = Timestamp::now();
                        let e = Edit::add(
                            &article.text,
                            range_of(&article, &word),
                            Color::HIGHLIGHT,
                            vec![word.clone()],
                            "",
                            now,
                        );
                        History::default()
                            .apply(&mut session.annotations, e.unwrap(), now)
                            .unwrap();
                        session.save(&article.text).unwrap();
                    }
                    word
                })
            })
            .collect();
        let mut expected: Vec<String> = writers.into_iter().map(|w| w.join().unwrap()).collect();
        expected.sort();
        assert_eq!(quotes_on_disk(&path, &article), expected, "trial {trial}");
        assert!(litter(dir.path()).is_empty(), "{:?}", litter(dir.path()));
    }
}

#[test]
fn temp_files_of_killed_writes_are_removed_by_the_next_write_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let (path, article) = article_in(dir.path());
    let stale = [
        ".a.txt.annotations.ron.tmp-4194304",
        ".b.md.annotations.ron.tmp-17",
        ".codebook.ron.tmp-99",
    ];
    let kept = [
        ".notes.txt.tmp-12",
        ".a.txt.annotations.ron.tmp-x1",
        "report.csv",
    ];
    for name in stale.iter().chain(&kept) {
        std::fs::write(dir.path().join(name), "half a file").unwrap();
    }
    update_sidecars(&[(path.as_path(), &article)], |_, s| {
        s.annotations.upsert(annotation(&article, "শব্দ1"));
        Ok::<(), StoreError>(())
    })
    .unwrap();
    let mut left = litter(dir.path());
    left.sort();
    let mut expected: Vec<String> = kept.iter().map(|s| (*s).to_owned()).collect();
    expected.sort();
    assert_eq!(left, expected);
}

#[cfg(unix)]
#[test]
fn a_symlinked_sidecar_is_written_through_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let (path, article) = article_in(dir.path());
    let add = |word: &str| {
        update_sidecars(&[(path.as_path(), &article)], |_, s| {
            s.annotations.upsert(annotation(&article, word));
            Ok::<(), StoreError>(())
        })
    };
    let link = sidecar_path(&path);
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    // A link that leads nowhere (an unmounted share?) is refused, not written.
    std::os::unix::fs::symlink("shared/a.ron", &link).unwrap();
    let err = add("শব্দ0").unwrap_err();
    assert!(err.to_string().contains("broken symbolic link"), "{err}");
    assert!(Sidecar::open(&path, &article).is_err());
    assert!(!shared.join("a.ron").exists());
    // The sidecar kept in the shared folder, linked from next to the article.
    std::fs::remove_file(&link).unwrap();
    add("শব্দ0").unwrap();
    std::fs::rename(&link, shared.join("a.ron")).unwrap();
    std::os::unix::fs::symlink("shared/a.ron", &link).unwrap();
    for word in ["শব্দ1", "শব্দ2"] {
        add(word).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
    assert_eq!(quotes_on_disk(&path, &article), ["শব্দ0", "শব্দ1", "শব্দ2"]);
    let target = std::fs::read_to_string(shared.join("a.ron")).unwrap();
    assert!(target.contains("শব্দ2"));
    // No temp or lock file stays in either folder.
    assert!(litter(dir.path()).iter().all(|n| n == "shared"));
    assert_eq!(std::fs::read_dir(&shared).unwrap().count(), 1);
}

#[test]
fn a_sidecar_saved_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let (path, article) = article_in(dir.path());
    update_sidecars(&[(path.as_path(), &article)], |_, s| {
        s.annotations.upsert(annotation(&article, "শব্দ3"));
        Ok::<(), StoreError>(())
    })
    .unwrap();
    let file = sidecar_path(&path);
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend(std::fs::read(&file).unwrap());
    std::fs::write(&file, with_bom).unwrap();
    assert_eq!(quotes_on_disk(&path, &article), ["শব্দ3"]);
}

#[test]
fn duplicate_ids_are_kept_as_two_annotations_and_written_back_renumbered() {
    let dir = tempfile::tempdir().unwrap();
    let (path, article) = article_in(dir.path());
    let first = annotation(&article, "শব্দ1");
    let mut second = annotation(&article, "শব্দ2");
    second.id = first.id;
    let mut file = crate::store::SidecarFile::new(Default::default());
    file.annotations = vec![first.clone(), second];
    std::fs::write(sidecar_path(&path), to_ron(&file).unwrap()).unwrap();

    let (sidecar, _) = Sidecar::open(&path, &article).unwrap();
    assert_eq!(sidecar.annotations.len(), 2);
    assert_eq!(sidecar.renumbered.len(), 1);
    assert_eq!(sidecar.renumbered[0].old, first.id);
    assert_eq!(sidecar.renumbered[0].quote, "শব্দ2");
    assert!(sidecar.stale_on_disk());
    // Any write keeps both, the second under its new id.
    update_sidecars(&[(path.as_path(), &article)], |_, _| {
        Ok::<(), StoreError>(())
    })
    .unwrap();
    let (again, _) = Sidecar::open(&path, &article).unwrap();
    assert!(again.renumbered.is_empty());
    assert_eq!(again.annotations.len(), 2);
    assert!(again.annotations.get(first.id).is_some());
    assert!(again.annotations.get(sidecar.renumbered[0].new).is_some());
}

#[test]
fn a_failed_change_writes_nothing_and_leaves_no_lock() {
    let dir = tempfile::tempdir().unwrap();
    let (path, article) = article_in(dir.path());
    let result = update_sidecars(&[(path.as_path(), &article)], |_, s| {
        s.annotations.upsert(annotation(&article, "শব্দ1"));
        Err(StoreError::UnknownTag {
            path: path.clone(),
            name: "x".into(),
        })
    });
    assert!(result.is_err());
    assert!(!sidecar_path(&path).exists());
    assert!(!dir.path().join(LOCK_FILE).exists());
}
