//! The rows of the annotation list, virtualised as the reader is: only the rows in view
//! are laid out; the heights of the others are estimated (the mean of those measured)
//! and corrected as they come into view, in a Fenwick tree of row heights. With 10,000
//! annotations a frame lays out a screenful, not the whole list.
//!
//! Which annotations are shown (orphans apart, the filters applied) is worked out
//! again only when the annotations, the codebook or the filters change.

use std::collections::HashMap;

use crate::annotate::{AnnotationId, Codebook, Color, Status};
use crate::session::Session;

use super::super::reader::Heights;

/// Height of a row never measured, before any row was: about three lines of quote
/// and a line of tags at the default size.
const FIRST_ESTIMATE: f32 = 90.0;

/// One row of the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Row {
    /// "To review (n): …" above the orphans (and regions of changed pictures).
    OrphansHeader,
    /// An orphaned annotation (index into the set's slice), with Re-attach and Delete.
    Orphan(usize),
    /// The line between the orphans and the rest.
    OrphansEnd,
    /// A placed annotation (index into the set's slice).
    Entry(usize),
    /// "No annotations yet…".
    Empty,
}

impl Row {
    /// What a measured height is remembered by: the annotation's id, or the kind of
    /// row for the others.
    fn key(self, session: &Session) -> RowKey {
        let slice = session.set.as_slice();
        match self {
            Row::Orphan(i) | Row::Entry(i) => RowKey::Annotation(slice[i].id),
            other => RowKey::Fixed(other.fixed_rank()),
        }
    }

    fn fixed_rank(self) -> u8 {
        match self {
            Row::OrphansHeader => 0,
            Row::OrphansEnd => 1,
            _ => 2,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum RowKey {
    Annotation(AnnotationId),
    Fixed(u8),
}

/// The filters as they were when the rows were worked out.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct FilterKey {
    pub text: String,
    pub tag: Option<String>,
    pub color: Option<Color>,
    pub coder: Option<String>,
}

/// What the rows were worked out from.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    version: u64,
    len: usize,
    codebook: Codebook,
    filters: FilterKey,
}

/// The list's rows, their heights, and what they were made from.
#[derive(Default)]
pub(super) struct AnnotationList {
    key: Option<Key>,
    rows: Vec<Row>,
    /// Placed annotations the filters hide.
    hidden: usize,
    /// Number of orphans.
    orphans: usize,
    heights: Heights,
    /// Heights measured, by row, at `width`.
    measured: HashMap<RowKey, f32>,
    width: f32,
    /// Colours in use (for the colour filter).
    colors: Vec<Color>,
    /// The scroll offset the next frame must start from, after a row at the top was
    /// measured and found taller or shorter than estimated.
    scroll_correction: Option<f32>,
}

impl AnnotationList {
    /// Rows to be worked out again at the next frame: the session was replaced (another
    /// article, or the same one read again), so its version number says nothing.
    pub fn forget(&mut self) {
        self.key = None;
    }

    /// Work the rows out again if the annotations, the codebook or the filters changed.
    /// `keeps` is the filter (only asked while a filter is active).
    pub fn refresh(
        &mut self,
        session: &Session,
        filters: FilterKey,
        keeps: impl Fn(&crate::annotate::Annotation) -> bool,
    ) {
        let key = Key {
            version: session.version,
            len: session.set.len(),
            codebook: session.codebook.clone(),
            filters,
        };
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let slice = session.set.as_slice();
        let mut orphans = Vec::new();
        let mut entries = Vec::new();
        let mut placed = 0;
        for (i, a) in slice.iter().enumerate() {
            // Regions of a changed picture are reviewed with the orphans.
            if matches!(a.status, Status::Orphaned | Status::ImageChanged) {
                orphans.push(Row::Orphan(i));
            } else {
                placed += 1;
                if keeps(a) {
                    entries.push(Row::Entry(i));
                }
            }
        }
        self.hidden = placed - entries.len();
        self.orphans = orphans.len();
        let mut rows = Vec::with_capacity(orphans.len() + entries.len() + 3);
        if !orphans.is_empty() {
            rows.push(Row::OrphansHeader);
            rows.extend(orphans);
            rows.push(Row::OrphansEnd);
        }
        rows.extend(entries);
        if slice.is_empty() {
            rows.push(Row::Empty);
        }
        self.rows = rows;
        let mut colors: Vec<Color> = slice.iter().map(|a| session.paint_color(a)).collect();
        colors.sort();
        colors.dedup();
        self.colors = colors;
        self.key = Some(key);
        self.reestimate(session);
    }

    /// Heights from the measurements at this width, estimates for the rest.
    fn reestimate(&mut self, session: &Session) {
        let estimate = if self.measured.is_empty() {
            FIRST_ESTIMATE
        } else {
            self.measured.values().sum::<f32>() / self.measured.len() as f32
        };
        let values = self
            .rows
            .iter()
            .map(|row| {
                self.measured
                    .get(&row.key(session))
                    .copied()
                    .unwrap_or(estimate)
            })
            .collect();
        self.heights = Heights::new(values);
    }

    /// The panel is `width` wide: measurements made at another width are void.
    pub fn set_width(&mut self, width: f32, session: &Session) {
        if (self.width - width).abs() > 0.5 {
            self.width = width;
            self.measured.clear();
            self.reestimate(session);
        }
    }

    /// All rows, in order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Placed annotations the filters hide.
    pub fn hidden(&self) -> usize {
        self.hidden
    }

    /// Number of orphans.
    pub fn orphans(&self) -> usize {
        self.orphans
    }

    /// The colours in use, sorted.
    pub fn colors(&self) -> &[Color] {
        &self.colors
    }

    /// Height of the whole list (estimated where not measured).
    pub fn total_height(&self) -> f32 {
        self.heights.total()
    }

    /// The first row at or below `y` (list coordinates).
    pub fn row_at(&self, y: f32) -> usize {
        self.heights.block_at(y.max(0.0))
    }

    /// Top of row `i` in list coordinates.
    pub fn top(&self, i: usize) -> f32 {
        self.heights.top(i)
    }

    /// Row `i` was laid out `height` tall (spacing included). Returns how much taller
    /// it is than it was taken to be.
    pub fn measured(&mut self, i: usize, height: f32, session: &Session) -> f32 {
        let before = self.heights.get(i);
        self.heights.set(i, height);
        self.measured.insert(self.rows[i].key(session), height);
        height - before
    }

    /// True when row `i` was laid out at this width (its height is not an estimate).
    pub fn is_measured(&self, i: usize, session: &Session) -> bool {
        self.measured.contains_key(&self.rows[i].key(session))
    }

    /// Start the next frame scrolled to `offset` (list coordinates).
    pub fn correct_scroll(&mut self, offset: f32) {
        self.scroll_correction = Some(offset);
    }

    /// The scroll offset the next frame starts from, if it must be corrected.
    pub fn take_scroll_correction(&mut self) -> Option<f32> {
        self.scroll_correction.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Annotation;
    use crate::text::CharRange;

    fn session_with(n: usize) -> Session {
        let mut session = Session::in_memory();
        let article = crate::article::sample_article();
        assert!(article.text.char_len() > n * 3);
        for i in 0..n {
            let range = CharRange::new(i * 3, i * 3 + 2);
            session
                .add(&article, range, Color::HIGHLIGHT, Vec::new(), "tester")
                .expect("added");
        }
        session
    }

    fn no_filter() -> FilterKey {
        FilterKey {
            text: String::new(),
            tag: None,
            color: None,
            coder: None,
        }
    }

    #[test]
    fn rows_follow_the_annotations_and_are_worked_out_again_only_on_change() {
        let session = session_with(50);
        let mut list = AnnotationList::default();
        list.refresh(&session, no_filter(), |_| true);
        assert_eq!(list.rows().len(), 50);
        assert_eq!(list.total_height(), 50.0 * FIRST_ESTIMATE);
        // Unchanged: the filter is not asked again.
        list.refresh(&session, no_filter(), |_: &Annotation| {
            panic!("asked again without a change")
        });
        let filtered = FilterKey {
            text: "x".into(),
            ..no_filter()
        };
        list.refresh(&session, filtered, |a| a.range().start.0 < 30);
        assert_eq!(list.rows().len(), 10);
        assert_eq!(list.hidden(), 40);
    }

    #[test]
    fn measured_heights_replace_estimates_and_the_rest_take_their_mean() {
        let session = session_with(100);
        let mut list = AnnotationList::default();
        list.set_width(300.0, &session);
        list.refresh(&session, no_filter(), |_| true);
        list.measured(0, 40.0, &session);
        list.measured(1, 60.0, &session);
        assert_eq!(list.top(2), 100.0);
        assert_eq!(list.row_at(45.0), 1);
        assert!(list.is_measured(1, &session) && !list.is_measured(2, &session));
        assert_eq!(list.measured(2, 30.0, &session), 30.0 - FIRST_ESTIMATE);
        // Worked out again (another filter): measured rows keep their heights, the
        // others are estimated at the mean measured.
        let filtered = FilterKey {
            text: "y".into(),
            ..no_filter()
        };
        list.refresh(&session, filtered, |_| true);
        assert_eq!(list.top(2), 100.0);
        let expected = 100.0 + 30.0 + 97.0 * (130.0 / 3.0);
        assert!((list.total_height() - expected).abs() < 0.01);
        // Another width: every measurement is void.
        list.set_width(400.0, &session);
        assert_eq!(list.total_height(), 100.0 * FIRST_ESTIMATE);
    }

    #[test]
    fn a_replaced_session_is_worked_out_again_even_at_the_same_version() {
        let mut list = AnnotationList::default();
        let first = session_with(3);
        list.refresh(&first, no_filter(), |_| true);
        let second = session_with(3);
        list.forget();
        list.refresh(&second, no_filter(), |_| false);
        assert_eq!(list.rows().len(), 0, "refreshed: the filter was asked");
    }
}
