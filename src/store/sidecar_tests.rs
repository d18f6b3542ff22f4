use std::path::{Path, PathBuf};

use super::*;
use crate::annotate::{AnchorOutcome, Color, Edit, History, Status, Timestamp};
use crate::store::{StoreError, keep_bad_sidecar, rename_tag, save_codebook};
use crate::text::CharRange;

const TEXT: &str = "ঢাকার আকাশে আজ মেঘ জমেছে।\nদুপুরের পর বৃষ্টি হতে পারে বলে জানিয়েছে আবহাওয়া অফিস।\n";

fn article_in(dir: &Path, text: &str) -> (PathBuf, Article) {
    let path = dir.join("news.txt");
    std::fs::write(&path, text).unwrap();
    let article = crate::article::load(&path).unwrap();
    (path, article)
}

fn add(sidecar: &mut Sidecar, article: &Article, range: CharRange, tag: &str) {
    let now = Timestamp::now();
    let e = Edit::add(
        &article.text,
        range,
        Color::HIGHLIGHT,
        vec![tag.into()],
        "",
        now,
    );
    History::default()
        .apply(&mut sidecar.annotations, e.unwrap(), now)
        .unwrap();
}

/// The char range of the first `word` in the article.
fn range_of(article: &Article, word: &str) -> CharRange {
    let text = article.text.as_str();
    let byte = text.find(word).unwrap();
    let start = text[..byte].chars().count();
    CharRange::new(start, start + word.chars().count())
}

fn quotes(s: &Sidecar) -> Vec<String> {
    s.annotations.iter().map(|a| a.quote.clone()).collect()
}

#[test]
fn saves_and_reopens_what_was_annotated() {
    let dir = tempfile::tempdir().unwrap();
    let (path, article) = article_in(dir.path(), TEXT);
    let (mut sidecar, report) = Sidecar::open(&path, &article).unwrap();
    assert!(report.outcomes.is_empty() && sidecar.annotations.is_empty());
    add(&mut sidecar, &article, range_of(&article, "মেঘ"), "আবহাওয়া");
    sidecar.annotations.article_note = "নোট".into();
    assert!(!sidecar.save(&article.text).unwrap().merged);
    assert!(dir.path().join("news.txt.annotations.ron").is_file());
    let (again, report) = Sidecar::open(&path, &article).unwrap();
    assert_eq!(quotes(&again), ["মেঘ"]);
    assert_eq!(again.annotations.article_note, "নোট");
    assert_eq!(again.tags.len(), 1);
    assert_eq!(report.outcomes[0].1, AnchorOutcome::Anchored);
}

#[test]
fn an_edited_article_reanchors_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let (path, article) = article_in(dir.path(), TEXT);
    let (mut sidecar, _) = Sidecar::open(&path, &article).unwrap();
    add(&mut sidecar, &article, range_of(&article, "মেঘ"), "t");
    sidecar.save(&article.text).unwrap();
    let (path, article) = article_in(dir.path(), &format!("শিরোনাম\n\n{TEXT}"));
    let (sidecar, report) = Sidecar::open(&path, &article).unwrap();
    assert!(matches!(report.outcomes[0].1, AnchorOutcome::Moved { .. }));
    let a = sidecar.annotations.iter().next().unwrap();
    assert_eq!(
        (a.status, article.text.slice(a.range())),
        (Status::Moved, "মেঘ")
    );
    assert_eq!(sidecar.article.sha256, article.sha256);
}

#[test]
fn two_writers_both_keep_their_work() {
    let dir = tempfile::tempdir().unwrap();
    let (path, article) = article_in(dir.path(), TEXT);
    let (mut first, _) = Sidecar::open(&path, &article).unwrap();
    add(&mut first, &article, range_of(&article, "ঢাকার"), "শুরু");
    add(&mut first, &article, range_of(&article, "আকাশে"), "x");
    first.save(&article.text).unwrap();

    // Two instances open the same sidecar and edit different annotations.
    let (mut a, _) = Sidecar::open(&path, &article).unwrap();
    let (mut b, _) = Sidecar::open(&path, &article).unwrap();
    let ids: Vec<_> = a.annotations.iter().map(|x| x.id).collect();
    let now = Timestamp::now();
    let e = Edit::edit_note(&a.annotations, ids[0], "A's note".into(), now).unwrap();
    a.annotations.apply(&e, now, false).unwrap();
    add(&mut a, &article, range_of(&article, "মেঘ"), "A");
    a.annotations.article_note = "A wrote this".into();
    assert!(!a.save(&article.text).unwrap().merged);

    let e = Edit::remove(&b.annotations, ids[1]).unwrap();
    b.annotations.apply(&e, Timestamp::now(), false).unwrap();
    add(&mut b, &article, range_of(&article, "বৃষ্টি"), "B");
    assert!(b.save(&article.text).unwrap().merged);

    let (result, _) = Sidecar::open(&path, &article).unwrap();
    assert_eq!(quotes(&result), ["ঢাকার", "মেঘ", "বৃষ্টি"]);
    assert_eq!(result.annotations.get(ids[0]).unwrap().note, "A's note");
    assert!(result.annotations.deleted_at(ids[1]).is_some());
    assert_eq!(result.annotations.article_note, "A wrote this");
    let tags: Vec<_> = result.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(tags, ["x", "শুরু", "A", "B"]);

    // A saves again with its stale copy: B's deletion is not undone.
    add(&mut a, &article, range_of(&article, "জমেছে"), "A");
    assert!(a.save(&article.text).unwrap().merged);
    let (result, _) = Sidecar::open(&path, &article).unwrap();
    assert_eq!(quotes(&result), ["ঢাকার", "মেঘ", "জমেছে", "বৃষ্টি"]);
}

#[test]
fn a_corrupt_sidecar_is_never_touched() {
    let dir = tempfile::tempdir().unwrap();
    let (path, article) = article_in(dir.path(), TEXT);
    let (mut healthy, _) = Sidecar::open(&path, &article).unwrap();
    add(&mut healthy, &article, range_of(&article, "মেঘ"), "t");
    healthy.save(&article.text).unwrap();
    let sidecar_file = dir.path().join("news.txt.annotations.ron");
    let good = std::fs::read(&sidecar_file).unwrap();
    let mut corrupt = good.clone();
    corrupt.truncate(good.len() / 2);
    corrupt.extend_from_slice(b"\xff garbage");
    std::fs::write(&sidecar_file, &corrupt).unwrap();
    let untouched = || assert_eq!(std::fs::read(&sidecar_file).unwrap(), corrupt);

    // Opening reports it…
    let err = Sidecar::open(&path, &article).unwrap_err();
    assert!(matches!(err, StoreError::Parse { .. }), "{err}");
    untouched();
    // …saving an instance opened before it broke refuses to overwrite it…
    add(&mut healthy, &article, range_of(&article, "ঢাকার"), "t");
    assert!(healthy.save(&article.text).is_err());
    untouched();
    // …and so does a codebook rename over the folder.
    let book = dir.path().join("codebook.ron");
    save_codebook(&book, &crate::annotate::Codebook::default()).unwrap();
    assert!(rename_tag(&book, "t", "u").is_err());
    untouched();
    // Only when asked is it moved aside, byte for byte, and a fresh one started.
    let kept = keep_bad_sidecar(&sidecar_file).unwrap();
    assert_eq!(std::fs::read(&kept).unwrap(), corrupt);
    assert!(kept.to_string_lossy().contains(".annotations.ron.bad-"));
    let (fresh, _) = Sidecar::open(&path, &article).unwrap();
    assert!(fresh.annotations.is_empty());
}

#[test]
fn a_newer_sidecar_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (path, article) = article_in(dir.path(), TEXT);
    let sidecar_file = dir.path().join("news.txt.annotations.ron");
    let newer = "(format: \"pathok-annotations\", version: 7, hologram: true)\n";
    std::fs::write(&sidecar_file, newer).unwrap();
    let err = Sidecar::open(&path, &article).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerVersion { found: 7, .. }),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&sidecar_file).unwrap(), newer);
}

#[test]
fn serialize_writes_what_to_ron_of_to_file_writes() {
    let dir = tempfile::tempdir().unwrap();
    let (path, article) = article_in(dir.path(), TEXT);
    let (mut sidecar, _) = Sidecar::open(&path, &article).unwrap();
    add(&mut sidecar, &article, range_of(&article, "বৃষ্টি"), "আবহাওয়া");
    add(&mut sidecar, &article, range_of(&article, "মেঘ"), "\"q\"\n");
    add(&mut sidecar, &article, range_of(&article, "ঢাকার"), "x");
    let id = sidecar.annotations.iter().next().unwrap().id;
    sidecar.annotations.delete(id, Timestamp::now());
    sidecar.annotations.article_note = "নোট\t\u{200d}".into();
    sidecar.add_missing_tags();
    let expected = crate::store::to_ron(&sidecar.to_file()).unwrap();
    assert_eq!(
        String::from_utf8(sidecar.serialize().unwrap()).unwrap(),
        expected
    );
    assert!(expected.contains("deleted: [\n"), "{expected}");
}
