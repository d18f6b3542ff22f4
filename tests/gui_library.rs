//! The library in the real app: a folder opened as a list of articles, the corpus
//! search as a concordance, passages by code, and going through the articles with
//! Alt+↓ — driven with clicks on AccessKit nodes and key presses.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use pathok::annotate::{Codebook, Color, Tag};

use common::App;

/// Three articles (titles on their first line), the word বই in the first once and in
/// the second twice (once inside বইয়ের), and a codebook of one tag.
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    // A fixed name: the panel shows it (and the snapshot with it).
    let dir = tmp.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    let files = [
        ("ক-শিক্ষা.txt", "শিক্ষার খবর\n\nনতুন বই এল স্কুলে।\n"),
        (
            "খ-বাজার.txt",
            "বাজারের খবর\n\nমেলায় এবার বই বিক্রি বেড়েছে, বইয়ের দামও।\n",
        ),
        ("গ-ঢাকা.txt", "ঢাকার খবর\n\nআজ ঢাকায় বৃষ্টি হতে পারে।\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let codebook = Codebook {
        tags: vec![Tag {
            name: "প্রকাশনা".into(),
            color: Color([0x7f, 0xb8, 0xf0]),
            description: String::new(),
        }],
    };
    pathok::store::save_codebook(&dir.join("codebook.ron"), &codebook).unwrap();
    (tmp, dir)
}

/// The app on `path` (see [`common::app_with_max_steps`]).
fn app(path: Option<PathBuf>) -> App {
    common::app_with_max_steps(path, 32)
}

/// Run frames until `done` holds (background work answers within a few seconds).
fn wait(h: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    for _ in 0..600 {
        if done(h) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    panic!("timed out waiting for {what}");
}

fn library_idle(h: &App) -> bool {
    h.state()
        .library()
        .is_some_and(|l| !l.is_busy() && !l.library().rows.is_empty())
}

fn open_path(h: &App) -> PathBuf {
    h.state().article().origin.path().unwrap().to_owned()
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn a_folder_lists_its_articles_searches_codes_a_hit_and_steps_to_the_next() {
    let (_tmp, dir) = corpus();
    let mut h = app(Some(dir));
    wait(&mut h, "the scan", library_idle);
    h.run();
    for title in ["শিক্ষার খবর", "বাজারের খবর", "ঢাকার খবর"]
    {
        h.get_by_label(title);
    }
    assert_eq!(h.state().library().unwrap().library().rows.len(), 3);

    // Ctrl+Shift+F puts the keyboard in the query: type as a keyboard does.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run();
    for c in "বই".chars() {
        h.event(egui::Event::Text(c.to_string()));
        h.step();
    }
    h.key_press(Key::Enter);
    h.run();
    wait(&mut h, "the search", library_idle);
    h.run();
    // বই, then বই and বইয়ের (substring): three hits, in two articles.
    h.get_by_label_contains("3 hits in 2 articles");
    // The folder's first article took the sample's place; the second hit is in the
    // second article.
    assert_eq!(file_name(&open_path(&h)), "ক-শিক্ষা.txt");
    h.get_by_label_contains("hit 2 of 3").click();
    h.run();
    assert_eq!(file_name(&open_path(&h)), "খ-বাজার.txt");
    let selected = h.state().reader().selection().expect("the hit is selected");
    let text = &h.state().article().text;
    assert_eq!(text.slice(selected), "বই");
    let first = text.as_str().find("বই").unwrap();
    assert_eq!(
        text.as_str()[..first].chars().count(),
        selected.start.0,
        "the article's first hit is selected"
    );

    // The keyboard is in the reader: 1 tags the hit at once.
    h.key_press(Key::Num1);
    h.run();
    let tagged: Vec<_> = h
        .state()
        .session()
        .set
        .iter()
        .map(|a| a.tags.clone())
        .collect();
    assert_eq!(tagged, [vec!["প্রকাশনা".to_owned()]]);

    // It is under "passages by code" (the list learns of the new tag once saved).
    // The side panel, which also names the tag and the passage, is hidden.
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run();
    h.get_by_label("Passages").click();
    h.run();
    wait(&mut h, "the tag in the list", |h| {
        h.state()
            .library()
            .unwrap()
            .library()
            .rows
            .iter()
            .any(|r| !r.tags.is_empty())
    });
    h.run();
    h.get_by_label("প্রকাশনা").click();
    h.run();
    wait(&mut h, "the passages", library_idle);
    h.run();
    h.get_by_label_contains("1 passage in 1 article");
    h.get_by_label("বই");
    let shown = h.state().library().unwrap().passages().shown();
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "বই");
    // Clicking the passage selects its annotation in the reader (Esc first clears
    // what the tag key left selected).
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().session().selected, None);
    h.get_by_label("বাজারের খবর").click();
    h.run();
    let id = h.state().session().set.iter().next().unwrap().id;
    assert_eq!(h.state().session().selected, Some(id));

    // Alt+↓: the next article in the list's order (by file name); Alt+↑ back.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    assert_eq!(file_name(&open_path(&h)), "গ-ঢাকা.txt");
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run();
    assert_eq!(file_name(&open_path(&h)), "খ-বাজার.txt");
}

#[test]
fn the_library_and_its_concordance_look_right() {
    let (_tmp, dir) = corpus();
    let mut h = app(Some(dir));
    wait(&mut h, "the scan", library_idle);
    search(&mut h, "খবর");
    h.get_by_label_contains("3 hits in 3 articles");
    h.snapshot("library_kwic");
}

/// Search বই in the library (Ctrl+Shift+F, type, Enter) and wait for the hits.
fn search(h: &mut App, query: &str) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run();
    for c in query.chars() {
        h.event(egui::Event::Text(c.to_string()));
        h.step();
    }
    h.key_press(Key::Enter);
    h.run();
    wait(h, "the search", library_idle);
    h.run();
}

/// The annotations in the sidecar of `article`, as on disk.
fn on_disk(article: &Path) -> usize {
    pathok::corpus::annotations(article)
        .unwrap()
        .map_or(0, |(_, sidecar)| sidecar.annotations.len())
}

#[test]
fn code_all_hits_tags_every_hit_after_a_confirmation_one_undo_step_per_article() {
    let (_tmp, dir) = corpus();
    let mut h = app(Some(dir.clone()));
    wait(&mut h, "the scan", library_idle);
    // The side panel also names the tag: hidden, so the tag's name is the list's.
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    search(&mut h, "বই");
    h.get_by_label("Tag").click();
    h.run();
    h.get_by_label("প্রকাশনা").click();
    h.run();
    h.get_by_label("Code all 3 hits…").click();
    h.run();
    h.get_by_label_contains("Tag 3 passages in 2 articles with “প্রকাশনা”?");
    h.get_by_label("Code them").click();
    h.run();
    // The open article through its session, the other through its sidecar.
    assert_eq!(file_name(&open_path(&h)), "ক-শিক্ষা.txt");
    assert_eq!(h.state().session().set.len(), 1);
    let other = dir.join("খ-বাজার.txt");
    assert_eq!(on_disk(&other), 2);
    let tags: Vec<_> = pathok::corpus::annotations(&other)
        .unwrap()
        .unwrap()
        .1
        .annotations
        .iter()
        .map(|a| (a.quote.clone(), a.tags.clone(), a.author.clone()))
        .collect();
    assert!(
        tags.iter()
            .all(|(_, t, who)| t == &["প্রকাশনা".to_owned()] && who == "tester"),
        "{tags:?}"
    );

    // Once more: nothing is added twice.
    h.get_by_label("Code all 3 hits…").click();
    h.run();
    h.get_by_label("Code them").click();
    h.run();
    assert_eq!(h.state().session().set.len(), 1);
    assert_eq!(on_disk(&other), 2);

    // Undo: one step in the open article…
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session().set.len(), 0);
    // …and one in the other, once it is open.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    assert_eq!(file_name(&open_path(&h)), "খ-বাজার.txt");
    assert_eq!(h.state().session().set.len(), 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session().set.len(), 0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(on_disk(&other), 0);
}

#[test]
fn files_that_cannot_be_read_and_sidecars_without_article_are_listed_with_their_reason() {
    let (_tmp, dir) = corpus();
    std::fs::write(dir.join("ঘ-ভাঙা.txt"), b"\x00\x01\x02 binary \x00\xff").unwrap();
    // An article with a sidecar, then the article deleted.
    let gone = dir.join("ঙ-মুছে.txt");
    std::fs::write(&gone, "মুছে যাওয়া খবর\n\nএই খবরটি আর নেই।\n").unwrap();
    let article = pathok::article::load(&gone).unwrap();
    let (mut sidecar, _) = pathok::store::Sidecar::open(&gone, &article).unwrap();
    let mut a = pathok::annotate::Annotation::new(
        &article.text,
        pathok::text::CharRange::new(0, 4),
        pathok::annotate::Timestamp::now(),
    )
    .unwrap();
    a.tags = vec!["প্রকাশনা".into()];
    sidecar.annotations.upsert(a);
    sidecar.save(&article.text).unwrap();
    std::fs::remove_file(&gone).unwrap();

    let mut h = app(Some(dir));
    wait(&mut h, "the scan", library_idle);
    h.run();
    h.get_by_label_contains("binary");
    h.get_by_label_contains("the sidecar's article is missing");
    // The three good articles are there too, and stepping skips the bad rows.
    h.get_by_label("ঢাকার খবর");
    assert_eq!(h.state().library().unwrap().library().rows.len(), 5);
    for _ in 0..4 {
        h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
        h.run();
    }
    assert_eq!(file_name(&open_path(&h)), "গ-ঢাকা.txt");
    assert!(
        h.state().messages().is_empty(),
        "{:?}",
        h.state().messages()
    );
}

/// A folder dropped from the desktop, as the window system hands it to egui.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        Err("a folder".to_owned())
    }
}

#[test]
fn a_folder_dropped_on_the_window_opens_as_the_library_and_is_remembered() {
    let (_tmp, dir) = corpus();
    let mut h = app(None);
    assert!(h.state().library().is_none());
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(dir.clone())));
    h.run();
    wait(&mut h, "the scan", library_idle);
    h.run();
    h.get_by_label("বাজারের খবর");
    let remembered = &h.state().settings().recent_folders;
    assert_eq!(remembered, &[dir.canonicalize().unwrap()]);
}

/// A fast typist: the first key after Ctrl+Shift+F comes in the very next frame,
/// before the search view has been drawn with the focus. It must land in the query.
#[test]
fn the_first_key_after_ctrl_shift_f_lands_in_the_query() {
    let (_tmp, dir) = corpus();
    let mut h = app(Some(dir));
    wait(&mut h, "the scan", library_idle);
    common::press_in_one_frame(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    for c in "খবর".chars() {
        h.event(egui::Event::Text(c.to_string()));
        h.step();
    }
    h.run();
    let query = h.state().library().unwrap().search().query();
    assert_eq!(query, "খবর");
}
