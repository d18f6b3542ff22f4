//! Run a Python script that reads an export with a third-party library (pandas,
//! bratly). `.ci/run` installs them and sets `PATHOK_PYTHON_CHECKS=required`; then a
//! missing `python3` or module fails the test. Elsewhere the check is skipped with a
//! note, and the Rust-side readers still run.

#![allow(dead_code)] // Each test binary uses part of it.

use std::path::Path;
use std::process::Command;

/// Whether CI asked for the Python checks to run.
fn required() -> bool {
    std::env::var("PATHOK_PYTHON_CHECKS").is_ok_and(|v| v == "required")
}

/// Run `script` with `args` when `python3` can import `modules`; panics with the
/// script's output when it fails. Returns whether it ran.
pub fn run(modules: &[&str], script: &str, args: &[&Path]) -> bool {
    let probe = Command::new("python3")
        .arg("-c")
        .arg(format!("import {}", modules.join(", ")))
        .output();
    let available = probe.as_ref().is_ok_and(|o| o.status.success());
    if !available {
        let why = match &probe {
            Ok(o) => String::from_utf8_lossy(&o.stderr).into_owned(),
            Err(e) => e.to_string(),
        };
        assert!(
            !required(),
            "PATHOK_PYTHON_CHECKS=required, but python3 cannot import {modules:?}: {why}"
        );
        eprintln!("note: skipped the check with {modules:?} (not importable: {why})");
        return false;
    }
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("python3: {e}"));
    assert!(
        out.status.success(),
        "the {modules:?} check failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    true
}
