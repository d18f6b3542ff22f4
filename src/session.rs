//! A reading session: the annotations of the open article as the user edits them —
//! the set, its undo history, the codebook, which annotation is selected — and how
//! they reach the sidecar file (autosave, merge with changes on disk, read-only when
//! the sidecar cannot be trusted). Pure: the GUI calls it, it knows nothing of egui.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::annotate::{
    Annotation, AnnotationId, AnnotationSet, Codebook, Color, Edit, EditError, History, Tag,
    Timestamp,
};
use crate::article::Article;
use crate::store::{self, Sidecar, StoreError};
use crate::text::CharRange;

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
}

/// Why an edit was refused.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The edit itself is invalid (range, missing annotation).
    #[error(transparent)]
    Edit(#[from] EditError),
    /// The sidecar cannot be trusted, so nothing may change until the user decides.
    #[error("the annotations are read-only because their file could not be read: {0}")]
    ReadOnly(PathBuf),
    /// Pending changes could not be written first (the reason names the file).
    #[error("the annotations could not be saved first: {0}")]
    NotSaved(String),
    /// Reading or writing the sidecars or the codebook failed.
    #[error(transparent)]
    Store(#[from] StoreError),
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
        }
    }

    /// Open the annotations of the article read from `path`: its sidecar (re-anchored
    /// if the article changed) and the folder codebook. Problems become notices; a
    /// sidecar that cannot be read makes the session read-only and is never touched.
    pub fn open(path: &Path, article: &Article) -> (Self, Vec<Notice>) {
        let mut notices = Vec::new();
        let found = store::find_codebook(path);
        let mut codebook = match found.as_deref().map(store::load_codebook) {
            Some(Ok(c)) => c,
            Some(Err(e)) => {
                notices.push(format!(
                    "the codebook cannot be read, tags start empty ({e})"
                ));
                Codebook::default()
            }
            None => Codebook::default(),
        };
        match Sidecar::open(path, article) {
            Ok((sidecar, report)) => {
                codebook.absorb(sidecar.tags.iter());
                let set = sidecar.annotations.clone();
                let (moved, orphans) = (report.moved(), report.orphans().count());
                if moved + orphans > 0 {
                    notices.push(format!(
                        "the article changed since it was annotated: {moved} annotation(s) found at a new place, {orphans} orphaned (kept with their quotes, listed in the side panel): {}",
                        sidecar.path.display()
                    ));
                }
                let storage = Storage::Sidecar {
                    sidecar: Box::new(sidecar),
                    codebook: found.unwrap_or_else(|| store::codebook_path_for(path)),
                };
                (Self::with(set, codebook, storage), notices)
            }
            Err(e) => {
                let path = store::sidecar_path(path);
                notices.push(e.to_string());
                let storage = Storage::ReadOnly {
                    path,
                    reason: e.to_string(),
                };
                (
                    Self::with(AnnotationSet::default(), codebook, storage),
                    notices,
                )
            }
        }
    }

    /// True when edits are refused because the sidecar cannot be trusted.
    pub fn is_read_only(&self) -> bool {
        matches!(self.storage, Storage::ReadOnly { .. })
    }

    /// What the status bar shows.
    pub fn save_state(&self) -> SaveState {
        match &self.storage {
            Storage::Memory => {
                SaveState::NotSaved("sample article: annotations are not saved".to_owned())
            }
            Storage::ReadOnly { reason, .. } => SaveState::NotSaved(format!("read-only: {reason}")),
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
    pub fn autosave(&mut self, article: &Article, force: bool) -> Option<Notice> {
        let pending = self.version != self.saved_version || self.codebook_dirty;
        let due = force
            || self
                .last_change
                .is_none_or(|t| t.elapsed() >= AUTOSAVE_DELAY);
        if !pending || !due {
            return None;
        }
        let Storage::Sidecar { sidecar, codebook } = &mut self.storage else {
            return None;
        };
        if self.codebook_dirty {
            if let Err(e) = store::save_codebook(codebook, &self.codebook) {
                self.save_error = Some(e.to_string());
                return Some(format!("cannot save the codebook: {e}"));
            }
            self.codebook_dirty = false;
        }
        sidecar.annotations = self.set.clone();
        sidecar.tags = used_tags(&self.set, &self.codebook);
        match sidecar.save(&article.text) {
            Ok(outcome) => {
                self.save_error = None;
                self.saved_version = self.version;
                if !outcome.merged {
                    return None;
                }
                let notice = format!(
                    "the annotation file had changed on disk; both versions were merged: {}",
                    sidecar.path.display()
                );
                let (set, tags) = (sidecar.annotations.clone(), sidecar.tags.clone());
                self.adopt_from_disk(set, &tags);
                // What was adopted is exactly what was just written.
                self.saved_version = self.version;
                Some(notice)
            }
            Err(e) => {
                let message = e.to_string();
                let notice = (self.save_error.as_ref() != Some(&message))
                    .then(|| format!("cannot save annotations: {message}"));
                self.save_error = Some(message);
                notice
            }
        }
    }

    /// If the sidecar changed on disk and there are no unsaved changes here, read the
    /// other version in (merging by id). Returns a notice when something came in.
    pub fn check_disk(&mut self, article: &Article) -> Option<Notice> {
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
                let notice = format!(
                    "annotations changed on disk and were merged: {}",
                    sidecar.path.display()
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

    /// Rename (or, if `to` exists, merge) a tag everywhere: in the codebook, in this
    /// article's annotations and in every sidecar under the codebook's folder — all
    /// files or none. The session is then read again from disk (the rename itself is
    /// not an undo step). Returns a summary for the user.
    pub fn rename_tag(
        &mut self,
        article_path: Option<&Path>,
        article: &Article,
        from: &str,
        to: &str,
    ) -> Result<Option<Notice>, SessionError> {
        let to = to.trim();
        if to.is_empty() || from == to {
            return Ok(None);
        }
        let rename_here = |session: &mut Session| {
            session.codebook.rename(from, to);
            session.set.update_all(|a| {
                crate::annotate::rename_in_tags(&mut a.tags, from, to);
            });
            session.touched();
        };
        let (codebook, article_path) = match (&self.storage, article_path) {
            (Storage::ReadOnly { path, .. }, _) => {
                return Err(SessionError::ReadOnly(path.clone()));
            }
            (Storage::Sidecar { codebook, .. }, Some(p)) => (codebook.clone(), p),
            (Storage::Memory, _) | (Storage::Sidecar { .. }, None) => {
                rename_here(self);
                return Ok(None);
            }
        };
        self.save_for_folder_change(article)?;
        let report = store::rename_tag(&codebook, from, to)?;
        let (fresh, _) = Self::open(article_path, article);
        *self = fresh;
        Ok(Some(format!(
            "tag \"{from}\" {} \"{to}\" in {} annotation(s) across {} file(s)",
            if report.merged {
                "merged into"
            } else {
                "renamed to"
            },
            report.annotations,
            report.sidecars.len()
        )))
    }

    /// Before a change to every sidecar of the folder: everything of ours must be on
    /// disk, the codebook file included.
    fn save_for_folder_change(&mut self, article: &Article) -> Result<(), SessionError> {
        self.codebook_dirty = true;
        self.autosave(article, true);
        match &self.save_error {
            Some(failure) => Err(SessionError::NotSaved(failure.clone())),
            None => Ok(()),
        }
    }

    /// How many annotations in how many articles carry tag `name`: over the folder
    /// the codebook governs (ours written first, so the count is what
    /// [`Session::delete_tag`] would change), or this article alone when its
    /// annotations live in memory.
    pub fn tag_usage(
        &mut self,
        article: &Article,
        name: &str,
    ) -> Result<store::TagUsage, SessionError> {
        match &self.storage {
            Storage::ReadOnly { path, .. } => Err(SessionError::ReadOnly(path.clone())),
            Storage::Memory => {
                let annotations = self
                    .set
                    .iter()
                    .filter(|a| a.tags.iter().any(|t| t == name))
                    .count();
                Ok(store::TagUsage {
                    annotations,
                    sidecars: Vec::new(),
                })
            }
            Storage::Sidecar { codebook, .. } => {
                let codebook = codebook.clone();
                self.save_for_folder_change(article)?;
                Ok(store::tag_usage(&codebook, name)?)
            }
        }
    }

    /// Delete a tag everywhere: from the codebook, this article's annotations and every
    /// sidecar under the codebook's folder — all files or none. The annotations stay
    /// (a plain highlight when it was their only tag). The session is then read again
    /// from disk (not an undo step). Returns a summary for the user.
    pub fn delete_tag(
        &mut self,
        article_path: Option<&Path>,
        article: &Article,
        name: &str,
    ) -> Result<Notice, SessionError> {
        let (codebook, article_path) = match (&self.storage, article_path) {
            (Storage::ReadOnly { path, .. }, _) => {
                return Err(SessionError::ReadOnly(path.clone()));
            }
            (Storage::Sidecar { codebook, .. }, Some(p)) => (codebook.clone(), p),
            (Storage::Memory, _) | (Storage::Sidecar { .. }, None) => {
                self.codebook.tags.retain(|t| t.name != name);
                self.set.update_all(|a| a.tags.retain(|t| t != name));
                self.touched();
                return Ok(format!("tag \"{name}\" deleted"));
            }
        };
        self.save_for_folder_change(article)?;
        let usage = store::delete_tag(&codebook, name)?;
        let (fresh, _) = Self::open(article_path, article);
        *self = fresh;
        Ok(format!(
            "tag \"{name}\" deleted from {} annotation(s) in {} article(s)",
            usage.annotations,
            usage.sidecars.len()
        ))
    }

    /// How many annotations carry each tag across every sidecar governed by this
    /// article's codebook (the folder), this session's unsaved state included.
    /// Sidecars that cannot be read are skipped and named in the second value.
    pub fn folder_tag_counts(&self) -> (std::collections::BTreeMap<String, usize>, Vec<String>) {
        let mut counts = std::collections::BTreeMap::new();
        let mut problems = Vec::new();
        let mine = match &self.storage {
            Storage::Sidecar { sidecar, codebook } => {
                Some((sidecar.path.clone(), codebook.clone()))
            }
            _ => None,
        };
        for (name, n) in self.set.tag_counts() {
            *counts.entry(name.to_owned()).or_insert(0) += n;
        }
        let Some((own, codebook)) = mine else {
            return (counts, problems);
        };
        match store::sidecars_under(store::folder_of(&codebook)) {
            Ok(paths) => {
                // Ours is counted from memory; the walk may spell it `./a.txt…`.
                for path in paths.into_iter().filter(|p| !same_file(p, &own)) {
                    match store::read_sidecar_file(&path) {
                        Ok((file, _)) => {
                            for a in &file.annotations {
                                for t in &a.tags {
                                    *counts.entry(t.clone()).or_insert(0) += 1;
                                }
                            }
                        }
                        Err(e) => problems.push(e.to_string()),
                    }
                }
            }
            Err(e) => problems.push(e.to_string()),
        }
        (counts, problems)
    }

    /// Import pre-annotations (JSONL, W3C or brat) for this article as ONE undoable
    /// step: the file is checked and merged into the sidecar by the importer (all or
    /// nothing, duplicates merged), then what changed is applied here as a group.
    pub fn import(
        &mut self,
        article_path: &Path,
        article: &Article,
        format: crate::export::ImportFormat,
        file: &Path,
    ) -> Result<crate::export::ImportSummary, String> {
        if let Storage::ReadOnly { reason, .. } = &self.storage {
            return Err(reason.clone());
        }
        if !matches!(self.storage, Storage::Sidecar { .. }) {
            return Err(
                "the sample article has no sidecar to import into: open an article of yours"
                    .to_owned(),
            );
        }
        if let Some(failure) = self
            .autosave(article, true)
            .filter(|_| self.save_error.is_some())
        {
            return Err(failure);
        }
        let summary = crate::export::import::import_file(
            format,
            file,
            &[article_path.to_owned()],
            crate::export::ImportOptions::default(),
        )
        .map_err(|e| match e {
            crate::export::import::ImportError::Lines(lines) => {
                let mut text = format!("{} invalid record(s); nothing was imported", lines.len());
                for line in lines.iter().take(20) {
                    text.push_str(&format!("\n{line}"));
                }
                text
            }
            other => other.to_string(),
        })?;
        let (on_disk, _) = Sidecar::open(article_path, article).map_err(|e| e.to_string())?;
        let mut edits = Vec::new();
        for a in on_disk.annotations.iter() {
            match self.set.get(a.id) {
                None if self.set.deleted_at(a.id).is_none() => edits.push(Edit::Add(a.clone())),
                Some(mine) if mine != a => edits.push(Edit::Change {
                    before: Box::new(mine.clone()),
                    after: Box::new(a.clone()),
                }),
                _ => {}
            }
        }
        self.codebook.absorb(on_disk.tags.iter());
        // The importer's write is ours: adopt that file state, so that the next save
        // does not take it for someone else's change (which would reset undo).
        if let Storage::Sidecar { sidecar, .. } = &mut self.storage {
            **sidecar = on_disk;
        }
        if !edits.is_empty() {
            self.apply(Edit::Group(edits)).map_err(|e| e.to_string())?;
        }
        Ok(summary)
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

/// True when `a` and `b` name the same file, however they are spelled.
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
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
mod tests {
    use super::*;

    /// An article with a sidecar that cannot be parsed.
    fn damaged() -> (tempfile::TempDir, PathBuf, Article, Vec<u8>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "শিরোনাম\n\nকোরিয়ার রাষ্ট্রীয় গণমাধ্যম।\n").unwrap();
        let sidecar = store::sidecar_path(&path);
        let bad = b"(format: \"pathok-annotations\", version: 1, oops".to_vec();
        std::fs::write(&sidecar, &bad).unwrap();
        let article = crate::article::load(&path).unwrap();
        (dir, path, article, bad)
    }

    #[test]
    fn deleting_a_tag_reaches_unsaved_annotations_and_other_articles() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        let codebook = Codebook {
            tags: vec![Tag::named("নিন্দা"), Tag::named("স্থান")],
        };
        store::save_codebook(&dir.path().join(store::CODEBOOK_FILE), &codebook).unwrap();
        let mut sessions = Vec::new();
        for path in [&a, &b] {
            std::fs::write(path, "শিরোনাম\n\nকোরিয়ার রাষ্ট্রীয় গণমাধ্যম।\n").unwrap();
            let article = crate::article::load(path).unwrap();
            let (mut session, _) = Session::open(path, &article);
            let tags = vec!["নিন্দা".to_owned(), "স্থান".to_owned()];
            session
                .add(&article, CharRange::new(9, 16), Color::HIGHLIGHT, tags, "")
                .unwrap();
            sessions.push((session, article));
        }
        // b is saved; a's annotation is still only in memory.
        let (session_b, article_b) = &mut sessions[1];
        assert_eq!(session_b.autosave(article_b, true), None);
        let (session_a, article_a) = &mut sessions[0];
        let usage = session_a.tag_usage(article_a, "নিন্দা").unwrap();
        assert_eq!((usage.annotations, usage.sidecars.len()), (2, 2));
        let notice = session_a.delete_tag(Some(&a), article_a, "নিন্দা").unwrap();
        assert!(
            notice.contains("2 annotation(s) in 2 article(s)"),
            "{notice}"
        );
        let tags: Vec<&str> = session_a
            .set
            .iter()
            .flat_map(|x| x.tags.iter().map(String::as_str))
            .collect();
        assert_eq!(tags, ["স্থান"]);
        assert!(session_a.codebook.get("নিন্দা").is_none());
        let (file, _) = store::read_sidecar_file(&store::sidecar_path(&b)).unwrap();
        assert_eq!(file.annotations[0].tags, ["স্থান"]);
    }

    #[test]
    fn a_damaged_sidecar_makes_every_change_refused_and_leaves_the_file_alone() {
        let (_dir, path, article, bad) = damaged();
        let (mut session, notices) = Session::open(&path, &article);
        assert!(session.is_read_only());
        assert!(
            notices.iter().any(|n| n.contains("a.txt.annotations.ron")),
            "{notices:?}"
        );
        let range = CharRange::new(9, 16);
        assert!(matches!(
            session.add(&article, range, Color::HIGHLIGHT, vec![], ""),
            Err(SessionError::ReadOnly(_))
        ));
        assert!(matches!(
            session.rename_tag(Some(&path), &article, "a", "b"),
            Err(SessionError::ReadOnly(_))
        ));
        assert!(matches!(
            session.delete_tag(Some(&path), &article, "a"),
            Err(SessionError::ReadOnly(_))
        ));
        assert_eq!(session.autosave(&article, true), None);
        assert_eq!(std::fs::read(store::sidecar_path(&path)).unwrap(), bad);
    }
}
