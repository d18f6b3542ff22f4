//! The one way sidecars (and codebooks) are written: under the lock of their folder,
//! from what is on disk *now*, replaced atomically.
//!
//! Two writers that each read a sidecar, change their copy and write it back lose one
//! another's work (two `pathok import` runs at once kept only one run's annotations).
//! So every writer goes through [`LockedWrite`]:
//!
//! 1. [`LockedWrite::begin`] takes the lock of each folder involved (see
//!    [`super::lock`]), in one global order so that two multi-folder writers cannot
//!    deadlock, and removes temp files that killed writes left there;
//! 2. the caller looks at each file as it is on disk now ([`LockedFile::stamp`],
//!    [`LockedFile::bytes`]), merges or changes it, and hands over the new content
//!    ([`LockedFile::replace`]);
//! 3. [`LockedWrite::commit`] replaces the files all or nothing and returns their new
//!    stamps, still under the lock, so a caller that remembers the stamp can tell its
//!    own write from a later one.
//!
//! The callers:
//! - [`super::Sidecar::save`] (the GUI session, "my version + what I read"): under the
//!   lock, if the file changed since it was read, it is merged in by annotation id
//!   ([`super::merge`]: the newer `modified` wins, deletions are kept, the article note
//!   keeps a change made here), then written.
//! - [`update_sidecars`] (import, and anything that changes sidecars it did not have
//!   open): under the lock each sidecar is read and anchored in its article's text, the
//!   caller's closure changes it, and all are written together. Use it like this:
//!
//!   ```no_run
//!   # use std::path::Path;
//!   # use pathok::store::{update_sidecars, StoreError};
//!   # fn f(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
//!   let article = pathok::article::load(path)?;
//!   update_sidecars(&[(path, &article)], |_index, sidecar| {
//!       // `sidecar` is what is on disk now, anchored in `article`: change it here.
//!       sidecar.annotations.article_note.push_str(" (checked)");
//!       Ok::<(), StoreError>(())
//!   })?;
//!   # Ok(())
//!   # }
//!   ```
//! - [`super::rename_tag`] and [`super::save_codebook`]: the codebook and the sidecars
//!   it governs.
//! - A git merge driver writes git's own temporary copies (`%A`), not a sidecar in the
//!   corpus, so it needs no lock: it merges with [`super::merge_three_way`] (the
//!   rules of [`super::merge`] plus the common ancestor) and writes its output file. Anything that changes a sidecar in place uses one of the above.
//!
//! Inside a [`LockedWrite`] (or an [`update_sidecars`] closure) do not start another
//! write in the same folders: the lock is per open file, so the second would wait for
//! the first until [`super::LOCK_TIMEOUT`].

use std::path::{Path, PathBuf};

use super::lock::FolderLock;
use super::sidecar::{DiskStamp, Sidecar};
use super::{IoAction, PlannedWrite, StoreError, commit_all, sidecar_path, write_target};
use crate::article::{Article, read_regular_file_if_exists};

/// The largest sidecar or codebook Pathok reads (a sidecar with 10,000 annotations is
/// about 7 MB).
pub const MAX_STORE_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// One file of a [`LockedWrite`], as it is on disk while the lock is held.
#[derive(Debug)]
pub struct LockedFile {
    path: PathBuf,
    stamp: Option<DiskStamp>,
    /// Read on first use: `None` not read yet, `Some(None)` no file.
    current: Option<Option<Vec<u8>>>,
    replacement: Option<Vec<u8>>,
}

impl LockedFile {
    /// The path as given to [`LockedWrite::begin`].
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What the file looked like on disk when the lock was taken; `None` when it does
    /// not exist. Cheap: compare it with a stamp you remember before reading.
    pub fn stamp(&self) -> Option<DiskStamp> {
        self.stamp
    }

    /// The file's content now (read once, on first call); `None` when it does not
    /// exist. Only regular files up to [`MAX_STORE_FILE_BYTES`] are read.
    pub fn bytes(&mut self) -> Result<Option<&[u8]>, StoreError> {
        if self.current.is_none() {
            let read = read_regular_file_if_exists(&self.path, MAX_STORE_FILE_BYTES)?;
            self.current = Some(read);
        }
        Ok(self.current.as_ref().and_then(|c| c.as_deref()))
    }

    /// Write `bytes` as the file's new content when the write is committed.
    pub fn replace(&mut self, bytes: Vec<u8>) {
        self.replacement = Some(bytes);
    }
}

/// Files being changed under their folders' locks. See the module documentation.
#[derive(Debug)]
pub struct LockedWrite {
    files: Vec<LockedFile>,
    /// Released (in reverse order) when this is dropped.
    _locks: Vec<FolderLock>,
}

impl LockedWrite {
    /// Lock the folders of `paths` (for a symbolic link: of the file it leads to) and
    /// look at the files. The paths should name different files.
    pub fn begin(paths: &[PathBuf]) -> Result<LockedWrite, StoreError> {
        let mut folders = Vec::with_capacity(paths.len());
        for path in paths {
            let target = write_target(path)?;
            let folder = match target.parent() {
                Some(f) if !f.as_os_str().is_empty() => f.to_owned(),
                _ => PathBuf::from("."),
            };
            // One name per folder however it is reached, for the global lock order;
            // messages keep the name it was reached by.
            let canonical = std::fs::canonicalize(&folder)
                .map_err(|e| StoreError::io(IoAction::OpenFolder, &folder, e))?;
            folders.push((canonical, folder));
        }
        folders.sort();
        folders.dedup_by(|a, b| a.0 == b.0);
        let mut locks = Vec::with_capacity(folders.len());
        for (folder, named) in &folders {
            locks.push(FolderLock::acquire(folder, named)?);
            super::atomic::remove_stale_temps(folder);
        }
        let files = paths
            .iter()
            .map(|path| {
                Ok(LockedFile {
                    path: path.clone(),
                    stamp: DiskStamp::of(path)?,
                    current: None,
                    replacement: None,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(LockedWrite {
            files,
            _locks: locks,
        })
    }

    /// The files, in the order of the paths given.
    pub fn files_mut(&mut self) -> &mut [LockedFile] {
        &mut self.files
    }

    /// Replace every file given new content, all or nothing, then release the locks.
    /// Returns each file's stamp after the write (taken under the lock), in the order
    /// of the paths given.
    pub fn commit(mut self) -> Result<Vec<Option<DiskStamp>>, StoreError> {
        // Originals are only needed to put files back when a later one fails: a
        // single file is replaced whole or not at all.
        let several = self
            .files
            .iter()
            .filter(|f| f.replacement.is_some())
            .count()
            > 1;
        let mut writes = Vec::new();
        for file in &mut self.files {
            let Some(bytes) = file.replacement.take() else {
                continue;
            };
            let original = if several {
                file.bytes()?.map(<[u8]>::to_vec)
            } else {
                None
            };
            writes.push(PlannedWrite {
                path: file.path.clone(),
                bytes,
                original,
            });
        }
        commit_all(writes)?;
        self.files.iter().map(|f| DiskStamp::of(&f.path)).collect()
    }
}

/// Change the sidecars of `articles` (each an article's path and its loaded text) as
/// they are on disk now, under their folders' locks, and write them all or nothing.
///
/// Each sidecar is read (an empty one if there is none) and anchored in its article's
/// text, then handed to `change` with its index in `articles`; tags used but missing
/// from its tag list are added. If `change` fails for any sidecar, nothing is written.
/// Returns the sidecars written.
pub fn update_sidecars<E: From<StoreError>>(
    articles: &[(&Path, &Article)],
    mut change: impl FnMut(usize, &mut Sidecar) -> Result<(), E>,
) -> Result<Vec<PathBuf>, E> {
    let paths: Vec<PathBuf> = articles.iter().map(|(p, _)| sidecar_path(p)).collect();
    let mut write = LockedWrite::begin(&paths)?;
    for (i, file) in write.files_mut().iter_mut().enumerate() {
        let (article_path, article) = articles[i];
        let (mut sidecar, _) = Sidecar::from_locked(file, article_path, article)?;
        change(i, &mut sidecar)?;
        sidecar.add_missing_tags();
        file.replace(sidecar.serialize()?);
    }
    write.commit()?;
    Ok(paths)
}

#[cfg(test)]
#[path = "update_tests.rs"]
mod tests;
