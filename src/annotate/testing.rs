//! Test notation: `"আমি [বাংলা] পড়ি"` is the text `আমি বাংলা পড়ি` with one annotation
//! over `বাংলা`. Brackets may nest.

use super::{Annotation, AnnotationSet, Timestamp};
use crate::text::{CharRange, SourceText};

/// Parse the notation into a text and a set of annotations (ids random).
pub(crate) fn annotated(notation: &str) -> (SourceText, AnnotationSet) {
    let mut text = String::new();
    let mut open = Vec::new();
    let mut ranges = Vec::new();
    let mut at = 0;
    for c in notation.chars() {
        match c {
            '[' => open.push(at),
            ']' => ranges.push(CharRange::new(open.pop().expect("unbalanced ]"), at)),
            c => {
                text.push(c);
                at += 1;
            }
        }
    }
    let text = SourceText::new(text);
    let now = Timestamp::now();
    let annotations = ranges
        .into_iter()
        .map(|r| Annotation::new(&text, r, now).expect("empty range"))
        .collect();
    (text, AnnotationSet::new(annotations, Vec::new()))
}
