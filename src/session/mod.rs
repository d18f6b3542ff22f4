//! A reading session: the annotations of the open article as the user edits them —
//! the set, its undo history, the codebook, which annotation is selected — and how
//! they reach the sidecar file (autosave, merge with changes on disk, read-only when
//! the sidecar cannot be trusted). Pure: the GUI calls it, it knows nothing of egui.

mod adopt;
mod background;
mod folder;
mod regions;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::annotate::{
    Annotation, AnnotationId, AnnotationSet, Codebook, Color, Edit, EditError, History, Tag,
    Timestamp,
};
use crate::article::Article;
use crate::store::{self, Sidecar, StoreError};
use crate::text::CharRange;
use crate::tr;

/// Changes are written this long after the last one (well within a second).
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(300);

/// Where the annotations go.
#[derive(Debug)]
pub enum Storage {
    /// The built-in sample: annotations live in memory only.
    Memory,
    /// A sidecar next to the article, and the folder codebook.
    Sidecar {
        /// The sidecar.
        sidecar: Box<Sidecar>,
        /// The codebook file new tags are written to.
        codebook: PathBuf,
        /// Why the codebook file could not be read, if it could not: then it is never
        /// written (saving over it would lose its tags); new tags live in the sidecar.
        codebook_unreadable: Option<String>,
    },
    /// The sidecar exists but cannot be used (corrupt, newer version): nothing is
    /// written until the user decides.
    ReadOnly {
        /// The sidecar file.
        path: PathBuf,
        /// Why, naming the file.
        reason: String,
    },
}

/// What the status bar says about saving.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is on disk.
    Saved,
    /// Changes wait for autosave.
    Unsaved,
    /// The last save failed (the reason names the file); changes are kept in memory
    /// and saving is tried again on the next change or Ctrl+S.
    Failed(String),
    /// Nothing is written (sample article, or read-only sidecar).
    NotSaved(String),
}

/// Highlight colours offered for untagged highlights and new tags.
pub const PALETTE: [Color; 8] = [
    Color([0xff, 0xe0, 0x66]),
    Color([0x8e, 0xd1, 0x8c]),
    Color([0x7f, 0xb8, 0xf0]),
    Color([0xf4, 0x9a, 0xc1]),
    Color([0xf6, 0xa5, 0x5c]),
    Color([0xb3, 0x9d, 0xdb]),
    Color([0x6f, 0xd3, 0xc7]),
    Color([0xd9, 0xb3, 0x82]),
];

/// Annotation state of one article.
#[derive(Debug)]
pub struct Session {
    /// The annotations.
    pub set: AnnotationSet,
    /// Undo / redo.
    pub history: History,
    /// Tags to choose from (the folder codebook plus tags found in the sidecar).
    pub codebook: Codebook,
    /// The annotation selected for editing (outlined).
    pub selected: Option<AnnotationId>,
    /// Bumped on every change: autosave and highlight painting watch it.
    pub version: u64,
    /// Where the annotations are written.
    pub storage: Storage,
    saved_version: u64,
    last_change: Option<Instant>,
    save_error: Option<String>,
    codebook_dirty: bool,
    in_flight: Option<background::SaveInFlight>,
}

/// Why an edit was refused.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The edit itself is invalid (range, missing annotation).
    #[error(transparent)]
    Edit(#[from] EditError),
    /// The sidecar cannot be trusted, so nothing may change until the user decides.
    #[error("{}", tr!("session-read-only", path = .0.display().to_string()))]
    ReadOnly(PathBuf),
    /// Pending changes could not be written first (the reason names the file).
    #[error("{}", tr!("session-not-saved-first", reason = .0.as_str()))]
    NotSaved(String),
    /// Reading or writing the sidecars or the codebook failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The built-in sample has no file to import into.
    #[error("{}", tr!("notice-sample-no-import"))]
    NoSidecar,
    /// The codebook file could not be read, so a rename or deletion cannot rewrite it.
    #[error("{}", tr!("session-codebook-unreadable", reason = .0.as_str()))]
    CodebookUnreadable(String),
    /// An import wrote nothing (every invalid record is listed, up to 20).
    #[error("{}", import_message(.0))]
    Import(#[from] crate::export::import::ImportError),
}

/// An import failure as the user reads it: invalid records are listed (the first 20).
pub(crate) fn import_message(e: &crate::export::import::ImportError) -> String {
    match e {
        crate::export::import::ImportError::Lines(lines) => {
            let mut text = tr!("session-import-invalid", count = lines.len());
            for line in lines.iter().take(20) {
                text.push_str(&format!("\n{line}"));
            }
            text
        }
        other => other.to_string(),
    }
}

/// Something the user should be told after opening, saving or checking the disk.
pub type Notice = String;

impl Session {
    /// A session that keeps its annotations in memory only (the sample article).
    pub fn in_memory() -> Self {
        Self::with(
            AnnotationSet::default(),
            Codebook::default(),
            Storage::Memory,
        )
    }

    fn with(set: AnnotationSet, codebook: Codebook, storage: Storage) -> Self {
        Self {
            set,
            history: History::default(),
            codebook,
            selected: None,
            version: 0,
            storage,
            saved_version: 0,
            last_change: None,
            save_error: None,
            codebook_dirty: false,
            in_flight: None,
        }
    }

    /// Open the annotations of the article read from `path`: its sidecar (re-anchored
    /// if the article changed) and the folder codebook. Problems become notices; a
    /// sidecar that cannot be read makes the session read-only and is never touched;
    /// a codebook that cannot be read is never written.
    ///
    /// When the sidecar on disk is behind what was read — the article changed and the
    /// annotations were anchored anew, or duplicate ids were renumbered — it is written
    /// back at once (through the locked path), so that the file's SHA-256 and offsets
    /// match the article that "Saved" refers to.
    pub fn open(path: &Path, article: &Article) -> (Self, Vec<Notice>) {
        let mut notices = Vec::new();
        let found = store::find_codebook(path);
        let (mut codebook, codebook_unreadable) = match found.as_deref().map(store::load_codebook) {
            Some(Ok(c)) => (c, None),
            Some(Err(e)) => {
                notices.push(tr!("session-codebook-left", reason = e.to_string()));
                (Codebook::default(), Some(e.to_string()))
            }
            None => (Codebook::default(), None),
        };
        let (sidecar, report) = match Sidecar::open(path, article) {
            Ok(opened) => opened,
            Err(e) => {
                let path = store::sidecar_path(path);
                notices.push(e.to_string());
                let storage = Storage::ReadOnly {
                    path,
                    reason: e.to_string(),
                };
                return (
                    Self::with(AnnotationSet::default(), codebook, storage),
                    notices,
                );
            }
        };
        codebook.absorb(sidecar.tags.iter());
        let set = sidecar.annotations.clone();
        let (moved, orphans) = (report.moved(), report.orphans().count());
        if moved + orphans > 0 {
            notices.push(tr!(
                "session-article-changed",
                moved = moved,
                orphans = orphans,
                path = sidecar.path.display().to_string()
            ));
        }
        if !sidecar.image_changed.is_empty() {
            notices.push(tr!(
                "session-regions-changed",
                count = sidecar.image_changed.len(),
                path = sidecar.path.display().to_string()
            ));
        }
        for r in &sidecar.renumbered {
            notices.push(tr!(
                "session-renumbered",
                old = r.old.to_string(),
                quote = r.quote.as_str(),
                new = r.new.to_string(),
                path = sidecar.path.display().to_string()
            ));
        }
        let stale = sidecar.stale_on_disk();
        let storage = Storage::Sidecar {
            sidecar: Box::new(sidecar),
            codebook: found.unwrap_or_else(|| store::codebook_path_for(path)),
            codebook_unreadable,
        };
        let mut session = Self::with(set, codebook, storage);
        if stale {
            session.version += 1;
            notices.extend(session.autosave(article, true));
        }
        (session, notices)
    }

    /// True when edits are refused because the sidecar cannot be trusted.
    pub fn is_read_only(&self) -> bool {
        matches!(self.storage, Storage::ReadOnly { .. })
    }

    /// What the status bar shows.
    pub fn save_state(&self) -> SaveState {
        match &self.storage {
            Storage::Memory => SaveState::NotSaved(tr!("session-sample-not-saved")),
            Storage::ReadOnly { reason, .. } => {
                SaveState::NotSaved(tr!("session-read-only-state", reason = reason.as_str()))
            }
            Storage::Sidecar { .. } => match &self.save_error {
                Some(e) => SaveState::Failed(e.clone()),
                None if self.version != self.saved_version || self.codebook_dirty => {
                    SaveState::Unsaved
                }
                None => SaveState::Saved,
            },
        }
    }

    /// Write now if there are changes and the last one is [`AUTOSAVE_DELAY`] old (or
    /// `force`). Returns a notice when something noteworthy happened (a merge with
    /// changes made elsewhere, or a failure).
    ///
    /// A save under way on another thread ([`Session::autosave_in_background`]) is
    /// waited for first.
    pub fn autosave(&mut self, article: &Article, force: bool) -> Option<Notice> {
        let finished = self.finish_background_save(true);
        self.save_here(article, force).or(finished)
    }

    /// [`Session::autosave`] on this thread, with no save under way elsewhere.
    fn save_here(&mut self, article: &Article, force: bool) -> Option<Notice> {
        if !self.save_due(force) {
            return None;
        }
        let Storage::Sidecar {
            sidecar,
            codebook,
            codebook_unreadable,
        } = &mut self.storage
        else {
            return None;
        };
        if self.codebook_dirty {
            // An unreadable codebook is left alone (the user was told when it was
            // read); the tags in use are still written to the sidecar below.
            if codebook_unreadable.is_none()
                && let Err(e) = store::save_codebook(codebook, &self.codebook)
            {
                self.save_error = Some(e.to_string());
                return Some(tr!("session-cannot-save-codebook", reason = e.to_string()));
            }
            self.codebook_dirty = false;
        }
        sidecar.annotations = self.set.clone();
        sidecar.tags = used_tags(&self.set, &self.codebook);
        match sidecar.save(&article.text) {
            Ok(outcome) => {
                self.save_error = None;
                self.saved_version = self.version;
                outcome.merged.then(|| self.adopt_merged_save())
            }
            Err(e) => self.save_failed(&e),
        }
    }

    /// True when there are changes to write and (unless `force`) the last one is
    /// [`AUTOSAVE_DELAY`] old.
    fn save_due(&self, force: bool) -> bool {
        let pending = self.version != self.saved_version || self.codebook_dirty;
        let due = force
            || self
                .last_change
                .is_none_or(|t| t.elapsed() >= AUTOSAVE_DELAY);
        pending && due
    }

    /// A save just wrote what this session holds merged with changes found on disk:
    /// show the merge, which is exactly what was written.
    fn adopt_merged_save(&mut self) -> Notice {
        let Storage::Sidecar { sidecar, .. } = &self.storage else {
            return String::new();
        };
        let notice = tr!(
            "session-merged-before-save",
            path = sidecar.path.display().to_string()
        );
        let (set, tags) = (sidecar.annotations.clone(), sidecar.tags.clone());
        self.adopt_from_disk(set, &tags);
        self.saved_version = self.version;
        notice
    }

    /// A save failed: remember why (the status bar shows it) and say so once.
    fn save_failed(&mut self, e: &StoreError) -> Option<Notice> {
        let message = e.to_string();
        let notice = (self.save_error.as_ref() != Some(&message))
            .then(|| tr!("session-cannot-save", reason = message.as_str()));
        self.save_error = Some(message);
        notice
    }

    /// If the sidecar changed on disk and there are no unsaved changes here, read the
    /// other version in (merging by id). Returns a notice when something came in.
    pub fn check_disk(&mut self, article: &Article) -> Option<Notice> {
        if let Some(notice) = self.finish_background_save(true) {
            return Some(notice);
        }
        let Storage::Sidecar { sidecar, .. } = &mut self.storage else {
            return None;
        };
        match sidecar.changed_on_disk() {
            Ok(true) => {}
            Ok(false) => return None,
            Err(e) => return Some(e.to_string()),
        }
        sidecar.annotations = self.set.clone();
        match sidecar.merge_from_disk(&article.text) {
            Ok(true) => {
                let notice = tr!(
                    "session-merged-from-disk",
                    path = sidecar.path.display().to_string()
                );
                let (set, tags) = (sidecar.annotations.clone(), sidecar.tags.clone());
                self.adopt_from_disk(set, &tags);
                // The merge result still has to be written for the other side to see ours.
                self.last_change = Some(Instant::now());
                Some(notice)
            }
            Ok(false) => None,
            Err(e) => Some(e.to_string()),
        }
    }

    /// Take the result of merging with someone else's copy: show it, and start a new
    /// undo history (the old steps no longer describe this set).
    fn adopt_from_disk(&mut self, set: AnnotationSet, tags: &[Tag]) {
        self.set = set;
        self.codebook.absorb(tags.iter());
        self.history = History::default();
        self.version += 1;
        self.forget_missing_selection();
    }

    /// Move a corrupt sidecar aside (as `…ron.bad-<time>`) and start with an empty one.
    /// Only on the user's request.
    pub fn keep_bad_and_start_fresh(
        &mut self,
        article_path: &Path,
        article: &Article,
    ) -> Result<PathBuf, StoreError> {
        let Storage::ReadOnly { path, .. } = &self.storage else {
            return Err(StoreError::ReadOnly {
                path: store::sidecar_path(article_path),
            });
        };
        let kept = store::keep_bad_sidecar(path)?;
        let (fresh, _) = Self::open(article_path, article);
        *self = fresh;
        Ok(kept)
    }

    fn apply(&mut self, edit: Edit) -> Result<(), SessionError> {
        if let Storage::ReadOnly { path, .. } = &self.storage {
            return Err(SessionError::ReadOnly(path.clone()));
        }
        self.history.apply(&mut self.set, edit, Timestamp::now())?;
        self.touched();
        Ok(())
    }

    fn touched(&mut self) {
        self.version += 1;
        self.last_change = Some(Instant::now());
    }

    /// Highlight `range` with `color` and `tags`; returns the new annotation's id.
    pub fn add(
        &mut self,
        article: &Article,
        range: CharRange,
        color: Color,
        tags: Vec<String>,
        author: &str,
    ) -> Result<AnnotationId, SessionError> {
        let edit = Edit::add(&article.text, range, color, tags, author, Timestamp::now())?;
        let id = match &edit {
            Edit::Add(annotation) => Some(annotation.id),
            _ => None,
        };
        self.apply(edit)?;
        let Some(id) = id else {
            return Err(EditError::BadRange {
                start: range.start.0,
                end: range.end.0,
            }
            .into());
        };
        self.selected = Some(id);
        Ok(id)
    }

    /// Add `annotations` as ONE undoable step ("code all hits" in this article). An
    /// annotation already in the set (same id) is put back as it is: that is how a
    /// change written to the sidecar while the article was not open becomes the step
    /// that Undo takes back once it is open.
    pub fn add_group(&mut self, annotations: Vec<Annotation>) -> Result<(), SessionError> {
        if annotations.is_empty() {
            return Ok(());
        }
        if let Storage::ReadOnly { path, .. } = &self.storage {
            return Err(SessionError::ReadOnly(path.clone()));
        }
        // Those already here leave the set for a moment, so that the step adds them.
        let mut taken = Vec::new();
        for a in &annotations {
            if self.set.get(a.id) == Some(a) {
                taken.extend(self.set.take(a.id));
            }
        }
        let result = self.apply(Edit::Group(
            annotations.into_iter().map(Edit::Add).collect(),
        ));
        if result.is_err() {
            for a in taken {
                self.set.upsert(a);
            }
        }
        result
    }

    /// Add tag `name` to annotation `id` (no-op if it has it already).
    pub fn add_tag(&mut self, id: AnnotationId, name: &str) -> Result<(), SessionError> {
        let Some(a) = self.set.get(id) else {
            return Err(EditError::Missing(id).into());
        };
        if a.tags.iter().any(|t| t == name) {
            return Ok(());
        }
        let mut tags = a.tags.clone();
        tags.push(name.to_owned());
        let edit = Edit::retag(&self.set, id, tags, Timestamp::now())?;
        self.apply(edit)
    }

    /// Replace the tags of annotation `id`.
    pub fn set_tags(&mut self, id: AnnotationId, tags: Vec<String>) -> Result<(), SessionError> {
        let edit = Edit::retag(&self.set, id, tags, Timestamp::now())?;
        self.apply(edit)
    }

    /// Change the note of annotation `id`.
    pub fn set_note(&mut self, id: AnnotationId, note: String) -> Result<(), SessionError> {
        if self.set.get(id).is_some_and(|a| a.note == note) {
            return Ok(());
        }
        let edit = Edit::edit_note(&self.set, id, note, Timestamp::now())?;
        self.apply(edit)
    }

    /// Change the colour of annotation `id`.
    pub fn set_color(&mut self, id: AnnotationId, color: Color) -> Result<(), SessionError> {
        let edit = Edit::recolour(&self.set, id, color, Timestamp::now())?;
        self.apply(edit)
    }

    /// Move annotation `id` to `range` (re-attaching an orphan, or resizing).
    pub fn resize(
        &mut self,
        article: &Article,
        id: AnnotationId,
        range: CharRange,
    ) -> Result<(), SessionError> {
        let edit = Edit::resize(&self.set, &article.text, id, range, Timestamp::now())?;
        self.apply(edit)
    }

    /// Remove annotation `id`.
    pub fn remove(&mut self, id: AnnotationId) -> Result<(), SessionError> {
        let edit = Edit::remove(&self.set, id)?;
        self.apply(edit)?;
        if self.selected == Some(id) {
            self.selected = None;
        }
        Ok(())
    }

    /// Change the article-level note.
    pub fn set_article_note(&mut self, note: String) -> Result<(), SessionError> {
        if self.set.article_note == note {
            return Ok(());
        }
        let edit = Edit::article_note(&self.set, note);
        self.apply(edit)
    }

    /// Undo the last step; false when there was nothing to undo.
    pub fn undo(&mut self) -> Result<bool, SessionError> {
        if self.is_read_only() {
            return Ok(false);
        }
        let done = self.history.undo(&mut self.set, Timestamp::now())?;
        if done {
            self.touched();
            self.forget_missing_selection();
        }
        Ok(done)
    }

    /// Redo the last undone step; false when there was nothing to redo.
    pub fn redo(&mut self) -> Result<bool, SessionError> {
        if self.is_read_only() {
            return Ok(false);
        }
        let done = self.history.redo(&mut self.set, Timestamp::now())?;
        if done {
            self.touched();
            self.forget_missing_selection();
        }
        Ok(done)
    }

    fn forget_missing_selection(&mut self) {
        if self.selected.is_some_and(|id| self.set.get(id).is_none()) {
            self.selected = None;
        }
    }

    /// The selected annotation.
    pub fn selected(&self) -> Option<&Annotation> {
        self.selected.and_then(|id| self.set.get(id))
    }

    /// Add `tag` to the codebook if no tag has its name; returns its name.
    pub fn ensure_tag(&mut self, tag: Tag) -> String {
        let name = tag.name.clone();
        if self.codebook.get(&name).is_none() {
            self.codebook.tags.push(tag);
            self.codebook_dirty = true;
            self.last_change = Some(Instant::now());
        }
        name
    }

    /// Replace the codebook (editor changes that do not rename tags in annotations).
    pub fn set_codebook(&mut self, codebook: Codebook) {
        if codebook != self.codebook {
            self.codebook = codebook;
            self.codebook_dirty = true;
            self.last_change = Some(Instant::now());
        }
    }

    /// The colour an annotation is painted in: its first tag's colour, else its own.
    pub fn paint_color(&self, a: &Annotation) -> Color {
        a.tags
            .first()
            .and_then(|t| self.codebook.get(t))
            .map_or(a.color, |t| t.color)
    }
}

/// The codebook entries of the tags `set` uses (plain entries for unknown names).
fn used_tags(set: &AnnotationSet, codebook: &Codebook) -> Vec<Tag> {
    set.tag_counts()
        .into_keys()
        .map(|name| {
            codebook
                .get(name)
                .cloned()
                .unwrap_or_else(|| Tag::named(name))
        })
        .collect()
}

#[cfg(test)]
mod tests;
