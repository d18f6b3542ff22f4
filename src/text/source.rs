//! The canonical text of an article and its offset index.

use super::{ByteOffset, CharOffset, CharRange, Utf16Offset};

/// Every `STRIDE`th char has its byte and UTF-16 offset recorded, so any conversion
/// scans at most `STRIDE - 1` chars. Memory: two `usize` per `STRIDE` chars.
const STRIDE: usize = 128;

/// The canonical text every offset of an article points into, with an index that
/// converts between char, byte and UTF-16 offsets in O(log n + STRIDE).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceText {
    text: String,
    char_len: usize,
    utf16_len: usize,
    /// `(byte, utf16)` offset of char `i * STRIDE`.
    checkpoints: Vec<(usize, usize)>,
}

impl SourceText {
    /// Index `text`. The text is kept exactly as given.
    pub fn new(text: String) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut utf16 = 0;
        let mut chars: usize = 0;
        for (byte, c) in text.char_indices() {
            if chars.is_multiple_of(STRIDE) {
                checkpoints.push((byte, utf16));
            }
            utf16 += c.len_utf16();
            chars += 1;
        }
        Self {
            text,
            char_len: chars,
            utf16_len: utf16,
            checkpoints,
        }
    }

    /// The canonical text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in chars (code points).
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Length in UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        self.utf16_len
    }

    /// Byte offset of `offset`, clamped to the end of the text.
    pub fn byte_of(&self, offset: CharOffset) -> ByteOffset {
        if offset.0 >= self.char_len {
            return ByteOffset(self.text.len());
        }
        let (byte, _) = self.checkpoints[offset.0 / STRIDE];
        let skip = offset.0 % STRIDE;
        let extra = self.text[byte..]
            .char_indices()
            .nth(skip)
            .map_or(self.text.len() - byte, |(b, _)| b);
        ByteOffset(byte + extra)
    }

    /// UTF-16 offset of `offset`, clamped to the end of the text.
    pub fn utf16_of(&self, offset: CharOffset) -> Utf16Offset {
        if offset.0 >= self.char_len {
            return Utf16Offset(self.utf16_len);
        }
        let (byte, utf16) = self.checkpoints[offset.0 / STRIDE];
        let skip = offset.0 % STRIDE;
        let extra: usize = self.text[byte..]
            .chars()
            .take(skip)
            .map(char::len_utf16)
            .sum();
        Utf16Offset(utf16 + extra)
    }

    /// Char offset of a byte offset. A byte inside a char maps to that char's start.
    pub fn char_of_byte(&self, byte: ByteOffset) -> CharOffset {
        let byte = byte.0.min(self.text.len());
        let block = self
            .checkpoints
            .partition_point(|&(b, _)| b <= byte)
            .saturating_sub(1);
        let Some(&(start, _)) = self.checkpoints.get(block) else {
            return CharOffset(0);
        };
        let chars = self.text[start..]
            .char_indices()
            .take_while(|&(b, _)| start + b < byte)
            .count();
        let inside = !self.text.is_char_boundary(byte);
        CharOffset(block * STRIDE + chars - usize::from(inside))
    }

    /// Char offset of a UTF-16 offset. A unit inside a surrogate pair maps to that
    /// char's start.
    pub fn char_of_utf16(&self, unit: Utf16Offset) -> CharOffset {
        let unit = unit.0.min(self.utf16_len);
        let block = self
            .checkpoints
            .partition_point(|&(_, u)| u <= unit)
            .saturating_sub(1);
        let Some(&(byte, mut at)) = self.checkpoints.get(block) else {
            return CharOffset(0);
        };
        let mut chars = 0;
        for c in self.text[byte..].chars() {
            let next = at + c.len_utf16();
            if next > unit {
                break;
            }
            at = next;
            chars += 1;
        }
        CharOffset(block * STRIDE + chars)
    }

    /// The text of a char range (clamped to the text).
    pub fn slice(&self, range: CharRange) -> &str {
        let start = self.byte_of(range.start).0;
        let end = self.byte_of(range.end).0;
        &self.text[start..end]
    }

    /// The `n` chars before `offset` (fewer at the start of the text).
    pub fn before(&self, offset: CharOffset, n: usize) -> &str {
        self.slice(CharRange::new(offset.0.saturating_sub(n), offset.0))
    }

    /// The `n` chars after `offset` (fewer at the end of the text).
    pub fn after(&self, offset: CharOffset, n: usize) -> &str {
        self.slice(CharRange::new(offset.0, (offset.0 + n).min(self.char_len)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample_chars() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just('a'),
                Just('\n'),
                Just('ক'),
                Just('্'),
                Just('ো'),
                Just('\u{200C}'),
                Just('😀'),
                Just('𝒜'),
                Just('é'),
            ],
            0..600,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn offsets_agree_with_a_naive_count(text in sample_chars()) {
            let source = SourceText::new(text.clone());
            let chars: Vec<char> = text.chars().collect();
            prop_assert_eq!(source.char_len(), chars.len());
            let mut byte = 0;
            let mut utf16 = 0;
            for (i, c) in chars.iter().enumerate() {
                prop_assert_eq!(source.byte_of(CharOffset(i)), ByteOffset(byte));
                prop_assert_eq!(source.utf16_of(CharOffset(i)), Utf16Offset(utf16));
                prop_assert_eq!(source.char_of_byte(ByteOffset(byte)), CharOffset(i));
                prop_assert_eq!(source.char_of_utf16(Utf16Offset(utf16)), CharOffset(i));
                if c.len_utf8() > 1 {
                    prop_assert_eq!(source.char_of_byte(ByteOffset(byte + 1)), CharOffset(i));
                }
                if c.len_utf16() == 2 {
                    prop_assert_eq!(source.char_of_utf16(Utf16Offset(utf16 + 1)), CharOffset(i));
                }
                byte += c.len_utf8();
                utf16 += c.len_utf16();
            }
            prop_assert_eq!(source.byte_of(CharOffset(chars.len())), ByteOffset(text.len()));
            prop_assert_eq!(source.char_of_byte(ByteOffset(text.len())), CharOffset(chars.len()));
            prop_assert_eq!(source.char_of_utf16(Utf16Offset(utf16)), CharOffset(chars.len()));
        }

        #[test]
        fn slice_matches_collecting_chars(text in sample_chars(), a in 0usize..700, b in 0usize..700) {
            let source = SourceText::new(text.clone());
            let range = CharRange::new(a.min(source.char_len()), b.min(source.char_len()));
            let expected: String = text.chars().skip(range.start.0).take(range.len()).collect();
            prop_assert_eq!(source.slice(range), expected.as_str());
        }
    }
}
