//! Merging two copies of one article's annotations (this instance's and the one found
//! on disk) by annotation id.

use std::collections::BTreeSet;

use crate::annotate::{AnnotationId, AnnotationSet, Tag};

/// Merge `theirs` into `ours` by annotation id: for each id the copy with the newer
/// `modified` wins (ours on a tie); a deletion recorded on either side wins over any
/// copy not modified after it, so deleted annotations are not brought back.
/// The article note: ours if we changed it since `base_note` (what was read), else
/// theirs.
pub fn merge(ours: &AnnotationSet, theirs: &AnnotationSet, base_note: &str) -> AnnotationSet {
    let ids: BTreeSet<AnnotationId> = ours
        .iter()
        .chain(theirs.iter())
        .map(|a| a.id)
        .chain(ours.tombstones().into_iter().map(|t| t.id))
        .chain(theirs.tombstones().into_iter().map(|t| t.id))
        .collect();
    let mut annotations = Vec::new();
    let mut tombstones = Vec::new();
    for id in ids {
        let newest = match (ours.get(id), theirs.get(id)) {
            (Some(o), Some(t)) => Some(if t.modified > o.modified { t } else { o }),
            (o, t) => o.or(t),
        };
        let deleted = ours.deleted_at(id).max(theirs.deleted_at(id));
        match (newest, deleted) {
            (Some(a), Some(at)) if at >= a.modified => {
                tombstones.push(crate::annotate::Tombstone { id, deleted_at: at });
            }
            (Some(a), _) => annotations.push(a.clone()),
            (None, Some(at)) => tombstones.push(crate::annotate::Tombstone { id, deleted_at: at }),
            (None, None) => {}
        }
    }
    let mut merged = AnnotationSet::new(annotations, tombstones);
    merged.article_note = if ours.article_note == base_note {
        theirs.article_note.clone()
    } else {
        ours.article_note.clone()
    };
    merged
}

/// Tags of both sides by name: ours first (our colour and description win), then
/// theirs that we do not have.
pub(crate) fn merge_tags(ours: &[Tag], theirs: &[Tag]) -> Vec<Tag> {
    let mut out = ours.to_vec();
    for t in theirs {
        if !out.iter().any(|o| o.name == t.name) {
            out.push(t.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::testing::annotated;
    use crate::annotate::{Edit, Timestamp};
    use crate::text::CharRange;

    #[test]
    fn newer_copy_wins_and_deletions_stay_deleted() {
        let (text, base) = annotated("[আমি] [বাংলা] [বই] পড়ি");
        let ids: Vec<_> = base.iter().map(|a| a.id).collect();
        let t1 = Timestamp::now();
        let t2 = Timestamp::from_datetime(t1.datetime() + time::Duration::seconds(1));
        let mut ours = base.clone();
        let mut theirs = base.clone();
        // We retag the first; they delete the second and add one.
        ours.apply(
            &Edit::retag(&ours, ids[0], vec!["x".into()], t2).unwrap(),
            t2,
            false,
        )
        .unwrap();
        theirs
            .apply(&Edit::remove(&theirs, ids[1]).unwrap(), t2, false)
            .unwrap();
        let add = Edit::add(
            &text,
            CharRange::new(12, 16),
            Default::default(),
            vec![],
            "",
            t2,
        );
        theirs.apply(&add.unwrap(), t2, false).unwrap();
        let merged = merge(&ours, &theirs, "");
        assert_eq!(merged.len(), 3);
        assert_eq!(merged.get(ids[0]).unwrap().tags, ["x"]);
        assert!(merged.get(ids[1]).is_none());
        assert_eq!(merged.deleted_at(ids[1]), Some(t2));
        // Merging again with the old copy does not resurrect the deleted one.
        let again = merge(&merged, &base, "");
        assert!(again.get(ids[1]).is_none());
        assert_eq!(again.as_slice(), merged.as_slice());
    }
}
