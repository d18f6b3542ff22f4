//! Commands of the `pathok` binary that have grown beyond a few lines: the corpus
//! engine ([`pathok::corpus`]) as `search`, `stats` and the passage filter of
//! `export`. `main.rs` parses the arguments and hands over.
//!
//! Output goes to standard output (one format per `--format`), problems to standard
//! error with the file named; the exit code is 1 when an article or sidecar could not
//! be read (the rest is still searched or counted), 2 on a usage error (including a
//! query that is not a valid regular expression).

mod filter;
mod git;
mod search;
mod stats;

use std::io;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

use pathok::corpus::{self, Found};
use pathok::store::WalkProblemKind;
use pathok::tr;

pub use filter::FilterArgs;
pub use git::{MergeDriverArgs, git_setup, merge_driver};
pub use search::{SearchArgs, search};
pub use stats::{StatsArgs, stats};

/// The articles under `paths`; walk problems are told on stderr. Returns whether one
/// of them is a failure (something that could hold articles was not read).
pub(crate) fn find_articles(paths: &[PathBuf]) -> (Found, bool) {
    // Nothing stops this walk, so it is never cancelled.
    let found = corpus::find(paths, &mut |_| ControlFlow::Continue(())).unwrap_or_default();
    let mut failed = false;
    for problem in found.problems.iter().chain(&found.unreadable) {
        eprintln!("pathok: {problem}");
        failed |= !matches!(problem.kind, WalkProblemKind::SymlinkLoop { .. });
    }
    for sidecar in &found.orphan_sidecars {
        eprintln!(
            "pathok: {}",
            tr!(
                "cli-sidecar-without-article",
                path = sidecar.display().to_string()
            )
        );
        failed = true;
    }
    (found, failed)
}

/// Finish writing: a closed pipe (`| head`) is not an error; the exit code says whether
/// some input `failed` (reported on stderr as it was met).
pub(crate) fn finish(result: io::Result<()>, failed: bool) -> anyhow::Result<ExitCode> {
    let code = if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    };
    match result {
        Ok(()) => Ok(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(code),
        Err(e) => Err(anyhow::Error::new(e).context(tr!("cli-cannot-write-stdout"))),
    }
}

/// An error as one line for standard error: its message, then each cause the
/// messages before it do not already tell. Library errors put their OS reason in
/// their own message ("lock failed (Permission denied): corpus/.pathok.tmp-lock") and
/// also keep it as their `source`; `{:#}` would print that reason twice.
pub(crate) fn one_line(error: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

/// A CSV error as the I/O error it (almost always) is.
pub(crate) fn csv_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn a_cause_already_in_the_message_is_not_repeated() {
        let os = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "Permission denied");
        let store = pathok::store::StoreError::Io {
            action: pathok::store::IoAction::Lock,
            path: "../corpus/.pathok.tmp-lock".into(),
            source: os,
        };
        let line = one_line(&anyhow::Error::new(store));
        assert_eq!(line.matches("Permission denied").count(), 1, "{line}");
        assert!(line.ends_with("../corpus/.pathok.tmp-lock"), "{line}");
        // A cause the message does not tell is kept, after it.
        let wrapped =
            anyhow::Error::new(std::io::Error::other("disk full")).context("cannot write");
        assert_eq!(one_line(&wrapped), "cannot write: disk full");
    }
}
