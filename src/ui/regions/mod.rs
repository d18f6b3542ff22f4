//! Image regions in the GUI: drawing, selecting, moving and resizing rectangles on a
//! picture, in the image's own pixels whatever the zoom.

pub mod canvas;
pub mod geometry;
