//! `cd corpus && pathok a.txt`: an article opened by a relative path must work like
//! one opened by an absolute path — the codebook, "Count in folder", renaming a tag
//! everywhere, "Export ▸ This folder" and imports.
//!
//! Each test runs its body in a child process whose working directory is a fresh
//! corpus folder: the test binary runs itself again with `--exact NAME` and
//! `PATHOK_TEST_CORPUS` set, and the child, seeing it, runs the body. No test changes
//! the working directory of the (multi-threaded) test process.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pathok::annotate::{Codebook, Color, Tag};
use pathok::session::Session;
use pathok::ui::PathokApp;

const CHILD: &str = "PATHOK_TEST_CORPUS";

/// A corpus of two articles, each with one annotation tagged "সমালোচনা", and a
/// codebook of two tags.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let codebook = Codebook {
        tags: vec![
            Tag {
                name: "সমালোচনা".into(),
                color: Color([0xf4, 0x9a, 0xc1]),
                description: String::new(),
            },
            Tag::named("স্থান"),
        ],
    };
    pathok::store::save_codebook(&dir.path().join("codebook.ron"), &codebook).unwrap();
    for (name, text) in [
        ("a.txt", "প্রথম\n\nসরকার বলেছে, সব ঠিক আছে।\n"),
        ("b.txt", "দ্বিতীয়\n\nবিরোধীরা বলেছে, কিছুই ঠিক নেই।\n"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let article = pathok::article::load(&path).unwrap();
        let (mut session, _) = Session::open(&path, &article);
        let range = pathok::text::CharRange::new(7, 12);
        session
            .add(
                &article,
                range,
                Color::HIGHLIGHT,
                vec!["সমালোচনা".into()],
                "t",
            )
            .unwrap();
        assert_eq!(session.autosave(&article, true), None);
    }
    dir
}

/// Run `body` in a child process started in a fresh corpus folder (see the module
/// documentation); in the child, run it.
fn in_corpus(name: &str, body: impl FnOnce()) {
    if std::env::var_os(CHILD).is_some() {
        body();
        return;
    }
    let dir = corpus();
    let out = Command::new(std::env::current_exe().unwrap())
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, "1")
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("1 passed"),
        "the child ran the test: {stdout}"
    );
}

fn tags_on_disk(article: &str) -> Vec<String> {
    let sidecar = pathok::store::sidecar_path(Path::new(article));
    let (file, _) = pathok::store::read_sidecar_file(&sidecar).unwrap();
    file.annotations
        .iter()
        .flat_map(|a| a.tags.clone())
        .collect()
}

#[test]
fn the_store_and_the_session_take_bare_file_names() {
    in_corpus("the_store_and_the_session_take_bare_file_names", || {
        let article = pathok::article::load(Path::new("a.txt")).unwrap();
        let (session, notices) = Session::open(Path::new("a.txt"), &article);
        assert!(notices.is_empty(), "{notices:?}");
        let (counts, problems) = session.folder_tag_counts();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(counts.get("সমালোচনা"), Some(&2), "each article once");

        let codebook = pathok::store::find_codebook(Path::new("a.txt")).unwrap();
        let report = pathok::store::rename_tag(&codebook, "সমালোচনা", "সমালোচনা-২").unwrap();
        assert_eq!(report.annotations, 2);
        assert_eq!(tags_on_disk("b.txt"), ["সমালোচনা-২"]);
    });
}

/// The app as `pathok a.txt` starts it.
fn app() -> Harness<'static, PathokApp> {
    common::app(Some(PathBuf::from("a.txt")))
}

/// Step until `done` holds (exports and counts may run on worker threads).
fn wait_for(
    h: &mut Harness<'static, PathokApp>,
    done: impl Fn(&Harness<'static, PathokApp>) -> bool,
) {
    for _ in 0..600 {
        if done(h) {
            return;
        }
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("timed out");
}

#[test]
fn every_folder_operation_works_on_an_article_opened_by_a_relative_path() {
    in_corpus(
        "every_folder_operation_works_on_an_article_opened_by_a_relative_path",
        || {
            let mut h = app();
            assert_eq!(
                h.state().article().title,
                "প্রথম",
                "{:?}",
                h.state().messages()
            );
            let folder = std::env::current_dir().unwrap();

            // Codebook ▸ Count in folder.
            h.get_by_label_contains("Codebook (").click();
            h.run();
            h.get_by_label("Count in folder").click();
            h.run();
            assert!(
                h.query_by_label_contains("unreadable").is_none(),
                "every sidecar of the folder was read"
            );
            h.get_by_label("1 / 2");

            // Codebook ▸ Rename, everywhere.
            h.get_all_by_label("Rename").next().unwrap().click();
            h.run();
            h.key_press_modifiers(Modifiers::COMMAND, Key::A);
            h.event(egui::Event::Text("নিন্দা".into()));
            h.key_press(Key::Enter);
            h.run();
            assert_eq!(
                tags_on_disk("b.txt"),
                ["নিন্দা"],
                "{:?}",
                h.state().messages()
            );
            assert_eq!(tags_on_disk("a.txt"), ["নিন্দা"]);

            // Export ▸ This folder.
            h.key_press_modifiers(Modifiers::COMMAND, Key::E);
            h.run();
            h.get_by_label("This folder").click();
            h.run();
            let out = PathBuf::from(h.state().export_dialog().unwrap().output());
            assert_eq!(out, folder.join("pathok-export-annotations.csv"));
            h.get_by_label("Export").click();
            wait_for(&mut h, |h| {
                h.state()
                    .export_dialog()
                    .is_some_and(|d| d.result().is_some())
            });
            let summary = h.state().export_dialog().unwrap().result().unwrap();
            let summary = summary.as_ref().expect("the folder was exported");
            assert_eq!((summary.articles, summary.annotations), (2, 2));
            h.get_by_label("Close").click();
            h.run();

            // File ▸ Import…: the prompt starts in the article's folder, and a bare
            // file name is taken there.
            std::fs::write(
                "pred.jsonl",
                format!(
                    "{{\"article\": {:?}, \"start\": 7, \"end\": 12, \"tags\": [\"স্থান\"]}}\n",
                    folder.join("a.txt").display().to_string()
                ),
            )
            .unwrap();
            h.get_by_label("File").click();
            h.run();
            h.get_by_label("Import…").click();
            h.run();
            let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "File");
            assert_eq!(
                field.value().as_deref(),
                Some(format!("{}/", folder.display()).as_str()),
                "the prompt starts in the article's folder, not at /"
            );
            field.click();
            h.run();
            h.key_press_modifiers(Modifiers::COMMAND, Key::A);
            h.event(egui::Event::Text("pred.jsonl".into()));
            h.run();
            h.get_by_label("Import").click();
            h.run();
            assert_eq!(
                h.state().session().set.len(),
                2,
                "{:?}",
                h.state().messages()
            );
        },
    );
}
