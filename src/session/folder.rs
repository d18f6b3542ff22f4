//! What a session does beyond its own article: renaming and deleting a tag across the
//! folder the codebook governs, counting tags there, and importing pre-annotations.

use std::path::{Path, PathBuf};

use super::{Notice, Session, SessionError, Storage};
use crate::annotate::Edit;
use crate::article::Article;
use crate::store::{self, Sidecar};
use crate::tr;

impl Session {
    /// The codebook file and the article a folder-wide change (rename, delete) goes
    /// through, or `None` when the annotations live in memory (or the article has no
    /// file), so the change is made in this session alone. A read-only article, or a
    /// codebook that could not be read, is refused rather than written over.
    fn folder_target<'a>(
        &self,
        article_path: Option<&'a Path>,
    ) -> Result<Option<(PathBuf, &'a Path)>, SessionError> {
        match (&self.storage, article_path) {
            (Storage::ReadOnly { path, .. }, _) => Err(SessionError::ReadOnly(path.clone())),
            (
                Storage::Sidecar {
                    codebook_unreadable: Some(reason),
                    ..
                },
                Some(_),
            ) => Err(SessionError::CodebookUnreadable(reason.clone())),
            (Storage::Sidecar { codebook, .. }, Some(p)) => Ok(Some((codebook.clone(), p))),
            (Storage::Memory, _) | (Storage::Sidecar { .. }, None) => Ok(None),
        }
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
        let Some((codebook, article_path)) = self.folder_target(article_path)? else {
            rename_here(self);
            return Ok(None);
        };
        self.save_for_folder_change(article)?;
        let report = store::rename_tag(&codebook, from, to)?;
        let (fresh, _) = Self::open(article_path, article);
        *self = fresh;
        let (annotations, files) = (report.annotations, report.sidecars.len());
        Ok(Some(if report.merged {
            tr!(
                "session-tag-merged",
                from = from,
                to = to,
                annotations = annotations,
                files = files
            )
        } else {
            tr!(
                "session-tag-renamed",
                from = from,
                to = to,
                annotations = annotations,
                files = files
            )
        }))
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
        let Some((codebook, article_path)) = self.folder_target(article_path)? else {
            self.codebook.tags.retain(|t| t.name != name);
            self.set.update_all(|a| a.tags.retain(|t| t != name));
            self.touched();
            return Ok(tr!("session-tag-deleted", name = name));
        };
        self.save_for_folder_change(article)?;
        let usage = store::delete_tag(&codebook, name)?;
        let (fresh, _) = Self::open(article_path, article);
        *self = fresh;
        Ok(tr!(
            "session-tag-deleted-from",
            name = name,
            annotations = usage.annotations,
            articles = usage.sidecars.len()
        ))
    }

    /// How many annotations carry each tag across every sidecar governed by this
    /// article's codebook (the folder), this session's unsaved state included.
    /// Sidecars that cannot be read are skipped and named in the second value.
    pub fn folder_tag_counts(&self) -> (std::collections::BTreeMap<String, usize>, Vec<String>) {
        let mut counts = std::collections::BTreeMap::new();
        let mut problems = Vec::new();
        let mine = match &self.storage {
            Storage::Sidecar {
                sidecar, codebook, ..
            } => Some((sidecar.path.clone(), codebook.clone())),
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
    ) -> Result<crate::export::ImportSummary, SessionError> {
        if let Storage::ReadOnly { path, .. } = &self.storage {
            return Err(SessionError::ReadOnly(path.clone()));
        }
        if !matches!(self.storage, Storage::Sidecar { .. }) {
            return Err(SessionError::NoSidecar);
        }
        self.autosave(article, true);
        if let Some(failure) = &self.save_error {
            return Err(SessionError::NotSaved(failure.clone()));
        }
        let summary = crate::export::import::import_file(
            format,
            file,
            &[article_path.to_owned()],
            crate::export::ImportOptions::default(),
        )?;
        let (on_disk, _) = Sidecar::open(article_path, article)?;
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
            self.apply(Edit::Group(edits))?;
        }
        Ok(summary)
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
