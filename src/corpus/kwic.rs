//! The concordance (KWIC: key word in context): hits as lines of left context | match |
//! right context, sorted by article or, as AntConc does, by the words before or after
//! the match; and its plain-text form, aligned on the match for a terminal.

use std::io::{self, Write};

use unicode_segmentation::UnicodeSegmentation as _;
use unicode_width::UnicodeWidthStr as _;

use super::search::{ArticleHits, Hit};
use crate::text::{Folding, fold_query};

/// How many words before or after the match a sort compares (1L, 2L, 3L as AntConc).
const SORT_WORDS: usize = 3;

/// The order of concordance lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum KwicOrder {
    /// Articles in the order searched, hits left to right.
    #[default]
    Article,
    /// By the word just before the match, then the one before it, … (folded).
    WordBefore,
    /// By the word just after the match, then the next, … (folded).
    WordAfter,
}

/// The lines of `results` in `order`, as (article index, hit index) pairs. Ties keep
/// the article order, so sorting is stable and cheap to redo on a click.
pub fn kwic_order(results: &[ArticleHits], order: KwicOrder) -> Vec<(usize, usize)> {
    let mut lines: Vec<(usize, usize)> = results
        .iter()
        .enumerate()
        .flat_map(|(a, r)| (0..r.hits.len()).map(move |h| (a, h)))
        .collect();
    if order == KwicOrder::Article {
        return lines;
    }
    let keys: Vec<Vec<String>> = lines
        .iter()
        .map(|&(a, h)| sort_words(&results[a].hits[h], order))
        .collect();
    let mut indexed: Vec<usize> = (0..lines.len()).collect();
    indexed.sort_by(|&x, &y| keys[x].cmp(&keys[y]));
    lines = indexed.into_iter().map(|i| lines[i]).collect();
    lines
}

/// The folded words a line sorts by: before the match nearest first, or after it.
fn sort_words(hit: &Hit, order: KwicOrder) -> Vec<String> {
    let fold = |w: &str| fold_query(w, Folding::default());
    match order {
        KwicOrder::WordBefore => hit
            .left
            .unicode_words()
            .rev()
            .take(SORT_WORDS)
            .map(fold)
            .collect(),
        KwicOrder::WordAfter => hit
            .right
            .unicode_words()
            .take(SORT_WORDS)
            .map(fold)
            .collect(),
        KwicOrder::Article => Vec::new(),
    }
}

/// Newlines and tabs as spaces, so that a context stays on its line.
pub fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A left context without the vowel signs or marks of a letter that was cut off at
/// its start (they would show on a dotted circle).
pub fn without_cut_marks(s: &str) -> &str {
    s.trim_start_matches(|c| {
        unicode_normalization::char::is_combining_mark(c) || matches!(c, '\u{200C}' | '\u{200D}')
    })
}

/// Write the lines as an aligned concordance: `label  left  match  right`, the left
/// contexts right-aligned and the matches in one column, widths measured as a
/// terminal shows them (Bengali vowel signs and hasanta take no column). Line breaks
/// in contexts show as spaces; marks left over from a letter cut off at the start of
/// a left context are dropped.
pub fn write_kwic_text(out: &mut dyn Write, lines: &[(String, &Hit)]) -> io::Result<()> {
    let rows: Vec<(String, String, String, &str)> = lines
        .iter()
        .map(|(label, hit)| {
            (
                one_line(without_cut_marks(&hit.left)),
                one_line(&hit.matched),
                one_line(&hit.right),
                label.as_str(),
            )
        })
        .collect();
    let width = |f: fn(&(String, String, String, &str)) -> usize| rows.iter().map(f).max();
    let label_w = width(|r| r.3.width()).unwrap_or(0);
    let left_w = width(|r| r.0.width()).unwrap_or(0);
    let match_w = width(|r| r.1.width()).unwrap_or(0);
    for (left, matched, right, label) in &rows {
        let pad = |s: &str, w: usize| " ".repeat(w.saturating_sub(s.width()));
        writeln!(
            out,
            "{label}{}  {}{left}  {matched}{}  {right}",
            pad(label, label_w),
            pad(left, left_w),
            pad(matched, match_w),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{ByteOffset, CharOffset, Utf16Offset};

    fn hit(left: &str, matched: &str, right: &str) -> Hit {
        Hit {
            start: CharOffset(0),
            end: CharOffset(0),
            start_utf16: Utf16Offset(0),
            end_utf16: Utf16Offset(0),
            start_byte: ByteOffset(0),
            end_byte: ByteOffset(0),
            matched: matched.into(),
            left: left.into(),
            right: right.into(),
        }
    }

    #[test]
    fn lines_sort_by_article_by_word_before_and_by_word_after() {
        let results = vec![
            ArticleHits {
                path: "a.txt".into(),
                hits: vec![hit("গ x ", "অধিকার", " খ"), hit("ক ", "অধিকার", " গ")],
            },
            ArticleHits {
                path: "b.txt".into(),
                hits: vec![hit("Beta ", "অধিকার", " ক")],
            },
        ];
        assert_eq!(
            kwic_order(&results, KwicOrder::Article),
            [(0, 0), (0, 1), (1, 0)]
        );
        // Before: "beta" < "x" < "ক" (folded: case does not matter).
        assert_eq!(
            kwic_order(&results, KwicOrder::WordBefore),
            [(1, 0), (0, 0), (0, 1)]
        );
        assert_eq!(
            kwic_order(&results, KwicOrder::WordAfter),
            [(1, 0), (0, 0), (0, 1)]
        );
    }

    #[test]
    fn the_text_form_aligns_matches_by_display_width() {
        let h1 = hit("\u{09BF}অনেক কিছু\nবলা ", "কোরিয়া", " সফর");
        let h2 = hit("ab ", "Korea", " trip");
        let lines = vec![("a.txt:3".to_owned(), &h1), ("bb.txt:10".to_owned(), &h2)];
        let mut out = Vec::new();
        write_kwic_text(&mut out, &lines).unwrap();
        let text = String::from_utf8(out).unwrap();
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows.len(), 2, "newlines in contexts do not break lines");
        assert!(rows[0].contains("  অনেক কিছু বলা  "), "{}", rows[0]);
        // The match starts at the same display column on every line.
        let column = |row: &str, m: &str| row[..row.find(m).unwrap()].width();
        assert_eq!(column(rows[0], "কোরিয়া"), column(rows[1], "Korea"));
        assert_eq!(column(rows[0], "সফর"), column(rows[1], "trip"));
    }
}
