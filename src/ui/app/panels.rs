//! The side panel and the library panel take their widths from `layout`: each is
//! shown at exactly its width (long content cannot push it wider), the reader keeps
//! its minimum, and the side panel hides when the window is too narrow for all three.

use std::ops::RangeInclusive;
use std::sync::Arc;

use super::PathokApp;
use super::edges::{EdgeDrag, Side, edge, keyed_edge, sized_panel};
use super::layout;

/// The panels' widths while the app runs (the library's chosen width is in the
/// settings, so it outlives the run).
#[derive(Debug, Default)]
pub(super) struct PanelSizes {
    /// The library's width while its edge is being dragged.
    pub library_drag: Option<f32>,
    /// The side panel's width as last dragged; `None`: the default.
    pub side: Option<f32>,
    /// The side panel is hidden: the window is too narrow for it next to the reader.
    pub side_squeezed: bool,
    /// Where the library panel was last drawn, while it is shown.
    pub library_rect: Option<egui::Rect>,
    /// Where the reader (the central panel) was last drawn.
    pub reader_rect: Option<egui::Rect>,
    /// The side panel's rectangle and range this frame, for its edge (kept until the
    /// next frame's keys are read).
    side_edge: Option<(egui::Rect, RangeInclusive<f32>)>,
    /// The library's rectangle and range this frame, for its edge (kept until the next
    /// frame's keys are read).
    library_edge: Option<(egui::Rect, RangeInclusive<f32>)>,
}

impl PathokApp {
    /// Where the reader (between the panels) was drawn in the last frame; `None`
    /// before the first.
    pub fn reader_rect(&self) -> Option<egui::Rect> {
        self.panel_sizes.reader_rect
    }

    /// Where the library panel was drawn in the last frame, while it is shown.
    pub fn library_rect(&self) -> Option<egui::Rect> {
        self.panel_sizes
            .library_rect
            .filter(|_| self.library_shown())
    }

    /// True when the side panel gave way to the reader (the window is too narrow).
    pub fn side_panel_squeezed(&self) -> bool {
        self.panel_sizes.side_squeezed
    }

    /// True when the library panel is on screen.
    pub(super) fn library_shown(&self) -> bool {
        self.show_library && self.library.is_some()
    }

    /// The side panel at the right, as wide as the window leaves it (see
    /// [`layout::side_range`]); nothing when it gave way to the reader.
    pub(super) fn side_panel(&mut self, ui: &mut egui::Ui, ctx: &egui::Context, window: f32) {
        let Some(range) = layout::side_range(window, self.library_shown()) else {
            return;
        };
        let width = self.panel_sizes.side.unwrap_or(layout::SIDE_DEFAULT_WIDTH);
        let article = Arc::clone(self.reader.article());
        let selection = self.reader.selection();
        let (action, rect) = sized_panel(ui, "side", Side::Right, width, &range, |ui| {
            self.side_panel.ui(ui, &article, &self.session, selection)
        });
        self.panel_sizes.side_edge = Some((rect, range));
        if let Some(action) = action {
            self.side_panel_action(ctx, action);
        }
    }

    /// Show the library panel of its width (the one being dragged, the one chosen, or
    /// the default share of `window`) and its contents; remembers a width let go.
    pub(super) fn sized_library_panel<R>(
        &mut self,
        ui: &mut egui::Ui,
        window: f32,
        add_contents: impl FnOnce(&mut Self, &mut egui::Ui) -> R,
    ) -> R {
        let range = layout::library_range(ui.available_width());
        let chosen = self
            .panel_sizes
            .library_drag
            .or(self.settings.library_width);
        let width = layout::library_width(chosen, window, &range);
        let (inner, rect) = sized_panel(ui, "library", Side::Left, width, &range, |ui| {
            add_contents(self, ui)
        });
        self.panel_sizes.library_rect = Some(rect);
        self.panel_sizes.library_edge = Some((rect, range));
        inner
    }

    /// The keys pressed on a panel's edge that has the keyboard focus, before the
    /// shortcuts read them (see [`keyed_edge`]): the new width is kept as for a drag
    /// (the library's in the settings). Uses where the panels were drawn last frame.
    pub(super) fn panel_edge_keys(&mut self, ctx: &egui::Context) {
        if let Some((rect, range)) = self.panel_sizes.side_edge.take()
            && let Some(w) = keyed_edge(ctx, "side", Side::Right, rect.width(), &range)
        {
            self.panel_sizes.side = Some(w);
        }
        if let Some((rect, range)) = self.panel_sizes.library_edge.take()
            && let Some(w) = keyed_edge(ctx, "library", Side::Left, rect.width(), &range)
        {
            self.settings.library_width = Some(w);
        }
    }

    /// The panels' inner edges, after the reader is drawn (see [`edge`]): a drag
    /// changes the width (the library's, once let go, is kept in the settings).
    pub(super) fn panel_edges(&mut self, ui: &mut egui::Ui) {
        if let Some((rect, range)) = self.panel_sizes.side_edge.clone() {
            match edge(ui, "side", Side::Right, rect, &range) {
                EdgeDrag::Dragging(w) | EdgeDrag::Released(w) => self.panel_sizes.side = Some(w),
                EdgeDrag::Still => {}
            }
        }
        if let Some((rect, range)) = self.panel_sizes.library_edge.clone() {
            match edge(ui, "library", Side::Left, rect, &range) {
                EdgeDrag::Dragging(w) => self.panel_sizes.library_drag = Some(w),
                EdgeDrag::Released(w) => {
                    self.panel_sizes.library_drag = None;
                    self.settings.library_width = Some(w);
                }
                EdgeDrag::Still => self.panel_sizes.library_drag = None,
            }
        }
    }
}
