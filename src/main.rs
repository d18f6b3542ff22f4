//! `pathok` — open the GUI on an article, or work with annotations from the command
//! line: `export`, `import`, `check`, `agreement`, and on a corpus: `search`, `stats`;
//! for teams in git: `git-setup` and `merge-driver`.

mod cli;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};

use pathok::annotate::AnchorOutcome;
use pathok::article::Article;
use pathok::export::{
    BaseIri, ExportOptions, ExportPathsError, ExportSummary, Format, ImportError, ImportFormat,
    ImportOptions, ImportSummary, OutputKind, QdpxPositions, SourceIris,
};
use pathok::store::{self, Sidecar};
use pathok::tr;
use pathok::ui::renderer::Renderer;

/// Pathok (পাঠক): read and annotate articles, Bengali first.
#[derive(Parser, Debug)]
#[command(
    name = "pathok",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Article to open (.txt, .md, .html, or an image), or a folder to open as a
    /// library of articles. Without it, the bundled sample article is shown.
    path: Option<PathBuf>,
    /// Draw the window with this renderer, and no other (default: glow, then wgpu if
    /// glow cannot start; the PATHOK_RENDERER variable changes the first choice).
    #[arg(long, value_name = "RENDERER", value_parser = choice(&Renderer::ALL, Renderer::name, Renderer::description))]
    renderer: Option<Renderer>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Export the annotations of articles (files, their sidecars, or folders).
    Export {
        /// Output format.
        #[arg(long, value_parser = choice(&Format::ALL, Format::name, Format::description))]
        format: Format,
        /// Write to this file (atomically) instead of standard output; for brat, the
        /// directory to write NAME.txt and NAME.ann files into (required).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// CSV: one row per annotation and tag instead of one row per annotation.
        #[arg(long)]
        one_row_per_tag: bool,
        /// W3C: one annotation per line instead of an AnnotationCollection.
        #[arg(long)]
        jsonl: bool,
        /// W3C: publish sources under this IRI (it stands for the working directory)
        /// instead of as file:/// IRIs.
        #[arg(long, value_name = "URL")]
        base_iri: Option<BaseIri>,
        /// REFI-QDA project: how selection positions count characters.
        #[arg(long, value_name = "UNIT", value_parser = choice(&QdpxPositions::ALL, QdpxPositions::name, QdpxPositions::description))]
        qdpx_positions: Option<QdpxPositions>,
        #[command(flatten)]
        filter: cli::FilterArgs,
        /// Articles (.txt .md .html .htm), sidecars (`*.annotations.ron`) or folders
        /// (searched recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Add annotations from a file to the sidecars of the articles it names.
    /// Duplicates (same span, tags and author) are merged; nothing is written if a
    /// record is invalid (unless --skip-invalid).
    Import {
        /// Input format.
        #[arg(long, value_parser = choice(&ImportFormat::ALL, ImportFormat::name, ImportFormat::description))]
        format: ImportFormat,
        /// The file to import (`-` for standard input; for brat a .ann file or a
        /// folder of them).
        file: PathBuf,
        /// jsonl/w3c: import only records for these articles (or folders). brat: the
        /// articles (or folders) to import into, matched by their text.
        paths: Vec<PathBuf>,
        /// Import the valid records and list the invalid ones instead of writing
        /// nothing.
        #[arg(long)]
        skip_invalid: bool,
        /// W3C: sources under this IRI are paths relative to the working directory
        /// (as written by `export --base-iri`).
        #[arg(long, value_name = "URL")]
        base_iri: Option<BaseIri>,
    },
    /// Validate sidecars and report orphaned annotations; exit 1 on problems.
    Check {
        /// Articles, sidecars or folders (searched recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Agreement between coders: Krippendorff's unitizing alpha, Cohen's kappa and
    /// percentage agreement per tag and article. Figures with nothing to compare are
    /// null (shown as —) with the reason, never 1.
    Agreement {
        /// The coders to compare, separated by commas (default: every author found).
        #[arg(long, value_delimiter = ',', value_name = "A,B")]
        coders: Option<Vec<String>>,
        /// Compare this tag only; repeat for more (default: every tag used).
        #[arg(long = "tag", value_name = "T")]
        tags: Vec<String>,
        /// A colleague's copy of the corpus in another folder: articles with the same
        /// text (SHA-256) are compared; annotations without an author are the
        /// folder's.
        #[arg(long, value_name = "DIR")]
        against: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: AgreementFormat,
        /// Articles, sidecars or folders (searched recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Search articles for a word, folded as Find folds it; prints a concordance.
    Search(cli::SearchArgs),
    /// Tag statistics: passages and articles per tag and coder, co-occurrence.
    Stats(cli::StatsArgs),
    /// Git merge driver for sidecars and codebook.ron (set up by `git-setup`): merges
    /// by annotation id into OURS; exit 1 with conflict markers only when it cannot
    /// decide, 2 when a version cannot be read.
    MergeDriver(cli::MergeDriverArgs),
    /// Make git merge sidecars and codebook.ron with `pathok merge-driver`: adds the
    /// lines to .gitattributes and registers the driver in the repository's config.
    /// Safe to run again.
    GitSetup {
        /// The repository (or a folder in it); default: the working directory.
        repo: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum AgreementFormat {
    /// An aligned table for the terminal.
    Text,
    /// One JSON object (schema in the README).
    Json,
    /// CSV (UTF-8 with BOM), one row per tag, pair, article and article × tag.
    Csv,
    /// Team report: one offline HTML page with the figures and every disagreement
    /// with both coders' versions.
    Html,
    /// Team report in Markdown.
    Md,
}

/// A `--format`-style argument: one of `all`, by name, with its description as help.
fn choice<T: Copy + Send + Sync + 'static>(
    all: &'static [T],
    name: fn(T) -> &'static str,
    help: fn(T) -> String,
) -> impl TypedValueParser<Value = T> {
    let values = all
        .iter()
        .map(move |v| PossibleValue::new(name(*v)).help(help(*v)));
    PossibleValuesParser::new(values).try_map(move |s| {
        all.iter()
            .copied()
            .find(|v| name(*v) == s)
            .ok_or_else(|| format!("unknown value {s:?}"))
    })
}

/// A usage error: told on stderr, exit code 2 (as clap does for its own).
fn usage(message: &str, command: &str) -> anyhow::Result<ExitCode> {
    eprintln!(
        "pathok: {}",
        tr!("cli-usage", message = message, command = command)
    );
    Ok(ExitCode::from(2))
}

fn main() -> ExitCode {
    pathok::ui::timing::start();
    // Human messages (and --help's value lists) in the locale's language; the GUI may
    // switch it again from its settings.
    pathok::i18n::set_language(pathok::i18n::Language::from_environment());
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("pathok: {}", cli::one_line(&e));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => {
            // Problems with the file are shown in the window and printed by the app.
            pathok::ui::run(cli.path, cli.renderer).context(tr!("cli-cannot-open-window"))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export {
            format,
            output,
            one_row_per_tag,
            jsonl,
            base_iri,
            qdpx_positions,
            filter,
            paths,
        }) => {
            let only_for = [
                (one_row_per_tag, "--one-row-per-tag", Format::Csv),
                (jsonl, "--jsonl", Format::W3c),
                (base_iri.is_some(), "--base-iri", Format::W3c),
                (qdpx_positions.is_some(), "--qdpx-positions", Format::Qdpx),
            ];
            for (given, flag, only) in only_for {
                if given && format != only {
                    return usage(
                        &tr!("cli-flag-is-for", flag = flag, format = only.to_string()),
                        "export",
                    );
                }
            }
            if output.is_none() && format.output_kind() == OutputKind::Directory {
                return usage(
                    &tr!("cli-needs-output", format = format.to_string()),
                    "export",
                );
            }
            let options = ExportOptions {
                one_row_per_tag,
                w3c_lines: jsonl,
                // Relative article paths are relative to the working directory: resolved
                // here, once.
                w3c_sources: SourceIris {
                    working_dir: std::env::current_dir().ok(),
                    base_iri,
                },
                qdpx_positions: qdpx_positions.unwrap_or_default(),
                filter: filter.into_filter(),
            };
            export(format, &options, output.as_deref(), &paths)
        }
        Some(Command::Import {
            format,
            file,
            paths,
            skip_invalid,
            base_iri,
        }) => {
            if base_iri.is_some() && format != ImportFormat::W3c {
                return usage(
                    &tr!("cli-flag-is-for", flag = "--base-iri", format = "w3c"),
                    "import",
                );
            }
            if file == Path::new("-") && !format.reads_text() {
                return usage(
                    &tr!("cli-brat-no-stdin", format = format.to_string()),
                    "import",
                );
            }
            let options = ImportOptions {
                skip_invalid,
                base_iri,
            };
            import(format, &file, &paths, options)
        }
        Some(Command::Check { paths }) => check(&paths),
        Some(Command::Agreement {
            coders,
            tags,
            against,
            format,
            paths,
        }) => agreement(
            pathok::agreement::AgreementOptions { coders, tags },
            against.as_deref(),
            format,
            &paths,
        ),
        Some(Command::Search(args)) => cli::search(&args),
        Some(Command::Stats(args)) => cli::stats(&args),
        Some(Command::MergeDriver(args)) => cli::merge_driver(&args),
        Some(Command::GitSetup { repo }) => cli::git_setup(repo.as_deref()),
    }
}

/// An article and its sidecar, as found from the paths given.
struct Found {
    article: PathBuf,
    sidecar: PathBuf,
}

/// Expand files and folders into article/sidecar pairs: every sidecar found in the
/// folders (walked once per real file), and every file given. What the walk could not
/// follow or read (symbolic link loops, FIFOs and devices with article names, broken
/// links, unreadable folders) is returned as problems, each naming its path.
fn expand(paths: &[PathBuf]) -> (Vec<Found>, Vec<store::WalkProblem>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.is_dir() {
            let walk = store::walk(path, &store::WalkOptions::default());
            problems.extend(walk.problems.iter().cloned());
            for sidecar in walk.of_kind(store::EntryKind::Sidecar) {
                if let Some(article) = store::article_path_of(sidecar) {
                    out.push(Found {
                        article,
                        sidecar: sidecar.to_owned(),
                    });
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
    (out, problems)
}

/// Load an article and its sidecar (anchored in the article's current text).
fn open(found: &Found) -> anyhow::Result<(Article, Sidecar, pathok::annotate::AnchorReport)> {
    if !is_there(&found.article) && is_there(&found.sidecar) {
        bail!(tr!(
            "cli-unknown-article",
            article = found.article.display().to_string(),
            path = found.sidecar.display().to_string()
        ));
    }
    let article = pathok::article::load(&found.article)?;
    let (sidecar, report) = Sidecar::open(&found.article, &article)?;
    Ok((article, sidecar, report))
}

fn export(
    format: Format,
    options: &ExportOptions,
    output: Option<&Path>,
    paths: &[PathBuf],
) -> anyhow::Result<ExitCode> {
    let result = match output {
        Some(out) => pathok::export::export_paths_with(format, options, paths, out, &mut |_| {}),
        None => {
            let mut bytes = Vec::new();
            let result = pathok::export::export_to_stream(format, options, paths, &mut bytes);
            if result.is_ok() {
                let mut stdout = std::io::stdout().lock();
                stdout
                    .write_all(&bytes)
                    .context(tr!("cli-cannot-write-stdout"))?;
                stdout.flush().context(tr!("cli-cannot-write-stdout"))?;
            }
            result
        }
    };
    let summary: ExportSummary = match result {
        Ok(s) => s,
        Err(ExportPathsError::Load(failures)) => {
            for f in &failures {
                eprintln!("pathok: {f}");
            }
            eprintln!("pathok: {}", tr!("cli-nothing-exported"));
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
    for problem in &summary.skipped {
        eprintln!("pathok: {problem}");
    }
    if summary.regions_left_out > 0 {
        eprintln!(
            "pathok: {}",
            tr!(
                "cli-regions-left-out",
                count = summary.regions_left_out,
                format = format.to_string()
            )
        );
    }
    let exported = tr!(
        "cli-exported",
        annotations = summary.annotations,
        orphaned = summary.orphaned,
        articles = summary.articles,
        format = format.to_string()
    );
    match output {
        Some(o) => eprintln!(
            "pathok: {}",
            tr!(
                "cli-exported-to",
                exported = exported,
                path = o.display().to_string()
            )
        ),
        None => eprintln!("pathok: {exported}"),
    }
    Ok(ExitCode::SUCCESS)
}

fn import(
    format: ImportFormat,
    file: &Path,
    only: &[PathBuf],
    options: ImportOptions,
) -> anyhow::Result<ExitCode> {
    use pathok::export::import::{import_file, import_text};
    let result = if file == Path::new("-") {
        let input =
            std::io::read_to_string(std::io::stdin()).context(tr!("cli-cannot-read-stdin"))?;
        import_text(format, &input, file, only, options)
    } else {
        import_file(format, file, only, options)
    };
    match result {
        Ok(s) => {
            for l in &s.rejected {
                eprintln!("pathok: {}", tr!("cli-rejected", line = l.to_string()));
            }
            println!("{}", summary_line(&s));
            Ok(ExitCode::SUCCESS)
        }
        Err(ImportError::Lines(lines)) => {
            for l in &lines {
                eprintln!("pathok: {l}");
            }
            eprintln!(
                "pathok: {}",
                tr!(
                    "cli-import-rejected",
                    count = lines.len(),
                    path = file.display().to_string()
                )
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}

fn summary_line(s: &ImportSummary) -> String {
    tr!(
        "cli-imported",
        added = s.added,
        updated = s.updated,
        unchanged = s.unchanged,
        merged = s.merged,
        skipped = s.skipped,
        rejected = s.rejected.len(),
        snapped = s.snapped,
        sidecars = s.sidecars.len()
    )
}

/// True when something is at `path`, even a symbolic link that leads nowhere.
fn is_there(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

fn check(paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let (found, walk_problems) = expand(paths);
    let mut problems = walk_problems.len();
    for problem in &walk_problems {
        eprintln!("pathok: {problem}");
    }
    for found in found {
        if !is_there(&found.sidecar) {
            if is_there(&found.article) {
                println!(
                    "{}",
                    tr!(
                        "cli-no-annotations",
                        path = found.article.display().to_string()
                    )
                );
            } else {
                eprintln!(
                    "pathok: {}",
                    tr!(
                        "cli-file-not-found",
                        path = found.article.display().to_string()
                    )
                );
                problems += 1;
            }
            continue;
        }
        problems += check_one(&found);
    }
    if problems > 0 {
        eprintln!("pathok: {}", tr!("cli-problems", count = problems));
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Check one sidecar against its article; prints what it finds and returns the number
/// of problems.
fn check_one(found: &Found) -> usize {
    let (article, sidecar, report) = match open(found) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("pathok: {}", cli::one_line(&e));
            return 1;
        }
    };
    for notice in &article.notices {
        let notice = format!("{notice}: {}", found.article.display());
        eprintln!("pathok: {}", tr!("cli-note", notice = notice));
    }
    let name = found.sidecar.display();
    let mut problems = 0;
    if !sidecar.renumbered.is_empty() {
        match store::duplicate_ids(&found.sidecar) {
            Ok(duplicates) => {
                for d in &duplicates {
                    let lines: Vec<String> = d.lines.iter().map(ToString::to_string).collect();
                    eprintln!(
                        "pathok: {}",
                        tr!(
                            "cli-duplicate-id",
                            id = d.id.to_string(),
                            lines = lines.join(&tr!("cli-and")),
                            path = name.to_string()
                        )
                    );
                }
                problems += duplicates.len();
            }
            Err(e) => {
                eprintln!("pathok: {e}");
                problems += 1;
            }
        }
    }
    for a in sidecar.annotations.orphans() {
        let reason = report
            .outcomes
            .iter()
            .find_map(|(id, o)| match o {
                AnchorOutcome::Orphaned { reason } if *id == a.id => Some(reason.to_string()),
                _ => None,
            })
            .unwrap_or_else(|| tr!("cli-orphaned-reason"));
        eprintln!(
            "pathok: {}",
            tr!(
                "cli-orphaned",
                id = a.id.to_string(),
                quote = a.quote.as_str(),
                reason = reason,
                path = name.to_string()
            )
        );
        problems += 1;
    }
    for a in sidecar.annotations.regions() {
        if a.status == pathok::annotate::Status::ImageChanged
            && let Some(region) = &a.region
        {
            let picture = region
                .image
                .clone()
                .unwrap_or_else(|| tr!("cli-region-image-itself"));
            eprintln!(
                "pathok: {}",
                tr!(
                    "cli-region-changed",
                    id = a.id.to_string(),
                    picture = picture,
                    w = region.rect.w,
                    h = region.rect.h,
                    x = region.rect.x,
                    y = region.rect.y,
                    path = name.to_string()
                )
            );
            problems += 1;
        }
    }
    println!(
        "{}",
        tr!(
            "cli-checked",
            path = name.to_string(),
            count = sidecar.annotations.len(),
            moved = report.moved()
        )
    );
    problems
}

/// `pathok agreement`: load the corpus (or two copies of it), measure, print. Null
/// figures are an answer, not a failure: their reasons go to standard error too.
fn agreement(
    options: pathok::agreement::AgreementOptions,
    against: Option<&Path>,
    format: AgreementFormat,
    paths: &[PathBuf],
) -> anyhow::Result<ExitCode> {
    use pathok::agreement::{self as agree, CorpusCopy, LoadError};

    /// Names of two copies of a corpus: their folders' names (a file stands for its
    /// folder), or the paths as given when the names are equal.
    fn copy_labels(ours: &Path, theirs: &Path) -> (String, String) {
        let folder_name = |p: &Path| -> String {
            let full = std::fs::canonicalize(p).or_else(|_| std::path::absolute(p));
            let full = full.unwrap_or_else(|_| p.to_owned());
            let folder = if full.is_dir() {
                full.as_path()
            } else {
                full.parent().unwrap_or(&full)
            };
            folder.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        };
        let (a, b) = (folder_name(ours), folder_name(theirs));
        if a == b {
            (ours.display().to_string(), theirs.display().to_string())
        } else {
            (a, b)
        }
    }

    let loaded = match against {
        None => agree::load_corpus(paths),
        Some(dir) => {
            if !dir.is_dir() {
                bail!(tr!(
                    "cli-against-needs-folder",
                    path = dir.display().to_string()
                ));
            }
            let theirs_paths = [dir.to_owned()];
            let first = paths.first().map_or(Path::new("."), PathBuf::as_path);
            let (ours, theirs) = copy_labels(first, dir);
            agree::load_against(
                CorpusCopy {
                    paths,
                    label: &ours,
                },
                CorpusCopy {
                    paths: &theirs_paths,
                    label: &theirs,
                },
            )
        }
    };
    let loaded = match loaded {
        Ok(l) => l,
        Err(LoadError::Load(failures)) => {
            for f in &failures {
                eprintln!("pathok: {f}");
            }
            eprintln!("pathok: {}", tr!("cli-nothing-measured"));
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
    for problem in &loaded.skipped {
        eprintln!("pathok: {problem}");
    }
    let report = agree::agreement(&loaded.coding, &options)?;
    let bytes = match format {
        AgreementFormat::Text => agree::to_text(&report).into_bytes(),
        AgreementFormat::Json => {
            let mut json = serde_json::to_vec_pretty(&report)?;
            json.push(b'\n');
            json
        }
        AgreementFormat::Csv => agree::to_csv(&report)?,
        AgreementFormat::Html => {
            agree::to_team_html(&report, &agree::disagreements(&loaded.coding, &report))
                .into_bytes()
        }
        AgreementFormat::Md => {
            agree::to_team_markdown(&report, &agree::disagreements(&loaded.coding, &report))
                .into_bytes()
        }
    };
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(&bytes)
        .and_then(|()| stdout.flush())
        .context(tr!("cli-cannot-write-stdout"))?;
    if !matches!(format, AgreementFormat::Text) {
        // The overall figures of `report.reasons`, told in the interface's language
        // (the report carries their reasons in English, as data).
        for why in [&report.alpha_u, &report.percent]
            .into_iter()
            .filter_map(|m| m.reason())
        {
            eprintln!(
                "pathok: {}",
                tr!("cli-no-overall-figure", reason = why.to_string())
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
