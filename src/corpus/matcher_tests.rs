use proptest::prelude::*;

use super::*;

fn options(digits: bool, whole_word: bool, regex: bool) -> MatchOptions {
    MatchOptions {
        folding: Folding { digits },
        whole_word,
        regex,
    }
}

/// The hits of `query` in `text` as the strings they cover.
fn hits<'t>(text: &'t str, query: &str, options: MatchOptions) -> Vec<&'t str> {
    let matcher = Matcher::new(query, options).unwrap();
    matcher
        .find_all(text)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

fn plain(text: &str, query: &str) -> Vec<String> {
    hits(text, query, MatchOptions::default())
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// The simple reference: fold text and query, look at every place of the folded
/// text, map each occurrence back to the source tokens its chars come from, keep them
/// left to right when they share no character (and are whole words, if asked).
fn reference(text: &str, query: &str, options: MatchOptions) -> Vec<Range<usize>> {
    let mut folded: Vec<(char, usize, usize)> = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let mut chars = Vec::new();
        let next = fold_token(text, at, options.folding, &mut |c| chars.push(c));
        folded.extend(chars.into_iter().map(|c| (c, at, next)));
        at = next;
    }
    let q: Vec<char> = fold_query(query, options.folding).chars().collect();
    let mut out: Vec<Range<usize>> = Vec::new();
    if q.is_empty() || q.len() > folded.len() {
        return out;
    }
    for p in 0..=folded.len() - q.len() {
        let window = &folded[p..p + q.len()];
        if !window.iter().map(|f| f.0).eq(q.iter().copied()) {
            continue;
        }
        let range = window[0].1..window[q.len() - 1].2;
        let free = out.last().is_none_or(|last| range.start >= last.end);
        if free && (!options.whole_word || is_whole_word(text, &range)) {
            out.push(range);
        }
    }
    out
}

#[test]
fn khanda_ta_and_its_old_spelling_find_each_other() {
    let text = "উৎসব আর উত্\u{200D}সব";
    assert_eq!(plain(text, "ৎ"), ["ৎ", "ত্\u{200D}"]);
    assert_eq!(plain(text, "উত্\u{200D}সব"), ["উৎসব", "উত্\u{200D}সব"]);
    assert_eq!(plain(text, "উৎসব"), ["উৎসব", "উত্\u{200D}সব"]);
    // A plain ত্ in a conjunct is not ৎ, and ৎ is not ত্.
    assert!(plain("পত্র", "ৎ").is_empty());
    assert!(plain("উত্\u{200D}সব", "ত্").is_empty());
}

#[test]
fn joiners_are_ignored_on_both_sides() {
    let with_zwnj = "র‌্যাব সদস্য";
    let with_zwj = "র‍্যাব সদস্য";
    let without = "র্যাব সদস্য";
    for text in [with_zwnj, with_zwj, without] {
        for query in ["র‌্যাব", "র‍্যাব", "র্যাব"] {
            let found = plain(text, query);
            assert_eq!(found.len(), 1, "{query:?} in {text:?}");
            // The hit is exactly the original characters, joiner included.
            assert_eq!(found[0], text.split(' ').next().unwrap());
        }
    }
    // Joiners at the edges of a hit are not part of it.
    assert_eq!(plain("\u{200C}ক\u{200D}", "ক"), ["ক"]);
}

#[test]
fn precomposed_and_decomposed_forms_find_each_other() {
    let pairs = [
        ("\u{09DF}", "\u{09AF}\u{09BC}"), // য় = য + ়
        ("\u{09CB}", "\u{09C7}\u{09BE}"), // ো = ে + া
        ("\u{09CC}", "\u{09C7}\u{09D7}"), // ৌ = ে + ৗ
        ("\u{09DC}", "\u{09A1}\u{09BC}"), // ড় = ড + ়
    ];
    for (composed, decomposed) in pairs {
        let word_c = format!("ক{composed}র");
        let word_d = format!("ক{decomposed}র");
        let text = format!("{word_c} {word_d}");
        for query in [&word_c, &word_d] {
            assert_eq!(
                plain(&text, query),
                [word_c.clone(), word_d.clone()],
                "query {query:?}"
            );
        }
    }
    // Real words: কোরিয়া typed with and without the precomposed letters.
    let text = "উত্তর কোরিয়া আর কোরিয়া";
    assert_eq!(plain(text, "কোরিয়া"), ["কোরিয়া", "কোরিয়া"]);
    assert_eq!(plain(text, "কোরিয়া"), ["কোরিয়া", "কোরিয়া"]);
}

#[test]
fn a_hit_inside_a_decomposition_covers_the_whole_character() {
    // ে is the first half of ো: the hit is the ো it is part of.
    assert_eq!(plain("কো", "ে"), ["ো"]);
    assert_eq!(plain("কো", "া"), ["ো"]);
    assert_eq!(plain("\u{09DF}", "\u{09BC}"), ["\u{09DF}"]);
    // Inflection: the query is a prefix of the word.
    assert_eq!(plain("অধিকারের অধিকার", "অধিকার"), ["অধিকার", "অধিকার"]);
}

#[test]
fn latin_is_case_insensitive_both_ways_and_digits_fold_only_when_asked() {
    assert_eq!(plain("Pathok PATHOK pathok", "pAtHoK").len(), 3);
    assert_eq!(plain("Café CAFE\u{301}", "café"), ["Café", "CAFE\u{301}"]);
    assert_eq!(plain("\u{212A}elvin", "kelvin"), ["\u{212A}elvin"]);
    assert!(plain("১৯৭১ সাল", "1971").is_empty());
    let digits = options(true, false, false);
    assert_eq!(hits("১৯৭১ সাল, 1971", "1971", digits), ["১৯৭১", "1971"]);
    assert_eq!(hits("১৯৭১ সাল, 1971", "১৯৭১", digits), ["১৯৭১", "1971"]);
    assert_eq!(hits("১9৭1", "১৯৭১", digits), ["১9৭1"]);
}

#[test]
fn hits_do_not_overlap_and_come_left_to_right() {
    assert_eq!(plain("আআআআআ", "আআ"), ["আআ", "আআ"]);
    let text = "কথা কথা";
    let found = Matcher::new("কথা", MatchOptions::default())
        .unwrap()
        .find_all(text);
    assert_eq!(found, [0..9, 10..19]);
}

#[test]
fn whole_words_are_not_next_to_a_letter_a_mark_or_a_joiner() {
    let whole = options(false, true, false);
    let text = "অধিকার অধিকারের মানবাধিকার (অধিকার)";
    assert_eq!(hits(text, "অধিকার", whole), ["অধিকার", "অধিকার"]);
    // A vowel sign or hasanta after the match is part of the word.
    assert!(hits("কর্ম", "কর", whole).is_empty());
    assert!(hits("করে", "কর", whole).is_empty());
    // A joiner inside the word.
    assert!(hits("র‌্যাব", "র", whole).is_empty());
    // Punctuation (দাঁড়ি) and digits.
    assert_eq!(hits("তিনি বলেন। তিনি", "তিনি", whole).len(), 2);
    assert!(hits("abc1", "abc", whole).is_empty());
    // A failed whole-word place does not hide a later good one.
    assert_eq!(hits("কথাকথা কথা", "কথা", whole), ["কথা"]);
}

#[test]
fn regular_expressions_run_on_the_folded_text() {
    let re = options(false, false, true);
    let text = "কোরিয়া আর কোরিয়া, KOREA";
    // The literal কো in the expression is folded, so it finds both spellings.
    assert_eq!(hits(text, "কো\\S+", re), ["কোরিয়া", "কোরিয়া,"]);
    assert_eq!(hits(text, "korea|kor", re), ["KOREA"]);
    assert_eq!(hits("১৯৭১ 1971", "\\d{4}", re), ["১৯৭১", "1971"]);
    let whole = options(false, true, true);
    assert_eq!(hits("অধিকারের অধিকার", "অধি\\S*", whole).len(), 2);
    assert_eq!(hits("অধিকারের অধিকার", "অধিকার", whole), ["অধিকার"]);
    assert!(matches!(
        Matcher::new("(unclosed", re),
        Err(QueryError::Syntax { column: 1, .. })
    ));
    assert!(matches!(Matcher::new("", re), Err(QueryError::Empty)));
    assert!(matches!(
        Matcher::new("\u{200D}", MatchOptions::default()),
        Err(QueryError::Empty)
    ));
}

#[test]
fn joiner_windows_find_hits_that_hold_joiners_far_into_a_long_text() {
    let filler = "অনেক কথা ".repeat(500);
    let text = format!("{filler}র‌্যাব {filler}র্যাব {filler}র\u{200D}\u{200C}্যাব");
    let found = plain(&text, "র্যাব");
    assert_eq!(found, ["র‌্যাব", "র্যাব", "র\u{200D}\u{200C}্যাব"]);
}

fn alphabet() -> impl Strategy<Value = char> {
    prop_oneof![
        Just('ক'),
        Just('র'),
        Just('ত'),
        Just('্'),
        Just('ৎ'),
        Just('\u{200D}'),
        Just('\u{200C}'),
        Just('\u{09CB}'),
        Just('\u{09C7}'),
        Just('\u{09BE}'),
        Just('\u{09CC}'),
        Just('\u{09D7}'),
        Just('\u{09DF}'),
        Just('\u{09AF}'),
        Just('\u{09BC}'),
        Just('a'),
        Just('A'),
        Just('\u{212A}'),
        Just('k'),
        Just('é'),
        Just('e'),
        Just('\u{301}'),
        Just('১'),
        Just('1'),
        Just(' '),
        Just('\n'),
    ]
}

fn text_of(len: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    proptest::collection::vec(alphabet(), len).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn hits_agree_with_the_reference_scan(
        text in text_of(0..60),
        query in text_of(1..5),
        cut in any::<proptest::sample::Index>(),
        from_text in any::<bool>(),
        digits in any::<bool>(),
        whole_word in any::<bool>(),
    ) {
        // Half the queries are pieces of the text, so that there are hits to find.
        let query = if from_text && !text.is_empty() {
            let chars: Vec<char> = text.chars().collect();
            let start = cut.index(chars.len());
            chars[start..(start + query.chars().count()).min(chars.len())].iter().collect()
        } else {
            query
        };
        let options = options(digits, whole_word, false);
        let Ok(matcher) = Matcher::new(&query, options) else {
            prop_assert!(fold_query(&query, options.folding).is_empty());
            return Ok(());
        };
        let found = matcher.find_all(&text);
        let expected = reference(&text, &query, options);
        prop_assert_eq!(&found, &expected, "query {:?} in {:?}", query, text);
        // Every hit is the exact original characters, and folds to hold the query.
        for r in &found {
            let folded_hit = fold_query(&text[r.clone()], options.folding);
            prop_assert!(folded_hit.contains(&fold_query(&query, options.folding)));
        }
    }

    #[test]
    fn a_literal_regex_finds_what_the_plain_query_finds_in_decomposed_text(
        text in text_of(0..60),
        query in "[করতaো]{1,3}",
    ) {
        let plain_hits = Matcher::new(&query, MatchOptions::default()).unwrap().find_all(&text);
        let regex_hits = Matcher::new(&regex::escape(&query), options(false, false, true))
            .unwrap()
            .find_all(&text);
        prop_assert_eq!(plain_hits, regex_hits);
    }
}
