//! Word boundaries for double-click selection (Unicode word segmentation, UAX #29),
//! always widened to whole grapheme clusters.

use unicode_segmentation::UnicodeSegmentation as _;

use super::{CharOffset, CharRange, SourceText, snap_range};

/// How far around the click the text is segmented; longer "words" are cut here.
const WINDOW: usize = 256;

/// The word (or run of punctuation / whitespace) that contains `offset`.
pub fn word_at(text: &SourceText, offset: CharOffset) -> CharRange {
    let start = offset.0.saturating_sub(WINDOW);
    let end = (offset.0 + WINDOW).min(text.char_len());
    let window = text.slice(CharRange::new(start, end));
    let mut at = start;
    for piece in window.split_word_bounds() {
        let len = piece.chars().count();
        if offset.0 < at + len || at + len == end {
            return snap_range(text, CharRange::new(at, at + len));
        }
        at += len;
    }
    CharRange::new(offset.0, offset.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(s: &str, at: usize) -> String {
        let text = SourceText::new(s.to_owned());
        text.slice(word_at(&text, CharOffset(at))).to_owned()
    }

    #[test]
    fn bengali_words_are_whole_with_their_vowel_signs_and_conjuncts() {
        let s = "আমি কোরিয়ার রাষ্ট্রীয় সংবাদ";
        assert_eq!(word(s, 0), "আমি");
        assert_eq!(word(s, 5), "কোরিয়ার");
        assert_eq!(word(s, 15), "রাষ্ট্রীয়");
        assert_eq!(word(s, 3), " ");
        assert_eq!(word("Pathok, reader", 2), "Pathok");
    }
}
