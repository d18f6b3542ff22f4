//! "Code all hits": the annotations that tag the hits of a corpus search in one
//! article, made the same way wherever the article is (open in the reader, or changed
//! through its sidecar).

use crate::annotate::{Annotation, Color, Timestamp};
use crate::text::{CharRange, SourceText};

/// A hit to tag: its range in the canonical text and the text it matched then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HitToCode {
    /// Where the hit is.
    pub range: CharRange,
    /// What the search found there; a hit whose text changed since is skipped.
    pub matched: String,
}

/// What [`code_hits`] made of the hits of one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coded {
    /// New annotations, one per hit, in the order of the hits.
    pub added: Vec<Annotation>,
    /// Hits already carrying the tag (an annotation of the same range, by the same
    /// coder, with the tag): left as they are, so coding twice adds nothing.
    pub already: usize,
    /// Hits whose text is no longer what was found (the article changed since the
    /// search): left alone.
    pub changed: usize,
}

/// The annotations that tag each of `hits` in `text` with `tag` (in `color`, by
/// `author`), next to the `existing` annotations.
pub fn code_hits(
    text: &SourceText,
    existing: &[Annotation],
    hits: &[HitToCode],
    tag: &str,
    color: Color,
    author: &str,
    now: Timestamp,
) -> Coded {
    let mut coded = Coded::default();
    for hit in hits {
        if hit.range.end.0 > text.char_len() || text.slice(hit.range) != hit.matched {
            coded.changed += 1;
            continue;
        }
        let done = existing.iter().chain(&coded.added).any(|a| {
            (a.start, a.end) == (hit.range.start, hit.range.end)
                && a.author == author
                && a.tags.iter().any(|t| t == tag)
        });
        if done {
            coded.already += 1;
            continue;
        }
        match Annotation::new(text, hit.range, now) {
            Some(mut a) => {
                a.tags = vec![tag.to_owned()];
                a.color = color;
                a.author = author.to_owned();
                coded.added.push(a);
            }
            None => coded.changed += 1,
        }
    }
    coded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(text: &SourceText, needle: &str, nth: usize) -> HitToCode {
        let byte = text.as_str().match_indices(needle).nth(nth).unwrap().0;
        let start = text.as_str()[..byte].chars().count();
        HitToCode {
            range: CharRange::new(start, start + needle.chars().count()),
            matched: needle.to_owned(),
        }
    }

    #[test]
    fn each_hit_becomes_a_tagged_annotation_once_and_changed_text_is_left_alone() {
        let text = SourceText::new("নতুন বই এল, বইয়ের দাম বাড়ল।".to_owned());
        let hits = [hit(&text, "বই", 0), hit(&text, "বই", 1)];
        let now = Timestamp::now();
        let first = code_hits(&text, &[], &hits, "প্রকাশনা", Color::HIGHLIGHT, "rina", now);
        assert_eq!(first.added.len(), 2);
        assert!(
            first
                .added
                .iter()
                .all(|a| a.quote == "বই" && a.tags == ["প্রকাশনা"] && a.author == "rina")
        );
        // Coding again (or a hit listed twice) adds nothing.
        let again = code_hits(
            &text,
            &first.added,
            &hits,
            "প্রকাশনা",
            Color::HIGHLIGHT,
            "rina",
            now,
        );
        assert_eq!((again.added.len(), again.already), (0, 2));
        // Another coder's coding of the same place is theirs: this one is added.
        let other = code_hits(
            &text,
            &first.added,
            &hits[..1],
            "প্রকাশনা",
            Color::HIGHLIGHT,
            "karim",
            now,
        );
        assert_eq!(other.added.len(), 1);
        // A hit whose text changed since the search, or past the end, is skipped.
        let stale = HitToCode {
            range: CharRange::new(0, 4),
            matched: "বই".to_owned(),
        };
        let gone = HitToCode {
            range: CharRange::new(100, 102),
            matched: "বই".to_owned(),
        };
        let skipped = code_hits(
            &text,
            &[],
            &[stale, gone],
            "প্রকাশনা",
            Color::HIGHLIGHT,
            "rina",
            now,
        );
        assert_eq!((skipped.added.len(), skipped.changed), (0, 2));
    }
}
