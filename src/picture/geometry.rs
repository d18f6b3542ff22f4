//! [`PixelRect`]: a region of a picture in whole image pixels, and the pure geometry
//! the drawing tools use — snapping a dragged rectangle to pixels, moving and resizing
//! by a handle — always clamped to the picture.

use serde::{Deserialize, Serialize};

/// The size of a picture in pixels, after EXIF orientation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PixelSize {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl PixelSize {
    /// A size of `width` × `height` pixels.
    pub fn new(width: u32, height: u32) -> Self {
        PixelSize { width, height }
    }
}

/// A rectangle in an image's own pixels: `x, y` is the top-left pixel, `w × h` the
/// size. A valid region has `w, h ≥ 1` and lies inside its picture
/// ([`PixelRect::fits`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PixelRect {
    /// Left edge (first column), in pixels from the left of the picture.
    pub x: u32,
    /// Top edge (first row), in pixels from the top of the picture.
    pub y: u32,
    /// Width in pixels.
    pub w: u32,
    /// Height in pixels.
    pub h: u32,
}

/// A grip on a selected region: an edge moves one side, a corner two.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Handle {
    /// The top-left corner.
    TopLeft,
    /// The middle of the top edge.
    Top,
    /// The top-right corner.
    TopRight,
    /// The middle of the right edge.
    Right,
    /// The bottom-right corner.
    BottomRight,
    /// The middle of the bottom edge.
    Bottom,
    /// The bottom-left corner.
    BottomLeft,
    /// The middle of the left edge.
    Left,
}

impl Handle {
    /// Every handle, clockwise from the top-left corner.
    pub const ALL: [Handle; 8] = [
        Handle::TopLeft,
        Handle::Top,
        Handle::TopRight,
        Handle::Right,
        Handle::BottomRight,
        Handle::Bottom,
        Handle::BottomLeft,
        Handle::Left,
    ];

    /// Which sides the handle moves: (left, top, right, bottom).
    fn sides(self) -> (bool, bool, bool, bool) {
        match self {
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

    /// Where the handle sits on `rect`, in image coordinates (pixel edges, so the
    /// bottom-right corner is `(x + w, y + h)`).
    pub fn position(self, rect: PixelRect) -> (f32, f32) {
        let (l, t, r, b) = rect.edges();
        let (l, t, r, b) = (l as f32, t as f32, r as f32, b as f32);
        let (cx, cy) = ((l + r) / 2.0, (t + b) / 2.0);
        let (left, top, right, bottom) = self.sides();
        let x = if left {
            l
        } else if right {
            r
        } else {
            cx
        };
        let y = if top {
            t
        } else if bottom {
            b
        } else {
            cy
        };
        (x, y)
    }
}

impl PixelRect {
    /// A rectangle at `x, y` of `w × h` pixels (not checked; see [`PixelRect::fits`]).
    pub fn new(x: u32, y: u32, w: u32, h: u32) -> Self {
        PixelRect { x, y, w, h }
    }

    /// Left, top, right and bottom pixel edges (right and bottom exclusive), widened
    /// so that they never overflow.
    pub fn edges(self) -> (u64, u64, u64, u64) {
        let (x, y) = (u64::from(self.x), u64::from(self.y));
        (x, y, x + u64::from(self.w), y + u64::from(self.h))
    }

    /// True when the rectangle is at least one pixel wide and high and lies inside a
    /// picture of `size`.
    pub fn fits(self, size: PixelSize) -> bool {
        let (_, _, r, b) = self.edges();
        self.w >= 1 && self.h >= 1 && r <= u64::from(size.width) && b <= u64::from(size.height)
    }

    /// True when the point `(x, y)` (image coordinates) lies inside the rectangle.
    pub fn contains(self, x: f32, y: f32) -> bool {
        let (l, t, r, b) = self.edges();
        x >= l as f32 && x < r as f32 && y >= t as f32 && y < b as f32
    }

    /// The rectangle between two corner points given in image coordinates (floats,
    /// as a pointer drag gives them, in any direction), snapped to whole pixels and
    /// clamped to a picture of `size`. Each edge goes to the nearest pixel boundary.
    /// `None` when nothing of at least one pixel in each direction is left.
    pub fn from_corners(a: (f32, f32), b: (f32, f32), size: PixelSize) -> Option<PixelRect> {
        let (l, r) = snap_span(a.0, b.0, size.width)?;
        let (t, bottom) = snap_span(a.1, b.1, size.height)?;
        Some(PixelRect::new(l, t, r - l, bottom - t))
    }

    /// The rectangle moved by `(dx, dy)` pixels, kept whole inside a picture of
    /// `size` (it stops at the border; its size never changes). A rectangle larger
    /// than the picture is returned unchanged.
    pub fn moved(self, dx: i64, dy: i64, size: PixelSize) -> PixelRect {
        if !self.fits(size) {
            return self;
        }
        let shift = |at: u32, len: u32, limit: u32, d: i64| -> u32 {
            let max = i64::from(limit) - i64::from(len);
            let to = (i64::from(at) + d).clamp(0, max);
            u32::try_from(to).unwrap_or(at)
        };
        PixelRect {
            x: shift(self.x, self.w, size.width, dx),
            y: shift(self.y, self.h, size.height, dy),
            ..self
        }
    }

    /// The rectangle with the sides `handle` grips moved by `(dx, dy)` pixels; each
    /// side stays inside a picture of `size` and at least one pixel from the opposite
    /// side (dragging past it stops there instead of flipping the rectangle).
    pub fn resized(self, handle: Handle, dx: i64, dy: i64, size: PixelSize) -> PixelRect {
        if !self.fits(size) {
            return self;
        }
        let (l, t, r, b) = self.edges();
        let (l, t, r, b) = (l as i64, t as i64, r as i64, b as i64);
        let (w, h) = (i64::from(size.width), i64::from(size.height));
        let (move_l, move_t, move_r, move_b) = handle.sides();
        let l2 = if move_l { (l + dx).clamp(0, r - 1) } else { l };
        let r2 = if move_r { (r + dx).clamp(l + 1, w) } else { r };
        let t2 = if move_t { (t + dy).clamp(0, b - 1) } else { t };
        let b2 = if move_b { (b + dy).clamp(t + 1, h) } else { b };
        let to_u32 = |v: i64| u32::try_from(v).unwrap_or(0);
        PixelRect::new(to_u32(l2), to_u32(t2), to_u32(r2 - l2), to_u32(b2 - t2))
    }
}

/// The pixel boundaries nearest to `a` and `b`, ordered and clamped to `0..=limit`;
/// `None` when they coincide (or a coordinate is not a number).
fn snap_span(a: f32, b: f32, limit: u32) -> Option<(u32, u32)> {
    if !a.is_finite() || !b.is_finite() {
        return None;
    }
    let snap = |v: f32| -> u32 {
        let v = f64::from(v).round().clamp(0.0, f64::from(limit));
        // In 0..=limit after the clamp, so the cast is exact.
        v as u32
    };
    let (lo, hi) = (snap(a.min(b)), snap(a.max(b)));
    (hi > lo).then_some((lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: PixelSize = PixelSize {
        width: 100,
        height: 50,
    };

    #[test]
    fn a_drag_snaps_to_the_nearest_pixel_edges_in_any_direction() {
        let r = PixelRect::from_corners((10.4, 5.6), (30.5, 20.49), SIZE).unwrap();
        assert_eq!(r, PixelRect::new(10, 6, 21, 14));
        // Dragged from bottom-right to top-left: the same rectangle.
        let back = PixelRect::from_corners((30.5, 20.49), (10.4, 5.6), SIZE).unwrap();
        assert_eq!(back, r);
        // From top-right to bottom-left.
        let cross = PixelRect::from_corners((30.5, 5.6), (10.4, 20.49), SIZE).unwrap();
        assert_eq!(cross, r);
    }

    #[test]
    fn a_drag_past_the_border_is_clamped_to_the_picture() {
        let r = PixelRect::from_corners((-20.0, -3.0), (250.0, 10.0), SIZE).unwrap();
        assert_eq!(r, PixelRect::new(0, 0, 100, 10));
        assert!(r.fits(SIZE));
        // Entirely outside, or thinner than a pixel: no region.
        assert_eq!(
            PixelRect::from_corners((120.0, 0.0), (130.0, 9.0), SIZE),
            None
        );
        assert_eq!(
            PixelRect::from_corners((10.2, 0.0), (10.4, 9.0), SIZE),
            None
        );
        assert_eq!(
            PixelRect::from_corners((f32::NAN, 0.0), (1.0, 9.0), SIZE),
            None
        );
    }

    #[test]
    fn moving_stops_at_the_border_and_keeps_the_size() {
        let r = PixelRect::new(10, 10, 20, 20);
        assert_eq!(r.moved(5, -3, SIZE), PixelRect::new(15, 7, 20, 20));
        assert_eq!(r.moved(-50, 100, SIZE), PixelRect::new(0, 30, 20, 20));
        assert_eq!(r.moved(1000, 0, SIZE), PixelRect::new(80, 10, 20, 20));
        // Not inside the picture (a changed image): left alone.
        let big = PixelRect::new(0, 0, 200, 10);
        assert_eq!(big.moved(5, 5, SIZE), big);
    }

    #[test]
    fn resizing_moves_only_the_gripped_sides_and_never_flips() {
        let r = PixelRect::new(10, 10, 20, 20);
        assert_eq!(
            r.resized(Handle::BottomRight, 5, 6, SIZE),
            PixelRect::new(10, 10, 25, 26)
        );
        assert_eq!(
            r.resized(Handle::TopLeft, -4, -2, SIZE),
            PixelRect::new(6, 8, 24, 22)
        );
        assert_eq!(
            r.resized(Handle::Top, 99, 3, SIZE),
            PixelRect::new(10, 13, 20, 17)
        );
        assert_eq!(
            r.resized(Handle::Right, 500, 0, SIZE),
            PixelRect::new(10, 10, 90, 20)
        );
        // Dragging the left edge past the right one leaves one pixel.
        assert_eq!(
            r.resized(Handle::Left, 100, 0, SIZE),
            PixelRect::new(29, 10, 1, 20)
        );
        assert_eq!(
            r.resized(Handle::BottomLeft, -100, 100, SIZE),
            PixelRect::new(0, 10, 30, 40)
        );
        for handle in Handle::ALL {
            for (dx, dy) in [(-1000, -1000), (1000, 1000), (3, -7)] {
                assert!(r.resized(handle, dx, dy, SIZE).fits(SIZE), "{handle:?}");
            }
        }
    }

    #[test]
    fn handles_sit_on_corners_and_edge_middles() {
        let r = PixelRect::new(10, 20, 30, 40);
        assert_eq!(Handle::TopLeft.position(r), (10.0, 20.0));
        assert_eq!(Handle::Bottom.position(r), (25.0, 60.0));
        assert_eq!(Handle::Right.position(r), (40.0, 40.0));
        assert!(r.contains(10.0, 20.0));
        assert!(!r.contains(40.0, 20.0));
    }

    proptest::proptest! {
        #[test]
        fn every_edit_of_a_region_stays_inside_the_picture(
            x in 0u32..100, y in 0u32..50, w in 1u32..100, h in 1u32..50,
            dx in -300i64..300, dy in -300i64..300, k in 0usize..8,
        ) {
            let r = PixelRect::new(x.min(99), y.min(49), w, h);
            let r = PixelRect::new(r.x, r.y, r.w.min(100 - r.x), r.h.min(50 - r.y));
            proptest::prop_assert!(r.moved(dx, dy, SIZE).fits(SIZE));
            proptest::prop_assert!(r.resized(Handle::ALL[k], dx, dy, SIZE).fits(SIZE));
        }
    }
}
