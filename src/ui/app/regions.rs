//! Picture regions in the app: which regions each picture shows, the rectangle drawn
//! but not coded yet (the picture's counterpart of selected text), and what a click,
//! a drawn rectangle or a dragged handle does to the session.

use crate::tr;
use std::collections::HashMap;
use std::sync::Arc;

use egui::{Color32, Vec2};

use crate::annotate::{Annotation, AnnotationId, Color, ImageRegion, Status};
use crate::article::{ArticleFormat, ImageSource};
use crate::picture::{PixelRect, PixelSize};

use super::super::images::ImageState;
use super::super::notices::Level;
use super::super::regions::canvas::{PictureRegions, RegionEvent, ShownRegion};
use super::PathokApp;

/// A rectangle drawn on a picture with `Shift+drag`, not coded yet.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionSelection {
    /// The picture.
    pub source: ImageSource,
    /// The rectangle, in whole image pixels.
    pub pixels: PixelRect,
}

/// A picture's size in pixels (whole numbers, as decoded) as the region model's.
fn to_size(pixels: Vec2) -> PixelSize {
    PixelSize::new(pixels.x.round() as u32, pixels.y.round() as u32)
}

/// The text shown on hover over a region: its tags, then its note.
fn hover_text(a: &Annotation) -> String {
    let tags = if a.tags.is_empty() {
        tr!("region-no-tags")
    } else {
        a.tags.join(", ")
    };
    if a.note.is_empty() {
        tags
    } else {
        format!("{tags}\n{}", a.note)
    }
}

impl PathokApp {
    /// How regions name `source`: `Some(None)` for the standalone image itself,
    /// `Some(Some(path))` for a picture of the article (its path relative to the
    /// article's folder), `None` for a picture regions cannot be drawn on (the sample
    /// article's, or one that is not a file).
    pub(super) fn picture_name(&self, source: &ImageSource) -> Option<Option<String>> {
        let article = self.reader.article();
        let path = article.origin.path()?;
        if article.format == ArticleFormat::Image {
            return Some(None);
        }
        match source {
            ImageSource::File(image) => crate::picture::relative_image_path(path, image).map(Some),
            _ => None,
        }
    }

    /// The size in pixels of the picture `source` as decoded (`None` before it is).
    fn picture_size(&self, source: &ImageSource) -> Option<PixelSize> {
        match self.reader.cached_image_state(source) {
            Some(ImageState::Ready { pixels, .. }) => Some(to_size(pixels)),
            _ => None,
        }
    }

    /// The regions to paint on each picture of the article (by
    /// [`ImageSource::label`]), as the side panel's coder filter allows; fills
    /// `region_ids` (region key → annotation).
    fn picture_regions(&mut self) -> HashMap<String, PictureRegions> {
        let article = Arc::clone(self.reader.article());
        let mut by_name: HashMap<Option<String>, ImageSource> = HashMap::new();
        for image in article.images() {
            if let Some(name) = self.picture_name(&image.source) {
                by_name.insert(name, image.source.clone());
            }
        }
        let coder = self.side_panel.shown_coder();
        let mut out: HashMap<String, PictureRegions> = HashMap::new();
        self.region_ids.clear();
        for a in self.session.set.iter() {
            let Some(region) = &a.region else { continue };
            if coder.is_some_and(|c| c != a.author) {
                continue;
            }
            let Some(source) = by_name.get(&region.image) else {
                continue;
            };
            // The picture as decoded now: a region drawn on other bytes is marked,
            // also when the file changed while it is open.
            let now_hash = match self.reader.cached_image_state(source) {
                Some(ImageState::Ready { sha256, .. }) => sha256,
                _ => None,
            };
            let flagged =
                a.status == Status::ImageChanged || now_hash.is_some_and(|h| h != region.sha256);
            let [r, g, b] = self.session.paint_color(a).0;
            out.entry(source.label())
                .or_default()
                .regions
                .push(ShownRegion {
                    key: self.region_ids.len() as u64,
                    pixels: region.rect,
                    color: Color32::from_rgb(r, g, b),
                    label: a.tags.join(", "),
                    hover: hover_text(a),
                    flagged,
                    selected: self.session.selected == Some(a.id),
                });
            self.region_ids.push(a.id);
        }
        if let Some(selection) = &self.region_selection {
            out.entry(selection.source.label()).or_default().pending = Some(selection.pixels);
        }
        out
    }

    /// Scroll to the picture named `image` (as regions name it) of the article.
    pub(super) fn reveal_picture(&mut self, image: Option<&str>) {
        let article = Arc::clone(self.reader.article());
        let block = article.blocks.iter().find(|b| match &b.kind {
            crate::article::BlockKind::Image(i) => {
                self.picture_name(&i.source).as_ref().map(Option::as_deref) == Some(image)
            }
            _ => false,
        });
        if let Some(block) = block {
            self.reader.reveal(block.range.start);
        }
    }

    /// Keep flagged region `id` on its picture as the picture is now (read again to
    /// know which bytes it is on).
    pub(super) fn confirm_region(&mut self, id: AnnotationId) {
        let article = Arc::clone(self.reader.article());
        let (Some(path), Some(a)) = (article.origin.path(), self.session.set.get(id)) else {
            return;
        };
        let hashes = crate::picture::current_image_hashes(path, std::iter::once(a));
        let image = a.region.as_ref().map(|r| r.image.clone());
        match image.and_then(|image| hashes.get(&image).cloned()) {
            Some(sha256) => {
                let result = self.session.confirm_region(id, &sha256);
                self.check(result);
                self.painted = None;
            }
            None => self.report(
                Level::Error,
                tr!(
                    "notice-region-picture-unreadable",
                    path = path.display().to_string()
                ),
            ),
        }
    }

    /// Give the reader the regions to paint on each picture.
    pub(super) fn refresh_picture_regions(&mut self) {
        let regions = self.picture_regions();
        self.reader.set_picture_regions(regions);
    }

    /// Act on what the user did to the regions of `source`.
    pub(super) fn region_event(&mut self, source: &ImageSource, event: RegionEvent) {
        let id_of = |key: u64| {
            self.region_ids
                .get(usize::try_from(key).unwrap_or(usize::MAX))
                .copied()
        };
        match event {
            RegionEvent::Drawn(pixels) => {
                if self.picture_name(source).is_none() {
                    self.report(Level::Notice, tr!("notice-region-sample"));
                    return;
                }
                self.reader.set_selection(None);
                self.session.selected = None;
                self.region_selection = Some(RegionSelection {
                    source: source.clone(),
                    pixels,
                });
            }
            RegionEvent::Clicked(key) => {
                self.region_selection = None;
                self.reader.set_selection(None);
                self.session.selected = id_of(key);
            }
            RegionEvent::ClickedPicture | RegionEvent::DoubleClickedPicture => {
                self.region_selection = None;
                self.session.selected = None;
            }
            RegionEvent::Changed { key, pixels } => {
                if let (Some(id), Some(size)) = (id_of(key), self.picture_size(source)) {
                    let result = self.session.reshape_region(id, pixels, size);
                    self.check(result);
                }
            }
        }
        self.painted = None;
    }

    /// Code the drawn rectangle with `color` and `tags`: a new region annotation.
    /// `None` when no rectangle is drawn (or the picture cannot be read).
    pub(super) fn annotate_region(
        &mut self,
        color: Color,
        tags: Vec<String>,
    ) -> Option<AnnotationId> {
        let selection = self.region_selection.clone()?;
        let image = self.picture_name(&selection.source)?;
        let found = match self.reader.cached_image_state(&selection.source) {
            Some(ImageState::Ready {
                sha256: Some(sha256),
                pixels,
                ..
            }) => Some((sha256, pixels)),
            _ => None,
        };
        let (sha256, size) = match found {
            Some((sha256, pixels)) => (sha256, to_size(pixels)),
            _ => {
                self.report(
                    Level::Error,
                    tr!("notice-region-not-kept", path = selection.source.label()),
                );
                return None;
            }
        };
        let region = ImageRegion {
            image,
            sha256,
            rect: selection.pixels,
        };
        let author = self.settings.author.clone();
        match self.session.add_region(region, size, color, tags, &author) {
            Ok(id) => {
                self.region_selection = None;
                self.painted = None;
                Some(id)
            }
            Err(e) => {
                self.report(Level::Error, e.to_string());
                None
            }
        }
    }
}
