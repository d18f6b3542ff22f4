//! The adversarial inputs of issue 9 that reach the core (loading, decoding, sidecars,
//! folders), one row each: the command line must end in a clear error naming the file,
//! or succeed, within a second. Each row runs the built binary in a child process with
//! a timeout (a hang guard: a hang fails the row instead of the test run). In a debug
//! build the guard is ten times as long; `examples/bench_load.rs` measures release
//! speed.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use pathok::annotate::{Annotation, Timestamp};
use pathok::store::{StoreError, sidecar_path, update_sidecars};
use pathok::text::CharRange;

const TEXT: &str = "শিরোনাম\n\nঢাকায় আজ বৃষ্টি হয়েছে, নদীর জল বেড়েছে।\n";

/// What a row expects.
enum Expect {
    /// Exit 0; standard error contains each of these (may be empty).
    Succeeds(&'static [&'static str]),
    /// Exit 1; standard error contains each of these (the reason and the file).
    Fails(&'static [&'static str]),
}

struct Row {
    name: &'static str,
    /// Make the files in the (empty) folder.
    setup: fn(&Path),
    args: &'static [&'static str],
    expect: Expect,
    /// Further checks on the folder afterwards.
    after: Option<fn(&Path)>,
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

fn link(target: &str, at: &Path) {
    std::os::unix::fs::symlink(target, at).unwrap();
}

/// Write `name` with `bytes` and give it a sidecar with one annotation on its first
/// three chars.
fn annotated(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let article = pathok::article::load(&path).unwrap();
    update_sidecars(&[(path.as_path(), &article)], |_, sidecar| {
        let a = Annotation::new(&article.text, CharRange::new(0, 3), Timestamp::now()).unwrap();
        sidecar.annotations.upsert(a);
        Ok::<(), StoreError>(())
    })
    .unwrap();
    path
}

/// An article and sidecar, then the article replaced by `make(article path)`.
fn sidecar_without_its_article(dir: &Path, name: &str, make: fn(&Path)) {
    let path = annotated(dir, name, TEXT.as_bytes());
    std::fs::remove_file(&path).unwrap();
    make(&path);
}

fn bengali_paragraph(bytes: usize) -> String {
    let mut text = String::from("শিরোনাম\n\n");
    while text.len() < bytes {
        text.push_str("মেঘনার পাড়ের গ্রামে ছেলেমেয়েরা বই পড়তে আসে। ");
    }
    text
}

fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn rows() -> Vec<Row> {
    vec![
        Row {
            name: "FIFO article with a sidecar (check used to hang)",
            setup: |d| sidecar_without_its_article(d, "pipe.txt", mkfifo),
            args: &["check", "pipe.txt"],
            expect: Expect::Fails(&["not a regular file (FIFO)", "pipe.txt"]),
            after: None,
        },
        Row {
            name: "article linked to /dev/zero, with a sidecar",
            setup: |d| sidecar_without_its_article(d, "zero.txt", |p| link("/dev/zero", p)),
            args: &["check", "zero.txt"],
            expect: Expect::Fails(&["not a regular file (character device)", "zero.txt"]),
            after: None,
        },
        Row {
            name: "/dev/zero exported as an article",
            setup: |_| {},
            args: &["export", "--format", "jsonl", "/dev/zero"],
            expect: Expect::Fails(&["not a regular file (character device)", "/dev/zero"]),
            after: None,
        },
        Row {
            name: "sidecar that is a FIFO",
            setup: |d| {
                std::fs::write(d.join("a.txt"), TEXT).unwrap();
                mkfifo(&d.join("a.txt.annotations.ron"));
            },
            args: &["check", "a.txt"],
            expect: Expect::Fails(&["not a regular file (FIFO)", "a.txt.annotations.ron"]),
            after: None,
        },
        Row {
            name: "sidecar linked to /dev/zero",
            setup: |d| {
                std::fs::write(d.join("a.txt"), TEXT).unwrap();
                link("/dev/zero", &d.join("a.txt.annotations.ron"));
            },
            args: &["check", "a.txt"],
            expect: Expect::Fails(&["character device", "a.txt.annotations.ron"]),
            after: None,
        },
        Row {
            name: "JSONL records naming /dev/zero and a FIFO",
            setup: |d| {
                mkfifo(&d.join("pipe.txt"));
                let records = "{\"article\":\"/dev/zero\",\"start\":0,\"end\":1}\n\
                               {\"article\":\"pipe.txt\",\"start\":0,\"end\":1}\n";
                std::fs::write(d.join("in.jsonl"), records).unwrap();
            },
            args: &["import", "--format", "jsonl", "in.jsonl"],
            expect: Expect::Fails(&["in.jsonl:1", "/dev/zero", "in.jsonl:2", "pipe.txt", "FIFO"]),
            after: Some(|d| assert!(!d.join("pipe.txt.annotations.ron").exists())),
        },
        Row {
            name: "two symbolic link loops in a folder (used to hang)",
            setup: |d| {
                std::fs::create_dir_all(d.join("corpus/sub")).unwrap();
                annotated(&d.join("corpus/sub"), "a.txt", TEXT.as_bytes());
                link(".", &d.join("corpus/loop"));
                link("..", &d.join("corpus/sub/back"));
            },
            args: &["check", "corpus"],
            expect: Expect::Fails(&["symbolic link loop", "corpus/loop", "corpus/sub/back"]),
            after: None,
        },
        Row {
            name: "article above the size limit (sparse, 70 MB)",
            setup: |d| {
                let f = std::fs::File::create(d.join("huge.txt")).unwrap();
                f.set_len(70 * 1024 * 1024).unwrap();
            },
            args: &["export", "--format", "jsonl", "huge.txt"],
            expect: Expect::Fails(&["larger than", "huge.txt"]),
            after: None,
        },
        Row {
            name: "10 MB article without a blank line (was 4 s)",
            setup: |d| {
                annotated(d, "long.txt", bengali_paragraph(10_000_000).as_bytes());
            },
            args: &["check", "long.txt"],
            expect: Expect::Succeeds(&[]),
            after: None,
        },
        Row {
            name: "Markdown `- ` × 200,000 (was 59 s)",
            setup: |d| {
                std::fs::write(d.join("list.md"), format!("{}x\n", "- ".repeat(200_000))).unwrap()
            },
            args: &["export", "--format", "jsonl", "list.md"],
            expect: Expect::Succeeds(&[]),
            after: None,
        },
        Row {
            name: "HTML with 100,000 nested <div> (was over 60 s)",
            setup: |d| {
                let page = format!(
                    "<body>{}x{}</body>",
                    "<div>".repeat(100_000),
                    "</div>".repeat(100_000)
                );
                std::fs::write(d.join("deep.html"), page).unwrap();
            },
            args: &["export", "--format", "jsonl", "deep.html"],
            expect: Expect::Succeeds(&[]),
            after: None,
        },
        Row {
            name: "HTML with 30,000 nested lists and quotes",
            setup: |d| {
                let page = format!(
                    "<body>{}x{}</body>",
                    "<ul><li><blockquote>".repeat(10_000),
                    "</blockquote></li></ul>".repeat(10_000)
                );
                std::fs::write(d.join("lists.html"), page).unwrap();
            },
            args: &["export", "--format", "jsonl", "lists.html"],
            expect: Expect::Succeeds(&[]),
            after: None,
        },
        Row {
            name: "UTF-8 Bengali with one stray byte (was read as windows-1252)",
            setup: |d| {
                // 900 bytes of title and Latin, the stray byte, then Bengali.
                let mut bytes = format!("শিরোনাম\n\n{}", "x".repeat(877)).into_bytes();
                assert_eq!(bytes.len(), 900);
                bytes.push(0xff);
                bytes.extend(bengali_paragraph(2000).into_bytes());
                annotated(d, "stray.txt", &bytes);
            },
            args: &["check", "stray.txt"],
            expect: Expect::Succeeds(&["1 invalid byte replaced", "byte 900", "stray.txt"]),
            after: None,
        },
        Row {
            name: "Bengali UTF-16 without BOM (was refused as binary)",
            setup: |d| {
                annotated(d, "utf16.txt", &utf16le(TEXT));
            },
            args: &["check", "utf16.txt"],
            expect: Expect::Succeeds(&["read as UTF-16LE", "utf16.txt"]),
            after: None,
        },
        Row {
            name: "sidecar with duplicate ids (a bad hand merge)",
            setup: |d| {
                let path = annotated(d, "a.txt", TEXT.as_bytes());
                let sidecar = std::fs::read_to_string(sidecar_path(&path)).unwrap();
                // The annotation block twice.
                let start =
                    sidecar.find("    annotations: [\n").unwrap() + "    annotations: [\n".len();
                let end = sidecar[start..].find("    ],\n").unwrap() + start;
                let block = &sidecar[start..end];
                let doubled = format!("{}{block}{block}{}", &sidecar[..start], &sidecar[end..]);
                std::fs::write(sidecar_path(&path), doubled).unwrap();
            },
            args: &["check", "a.txt"],
            expect: Expect::Fails(&[
                "duplicate annotation id",
                "lines 13 and 28",
                "a.txt.annotations.ron",
            ]),
            after: None,
        },
        Row {
            name: "sidecar saved with a UTF-8 BOM (was refused as corrupt)",
            setup: |d| {
                let path = annotated(d, "a.txt", TEXT.as_bytes());
                let mut bytes = b"\xEF\xBB\xBF".to_vec();
                bytes.extend(std::fs::read(sidecar_path(&path)).unwrap());
                std::fs::write(sidecar_path(&path), bytes).unwrap();
            },
            args: &["check", "a.txt"],
            expect: Expect::Succeeds(&[]),
            after: None,
        },
        Row {
            name: "temp files of killed writes (were never removed)",
            setup: |d| {
                annotated(d, "a.txt", TEXT.as_bytes());
                std::fs::write(d.join(".a.txt.annotations.ron.tmp-999999"), "half").unwrap();
                let record = "{\"article\":\"a.txt\",\"start\":4,\"end\":8}\n";
                std::fs::write(d.join("in.jsonl"), record).unwrap();
            },
            args: &["import", "--format", "jsonl", "in.jsonl"],
            expect: Expect::Succeeds(&[]),
            after: Some(|d| {
                let left: Vec<String> = std::fs::read_dir(d)
                    .unwrap()
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .filter(|n| n.starts_with('.'))
                    .collect();
                assert!(left.is_empty(), "{left:?}");
            }),
        },
        Row {
            name: "symlinked sidecar (was replaced by a plain file)",
            setup: |d| {
                let path = annotated(d, "a.txt", TEXT.as_bytes());
                std::fs::create_dir(d.join("shared")).unwrap();
                std::fs::rename(sidecar_path(&path), d.join("shared/a.ron")).unwrap();
                link("shared/a.ron", &sidecar_path(&path));
                let record = "{\"article\":\"a.txt\",\"start\":4,\"end\":8}\n";
                std::fs::write(d.join("in.jsonl"), record).unwrap();
            },
            args: &["import", "--format", "jsonl", "in.jsonl"],
            expect: Expect::Succeeds(&[]),
            after: Some(|d| {
                let link = d.join("a.txt.annotations.ron");
                assert!(
                    std::fs::symlink_metadata(&link)
                        .unwrap()
                        .file_type()
                        .is_symlink()
                );
                let shared = std::fs::read_to_string(d.join("shared/a.ron")).unwrap();
                assert_eq!(shared.matches("        id: ").count(), 2, "{shared}");
            }),
        },
    ]
}

/// Run `args` in `dir`, killing the child if it takes longer than `limit`.
fn run(dir: &Path, args: &[&str], limit: Duration) -> Result<(Option<i32>, String), String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pathok"))
        // Human messages in English whatever the machine's locale.
        .env("PATHOK_LANG", "en")
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            let out = child.wait_with_output().unwrap();
            return Ok((
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            ));
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("still running after {limit:?}"));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn every_hostile_input_ends_in_a_clear_error_or_succeeds_within_a_second() {
    let limit = if cfg!(debug_assertions) {
        Duration::from_secs(10)
    } else {
        Duration::from_secs(1)
    };
    let mut failures = Vec::new();
    for row in rows() {
        let dir = tempfile::tempdir().unwrap();
        (row.setup)(dir.path());
        let (code, stderr) = match run(dir.path(), row.args, limit) {
            Ok(done) => done,
            Err(why) => {
                failures.push(format!("{}: {why}", row.name));
                continue;
            }
        };
        let (want, words) = match row.expect {
            Expect::Succeeds(words) => (0, words),
            Expect::Fails(words) => (1, words),
        };
        let missing: Vec<&&str> = words.iter().filter(|w| !stderr.contains(**w)).collect();
        if code != Some(want) || !missing.is_empty() {
            failures.push(format!(
                "{}: exit {code:?} (expected {want}), missing {missing:?} in:\n{stderr}",
                row.name
            ));
            continue;
        }
        if let Some(after) = row.after {
            after(dir.path());
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}
