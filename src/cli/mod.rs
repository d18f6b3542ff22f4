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

/// A CSV error as the I/O error it (almost always) is.
pub(crate) fn csv_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}
