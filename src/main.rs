//! `pathok` — open the GUI on an article, or work with annotations from the command
//! line: `export`, `import`, `check`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand, ValueEnum};

use pathok::annotate::AnchorOutcome;
use pathok::article::Article;
use pathok::export::{ExportItem, jsonl};
use pathok::store::{self, Sidecar};

/// Pathok (পাঠক): read and annotate articles, Bengali first.
#[derive(Parser, Debug)]
#[command(
    name = "pathok",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Article to open (.txt, .md, .html, or an image). Without it, the bundled sample
    /// article is shown.
    path: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Export the annotations of articles (files, their sidecars, or folders).
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: Format,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Articles, sidecars (`*.annotations.ron`) or folders (searched recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Add annotations from a file to the sidecars of the articles it names.
    Import {
        /// Input format.
        #[arg(long, value_enum)]
        format: Format,
        /// The file to import (`-` for standard input).
        file: PathBuf,
        /// Import only lines for these articles.
        paths: Vec<PathBuf>,
    },
    /// Validate sidecars and report orphaned annotations; exit 1 on problems.
    Check {
        /// Articles, sidecars or folders (searched recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    /// JSON Lines, one annotation per line (schema in the README).
    Jsonl,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("pathok: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => {
            // Problems with the file are shown in the window and printed by the app.
            pathok::ui::run(cli.path).context("cannot open a window")?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export {
            format: Format::Jsonl,
            output,
            paths,
        }) => export(&jsonl::Jsonl, output.as_deref(), &paths),
        Some(Command::Import {
            format: Format::Jsonl,
            file,
            paths,
        }) => import(&file, &paths),
        Some(Command::Check { paths }) => check(&paths),
    }
}

/// An article and its sidecar, as found from the paths given.
struct Found {
    article: PathBuf,
    sidecar: PathBuf,
}

/// Expand files and folders into article/sidecar pairs (sorted within each folder).
fn expand(paths: &[PathBuf]) -> anyhow::Result<Vec<Found>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut sidecars = Vec::new();
            find_sidecars(path, &mut sidecars)?;
            sidecars.sort();
            for sidecar in sidecars {
                if let Some(article) = store::article_path_of(&sidecar) {
                    out.push(Found { article, sidecar });
                }
            }
        } else if let Some(article) = store::article_path_of(path) {
            out.push(Found {
                article,
                sidecar: path.clone(),
            });
        } else {
            out.push(Found {
                article: path.clone(),
                sidecar: store::sidecar_path(path),
            });
        }
    }
    Ok(out)
}

fn find_sidecars(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot list {}", dir.display()))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            find_sidecars(&path, out)?;
        } else if store::article_path_of(&path).is_some() {
            out.push(path);
        }
    }
    Ok(())
}

/// Load an article and its sidecar (anchored in the article's current text).
fn open(found: &Found) -> anyhow::Result<(Article, Sidecar, pathok::annotate::AnchorReport)> {
    if !found.article.exists() && found.sidecar.exists() {
        bail!(
            "unknown article: the sidecar has no article next to it ({} is missing): {}",
            found.article.display(),
            found.sidecar.display()
        );
    }
    let article = pathok::article::load(&found.article)?;
    let (sidecar, report) = Sidecar::open(&found.article, &article)?;
    Ok((article, sidecar, report))
}

fn export(
    exporter: &dyn pathok::export::Exporter,
    output: Option<&Path>,
    paths: &[PathBuf],
) -> anyhow::Result<ExitCode> {
    let mut loaded = Vec::new();
    let mut failed = false;
    for found in expand(paths)? {
        match open(&found) {
            Ok((article, sidecar, _)) => loaded.push((found.article, article, sidecar)),
            Err(e) => {
                eprintln!("pathok: {e:#}");
                failed = true;
            }
        }
    }
    if failed {
        eprintln!("pathok: nothing exported");
        return Ok(ExitCode::FAILURE);
    }
    let items: Vec<ExportItem<'_>> = loaded
        .iter()
        .map(|(path, article, sidecar)| ExportItem {
            path,
            article,
            sidecar,
        })
        .collect();
    let mut bytes = Vec::new();
    exporter.export(&items, &mut bytes)?;
    match output {
        Some(out) => store::write_atomic(out, &bytes)?,
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&bytes)
                .context("cannot write to standard output")?;
            stdout.flush().context("cannot write to standard output")?;
        }
    }
    let count: usize = loaded.iter().map(|(_, _, s)| s.annotations.len()).sum();
    eprintln!(
        "pathok: exported {count} annotation(s) of {} article(s) as {}",
        loaded.len(),
        exporter.name()
    );
    Ok(ExitCode::SUCCESS)
}

fn import(file: &Path, only: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let input = if file == Path::new("-") {
        std::io::read_to_string(std::io::stdin()).context("cannot read standard input")?
    } else {
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?
    };
    let only = (!only.is_empty()).then_some(only);
    match jsonl::import(&input, only) {
        Ok(s) => {
            println!(
                "imported {} new, {} updated, {} unchanged, {} skipped ({} span(s) widened to whole characters) into {} sidecar(s)",
                s.added,
                s.updated,
                s.unchanged,
                s.skipped,
                s.snapped,
                s.sidecars.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(jsonl::ImportError::Lines(lines)) => {
            for l in &lines {
                eprintln!("pathok: {}:{}: {}", file.display(), l.line, l.reason);
            }
            eprintln!(
                "pathok: {} invalid line(s); nothing was imported: {}",
                lines.len(),
                file.display()
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}

fn check(paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut problems = 0;
    for found in expand(paths)? {
        if !found.sidecar.exists() {
            if found.article.exists() {
                println!("{}: no annotations", found.article.display());
            } else {
                eprintln!("pathok: file not found: {}", found.article.display());
                problems += 1;
            }
            continue;
        }
        let (_, sidecar, report) = match open(&found) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("pathok: {e:#}");
                problems += 1;
                continue;
            }
        };
        let name = found.sidecar.display();
        for a in sidecar.annotations.orphans() {
            let reason = report
                .outcomes
                .iter()
                .find_map(|(id, o)| match o {
                    AnchorOutcome::Orphaned { reason } if *id == a.id => Some(reason.to_string()),
                    _ => None,
                })
                .unwrap_or_else(|| "orphaned".to_owned());
            eprintln!(
                "pathok: orphaned annotation {} \"{}\" ({reason}): {name}",
                a.id, a.quote
            );
            problems += 1;
        }
        let moved = report.moved();
        let moved = if moved > 0 {
            format!(", {moved} moved since the article changed (not saved by check)")
        } else {
            String::new()
        };
        println!("{name}: {} annotation(s){moved}", sidecar.annotations.len());
    }
    if problems > 0 {
        eprintln!("pathok: {problems} problem(s) found");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
