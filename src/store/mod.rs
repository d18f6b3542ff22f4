//! Files next to the articles: RON sidecars with the annotations (versioned, written
//! atomically, merged on concurrent change, never overwritten when corrupt) and the
//! folder codebook. Every write goes through [`LockedWrite`].
//!
//! Pure: no egui.

mod atomic;
mod codebook;
mod format;
mod ids;
mod lock;
mod merge;
mod merge3;
mod reader;
mod sidecar;
#[cfg(test)]
mod strategies;
mod update;
mod walk;
mod writer;

use crate::tr;
use std::path::{Path, PathBuf};

pub use atomic::{
    PlannedWrite, PreparedWrite, commit_all, temp_path_for, write_atomic, write_target,
};
pub use codebook::{
    CODEBOOK_FILE, CodebookFile, RenameReport, TagUsage, codebook_path_for, delete_tag,
    find_codebook, load_codebook, rename_tag, save_codebook, sidecars_under, tag_usage,
};
pub use format::{
    ArticleInfo, FORMAT_NAME, FORMAT_VERSION, SidecarFile, parse_sidecar, read_sidecar_file, to_ron,
};
pub use ids::{DuplicateId, Renumbered, duplicate_ids};
pub use lock::{LOCK_FILE, LOCK_TIMEOUT};
pub use merge::merge;
pub use merge3::{Merged3, merge_three_way};
pub use sidecar::{DiskStamp, SaveOutcome, Sidecar};
pub use update::{LockedFile, LockedWrite, MAX_STORE_FILE_BYTES, update_sidecars};
pub use walk::{
    ARTICLE_EXTENSIONS, Entry, EntryKind, IMAGE_EXTENSIONS, Walk, WalkOptions, WalkProblem,
    WalkProblemKind, walk, walk_with,
};

/// Suffix appended to the article's file name to name its sidecar.
pub const SIDECAR_SUFFIX: &str = ".annotations.ron";

/// Why a sidecar or codebook could not be read or written. Messages name the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading or writing failed.
    #[error("{}", tr!(
        "store-io",
        action = .action.key(),
        reason = .source.to_string(),
        path = .path.display().to_string()
    ))]
    Io {
        /// What was being done.
        action: IoAction,
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not valid RON for this format. It is never overwritten.
    #[error("{}", tr!(
        "error-parse",
        line = *.line,
        column = *.column,
        message = .message.as_str(),
        path = .path.display().to_string()
    ))]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The file holds a git merge left unresolved: `<<<<<<<` … `>>>>>>>` around the
    /// lines both sides changed (`pathok merge-driver` writes them on a conflict). Named
    /// as such, with what to do, rather than as a RON syntax error. Never overwritten.
    #[error("{}", tr!(
        "error-conflict-markers",
        line = *.line,
        path = .path.display().to_string()
    ))]
    ConflictMarkers {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first `<<<<<<<`.
        line: usize,
    },
    /// The file is RON but of another kind.
    #[error("{}", tr!(
        "store-wrong-format",
        expected = *.expected,
        found = format!("{:?}", .found),
        path = .path.display().to_string()
    ))]
    WrongFormat {
        /// The file.
        path: PathBuf,
        /// The format name expected.
        expected: &'static str,
        /// The format name found.
        found: String,
    },
    /// Written by a newer Pathok: shown read-only, never rewritten.
    #[error("{}", tr!(
        "error-newer-version",
        found = *.found,
        supported = *.supported,
        path = .path.display().to_string()
    ))]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
    /// A file that may not be written (corrupt or newer) was about to be written.
    #[error("{}", tr!("error-refuse-overwrite", path = .path.display().to_string()))]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// A folder could not be walked (it cannot be listed, or holds a sidecar that is
    /// not a regular file).
    #[error(transparent)]
    Folder(WalkProblem),
    /// The file could not be read: missing, not a regular file, too large, or the OS
    /// refused.
    #[error(transparent)]
    File(#[from] crate::article::FileError),
    /// Another writer held the folder's lock for longer than [`LOCK_TIMEOUT`].
    #[error("{}", tr!("error-locked", path = .path.display().to_string()))]
    Locked {
        /// The lock file.
        path: PathBuf,
    },
    /// A multi-file write failed, and putting back the files it had already replaced
    /// failed too: those hold the new content.
    #[error("{}", tr!(
        "store-rollback-failed",
        cause = .cause.to_string(),
        failures = list_errors(.failures)
    ))]
    RollbackFailed {
        /// Why the write failed.
        cause: Box<StoreError>,
        /// Why each file could not be put back (each names its file).
        failures: Vec<StoreError>,
    },
    /// A codebook operation refers to a tag that does not exist.
    #[error("{}", tr!("error-unknown-tag", name = .name.as_str(), path = .path.display().to_string()))]
    UnknownTag {
        /// The codebook file.
        path: PathBuf,
        /// The tag asked for.
        name: String,
    },
}

/// What a failed file system call was doing, as [`StoreError::Io`] tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoAction {
    /// Reading a file or a symbolic link.
    Read,
    /// Writing a file (its temporary copy).
    Write,
    /// Renaming a file (a written copy over its target, a bad sidecar aside).
    Rename,
    /// Removing a file.
    Remove,
    /// Creating a folder.
    Create,
    /// Taking a folder's lock.
    Lock,
    /// Opening a folder to sync it.
    OpenFolder,
}

impl IoAction {
    /// The catalogues' key for the action (`store-io` chooses its words by it).
    pub fn key(self) -> &'static str {
        match self {
            IoAction::Read => "read",
            IoAction::Write => "write",
            IoAction::Rename => "rename",
            IoAction::Remove => "remove",
            IoAction::Create => "create",
            IoAction::Lock => "lock",
            IoAction::OpenFolder => "open-folder",
        }
    }
}

fn list_errors(errors: &[StoreError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl StoreError {
    pub(crate) fn io(action: IoAction, path: &Path, source: std::io::Error) -> Self {
        StoreError::Io {
            action,
            path: path.to_owned(),
            source,
        }
    }
}

/// The folder `path` is in: its parent, or `.` for a bare file name. (`Path::parent`
/// gives an empty path for `a.txt`, which no file system call accepts: a relative
/// path must work like an absolute one.)
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// The sidecar of the article at `article`: `a.txt` → `a.txt.annotations.ron`, in the
/// same folder.
pub fn sidecar_path(article: &Path) -> PathBuf {
    let mut name = article.file_name().unwrap_or_default().to_os_string();
    name.push(SIDECAR_SUFFIX);
    article.with_file_name(name)
}

/// The article a sidecar belongs to (`a.txt.annotations.ron` → `a.txt`), or `None`
/// when `path` is not named like a sidecar.
pub fn article_path_of(sidecar: &Path) -> Option<PathBuf> {
    let name = sidecar.file_name()?.to_str()?;
    let article = name.strip_suffix(SIDECAR_SUFFIX)?;
    (!article.is_empty()).then(|| sidecar.with_file_name(article))
}

/// Keep a sidecar that cannot be read as `<name>.bad-<UTC time>` (e.g.
/// `a.txt.annotations.ron.bad-20250301T093000Z`) so that a fresh one can be started.
/// Call this only when the user asked for it. Returns the new name.
pub fn keep_bad_sidecar(path: &Path) -> Result<PathBuf, StoreError> {
    let now = time::OffsetDateTime::now_utc();
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    );
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".bad-{stamp}"));
    let mut target = path.with_file_name(&name);
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = path.with_file_name(format!("{}-{n}", name.to_string_lossy()));
    }
    std::fs::rename(path, &target).map_err(|e| StoreError::io(IoAction::Rename, path, e))?;
    Ok(target)
}
