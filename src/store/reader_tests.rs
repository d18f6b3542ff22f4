use std::path::Path;

use proptest::prelude::*;

use super::*;
use crate::store::format::{parse_sidecar, parse_sidecar_with_ron, to_ron};
use crate::store::strategies::sidecar;

/// What `parse_sidecar` makes of `text`, with the fast path and with `ron` alone.
fn both_ways(text: &str) -> (Result<SidecarFile, String>, Result<SidecarFile, String>) {
    let path = Path::new("x.ron");
    (
        parse_sidecar(text.as_bytes(), path).map_err(|e| e.to_string()),
        parse_sidecar_with_ron(text.as_bytes(), path).map_err(|e| e.to_string()),
    )
}

/// Snippets that, dropped into a sidecar, make it something the writer never writes.
const SNIPPETS: &[&str] = &[
    " ",
    "\n",
    "\r\n",
    "\t",
    "\\",
    "\"",
    ",",
    "'",
    "// comment\n",
    "/* c */",
    "\\x41",
    "\\xe0\\xa6\\x95",
    "\\u{41}",
    "\\u{9BE}",
    "\\u{0009be}",
    "\\u{D800}",
    "\\u{110000}",
    "\\u{}",
    "\\u{1234567}",
    "\\\n    ",
    "\\q",
    "0",
    "9",
    "+1",
    "1_0",
    "-",
    "r\"x\"",
    "r#\"x\"#",
    "(",
    ")",
    "[",
    "]",
    "    mood: 1,\n",
    "Some(",
    "Z",
    "z",
    "t",
    "+05:30",
    "60",
    "#",
    "anchored",
    "moved,\n",
    "\u{feff}",
    "ক",
];

#[derive(Clone, Debug)]
enum Mutation {
    Insert(prop::sample::Index, &'static str),
    Delete(prop::sample::Index, usize),
    DuplicateLine(prop::sample::Index),
    SwapLines(prop::sample::Index, prop::sample::Index),
    Uppercase(prop::sample::Index, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<prop::sample::Index>;
    prop_oneof![
        (index(), prop::sample::select(SNIPPETS)).prop_map(|(i, s)| Mutation::Insert(i, s)),
        (index(), 1usize..24).prop_map(|(i, n)| Mutation::Delete(i, n)),
        index().prop_map(Mutation::DuplicateLine),
        (index(), index()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (index(), 1usize..40).prop_map(|(i, n)| Mutation::Uppercase(i, n)),
    ]
}

/// The char boundary at or before byte `i`.
fn boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut s = text.to_owned();
    match m {
        Mutation::Insert(i, snippet) => {
            let at = boundary(&s, i.index(s.len() + 1));
            s.insert_str(at, snippet);
        }
        Mutation::Delete(i, n) => {
            let from = boundary(&s, i.index(s.len() + 1));
            let to = boundary(&s, from + n);
            s.replace_range(from..to, "");
        }
        Mutation::DuplicateLine(i) => {
            let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
            let at = i.index(lines.len());
            lines.insert(at, lines[at]);
            s = lines.concat();
        }
        Mutation::SwapLines(a, b) => {
            let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
            let (a, b) = (a.index(lines.len()), b.index(lines.len()));
            lines.swap(a, b);
            s = lines.concat();
        }
        Mutation::Uppercase(i, n) => {
            let from = boundary(&s, i.index(s.len() + 1));
            let to = boundary(&s, from + n);
            let upper = s[from..to].to_ascii_uppercase();
            s.replace_range(from..to, &upper);
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_fast_path_reads_what_the_writer_writes(file in sidecar()) {
        let text = to_ron(&file).unwrap();
        let fast = parse_fast(&text);
        prop_assert_eq!(fast.as_ref(), Some(&file));
        let by_ron = ron::from_str::<SidecarFile>(&text).unwrap();
        prop_assert_eq!(&by_ron, &file);
    }

    #[test]
    fn what_the_fast_path_accepts_ron_accepts_identically(
        file in sidecar(),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let mut text = to_ron(&file).unwrap();
        for m in &mutations {
            text = apply(&text, m);
        }
        if let Some(fast) = parse_fast(&text) {
            let by_ron = ron::from_str::<SidecarFile>(&text);
            prop_assert_eq!(by_ron.as_ref().ok(), Some(&fast), "{:?}\n{}", by_ron, text);
        }
        // Whichever way it goes, the outcome (value or error, with its line and column)
        // is the one `ron` alone gives.
        let (with_fast_path, ron_only) = both_ways(&text);
        prop_assert_eq!(with_fast_path, ron_only, "{}", text);
    }

    #[test]
    fn hand_parsed_timestamps_agree_with_from_str(
        s in "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z",
    ) {
        if let Some(t) = parse_timestamp(&s) {
            prop_assert_eq!(Ok(t), s.parse::<Timestamp>().map_err(|e| e.to_string()));
        }
    }

    #[test]
    fn valid_timestamps_are_hand_parsed(
        s in "(0[0-9]|19|20|99)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\\.[0-9]{3}Z",
    ) {
        let fast = parse_timestamp(&s);
        let slow = s.parse::<Timestamp>().ok();
        prop_assert_eq!(fast, slow);
        if let Some(t) = fast {
            prop_assert_eq!(t.to_string(), s);
        }
    }
}

#[test]
fn odd_timestamps_are_left_to_from_str() {
    for s in [
        "2024-02-29T23:59:59.999Z",
        "2023-02-29T00:00:00.000Z",
        "0000-01-01T00:00:00.000Z",
        "9999-12-31T23:59:59.999Z",
        "2016-12-31T23:59:60.000Z",
        "2025-03-01T09:30:00Z",
        "2025-03-01T09:30:00.1234Z",
        "2025-03-01t09:30:00.123z",
        "2025-03-01T09:30:00.123+05:30",
    ] {
        if let Some(t) = parse_timestamp(s) {
            assert_eq!(Ok(t), s.parse::<Timestamp>(), "{s}");
        }
    }
    assert!(parse_timestamp("2025-03-01T09:30:00.123+05:30").is_none());
    assert!(parse_timestamp("2016-12-31T23:59:60.000Z").is_none());
}

fn sample_text() -> (SidecarFile, String) {
    let file = proptest::strategy::ValueTree::current(
        &sidecar()
            .new_tree(&mut proptest::test_runner::TestRunner::deterministic())
            .unwrap(),
    );
    let mut file = file;
    file.note = "নোট \"quoted\" \\ back".to_owned();
    let text = to_ron(&file).unwrap();
    (file, text)
}

#[test]
fn hand_edited_files_go_to_ron_and_read_the_same() {
    let (file, text) = sample_text();
    let variants = [
        format!("// my notes\n{text}"),
        text.replace("\n    ", "\n  "),
        text.replace('\n', "\r\n"),
        text.replace(",\n", ", \n"),
        text.trim_end().to_owned(),
        format!("{text}\n\n"),
        text.replace("\\\\ back", "\\x5c back"),
        text.replace("    format: ", "    format:"),
        text.replacen("note: \"নোট", "note: \"\\\n        নোট", 1),
    ];
    for v in &variants {
        assert!(parse_fast(v).is_none(), "{v}");
        let (with_fast_path, ron_only) = both_ways(v);
        assert_eq!(with_fast_path, ron_only, "{v}");
        assert_eq!(with_fast_path.as_ref(), Ok(&file), "{v}");
    }
    // Other `\u{…}` escapes than the writer's are decoded directly, as `ron` does.
    for v in [
        text.replace("\\\\ back", "\\u{5C} back"),
        text.replace("\\\"quoted\\\"", "\\u{22}quoted\\u{0022}"),
    ] {
        assert_eq!(parse_fast(&v).as_ref(), Some(&file), "{v}");
        assert_eq!(ron::from_str::<SidecarFile>(&v).ok().as_ref(), Some(&file));
    }
}

#[test]
fn files_the_fast_path_refuses_still_get_ron_errors() {
    let (_, text) = sample_text();
    let broken = text.replacen("    note: ", "    note: [", 1);
    assert!(parse_fast(&broken).is_none());
    let err = parse_sidecar(broken.as_bytes(), Path::new("a.ron")).unwrap_err();
    let line = broken.lines().position(|l| l.contains("note: [")).unwrap() + 1;
    assert!(
        matches!(err, crate::store::StoreError::Parse { line: l, .. } if l == line),
        "{err}"
    );
    let extra = text.replacen("    note: ", "    mood: \"sunny\",\n    note: ", 1);
    let err = parse_sidecar(extra.as_bytes(), Path::new("a.ron")).unwrap_err();
    assert!(err.to_string().contains("mood"), "{err}");
}
