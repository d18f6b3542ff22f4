//! [`AnnotationSet`]: the annotations of one article, kept sorted, with the record of
//! deletions that merges need.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Annotation, AnnotationId, Status, Timestamp};
use crate::text::{CharOffset, CharRange};

/// The record that an annotation was deleted, kept so that a merge with an older copy
/// of the sidecar does not bring it back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tombstone {
    /// The deleted annotation.
    pub id: AnnotationId,
    /// When it was deleted.
    pub deleted_at: Timestamp,
}

/// The annotations of one article, sorted by start, then id. Overlapping and nested
/// annotations are allowed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnnotationSet {
    items: Vec<Annotation>,
    deleted: BTreeMap<AnnotationId, Timestamp>,
    /// A note about the whole article.
    pub article_note: String,
}

fn order_key(a: &Annotation) -> (CharOffset, AnnotationId) {
    (a.start, a.id)
}

impl AnnotationSet {
    /// A set from annotations in any order and tombstones. When an id appears twice the
    /// later copy wins.
    pub fn new(annotations: Vec<Annotation>, tombstones: Vec<Tombstone>) -> Self {
        let mut set = AnnotationSet::default();
        set.items.reserve(annotations.len());
        let mut by_id: BTreeMap<AnnotationId, Annotation> = BTreeMap::new();
        for a in annotations {
            by_id.insert(a.id, a);
        }
        set.items = by_id.into_values().collect();
        set.items.sort_by_key(order_key);
        set.deleted = tombstones
            .into_iter()
            .map(|t| (t.id, t.deleted_at))
            .collect();
        set
    }

    /// All annotations in order (start, then id).
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Annotation> + '_ {
        self.items.iter()
    }

    /// All annotations in order, as a slice.
    pub fn as_slice(&self) -> &[Annotation] {
        &self.items
    }

    /// Number of annotations.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when there is no annotation.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The annotation with this id.
    pub fn get(&self, id: AnnotationId) -> Option<&Annotation> {
        self.items.iter().find(|a| a.id == id)
    }

    /// Deletion records, sorted by id.
    pub fn tombstones(&self) -> Vec<Tombstone> {
        self.deleted
            .iter()
            .map(|(&id, &deleted_at)| Tombstone { id, deleted_at })
            .collect()
    }

    /// When the annotation `id` was deleted, if it was.
    pub fn deleted_at(&self, id: AnnotationId) -> Option<Timestamp> {
        self.deleted.get(&id).copied()
    }

    /// Insert or replace (by id) an annotation, keeping the order; clears a tombstone
    /// for its id.
    pub fn upsert(&mut self, annotation: Annotation) {
        self.take(annotation.id);
        self.deleted.remove(&annotation.id);
        let key = order_key(&annotation);
        let at = self.items.partition_point(|a| order_key(a) < key);
        self.items.insert(at, annotation);
    }

    /// Remove an annotation without recording a deletion (used by edits and merges).
    pub fn take(&mut self, id: AnnotationId) -> Option<Annotation> {
        let i = self.items.iter().position(|a| a.id == id)?;
        Some(self.items.remove(i))
    }

    /// Remove an annotation and record its deletion at `at`.
    pub fn delete(&mut self, id: AnnotationId, at: Timestamp) -> Option<Annotation> {
        let removed = self.take(id)?;
        self.deleted.insert(id, at);
        Some(removed)
    }

    /// Record a deletion without an annotation to remove (from a merge).
    pub fn record_deletion(&mut self, id: AnnotationId, at: Timestamp) {
        let entry = self.deleted.entry(id).or_insert(at);
        *entry = (*entry).max(at);
    }

    /// Change every annotation in place (the order is restored afterwards).
    pub fn update_all(&mut self, mut f: impl FnMut(&mut Annotation)) {
        self.items.iter_mut().for_each(&mut f);
        self.items.sort_by_key(order_key);
    }

    /// Annotations that share at least one char with `range` (orphans excluded), in order.
    pub fn overlapping(&self, range: CharRange) -> impl Iterator<Item = &Annotation> + '_ {
        let upto = self.items.partition_point(|a| a.start < range.end);
        self.items[..upto]
            .iter()
            .filter(move |a| a.status != Status::Orphaned && a.range().overlaps(&range))
    }

    /// Annotations covering `offset` (orphans excluded), in order.
    pub fn at(&self, offset: CharOffset) -> impl Iterator<Item = &Annotation> + '_ {
        self.overlapping(CharRange::new(offset.0, offset.0 + 1))
    }

    /// How many annotations carry each tag, by tag name.
    pub fn tag_counts(&self) -> BTreeMap<&str, usize> {
        let mut counts = BTreeMap::new();
        for a in &self.items {
            for t in &a.tags {
                *counts.entry(t.as_str()).or_insert(0) += 1;
            }
        }
        counts
    }

    /// The orphaned annotations, in order.
    pub fn orphans(&self) -> impl Iterator<Item = &Annotation> + '_ {
        self.items.iter().filter(|a| a.status == Status::Orphaned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::testing::annotated;

    #[test]
    fn overlap_queries_and_counts() {
        let (text, mut set) = annotated("আমি [বাংলা [ব]ই] [পড়ি]");
        assert_eq!(text.as_str(), "আমি বাংলা বই পড়ি");
        let quotes =
            |r: CharRange| -> Vec<String> { set.overlapping(r).map(|a| a.quote.clone()).collect() };
        assert_eq!(quotes(CharRange::new(10, 11)), ["বাংলা বই", "ব"]);
        assert_eq!(quotes(CharRange::new(0, 4)), Vec::<String>::new());
        assert_eq!(quotes(CharRange::new(12, 20)), ["পড়ি"]);
        let ids: Vec<_> = set.iter().map(|a| a.id).collect();
        set.update_all(|a| a.tags = vec!["x".into()]);
        assert_eq!(set.tag_counts().get("x"), Some(&3));
        let at = Timestamp::now();
        assert!(set.delete(ids[0], at).is_some());
        assert_eq!(set.deleted_at(ids[0]), Some(at));
        assert_eq!(set.len(), 2);
    }
}
