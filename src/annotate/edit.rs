//! Reversible edits of an [`AnnotationSet`] and a capped undo/redo [`History`].
//!
//! Every change the user makes is an [`Edit`] value that knows its inverse. One user
//! gesture is one history step: several edits made while a group is open (or an
//! explicit [`Edit::Group`]) undo together.

use std::collections::VecDeque;

use super::{Annotation, AnnotationId, AnnotationSet, Color, Timestamp};
use crate::text::{CharRange, SourceText, snap_range};
use crate::tr;

/// One reversible change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Add an annotation.
    Add(Annotation),
    /// Remove an annotation (its deletion is recorded for merges).
    Remove(Annotation),
    /// Replace an annotation by a changed copy with the same id (resize, retag,
    /// recolour, note).
    Change {
        /// The annotation before.
        before: Box<Annotation>,
        /// The annotation after.
        after: Box<Annotation>,
    },
    /// Change the note about the whole article.
    ArticleNote {
        /// The note before.
        before: String,
        /// The note after.
        after: String,
    },
    /// Several edits applied (and undone) as one step.
    Group(Vec<Edit>),
}

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The annotation is not in the set (deleted meanwhile, e.g. by a merge).
    #[error("{}", tr!("edit-missing", id = .0.to_string()))]
    Missing(AnnotationId),
    /// An annotation with this id exists already.
    #[error("{}", tr!("edit-exists", id = .0.to_string()))]
    Exists(AnnotationId),
    /// The rectangle is empty or not inside the picture.
    #[error("{}", tr!(
        "edit-bad-region",
        w = .rect.w,
        h = .rect.h,
        x = .rect.x,
        y = .rect.y
    ))]
    BadRegion {
        /// The rectangle asked for.
        rect: crate::picture::PixelRect,
    },
    /// The annotation marks text, not a picture region.
    #[error("{}", tr!("edit-not-a-region", id = .0.to_string()))]
    NotARegion(AnnotationId),
    /// The range is empty or beyond the text.
    #[error("{}", tr!("edit-bad-range", start = *.start, end = *.end))]
    BadRange {
        /// Start asked for.
        start: usize,
        /// End asked for.
        end: usize,
    },
}

impl Edit {
    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Add(a) => Edit::Remove(a.clone()),
            Edit::Remove(a) => Edit::Add(a.clone()),
            Edit::Change { before, after } => Edit::Change {
                before: after.clone(),
                after: before.clone(),
            },
            Edit::ArticleNote { before, after } => Edit::ArticleNote {
                before: after.clone(),
                after: before.clone(),
            },
            Edit::Group(edits) => Edit::Group(edits.iter().rev().map(Edit::inverse).collect()),
        }
    }

    /// Highlight `range` of `text` (snapped to clusters) in `color` with `tags`.
    pub fn add(
        text: &SourceText,
        range: CharRange,
        color: Color,
        tags: Vec<String>,
        author: &str,
        now: Timestamp,
    ) -> Result<Edit, EditError> {
        let mut a = Annotation::new(text, range, now).ok_or(EditError::BadRange {
            start: range.start.0,
            end: range.end.0,
        })?;
        a.color = color;
        a.tags = tags;
        a.author = author.to_owned();
        Ok(Edit::Add(a))
    }

    /// Remove annotation `id`.
    pub fn remove(set: &AnnotationSet, id: AnnotationId) -> Result<Edit, EditError> {
        let a = set.get(id).ok_or(EditError::Missing(id))?;
        Ok(Edit::Remove(a.clone()))
    }

    /// Move the ends of annotation `id` to `range` (snapped to clusters).
    pub fn resize(
        set: &AnnotationSet,
        text: &SourceText,
        id: AnnotationId,
        range: CharRange,
        now: Timestamp,
    ) -> Result<Edit, EditError> {
        let bad = EditError::BadRange {
            start: range.start.0,
            end: range.end.0,
        };
        if range.end.0 > text.char_len() {
            return Err(bad);
        }
        let range = snap_range(text, range);
        if range.is_empty() {
            return Err(bad);
        }
        // A picture region has no text range to move (see `reshape_region`).
        if set.get(id).is_some_and(Annotation::is_region) {
            return Err(bad);
        }
        Self::change(set, id, now, |a| {
            a.set_range(text, range);
            a.status = super::Status::Anchored;
        })
    }

    /// Replace the tags of annotation `id`.
    pub fn retag(
        set: &AnnotationSet,
        id: AnnotationId,
        tags: Vec<String>,
        now: Timestamp,
    ) -> Result<Edit, EditError> {
        Self::change(set, id, now, |a| a.tags = tags)
    }

    /// Change the colour of annotation `id`.
    pub fn recolour(
        set: &AnnotationSet,
        id: AnnotationId,
        color: Color,
        now: Timestamp,
    ) -> Result<Edit, EditError> {
        Self::change(set, id, now, |a| a.color = color)
    }

    /// Change the note of annotation `id`.
    pub fn edit_note(
        set: &AnnotationSet,
        id: AnnotationId,
        note: String,
        now: Timestamp,
    ) -> Result<Edit, EditError> {
        Self::change(set, id, now, |a| a.note = note)
    }

    /// Change the note about the whole article.
    pub fn article_note(set: &AnnotationSet, note: String) -> Edit {
        Edit::ArticleNote {
            before: set.article_note.clone(),
            after: note,
        }
    }

    pub(super) fn change(
        set: &AnnotationSet,
        id: AnnotationId,
        now: Timestamp,
        f: impl FnOnce(&mut Annotation),
    ) -> Result<Edit, EditError> {
        let before = set.get(id).ok_or(EditError::Missing(id))?.clone();
        let mut after = before.clone();
        f(&mut after);
        after.modified = now.after(before.modified);
        Ok(Edit::Change {
            before: Box::new(before),
            after: Box::new(after),
        })
    }
}

impl AnnotationSet {
    /// Apply `edit` as the user's newest change at `now`: deletions are recorded at
    /// `now`. With `touch`, annotations it puts back get `modified = now`, so that undo
    /// and redo win over older copies in a merge. All or nothing: a failing group
    /// leaves the set as it was.
    pub fn apply(&mut self, edit: &Edit, now: Timestamp, touch: bool) -> Result<(), EditError> {
        let stamped = |a: &Annotation| {
            let mut a = a.clone();
            if touch {
                a.modified = now.after(a.modified);
            }
            a
        };
        match edit {
            Edit::Add(a) => {
                if self.get(a.id).is_some() {
                    return Err(EditError::Exists(a.id));
                }
                self.upsert(stamped(a));
            }
            Edit::Remove(a) => {
                self.delete(a.id, now).ok_or(EditError::Missing(a.id))?;
            }
            Edit::Change { after, .. } => {
                if self.get(after.id).is_none() {
                    return Err(EditError::Missing(after.id));
                }
                self.upsert(stamped(after));
            }
            Edit::ArticleNote { after, .. } => self.article_note.clone_from(after),
            Edit::Group(edits) => {
                for (i, e) in edits.iter().enumerate() {
                    if let Err(err) = self.apply(e, now, touch) {
                        for done in edits[..i].iter().rev() {
                            // Undoing what was just applied cannot fail.
                            let _ = self.apply(&done.inverse(), now, touch);
                        }
                        return Err(err);
                    }
                }
            }
        }
        Ok(())
    }
}

/// Undo/redo history of one article's annotations. Not persisted.
#[derive(Debug)]
pub struct History {
    undo: VecDeque<Edit>,
    redo: Vec<Edit>,
    cap: usize,
    group: Option<Vec<Edit>>,
}

impl Default for History {
    fn default() -> Self {
        Self::new(Self::DEFAULT_CAP)
    }
}

impl History {
    /// Steps kept by [`History::default`].
    pub const DEFAULT_CAP: usize = 200;

    /// An empty history keeping at most `cap` steps.
    pub fn new(cap: usize) -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            cap: cap.max(1),
            group: None,
        }
    }

    /// Apply `edit` to `set` and record it (into the open group, if any).
    pub fn apply(
        &mut self,
        set: &mut AnnotationSet,
        edit: Edit,
        now: Timestamp,
    ) -> Result<(), EditError> {
        set.apply(&edit, now, false)?;
        match &mut self.group {
            Some(group) => group.push(edit),
            None => self.push(edit),
        }
        Ok(())
    }

    /// Start a gesture: edits until [`History::end_group`] become one step.
    pub fn begin_group(&mut self) {
        if self.group.is_none() {
            self.group = Some(Vec::new());
        }
    }

    /// End the gesture started by [`History::begin_group`].
    pub fn end_group(&mut self) {
        if let Some(mut edits) = self.group.take() {
            match edits.len() {
                0 => {}
                1 => self.push(edits.remove(0)),
                _ => self.push(Edit::Group(edits)),
            }
        }
    }

    fn push(&mut self, edit: Edit) {
        self.redo.clear();
        self.undo.push_back(edit);
        while self.undo.len() > self.cap {
            self.undo.pop_front();
        }
    }

    /// True when there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undo the last step. Returns false when there is nothing to undo. On error
    /// (the annotation was changed elsewhere) the step is dropped and the set is
    /// unchanged.
    pub fn undo(&mut self, set: &mut AnnotationSet, now: Timestamp) -> Result<bool, EditError> {
        self.end_group();
        let Some(edit) = self.undo.pop_back() else {
            return Ok(false);
        };
        set.apply(&edit.inverse(), now, true)?;
        self.redo.push(edit);
        Ok(true)
    }

    /// Redo the last undone step. Returns false when there is nothing to redo.
    pub fn redo(&mut self, set: &mut AnnotationSet, now: Timestamp) -> Result<bool, EditError> {
        let Some(edit) = self.redo.pop() else {
            return Ok(false);
        };
        set.apply(&edit, now, true)?;
        self.undo.push_back(edit);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::testing::annotated;

    #[test]
    fn every_edit_undoes_and_redoes() {
        let (text, mut set) = annotated("আমি [বাংলা] বই পড়ি");
        let original = set.clone();
        let id = set.iter().next().unwrap().id;
        let now = Timestamp::now();
        let mut h = History::default();
        let add = Edit::add(
            &text,
            CharRange::new(10, 12),
            Color::HIGHLIGHT,
            vec![],
            "",
            now,
        );
        h.apply(&mut set, add.unwrap(), now).unwrap();
        let e = Edit::retag(&set, id, vec!["t".into()], now).unwrap();
        h.apply(&mut set, e, now).unwrap();
        h.begin_group();
        let e = Edit::resize(&set, &text, id, CharRange::new(4, 12), now).unwrap();
        h.apply(&mut set, e, now).unwrap();
        let e = Edit::edit_note(&set, id, "নোট".into(), now).unwrap();
        h.apply(&mut set, e, now).unwrap();
        h.end_group();
        let e = Edit::article_note(&set, "সারাংশ".into());
        h.apply(&mut set, e, now).unwrap();
        let done = set.clone();
        assert_eq!(set.get(id).unwrap().quote, "বাংলা বই");
        for _ in 0..4 {
            assert!(h.undo(&mut set, now).unwrap());
        }
        assert!(!h.undo(&mut set, now).unwrap());
        // Undo moves `modified` forward (so that it wins merges); all else is as before.
        let unstamped = |s: &AnnotationSet| -> Vec<Annotation> {
            s.iter()
                .map(|a| Annotation {
                    modified: a.created,
                    ..a.clone()
                })
                .collect()
        };
        assert_eq!(unstamped(&set), unstamped(&original));
        assert_eq!(set.article_note, "");
        for _ in 0..4 {
            assert!(h.redo(&mut set, now).unwrap());
        }
        assert_eq!(unstamped(&set), unstamped(&done));
        assert_eq!(set.article_note, "সারাংশ");
    }

    #[test]
    fn a_gesture_is_one_step_and_history_is_capped() {
        let (text, mut set) = annotated("ক খ গ ঘ ঙ");
        let now = Timestamp::now();
        let mut h = History::new(3);
        for i in 0..5 {
            let e = Edit::add(
                &text,
                CharRange::new(2 * i, 2 * i + 1),
                Color::HIGHLIGHT,
                vec![],
                "",
                now,
            );
            h.apply(&mut set, e.unwrap(), now).unwrap();
        }
        let mut steps = 0;
        while h.undo(&mut set, now).unwrap() {
            steps += 1;
        }
        assert_eq!((steps, set.len()), (3, 2));
    }

    #[test]
    fn a_failing_group_changes_nothing() {
        let (_, mut set) = annotated("[ক] খ");
        let before = set.clone();
        let a = set.iter().next().unwrap().clone();
        let group = Edit::Group(vec![Edit::Remove(a.clone()), Edit::Remove(a)]);
        assert!(set.apply(&group, Timestamp::now(), false).is_err());
        assert_eq!(set.as_slice(), before.as_slice());
    }
}
