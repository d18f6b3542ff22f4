//! Picture regions in a session: drawing, moving and resizing (one undo step each),
//! accepting a flagged region on a changed picture, and flagging on open. Tags, notes,
//! colours and deletion go through the same session methods as text passages.

use super::{Session, SessionError};
use crate::annotate::{AnnotationId, Color, Edit, EditError, ImageHashes, ImageRegion, Timestamp};
use crate::picture::{PixelRect, PixelSize};

impl Session {
    /// Draw `region` on a picture of `size` with `color` and `tags`; selects it and
    /// returns its id.
    pub fn add_region(
        &mut self,
        region: ImageRegion,
        size: PixelSize,
        color: Color,
        tags: Vec<String>,
        author: &str,
    ) -> Result<AnnotationId, SessionError> {
        let rect = region.rect;
        let edit = Edit::add_region(region, size, color, tags, author, Timestamp::now())?;
        let Edit::Add(annotation) = &edit else {
            return Err(EditError::BadRegion { rect }.into());
        };
        let id = annotation.id;
        self.apply(edit)?;
        self.selected = Some(id);
        Ok(id)
    }

    /// Give region `id` the rectangle `rect` on its picture of `size` (after a move or
    /// a resize by a handle).
    pub fn reshape_region(
        &mut self,
        id: AnnotationId,
        rect: PixelRect,
        size: PixelSize,
    ) -> Result<(), SessionError> {
        if self
            .set
            .get(id)
            .and_then(|a| a.region.as_ref())
            .is_some_and(|r| r.rect == rect)
        {
            return Ok(());
        }
        let edit = Edit::reshape_region(&self.set, id, rect, size, Timestamp::now())?;
        self.apply(edit)
    }

    /// Accept flagged region `id` on its picture as it is now (SHA-256 `sha256`).
    pub fn confirm_region(&mut self, id: AnnotationId, sha256: &str) -> Result<(), SessionError> {
        let edit = Edit::confirm_region(&self.set, id, sha256, Timestamp::now())?;
        self.apply(edit)
    }

    /// Flag the regions whose picture is not the one they were drawn on (see
    /// [`crate::annotate::AnnotationSet::flag_changed_images`]); returns their ids.
    /// Not an undo step: a check of the pictures, as re-anchoring is of the text.
    pub fn flag_changed_images(&mut self, current: &ImageHashes) -> Vec<AnnotationId> {
        let before = self.set.clone();
        let flagged = self.set.flag_changed_images(current);
        if self.set != before {
            self.version += 1;
        }
        flagged
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Status;

    const PICTURE: &[u8] = include_bytes!("../../tests/data/pictures/rotated-exif6.jpg");

    #[test]
    fn a_region_drawn_on_a_photo_is_saved_and_flagged_when_the_photo_changes() {
        let dir = tempfile::tempdir().unwrap();
        let photo = dir.path().join("photo.jpg");
        std::fs::write(&photo, PICTURE).unwrap();
        let article = crate::article::load(&photo).unwrap();
        let (mut session, notices) = Session::open(&photo, &article);
        assert!(notices.is_empty(), "{notices:?}");
        let size = crate::picture::oriented_size(PICTURE, "photo.jpg").unwrap();
        let region = ImageRegion {
            image: None,
            sha256: crate::picture::image_sha256(PICTURE),
            rect: PixelRect::new(2, 30, 10, 8),
        };
        let id = session
            .add_region(
                region,
                size,
                Color::HIGHLIGHT,
                vec!["ছবি".to_owned()],
                "rina",
            )
            .unwrap();
        session.add_tag(id, "মুখ").unwrap();
        session
            .reshape_region(id, PixelRect::new(2, 30, 18, 10), size)
            .unwrap();
        assert_eq!(session.autosave(&article, true), None);
        let sidecar = std::fs::read_to_string(crate::store::sidecar_path(&photo)).unwrap();
        assert!(sidecar.contains("    version: 2,\n"), "{sidecar}");
        assert!(
            sidecar.contains("                    w: 18,\n"),
            "{sidecar}"
        );

        // Reopened on the same photo: not flagged.
        let (session, notices) = Session::open(&photo, &article);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(session.set.get(id).unwrap().status, Status::Anchored);

        // The photo is replaced by another picture: the region is kept, flagged.
        let mut changed = PICTURE.to_vec();
        changed.extend_from_slice(b"trailing bytes");
        std::fs::write(&photo, &changed).unwrap();
        let article = crate::article::load(&photo).unwrap();
        let (mut session, notices) = Session::open(&photo, &article);
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert!(notices[0].contains("1 picture region(s)"), "{notices:?}");
        let a = session.set.get(id).unwrap();
        assert_eq!(a.status, Status::ImageChanged);
        assert_eq!(
            a.region.as_ref().unwrap().rect,
            PixelRect::new(2, 30, 18, 10)
        );
        // Accepted on the new picture, as one undo step.
        let sha = crate::picture::image_sha256(&changed);
        session.confirm_region(id, &sha).unwrap();
        assert_eq!(session.set.get(id).unwrap().status, Status::Anchored);
        assert!(session.undo().unwrap());
        assert_eq!(session.set.get(id).unwrap().status, Status::ImageChanged);
    }
}
