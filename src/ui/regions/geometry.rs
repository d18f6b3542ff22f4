//! Where image regions are on screen and what the pointer is over: the mapping between
//! the picture as drawn (at any zoom and pan) and the image's own pixels, and which
//! handle of a region the pointer grabs. Pure functions over egui's geometry types, so
//! they are tested without a window.

use egui::{Pos2, Rect, Vec2, pos2};

/// How a picture is drawn: the image's `size` in its own pixels, shown over `shown`
/// (in the coordinates of the `Ui` it is drawn in, zoomed and panned as it may be).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// Where the whole image is drawn.
    pub shown: Rect,
    /// The image's size in pixels (after EXIF orientation).
    pub size: Vec2,
}

impl Placement {
    /// UI units per image pixel, across and down.
    fn scale(&self) -> Vec2 {
        Vec2::new(
            self.shown.width() / self.size.x.max(1.0),
            self.shown.height() / self.size.y.max(1.0),
        )
    }

    /// The image pixel position (fractional, not clamped) under UI position `pos`.
    pub fn to_image(&self, pos: Pos2) -> Pos2 {
        let scale = self.scale();
        pos2(
            (pos.x - self.shown.min.x) / scale.x,
            (pos.y - self.shown.min.y) / scale.y,
        )
    }

    /// A movement on screen as a movement in image pixels.
    pub fn delta_to_image(&self, delta: Vec2) -> Vec2 {
        let scale = self.scale();
        Vec2::new(delta.x / scale.x, delta.y / scale.y)
    }

    /// Where the image pixel rectangle `pixels` is drawn.
    pub fn to_ui(&self, pixels: Rect) -> Rect {
        let scale = self.scale();
        Rect::from_min_max(
            self.shown.min + pixels.min.to_vec2() * scale,
            self.shown.min + pixels.max.to_vec2() * scale,
        )
    }
}

/// The whole pixels a drag from `a` to `b` (image pixels, fractional) covers, kept
/// inside an image of `size`: every pixel the rectangle touches. `None` when nothing of
/// the image is covered (a click, or a drag outside the picture).
pub fn snapped_drag(a: Pos2, b: Pos2, size: Vec2) -> Option<Rect> {
    let min = pos2(a.x.min(b.x).floor().max(0.0), a.y.min(b.y).floor().max(0.0));
    let max = pos2(
        a.x.max(b.x).ceil().min(size.x),
        a.y.max(b.y).ceil().min(size.y),
    );
    (max.x > min.x && max.y > min.y).then(|| Rect::from_min_max(min, max))
}

/// The part of a region the pointer grabs: its inside moves it, an edge or a corner
/// resizes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handle {
    /// The whole region: moves it.
    Inside,
    /// Top-left corner.
    TopLeft,
    /// Top edge.
    Top,
    /// Top-right corner.
    TopRight,
    /// Right edge.
    Right,
    /// Bottom-right corner.
    BottomRight,
    /// Bottom edge.
    Bottom,
    /// Bottom-left corner.
    BottomLeft,
    /// Left edge.
    Left,
}

impl Handle {
    /// The eight resize handles.
    pub const RESIZE: [Handle; 8] = [
        Handle::TopLeft,
        Handle::Top,
        Handle::TopRight,
        Handle::Right,
        Handle::BottomRight,
        Handle::Bottom,
        Handle::BottomLeft,
        Handle::Left,
    ];

    /// Which edges this handle moves: (left, top, right, bottom).
    fn edges(self) -> (bool, bool, bool, bool) {
        match self {
            Handle::Inside => (true, true, true, true),
            Handle::TopLeft => (true, true, false, false),
            Handle::Top => (false, true, false, false),
            Handle::TopRight => (false, true, true, false),
            Handle::Right => (false, false, true, false),
            Handle::BottomRight => (false, false, true, true),
            Handle::Bottom => (false, false, false, true),
            Handle::BottomLeft => (true, false, false, true),
            Handle::Left => (true, false, false, false),
        }
    }

    /// Where a resize handle is drawn on `rect` (its centre).
    pub fn anchor(self, rect: Rect) -> Pos2 {
        let (left, top, right, bottom) = self.edges();
        let x = if left {
            rect.left()
        } else if right {
            rect.right()
        } else {
            rect.center().x
        };
        let y = if top {
            rect.top()
        } else if bottom {
            rect.bottom()
        } else {
            rect.center().y
        };
        pos2(x, y)
    }

    /// The mouse cursor that says what this handle does.
    pub fn cursor(self) -> egui::CursorIcon {
        use egui::CursorIcon as C;
        match self {
            Handle::Inside => C::Move,
            Handle::TopLeft | Handle::BottomRight => C::ResizeNwSe,
            Handle::TopRight | Handle::BottomLeft => C::ResizeNeSw,
            Handle::Top | Handle::Bottom => C::ResizeVertical,
            Handle::Left | Handle::Right => C::ResizeHorizontal,
        }
    }
}

/// The handle of the region drawn at `rect` under `pos`, if any: a resize handle when
/// the pointer is within `reach` of it (corners win over edges), else the inside.
pub fn handle_at(rect: Rect, pos: Pos2, reach: f32) -> Option<Handle> {
    let nearest = Handle::RESIZE
        .into_iter()
        .map(|h| (h, h.anchor(rect).distance(pos)))
        .filter(|(_, d)| *d <= reach)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    match nearest {
        Some((handle, _)) => Some(handle),
        None => rect.contains(pos).then_some(Handle::Inside),
    }
}

/// `region` (whole image pixels) after `handle` was dragged by `delta` image pixels,
/// in whole pixels and inside an image of `size`. Moving keeps the size; resizing
/// keeps at least one pixel, and an edge dragged past the opposite one flips the
/// rectangle round as the pointer goes.
pub fn dragged(region: Rect, handle: Handle, delta: Vec2, size: Vec2) -> Rect {
    let delta = delta.round();
    if handle == Handle::Inside {
        let max_shift = size - region.max.to_vec2();
        let shift = Vec2::new(
            delta.x.clamp(-region.min.x, max_shift.x.max(-region.min.x)),
            delta.y.clamp(-region.min.y, max_shift.y.max(-region.min.y)),
        );
        return region.translate(shift);
    }
    let (left, top, right, bottom) = handle.edges();
    let mut x = [region.min.x, region.max.x];
    let mut y = [region.min.y, region.max.y];
    if left {
        x[0] += delta.x;
    }
    if right {
        x[1] += delta.x;
    }
    if top {
        y[0] += delta.y;
    }
    if bottom {
        y[1] += delta.y;
    }
    let span = |[a, b]: [f32; 2], limit: f32| {
        let lo = a.min(b).clamp(0.0, (limit - 1.0).max(0.0));
        let hi = a.max(b).clamp(lo + 1.0, limit.max(lo + 1.0));
        (lo, hi)
    };
    let (x0, x1) = span(x, size.x);
    let (y0, y1) = span(y, size.y);
    Rect::from_min_max(pos2(x0, y0), pos2(x1, y1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn px(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect::from_min_size(pos2(x, y), Vec2::new(w, h))
    }

    #[test]
    fn screen_and_image_pixels_map_both_ways_at_any_zoom_and_pan() {
        let size = Vec2::new(800.0, 600.0);
        for (min, zoom) in [
            (pos2(0.0, 0.0), 1.0),
            (pos2(37.5, -120.0), 0.4),
            (pos2(-900.0, 12.0), 3.25),
        ] {
            let placement = Placement {
                shown: Rect::from_min_size(min, size * zoom),
                size,
            };
            let region = px(200.0, 150.0, 200.0, 150.0);
            let shown = placement.to_ui(region);
            assert!((shown.width() - 200.0 * zoom).abs() < 1e-3);
            let back_min = placement.to_image(shown.min);
            let back_max = placement.to_image(shown.max);
            assert!((back_min - region.min).length() < 1e-3, "{back_min:?} at {zoom}");
            assert!((back_max - region.max).length() < 1e-3, "{back_max:?} at {zoom}");
            let moved = placement.delta_to_image(Vec2::new(10.0, -5.0) * zoom);
            assert!((moved - Vec2::new(10.0, -5.0)).length() < 1e-3);
        }
    }

    #[test]
    fn a_drag_covers_every_pixel_it_touches_in_either_direction() {
        let size = Vec2::new(100.0, 80.0);
        let forward = snapped_drag(pos2(10.4, 20.6), pos2(30.2, 40.0), size);
        assert_eq!(forward, Some(px(10.0, 20.0, 21.0, 20.0)));
        let backward = snapped_drag(pos2(30.2, 40.0), pos2(10.4, 20.6), size);
        assert_eq!(backward, forward);
    }

    #[test]
    fn a_drag_is_clipped_to_the_image_and_a_click_draws_nothing() {
        let size = Vec2::new(100.0, 80.0);
        assert_eq!(
            snapped_drag(pos2(-20.0, -5.0), pos2(150.0, 50.5), size),
            Some(px(0.0, 0.0, 100.0, 51.0))
        );
        assert_eq!(snapped_drag(pos2(5.0, 5.0), pos2(5.0, 9.0), size), None);
        assert_eq!(
            snapped_drag(pos2(120.0, 5.0), pos2(130.0, 9.0), size),
            None,
            "wholly outside"
        );
    }

    #[test]
    fn corners_win_over_edges_and_the_inside_moves() {
        let rect = px(100.0, 100.0, 60.0, 40.0);
        assert_eq!(handle_at(rect, pos2(101.0, 99.0), 6.0), Some(Handle::TopLeft));
        assert_eq!(handle_at(rect, pos2(130.0, 141.0), 6.0), Some(Handle::Bottom));
        assert_eq!(handle_at(rect, pos2(160.0, 120.0), 6.0), Some(Handle::Right));
        assert_eq!(handle_at(rect, pos2(120.0, 110.0), 6.0), Some(Handle::Inside));
        assert_eq!(handle_at(rect, pos2(50.0, 50.0), 6.0), None);
    }

    #[test]
    fn moving_keeps_the_size_and_stays_on_the_image() {
        let size = Vec2::new(100.0, 80.0);
        let region = px(10.0, 10.0, 20.0, 10.0);
        assert_eq!(
            dragged(region, Handle::Inside, Vec2::new(5.4, -2.6), size),
            px(15.0, 7.0, 20.0, 10.0)
        );
        assert_eq!(
            dragged(region, Handle::Inside, Vec2::new(500.0, -50.0), size),
            px(80.0, 0.0, 20.0, 10.0)
        );
    }

    #[test]
    fn resizing_moves_only_the_grabbed_edges_and_flips_past_the_other_side() {
        let size = Vec2::new(100.0, 80.0);
        let region = px(10.0, 10.0, 20.0, 10.0);
        assert_eq!(
            dragged(region, Handle::BottomRight, Vec2::new(5.0, 5.0), size),
            px(10.0, 10.0, 25.0, 15.0)
        );
        assert_eq!(
            dragged(region, Handle::Left, Vec2::new(30.0, 7.0), size),
            px(30.0, 10.0, 10.0, 10.0),
            "the left edge went past the right one"
        );
        assert_eq!(
            dragged(region, Handle::Top, Vec2::new(0.0, 10.0), size),
            px(10.0, 20.0, 20.0, 1.0),
            "never thinner than one pixel"
        );
        assert_eq!(
            dragged(region, Handle::TopLeft, Vec2::new(-50.0, -50.0), size),
            px(0.0, 0.0, 30.0, 20.0),
            "clipped to the image"
        );
    }
}
