//! Exporting what the user pointed at: articles and folders in, one output written
//! atomically (a file, or a directory whose files are all written or none).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{ExportError, ExportItem, ExportOptions, OutputKind, exporter_with};
use crate::annotate::Codebook;
use crate::article::Article;
use crate::store::{self, PlannedWrite, Sidecar, StoreError};

/// Extensions of the article files a folder search picks up.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// An article that could not be loaded, and why.
#[derive(Debug, thiserror::Error)]
#[error("{reason}")]
pub struct LoadFailure {
    /// The article (or lone sidecar).
    pub path: PathBuf,
    /// Why (names the file).
    pub reason: String,
}

/// Why [`export_paths`] wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ExportPathsError {
    /// `format` is not one of [`super::FORMATS`].
    #[error("unknown export format {0:?}")]
    UnknownFormat(String),
    /// A folder could not be listed.
    #[error("cannot list {path}: {source}")]
    List {
        /// The folder.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// Some articles or sidecars could not be read (all are listed); nothing written.
    #[error("{} article(s) could not be read; nothing was exported", .0.len())]
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
    /// The files written (one, or the files in the output directory).
    pub files: Vec<PathBuf>,
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
/// folders searched recursively for `.txt`, `.md`, `.html` and `.htm` articles and
/// for sidecars (so a sidecar whose article is gone is reported). Hidden entries are
/// skipped; each folder's articles are sorted; every article once.
pub fn find_articles(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ExportPathsError> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for path in paths {
        let mut found = Vec::new();
        if path.is_dir() {
            search(path, &mut found)?;
            found.sort();
        } else {
            found.push(store::article_path_of(path).unwrap_or_else(|| path.clone()));
        }
        for article in found {
            if seen.insert(article.clone()) {
                out.push(article);
            }
        }
    }
    Ok(out)
}

fn search(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), ExportPathsError> {
    let list = |source| ExportPathsError::List {
        path: dir.to_owned(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(list)? {
        let entry = entry.map_err(list)?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            search(&path, out)?;
        } else if let Some(article) = store::article_path_of(&path) {
            out.push(article);
        } else if is_article(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str()))
}

/// Load an article and its sidecar; the folder codebook's tags come first in the
/// sidecar's tags (in memory only), so that exports carry its order and colours.
fn load(path: &Path) -> Result<(Article, Sidecar), String> {
    if !path.exists() && store::sidecar_path(path).exists() {
        return Err(format!(
            "unknown article: the sidecar has no article next to it ({} is missing): {}",
            path.display(),
            store::sidecar_path(path).display()
        ));
    }
    let article = crate::article::load(path).map_err(|e| e.to_string())?;
    let (mut sidecar, _) = Sidecar::open(path, &article).map_err(|e| e.to_string())?;
    if let Some(book_path) = store::find_codebook(path) {
        let mut book: Codebook = store::load_codebook(&book_path).map_err(|e| e.to_string())?;
        book.absorb(&sidecar.tags);
        sidecar.tags = book.tags;
    }
    Ok((article, sidecar))
}

/// Export the articles under `paths` (see [`find_articles`]) as `format` (one of
/// [`super::FORMATS`]) to `out`, with default options. See [`export_paths_with`].
pub fn export_paths(
    format: &str,
    paths: &[PathBuf],
    out: &Path,
) -> Result<ExportSummary, ExportPathsError> {
    export_paths_with(format, ExportOptions::default(), paths, out, &mut |_| {})
}

/// Export the articles under `paths` as `format` to `out`, reporting progress.
///
/// One-file formats replace `out` atomically. `brat` writes into the directory `out`
/// (created if needed): all its files are written or none. If any article or sidecar
/// cannot be read, nothing is written and every failure is returned.
pub fn export_paths_with(
    format: &str,
    options: ExportOptions,
    paths: &[PathBuf],
    out: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<ExportSummary, ExportPathsError> {
    let exporter = exporter_with(format, options)
        .ok_or_else(|| ExportPathsError::UnknownFormat(format.into()))?;
    let loaded = load_all(paths, progress)?;
    progress(Progress::Writing);
    let items = items_of(&loaded);
    let mut summary = summarize(&items);
    match exporter.output_kind() {
        OutputKind::File => {
            let mut bytes = Vec::new();
            exporter.export(&items, &mut bytes)?;
            store::write_atomic(out, &bytes)?;
            summary.files.push(out.to_owned());
        }
        OutputKind::Directory => {
            let files = exporter.export_files(&items)?;
            std::fs::create_dir_all(out).map_err(|e| StoreError::io("create", out, e))?;
            let mut writes = Vec::with_capacity(files.len());
            for f in files {
                let path = out.join(&f.name);
                let original = match std::fs::read(&path) {
                    Ok(bytes) => Some(bytes),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                    Err(e) => return Err(StoreError::io("read", &path, e).into()),
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
/// for the CLI). Directory formats (`brat`) give [`ExportError::Unsupported`].
pub fn export_to_stream(
    format: &str,
    options: ExportOptions,
    paths: &[PathBuf],
    out: &mut dyn std::io::Write,
) -> Result<ExportSummary, ExportPathsError> {
    let exporter = exporter_with(format, options)
        .ok_or_else(|| ExportPathsError::UnknownFormat(format.into()))?;
    if exporter.output_kind() == OutputKind::Directory {
        return Err(ExportError::Unsupported(format!(
            "{format} writes a directory: give one with -o"
        ))
        .into());
    }
    let loaded = load_all(paths, &mut |_| {})?;
    let items = items_of(&loaded);
    exporter.export(&items, out)?;
    Ok(summarize(&items))
}

type Loaded = Vec<(PathBuf, Article, Sidecar)>;

/// Load every article under `paths`; all failures or all articles.
fn load_all(
    paths: &[PathBuf],
    progress: &mut dyn FnMut(Progress),
) -> Result<Loaded, ExportPathsError> {
    let articles = find_articles(paths)?;
    let mut loaded = Vec::with_capacity(articles.len());
    let mut failures = Vec::new();
    let total = articles.len();
    for (i, path) in articles.into_iter().enumerate() {
        match load(&path) {
            Ok((article, sidecar)) => loaded.push((path, article, sidecar)),
            Err(reason) => failures.push(LoadFailure { path, reason }),
        }
        progress(Progress::Loading { done: i + 1, total });
    }
    if !failures.is_empty() {
        return Err(ExportPathsError::Load(failures));
    }
    Ok(loaded)
}

fn items_of(loaded: &Loaded) -> Vec<ExportItem<'_>> {
    loaded
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
                    .filter(|a| super::Placed::of(a, &i.article.text).is_none())
                    .count()
            })
            .sum(),
        files: Vec::new(),
    }
}
