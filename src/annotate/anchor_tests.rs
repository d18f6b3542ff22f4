use proptest::prelude::*;

use super::*;
use crate::annotate::testing::annotated;
use crate::annotate::{Annotation, Timestamp};

fn outcome_of(old_notation: &str, new_text: &str) -> (AnchorOutcome, Annotation) {
    let (_, mut set) = annotated(old_notation);
    let text = SourceText::new(new_text.to_owned());
    let report = reanchor(&text, &mut set);
    let a = set.iter().next().unwrap().clone();
    (report.outcomes[0].1.clone(), a)
}

const PARA: &str = "ঢাকার আকাশে আজ মেঘ জমেছে, দুপুরের পর বৃষ্টি হতে পারে বলে জানিয়েছে আবহাওয়া অফিস।";

#[test]
fn unchanged_text_stays_anchored() {
    let notation = PARA.replace("বৃষ্টি", "[বৃষ্টি]");
    let (outcome, a) = outcome_of(&notation, PARA);
    assert_eq!(outcome, AnchorOutcome::Anchored);
    assert_eq!(a.status, Status::Anchored);
}

#[test]
fn text_inserted_before_moves_the_annotation() {
    let notation = PARA.replace("বৃষ্টি", "[বৃষ্টি]");
    let new = format!("শিরোনাম: আবহাওয়া\n{PARA}");
    let (outcome, a) = outcome_of(&notation, &new);
    let AnchorOutcome::Moved { to, edits: 0, .. } = outcome else {
        panic!("expected a move, got {outcome:?}");
    };
    assert_eq!(SourceText::new(new).slice(to), "বৃষ্টি");
    assert_eq!(a.status, Status::Moved);
}

#[test]
fn a_small_correction_inside_the_quote_is_found_by_fuzzy_match() {
    let notation = PARA.replace("দুপুরের পর বৃষ্টি হতে", "[দুপুরের পর বৃষ্টি হতে]");
    let new = PARA.replace("দুপুরের পর", "দুপুরের পরে");
    let (outcome, a) = outcome_of(&notation, &new);
    assert!(
        matches!(outcome, AnchorOutcome::Moved { edits: 1, .. }),
        "{outcome:?}"
    );
    assert_eq!(a.quote, "দুপুরের পরে বৃষ্টি হতে");
}

#[test]
fn a_deleted_passage_is_orphaned_and_keeps_its_quote() {
    let notation = PARA.replace("দুপুরের পর বৃষ্টি", "[দুপুরের পর বৃষ্টি]");
    let new = PARA.replace("দুপুরের পর বৃষ্টি হতে পারে বলে ", "");
    let (outcome, a) = outcome_of(&notation, &new);
    assert!(
        matches!(outcome, AnchorOutcome::Orphaned { .. }),
        "{outcome:?}"
    );
    assert_eq!(
        (a.status, a.quote.as_str()),
        (Status::Orphaned, "দুপুরের পর বৃষ্টি")
    );
}

#[test]
fn a_duplicated_paragraph_makes_its_annotations_ambiguous() {
    // বৃষ্টি has more than 32 chars of context on both sides, so both copies fit; the
    // title added in front moves both away from the old position.
    let notation = PARA.replace("বৃষ্টি", "[বৃষ্টি]");
    let (outcome, a) = outcome_of(&notation, &format!("শিরোনাম\n{PARA}\n{PARA}"));
    assert_eq!(
        outcome,
        AnchorOutcome::Orphaned {
            reason: OrphanReason::Ambiguous { candidates: 2 }
        }
    );
    assert_eq!(a.quote, "বৃষ্টি");
}

#[test]
fn a_lone_word_whose_context_is_gone_is_not_guessed() {
    let (outcome, _) = outcome_of("[মেঘ]", "আজ মেঘ এবং কাল মেঘ");
    assert!(
        matches!(outcome, AnchorOutcome::Orphaned { .. }),
        "{outcome:?}"
    );
}

/// Words repeat (so short quotes are ambiguous) but longer passages rarely do, as in
/// real prose.
const WORDS: [&str; 40] = [
    "আমি",
    "বাংলা",
    "বই",
    "পড়ি",
    "ক্ষমা",
    "ন্ত্র",
    "সরকার",
    "নদী",
    "বৃষ্টি",
    "কৃষক",
    "শিক্ষা",
    "স্বাস্থ্য",
    "রাজনীতি",
    "গ্রাম",
    "শহর",
    "মানুষ",
    "খবর",
    "আজ",
    "কাল",
    "দেশ",
    "ঢাকা",
    "মেঘ",
    "আকাশ",
    "দুপুর",
    "সন্ধ্যা",
    "বাজার",
    "চাল",
    "দাম",
    "বেড়েছে",
    "কমেছে",
    "মন্ত্রী",
    "বলেছেন",
    "জানিয়েছে",
    "পুলিশ",
    "ছাত্র",
    "বিশ্ববিদ্যালয়",
    "নির্বাচন",
    "ভোট",
    "😀",
    "e-mail",
];

fn words(range: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (
            0..WORDS.len(),
            prop_oneof![4 => Just(" "), 1 => Just("। "), 1 => Just("\n")],
        ),
        range,
    )
    .prop_map(|ws| {
        ws.into_iter()
            .map(|(w, sep)| format!("{}{sep}", WORDS[w]))
            .collect()
    })
}

/// An edit of the text: at char `at` (scaled to the text), delete `delete` chars and
/// insert `insert`.
#[derive(Clone, Debug)]
struct TextEdit {
    at: f64,
    delete: usize,
    insert: String,
}

fn edits() -> impl Strategy<Value = Vec<TextEdit>> {
    proptest::collection::vec(
        (0.0..=1.0f64, 0usize..12, words(0..4)).prop_map(|(at, delete, insert)| TextEdit {
            at,
            delete,
            insert,
        }),
        1..5,
    )
}

/// Where an annotation's chars went: its range and whether quote and context survived.
#[derive(Clone, Copy, Debug)]
struct Tracked {
    start: usize,
    end: usize,
    quote_intact: bool,
    context_intact: bool,
}

fn apply_edit(text: &mut Vec<char>, tracked: &mut [Tracked], e: &TextEdit) {
    let p = ((e.at * text.len() as f64) as usize).min(text.len());
    let d = e.delete.min(text.len() - p);
    let ins: Vec<char> = e.insert.chars().collect();
    let n = ins.len();
    for t in tracked.iter_mut() {
        let touches_quote = if d == 0 {
            t.start < p && p < t.end
        } else {
            p < t.end && p + d > t.start
        };
        t.quote_intact &= !touches_quote;
        t.context_intact &= !(p <= t.end + CONTEXT_CHARS && p + d + CONTEXT_CHARS >= t.start);
        let map_start = |x: usize| match x {
            x if x < p => x,
            x if x >= p + d => x - d + n,
            _ => p,
        };
        let map_end = |x: usize| match x {
            x if x <= p => x,
            x if x >= p + d => x - d + n,
            _ => p + n,
        };
        t.start = map_start(t.start);
        t.end = map_end(t.end).max(t.start);
    }
    text.splice(p..p + d, ins);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn reanchoring_never_lands_on_wrong_text(
        original in words(20..120),
        spans in proptest::collection::vec((0.0..1.0f64, 1usize..30), 1..6),
        script in edits(),
    ) {
        let text = SourceText::new(original.clone());
        let now = Timestamp::now();
        let annotations: Vec<Annotation> = spans
            .iter()
            .filter_map(|&(at, len)| {
                let s = (at * text.char_len() as f64) as usize;
                Annotation::new(&text, CharRange::new(s, (s + len).min(text.char_len())), now)
            })
            .collect();
        let mut set = AnnotationSet::new(annotations, Vec::new());
        let mut tracked: Vec<Tracked> = set
            .iter()
            .map(|a| Tracked { start: a.start.0, end: a.end.0, quote_intact: true, context_intact: true })
            .collect();
        let quotes: Vec<String> = set.iter().map(|a| a.quote.clone()).collect();
        let mut chars: Vec<char> = original.chars().collect();
        for e in &script {
            apply_edit(&mut chars, &mut tracked, e);
        }
        let new_text = SourceText::new(chars.into_iter().collect());
        let report = reanchor(&new_text, &mut set);
        for (i, (id, outcome)) in report.outcomes.iter().enumerate() {
            let t = tracked[i];
            let now_a = set.get(*id).unwrap();
            let truth = CharRange::new(t.start, t.end);
            let landed = match outcome {
                AnchorOutcome::Anchored => Some(now_a.range()),
                AnchorOutcome::Moved { to, .. } => Some(*to),
                AnchorOutcome::Orphaned { .. } => None,
            };
            if t.quote_intact && t.context_intact {
                prop_assert_eq!(landed, Some(truth), "quote {:?} lost: {:?}", &quotes[i], outcome);
            }
            if let Some(to) = landed {
                if t.quote_intact {
                    prop_assert_eq!(to, truth, "quote {:?} anchored elsewhere", &quotes[i]);
                } else {
                    prop_assert!(
                        to.start.0 <= t.end && to.end.0 >= t.start,
                        "damaged quote {:?} anchored at {:?}, far from {:?}", &quotes[i], to, truth
                    );
                }
                prop_assert_eq!(new_text.slice(to), now_a.quote.as_str());
            }
        }
    }
}
