//! Where image regions are on screen and what the pointer is over: the mapping between
//! the picture as drawn (at any zoom and pan) and the image's own pixels, and which
//! handle of a region the pointer grabs. Pure functions over egui's geometry types, so
//! they are tested without a window.

use egui::{Pos2, Rect, Vec2, pos2};

use crate::picture::{Handle, PixelRect, PixelSize};

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

    /// Where the image point `p` (pixel edges: `(w, h)` is the bottom-right corner)
    /// is drawn.
    pub fn to_ui_point(&self, p: Pos2) -> Pos2 {
        self.shown.min + p.to_vec2() * self.scale()
    }

    /// Where the region `pixels` is drawn.
    pub fn to_ui(&self, pixels: PixelRect) -> Rect {
        let (l, t, r, b) = pixels.edges();
        Rect::from_min_max(
            self.to_ui_point(pos2(l as f32, t as f32)),
            self.to_ui_point(pos2(r as f32, b as f32)),
        )
    }

    /// The picture's size in whole pixels.
    pub fn pixel_size(&self) -> PixelSize {
        PixelSize::new(self.size.x.round() as u32, self.size.y.round() as u32)
    }

    /// The region a drag from UI position `a` to `b` covers, snapped to whole pixels
    /// inside the picture (see [`PixelRect::from_corners`]).
    pub fn drag_region(&self, a: Pos2, b: Pos2) -> Option<PixelRect> {
        let (a, b) = (self.to_image(a), self.to_image(b));
        PixelRect::from_corners((a.x, a.y), (b.x, b.y), self.pixel_size())
    }
}

/// What the pointer grabs on a selected region: its inside moves it, a handle on an
/// edge or a corner resizes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grip {
    /// The whole region: moves it.
    Move,
    /// An edge or a corner: resizes it.
    Resize(Handle),
}

impl Grip {
    /// The mouse cursor that says what this grip does.
    pub fn cursor(self) -> egui::CursorIcon {
        use egui::CursorIcon as C;
        match self {
            Grip::Move => C::Move,
            Grip::Resize(Handle::TopLeft | Handle::BottomRight) => C::ResizeNwSe,
            Grip::Resize(Handle::TopRight | Handle::BottomLeft) => C::ResizeNeSw,
            Grip::Resize(Handle::Top | Handle::Bottom) => C::ResizeVertical,
            Grip::Resize(Handle::Left | Handle::Right) => C::ResizeHorizontal,
        }
    }

    /// `region` after this grip was dragged by `delta` image pixels (rounded to whole
    /// pixels), kept inside a picture of `size`.
    pub fn dragged(self, region: PixelRect, delta: Vec2, size: PixelSize) -> PixelRect {
        let (dx, dy) = (delta.x.round() as i64, delta.y.round() as i64);
        match self {
            Grip::Move => region.moved(dx, dy, size),
            Grip::Resize(handle) => region.resized(handle, dx, dy, size),
        }
    }
}

/// Where `handle` of `region` is drawn.
pub fn handle_anchor(placement: &Placement, region: PixelRect, handle: Handle) -> Pos2 {
    let (x, y) = handle.position(region);
    placement.to_ui_point(pos2(x, y))
}

/// What of `region` (drawn at `placement`) the pointer at `pos` grabs, if anything: a
/// handle when the pointer is within `reach` of it (the nearest wins), else the
/// inside.
pub fn grip_at(placement: &Placement, region: PixelRect, pos: Pos2, reach: f32) -> Option<Grip> {
    let nearest = Handle::ALL
        .into_iter()
        .map(|h| (h, handle_anchor(placement, region, h).distance(pos)))
        .filter(|(_, d)| *d <= reach)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    match nearest {
        Some((handle, _)) => Some(Grip::Resize(handle)),
        None => placement.to_ui(region).contains(pos).then_some(Grip::Move),
    }
}

/// Where the labels of regions go so that none covers another: for each region (its
/// rectangle on screen and the size of its label, already shortened to the region's
/// width), the rectangle its label takes, or `None` when it fits nowhere (hover still
/// shows the region's tags). Labels are placed in the order given, the first ones
/// having the first choice: inside the region at its top, above it, below it, inside
/// at its bottom, each `gap` away from the region's edges; a place must lie within
/// `bounds` (the picture: labels are clipped to it) and touch no label placed before.
pub fn place_labels(regions: &[(Rect, Vec2)], bounds: Rect, gap: f32) -> Vec<Option<Rect>> {
    let mut placed: Vec<Rect> = Vec::new();
    regions
        .iter()
        .map(|&(region, size)| {
            let inside = Rect::from_min_size(region.min, size + Vec2::splat(2.0 * gap));
            let candidates = [
                (region.contains_rect(inside))
                    .then(|| Rect::from_min_size(region.min + Vec2::splat(gap), size)),
                Some(Rect::from_min_size(
                    pos2(region.min.x, region.min.y - gap - size.y),
                    size,
                )),
                Some(Rect::from_min_size(
                    pos2(region.min.x, region.max.y + gap),
                    size,
                )),
                (region.contains_rect(inside)).then(|| {
                    Rect::from_min_size(pos2(region.min.x + gap, region.max.y - gap - size.y), size)
                }),
            ];
            let spot = candidates.into_iter().flatten().find(|spot| {
                bounds.contains_rect(*spot) && !placed.iter().any(|p| p.intersects(*spot))
            })?;
            placed.push(spot);
            Some(spot)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(min: Pos2, zoom: f32) -> Placement {
        let size = Vec2::new(800.0, 600.0);
        Placement {
            shown: Rect::from_min_size(min, size * zoom),
            size,
        }
    }

    #[test]
    fn screen_and_image_pixels_map_both_ways_at_any_zoom_and_pan() {
        for (min, zoom) in [
            (pos2(0.0, 0.0), 1.0),
            (pos2(37.5, -120.0), 0.4),
            (pos2(-900.0, 12.0), 3.25),
        ] {
            let placement = placed(min, zoom);
            let region = PixelRect::new(200, 150, 200, 150);
            let shown = placement.to_ui(region);
            assert!((shown.width() - 200.0 * zoom).abs() < 1e-3);
            assert_eq!(
                placement.drag_region(shown.min, shown.max),
                Some(region),
                "at {zoom}"
            );
            assert_eq!(
                placement.drag_region(shown.max, shown.min),
                Some(region),
                "dragged backwards at {zoom}"
            );
            let moved = placement.delta_to_image(Vec2::new(10.0, -5.0) * zoom);
            assert!((moved - Vec2::new(10.0, -5.0)).length() < 1e-3);
        }
    }

    #[test]
    fn a_drag_outside_the_picture_is_clipped_and_a_click_draws_nothing() {
        let placement = placed(pos2(100.0, 50.0), 0.5);
        assert_eq!(
            placement.drag_region(pos2(0.0, 0.0), pos2(150.0, 100.0)),
            Some(PixelRect::new(0, 0, 100, 100))
        );
        assert_eq!(
            placement.drag_region(pos2(120.0, 60.0), pos2(120.0, 90.0)),
            None
        );
    }

    #[test]
    fn handles_win_over_the_inside_and_nothing_is_grabbed_outside() {
        let placement = placed(pos2(0.0, 0.0), 1.0);
        let region = PixelRect::new(100, 100, 60, 40);
        let grip = |x: f32, y: f32| grip_at(&placement, region, pos2(x, y), 6.0);
        assert_eq!(grip(101.0, 99.0), Some(Grip::Resize(Handle::TopLeft)));
        assert_eq!(grip(130.0, 141.0), Some(Grip::Resize(Handle::Bottom)));
        assert_eq!(grip(160.0, 120.0), Some(Grip::Resize(Handle::Right)));
        assert_eq!(grip(120.0, 110.0), Some(Grip::Move));
        assert_eq!(grip(50.0, 50.0), None);
    }

    #[test]
    fn handles_keep_their_reach_on_screen_when_zoomed_out() {
        // A 60-pixel region drawn 6 points wide: the corner is still grabbed, not lost
        // to the inside.
        let placement = placed(pos2(0.0, 0.0), 0.1);
        let region = PixelRect::new(100, 100, 60, 40);
        let corner = placement.to_ui(region).right_bottom();
        assert_eq!(
            grip_at(&placement, region, corner + Vec2::splat(1.0), 7.0),
            Some(Grip::Resize(Handle::BottomRight))
        );
    }

    #[test]
    fn a_dragged_grip_moves_or_resizes_in_whole_pixels_on_the_picture() {
        let size = PixelSize::new(100, 80);
        let region = PixelRect::new(10, 10, 20, 10);
        assert_eq!(
            Grip::Move.dragged(region, Vec2::new(5.4, -2.6), size),
            PixelRect::new(15, 7, 20, 10)
        );
        assert_eq!(
            Grip::Resize(Handle::BottomRight).dragged(region, Vec2::new(5.0, 5.0), size),
            PixelRect::new(10, 10, 25, 15)
        );
    }

    /// True when no two of the placed labels share a point.
    fn disjoint(labels: &[Option<Rect>]) -> bool {
        let placed: Vec<Rect> = labels.iter().flatten().copied().collect();
        placed
            .iter()
            .enumerate()
            .all(|(i, a)| placed[i + 1..].iter().all(|b| !a.intersects(*b)))
    }

    #[test]
    fn a_label_goes_inside_the_top_of_its_region_when_nothing_is_in_the_way() {
        let bounds = Rect::from_min_size(pos2(0.0, 0.0), Vec2::new(300.0, 200.0));
        let region = Rect::from_min_size(pos2(50.0, 50.0), Vec2::new(100.0, 60.0));
        let labels = place_labels(&[(region, Vec2::new(40.0, 16.0))], bounds, 2.0);
        assert_eq!(
            labels,
            vec![Some(Rect::from_min_size(
                pos2(52.0, 52.0),
                Vec2::new(40.0, 16.0)
            ))]
        );
    }

    #[test]
    fn labels_of_regions_close_together_do_not_overlap() {
        // Three regions of a 300-point picture, each 8 points below and right of the
        // last: their inside-top labels would cover each other.
        let bounds = Rect::from_min_size(pos2(0.0, 0.0), Vec2::new(300.0, 170.0));
        let size = Vec2::new(70.0, 16.0);
        let regions: Vec<(Rect, Vec2)> = (0..3)
            .map(|i| {
                let min = pos2(60.0 + 8.0 * i as f32, 40.0 + 8.0 * i as f32);
                (Rect::from_min_size(min, Vec2::new(90.0, 70.0)), size)
            })
            .collect();
        let naive: Vec<Option<Rect>> = regions
            .iter()
            .map(|(r, s)| Some(Rect::from_min_size(r.min + Vec2::splat(2.0), *s)))
            .collect();
        assert!(
            !disjoint(&naive),
            "the test needs labels that would overlap"
        );
        let labels = place_labels(&regions, bounds, 2.0);
        assert!(disjoint(&labels), "{labels:?}");
        // The first keeps its place inside the top; the next goes below its region.
        assert_eq!(labels[0], naive[0]);
        assert!(
            labels[1].is_some_and(|l| l.min.y >= regions[1].0.max.y),
            "{labels:?}"
        );
        for (label, (region, _)) in labels.iter().flatten().zip(&regions) {
            assert!(bounds.contains_rect(*label));
            // Each label is beside its own region: inside, or touching it above/below.
            assert!(
                region.expand(2.0 + 16.0).contains_rect(*label),
                "{label:?} {region:?}"
            );
        }
    }

    #[test]
    fn a_label_that_fits_nowhere_is_left_out() {
        // Two identical regions filling a small picture: the second label has no room.
        let bounds = Rect::from_min_size(pos2(0.0, 0.0), Vec2::new(100.0, 40.0));
        let region = Rect::from_min_size(pos2(0.0, 0.0), Vec2::new(100.0, 40.0));
        let size = Vec2::new(60.0, 16.0);
        let labels = place_labels(
            &[(region, size), (region, size), (region, size)],
            bounds,
            2.0,
        );
        assert!(labels[0].is_some() && labels[1].is_some(), "{labels:?}");
        assert_eq!(labels[2], None);
        assert!(disjoint(&labels));
    }
}
