//! Extended grapheme clusters: the smallest unit a selection or highlight may cover.
//!
//! `unicode-segmentation` ≥ 1.12 implements rule GB9c, so a Bengali conjunct such as
//! ক্ষ or ন্ত্র is one cluster and is never split.

use unicode_segmentation::GraphemeCursor;

use super::{CharOffset, CharRange, SourceText};

/// True when `offset` lies on a cluster boundary of `text` (the ends always do).
pub fn is_cluster_boundary(text: &SourceText, offset: CharOffset) -> bool {
    if offset.0 == 0 || offset.0 >= text.char_len() {
        return true;
    }
    let byte = text.byte_of(offset).0;
    let s = text.as_str();
    let mut cursor = GraphemeCursor::new(byte, s.len(), true);
    cursor.is_boundary(s, 0).unwrap_or(true)
}

/// The nearest cluster boundary at or before (`forward == false`) or at or after
/// (`forward == true`) `offset`.
pub fn snap_to_cluster(text: &SourceText, offset: CharOffset, forward: bool) -> CharOffset {
    if is_cluster_boundary(text, offset) {
        return CharOffset(offset.0.min(text.char_len()));
    }
    let s = text.as_str();
    let byte = text.byte_of(offset).0;
    let mut cursor = GraphemeCursor::new(byte, s.len(), true);
    let target = if forward {
        cursor.next_boundary(s, 0)
    } else {
        cursor.prev_boundary(s, 0)
    };
    match target {
        Ok(Some(b)) => text.char_of_byte(crate::text::ByteOffset(b)),
        _ if forward => CharOffset(text.char_len()),
        _ => CharOffset(0),
    }
}

/// Widen `range` so that both ends lie on cluster boundaries.
pub fn snap_range(text: &SourceText, range: CharRange) -> CharRange {
    let start = snap_to_cluster(text, range.start, false);
    let end = snap_to_cluster(text, range.end, true);
    CharRange::new(start.0, end.0)
}

/// Every cluster boundary inside `range` (both ends included), in order.
pub fn cluster_boundaries_in(text: &SourceText, range: CharRange) -> Vec<CharOffset> {
    use unicode_segmentation::UnicodeSegmentation as _;
    let slice = text.slice(range);
    let mut out = Vec::new();
    let mut at = range.start.0;
    out.push(CharOffset(at));
    for g in slice.graphemes(true) {
        at += g.chars().count();
        out.push(CharOffset(at));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> SourceText {
        SourceText::new(s.to_owned())
    }

    #[test]
    fn conjuncts_are_one_cluster() {
        // ক্ষ = ক ্ ষ; ন্ত্র = ন ্ ত ্ র
        let t = text("ক্ষমা ন্ত্র");
        assert!(!is_cluster_boundary(&t, CharOffset(1)));
        assert!(!is_cluster_boundary(&t, CharOffset(2)));
        assert_eq!(snap_to_cluster(&t, CharOffset(2), false), CharOffset(0));
        // ক্ষ + মা: the cluster "ক্ষ" ends at 3, "মা" at 5.
        assert_eq!(snap_to_cluster(&t, CharOffset(2), true), CharOffset(3));
        assert_eq!(snap_range(&t, CharRange::new(7, 9)), CharRange::new(6, 11));
    }

    #[test]
    fn vowel_signs_stay_with_their_consonant() {
        let t = text("কো");
        assert!(!is_cluster_boundary(&t, CharOffset(1)));
        assert_eq!(
            cluster_boundaries_in(&t, CharRange::new(0, 2)),
            vec![CharOffset(0), CharOffset(2)]
        );
    }
}
