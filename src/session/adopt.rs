//! Settling a difference between coders: one coder's version of a passage is copied
//! into the reconciled coding (a third coder, e.g. "final").

use super::{Session, SessionError};
use crate::annotate::{AnnotationId, Edit, Timestamp};
use crate::article::Article;
use crate::text::CharRange;

impl Session {
    /// Adopt the annotations `sources` (one coder's version of the passage `range`)
    /// into the coding of `coder`: `coder`'s annotations overlapping `range` are
    /// replaced by copies of `sources` (span, tags, note, colour) authored by `coder`.
    /// One undo step. Returns the new annotations' ids; the first is selected.
    pub fn adopt(
        &mut self,
        article: &Article,
        range: CharRange,
        sources: &[AnnotationId],
        coder: &str,
    ) -> Result<Vec<AnnotationId>, SessionError> {
        let now = Timestamp::now();
        let mut edits = Vec::new();
        for old in self.set.overlapping(range).filter(|a| a.author == coder) {
            edits.push(Edit::remove(&self.set, old.id)?);
        }
        let mut ids = Vec::new();
        for id in sources {
            let source = self
                .set
                .get(*id)
                .ok_or(crate::annotate::EditError::Missing(*id))?;
            let mut edit = Edit::add(
                &article.text,
                source.range(),
                source.color,
                source.tags.clone(),
                coder,
                now,
            )?;
            if let Edit::Add(copy) = &mut edit {
                copy.note.clone_from(&source.note);
                ids.push(copy.id);
            }
            edits.push(edit);
        }
        if edits.is_empty() {
            // Adopting "no passage here" where the reconciled coder has none: no
            // change, and no empty undo step.
            return Ok(ids);
        }
        self.apply(Edit::Group(edits))?;
        self.selected = ids.first().copied();
        Ok(ids)
    }
}

#[cfg(test)]
mod tests {
    use crate::annotate::Color;
    use crate::session::Session;
    use crate::text::CharRange;

    #[test]
    fn adopting_replaces_the_reconciled_version_in_one_undo_step() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "আমি বাংলা বই পড়ি\n").unwrap();
        let article = crate::article::load(&path).unwrap();
        let mut s = Session::in_memory();
        let range = CharRange::new(4, 9);
        let a = s
            .add(&article, range, Color::HIGHLIGHT, vec!["x".into()], "rina")
            .unwrap();
        let b = s
            .add(
                &article,
                CharRange::new(4, 12),
                Color::HIGHLIGHT,
                vec!["y".into()],
                "sumon",
            )
            .unwrap();
        s.set_note(a, "কারণ".into()).unwrap();
        let first = s
            .adopt(&article, CharRange::new(4, 12), &[a], "final")
            .unwrap();
        let copy = s.set.get(first[0]).unwrap();
        assert_eq!(
            (copy.author.as_str(), copy.range(), copy.note.as_str()),
            ("final", range, "কারণ")
        );
        assert_eq!(copy.tags, ["x"]);
        // Adopting the other version replaces the first adoption.
        let second = s
            .adopt(&article, CharRange::new(4, 12), &[b], "final")
            .unwrap();
        let finals: Vec<_> = s.set.iter().filter(|x| x.author == "final").collect();
        assert_eq!(finals.len(), 1);
        assert_eq!(finals[0].id, second[0]);
        assert!(s.undo().unwrap());
        assert!(s.set.get(first[0]).is_some() && s.set.get(second[0]).is_none());
        assert!(s.undo().unwrap());
        assert_eq!(s.set.iter().filter(|x| x.author == "final").count(), 0);
        assert_eq!(s.set.len(), 2);
        // Adopting nothing where "final" has nothing changes nothing.
        let version = s.version;
        assert!(s.adopt(&article, range, &[], "final").unwrap().is_empty());
        assert_eq!(s.version, version);
    }
}
