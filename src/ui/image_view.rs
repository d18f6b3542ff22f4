//! Zoomable, pannable view of one image: the standalone image "article" and the view
//! that opens when an image in the text is clicked.

use egui::{Rect, Vec2, pos2};

use crate::article::ImageSource;

use super::images::ImageState;
use super::reader::ReaderView;

/// A zoom-and-pan view of one image.
pub struct ImageViewer {
    source: ImageSource,
    /// The part of the image (in image pixels) shown; `Rect::ZERO` means "fit".
    scene_rect: Rect,
}

impl ImageViewer {
    /// A viewer for `source`, fitted to the window.
    pub fn new(source: ImageSource) -> Self {
        Self {
            source,
            scene_rect: Rect::ZERO,
        }
    }

    /// Draw the viewer filling `ui`. Scroll or pinch zooms, drag pans,
    /// double-click fits the image again.
    pub fn ui(&mut self, ui: &mut egui::Ui, reader: &mut ReaderView) {
        let state = reader.image_state(ui.ctx(), &self.source);
        ui.horizontal(|ui| {
            ui.add_space(8.0);
            let name = match &self.source {
                ImageSource::File(path) => path
                    .file_name()
                    .map_or_else(|| self.source.label(), |n| n.to_string_lossy().into_owned()),
                other => other.label(),
            };
            ui.label(egui::RichText::new(name).strong())
                .on_hover_text(self.source.label());
            if ui
                .button("Fit")
                .on_hover_text("Show the whole image (double-click)")
                .clicked()
            {
                self.scene_rect = Rect::ZERO;
            }
            if let ImageState::Ready { size, .. } = &state
                && ui
                    .button("100%")
                    .on_hover_text("One image pixel per screen pixel")
                    .clicked()
            {
                let view = ui.available_size() / ui.ctx().pixels_per_point();
                let center = size.to_pos2() / 2.0;
                self.scene_rect = Rect::from_center_size(center, view);
            }
            ui.label(egui::RichText::new("Scroll to zoom, drag to move").weak());
        });
        match state {
            ImageState::Ready { texture, size } => {
                let scene = egui::Scene::new().zoom_range(0.02..=16.0);
                let mut rect = self.scene_rect;
                let response = scene.show(ui, &mut rect, |ui| {
                    let image_rect = Rect::from_min_size(pos2(0.0, 0.0), size);
                    ui.put(image_rect, egui::Image::new((texture.id(), size)));
                });
                if response.response.double_clicked() {
                    rect = Rect::ZERO;
                }
                self.scene_rect = rect;
            }
            ImageState::Loading => {
                ui.centered_and_justified(|ui| ui.spinner());
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(50));
            }
            ImageState::Failed(message) => {
                ui.centered_and_justified(|ui| ui.label(format!("Image not shown: {message}")));
            }
        }
    }

    /// Show the viewer in a modal over the reader; false once the user closed it.
    pub fn show_modal(&mut self, ctx: &egui::Context, reader: &mut ReaderView) -> bool {
        let screen = ctx.content_rect();
        let size = Vec2::new(screen.width() * 0.9, screen.height() * 0.88);
        let mut keep = true;
        let modal = super::popups::modal("image-zoom").show(ctx, |ui| {
            ui.set_min_size(size);
            ui.set_max_size(size);
            ui.horizontal(|ui| {
                if ui.button("Close").on_hover_text("Esc").clicked() {
                    keep = false;
                }
            });
            self.ui(ui, reader);
        });
        keep && !modal.should_close()
    }
}
