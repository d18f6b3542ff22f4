//! Newtypes for the four ways Pathok counts positions in text.
//!
//! Annotations are stored in [`CharOffset`]s (Unicode scalar values, as Python's `str`
//! and W3C Web Annotation count). Exports add [`Utf16Offset`]s (JavaScript, Java) and
//! [`ByteOffset`]s (UTF-8). [`DisplayOffset`]s count chars of the display string that
//! is handed to the text layout (see [`super::DisplayMap`]).

use serde::{Deserialize, Serialize};

macro_rules! offset_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub usize);

        impl $name {
            /// The offset as a plain number.
            #[inline]
            pub fn get(self) -> usize {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

offset_type!(
    /// A position counted in Unicode scalar values (code points) of the canonical text.
    CharOffset
);
offset_type!(
    /// A position counted in UTF-8 bytes of the canonical text.
    ByteOffset
);
offset_type!(
    /// A position counted in UTF-16 code units of the canonical text.
    Utf16Offset
);
offset_type!(
    /// A position counted in chars of the display string (see [`super::DisplayMap`]).
    DisplayOffset
);

/// A half-open range `start..end` of [`CharOffset`]s, with `start <= end` guaranteed.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct CharRange {
    /// First char of the range (inclusive).
    pub start: CharOffset,
    /// One past the last char (exclusive).
    pub end: CharOffset,
}

impl CharRange {
    /// The range `start..end`; the ends are swapped if given in reverse.
    pub fn new(start: usize, end: usize) -> Self {
        let (start, end) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        Self {
            start: CharOffset(start),
            end: CharOffset(end),
        }
    }

    /// Number of chars covered.
    pub fn len(&self) -> usize {
        self.end.0 - self.start.0
    }

    /// True when the range covers no char.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `offset` lies inside `start..end`.
    pub fn contains(&self, offset: CharOffset) -> bool {
        self.start <= offset && offset < self.end
    }

    /// True when the two ranges share at least one char.
    pub fn overlaps(&self, other: &CharRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The range as a `std::ops::Range<usize>`.
    pub fn as_range(&self) -> std::ops::Range<usize> {
        self.start.0..self.end.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_range_orders_its_ends_and_tests_overlap() {
        let r = CharRange::new(7, 3);
        assert_eq!(r.as_range(), 3..7);
        assert_eq!(r.len(), 4);
        assert!(r.contains(CharOffset(3)) && !r.contains(CharOffset(7)));
        assert!(r.overlaps(&CharRange::new(6, 9)));
        assert!(!r.overlaps(&CharRange::new(7, 9)));
    }
}
