//! Side panels whose width the app decides: shown at exactly the width asked for (so
//! long content can never push a panel wider and squeeze the reader), with an inner
//! edge the user drags to choose another width. egui's own resizable panels grow with
//! their content and keep the width in egui's memory; here the width lives in the
//! app's state (the library's in the settings), within the range `layout` gives.

use std::ops::RangeInclusive;

use egui::{CursorIcon, Rect, Sense};

/// Which side of the window a panel is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    Left,
    Right,
}

/// What became of a panel's width this frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum EdgeDrag {
    /// Nobody touched the edge.
    Still,
    /// The edge is being dragged: the panel shows this width.
    Dragging(f32),
    /// The edge was let go at this width: the user's choice.
    Released(f32),
}

/// A side panel of `width` points (within `range`). Returns what its contents
/// returned and where it was drawn (for its [`edge`], handled after the reader).
pub(super) fn sized_panel<R>(
    ui: &mut egui::Ui,
    id: &str,
    side: Side,
    width: f32,
    range: &RangeInclusive<f32>,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> (R, Rect) {
    let width = width.clamp(*range.start(), *range.end());
    let panel = match side {
        Side::Left => egui::Panel::left(id),
        Side::Right => egui::Panel::right(id),
    };
    let shown = panel
        .resizable(false)
        .exact_size(width)
        .show(ui, add_contents);
    (shown.inner, shown.response.rect)
}

/// The draggable inner edge of a panel occupying `rect`. Called after the reader is
/// drawn, so that the edge is on top of it: a press right at the boundary, on either
/// side, takes the edge rather than starting a selection in the reader.
pub(super) fn edge(
    ui: &mut egui::Ui,
    id: &str,
    side: Side,
    rect: Rect,
    range: &RangeInclusive<f32>,
) -> EdgeDrag {
    let x = match side {
        Side::Left => rect.max.x,
        Side::Right => rect.min.x,
    };
    let grab = ui.style().interaction.resize_grab_radius_side;
    let handle = Rect::from_x_y_ranges(x - grab..=x + grab, rect.y_range());
    let edge_id = ui.make_persistent_id((id, "edge"));
    let response = ui.interact(handle, edge_id, Sense::drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Splitter, true, crate::tr!("panel-edge"))
    });
    if response.hovered() || response.dragged() {
        ui.ctx().set_cursor_icon(CursorIcon::ResizeHorizontal);
        let stroke = ui.visuals().widgets.hovered.fg_stroke;
        ui.painter().vline(x, rect.y_range(), stroke);
    }
    let wanted = response
        .interact_pointer_pos()
        .map_or(rect.width(), |pointer| match side {
            Side::Left => pointer.x - rect.min.x,
            Side::Right => rect.max.x - pointer.x,
        })
        .clamp(*range.start(), *range.end())
        .round();
    if response.drag_stopped() {
        EdgeDrag::Released(wanted)
    } else if response.dragged() {
        EdgeDrag::Dragging(wanted)
    } else {
        EdgeDrag::Still
    }
}
