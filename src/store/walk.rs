//! Walking a folder tree once per real file: every article, image, sidecar and
//! codebook under a folder, in a stable order, with symlink loops, unreadable folders
//! and special files (FIFOs, devices) reported instead of followed, hung on or read.
//!
//! Paths are reported as reached from the folder given (relative stays relative);
//! identity is decided on canonical paths, so a file reached twice (through a symlink)
//! is listed once.

use std::collections::HashSet;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use super::{CODEBOOK_FILE, SIDECAR_SUFFIX};
use crate::tr;

/// Extensions of article files found in folders (lower case).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "xhtml"];
/// Extensions of image files found in folders (lower case).
pub const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "webp", "gif", "bmp"];

/// What a file found in a folder is, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    /// An article (`.txt`, `.md`, `.html`, …).
    Article,
    /// A picture (`.png`, `.jpg`, …).
    Image,
    /// A sidecar (`*.annotations.ron`).
    Sidecar,
    /// A folder codebook (`codebook.ron`).
    Codebook,
}

impl EntryKind {
    /// The kind of the file at `path`, judged by its name; `None` for files Pathok
    /// does not read (they are ignored by folder operations).
    pub fn of(path: &Path) -> Option<EntryKind> {
        let name = path.file_name()?.to_str()?;
        if name == CODEBOOK_FILE {
            return Some(EntryKind::Codebook);
        }
        if name.len() > SIDECAR_SUFFIX.len() && name.ends_with(SIDECAR_SUFFIX) {
            return Some(EntryKind::Sidecar);
        }
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        if ARTICLE_EXTENSIONS.contains(&extension.as_str()) {
            Some(EntryKind::Article)
        } else if IMAGE_EXTENSIONS.contains(&extension.as_str()) {
            Some(EntryKind::Image)
        } else {
            None
        }
    }
}

/// A file found by [`walk`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The path as reached from the folder given.
    pub path: PathBuf,
    /// What it is.
    pub kind: EntryKind,
}

/// Why a place in the tree was not (fully) walked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WalkProblemKind {
    /// A symbolic link leads back to a folder above it; it was not followed.
    SymlinkLoop {
        /// The folder the link leads back to.
        ancestor: PathBuf,
    },
    /// A folder could not be listed, or an entry could not be examined.
    Unreadable(String),
    /// A file with an article, image or sidecar name that is not a regular file
    /// (a FIFO, a device, a socket): it is never read.
    NotRegularFile,
    /// A symbolic link whose target does not exist.
    BrokenLink,
}

/// A problem met while walking, naming the path.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", match .kind {
    WalkProblemKind::SymlinkLoop { ancestor } => tr!(
        "walk-symlink-loop",
        ancestor = ancestor.display().to_string(),
        path = .path.display().to_string()
    ),
    WalkProblemKind::Unreadable(reason) => tr!(
        "walk-unreadable",
        reason = reason.as_str(),
        path = .path.display().to_string()
    ),
    WalkProblemKind::NotRegularFile => {
        tr!("walk-not-regular", path = .path.display().to_string())
    }
    WalkProblemKind::BrokenLink => tr!("walk-broken-link", path = .path.display().to_string()),
})]
pub struct WalkProblem {
    /// Where (as reached from the folder given).
    pub path: PathBuf,
    /// What.
    pub kind: WalkProblemKind,
}

/// What [`walk`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Walk {
    /// Files in walk order: folders in name order, each file once.
    pub entries: Vec<Entry>,
    /// Places that could not be walked or read.
    pub problems: Vec<WalkProblem>,
}

impl Walk {
    /// The entries of one kind.
    pub fn of_kind(&self, kind: EntryKind) -> impl Iterator<Item = &Path> {
        self.entries
            .iter()
            .filter(move |e| e.kind == kind)
            .map(|e| e.path.as_path())
    }
}

/// How to walk.
#[derive(Clone, Debug)]
pub struct WalkOptions {
    /// Follow symbolic links (loops are detected and reported). Default: true.
    pub follow_links: bool,
    /// Do not descend into subfolders that hold their own `codebook.ron` (the
    /// codebook's governed set). Default: false.
    pub stop_at_codebooks: bool,
    /// Skip entries whose name starts with `.` (`.git`, editor files). Default: true.
    pub skip_hidden: bool,
}

impl Default for WalkOptions {
    fn default() -> Self {
        Self {
            follow_links: true,
            stop_at_codebooks: false,
            skip_hidden: true,
        }
    }
}

/// Every article, image, sidecar and codebook under `root` (which may also be a single
/// file), each real file once. See [`walk_with`].
pub fn walk(root: &Path, options: &WalkOptions) -> Walk {
    let mut out = Walk::default();
    let _ = walk_with(
        root,
        options,
        &mut |entry| {
            out.entries.push(entry.clone());
            ControlFlow::Continue(())
        },
        &mut |problem| out.problems.push(problem),
    );
    out
}

/// Walk `root`, calling `found` for each file as it is found (return
/// `ControlFlow::Break` to stop, e.g. when the user cancels) and `problem` for each
/// place that cannot be walked. Returns `Break` when stopped early.
pub fn walk_with(
    root: &Path,
    options: &WalkOptions,
    found: &mut dyn FnMut(&Entry) -> ControlFlow<()>,
    problem: &mut dyn FnMut(WalkProblem),
) -> ControlFlow<()> {
    let mut seen: HashSet<PathBuf> = HashSet::new();
    // Files reached through a link of their own come last, so that a file found both
    // at its real place and through a link is listed at its real place.
    let mut linked: Vec<(PathBuf, Entry)> = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(options.follow_links)
        .follow_root_links(true)
        .sort_by_file_name();
    let skip_hidden = options.skip_hidden;
    let stop_at_codebooks = options.stop_at_codebooks;
    let iter = walker.into_iter().filter_entry(move |e| {
        if e.depth() == 0 {
            return true;
        }
        let hidden = e.file_name().to_string_lossy().starts_with('.');
        if skip_hidden && hidden {
            return false;
        }
        !(stop_at_codebooks && e.file_type().is_dir() && e.path().join(CODEBOOK_FILE).is_file())
    });
    for item in iter {
        let entry = match item {
            Ok(entry) => entry,
            Err(e) => {
                problem(walk_error(root, &e));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let path = entry.path();
        let Some(kind) = EntryKind::of(path) else {
            continue;
        };
        if entry.path_is_symlink() && !options.follow_links {
            continue;
        }
        if !entry.file_type().is_file() {
            problem(WalkProblem {
                path: path.to_owned(),
                kind: if entry.path_is_symlink() && std::fs::metadata(path).is_err() {
                    WalkProblemKind::BrokenLink
                } else {
                    WalkProblemKind::NotRegularFile
                },
            });
            continue;
        }
        // A file reached again through a link is the same file: list it once.
        let identity = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        let entry = Entry {
            path: path.to_owned(),
            kind,
        };
        if entry_is_link(&entry.path) {
            linked.push((identity, entry));
        } else if seen.insert(identity) {
            found(&entry)?;
        }
    }
    for (identity, entry) in linked {
        if seen.insert(identity) {
            found(&entry)?;
        }
    }
    ControlFlow::Continue(())
}

fn entry_is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

fn walk_error(root: &Path, error: &walkdir::Error) -> WalkProblem {
    let path = error.path().unwrap_or(root).to_owned();
    if let Some(ancestor) = error.loop_ancestor() {
        return WalkProblem {
            path,
            kind: WalkProblemKind::SymlinkLoop {
                ancestor: ancestor.to_owned(),
            },
        };
    }
    let broken = error
        .io_error()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        && std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    WalkProblem {
        path,
        kind: if broken {
            WalkProblemKind::BrokenLink
        } else {
            WalkProblemKind::Unreadable(
                error
                    .io_error()
                    .map_or_else(|| error.to_string(), ToString::to_string),
            )
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(walk: &Walk, root: &Path) -> Vec<String> {
        walk.entries
            .iter()
            .map(|e| {
                e.path
                    .strip_prefix(root)
                    .unwrap_or(&e.path)
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    }

    #[test]
    fn files_are_found_in_name_order_with_their_kinds_and_others_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/c")).unwrap();
        for f in [
            "z.txt",
            "a.md",
            "a.md.annotations.ron",
            "codebook.ron",
            "b/c/x.html",
            "b/p.jpg",
            "notes.docx",
            ".hidden.txt",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let walk = walk(root, &WalkOptions::default());
        assert_eq!(
            names(&walk, root),
            [
                "a.md",
                "a.md.annotations.ron",
                "b/c/x.html",
                "b/p.jpg",
                "codebook.ron",
                "z.txt"
            ]
        );
        let kinds: Vec<EntryKind> = walk.entries.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                EntryKind::Article,
                EntryKind::Sidecar,
                EntryKind::Article,
                EntryKind::Image,
                EntryKind::Codebook,
                EntryKind::Article
            ]
        );
        assert!(walk.problems.is_empty(), "{:?}", walk.problems);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_reported_once_and_each_real_file_is_listed_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(".", root.join("loop1")).unwrap();
        std::os::unix::fs::symlink("..", root.join("sub/loop2")).unwrap();
        std::os::unix::fs::symlink("sub/a.txt", root.join("link.txt")).unwrap();
        let started = std::time::Instant::now();
        let walk = walk(root, &WalkOptions::default());
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(names(&walk, root), ["sub/a.txt"]);
        let loops = walk
            .problems
            .iter()
            .filter(|p| matches!(p.kind, WalkProblemKind::SymlinkLoop { .. }))
            .count();
        assert_eq!(loops, 2, "{:?}", walk.problems);
        assert!(walk.problems[0].to_string().contains("loop"));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_with_an_article_name_is_reported_and_never_opened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        std::os::unix::fs::symlink("missing.txt", dir.path().join("gone.txt")).unwrap();
        let walk = walk(dir.path(), &WalkOptions::default());
        assert!(walk.entries.is_empty());
        let kinds: Vec<_> = walk.problems.iter().map(|p| p.kind.clone()).collect();
        assert_eq!(
            kinds,
            [WalkProblemKind::BrokenLink, WalkProblemKind::NotRegularFile]
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_to_devices_and_fifos_are_reported_and_never_opened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("real-pipe");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt")).unwrap();
        std::os::unix::fs::symlink("real-pipe", dir.path().join("pipe.md")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("a.txt.annotations.ron")).unwrap();
        let started = std::time::Instant::now();
        let walk = walk(dir.path(), &WalkOptions::default());
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert!(walk.entries.is_empty(), "{:?}", walk.entries);
        let mut found: Vec<(String, WalkProblemKind)> = walk
            .problems
            .iter()
            .map(|p| (names_of(&p.path), p.kind.clone()))
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            found,
            [
                (
                    "a.txt.annotations.ron".to_owned(),
                    WalkProblemKind::NotRegularFile
                ),
                ("pipe.md".to_owned(), WalkProblemKind::NotRegularFile),
                ("zero.txt".to_owned(), WalkProblemKind::NotRegularFile),
            ]
        );
        // The sidecar among them stops the folder operations that rewrite sidecars.
        assert!(matches!(
            crate::store::sidecars_under(dir.path()),
            Err(crate::store::StoreError::Folder(_))
        ));
    }

    fn names_of(path: &Path) -> String {
        path.file_name().unwrap().to_string_lossy().into_owned()
    }

    #[test]
    fn subfolders_with_their_own_codebook_can_be_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("own")).unwrap();
        std::fs::write(root.join("own/codebook.ron"), "x").unwrap();
        std::fs::write(root.join("own/a.txt"), "x").unwrap();
        std::fs::write(root.join("b.txt"), "x").unwrap();
        let options = WalkOptions {
            stop_at_codebooks: true,
            ..WalkOptions::default()
        };
        assert_eq!(names(&walk(root, &options), root), ["b.txt"]);
    }

    #[test]
    fn a_relative_root_gives_relative_paths() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("corpus")).unwrap();
        std::fs::write(dir.path().join("corpus/a.txt"), "x").unwrap();
        // Walk through a relative path without changing the process's directory.
        let walk = walk(
            &dir.path().join("corpus/../corpus"),
            &WalkOptions::default(),
        );
        assert_eq!(walk.entries.len(), 1);
        assert!(walk.entries[0].path.ends_with("corpus/../corpus/a.txt"));
    }
}
