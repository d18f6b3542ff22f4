//! A match in its context on one line of a fixed width — the concordance layout the
//! corpus search and the passages share: the left context right-aligned against the
//! match and clipped at its left, the match in full, the right context clipped at the
//! line's end. The line never asks for more width than it is given.

use std::sync::Arc;

use egui::{Color32, Galley, Painter, Rect, pos2, vec2};

/// The widest the title column of a line gets, in points…
const TITLE_WIDTH: f32 = 130.0;
/// …and its share of a narrow line.
const TITLE_SHARE: f32 = 0.25;
/// The share of the rest of the line before the match: the matches of a list line
/// up there.
const LEFT_SHARE: f32 = 0.45;
/// Room between the match and the right context.
const MATCH_GAP: f32 = 4.0;

/// Where a line's columns go in a line `width` points wide whose match is `matched`
/// points wide: the match is shown in full whenever the line can hold it, the left
/// context giving way first, then the title (when `titled`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Columns {
    /// Width of the title column (0 without a title).
    pub title: f32,
    /// Width of the left context, up to the match.
    pub left: f32,
}

impl Columns {
    /// The columns of a line `width` wide with a match `matched` wide.
    pub fn new(width: f32, matched: f32, titled: bool) -> Self {
        let needed = matched + MATCH_GAP;
        let title = if titled {
            (width * TITLE_SHARE)
                .min(TITLE_WIDTH)
                .min(width - needed)
                .max(0.0)
        } else {
            0.0
        };
        let rest = width - title;
        let left = (rest * LEFT_SHARE).min(rest - needed).max(0.0);
        Self { title, left }
    }
}

/// The three parts of a line, laid out.
pub(super) struct InContext {
    /// Text before the match.
    pub left: Arc<Galley>,
    /// The match.
    pub matched: Arc<Galley>,
    /// Text after the match.
    pub right: Arc<Galley>,
    /// The colour of parts laid out without one.
    pub text: Color32,
}

/// Paint `parts` in `rect` (the line after its title column) with the match starting
/// `left` points in, on `fill` if any.
pub(super) fn paint(
    painter: &Painter,
    rect: Rect,
    left: f32,
    parts: InContext,
    fill: Option<Color32>,
) {
    let y = rect.center().y;
    let match_x = rect.min.x + left;
    let left_rect = Rect::from_x_y_ranges(rect.min.x..=match_x - 1.0, rect.y_range());
    let text = parts.text;
    painter.with_clip_rect(left_rect).galley(
        pos2(
            left_rect.max.x - parts.left.size().x,
            y - parts.left.size().y / 2.0,
        ),
        parts.left,
        text,
    );
    let match_width = parts.matched.size().x;
    if let Some(fill) = fill {
        let match_rect = Rect::from_min_size(
            pos2(match_x - 1.0, rect.min.y + 1.0),
            vec2(match_width + 2.0, rect.height() - 2.0),
        );
        painter.rect_filled(match_rect, 2.0, fill);
    }
    painter.with_clip_rect(rect).galley(
        pos2(match_x, y - parts.matched.size().y / 2.0),
        parts.matched,
        text,
    );
    let right_x = match_x + match_width + MATCH_GAP;
    let right_rect = Rect::from_x_y_ranges(right_x..=rect.max.x, rect.y_range());
    painter.with_clip_rect(right_rect).galley(
        pos2(right_x, y - parts.right.size().y / 2.0),
        parts.right,
        text,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matches_line_up_in_a_column_of_a_wide_line() {
        let a = Columns::new(800.0, 40.0, true);
        let b = Columns::new(800.0, 90.0, true);
        assert_eq!(a, b);
        assert_eq!(a.title, TITLE_WIDTH);
        assert_eq!(a.left, (800.0 - TITLE_WIDTH) * LEFT_SHARE);
    }

    #[test]
    fn a_long_match_stays_whole_as_the_left_context_and_title_give_way() {
        for titled in [true, false] {
            for (width, matched) in [
                (300.0, 200.0),
                (300.0, 280.0),
                (200.0, 60.0),
                (120.0, 110.0),
            ] {
                let c = Columns::new(width, matched, titled);
                let end = c.title + c.left + matched + MATCH_GAP;
                assert!(
                    end <= width + 0.01,
                    "{width} wide, match {matched}: ends at {end}"
                );
                assert!(c.title >= 0.0 && c.left >= 0.0);
            }
        }
    }

    #[test]
    fn a_line_without_a_title_gives_its_room_to_the_contexts() {
        let c = Columns::new(400.0, 40.0, false);
        assert_eq!(c.title, 0.0);
        assert_eq!(c.left, 400.0 * LEFT_SHARE);
    }
}
