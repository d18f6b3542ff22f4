//! Picture regions as annotations: the undoable edits that draw, move and resize them,
//! and flagging the regions whose picture changed since they were drawn.
//!
//! Tags, notes, colours and deletion of a region go through the same [`Edit`]s as a
//! text passage (`retag`, `edit_note`, `recolour`, `remove`).

use std::collections::BTreeMap;

use super::{Annotation, AnnotationId, AnnotationSet, Color, Edit, EditError, ImageRegion};
use super::{Status, Timestamp};
use crate::picture::{PixelRect, PixelSize};

/// The current SHA-256 of each picture regions may point at, keyed as
/// [`ImageRegion::image`] names it (`None`: the annotated file itself is the picture).
/// A picture that is missing or unreadable is simply absent.
pub type ImageHashes = BTreeMap<Option<String>, String>;

impl Edit {
    /// Draw `region` (its rectangle must fit a picture of `size`) in `color` with
    /// `tags`: one undo step.
    pub fn add_region(
        region: ImageRegion,
        size: PixelSize,
        color: Color,
        tags: Vec<String>,
        author: &str,
        now: Timestamp,
    ) -> Result<Edit, EditError> {
        if !region.rect.fits(size) {
            return Err(EditError::BadRegion { rect: region.rect });
        }
        let mut a = Annotation::new_region(region, now);
        a.color = color;
        a.tags = tags;
        a.author = author.to_owned();
        Ok(Edit::Add(a))
    }

    /// Give region `id` the rectangle `rect` (moved or resized; it must fit a picture
    /// of `size`): one undo step. A flagged region stays flagged (see
    /// [`Edit::confirm_region`]).
    pub fn reshape_region(
        set: &AnnotationSet,
        id: AnnotationId,
        rect: PixelRect,
        size: PixelSize,
        now: Timestamp,
    ) -> Result<Edit, EditError> {
        if !rect.fits(size) {
            return Err(EditError::BadRegion { rect });
        }
        let a = set.get(id).ok_or(EditError::Missing(id))?;
        if a.region.is_none() {
            return Err(EditError::NotARegion(id));
        }
        Self::change(set, id, now, |a| {
            if let Some(region) = &mut a.region {
                region.rect = rect;
            }
        })
    }

    /// Accept flagged region `id` on the picture as it is now (whose SHA-256 is
    /// `sha256`): it is no longer flagged. One undo step.
    pub fn confirm_region(
        set: &AnnotationSet,
        id: AnnotationId,
        sha256: &str,
        now: Timestamp,
    ) -> Result<Edit, EditError> {
        let a = set.get(id).ok_or(EditError::Missing(id))?;
        if a.region.is_none() {
            return Err(EditError::NotARegion(id));
        }
        Self::change(set, id, now, |a| {
            if let Some(region) = &mut a.region {
                sha256.clone_into(&mut region.sha256);
            }
            a.status = Status::Anchored;
        })
    }
}

/// The regions among `annotations` whose picture is not the one they were drawn on:
/// its SHA-256 in `current` differs from the region's, or the picture is not in
/// `current` at all (missing, unreadable). In the order given.
pub fn changed_image_regions<'a>(
    annotations: impl IntoIterator<Item = &'a Annotation>,
    current: &ImageHashes,
) -> Vec<AnnotationId> {
    annotations
        .into_iter()
        .filter(|a| {
            a.region
                .as_ref()
                .is_some_and(|r| current.get(&r.image) != Some(&r.sha256))
        })
        .map(|a| a.id)
        .collect()
}

impl AnnotationSet {
    /// Mark the regions whose picture changed (see [`changed_image_regions`]) as
    /// [`Status::ImageChanged`], and regions whose picture is the one they were drawn
    /// on again as [`Status::Anchored`]. Returns the flagged ids. `modified` is not
    /// touched: this is a check on load, not a user edit.
    pub fn flag_changed_images(&mut self, current: &ImageHashes) -> Vec<AnnotationId> {
        let flagged = changed_image_regions(self.iter(), current);
        self.update_all(|a| {
            if a.region.is_none() {
                return;
            }
            a.status = if flagged.contains(&a.id) {
                Status::ImageChanged
            } else {
                Status::Anchored
            };
        });
        flagged
    }

    /// The picture regions, in order.
    pub fn regions(&self) -> impl Iterator<Item = &Annotation> + '_ {
        self.iter().filter(|a| a.is_region())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::History;

    const SIZE: PixelSize = PixelSize {
        width: 200,
        height: 100,
    };

    fn region(image: Option<&str>, sha: &str, rect: PixelRect) -> ImageRegion {
        ImageRegion {
            image: image.map(str::to_owned),
            sha256: sha.to_owned(),
            rect,
        }
    }

    #[test]
    fn drawing_moving_and_resizing_are_one_undo_step_each() {
        let now = Timestamp::now();
        let mut set = AnnotationSet::default();
        let mut history = History::new(10);
        let drawn = Edit::add_region(
            region(None, "aa", PixelRect::new(10, 10, 20, 20)),
            SIZE,
            Color::HIGHLIGHT,
            vec!["ছবি".to_owned()],
            "rina",
            now,
        )
        .unwrap();
        let Edit::Add(a) = &drawn else {
            panic!("{drawn:?}")
        };
        let id = a.id;
        assert_eq!((a.start.0, a.end.0, a.quote.as_str()), (0, 0, ""));
        history.apply(&mut set, drawn, now).unwrap();
        let rect = |set: &AnnotationSet| set.get(id).unwrap().region.as_ref().unwrap().rect;

        let moved = PixelRect::new(10, 10, 20, 20).moved(500, 3, SIZE);
        let e = Edit::reshape_region(&set, id, moved, SIZE, now).unwrap();
        history.apply(&mut set, e, now).unwrap();
        assert_eq!(rect(&set), PixelRect::new(180, 13, 20, 20));
        let resized = moved.resized(crate::picture::Handle::TopLeft, -30, -13, SIZE);
        let e = Edit::reshape_region(&set, id, resized, SIZE, now).unwrap();
        history.apply(&mut set, e, now).unwrap();
        assert_eq!(rect(&set), PixelRect::new(150, 0, 50, 33));

        assert!(history.undo(&mut set, now).unwrap());
        assert_eq!(rect(&set), PixelRect::new(180, 13, 20, 20));
        assert!(history.undo(&mut set, now).unwrap());
        assert_eq!(rect(&set), PixelRect::new(10, 10, 20, 20));
        assert!(history.undo(&mut set, now).unwrap());
        assert!(set.is_empty());
        assert!(history.redo(&mut set, now).unwrap());
        assert_eq!(rect(&set), PixelRect::new(10, 10, 20, 20));
    }

    #[test]
    fn a_changed_text_leaves_regions_alone_and_text_edits_refuse_them() {
        let now = Timestamp::now();
        let a =
            Annotation::new_region(region(Some("p.png"), "aa", PixelRect::new(1, 2, 3, 4)), now);
        let mut set = AnnotationSet::new(vec![a.clone()], vec![]);
        let text = crate::text::SourceText::new("নতুন লেখা, আগের থেকে আলাদা".to_owned());
        let report = crate::annotate::reanchor(&text, &mut set);
        assert_eq!(
            report.outcomes,
            vec![(a.id, crate::annotate::AnchorOutcome::Anchored)]
        );
        assert_eq!(set.get(a.id), Some(&a));
        let range = crate::text::CharRange::new(0, 4);
        assert!(Edit::resize(&set, &text, a.id, range, now).is_err());
        assert!(
            set.overlapping(crate::text::CharRange::new(0, 100))
                .next()
                .is_none()
        );
    }

    #[test]
    fn regions_outside_the_picture_are_refused() {
        let now = Timestamp::now();
        let outside = region(None, "aa", PixelRect::new(190, 0, 20, 10));
        let err = Edit::add_region(outside, SIZE, Color::HIGHLIGHT, vec![], "", now);
        assert!(matches!(err, Err(EditError::BadRegion { .. })), "{err:?}");
        let empty = region(None, "aa", PixelRect::new(0, 0, 0, 10));
        assert!(Edit::add_region(empty, SIZE, Color::HIGHLIGHT, vec![], "", now).is_err());
    }

    #[test]
    fn a_changed_or_missing_picture_flags_its_regions_only() {
        let now = Timestamp::now();
        let own = Annotation::new_region(region(None, "aa", PixelRect::new(0, 0, 5, 5)), now);
        let inline = Annotation::new_region(
            region(Some("img/1.png"), "bb", PixelRect::new(0, 0, 5, 5)),
            now,
        );
        let gone = Annotation::new_region(
            region(Some("img/2.png"), "cc", PixelRect::new(0, 0, 5, 5)),
            now,
        );
        let text = crate::text::SourceText::new("কথা".to_owned());
        let passage = Annotation::new(&text, crate::text::CharRange::new(0, 3), now).unwrap();
        let mut set = AnnotationSet::new(
            vec![own.clone(), inline.clone(), gone.clone(), passage.clone()],
            vec![],
        );
        let mut current = ImageHashes::new();
        current.insert(None, "aa".to_owned());
        current.insert(Some("img/1.png".to_owned()), "b2".to_owned());
        let flagged = set.flag_changed_images(&current);
        let mut want = vec![inline.id, gone.id];
        want.sort();
        let mut got = flagged.clone();
        got.sort();
        assert_eq!(got, want);
        assert_eq!(set.get(own.id).unwrap().status, Status::Anchored);
        assert_eq!(set.get(inline.id).unwrap().status, Status::ImageChanged);
        assert_eq!(set.get(passage.id).unwrap().status, Status::Anchored);
        // The picture restored: no longer flagged.
        current.insert(Some("img/1.png".to_owned()), "bb".to_owned());
        set.flag_changed_images(&current);
        assert_eq!(set.get(inline.id).unwrap().status, Status::Anchored);
        // Confirming a flagged region on the new picture takes the new hash.
        set.flag_changed_images(&ImageHashes::new());
        let e = Edit::confirm_region(&set, own.id, "a2", now).unwrap();
        set.apply(&e, now, false).unwrap();
        let confirmed = set.get(own.id).unwrap();
        assert_eq!(confirmed.status, Status::Anchored);
        assert_eq!(confirmed.region.as_ref().unwrap().sha256, "a2");
        assert!(Edit::confirm_region(&set, passage.id, "a2", now).is_err());
    }
}
