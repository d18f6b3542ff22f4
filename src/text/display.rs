//! The display string: what Pathok hands to the text layout instead of the canonical
//! text.
//!
//! epaint 0.37 assumes one glyph per char. The Bengali shaper splits the two-part vowel
//! signs ো (U+09CB) and ৌ (U+09CC) into two glyphs each, so every cursor position after
//! them shifts. Their canonical decompositions (ে+া and ে+ৗ) render identically and give
//! one glyph per char, so the layout gets the decomposed text, and [`DisplayMap`] maps
//! positions between the two. The canonical text is never changed.

use super::{CharOffset, DisplayOffset};

/// The display form of `c`, if it differs from `c` itself (context-free part).
pub fn display_form(c: char) -> Option<&'static str> {
    match c {
        '\u{09CB}' => Some("\u{09C7}\u{09BE}"), // ো → ে + া
        '\u{09CC}' => Some("\u{09C7}\u{09D7}"), // ৌ → ে + ৗ
        _ => None,
    }
}

/// Bengali signs that attach to a preceding base (vowel signs, virama, nukta, candrabindu…).
fn is_bengali_mark(c: char) -> bool {
    matches!(c, '\u{0981}'..='\u{0983}' | '\u{09BC}' | '\u{09BE}'..='\u{09C4}' | '\u{09C7}'..='\u{09C8}'
        | '\u{09CB}'..='\u{09CD}' | '\u{09D7}' | '\u{09E2}'..='\u{09E3}')
}

/// True when a Bengali mark after `prev` has no base to attach to, so the shaper would
/// draw it on an inserted dotted circle (one glyph more than chars).
fn lacks_base(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => !matches!(
            p,
            '\u{0980}'
                ..='\u{09E3}'
                    | '\u{09F0}'
                    | '\u{09F1}'
                    | '\u{09FC}'
                    | '\u{200C}'
                    | '\u{200D}'
                    | '\u{00A0}'
                    | '\u{25CC}'
        ),
    }
}

/// Append the display form of `c` (which follows `prev`) to `out`; returns how many
/// display chars it took.
fn push_display(prev: Option<char>, c: char, out: &mut String) -> usize {
    let mut n = 0;
    if is_bengali_mark(c) && lacks_base(prev) {
        // Make the dotted circle the shaper would insert part of the text.
        out.push('\u{25CC}');
        n += 1;
    }
    match display_form(c) {
        Some(form) => {
            out.push_str(form);
            n + form.chars().count()
        }
        None => {
            out.push(c);
            n + 1
        }
    }
}

/// The display string of `text`: split vowel signs decomposed, and a dotted circle
/// before a Bengali mark that has no base.
pub fn display_string(text: &str) -> String {
    display_string_after(None, text)
}

/// Like [`display_string`] for a piece of text that follows the char `prev`.
pub fn display_string_after(prev: Option<char>, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut prev = prev;
    for c in text.chars() {
        push_display(prev, c, &mut out);
        prev = Some(c);
    }
    out
}

/// A monotone map between char offsets of a text and of its display string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DisplayMap {
    /// Source char offsets of chars whose display form is longer than one char, with
    /// the total number of extra display chars up to and including that char.
    expansions: Vec<(usize, usize)>,
    source_len: usize,
}

impl DisplayMap {
    /// Build the map for `text`.
    pub fn new(text: &str) -> Self {
        let mut expansions = Vec::new();
        let mut extra = 0;
        let mut len = 0;
        let mut prev = None;
        let mut scratch = String::new();
        for (i, c) in text.chars().enumerate() {
            scratch.clear();
            let n = push_display(prev, c, &mut scratch);
            if n > 1 {
                extra += n - 1;
                expansions.push((i, extra));
            }
            prev = Some(c);
            len = i + 1;
        }
        Self {
            expansions,
            source_len: len,
        }
    }

    /// Number of chars in the source text.
    pub fn source_len(&self) -> usize {
        self.source_len
    }

    /// Number of chars in the display string.
    pub fn display_len(&self) -> usize {
        self.source_len + self.expansions.last().map_or(0, |&(_, e)| e)
    }

    /// Extra display chars contributed by source chars before `source`.
    fn extra_before(&self, source: usize) -> usize {
        let n = self.expansions.partition_point(|&(s, _)| s < source);
        if n == 0 { 0 } else { self.expansions[n - 1].1 }
    }

    /// The display offset where source char `offset` starts.
    pub fn to_display(&self, offset: CharOffset) -> DisplayOffset {
        let s = offset.0.min(self.source_len);
        DisplayOffset(s + self.extra_before(s))
    }

    /// The source char whose display form contains display offset `offset`, i.e. the
    /// boundary at or before it.
    pub fn to_source_floor(&self, offset: DisplayOffset) -> CharOffset {
        // The largest source offset s with to_display(s) <= offset.
        let (mut lo, mut hi) = (0, self.source_len);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if self.to_display(CharOffset(mid)).0 <= offset.0 {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        CharOffset(lo)
    }

    /// The first source boundary at or after display offset `offset`.
    pub fn to_source_ceil(&self, offset: DisplayOffset) -> CharOffset {
        let floor = self.to_source_floor(offset);
        if self.to_display(floor) == offset || floor.0 >= self.source_len {
            floor
        } else {
            CharOffset(floor.0 + 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn split_vowels_are_decomposed_and_nothing_else_changes() {
        assert_eq!(display_string("কোকৌ a"), "কে\u{09BE}কে\u{09D7} a");
        assert_eq!(display_string("ক্ষ ৎ য়"), "ক্ষ ৎ য়");
    }

    #[test]
    fn a_mark_without_a_base_gets_a_dotted_circle() {
        assert_eq!(display_string("ি"), "\u{25CC}ি");
        assert_eq!(display_string("কি ি"), "কি \u{25CC}ি");
        assert_eq!(display_string("ো"), "\u{25CC}ে\u{09BE}");
        assert_eq!(display_string_after(Some('ক'), "ি"), "ি");
        let map = DisplayMap::new("a ি");
        assert_eq!(map.display_len(), 4);
        assert_eq!(map.to_display(CharOffset(3)), DisplayOffset(4));
    }

    #[test]
    fn map_inside_an_expanded_vowel_snaps_to_its_char() {
        let map = DisplayMap::new("কো");
        assert_eq!(map.display_len(), 3);
        assert_eq!(map.to_display(CharOffset(1)), DisplayOffset(1));
        assert_eq!(map.to_display(CharOffset(2)), DisplayOffset(3));
        assert_eq!(map.to_source_floor(DisplayOffset(2)), CharOffset(1));
        assert_eq!(map.to_source_ceil(DisplayOffset(2)), CharOffset(2));
        assert_eq!(map.to_source_ceil(DisplayOffset(3)), CharOffset(2));
    }

    fn bengali_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just('ক'),
                Just('ো'),
                Just('ৌ'),
                Just('্'),
                Just('ি'),
                Just(' '),
                Just('a'),
                Just('😀')
            ],
            0..200,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn map_is_monotone_and_round_trips(text in bengali_text()) {
            let map = DisplayMap::new(&text);
            let display = display_string(&text);
            prop_assert_eq!(map.display_len(), display.chars().count());
            let mut previous = DisplayOffset(0);
            for s in 0..=map.source_len() {
                let d = map.to_display(CharOffset(s));
                prop_assert!(s == 0 || d > previous);
                prop_assert_eq!(map.to_source_floor(d), CharOffset(s));
                prop_assert_eq!(map.to_source_ceil(d), CharOffset(s));
                previous = d;
            }
            // The display prefix up to to_display(s) is the display form of the source prefix.
            for s in 0..=map.source_len() {
                let prefix: String = text.chars().take(s).collect();
                let d = map.to_display(CharOffset(s)).0;
                let shown: String = display.chars().take(d).collect();
                prop_assert_eq!(display_string(&prefix), shown);
            }
            for d in 0..=map.display_len() {
                let floor = map.to_source_floor(DisplayOffset(d));
                let ceil = map.to_source_ceil(DisplayOffset(d));
                prop_assert!(map.to_display(floor).0 <= d && d <= map.to_display(ceil).0);
                prop_assert!(ceil.0 - floor.0 <= 1);
            }
        }
    }
}
