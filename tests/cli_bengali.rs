//! The command line in a Bengali locale: human messages in Bengali (with Bengali
//! digits), machine-readable output and exit codes exactly as in English.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

const ARTICLE: &str = "ঢাকায় আজ সকাল থেকে বৃষ্টি হচ্ছে। প্রধানমন্ত্রী বলেছেন, সবাই নিরাপদে থাকুন।\n";

/// `pathok` with only the POSIX locale variables naming the language.
fn pathok(dir: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pathok"))
        .env_remove("PATHOK_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let start = ARTICLE.chars().take_while(|c| *c != 'ব').count();
    let quote = "বৃষ্টি";
    let record = serde_json::json!({
        "article": "a.txt",
        "start": start,
        "end": start + quote.chars().count(),
        "quote": quote,
        "tags": ["আবহাওয়া"],
        "author": "rina",
    });
    std::fs::write(dir.path().join("in.jsonl"), format!("{record}\n")).unwrap();
    let out = pathok(
        dir.path(),
        "C",
        &["import", "--format", "jsonl", "in.jsonl"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

#[test]
fn check_speaks_bengali_in_a_bengali_locale_and_english_in_c() {
    let dir = fixture();
    let bn = pathok(dir.path(), "bn_BD.UTF-8", &["check", "a.txt"]);
    let en = pathok(dir.path(), "C", &["check", "a.txt"]);
    assert_eq!(bn.status.code(), en.status.code());
    let bn = String::from_utf8(bn.stdout).unwrap();
    let en = String::from_utf8(en.stdout).unwrap();
    assert_eq!(en, "a.txt.annotations.ron: 1 annotation(s)\n");
    assert_eq!(bn, "a.txt.annotations.ron: ১টি টীকা\n");

    // A problem: the article is gone; Bengali message, the same exit code.
    std::fs::remove_file(dir.path().join("a.txt")).unwrap();
    let bn = pathok(dir.path(), "bn_IN", &["check", "a.txt.annotations.ron"]);
    let en = pathok(
        dir.path(),
        "en_GB.UTF-8",
        &["check", "a.txt.annotations.ron"],
    );
    assert_eq!(bn.status.code(), Some(1));
    assert_eq!(en.status.code(), Some(1));
    let bn = String::from_utf8(bn.stderr).unwrap();
    assert!(bn.contains("অজানা নিবন্ধ"), "{bn}");
    assert!(bn.contains("১টি সমস্যা"), "{bn}");
    assert!(
        String::from_utf8(en.stderr)
            .unwrap()
            .contains("unknown article")
    );
}

#[test]
fn machine_readable_output_is_the_same_in_every_language() {
    let dir = fixture();
    for args in [
        &["export", "--format", "jsonl", "a.txt"][..],
        &["export", "--format", "csv", "a.txt"],
        &["stats", "--format", "json", "a.txt"],
        &["search", "--format", "jsonl", "বৃষ্টি", "a.txt"],
        // One coder: the figures are undefined, and their reasons are data here.
        &["agreement", "--format", "json", "a.txt"],
        &["agreement", "--format", "csv", "a.txt"],
    ] {
        let bn = pathok(dir.path(), "bn_BD.UTF-8", args);
        let en = pathok(dir.path(), "C", args);
        assert!(en.status.success(), "{args:?}");
        assert_eq!(bn.status.code(), en.status.code(), "{args:?}");
        assert!(!en.stdout.is_empty(), "{args:?}");
        assert_eq!(
            bn.stdout, en.stdout,
            "{args:?}: the output changed with the language"
        );
    }
}

#[test]
fn pathok_lang_overrides_the_locale() {
    let dir = fixture();
    let out = Command::new(env!("CARGO_BIN_EXE_pathok"))
        .env("LC_ALL", "C")
        .env("PATHOK_LANG", "bn")
        .args(["check", "a.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "a.txt.annotations.ron: ১টি টীকা\n"
    );
}

#[test]
fn an_import_refusal_gives_its_reason_and_line_in_bengali_and_the_same_exit_code() {
    let dir = fixture();
    let len = ARTICLE.chars().count();
    let good = serde_json::json!({"article": "a.txt", "start": 0, "end": 5, "tags": ["x"]});
    let bad = serde_json::json!({"article": "a.txt", "start": 3, "end": len + 7, "tags": ["x"]});
    std::fs::write(dir.path().join("bad.jsonl"), format!("{good}\n{bad}\n")).unwrap();
    let args = ["import", "--format", "jsonl", "bad.jsonl"];
    let bn = pathok(dir.path(), "bn_BD.UTF-8", &args);
    let en = pathok(dir.path(), "C", &args);
    assert_eq!(en.status.code(), Some(1));
    assert_eq!(bn.status.code(), en.status.code());
    assert_eq!(bn.stdout, en.stdout);
    let en = String::from_utf8(en.stderr).unwrap();
    let bn = String::from_utf8(bn.stderr).unwrap();
    assert!(
        en.contains(&format!(
            "bad.jsonl:2: offsets 3..{} are out of range (the text has {len} code points)",
            len + 7
        )),
        "{en}"
    );
    let bengali = |n: usize| {
        pathok::i18n::digits_in(pathok::i18n::Language::Bengali, &n.to_string()).into_owned()
    };
    let want = format!(
        "bad.jsonl, লাইন ২: অফসেট ৩..{} সীমার বাইরে (লেখায় {}টি কোড পয়েন্ট আছে)",
        bengali(len + 7),
        bengali(len)
    );
    assert!(bn.contains(&want), "{bn}");
    assert!(!bn.contains("out of range"), "{bn}");
}

#[test]
fn a_failed_write_and_a_sidecar_of_another_kind_are_told_in_bengali() {
    let dir = fixture();
    // The folder's lock is a folder: taking it fails, and nothing is written.
    std::fs::create_dir(dir.path().join(".pathok.tmp-lock")).unwrap();
    let args = ["import", "--format", "jsonl", "in.jsonl"];
    let bn = pathok(dir.path(), "bn_BD.UTF-8", &args);
    let en = pathok(dir.path(), "C", &args);
    assert_ne!(en.status.code(), Some(0));
    assert_eq!(bn.status.code(), en.status.code());
    let en = String::from_utf8(en.stderr).unwrap();
    let bn = String::from_utf8(bn.stderr).unwrap();
    assert!(en.contains("lock failed ("), "{en}");
    assert!(bn.contains("ফোল্ডারের লক নেওয়া যায়নি ("), "{bn}");
    assert!(bn.contains(".pathok.tmp-lock"), "{bn}");
    std::fs::remove_dir(dir.path().join(".pathok.tmp-lock")).unwrap();

    std::fs::write(
        dir.path().join("a.txt.annotations.ron"),
        "(format: \"other\", version: 1)",
    )
    .unwrap();
    let bn = pathok(dir.path(), "bn_BD.UTF-8", &["check", "a.txt"]);
    let en = pathok(dir.path(), "C", &["check", "a.txt"]);
    assert_eq!(bn.status.code(), en.status.code());
    assert!(
        String::from_utf8(en.stderr)
            .unwrap()
            .contains("not a pathok-annotations file (format is \"other\"): a.txt.annotations.ron")
    );
    let bn = String::from_utf8(bn.stderr).unwrap();
    assert!(
        bn.contains("এটি pathok-annotations ফাইল নয় (ফরম্যাট \"other\"): a.txt.annotations.ron"),
        "{bn}"
    );
}

#[test]
fn the_corpus_search_and_the_agreement_give_their_own_errors_in_bengali() {
    let dir = fixture();
    let args = ["search", "--regex", "(", "a.txt"];
    let bn = pathok(dir.path(), "bn_BD.UTF-8", &args);
    let en = pathok(dir.path(), "C", &args);
    assert_eq!(en.status.code(), Some(2));
    assert_eq!(bn.status.code(), en.status.code());
    let bn = String::from_utf8(bn.stderr).unwrap();
    assert!(
        String::from_utf8(en.stderr)
            .unwrap()
            .contains("not a valid regular expression"),
    );
    assert!(bn.contains("বৈধ রেগুলার এক্সপ্রেশন নয় (১ নম্বর অক্ষরে"), "{bn}");

    std::fs::create_dir(dir.path().join("mine")).unwrap();
    std::fs::copy(dir.path().join("a.txt"), dir.path().join("mine/a.txt")).unwrap();
    let args = ["agreement", "--against", "mine", "mine"];
    let bn = pathok(dir.path(), "bn_BD.UTF-8", &args);
    let en = pathok(dir.path(), "C", &args);
    assert!(!en.status.success());
    assert_eq!(bn.status.code(), en.status.code());
    assert!(
        String::from_utf8(en.stderr)
            .unwrap()
            .contains("cannot tell the two copies apart: both are \"mine\"")
    );
    let bn = String::from_utf8(bn.stderr).unwrap();
    assert!(
        bn.contains("দুটি কপি আলাদা করে চেনা যাচ্ছে না: দুটিই \"mine\""),
        "{bn}"
    );
}

#[test]
fn stats_as_text_speaks_bengali_with_bengali_digits_and_json_does_not_change() {
    let dir = fixture();
    let bn = pathok(dir.path(), "bn_BD.UTF-8", &["stats", "a.txt"]);
    let en = pathok(dir.path(), "C", &["stats", "a.txt"]);
    assert!(en.status.success());
    assert_eq!(bn.status.code(), en.status.code());
    let en = String::from_utf8(en.stdout).unwrap();
    let bn = String::from_utf8(bn.stdout).unwrap();
    assert!(
        en.starts_with("1 article(s), 1 annotation(s), 1 tag(s)\n"),
        "{en}"
    );
    assert!(en.contains("by coder") && en.contains("rina 1"), "{en}");
    assert!(bn.starts_with("১টি নিবন্ধ, ১টি টীকা, ১টি ট্যাগ\n"), "{bn}");
    assert!(bn.contains("কোডার অনুযায়ী"), "{bn}");
    assert!(bn.contains("rina ১"), "{bn}");
    assert!(bn.contains("সহ-উপস্থিতি:"), "{bn}");
    assert!(!bn.chars().any(|c| c.is_ascii_digit()), "{bn}");
}

#[test]
fn why_an_agreement_figure_is_missing_is_told_in_bengali_and_kept_in_english_in_json() {
    let dir = fixture();
    let args = ["agreement", "--format", "json", "a.txt"];
    let bn = pathok(dir.path(), "bn_BD.UTF-8", &args);
    let en = pathok(dir.path(), "C", &args);
    assert_eq!(bn.status.code(), en.status.code());
    let json: serde_json::Value = serde_json::from_slice(&bn.stdout).unwrap();
    assert_eq!(
        json["reasons"]["alpha_u"],
        "agreement needs two or more coders; only \"rina\" found"
    );
    assert!(
        String::from_utf8(en.stderr)
            .unwrap()
            .contains("no overall figure: agreement needs two or more coders; only \"rina\" found")
    );
    let bn = String::from_utf8(bn.stderr).unwrap();
    assert!(
        bn.contains(
            "সামগ্রিক কোনো পরিসংখ্যান নেই: তুলনার জন্য দুই বা তার বেশি কোডার লাগে; শুধু \"rina\" পাওয়া গেছে"
        ),
        "{bn}"
    );
}

#[test]
fn check_tells_why_an_annotation_was_not_found_again_in_bengali() {
    let dir = fixture();
    std::fs::write(
        dir.path().join("a.txt"),
        "ঢাকায় আজ সকাল থেকে রোদ। প্রধানমন্ত্রী বলেছেন, সবাই নিরাপদে থাকুন।\n",
    )
    .unwrap();
    let bn = pathok(dir.path(), "bn_BD.UTF-8", &["check", "a.txt"]);
    let en = pathok(dir.path(), "C", &["check", "a.txt"]);
    assert_eq!(bn.status.code(), en.status.code());
    let en = String::from_utf8(en.stderr).unwrap();
    let bn = String::from_utf8(bn.stderr).unwrap();
    assert!(en.contains("quote not found"), "{en}");
    assert!(bn.contains("উদ্ধৃতিটি পাওয়া যায়নি"), "{bn}");
    assert!(!bn.contains("quote not found"), "{bn}");
}
