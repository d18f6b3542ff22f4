//! Both renderers open a real window and draw the article (a smoke test on an X
//! display: `.ci/run` starts Xvfb for it), and a renderer that cannot start is
//! replaced by the other. Without a display the tests say so and pass, except in CI
//! (`CI=true`), where a missing display is a failure.
//!
//! The app tells when it drew: with `PATHOK_TIMING` set it prints
//! "first frame with text laid out" on stderr.

// A test fails on the first broken expectation, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead as _, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const DRAWN: &str = "first frame with text laid out";

/// True when there is an X display to open windows on; otherwise explains why the
/// test is skipped (or fails, in CI).
fn display_available(test: &str) -> bool {
    if std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty()) {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{test}: CI=true but DISPLAY is not set: .ci/run must start Xvfb"
    );
    eprintln!("{test}: skipped: no X display (set DISPLAY, e.g. run `Xvfb :99 &` and DISPLAY=:99)");
    false
}

/// Run the app on the test article with `args` and `env`; return its stderr up to
/// the first drawn frame, or all of it if it never drew (within 60 s, a hang guard).
fn first_frame(args: &[&str], env: &[(&str, &str)]) -> (bool, String) {
    let home = tempfile::tempdir().expect("temp home");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pathok"));
    // Human messages in English whatever the machine's locale.
    cmd.env("PATHOK_LANG", "en");
    cmd.args(args)
        .arg("tests/data/articles/select.txt")
        .env("PATHOK_TIMING", "1")
        .env_remove("PATHOK_RENDERER")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("pathok starts");
    let stderr = child.stderr.take().expect("stderr piped");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = String::new();
    let mut drawn = false;
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(60)) {
        seen.push_str(&line);
        seen.push('\n');
        if line.contains(DRAWN) {
            drawn = true;
            break;
        }
    }
    if drawn {
        // Still alive after presenting a few frames: painting did not fail.
        std::thread::sleep(Duration::from_millis(500));
        assert!(
            child.try_wait().expect("status").is_none(),
            "the window closed after the first frame:\n{seen}"
        );
    }
    let _ = child.kill();
    let _ = child.wait();
    (drawn, seen)
}

#[test]
fn glow_draws_the_article_in_a_real_window() {
    if !display_available("glow_draws_the_article_in_a_real_window") {
        return;
    }
    let (drawn, stderr) = first_frame(&["--renderer", "glow"], &[]);
    assert!(drawn, "glow drew nothing:\n{stderr}");
    assert!(stderr.contains("starting the window (glow)"), "{stderr}");
}

#[test]
fn wgpu_draws_the_article_in_a_real_window() {
    if !display_available("wgpu_draws_the_article_in_a_real_window") {
        return;
    }
    let (drawn, stderr) = first_frame(&["--renderer", "wgpu"], &[]);
    assert!(drawn, "wgpu drew nothing:\n{stderr}");
}

/// wgpu is made to find no GPU adapter (Vulkan only, with no Vulkan driver): with
/// wgpu preferred, the window still opens, drawn by glow, and stderr says why.
#[test]
fn when_wgpu_cannot_start_glow_takes_over_and_says_why() {
    if !display_available("when_wgpu_cannot_start_glow_takes_over_and_says_why") {
        return;
    }
    let (drawn, stderr) = first_frame(
        &[],
        &[
            ("PATHOK_RENDERER", "wgpu"),
            ("WGPU_BACKEND", "vulkan"),
            ("VK_ICD_FILENAMES", "/nonexistent.json"),
            ("VK_DRIVER_FILES", "/nonexistent.json"),
        ],
    );
    assert!(
        stderr.contains("the wgpu renderer cannot start"),
        "the reason is told:\n{stderr}"
    );
    assert!(stderr.contains("trying glow"), "{stderr}");
    assert!(drawn, "glow drew the window:\n{stderr}");
}

/// Mesa is made to find no GL driver: glow (the default) cannot start, wgpu (on
/// Vulkan) draws the window, and stderr says why.
#[test]
fn when_glow_cannot_start_wgpu_takes_over_and_says_why() {
    if !display_available("when_glow_cannot_start_wgpu_takes_over_and_says_why") {
        return;
    }
    let (drawn, stderr) = first_frame(&[], &[("LIBGL_DRIVERS_PATH", "/nonexistent")]);
    assert!(
        stderr.contains("the glow renderer cannot start"),
        "the reason is told:\n{stderr}"
    );
    assert!(stderr.contains("trying wgpu"), "{stderr}");
    assert!(drawn, "wgpu drew the window:\n{stderr}");
}

/// With `--renderer` the choice is literal: no other renderer is tried.
#[test]
fn a_renderer_given_on_the_command_line_is_not_replaced() {
    if !display_available("a_renderer_given_on_the_command_line_is_not_replaced") {
        return;
    }
    let (drawn, stderr) = first_frame(
        &["--renderer", "wgpu"],
        &[
            ("WGPU_BACKEND", "vulkan"),
            ("VK_ICD_FILENAMES", "/nonexistent.json"),
            ("VK_DRIVER_FILES", "/nonexistent.json"),
        ],
    );
    assert!(!drawn, "wgpu without a driver drew a window?\n{stderr}");
    assert!(!stderr.contains("trying glow"), "{stderr}");
    assert!(stderr.contains("cannot open a window"), "{stderr}");
}
