//! [`Sidecar`]: the annotations of one article as this instance holds them, tied to
//! the file they were read from.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::format::{
    ArticleInfo, FORMAT_NAME, SidecarFile, parse_sidecar, read_sidecar_file, to_ron, version_for,
};
use super::ids::{Renumbered, renumber_duplicates};
use super::merge::{merge, merge_tags};
use super::update::{LockedFile, LockedWrite, MAX_STORE_FILE_BYTES};
use super::writer::{SidecarParts, write_sidecar};
use super::{IoAction, StoreError, sidecar_path};
use crate::annotate::{AnchorReport, AnnotationId, AnnotationSet, Status, Tag, reanchor};
use crate::article::{Article, read_regular_file_if_exists};
use crate::text::SourceText;

/// What a file looked like on disk when it was read or written: enough to notice that
/// someone else replaced or edited it since (a rename gives a new inode, an edit a new
/// time or length).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

impl DiskStamp {
    /// The stamp of `path` now; `None` when the file does not exist.
    pub fn of(path: &Path) -> Result<Option<DiskStamp>, StoreError> {
        match std::fs::metadata(path) {
            Ok(meta) => {
                #[cfg(unix)]
                let inode = std::os::unix::fs::MetadataExt::ino(&meta);
                #[cfg(not(unix))]
                let inode = 0;
                Ok(Some(DiskStamp {
                    len: meta.len(),
                    modified: meta.modified().ok(),
                    inode,
                }))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError::io(IoAction::Read, path, e)),
        }
    }
}

/// What [`Sidecar::save`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SaveOutcome {
    /// The file had changed on disk since it was read; its annotations were merged in.
    pub merged: bool,
}

/// The annotations of one article, the tags they use and the article note, with the
/// sidecar file they belong to.
#[derive(Clone, Debug)]
pub struct Sidecar {
    /// The sidecar file (`<article>.annotations.ron`).
    pub path: PathBuf,
    /// The article version the offsets point into.
    pub article: ArticleInfo,
    /// Tags used in this sidecar.
    pub tags: Vec<Tag>,
    /// The annotations (and the article note).
    pub annotations: AnnotationSet,
    /// The file as last read or written; `None` when there was no file.
    stamp: Option<DiskStamp>,
    /// The article note as last read or written (for merging the note).
    base_note: String,
    /// Annotations that shared an id with an earlier one in the file and were given a
    /// new one when it was read (a bad hand merge); nothing is dropped.
    pub renumbered: Vec<Renumbered>,
    /// Picture regions whose picture changed or is missing since they were drawn
    /// (flagged [`Status::ImageChanged`] when the sidecar was opened).
    pub image_changed: Vec<AnnotationId>,
    /// True when this sidecar holds more than the file it was read from says
    /// (re-anchored in a changed article, duplicate ids renumbered): an editor should
    /// write it back.
    stale_on_disk: bool,
}

fn info_of(path: &Path, article: &Article) -> ArticleInfo {
    ArticleInfo {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        sha256: article.sha256.clone(),
        char_len: article.text.char_len(),
    }
}

impl Sidecar {
    /// Open the sidecar of the article loaded from `article_path`: read it if it
    /// exists (an empty one otherwise) and anchor its annotations in the article's
    /// text again when the text changed. Nothing is written.
    ///
    /// A sidecar that cannot be parsed gives [`StoreError::Parse`] and is left alone;
    /// see [`super::keep_bad_sidecar`] to start afresh when the user asks.
    pub fn open(
        article_path: &Path,
        article: &Article,
    ) -> Result<(Sidecar, AnchorReport), StoreError> {
        let path = sidecar_path(article_path);
        // The stamp is taken before reading: if the file changes in between, the next
        // save sees a different stamp and merges.
        let stamp = DiskStamp::of(&path)?;
        // Read even without a stamp: a symbolic link that leads nowhere is an error
        // (an unmounted share?), not an empty sidecar to start afresh in.
        let bytes = read_regular_file_if_exists(&path, MAX_STORE_FILE_BYTES)?;
        Self::from_bytes(path, bytes.as_deref(), stamp, article_path, article)
    }

    /// [`Sidecar::open`] on a file held by a [`LockedWrite`]: what is on disk now.
    pub(crate) fn from_locked(
        file: &mut LockedFile,
        article_path: &Path,
        article: &Article,
    ) -> Result<(Sidecar, AnchorReport), StoreError> {
        let stamp = file.stamp();
        let path = file.path().to_owned();
        let bytes = file.bytes()?;
        Self::from_bytes(path, bytes, stamp, article_path, article)
    }

    /// A sidecar from the bytes of its file (`None`: no file yet), anchored in
    /// `article`.
    fn from_bytes(
        path: PathBuf,
        bytes: Option<&[u8]>,
        stamp: Option<DiskStamp>,
        article_path: &Path,
        article: &Article,
    ) -> Result<(Sidecar, AnchorReport), StoreError> {
        let info = info_of(article_path, article);
        let Some(bytes) = bytes else {
            return Ok((Sidecar::empty(path, info), AnchorReport::default()));
        };
        let file = parse_sidecar(bytes, &path)?;
        let mut sidecar = Sidecar::from_file(path, file, stamp);
        let report = sidecar.anchor_in(&article.text, info);
        sidecar.check_pictures(article_path);
        Ok((sidecar, report))
    }

    /// Flag the picture regions whose picture changed or is gone since they were
    /// drawn ([`AnnotationSet::flag_changed_images`] with the pictures next to the
    /// article now); [`Sidecar::image_changed`] lists them.
    fn check_pictures(&mut self, article_path: &Path) {
        if self.annotations.regions().next().is_none() {
            return;
        }
        let current =
            crate::picture::current_image_hashes(article_path, self.annotations.regions());
        let before: Vec<Status> = self.annotations.regions().map(|a| a.status).collect();
        self.image_changed = self.annotations.flag_changed_images(&current);
        if !self.annotations.regions().map(|a| a.status).eq(before) {
            self.stale_on_disk = true;
        }
    }

    /// An empty sidecar (no file yet).
    pub fn empty(path: PathBuf, article: ArticleInfo) -> Sidecar {
        Sidecar {
            path,
            article,
            tags: Vec::new(),
            annotations: AnnotationSet::default(),
            stamp: None,
            base_note: String::new(),
            renumbered: Vec::new(),
            image_changed: Vec::new(),
            stale_on_disk: false,
        }
    }

    /// A sidecar from a parsed file read at `path` with `stamp`. Annotations sharing
    /// an id with an earlier one get a new id (see [`Sidecar::renumbered`]).
    pub fn from_file(path: PathBuf, file: SidecarFile, stamp: Option<DiskStamp>) -> Sidecar {
        let mut list = file.annotations;
        let renumbered = renumber_duplicates(&mut list);
        let mut annotations = AnnotationSet::new(list, file.deleted);
        annotations.article_note = file.note;
        Sidecar {
            path,
            base_note: annotations.article_note.clone(),
            article: file.article,
            tags: file.tags,
            annotations,
            stamp,
            stale_on_disk: !renumbered.is_empty(),
            renumbered,
            image_changed: Vec::new(),
        }
    }

    /// True when the file on disk is behind this sidecar although nobody edited it:
    /// it was re-anchored in a changed article, or duplicate ids were renumbered.
    /// A session writes it back at once, so that exports and other readers see the
    /// same offsets.
    pub fn stale_on_disk(&self) -> bool {
        self.stale_on_disk
    }

    /// The file content for this sidecar.
    pub fn to_file(&self) -> SidecarFile {
        let mut file = SidecarFile::new(self.article.clone());
        file.note = self.annotations.article_note.clone();
        file.tags = self.tags.clone();
        file.annotations = self.annotations.as_slice().to_vec();
        file.version = version_for(&file.annotations);
        file.deleted = self.annotations.tombstones();
        file
    }

    /// Anchor the annotations in `text` (the article now described by `info`) unless
    /// the text is the one they were made on and every quote still matches.
    fn anchor_in(&mut self, text: &SourceText, info: ArticleInfo) -> AnchorReport {
        let unchanged =
            self.article.sha256 == info.sha256 && self.annotations.iter().all(|a| a.matches(text));
        if self.article != info {
            self.stale_on_disk = true;
        }
        self.article = info;
        if unchanged {
            let outcomes = self
                .annotations
                .iter()
                .map(|a| (a.id, crate::annotate::AnchorOutcome::Anchored))
                .collect();
            return AnchorReport { outcomes };
        }
        self.stale_on_disk = true;
        reanchor(text, &mut self.annotations)
    }

    /// Add tags named in annotations but missing from [`Sidecar::tags`] (default colour).
    pub fn add_missing_tags(&mut self) {
        let missing: Vec<Tag> = self
            .annotations
            .tag_counts()
            .into_keys()
            .filter(|name| !self.tags.iter().any(|t| t.name == *name))
            .map(Tag::named)
            .collect();
        self.tags.extend(missing);
    }

    /// True when the file on disk is not the one this sidecar last read or wrote.
    pub fn changed_on_disk(&self) -> Result<bool, StoreError> {
        Ok(DiskStamp::of(&self.path)? != self.stamp)
    }

    /// If the file changed on disk since it was read, merge its annotations into this
    /// sidecar (see [`merge`]); `text` is the article text this sidecar's offsets
    /// point into (the other copy is anchored in it first if it was written for
    /// another version of the article). Returns whether a merge happened. A file on
    /// disk that cannot be read is an error, and is left untouched.
    ///
    /// Reading without the lock is safe (files are replaced whole); to write, use
    /// [`Sidecar::save`], which merges again under the lock.
    pub fn merge_from_disk(&mut self, text: &SourceText) -> Result<bool, StoreError> {
        let now = DiskStamp::of(&self.path)?;
        if now == self.stamp || now.is_none() {
            return Ok(false);
        }
        let (file, _) = read_sidecar_file(&self.path)?;
        self.merge_file(file, now, text);
        Ok(true)
    }

    /// Merge `file` (read from disk with stamp `now`) into this sidecar.
    fn merge_file(&mut self, file: SidecarFile, now: Option<DiskStamp>, text: &SourceText) {
        let mut theirs = Sidecar::from_file(self.path.clone(), file, now);
        if theirs.article.sha256 != self.article.sha256 {
            theirs.anchor_in(text, self.article.clone());
        }
        self.annotations = merge(&self.annotations, &theirs.annotations, &self.base_note);
        self.tags = merge_tags(&self.tags, &theirs.tags);
        self.base_note = theirs.annotations.article_note;
        self.stamp = now;
    }

    /// Write the sidecar atomically under its folder's lock, first merging in what
    /// changed on disk since it was read (so two instances, an import or a `git pull`
    /// never lose each other's work). This is the session's path through
    /// [`LockedWrite`]: "my version, and the stamp and note of what I read".
    pub fn save(&mut self, text: &SourceText) -> Result<SaveOutcome, StoreError> {
        let mut write = LockedWrite::begin(std::slice::from_ref(&self.path))?;
        let file = &mut write.files_mut()[0];
        let now = file.stamp();
        let mut merged = false;
        if now.is_some() && now != self.stamp {
            // Deleted meanwhile by something that does not lock: nothing to merge.
            if let Some(bytes) = file.bytes()? {
                let theirs = parse_sidecar(bytes, &self.path)?;
                self.merge_file(theirs, now, text);
                merged = true;
            }
        }
        self.add_missing_tags();
        file.replace(self.serialize()?);
        let stamps = write.commit()?;
        self.stamp = stamps.into_iter().next().flatten();
        self.base_note = self.annotations.article_note.clone();
        self.stale_on_disk = false;
        Ok(SaveOutcome { merged })
    }

    /// A copy of this sidecar that holds `annotations` and `tags` instead of its own
    /// (which are not copied): what a saving thread writes while this one stays in use.
    /// Once the copy is saved, it is what is on disk: it replaces this one.
    pub fn copy_for_writing(&self, annotations: AnnotationSet, tags: Vec<Tag>) -> Sidecar {
        Sidecar {
            path: self.path.clone(),
            article: self.article.clone(),
            tags,
            annotations,
            stamp: self.stamp,
            base_note: self.base_note.clone(),
            renumbered: self.renumbered.clone(),
            image_changed: self.image_changed.clone(),
            stale_on_disk: self.stale_on_disk,
        }
    }

    /// The RON bytes of this sidecar.
    ///
    /// Written straight from this sidecar's data (nothing is cloned but the small list
    /// of tombstones); the same bytes as [`to_ron`] of [`Sidecar::to_file`].
    pub fn serialize(&self) -> Result<Vec<u8>, StoreError> {
        let deleted = self.annotations.tombstones();
        let parts = SidecarParts {
            format: FORMAT_NAME,
            version: version_for(self.annotations.as_slice()),
            article: &self.article,
            note: &self.annotations.article_note,
            tags: &self.tags,
            annotations: self.annotations.as_slice(),
            deleted: &deleted,
        };
        if parts.is_sorted() {
            return Ok(write_sidecar(&parts).into_bytes());
        }
        to_ron(&self.to_file())
            .map(String::into_bytes)
            .map_err(|e| StoreError::Parse {
                path: self.path.clone(),
                line: 0,
                column: 0,
                message: format!("cannot write RON: {e}"),
            })
    }
}

#[cfg(test)]
#[path = "sidecar_tests.rs"]
mod tests;
