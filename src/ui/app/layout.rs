//! How the window's width is shared between the library (left), the reader (middle)
//! and the side panel (right). The reader keeps a readable column: the panels give
//! way to it, the side panel first (it shrinks, then hides with a notice in the status
//! bar), then the library (it shrinks down to its minimum). Pure arithmetic, so that
//! the rules are tested without a window.

use std::ops::RangeInclusive;

/// The narrowest column the panels leave to the reader, in points (about 22 ems of
/// the default 19-point body text: a title of a few words still fits on a line).
pub const READER_MIN_WIDTH: f32 = 420.0;
/// The narrowest the library panel gets, dragged or squeezed.
pub const LIBRARY_MIN_WIDTH: f32 = 240.0;
/// The library's width before the user drags it: this share of the window…
const LIBRARY_DEFAULT_SHARE: f32 = 0.4;
/// …but at least this many points.
const LIBRARY_DEFAULT_MIN: f32 = 320.0;
/// The narrowest the side panel gets.
pub const SIDE_MIN_WIDTH: f32 = 240.0;
/// The widest the side panel can be dragged.
pub const SIDE_MAX_WIDTH: f32 = 640.0;
/// The side panel's width before the user drags it.
pub const SIDE_DEFAULT_WIDTH: f32 = 340.0;

/// The library's width before the user chose one: 40 % of the window, at least 320 points.
pub fn library_default_width(window: f32) -> f32 {
    (window * LIBRARY_DEFAULT_SHARE).max(LIBRARY_DEFAULT_MIN)
}

/// The widths the side panel may take in a window `window` points wide, or `None`
/// when it does not fit next to the reader's minimum (and the library's, when
/// `library_shown`): then it is hidden and the status bar says so.
pub fn side_range(window: f32, library_shown: bool) -> Option<RangeInclusive<f32>> {
    let library = if library_shown {
        LIBRARY_MIN_WIDTH
    } else {
        0.0
    };
    let room = window - READER_MIN_WIDTH - library;
    (room >= SIDE_MIN_WIDTH).then(|| SIDE_MIN_WIDTH..=room.min(SIDE_MAX_WIDTH))
}

/// The widths the library may take in the `available` points left once the side
/// panel is placed: up to what leaves the reader its minimum. A window too narrow
/// even for that still shows the library at its minimum (the reader is then narrower).
pub fn library_range(available: f32) -> RangeInclusive<f32> {
    LIBRARY_MIN_WIDTH..=(available - READER_MIN_WIDTH).max(LIBRARY_MIN_WIDTH)
}

/// The library's width to show: the one the user chose (or the default for this
/// window), within `range`.
pub fn library_width(chosen: Option<f32>, window: f32, range: &RangeInclusive<f32>) -> f32 {
    chosen
        .unwrap_or_else(|| library_default_width(window))
        .clamp(*range.start(), *range.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the reader is left with when both panels take the widths the rules give.
    fn reader_width(window: f32, chosen: Option<f32>) -> f32 {
        let side = side_range(window, true).map_or(0.0, |r| SIDE_DEFAULT_WIDTH.min(*r.end()));
        let range = library_range(window - side);
        window - side - library_width(chosen, window, &range)
    }

    #[test]
    fn the_reader_keeps_its_minimum_in_windows_from_1100_to_1400_points() {
        for window in [1100.0, 1200.0, 1280.0, 1400.0] {
            for chosen in [None, Some(300.0), Some(900.0), Some(2000.0)] {
                let reader = reader_width(window, chosen);
                assert!(
                    reader >= READER_MIN_WIDTH,
                    "{window} wide, library {chosen:?}: reader {reader}"
                );
            }
        }
    }

    #[test]
    fn the_library_starts_at_40_percent_of_the_window_and_at_least_320_points() {
        assert_eq!(library_default_width(1400.0), 560.0);
        assert_eq!(library_default_width(600.0), 320.0);
        // In a 1400-point window with the side panel, 40 % fits as it is.
        let range = library_range(1400.0 - SIDE_DEFAULT_WIDTH);
        assert_eq!(library_width(None, 1400.0, &range), 560.0);
        // In 1100 points it gives way to the reader.
        let range = library_range(1100.0 - SIDE_DEFAULT_WIDTH);
        assert_eq!(library_width(None, 1100.0, &range), 340.0);
    }

    #[test]
    fn the_side_panel_shrinks_then_hides_when_the_window_is_too_narrow() {
        assert_eq!(
            side_range(1400.0, true),
            Some(SIDE_MIN_WIDTH..=SIDE_MAX_WIDTH)
        );
        assert_eq!(side_range(1000.0, true), Some(SIDE_MIN_WIDTH..=340.0));
        assert_eq!(side_range(880.0, true), None);
        // Without the library it fits again.
        assert_eq!(side_range(880.0, false), Some(SIDE_MIN_WIDTH..=460.0));
    }

    #[test]
    fn a_too_narrow_window_still_shows_the_library_at_its_minimum() {
        assert_eq!(library_range(500.0), LIBRARY_MIN_WIDTH..=LIBRARY_MIN_WIDTH);
    }
}
