//! Atomic file replacement: write a temp file in the same folder, fsync it, rename it
//! over the target, fsync the folder. A crash at any point leaves either the old or
//! the new file, never a mix.

use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::StoreError;

/// The temp file used while replacing `target`: `.<name>.tmp-<pid>` in the same folder
/// (hidden, and never named like a sidecar, so folder scans skip it).
pub fn temp_path_for(target: &Path) -> PathBuf {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    target.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
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
    /// Write `bytes` to the temp file of `target` and fsync it.
    pub fn prepare(target: &Path, bytes: &[u8]) -> Result<Self, StoreError> {
        let temp = temp_path_for(target);
        let mut prepared = PreparedWrite {
            temp,
            target: target.to_owned(),
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
            return Err(StoreError::io("write", &prepared.temp, e));
        }
        Ok(prepared)
    }

    /// The file this write replaces.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Rename the temp file over the target and fsync the folder.
    pub fn commit(mut self) -> Result<(), StoreError> {
        std::fs::rename(&self.temp, &self.target)
            .map_err(|e| StoreError::io("rename", &self.target, e))?;
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
/// should one fail, the files already replaced are put back from `original`.
pub fn commit_all(writes: Vec<PlannedWrite>) -> Result<(), StoreError> {
    let mut prepared = Vec::with_capacity(writes.len());
    for w in &writes {
        prepared.push(PreparedWrite::prepare(&w.path, &w.bytes)?);
    }
    for (i, p) in prepared.into_iter().enumerate() {
        if let Err(e) = p.commit() {
            for done in writes[..i].iter().rev() {
                let _ = match &done.original {
                    Some(bytes) => write_atomic(&done.path, bytes),
                    None => std::fs::remove_file(&done.path)
                        .map_err(|e| StoreError::io("remove", &done.path, e)),
                };
            }
            return Err(e);
        }
    }
    Ok(())
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
