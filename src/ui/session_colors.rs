//! Colours of annotations and tags in egui terms.

use egui::Color32;

use crate::annotate::Color;
use crate::session::PALETTE;

/// An annotation colour as an egui colour.
pub fn to_color32(c: Color) -> Color32 {
    let [r, g, b] = c.0;
    Color32::from_rgb(r, g, b)
}

/// The palette colour for the `n`th tag. The first palette colour is that of untagged
/// highlights, so tags start with the second one.
pub fn next_color(n: usize) -> Color {
    PALETTE[(n + 1) % PALETTE.len()]
}
