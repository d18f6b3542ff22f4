//! The advisory lock every writer of a folder's sidecars and codebook holds while it
//! reads, merges and replaces them (see [`super::LockedWrite`]).
//!
//! **What is locked.** One lock per folder: the hidden file `.pathok.tmp-lock` in it,
//! locked with the OS's advisory file lock (`flock` on Unix, `LockFileEx` on
//! Windows, through `std::fs::File::try_lock`). Per folder rather than per sidecar,
//! so that renaming a tag across a corpus of thousands of sidecars holds one open file
//! per folder, not one per sidecar; writes are milliseconds long, so writers of
//! different sidecars of one folder hardly ever wait for each other.
//!
//! **Why a lock file, and why it is removed.** Locking the folder itself needs a
//! folder opened for reading, which network file systems cannot lock (NFS emulates
//! `flock` with byte-range locks that need a file open for writing), and Windows
//! cannot open folders as files at all; locking the sidecar itself fails because
//! every write replaces it with a new file. So a lock file is created next to the
//! files it guards — and, since nothing but sidecars and `codebook.ron` may stay in a
//! corpus folder, it is removed when the lock is released. Removing a lock file is
//! racy unless every taker checks, once it holds the lock, that the file it locked is
//! still the one at the path (same device and inode): a taker that waited on a file
//! that was removed meanwhile lets go and tries again with the new one. A process
//! killed while holding the lock leaves the file behind (the OS releases the lock
//! itself); the next writer takes it and removes it. On systems without inode
//! numbers in `std` (Windows) that check is impossible, so there the file is left in
//! place (hidden; the README's `.gitignore` line covers it).
//!
//! File systems that do not support locking at all (some FUSE mounts) get no lock
//! rather than no saving: the atomic write still guarantees whole files.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{IoAction, StoreError};

/// Name of the lock file in a folder being written. Hidden, and ends like a temp file
/// (`.*.tmp-*`) so that one `.gitignore` line covers both.
pub const LOCK_FILE: &str = ".pathok.tmp-lock";

/// How long a writer waits for another to finish before giving up with
/// [`StoreError::Locked`].
pub const LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// The lock of one folder, held until dropped.
#[derive(Debug)]
pub(crate) struct FolderLock {
    /// Kept open: closing it releases the lock.
    _file: Option<File>,
    path: PathBuf,
    /// True when this holder must remove the lock file on release.
    remove: bool,
}

impl FolderLock {
    /// Take the lock of `folder`, waiting up to [`LOCK_TIMEOUT`] for another writer.
    /// Errors name the lock file in `named`: the folder as the caller reached it (a
    /// relative `../corpus` stays relative in the message even when `folder` is its
    /// canonical path, which only orders the locks).
    pub(crate) fn acquire(folder: &Path, named: &Path) -> Result<FolderLock, StoreError> {
        let path = folder.join(LOCK_FILE);
        let shown = named.join(LOCK_FILE);
        let deadline = Instant::now() + LOCK_TIMEOUT;
        let mut pause = Duration::from_millis(1);
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|e| StoreError::io(IoAction::Lock, &shown, e))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => {
                    drop(file);
                    if Instant::now() >= deadline {
                        return Err(StoreError::Locked { path: shown });
                    }
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(20));
                    continue;
                }
                Err(std::fs::TryLockError::Error(e)) if locking_unsupported(&e) => {
                    // Keep the file so it is removed like a real lock's.
                    return Ok(FolderLock {
                        _file: Some(file),
                        path,
                        remove: cfg!(unix),
                    });
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(StoreError::io(IoAction::Lock, &shown, e));
                }
            }
            match still_at_path(&file, &path) {
                Ok(true) => {
                    return Ok(FolderLock {
                        _file: Some(file),
                        path,
                        remove: cfg!(unix),
                    });
                }
                // The holder before us removed the file while we waited: try again.
                Ok(false) => continue,
                Err(e) => return Err(StoreError::io(IoAction::Lock, &shown, e)),
            }
        }
    }
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        if self.remove {
            // While the lock is still held (the file closes after this), so nobody
            // can be using this file as their lock; waiters notice it is gone.
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// True when the OS says this file system cannot lock files.
fn locking_unsupported(e: &std::io::Error) -> bool {
    if e.kind() == std::io::ErrorKind::Unsupported {
        return true;
    }
    #[cfg(unix)]
    {
        matches!(e.raw_os_error(), Some(libc::ENOLCK | libc::EOPNOTSUPP))
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// True when `file` (opened from `path`) is still the file at `path`.
#[cfg(unix)]
fn still_at_path(file: &File, path: &Path) -> std::io::Result<bool> {
    use std::os::unix::fs::MetadataExt as _;
    let opened = file.metadata()?;
    match std::fs::symlink_metadata(path) {
        Ok(now) => Ok(now.dev() == opened.dev() && now.ino() == opened.ino()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Without inode numbers the lock file is never removed, so it is always the same.
#[cfg(not(unix))]
fn still_at_path(_file: &File, _path: &Path) -> std::io::Result<bool> {
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Barrier};

    #[test]
    fn one_holder_at_a_time_and_no_lock_file_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let inside = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let start = Arc::new(Barrier::new(6));
        let threads: Vec<_> = (0..6)
            .map(|_| {
                let (folder, inside, most, start) = (
                    dir.path().to_owned(),
                    Arc::clone(&inside),
                    Arc::clone(&most),
                    Arc::clone(&start),
                );
                std::thread::spawn(move || {
                    start.wait();
                    for _ in 0..20 {
                        let lock = FolderLock::acquire(&folder, &folder).unwrap();
                        let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_micros(200));
                        inside.fetch_sub(1, Ordering::SeqCst);
                        drop(lock);
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(most.load(Ordering::SeqCst), 1);
        #[cfg(unix)]
        assert!(!dir.path().join(LOCK_FILE).exists());
    }

    #[test]
    fn a_lock_file_left_by_a_killed_writer_is_taken_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(LOCK_FILE), "").unwrap();
        drop(FolderLock::acquire(dir.path(), dir.path()).unwrap());
        #[cfg(unix)]
        assert!(!dir.path().join(LOCK_FILE).exists());
    }
}
