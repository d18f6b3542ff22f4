//! Bengali-aware find: text and query are folded the same way and matched exactly.
//!
//! Folding: canonical decomposition (so precomposed and decomposed forms such as য়
//! and য+় match, like NFC-equal text), ত্‍ (ত + ্ + ZWJ) and ৎ become the same
//! letter, ZWJ / ZWNJ are ignored, Latin letters are matched case-insensitively, and
//! optionally Bengali digits match ASCII digits.

use unicode_normalization::char::decompose_canonical;

use super::{CharRange, SourceText, snap_range};

const ZWJ: char = '\u{200D}';
const ZWNJ: char = '\u{200C}';

/// How text is compared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Folding {
    /// ০–৯ match 0–9.
    pub digits: bool,
}

/// A text folded for searching, with a map back to source char offsets.
#[derive(Clone, Debug)]
pub struct FoldedText {
    folded: SourceText,
    /// Source char offset of each folded char.
    source_of: Vec<u32>,
    source_len: usize,
    folding: Folding,
}

/// The chars the source char `c` folds to, passed to `emit` (none for ZWJ / ZWNJ).
/// This ignores the one rule that spans several chars (ত্‍ → ৎ); see [`fold_token`].
pub fn fold_char(c: char, folding: Folding, emit: &mut impl FnMut(char)) {
    match c {
        // The Bengali block has no case, and only these letters and vowel signs
        // decompose (ো ৌ ড় ঢ় য়): every other Bengali char folds to itself, without
        // a look-up (most of a Bengali text).
        '\u{0980}'..='\u{09FF}'
            if !matches!(
                c,
                '০'..='৯' | '\u{09CB}' | '\u{09CC}' | '\u{09DC}' | '\u{09DD}' | '\u{09DF}'
            ) =>
        {
            emit(c);
        }
        ZWJ | ZWNJ => {}
        '০'..='৯' if folding.digits => {
            let digit = c as u32 - '০' as u32;
            emit(char::from(b'0' + digit as u8));
        }
        _ if c.is_ascii() => emit(c.to_ascii_lowercase()),
        _ => decompose_canonical(c, |d| {
            for lower in d.to_lowercase() {
                emit(lower);
            }
        }),
    }
}

/// ত্‍ (ত, hasanta, ZWJ): the old way to write ৎ, folded to ৎ as one token.
pub const KHANDA_TA_OLD: &str = "ত্\u{200D}";

/// Fold the source token that starts at byte `at` of `text` (which must be a char
/// boundary below `text.len()`): ত্‍ is one token that folds to ৎ, any other char is a
/// token of its own (see [`fold_char`]). Calls `emit` for each folded char and
/// returns the byte just after the token.
///
/// This is the one definition of the folding: Find, the corpus search and its
/// reference all fold through it.
pub fn fold_token(text: &str, at: usize, folding: Folding, emit: &mut impl FnMut(char)) -> usize {
    let rest = &text[at..];
    if rest.starts_with(KHANDA_TA_OLD) {
        emit('ৎ');
        return at + KHANDA_TA_OLD.len();
    }
    let Some(c) = rest.chars().next() else {
        return at;
    };
    fold_char(c, folding, emit);
    at + c.len_utf8()
}

/// True when byte `at` of `text` starts a folding token, i.e. is not the hasanta or
/// the ZWJ inside a ত্‍ (tokens never overlap: ত্‍ holds no other ত).
pub fn is_token_start(text: &str, at: usize) -> bool {
    let ta = 'ত'.len_utf8();
    let hasanta = '\u{09CD}'.len_utf8();
    let starts_at = |from: Option<usize>| {
        from.and_then(|f| text.get(f..))
            .is_some_and(|rest| rest.starts_with(KHANDA_TA_OLD))
    };
    !(starts_at(at.checked_sub(ta)) || starts_at(at.checked_sub(ta + hasanta)))
}

/// Fold `text`, calling `emit(folded_char, source_offset)` for every folded char
/// (the source offset, in chars, of the token it comes from).
fn fold_with(text: &str, folding: Folding, mut emit: impl FnMut(char, usize)) {
    let mut at = 0;
    let mut chars = 0;
    while at < text.len() {
        let next = fold_token(text, at, folding, &mut |c| emit(c, chars));
        chars += text[at..next].chars().count();
        at = next;
    }
}

/// Fold a query the same way as the text.
pub fn fold_query(query: &str, folding: Folding) -> String {
    let mut out = String::with_capacity(query.len());
    fold_with(query, folding, |c, _| out.push(c));
    out
}

impl FoldedText {
    /// Fold `text` (O(n), done once per article and folding).
    pub fn new(text: &SourceText, folding: Folding) -> Self {
        let mut folded = String::with_capacity(text.as_str().len());
        let mut source_of = Vec::with_capacity(text.char_len());
        fold_with(text.as_str(), folding, |c, at| {
            folded.push(c);
            source_of.push(u32::try_from(at).unwrap_or(u32::MAX));
        });
        Self {
            folded: SourceText::new(folded),
            source_of,
            source_len: text.char_len(),
            folding,
        }
    }

    /// The folding this text was made with.
    pub fn folding(&self) -> Folding {
        self.folding
    }

    /// Up to `limit` matches of `query`, in text order, as source ranges widened to
    /// grapheme clusters. An empty query finds nothing.
    pub fn find_all(&self, source: &SourceText, query: &str, limit: usize) -> Vec<CharRange> {
        let needle = fold_query(query, self.folding);
        if needle.is_empty() {
            return Vec::new();
        }
        let needle_chars = needle.chars().count();
        let mut out: Vec<CharRange> = Vec::new();
        for (byte, _) in self.folded.as_str().match_indices(needle.as_str()) {
            let first = self.folded.char_of_byte(super::ByteOffset(byte)).0;
            let last = first + needle_chars - 1;
            let start = self.source_of[first] as usize;
            let end = (self.source_of[last] as usize + 1).min(self.source_len);
            let range = snap_range(source, CharRange::new(start, end));
            if out.last() != Some(&range) {
                out.push(range);
            }
            if out.len() >= limit {
                break;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, query: &str, digits: bool) -> Vec<String> {
        let source = SourceText::new(text.to_owned());
        let folded = FoldedText::new(&source, Folding { digits });
        folded
            .find_all(&source, query, 100)
            .into_iter()
            .map(|r| source.slice(r).to_owned())
            .collect()
    }

    #[test]
    fn khanda_ta_matches_both_spellings() {
        let text = "উৎসব আর উত্\u{200D}সব";
        // ত্‍স is one grapheme cluster (GB9c), so the match widens to it.
        assert_eq!(find(text, "ৎ", false), ["ৎ", "ত্\u{200D}স"]);
        assert_eq!(find(text, "উত্\u{200D}সব", false), ["উৎসব", "উত্\u{200D}সব"]);
        // Plain ত্ in a conjunct is not ৎ.
        assert!(find("পত্র", "ৎ", false).is_empty());
    }

    #[test]
    fn decomposed_and_precomposed_forms_match() {
        let text = "নয় আর নয়"; // precomposed য় (U+09DF), then য + ়
        assert_eq!(find(text, "য়", false).len(), 2);
        assert_eq!(find("কো কো", "কো", false).len(), 2); // ো and ে+া
    }

    #[test]
    fn joiners_are_ignored_and_latin_case_folds() {
        assert_eq!(find("র‌্যাব", "র্যাব", false), ["র‌্যাব"]);
        assert_eq!(find("Pathok PATHOK", "pathok", false).len(), 2);
    }

    #[test]
    fn digit_folding_is_optional() {
        assert!(find("১৯৭১ সাল", "1971", false).is_empty());
        assert_eq!(find("১৯৭১ সাল", "1971", true), ["১৯৭১"]);
        assert_eq!(find("1971 সাল", "১৯৭১", true), ["1971"]);
    }

    #[test]
    fn the_bengali_shortcut_folds_as_decomposition_and_lowercase_do() {
        for c in ('\u{0980}'..='\u{09FF}').chain(['\u{200C}', 'A', 'é', '১']) {
            for digits in [false, true] {
                let folding = Folding { digits };
                let mut fast = Vec::new();
                fold_char(c, folding, &mut |f| fast.push(f));
                let mut slow: Vec<char> = Vec::new();
                if matches!(c, '\u{200C}' | '\u{200D}') {
                } else if digits && ('০'..='৯').contains(&c) {
                    slow.push(char::from(b'0' + (c as u32 - '০' as u32) as u8));
                } else {
                    decompose_canonical(c, |d| slow.extend(d.to_lowercase()));
                }
                assert_eq!(fast, slow, "{c:?}");
            }
        }
    }

    #[test]
    fn matches_never_split_a_cluster() {
        // Searching for ক inside ক্ষ gives the whole conjunct.
        assert_eq!(find("ক্ষমা", "ক", false), ["ক্ষ"]);
    }
}
