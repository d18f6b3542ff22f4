//! A tricky article and its annotations, shared by the export tests: BOM, CRLF,
//! emoji, a flag, a math letter outside the BMP, ZWNJ, decomposed য় and ো written
//! as ে+া; tags with spaces, `_`, `%`, `;` and the name `Highlight`; notes with
//! newlines, tabs and HTML.

#![allow(dead_code)] // Each test binary uses part of the fixture.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// য় decomposed: য + nukta.
pub const YA: &str = "\u{9af}\u{9bc}";
/// ো written as ে + া.
pub const O: &str = "\u{9c7}\u{9be}";

/// The article as written on disk.
pub fn raw() -> String {
    format!(
        "\u{feff}শিরোনাম: ঢাকা{YA} বৃষ্টি\r\nআমার ব{O}ন 🇧🇩 দেখে 😀 বলল, “𝒜 হলো গণিতের অক্ষর”।\r\n\
         র\u{200c}্যাব আর {YA}ে পড়ুন <b>&amp;</b>\r\nশেষ লাইন\r\n"
    )
}

/// The canonical text: BOM dropped, CRLF → LF.
pub fn canonical() -> String {
    raw().trim_start_matches('\u{feff}').replace("\r\n", "\n")
}

/// Code-point span of the first `word` in the canonical text.
pub fn span(word: &str) -> (usize, usize) {
    let text = canonical();
    let byte = text
        .find(word)
        .unwrap_or_else(|| panic!("{word:?} in text"));
    let start = text[..byte].chars().count();
    (start, start + word.chars().count())
}

/// The annotations: (quote, tags, note).
pub fn annotations() -> Vec<(String, Vec<&'static str>, &'static str)> {
    vec![
        (format!("ঢাকা{YA}"), vec!["স্থান"], "শহর\nদ্বিতীয় লাইন\tট্যাব"),
        (format!("ব{O}ন"), vec!["ব্যক্তি", "পরিবার ও আত্মীয়"], ""),
        ("🇧🇩".into(), vec!["flag_emoji"], ""),
        ("😀".into(), vec![], ""),
        ("𝒜".into(), vec!["Highlight"], "math \"A\""),
        (
            "র\u{200c}্যাব".into(),
            vec!["100% সংস্থা"],
            "<script>alert('x')</script> & more",
        ),
        ("বৃষ্টি\nআমার".into(), vec!["a;b"], ""),
        (format!("আমার ব{O}ন"), vec!["স্থান"], ""),
        ("<b>&amp;</b>".into(), vec!["html"], ""),
    ]
}

/// JSONL import lines for `article` (path as written in the file).
pub fn import_lines(article: &str) -> String {
    annotations()
        .iter()
        .enumerate()
        .map(|(i, (quote, tags, note))| {
            let (s, e) = span(quote);
            serde_json::json!({
                "article": article, "start": s, "end": e, "quote": quote,
                "tags": tags, "note": note, "author": if i % 2 == 0 { "রহিম" } else { "" },
                "created": format!("2025-03-0{}T09:30:00.123Z", 1 + i % 9),
                "modified": format!("2025-04-0{}T10:00:00.000Z", 1 + i % 9),
                "color": "#ff8800",
            })
            .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A folder with `news/a.txt` (the tricky article) and `news/sub/b.md`, both
/// annotated through a JSONL import with the CLI.
pub fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write_articles(dir.path());
    let b_line = r#"{"article": "news/sub/b.md", "start": 0, "end": 4, "tags": ["স্থান"]}"#;
    let input = format!("{}\n{b_line}\n", import_lines("news/a.txt"));
    std::fs::write(dir.path().join("in.jsonl"), input).expect("write");
    let out = pathok(dir.path(), &["import", "--format", "jsonl", "in.jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // An article note, written the way the GUI would (through the sidecar).
    let path = dir.path().join("news/a.txt");
    let article = pathok::article::load(&path).expect("article");
    let (mut sidecar, _) = pathok::store::Sidecar::open(&path, &article).expect("sidecar");
    sidecar.annotations.article_note = "নিবন্ধের নোট <i>".to_owned();
    sidecar.save(&article.text).expect("save");
    dir
}

/// The articles alone (a fresh copy without sidecars).
pub fn write_articles(root: &Path) {
    std::fs::create_dir_all(root.join("news/sub")).expect("mkdir");
    std::fs::write(root.join("news/a.txt"), raw()).expect("write");
    std::fs::write(root.join("news/sub/b.md"), "# শিরোনাম\n\nবাংলা লেখা।\n").expect("write");
}

/// Run the CLI in `dir`.
pub fn pathok(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pathok"))
        // Human messages in English whatever the machine's locale.
        .env("PATHOK_LANG", "en")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run pathok")
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Export `news` as `format` (extra args first) to `out` in `dir`; returns the path.
pub fn export(dir: &Path, format: &str, extra: &[&str], out: &str) -> PathBuf {
    let mut args = vec!["export", "--format", format];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["-o", out, "news"]);
    let o = pathok(dir, &args);
    assert!(o.status.success(), "export {format}: {}", stderr(&o));
    dir.join(out)
}

/// `text[start..end]` in code points.
pub fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}
