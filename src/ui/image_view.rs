//! Zoomable, pannable view of one image: the standalone image "article" and the view
//! that opens when an image in the text is clicked. Both behave alike: the wheel (or
//! a pinch) zooms around the pointer, dragging pans, double-click fits, "100%" shows
//! one image pixel per physical screen pixel, Esc closes the zoomed view.
//! `Shift+drag` draws a region and the regions of the picture are shown over it (see
//! [`super::regions::canvas`]).

use egui::{Rect, Vec2, pos2};

use crate::article::ImageSource;
use crate::tr;

use super::images::ImageState;
use super::reader::ReaderView;
use super::regions::canvas::{self, PictureRegions, RegionEvent};
use super::regions::geometry::Placement;

/// A zoom-and-pan view of one image.
pub struct ImageViewer {
    source: ImageSource,
    /// The part of the image (in image pixels) shown; `Rect::ZERO` means "fit".
    scene_rect: Rect,
    /// "100%" was asked for: set the zoom once the view's size is known.
    actual_size: bool,
    /// Screen points per image pixel in the last frame (`None` before the image is
    /// shown).
    scale: Option<f32>,
    /// Where the whole image was drawn on screen in the last frame.
    shown: Option<Rect>,
}

impl ImageViewer {
    /// A viewer for `source`, fitted to the window.
    pub fn new(source: ImageSource) -> Self {
        Self {
            source,
            scene_rect: Rect::ZERO,
            actual_size: false,
            scale: None,
            shown: None,
        }
    }

    /// Screen points per image pixel as last drawn (1 / `pixels_per_point` at 100%).
    pub fn scale(&self) -> Option<f32> {
        self.scale
    }

    /// Where the whole image was drawn on screen in the last frame (it may reach past
    /// the view when zoomed in).
    pub fn shown_rect(&self) -> Option<Rect> {
        self.shown
    }

    /// The image's name for the header: its file name (the whole path on hover).
    fn name(&self) -> String {
        match &self.source {
            ImageSource::File(path) => path
                .file_name()
                .map_or_else(|| self.source.label(), |n| n.to_string_lossy().into_owned()),
            other => other.label(),
        }
    }

    /// The image shown.
    pub fn source(&self) -> &ImageSource {
        &self.source
    }

    /// Draw the viewer filling `ui`, with `regions` over the picture; returns what the
    /// user did to them.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        reader: &mut ReaderView,
        regions: &PictureRegions,
    ) -> Option<RegionEvent> {
        let mut event = None;
        let state = reader.image_state(ui.ctx(), &self.source);
        ui.horizontal(|ui| {
            ui.add_space(8.0);
            ui.label(egui::RichText::new(self.name()).strong())
                .on_hover_text(self.source.label());
            if ui
                .button(tr!("image-fit"))
                .on_hover_text(tr!("image-fit-tip"))
                .clicked()
            {
                self.scene_rect = Rect::ZERO;
            }
            if matches!(state, ImageState::Ready { .. })
                && ui
                    .button(tr!("image-actual-size"))
                    .on_hover_text(tr!("image-actual-size-tip"))
                    .clicked()
            {
                self.actual_size = true;
            }
            ui.label(egui::RichText::new(tr!("image-help")).weak());
        });
        match state {
            ImageState::Ready {
                texture,
                size,
                pixels,
                ..
            } => {
                if std::mem::take(&mut self.actual_size) {
                    self.scene_rect = self.one_to_one(ui, size);
                }
                // The wheel zooms here (there is nothing to scroll), as in image viewers.
                let scene = egui::Scene::new()
                    .zoom_range(0.02..=16.0)
                    .scroll_zooms(true);
                let mut rect = self.scene_rect;
                let view = ui.available_size_before_wrap();
                // Screen points per scene unit, as last drawn: handles keep their size.
                let points = self.scale.unwrap_or(1.0);
                let id = ui.scope_id().with("regions");
                let mut shown = None;
                let response = scene.show(ui, &mut rect, |ui| {
                    let image_rect = Rect::from_min_size(pos2(0.0, 0.0), size);
                    ui.put(image_rect, egui::Image::new((texture.id(), size)));
                    let to_screen = ui.ctx().layer_transform_to_global(ui.layer_id());
                    shown = Some(to_screen.map_or(image_rect, |t| t * image_rect));
                    let placement = Placement {
                        shown: image_rect,
                        size: pixels,
                    };
                    canvas::show(ui, id, placement, regions, points).event
                });
                event = response.inner;
                self.shown = shown;
                if response.response.double_clicked()
                    || event == Some(RegionEvent::DoubleClickedPicture)
                {
                    rect = Rect::ZERO;
                }
                self.scene_rect = rect;
                // The scene fits `rect` into the view, keeping the aspect ratio.
                self.scale = (rect.width() > 0.0 && rect.height() > 0.0)
                    .then(|| (view.x / rect.width()).min(view.y / rect.height()));
            }
            ImageState::Loading => {
                ui.centered_and_justified(|ui| ui.spinner());
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(50));
            }
            ImageState::Failed(message) => {
                ui.centered_and_justified(|ui| {
                    ui.label(tr!("image-not-shown", reason = message.as_str()))
                });
            }
        }
        event
    }

    /// The part of the image to show so that one image pixel covers one physical pixel:
    /// the view is `pixels_per_point` times as many image pixels wide as it is points
    /// wide. Centred where the view is centred now (the image's centre when fitted).
    fn one_to_one(&self, ui: &egui::Ui, size: Vec2) -> Rect {
        let view = ui.available_size_before_wrap();
        let center = if self.scene_rect.is_positive() {
            self.scene_rect.center()
        } else {
            size.to_pos2() / 2.0
        };
        Rect::from_center_size(center, view * ui.ctx().pixels_per_point())
    }

    /// Show the viewer in a modal over the reader with `regions` over the picture;
    /// false once the user closed it. `event` receives what the user did to the
    /// regions.
    pub fn show_modal(
        &mut self,
        ctx: &egui::Context,
        reader: &mut ReaderView,
        regions: &PictureRegions,
        event: &mut Option<RegionEvent>,
    ) -> bool {
        let screen = ctx.content_rect();
        let size = Vec2::new(screen.width() * 0.9, screen.height() * 0.88);
        let mut keep = true;
        let modal = super::popups::modal("image-zoom").show(ctx, |ui| {
            ui.set_min_size(size);
            ui.set_max_size(size);
            ui.horizontal(|ui| {
                if ui
                    .button(tr!("button-close"))
                    .on_hover_text("Esc")
                    .clicked()
                {
                    keep = false;
                }
            });
            *event = self.ui(ui, reader, regions);
        });
        keep && !modal.should_close()
    }
}
