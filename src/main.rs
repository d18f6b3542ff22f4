//! `pathok` — open the GUI on an article, a folder or the bundled sample.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Pathok (পাঠক): read and annotate articles, Bengali first.
#[derive(Parser, Debug)]
#[command(name = "pathok", version, about)]
struct Cli {
    /// Article to open (.txt, .md, .html, or an image). Without it, the bundled sample
    /// article is shown.
    path: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Problems with the file are shown in the window and printed on stderr by the app.
    match pathok::ui::run(cli.path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pathok: cannot open a window: {e}");
            ExitCode::FAILURE
        }
    }
}
