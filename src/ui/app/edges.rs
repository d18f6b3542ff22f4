//! Side panels whose width the app decides: shown at exactly the width asked for (so
//! long content can never push a panel wider and squeeze the reader), with an inner
//! edge the user drags to choose another width. egui's own resizable panels grow with
//! their content and keep the width in egui's memory; here the width lives in the
//! app's state (the library's in the settings), within the range `layout` gives.
//!
//! The edge is also a keyboard control (the WAI-ARIA window splitter): Tab reaches it
//! and draws a focus ring, ←/→ move it by 10 points (with Shift 50), Home/End give the
//! panel its smallest/largest width; screen readers hear its name and width.

use std::ops::RangeInclusive;

use egui::{CursorIcon, Id, Key, Modifiers, Rect, Sense, Stroke};

/// How far an arrow key moves a focused edge, in points…
const KEY_STEP: f32 = 10.0;
/// …and with Shift held.
const KEY_STEP_SHIFT: f32 = 50.0;

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
    let shown = panel.resizable(false).exact_size(width).show(ui, |ui| {
        // Content wider than the panel (a codebook row of a long tag and its buttons
        // at the narrowest width) must not reach the panel's own rect: egui clamps an
        // overflowing panel by moving its inner edge, so a right panel was reported
        // (and the reader laid out) as if it began further right, the reader running
        // under it. The content is laid out in a child as wide as the panel, clipped
        // to it, and only what lies inside the panel is given back to it.
        let inside = ui.max_rect();
        let mut content = ui.new_child(
            egui::UiBuilder::new()
                .id_salt("content")
                .max_rect(inside)
                .layout(*ui.layout()),
        );
        content.shrink_clip_rect(inside);
        let inner = add_contents(&mut content);
        ui.advance_cursor_after_rect(content.min_rect().intersect(inside));
        inner
    });
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
    let edge_id = edge_id(id);
    let response = ui.interact(handle, edge_id, Sense::drag());
    let width = rect.width().round();
    response.widget_info(|| egui::WidgetInfo {
        current_text_value: Some(crate::tr!("panel-edge-width", points = width as i64)),
        value: Some(f64::from(width)),
        ..egui::WidgetInfo::labeled(egui::Role::Splitter, true, edge_label(id))
    });
    if response.has_focus() {
        // The arrows move the edge rather than the keyboard focus.
        let filter = egui::EventFilter {
            horizontal_arrows: true,
            ..Default::default()
        };
        ui.memory_mut(|m| m.set_focus_lock_filter(edge_id, filter));
        let selection = ui.visuals().selection;
        ui.painter()
            .rect_filled(handle, egui::CornerRadius::same(2), selection.bg_fill);
        ui.painter()
            .vline(x, rect.y_range(), Stroke::new(2.0, selection.stroke.color));
    } else if response.hovered() || response.dragged() {
        let stroke = ui.visuals().widgets.hovered.fg_stroke;
        ui.painter().vline(x, rect.y_range(), stroke);
    }
    if response.hovered() || response.dragged() {
        ui.ctx().set_cursor_icon(CursorIcon::ResizeHorizontal);
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

/// The id of the edge of panel `id`: its widget, and what has the keyboard focus.
fn edge_id(id: &str) -> Id {
    Id::unique(("panel-edge", id))
}

/// What a screen reader calls the edge of panel `id`.
fn edge_label(id: &str) -> String {
    match id {
        "library" => crate::tr!("panel-edge-library"),
        _ => crate::tr!("panel-edge-side"),
    }
}

/// The width a panel on `side`, now `width` points wide, takes when `key` is pressed
/// on its focused edge (`shift`: the longer step), within `range`; `None` for a key the
/// edge does not use. The arrows move the edge itself, so → widens the library on the
/// left and narrows the side panel on the right; Home/End give the panel its smallest
/// and largest width.
pub(super) fn keyed_width(
    side: Side,
    width: f32,
    range: &RangeInclusive<f32>,
    key: Key,
    shift: bool,
) -> Option<f32> {
    let step = if shift { KEY_STEP_SHIFT } else { KEY_STEP };
    let rightwards = match side {
        Side::Left => 1.0,
        Side::Right => -1.0,
    };
    let wanted = match key {
        Key::ArrowRight => width + rightwards * step,
        Key::ArrowLeft => width - rightwards * step,
        Key::Home => *range.start(),
        Key::End => *range.end(),
        _ => return None,
    };
    Some(wanted.clamp(*range.start(), *range.end()).round())
}

/// The width the keys pressed this frame give the panel `id` (on `side`, now `width`
/// wide) while its edge has the keyboard focus; the keys are consumed, so that no
/// shortcut (Home: to the article's top) acts on them too. Called before the
/// shortcuts are read.
pub(super) fn keyed_edge(
    ctx: &egui::Context,
    id: &str,
    side: Side,
    width: f32,
    range: &RangeInclusive<f32>,
) -> Option<f32> {
    if !ctx.memory(|m| m.has_focus(edge_id(id))) {
        return None;
    }
    // A changed width makes egui run the frame again (a second pass over the same
    // input): the keys are consumed again but move the edge once.
    let first_pass = ctx.current_pass_index() == 0;
    let mut now = None;
    ctx.input_mut(|input| {
        for key in [Key::ArrowLeft, Key::ArrowRight, Key::Home, Key::End] {
            // With Shift first: a press with Shift also matches the plain key.
            for shift in [true, false] {
                let modifiers = if shift {
                    Modifiers::SHIFT
                } else {
                    Modifiers::NONE
                };
                while input.consume_key(modifiers, key) {
                    now = keyed_width(side, now.unwrap_or(width), range, key, shift);
                }
            }
        }
    });
    now.filter(|_| first_pass)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_move_the_edge_and_home_end_go_to_the_panel_limits() {
        let range = 240.0..=700.0;
        let key = |side, width, key, shift| keyed_width(side, width, &range, key, shift);
        // The library is on the left: its edge moving right widens it.
        assert_eq!(key(Side::Left, 320.0, Key::ArrowRight, false), Some(330.0));
        assert_eq!(key(Side::Left, 320.0, Key::ArrowLeft, true), Some(270.0));
        // The side panel is on the right: its edge moving right narrows it.
        assert_eq!(key(Side::Right, 340.0, Key::ArrowRight, false), Some(330.0));
        assert_eq!(key(Side::Right, 340.0, Key::ArrowLeft, true), Some(390.0));
        assert_eq!(key(Side::Right, 340.0, Key::Home, false), Some(240.0));
        assert_eq!(key(Side::Left, 340.0, Key::End, false), Some(700.0));
        // Never past the limits.
        assert_eq!(key(Side::Left, 245.0, Key::ArrowLeft, true), Some(240.0));
        assert_eq!(key(Side::Left, 320.0, Key::Enter, false), None);
    }
}
