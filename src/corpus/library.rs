//! The library: every article under a folder as a row (title, file, size, annotations,
//! tags, coders, last modified), with the files that cannot be read and the sidecars
//! whose article is gone, built on [`store::walk`]. A refresh re-reads only the files
//! whose size, modification time or inode changed.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::read;
use crate::store::{self, DiskStamp, EntryKind, WalkOptions, WalkProblem, WalkProblemKind};
use crate::text::{Folding, fold_query};
use crate::tr;

/// How far a scan got, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScanProgress {
    /// Walking the folders: `found` files so far.
    Walking {
        /// Files found.
        found: usize,
    },
    /// Reading the rows: `done` of `total` articles.
    Reading {
        /// Read so far.
        done: usize,
        /// To read.
        total: usize,
    },
}

/// The scan was stopped by its progress callback.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr!("library-cancelled"))]
pub struct Cancelled;

/// What is wrong with a row. Messages name the file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RowProblem {
    /// The article cannot be read (the reason names the file).
    #[error("{0}")]
    Article(String),
    /// Its sidecar cannot be read (the reason names the file).
    #[error("{0}")]
    Sidecar(String),
    /// A sidecar whose article is gone; the row's path is the missing article.
    #[error("{}", tr!("library-article-missing", path = .sidecar.display().to_string()))]
    ArticleMissing {
        /// The sidecar.
        sidecar: PathBuf,
    },
}

/// One article of the library.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The article's path as reached from the folder given.
    pub path: PathBuf,
    /// The path inside the folder (file name with its sub-folders).
    pub name: PathBuf,
    /// The title the reader shows; empty when the article cannot be read.
    pub title: String,
    /// File size in bytes.
    pub size: u64,
    /// Last modification of the article or its sidecar, whichever is later.
    pub modified: Option<SystemTime>,
    /// Number of annotations in the sidecar (orphaned ones and picture regions
    /// included).
    pub annotations: usize,
    /// How many of them are picture regions.
    pub regions: usize,
    /// Tags used by the annotations, sorted.
    pub tags: Vec<String>,
    /// Authors of the annotations, sorted (an empty author is left out).
    pub coders: Vec<String>,
    /// What could not be read.
    pub problems: Vec<RowProblem>,
    /// The files as they were read, to tell whether they changed.
    stamps: (Option<DiskStamp>, Option<DiskStamp>),
}

impl Row {
    /// True when the article and its sidecar were read without problem.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The articles under a folder, in walk order (folders in name order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    /// The folder (or file) scanned, as given.
    pub root: PathBuf,
    /// One row per article, and per sidecar whose article is gone.
    pub rows: Vec<Row>,
    /// Places that could not be walked: symbolic link loops, folders that cannot be
    /// listed, special files and broken links that are not articles.
    pub problems: Vec<WalkProblem>,
}

/// Scan `root` (a folder, walked recursively, or one article). `progress` is called
/// as the scan goes; returning `Break` stops it with [`Cancelled`].
pub fn scan(
    root: &Path,
    progress: &mut dyn FnMut(ScanProgress) -> ControlFlow<()>,
) -> Result<Library, Cancelled> {
    rescan(root, &HashMap::new(), progress)
}

/// Scan `previous.root` again, reading only the articles and sidecars that are new or
/// whose size, modification time or inode changed since `previous` was made.
pub fn refresh(
    previous: &Library,
    progress: &mut dyn FnMut(ScanProgress) -> ControlFlow<()>,
) -> Result<Library, Cancelled> {
    let known: HashMap<&Path, &Row> = previous
        .rows
        .iter()
        .map(|r| (r.path.as_path(), r))
        .collect();
    rescan(&previous.root, &known, progress)
}

/// What a walk found, sorted out for corpus operations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The articles, each real file once, in walk order.
    pub articles: Vec<PathBuf>,
    /// Articles that are sidecars' (exist and are readable as files or not).
    sidecars: HashSet<PathBuf>,
    /// Sidecars whose article does not exist.
    pub orphan_sidecars: Vec<PathBuf>,
    /// Article files that are not regular files (FIFOs, broken links): listed with
    /// their problem, never read.
    pub unreadable: Vec<WalkProblem>,
    /// Places not walked: symbolic link loops, folders that cannot be listed.
    pub problems: Vec<WalkProblem>,
}

impl Found {
    /// True when the article at `path` has a sidecar next to it.
    pub fn has_sidecar(&self, path: &Path) -> bool {
        self.sidecars.contains(path)
    }
}

/// The articles under `paths` (folders walked recursively, files as given, a sidecar
/// standing for its article), each once.
pub fn find(
    paths: &[PathBuf],
    progress: &mut dyn FnMut(ScanProgress) -> ControlFlow<()>,
) -> Result<Found, Cancelled> {
    let mut found = Found::default();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut count = 0;
    for path in paths {
        if !path.is_dir() {
            let article = store::article_path_of(path).unwrap_or_else(|| path.clone());
            if !article.exists() && store::sidecar_path(&article).exists() {
                found.orphan_sidecars.push(store::sidecar_path(&article));
            } else if seen.insert(article.clone()) {
                if store::sidecar_path(&article).is_file() {
                    found.sidecars.insert(article.clone());
                }
                found.articles.push(article);
            }
            continue;
        }
        let mut sidecars = Vec::new();
        let mut articles = Vec::new();
        let flow = store::walk_with(
            path,
            &WalkOptions::default(),
            &mut |entry| {
                match entry.kind {
                    EntryKind::Article => articles.push(entry.path.clone()),
                    EntryKind::Sidecar => sidecars.push(entry.path.clone()),
                    EntryKind::Image | EntryKind::Codebook => {}
                }
                count += 1;
                if count % 256 == 0 {
                    progress(ScanProgress::Walking { found: count })?;
                }
                ControlFlow::Continue(())
            },
            &mut |problem| match (&problem.kind, EntryKind::of(&problem.path)) {
                (
                    WalkProblemKind::NotRegularFile | WalkProblemKind::BrokenLink,
                    Some(EntryKind::Article),
                ) => found.unreadable.push(problem),
                _ => found.problems.push(problem),
            },
        );
        if flow.is_break() {
            return Err(Cancelled);
        }
        let here: HashSet<&Path> = articles.iter().map(PathBuf::as_path).collect();
        let mut pictures = Vec::new();
        for sidecar in sidecars {
            let Some(article) = store::article_path_of(&sidecar) else {
                continue;
            };
            if here.contains(article.as_path()) {
                found.sidecars.insert(article);
            } else if !article.exists() {
                found.orphan_sidecars.push(sidecar);
            } else if EntryKind::of(&article) == Some(EntryKind::Image) {
                // A picture with a sidecar (regions drawn on it) is an article of the
                // library; pictures without one are not listed, so that a folder of
                // photos does not flood the list.
                found.sidecars.insert(article.clone());
                pictures.push(article);
            }
        }
        for article in articles.into_iter().chain(pictures) {
            if seen.insert(article.clone()) {
                found.articles.push(article);
            }
        }
    }
    Ok(found)
}

fn rescan(
    root: &Path,
    known: &HashMap<&Path, &Row>,
    progress: &mut dyn FnMut(ScanProgress) -> ControlFlow<()>,
) -> Result<Library, Cancelled> {
    let found = find(&[root.to_owned()], progress)?;
    let total = found.articles.len();
    let mut rows = Vec::with_capacity(total + found.unreadable.len());
    for (i, path) in found.articles.iter().enumerate() {
        let sidecar = found.has_sidecar(path).then(|| store::sidecar_path(path));
        let stamps = (
            DiskStamp::of(path).ok().flatten(),
            sidecar
                .as_deref()
                .and_then(|s| DiskStamp::of(s).ok().flatten()),
        );
        let row = match known.get(path.as_path()) {
            Some(row) if row.stamps == stamps && stamps.0.is_some() => (*row).clone(),
            _ => read_row(root, path, sidecar.as_deref(), stamps),
        };
        rows.push(row);
        let report = (i + 1) % 64 == 0 || i + 1 == total;
        if report && progress(ScanProgress::Reading { done: i + 1, total }).is_break() {
            return Err(Cancelled);
        }
    }
    for problem in &found.unreadable {
        let mut row = empty_row(root, &problem.path);
        row.problems.push(RowProblem::Article(problem.to_string()));
        rows.push(row);
    }
    for sidecar in &found.orphan_sidecars {
        let article = store::article_path_of(sidecar).unwrap_or_else(|| sidecar.clone());
        let mut row = empty_row(root, &article);
        row.problems.push(RowProblem::ArticleMissing {
            sidecar: sidecar.clone(),
        });
        if let Ok((file, _)) = store::read_sidecar_file(sidecar) {
            summarize_annotations(&mut row, &file.annotations);
        }
        rows.push(row);
    }
    Ok(Library {
        root: root.to_owned(),
        rows,
        problems: found.problems,
    })
}

fn empty_row(root: &Path, path: &Path) -> Row {
    let name = match path.strip_prefix(root) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.to_owned(),
        _ => path
            .file_name()
            .map_or_else(|| path.to_owned(), PathBuf::from),
    };
    Row {
        path: path.to_owned(),
        name,
        title: String::new(),
        size: 0,
        modified: None,
        annotations: 0,
        regions: 0,
        tags: Vec::new(),
        coders: Vec::new(),
        problems: Vec::new(),
        stamps: (None, None),
    }
}

/// Read one row: the title (see [`read::title`]) and the sidecar's counts.
fn read_row(
    root: &Path,
    path: &Path,
    sidecar: Option<&Path>,
    stamps: (Option<DiskStamp>, Option<DiskStamp>),
) -> Row {
    let mut row = empty_row(root, path);
    row.stamps = stamps;
    if let Ok(meta) = std::fs::metadata(path) {
        row.size = meta.len();
        row.modified = meta.modified().ok();
    }
    match read::title(path) {
        Ok(title) => row.title = title,
        Err(e) => row.problems.push(RowProblem::Article(e.to_string())),
    }
    if let Some(sidecar) = sidecar {
        let modified = std::fs::metadata(sidecar).and_then(|m| m.modified()).ok();
        row.modified = row.modified.max(modified);
        match store::read_sidecar_file(sidecar) {
            Ok((file, _)) => summarize_annotations(&mut row, &file.annotations),
            Err(e) => row.problems.push(RowProblem::Sidecar(e.to_string())),
        }
    }
    row
}

fn summarize_annotations(row: &mut Row, annotations: &[crate::annotate::Annotation]) {
    let mut tags = BTreeSet::new();
    let mut coders = BTreeSet::new();
    for a in annotations {
        tags.extend(a.tags.iter().map(String::as_str));
        if !a.author.is_empty() {
            coders.insert(a.author.as_str());
        }
    }
    row.annotations = annotations.len();
    row.regions = annotations.iter().filter(|a| a.is_region()).count();
    row.tags = tags.into_iter().map(str::to_owned).collect();
    row.coders = coders.into_iter().map(str::to_owned).collect();
}

/// A column to sort the library by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Title (folded, so that spellings and case do not split the order).
    Title,
    /// Path inside the folder.
    Name,
    /// File size.
    Size,
    /// Number of annotations.
    Annotations,
    /// Tags used (joined).
    Tags,
    /// Coders (joined).
    Coders,
    /// Last modification.
    Modified,
}

impl Library {
    /// Row indices in the order of `key` (ties keep walk order).
    pub fn sorted(&self, key: SortKey, descending: bool) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        let rows = &self.rows;
        match key {
            SortKey::Title => {
                let keys: Vec<String> = rows
                    .iter()
                    .map(|r| fold_query(&r.title, Folding::default()))
                    .collect();
                order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
            }
            SortKey::Name => order.sort_by(|&a, &b| rows[a].name.cmp(&rows[b].name)),
            SortKey::Size => order.sort_by_key(|&i| rows[i].size),
            SortKey::Annotations => order.sort_by_key(|&i| rows[i].annotations),
            SortKey::Tags => order.sort_by(|&a, &b| rows[a].tags.cmp(&rows[b].tags)),
            SortKey::Coders => order.sort_by(|&a, &b| rows[a].coders.cmp(&rows[b].coders)),
            SortKey::Modified => order.sort_by_key(|&i| rows[i].modified),
        }
        if descending {
            order.reverse();
        }
        order
    }
}

/// Which rows to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowFilter {
    /// Text in the title or path (folded like Find); empty: any.
    pub text: String,
    /// A tag the row uses; `None`: any.
    pub tag: Option<String>,
    /// A coder who annotated the row; `None`: any.
    pub coder: Option<String>,
    /// Only rows without annotations ("not yet coded").
    pub not_coded: bool,
}

impl RowFilter {
    /// True when `row` passes. Fold the text once with [`RowFilter::folded_text`]
    /// and pass it here, so that filtering many rows folds the query once.
    pub fn matches(&self, row: &Row, folded_text: &str) -> bool {
        let text_ok = folded_text.is_empty()
            || fold_query(&row.title, Folding::default()).contains(folded_text)
            || fold_query(&row.name.to_string_lossy(), Folding::default()).contains(folded_text);
        text_ok
            && self.tag.as_ref().is_none_or(|t| row.tags.contains(t))
            && self.coder.as_ref().is_none_or(|c| row.coders.contains(c))
            && (!self.not_coded || row.annotations == 0)
    }

    /// The filter text folded for [`RowFilter::matches`].
    pub fn folded_text(&self) -> String {
        fold_query(self.text.trim(), Folding::default())
    }
}

#[cfg(test)]
#[path = "library_tests.rs"]
mod tests;
