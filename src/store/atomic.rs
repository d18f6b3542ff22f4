//! Atomic file replacement: write a temp file in the same folder, fsync it, rename it
//! over the target, fsync the folder. A crash at any point leaves either the old or
//! the new file, never a mix.
//!
//! A target that is a symbolic link is written through it: the file it leads to is
//! replaced (the temp file goes into that file's folder), and the link stays a link.
//!
//! Temp files are named `.<name>.tmp-<pid>`: hidden, never named like a sidecar (so
//! folder scans skip them), and matched by the one `.gitignore` line `.*.tmp-*`. A
//! write killed before its rename leaves its temp file behind; writers of sidecars and
//! codebooks remove such files on their next write in the folder
//! ([`remove_stale_temps`], called under the folder's lock).

use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{IoAction, StoreError};
use crate::tr;

/// The temp file used while replacing `target`: `.<name>.tmp-<pid>` in the same folder
/// (hidden, and never named like a sidecar, so folder scans skip it).
pub fn temp_path_for(target: &Path) -> PathBuf {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    target.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

/// The longest chain of symbolic links followed to find the file a write replaces.
const MAX_LINKS: usize = 40;

/// The file that writing to `path` replaces: `path` itself, or, if it is a symbolic
/// link, the file the chain of links leads to (which may not exist yet).
pub fn write_target(path: &Path) -> Result<PathBuf, StoreError> {
    let mut at = path.to_owned();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to =
                    std::fs::read_link(&at).map_err(|e| StoreError::io(IoAction::Read, &at, e))?;
                // A relative target is relative to the link's folder; an absolute one
                // replaces the whole path in `join`.
                at = match at.parent() {
                    Some(folder) => folder.join(to),
                    None => to,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(StoreError::io(
        IoAction::Write,
        path,
        std::io::Error::other(tr!("store-too-many-links")),
    ))
}

/// A temp file written and synced, waiting to be renamed over its target. Dropping it
/// without [`PreparedWrite::commit`] removes the temp file and leaves the target alone.
#[derive(Debug)]
pub struct PreparedWrite {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl PreparedWrite {
    /// Write `bytes` to the temp file of `target` (of the file it leads to, if it is
    /// a symbolic link) and fsync it.
    pub fn prepare(target: &Path, bytes: &[u8]) -> Result<Self, StoreError> {
        let target = write_target(target)?;
        let temp = temp_path_for(&target);
        let mut prepared = PreparedWrite {
            temp,
            target,
            committed: false,
        };
        let written = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&prepared.temp)
            .and_then(|mut f| {
                f.write_all(bytes)?;
                f.sync_all()
            });
        if let Err(e) = written {
            // Do not remove what we could not create (it may be someone else's).
            prepared.committed = true;
            return Err(StoreError::io(IoAction::Write, &prepared.temp, e));
        }
        Ok(prepared)
    }

    /// The file this write replaces (a symbolic link's target, not the link).
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Rename the temp file over the target and fsync the folder.
    pub fn commit(mut self) -> Result<(), StoreError> {
        std::fs::rename(&self.temp, &self.target)
            .map_err(|e| StoreError::io(IoAction::Rename, &self.target, e))?;
        self.committed = true;
        sync_dir(&self.target);
        Ok(())
    }
}

impl Drop for PreparedWrite {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// fsync the folder holding `path` so that a rename survives a power cut. Best effort:
/// some file systems do not support it.
fn sync_dir(path: &Path) {
    if let Ok(d) = File::open(super::folder_of(path)) {
        let _ = d.sync_all();
    }
}

/// Replace `target` with `bytes` atomically.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    PreparedWrite::prepare(target, bytes)?.commit()
}

/// One file of a multi-file write, with what it held before (for rolling back).
#[derive(Debug)]
pub struct PlannedWrite {
    /// The file to replace.
    pub path: PathBuf,
    /// Its new content.
    pub bytes: Vec<u8>,
    /// Its content before, `None` when it did not exist.
    pub original: Option<Vec<u8>>,
}

/// Write several files all or nothing: every temp file is written and synced first;
/// if any fails, all temps are removed and no target is touched. Then the renames run;
/// should one fail, the files already replaced are put back from `original` — and if
/// putting one back fails too, the error says which files now hold the new content.
pub fn commit_all(writes: Vec<PlannedWrite>) -> Result<(), StoreError> {
    commit_all_with(writes, roll_back)
}

/// [`commit_all`], putting files back with `roll_back` (tests make it fail).
fn commit_all_with(
    writes: Vec<PlannedWrite>,
    roll_back: impl Fn(&PlannedWrite) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut prepared = Vec::with_capacity(writes.len());
    for w in &writes {
        prepared.push(PreparedWrite::prepare(&w.path, &w.bytes)?);
    }
    for (i, p) in prepared.into_iter().enumerate() {
        if let Err(e) = p.commit() {
            let failures: Vec<StoreError> = writes[..i]
                .iter()
                .rev()
                .filter_map(|done| roll_back(done).err())
                .collect();
            if failures.is_empty() {
                return Err(e);
            }
            return Err(StoreError::RollbackFailed {
                cause: Box::new(e),
                failures,
            });
        }
    }
    Ok(())
}

/// Put a replaced file back as it was.
fn roll_back(done: &PlannedWrite) -> Result<(), StoreError> {
    match &done.original {
        Some(bytes) => write_atomic(&done.path, bytes),
        None => {
            let target = write_target(&done.path)?;
            std::fs::remove_file(&target).map_err(|e| StoreError::io(IoAction::Remove, &target, e))
        }
    }
}

/// The process id in the name of a temp file of a sidecar or codebook
/// (`.a.txt.annotations.ron.tmp-4711`), or `None` for any other name.
fn temp_owner(name: &str) -> Option<u32> {
    let hidden = name.strip_prefix('.')?;
    let (target, pid) = hidden.rsplit_once(".tmp-")?;
    let ours = target == super::CODEBOOK_FILE
        || (target.len() > super::SIDECAR_SUFFIX.len() && target.ends_with(super::SIDECAR_SUFFIX));
    if !ours || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Remove the temp files of sidecars and codebooks in `folder` that writes killed
/// before their rename left behind. Returns the files removed.
///
/// Call it only while holding the folder's lock ([`super::LockedWrite`]): every writer
/// of these files holds that lock from its temp file to its rename, so whatever temp
/// file of theirs is there now belongs to a write that died. Best effort: a temp file
/// that cannot be removed stays for the next write (it is hidden and harmless).
pub(crate) fn remove_stale_temps(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        if temp_owner(name).is_none() || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        if std::fs::remove_file(&path).is_ok() {
            removed.push(path);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crash_before_the_rename_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.txt.annotations.ron");
        std::fs::write(&target, "old").unwrap();
        let prepared = PreparedWrite::prepare(&target, b"new").unwrap();
        // Simulated crash: the process dies after the temp file is synced, before the
        // rename. The destructor never runs.
        std::mem::forget(prepared);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(
            std::fs::read_to_string(temp_path_for(&target)).unwrap(),
            "new"
        );
        // The next save simply reuses the temp name.
        write_atomic(&target, b"newer").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "newer");
        assert!(!temp_path_for(&target).exists());
    }

    /// Three files where the third cannot be renamed into place (a folder is there).
    fn writes_failing_at_the_third(dir: &Path) -> Vec<PlannedWrite> {
        let paths: Vec<PathBuf> = (0..3).map(|i| dir.join(format!("{i}.ron"))).collect();
        for p in &paths[..2] {
            std::fs::write(p, "old").unwrap();
        }
        std::fs::create_dir(&paths[2]).unwrap();
        std::fs::write(paths[2].join("inside"), "x").unwrap();
        paths
            .iter()
            .map(|p| PlannedWrite {
                path: p.clone(),
                bytes: b"new".to_vec(),
                original: Some(b"old".to_vec()),
            })
            .collect()
    }

    #[test]
    fn files_replaced_before_a_failed_rename_are_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let err = commit_all(writes_failing_at_the_third(dir.path())).unwrap_err();
        assert!(matches!(err, StoreError::Io { .. }), "{err}");
        for i in 0..2 {
            let p = dir.path().join(format!("{i}.ron"));
            assert_eq!(std::fs::read_to_string(p).unwrap(), "old");
        }
    }

    #[test]
    fn a_failed_roll_back_is_reported_with_its_files() {
        let dir = tempfile::tempdir().unwrap();
        let err = commit_all_with(writes_failing_at_the_third(dir.path()), |w| {
            Err(StoreError::io(
                IoAction::Write,
                &w.path,
                std::io::Error::other("disk full"),
            ))
        })
        .unwrap_err();
        let StoreError::RollbackFailed { cause, failures } = &err else {
            panic!("{err}");
        };
        assert!(cause.to_string().ends_with("2.ron"), "{cause}");
        assert_eq!(failures.len(), 2);
        let message = err.to_string();
        assert!(
            message.contains("0.ron") && message.contains("1.ron") && message.contains("disk full"),
            "{message}"
        );
    }

    #[test]
    fn a_failed_multi_file_write_touches_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<PathBuf> = (0..5)
            .map(|i| dir.path().join(format!("{i}.ron")))
            .collect();
        for p in &paths {
            std::fs::write(p, "old").unwrap();
        }
        // Something in the way of the last temp file (works even as root).
        std::fs::create_dir(temp_path_for(&paths[4])).unwrap();
        let writes = paths
            .iter()
            .map(|p| PlannedWrite {
                path: p.clone(),
                bytes: b"new".to_vec(),
                original: Some(b"old".to_vec()),
            })
            .collect();
        assert!(commit_all(writes).is_err());
        for p in &paths {
            assert_eq!(std::fs::read_to_string(p).unwrap(), "old");
            assert!(p == &paths[4] || !temp_path_for(p).exists());
        }
    }
}
