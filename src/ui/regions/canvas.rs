//! The regions of one picture on screen: painted in their tag colour with their tag
//! names, a tooltip on hover, a click selects, `Shift+drag` draws a new one, the
//! handles of the selected one move and resize it. The same widget serves the
//! standalone image view (inside a zoomable scene) and the pictures of an article.
//!
//! A plain drag is left alone: it pans the scene or selects text, as before. The
//! widget only asks for drags while Shift is held, while the pointer is on the selected
//! region, or while its own gesture goes on.

use crate::tr;
use egui::{Color32, CornerRadius, FontId, Id, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Vec2};

use crate::picture::{Handle, PixelRect};

use std::sync::Arc;

use egui::Galley;
use egui::text::{LayoutJob, TextWrapping};

use super::geometry::{Grip, Placement, grip_at, handle_anchor, place_labels};

/// How far from a handle (in screen points) the pointer still grabs it.
const HANDLE_REACH: f32 = 7.0;
/// The side of a drawn handle, in screen points.
const HANDLE_SIDE: f32 = 8.0;
/// The space between a region's label and the region's edge, in screen points.
const LABEL_GAP: f32 = 2.0;
/// The narrowest room (screen points) a label is written in: a region drawn narrower
/// than this gets no label (hover still shows its tags).
const LABEL_MIN_WIDTH: f32 = 14.0;
/// Colour of regions flagged for review (their picture changed).
const FLAGGED: Color32 = Color32::from_rgb(0xd0, 0x30, 0x30);

/// One region as the picture shows it.
#[derive(Clone, Debug)]
pub struct ShownRegion {
    /// The caller's key for it (given back in [`RegionEvent`]s).
    pub key: u64,
    /// Where it is, in whole image pixels.
    pub pixels: PixelRect,
    /// Its paint colour (its first tag's, or its highlight colour).
    pub color: Color32,
    /// Written on the picture: its tags.
    pub label: String,
    /// Shown on hover: tags and note.
    pub hover: String,
    /// Its picture changed since it was drawn: shown marked, to review.
    pub flagged: bool,
    /// It is the selected annotation: drawn outlined, with handles.
    pub selected: bool,
}

impl ShownRegion {
    /// What is written on the picture: its tags, with the mark of review when its
    /// picture changed (the mark alone when it has no tags).
    fn written_label(&self) -> String {
        match (self.flagged, self.label.is_empty()) {
            (true, true) => tr!("region-flagged-untagged"),
            (true, false) => tr!("region-flagged-on-picture", region = self.label.as_str()),
            (false, _) => self.label.clone(),
        }
    }
}

/// The regions of one picture and the rectangle drawn on it but not coded yet.
#[derive(Clone, Debug, Default)]
pub struct PictureRegions {
    /// The regions, in the order they are painted.
    pub regions: Vec<ShownRegion>,
    /// A rectangle drawn with `Shift+drag`, waiting for `H`, a tag key, `T` or `N`
    /// (whole image pixels): the picture's counterpart of selected text.
    pub pending: Option<PixelRect>,
}

/// What the user did to the regions of a picture this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum RegionEvent {
    /// A new rectangle was drawn (whole image pixels).
    Drawn(PixelRect),
    /// A region was clicked.
    Clicked(u64),
    /// The picture was clicked outside any region.
    ClickedPicture,
    /// The picture was double-clicked outside any region.
    DoubleClickedPicture,
    /// A region was moved or resized to `pixels`.
    Changed {
        /// The region's key.
        key: u64,
        /// Where it is now.
        pixels: PixelRect,
    },
}

/// What [`show`] gives back: the user's action, and the picture's response (for
/// hover texts and cursors).
pub struct Shown {
    /// What the user did, if anything.
    pub event: Option<RegionEvent>,
    /// The response of the picture's area.
    pub response: egui::Response,
    /// The pointer is over a region: its tags and note are shown, so the picture's own
    /// hover text must not cover them.
    pub over_region: bool,
}

/// A gesture going on between frames, kept in egui's memory under the widget's id.
#[derive(Clone, Copy, Debug)]
enum Gesture {
    /// Drawing a new rectangle from this UI position.
    Drawing { from: Pos2 },
    /// Dragging `grip` of region `key`, which was at `original` when the drag began
    /// at UI position `start`.
    Grip {
        key: u64,
        grip: Grip,
        original: PixelRect,
        start: Pos2,
    },
}

/// Where a gesture has got to: the region being moved or resized, or the rectangle
/// being drawn (whole image pixels).
#[derive(Clone, Copy, Debug)]
enum Progress {
    /// Region `key` is at `pixels` now.
    Moving {
        key: u64,
        pixels: PixelRect,
        original: PixelRect,
    },
    /// The rectangle drawn so far (`None` while it covers no pixel).
    Drawing(Option<PixelRect>),
}

impl Gesture {
    /// Where this gesture has got to with the pointer at UI position `now`.
    fn progress(self, placement: &Placement, now: Pos2) -> Progress {
        match self {
            Gesture::Grip {
                key,
                grip,
                original,
                start,
            } => {
                let delta = placement.delta_to_image(now - start);
                Progress::Moving {
                    key,
                    pixels: grip.dragged(original, delta, placement.pixel_size()),
                    original,
                }
            }
            Gesture::Drawing { from } => Progress::Drawing(placement.drag_region(from, now)),
        }
    }

    /// What the gesture did when the button is released at `progress`.
    fn finished(self, progress: Progress) -> Option<RegionEvent> {
        match progress {
            Progress::Moving {
                key,
                pixels,
                original,
            } => (pixels != original).then_some(RegionEvent::Changed { key, pixels }),
            Progress::Drawing(pixels) => pixels.map(RegionEvent::Drawn),
        }
    }
}

/// The regions of the picture drawn at `placement` in `ui`: paint them and react to
/// the pointer. `points` is screen points per UI unit (1 outside a zoomed scene), so
/// that handles and labels keep their size on screen whatever the zoom.
pub fn show(
    ui: &mut egui::Ui,
    id: Id,
    placement: Placement,
    shown: &PictureRegions,
    points: f32,
) -> Shown {
    let regions = shown.regions.as_slice();
    let unit = 1.0 / points.max(1e-3);
    let from_global = ui.ctx().layer_transform_from_global(ui.layer_id());
    let local = |p: Pos2| from_global.map_or(p, |t| t * p);
    let (pointer, press_origin, shift) = ui.input(|i| {
        (
            i.pointer.hover_pos(),
            i.pointer.press_origin(),
            i.modifiers.shift,
        )
    });
    let pointer = pointer.map(local);
    let gesture: Option<Gesture> = ui.data(|d| d.get_temp(id));
    let selected = regions.iter().find(|r| r.selected);
    let on_selected = |p: Pos2| {
        selected.and_then(|r| grip_at(&placement, r.pixels, p, HANDLE_REACH * unit).map(|g| (r, g)))
    };
    let wants_drag = gesture.is_some() || shift || pointer.and_then(on_selected).is_some();
    let sense = if wants_drag {
        Sense::click_and_drag()
    } else {
        Sense::click()
    };
    let response = ui.interact(placement.shown, id, sense);

    let mut event = None;
    let mut gesture = gesture;
    if response.drag_started() {
        let origin = press_origin.map(local).or(pointer);
        gesture = origin.and_then(|origin| match on_selected(origin) {
            Some((region, grip)) if !shift => Some(Gesture::Grip {
                key: region.key,
                grip,
                original: region.pixels,
                start: origin,
            }),
            _ if shift => Some(Gesture::Drawing { from: origin }),
            _ => None,
        });
    }
    let now = pointer.or_else(|| response.interact_pointer_pos());
    let progress = gesture.zip(now).map(|(g, now)| g.progress(&placement, now));
    if response.drag_stopped() || (gesture.is_some() && !response.dragged()) {
        event = gesture.zip(progress).and_then(|(g, p)| g.finished(p));
        gesture = None;
    }
    ui.data_mut(|d| match gesture {
        Some(g) => {
            d.insert_temp(id, g);
        }
        None => d.remove::<Gesture>(id),
    });

    let hovered = pointer
        .filter(|_| response.hovered() && gesture.is_none())
        .and_then(|p| region_at(regions, &placement, p));
    if response.clicked() {
        event = Some(match hovered {
            Some(r) => RegionEvent::Clicked(r.key),
            None => RegionEvent::ClickedPicture,
        });
    } else if response.double_clicked() && hovered.is_none() {
        event = Some(RegionEvent::DoubleClickedPicture);
    }
    if let Some((region, grip)) = pointer.and_then(on_selected).filter(|_| !shift) {
        if response.hovered() && gesture.is_none() && hovered.is_none_or(|h| h.key == region.key) {
            ui.ctx().set_cursor_icon(grip.cursor());
        }
    } else if shift && response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Crosshair);
    }

    paint(
        ui,
        &placement,
        shown,
        progress,
        hovered.map(|r| r.key),
        unit,
    );
    if let Some(region) = hovered.filter(|r| !r.hover.is_empty()) {
        hover_tooltip(ui, id.with("hover"), region.hover.clone());
    }
    let over_region = hovered.is_some();
    Shown {
        event,
        response,
        over_region,
    }
}

/// Paint the regions (the one being moved where it is now), then the rectangle being
/// drawn or waiting to be coded.
fn paint(
    ui: &egui::Ui,
    placement: &Placement,
    shown: &PictureRegions,
    progress: Option<Progress>,
    hovered: Option<u64>,
    unit: f32,
) {
    let painter = ui.painter_at(placement.shown);
    let (moving, drawing) = match progress {
        Some(Progress::Moving { key, pixels, .. }) => (Some((key, pixels)), None),
        Some(Progress::Drawing(pixels)) => (None, pixels),
        None => (None, None),
    };
    let at = |region: &ShownRegion| match moving {
        Some((key, pixels)) if key == region.key => pixels,
        _ => region.pixels,
    };
    for region in &shown.regions {
        let hot = hovered == Some(region.key);
        paint_region(&painter, placement, at(region), region, hot, unit);
    }
    paint_region_labels(&painter, placement, &shown.regions, at, unit);
    if let Some(pixels) = drawing.or(shown.pending) {
        let rect = placement.to_ui(pixels);
        let color = ui.visuals().selection.stroke.color;
        painter.rect_filled(rect, CornerRadius::ZERO, color.gamma_multiply(0.15));
        painter.rect_stroke(
            rect,
            CornerRadius::ZERO,
            Stroke::new(2.0 * unit, color),
            StrokeKind::Inside,
        );
        let size = crate::i18n::digits(&format!(
            "{},{} {}×{}",
            pixels.x, pixels.y, pixels.w, pixels.h
        ))
        .into_owned();
        let at = rect.left_bottom() + Vec2::new(0.0, 2.0 * unit);
        paint_label(&painter, at, size, color, unit);
    }
}

/// The tags and note of the region under the pointer, beside it.
fn hover_tooltip(ui: &egui::Ui, id: Id, text: String) {
    egui::Tooltip::always_open(
        ui.ctx().clone(),
        ui.layer_id(),
        id,
        egui::PopupAnchor::Pointer,
    )
    .show(|ui| {
        ui.set_max_width(320.0);
        ui.label(text);
    });
}

/// The region under `pos`: the smallest one containing it, so a region inside another
/// can still be reached.
fn region_at<'a>(
    regions: &'a [ShownRegion],
    placement: &Placement,
    pos: Pos2,
) -> Option<&'a ShownRegion> {
    let p = placement.to_image(pos);
    regions
        .iter()
        .filter(|r| r.pixels.contains(p.x, p.y))
        .min_by_key(|r| u64::from(r.pixels.w) * u64::from(r.pixels.h))
}

/// Paint one region at `rect`: a tinted fill, an outline in its colour (dashed red
/// when flagged), its label, and the handles when selected.
fn paint_region(
    painter: &egui::Painter,
    placement: &Placement,
    pixels: PixelRect,
    region: &ShownRegion,
    hot: bool,
    unit: f32,
) {
    let rect = placement.to_ui(pixels);
    let color = if region.flagged {
        FLAGGED
    } else {
        region.color
    };
    let fill = color.gamma_multiply(if hot { 0.35 } else { 0.2 });
    painter.rect_filled(rect, CornerRadius::ZERO, fill);
    let width = if region.selected { 3.0 } else { 2.0 } * unit;
    if region.flagged {
        let corners = [
            rect.left_top(),
            rect.right_top(),
            rect.right_bottom(),
            rect.left_bottom(),
            rect.left_top(),
        ];
        painter.extend(Shape::dashed_line(
            &corners,
            Stroke::new(width, color),
            6.0 * unit,
            4.0 * unit,
        ));
    } else {
        painter.rect_stroke(
            rect,
            CornerRadius::ZERO,
            Stroke::new(width, color),
            StrokeKind::Inside,
        );
    }
    if region.selected {
        for handle in Handle::ALL {
            let at = handle_anchor(placement, pixels, handle);
            let square = Rect::from_center_size(at, Vec2::splat(HANDLE_SIDE * unit));
            painter.rect_filled(square, CornerRadius::ZERO, Color32::WHITE);
            painter.rect_stroke(
                square,
                CornerRadius::ZERO,
                Stroke::new(1.5 * unit, color),
                StrokeKind::Inside,
            );
        }
    }
}

/// The labels of the regions (each at `at(region)`), after all the regions so that no
/// region's tint covers a label: shortened with "…" to their region's width and placed
/// where they cover no other label (see [`place_labels`]); the selected region's label
/// has the first choice. A label with no room is left out: hover still tells.
fn paint_region_labels(
    painter: &egui::Painter,
    placement: &Placement,
    regions: &[ShownRegion],
    at: impl Fn(&ShownRegion) -> PixelRect,
    unit: f32,
) {
    let gap = LABEL_GAP * unit;
    let padding = Vec2::new(3.0, 1.0) * unit;
    let mut order: Vec<&ShownRegion> = regions.iter().collect();
    order.sort_by_key(|r| !r.selected);
    let labels: Vec<(Rect, Arc<Galley>, Color32)> = order
        .into_iter()
        .filter_map(|region| {
            let text = region.written_label();
            let rect = placement.to_ui(at(region));
            let room = rect.width() - 2.0 * (gap + padding.x);
            if text.is_empty() || room < LABEL_MIN_WIDTH * unit {
                return None;
            }
            let mut job = LayoutJob::simple_singleline(
                text,
                FontId::proportional(12.0 * unit),
                Color32::WHITE,
            );
            job.wrap = TextWrapping::truncate_at_width(room);
            let galley = painter.layout_job(job);
            let color = if region.flagged {
                FLAGGED
            } else {
                region.color
            };
            (galley.size().x <= room).then_some((rect, galley, color))
        })
        .collect();
    let sizes: Vec<(Rect, Vec2)> = labels
        .iter()
        .map(|(rect, galley, _)| (*rect, galley.size() + 2.0 * padding))
        .collect();
    let spots = place_labels(&sizes, placement.shown, gap);
    for ((_, galley, color), spot) in labels.into_iter().zip(spots) {
        if let Some(back) = spot {
            painter.rect_filled(back, CornerRadius::same(2), color.gamma_multiply(0.85));
            painter.galley(back.min + padding, galley, Color32::WHITE);
        }
    }
}

/// White text on a box of `color` at `at` (top-left), readable over any picture.
fn paint_label(painter: &egui::Painter, at: Pos2, text: String, color: Color32, unit: f32) {
    let font = FontId::proportional(12.0 * unit);
    let galley = painter.layout_no_wrap(text, font, Color32::WHITE);
    let back = Rect::from_min_size(at, galley.size() + Vec2::new(6.0, 2.0) * unit);
    painter.rect_filled(back, CornerRadius::same(2), color.gamma_multiply(0.85));
    painter.galley(at + Vec2::new(3.0, 1.0) * unit, galley, Color32::WHITE);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flagged_region_is_marked_for_review_with_or_without_tags() {
        let region = |label: &str, flagged| ShownRegion {
            key: 0,
            pixels: PixelRect::new(0, 0, 1, 1),
            color: Color32::WHITE,
            label: label.to_owned(),
            hover: String::new(),
            flagged,
            selected: false,
        };
        crate::i18n::with_language(crate::i18n::Language::English, || {
            assert_eq!(region("নদী", false).written_label(), "নদী");
            assert_eq!(
                region("নদী", true).written_label(),
                "⚠ picture changed — review: নদী"
            );
            assert_eq!(
                region("", true).written_label(),
                "⚠ picture changed — review"
            );
            assert_eq!(region("", false).written_label(), "");
        });
    }
}
