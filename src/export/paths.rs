//! Exporting what the user pointed at: articles and folders in, one output written
//! atomically (a file, or a directory whose files are all written or none).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::exporter::{ExportError, ExportItem, ExportOptions, OutputKind};
use super::format::Format;
use crate::annotate::{AnnotationSet, Codebook};
use crate::article::{Article, ArticleError};
use crate::corpus::PassageFilter;
use crate::store::{
    self, EntryKind, IoAction, PlannedWrite, Sidecar, StoreError, WalkProblem, WalkProblemKind,
};
use crate::tr;

/// Why an article (and its sidecar) could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A sidecar was given whose article is missing.
    #[error("{}", tr!(
        "cli-unknown-article",
        article = .article.display().to_string(),
        path = .sidecar.display().to_string()
    ))]
    MissingArticle {
        /// The article the sidecar is named after.
        article: PathBuf,
        /// The sidecar.
        sidecar: PathBuf,
    },
    /// The article cannot be read.
    #[error(transparent)]
    Article(#[from] ArticleError),
    /// The sidecar cannot be read.
    #[error(transparent)]
    Sidecar(StoreError),
    /// The folder codebook cannot be read.
    #[error("{}", tr!("export-codebook-unreadable", reason = .0.to_string()))]
    Codebook(StoreError),
}

/// An article that could not be loaded, and why.
#[derive(Debug, thiserror::Error)]
#[error("{reason}")]
pub struct LoadFailure {
    /// The article (or lone sidecar).
    pub path: PathBuf,
    /// Why (names the file).
    pub reason: LoadError,
}

/// Why [`export_paths`] wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ExportPathsError {
    /// The output would replace an article or sidecar being exported.
    #[error("{}", tr!(
        "export-output-is-input",
        input = .input.display().to_string(),
        path = .out.display().to_string()
    ))]
    OutputIsInput {
        /// The output as given.
        out: PathBuf,
        /// The article or sidecar it would replace.
        input: PathBuf,
    },
    /// The output has the name of a sidecar or folder codebook.
    #[error("{}", tr!("export-output-is-pathok-file", path = .0.display().to_string()))]
    OutputIsPathokFile(PathBuf),
    /// A directory export (brat writes `NAME.txt` files) into a folder that holds
    /// articles or Pathok's files.
    #[error("{}", tr!(
        "export-output-holds-articles",
        found = .found.display().to_string(),
        path = .out.display().to_string()
    ))]
    OutputHoldsArticles {
        /// The output folder as given.
        out: PathBuf,
        /// The first article (or sidecar) found in it.
        found: PathBuf,
    },
    /// A folder could not be listed.
    #[error(transparent)]
    List(WalkProblem),
    /// Some articles or sidecars could not be read (all are listed); nothing written.
    #[error("{}", tr!("export-articles-unreadable", count = .0.len()))]
    Load(Vec<LoadFailure>),
    /// The exporter failed.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// Writing the output failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What [`export_paths`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Articles exported.
    pub articles: usize,
    /// Annotations in them (orphaned ones included).
    pub annotations: usize,
    /// Orphaned annotations (formats without a place for them leave them out).
    pub orphaned: usize,
    /// Picture regions in the export.
    pub regions: usize,
    /// Picture regions the format has no place for (brat), left out: to be told.
    pub regions_left_out: usize,
    /// The files written (one, or the files in the output directory).
    pub files: Vec<PathBuf>,
    /// Places in the folders that were not walked (symbolic link loops), to be told.
    pub skipped: Vec<WalkProblem>,
}

/// How far [`export_paths_with`] got, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// `done` of `total` articles loaded.
    Loading {
        /// Loaded so far.
        done: usize,
        /// To load.
        total: usize,
    },
    /// Loading is done; the output is being made and written.
    Writing,
}

/// The articles under `paths`: files as given (a sidecar stands for its article),
/// folders walked recursively ([`store::walk`]) for articles and for sidecars (so a
/// sidecar whose article is gone is reported); the `.txt` copies in a folder written
/// by a brat export are not articles. Hidden entries are skipped; each real
/// file once, in walk order. Special files and broken links with article names are
/// kept, so that loading them reports why they cannot be read; symbolic link loops
/// are not followed and are returned in `skipped`.
pub fn find_articles(paths: &[PathBuf]) -> Result<FoundArticles, ExportPathsError> {
    let mut out = FoundArticles::default();
    let mut seen = BTreeSet::new();
    let mut add = |article: PathBuf, out: &mut FoundArticles| {
        if seen.insert(article.clone()) {
            out.articles.push(article);
        }
    };
    for path in paths {
        if !path.is_dir() {
            add(
                store::article_path_of(path).unwrap_or_else(|| path.clone()),
                &mut out,
            );
            continue;
        }
        let walk = store::walk(path, &store::WalkOptions::default());
        for problem in walk.problems {
            match problem.kind {
                WalkProblemKind::SymlinkLoop { .. } => out.skipped.push(problem),
                WalkProblemKind::Unreadable(_) => {
                    return Err(ExportPathsError::List(problem));
                }
                WalkProblemKind::NotRegularFile | WalkProblemKind::BrokenLink => {
                    match EntryKind::of(&problem.path) {
                        Some(EntryKind::Article) => add(problem.path, &mut out),
                        Some(EntryKind::Sidecar) => {
                            if let Some(article) = store::article_path_of(&problem.path) {
                                add(article, &mut out);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        for entry in walk.entries {
            match entry.kind {
                EntryKind::Article if is_brat_copy(&entry.path) => {}
                EntryKind::Article => add(entry.path, &mut out),
                EntryKind::Sidecar => {
                    if let Some(article) = store::article_path_of(&entry.path) {
                        add(article, &mut out);
                    }
                }
                EntryKind::Image | EntryKind::Codebook => {}
            }
        }
    }
    Ok(out)
}

/// Whether `path` is a document of a brat export (a `.txt` beside its `.ann`, in a
/// folder with brat's `annotation.conf`): a copy of an article's text, not an article
/// of the corpus, so walking a folder passes it by.
fn is_brat_copy(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "txt")
        && path.with_extension("ann").is_file()
        && path
            .parent()
            .is_some_and(|dir| dir.join(super::brat::CONF_FILES[0]).is_file())
}

/// What [`find_articles`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoundArticles {
    /// The articles (paths as reached from the paths given), each once.
    pub articles: Vec<PathBuf>,
    /// Places not walked (symbolic link loops); every real file was still reached.
    pub skipped: Vec<WalkProblem>,
}

/// Load an article and its sidecar; the folder codebook's tags come first in the
/// sidecar's tags (in memory only), so that exports carry its order and colours.
fn load(path: &Path) -> Result<(Article, Sidecar), LoadError> {
    if !path.exists() && store::sidecar_path(path).exists() {
        return Err(LoadError::MissingArticle {
            article: path.to_owned(),
            sidecar: store::sidecar_path(path),
        });
    }
    let article = crate::article::load(path)?;
    let (mut sidecar, _) = Sidecar::open(path, &article).map_err(LoadError::Sidecar)?;
    if let Some(book_path) = store::find_codebook(path) {
        let mut book: Codebook = store::load_codebook(&book_path).map_err(LoadError::Codebook)?;
        book.absorb(&sidecar.tags);
        sidecar.tags = book.tags;
    }
    Ok((article, sidecar))
}

/// Export the articles under `paths` (see [`find_articles`]) as `format` to `out`,
/// with default options. See [`export_paths_with`].
pub fn export_paths(
    format: Format,
    paths: &[PathBuf],
    out: &Path,
) -> Result<ExportSummary, ExportPathsError> {
    export_paths_with(format, &ExportOptions::default(), paths, out, &mut |_| {})
}

/// Export the articles under `paths` as `format` to `out`, reporting progress.
///
/// One-file formats replace `out` atomically. `brat` writes into the directory `out`
/// (created if needed): all its files are written or none. If any article or sidecar
/// cannot be read, nothing is written and every failure is returned. An output that
/// would replace an article or sidecar being exported, that has the name of a
/// sidecar or `codebook.ron`, or (brat) a folder that holds articles, is refused.
pub fn export_paths_with(
    format: Format,
    options: &ExportOptions,
    paths: &[PathBuf],
    out: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<ExportSummary, ExportPathsError> {
    let exporter = format.exporter(options);
    let loaded = load_all(paths, &options.filter, progress)?;
    check_output(out, exporter.output_kind(), &loaded)?;
    progress(Progress::Writing);
    let items = items_of(&loaded);
    let mut summary = summarize(&items);
    summary.skipped.clone_from(&loaded.skipped);
    if !format.has_regions() {
        summary.regions_left_out = summary.regions;
    }
    match exporter.output_kind() {
        OutputKind::File => {
            let (bytes, beside) = exporter.export_beside(&items, out)?;
            let folder = out.parent().unwrap_or(Path::new(""));
            for f in beside {
                let path = folder.join(&f.name);
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir)
                        .map_err(|e| StoreError::io(IoAction::Create, dir, e))?;
                }
                store::write_atomic(&path, &f.bytes)?;
                summary.files.push(path);
            }
            store::write_atomic(out, &bytes)?;
            summary.files.push(out.to_owned());
        }
        OutputKind::Directory => {
            let files = exporter.export_files(&items)?;
            std::fs::create_dir_all(out).map_err(|e| StoreError::io(IoAction::Create, out, e))?;
            let mut writes = Vec::with_capacity(files.len());
            for f in files {
                let path = out.join(&f.name);
                let original = match std::fs::read(&path) {
                    Ok(bytes) => Some(bytes),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                    Err(e) => return Err(StoreError::io(IoAction::Read, &path, e).into()),
                };
                summary.files.push(path.clone());
                writes.push(PlannedWrite {
                    path,
                    bytes: f.bytes,
                    original,
                });
            }
            store::commit_all(writes)?;
        }
    }
    Ok(summary)
}

/// Export the articles under `paths` as one-file `format` to `out` (standard output
/// for the CLI). Directory formats (`brat`) give [`ExportError::WritesDirectory`].
pub fn export_to_stream(
    format: Format,
    options: &ExportOptions,
    paths: &[PathBuf],
    out: &mut dyn std::io::Write,
) -> Result<ExportSummary, ExportPathsError> {
    let exporter = format.exporter(options);
    if exporter.output_kind() == OutputKind::Directory {
        return Err(ExportError::WritesDirectory {
            format: format.name(),
        }
        .into());
    }
    let loaded = load_all(paths, &options.filter, &mut |_| {})?;
    let items = items_of(&loaded);
    exporter.export(&items, out)?;
    let mut summary = summarize(&items);
    summary.skipped = loaded.skipped;
    if !format.has_regions() {
        summary.regions_left_out = summary.regions;
    }
    Ok(summary)
}

/// `path` as the file system resolves it (symbolic links followed), also when it
/// does not exist yet (then its folder is resolved).
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = std::fs::canonicalize(path) {
        return Some(p);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}

/// Refuse an output that would destroy what is being exported or Pathok's files.
fn check_output(out: &Path, kind: OutputKind, loaded: &Loaded) -> Result<(), ExportPathsError> {
    let target = resolved(out);
    let inputs = loaded
        .articles
        .iter()
        .flat_map(|(path, _, sidecar)| [path.clone(), sidecar.path.clone()]);
    match kind {
        OutputKind::File => {
            if matches!(
                EntryKind::of(out),
                Some(EntryKind::Sidecar | EntryKind::Codebook)
            ) {
                return Err(ExportPathsError::OutputIsPathokFile(out.to_owned()));
            }
            for input in inputs {
                if target.is_some() && resolved(&input) == target {
                    return Err(ExportPathsError::OutputIsInput {
                        out: out.to_owned(),
                        input,
                    });
                }
            }
        }
        OutputKind::Directory => {
            let holds = |found: PathBuf| ExportPathsError::OutputHoldsArticles {
                out: out.to_owned(),
                found,
            };
            if let Some(dir) = &target {
                for input in inputs {
                    if resolved(&input).is_some_and(|p| p.starts_with(dir)) {
                        return Err(holds(input));
                    }
                }
            }
            if out.is_dir() {
                let walk = store::walk(out, &store::WalkOptions::default());
                for entry in walk.entries {
                    // A .txt beside its .ann is a document of an earlier brat export.
                    let brat_document = entry.path.extension().is_some_and(|e| e == "txt")
                        && entry.path.with_extension("ann").is_file();
                    let pathok_file = match entry.kind {
                        EntryKind::Article => !brat_document,
                        EntryKind::Sidecar | EntryKind::Codebook => true,
                        EntryKind::Image => false,
                    };
                    if pathok_file {
                        return Err(holds(entry.path));
                    }
                }
            }
        }
    }
    Ok(())
}

struct Loaded {
    articles: Vec<(PathBuf, Article, Sidecar)>,
    skipped: Vec<WalkProblem>,
}

/// Load every article under `paths`, keeping the annotations that pass `filter`; all
/// failures or all articles.
fn load_all(
    paths: &[PathBuf],
    filter: &PassageFilter,
    progress: &mut dyn FnMut(Progress),
) -> Result<Loaded, ExportPathsError> {
    let FoundArticles { articles, skipped } = find_articles(paths)?;
    let mut loaded = Vec::with_capacity(articles.len());
    let mut failures = Vec::new();
    let total = articles.len();
    for (i, path) in articles.into_iter().enumerate() {
        match load(&path) {
            Ok((article, mut sidecar)) => {
                if !filter.is_empty() {
                    let kept: Vec<_> = filter
                        .select(sidecar.annotations.as_slice())
                        .into_iter()
                        .cloned()
                        .collect();
                    let note = std::mem::take(&mut sidecar.annotations.article_note);
                    sidecar.annotations = AnnotationSet::new(kept, Vec::new());
                    sidecar.annotations.article_note = note;
                }
                loaded.push((path, article, sidecar));
            }
            Err(reason) => failures.push(LoadFailure { path, reason }),
        }
        progress(Progress::Loading { done: i + 1, total });
    }
    if !failures.is_empty() {
        return Err(ExportPathsError::Load(failures));
    }
    Ok(Loaded {
        articles: loaded,
        skipped,
    })
}

fn items_of(loaded: &Loaded) -> Vec<ExportItem<'_>> {
    loaded
        .articles
        .iter()
        .map(|(path, article, sidecar)| ExportItem {
            path,
            article,
            sidecar,
        })
        .collect()
}

/// Counts of `items` (no files yet).
pub(crate) fn summarize(items: &[ExportItem<'_>]) -> ExportSummary {
    let all = || items.iter().flat_map(|i| i.sidecar.annotations.iter());
    ExportSummary {
        articles: items.len(),
        annotations: all().count(),
        orphaned: items
            .iter()
            .map(|i| {
                i.sidecar
                    .annotations
                    .iter()
                    .filter(|a| !a.is_region() && super::Placed::of(a, &i.article.text).is_none())
                    .count()
            })
            .sum(),
        regions: all().filter(|a| a.is_region()).count(),
        regions_left_out: 0,
        files: Vec::new(),
        skipped: Vec::new(),
    }
}
