//! brat type ids for tag names, and the configuration files that make an export
//! open in brat as it is: `annotation.conf` (the entity types) and `visual.conf`
//! (labels = the tag names, `bgColor` = the tag colours).
//!
//! brat stores types in a form that matches `^[A-Za-z0-9_-]+$` (its
//! `normalize_to_storage_form`), so a Bengali tag name cannot be a type. A tag's type
//! id is its name transliterated to ASCII (`any_ascii`: `স্থান` → `sthan`,
//! `পরিবার ও আত্মীয়` → `pribar_o_atmiy`), every run of other characters written as
//! one `_`; a name that gives nothing is `tag`. Ids are unique in codebook order: a
//! later tag whose id is taken gets `-2`, `-3`, … So the ids depend only on the
//! codebook (its names and order), not on the annotations: exporting the same
//! codebook again gives the same ids. [`HIGHLIGHT`] is the type of annotations
//! without tags and is never a tag's id.
//!
//! `visual.conf` labels are written as brat reads them (`TYPE | Label`); a name that
//! brat's grammar cannot hold as a label (`|`, tabs, `<…>`, surrounding spaces, a
//! leading `!`) is shown with look-alikes, and the exact name kept in a comment line
//! `# pathok-tag TYPE NAME` (NAME percent-encoded) that brat ignores and
//! [`tag_names`] reads.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

use crate::annotate::{Color, Tag};

/// The type of annotations without tags.
pub const HIGHLIGHT: &str = "Highlight";

/// The comment that keeps a tag's exact name in `visual.conf`.
const NAME_COMMENT: &str = "# pathok-tag ";

/// What the exact-name comment escapes: controls, space, `%`.
const NAME_ESCAPES: &AsciiSet = &CONTROLS.add(b' ').add(b'%');

/// The type ids of a codebook's tags.
#[derive(Clone, Debug, Default)]
pub struct TypeIds {
    /// (tag, id) in codebook order.
    tags: Vec<(Tag, String)>,
    by_name: HashMap<String, usize>,
}

/// The ASCII form of a tag name (before making it unique).
pub fn ascii_id(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in any_ascii::any_ascii(name).chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "tag".to_owned()
    } else {
        trimmed.to_owned()
    }
}

impl TypeIds {
    /// The ids of `tags` (codebook order; every name once).
    pub fn new(tags: &[Tag]) -> Self {
        let mut used: HashSet<String> = HashSet::from([HIGHLIGHT.to_owned()]);
        let mut out = TypeIds::default();
        for tag in tags {
            if out.by_name.contains_key(&tag.name) {
                continue;
            }
            let base = ascii_id(&tag.name);
            let mut id = base.clone();
            let mut n = 1;
            while !used.insert(id.clone()) {
                n += 1;
                id = format!("{base}-{n}");
            }
            out.by_name.insert(tag.name.clone(), out.tags.len());
            out.tags.push((tag.clone(), id));
        }
        out
    }

    /// The id of the tag `name` (a tag the codebook lacks gets its plain ASCII form).
    pub fn id(&self, name: &str) -> String {
        match self.by_name.get(name) {
            Some(&i) => self.tags[i].1.clone(),
            None => ascii_id(name),
        }
    }

    /// `annotation.conf`: every type as an entity; no relations, events or attributes.
    /// Pathok's passages may share a span (one passage, several tags, written as one
    /// `T` line per tag), nest or cross, which brat reports as errors unless an
    /// `<OVERLAP>` rule allows it: one rule allows any overlap between any types.
    pub fn annotation_conf(&self) -> String {
        let mut out = String::from(
            "# Written by Pathok: one entity type per tag (visual.conf has the tag names).\n\
             [entities]\n",
        );
        let _ = writeln!(out, "{HIGHLIGHT}");
        for (_, id) in &self.tags {
            let _ = writeln!(out, "{id}");
        }
        out.push_str(
            "\n[relations]\n\
             <OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n\
             \n[events]\n\n[attributes]\n",
        );
        out
    }

    /// `visual.conf`: labels (the tag names) and colours.
    pub fn visual_conf(&self) -> String {
        let mut out = String::from(
            "# Written by Pathok: labels are the tag names, colours the tag colours.\n\
             [labels]\n",
        );
        let _ = writeln!(out, "{HIGHLIGHT} | {HIGHLIGHT}");
        for (tag, id) in &self.tags {
            let label = label_of(&tag.name);
            if label != tag.name {
                let exact: String = utf8_percent_encode(&tag.name, NAME_ESCAPES).collect();
                let _ = writeln!(out, "{NAME_COMMENT}{id} {exact}");
            }
            let _ = writeln!(out, "{id} | {}", if label.is_empty() { id } else { &label });
        }
        out.push_str(
            "\n[drawing]\n\
             SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n\
             ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n",
        );
        let _ = writeln!(out, "{HIGHLIGHT}\tbgColor:{}", Color::default());
        for (tag, id) in &self.tags {
            let _ = writeln!(out, "{id}\tbgColor:{}", tag.color);
        }
        out
    }
}

/// A tag name as a brat label: brat splits labels at `|`, ends them at a tab, takes
/// `<…>` for a macro, strips surrounding space and a leading `!`.
fn label_of(name: &str) -> String {
    let shown: String = name
        .chars()
        .map(|c| match c {
            '|' => '¦',
            '<' => '‹',
            '>' => '›',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let shown = shown.trim();
    match shown.strip_prefix('!') {
        Some(rest) => format!("ǃ{rest}"),
        None => shown.to_owned(),
    }
}

/// The tag names of the types in a `visual.conf`: exact-name comments first, else
/// the first label after the type. [`HIGHLIGHT`] is left out (it means no tag).
pub fn tag_names(visual_conf: &str) -> HashMap<String, String> {
    let mut labels = HashMap::new();
    let mut exact = HashMap::new();
    let mut in_labels = false;
    for line in visual_conf.lines() {
        if let Some(rest) = line.strip_prefix(NAME_COMMENT) {
            if let Some((id, name)) = rest.split_once(' ') {
                let name = percent_decode_str(name.trim_end()).decode_utf8_lossy();
                exact.insert(id.to_owned(), name.into_owned());
            }
            continue;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(section) = trimmed.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            in_labels = section.trim() == "labels";
            continue;
        }
        if !in_labels {
            continue;
        }
        let terms = trimmed.split('\t').next().unwrap_or_default();
        let mut terms = terms.split('|').map(str::trim).filter(|t| !t.is_empty());
        if let (Some(id), Some(label)) = (terms.next(), terms.next())
            && id != HIGHLIGHT
        {
            labels.insert(id.trim_start_matches('!').to_owned(), label.to_owned());
        }
    }
    labels.extend(exact);
    labels
}

/// The tag name of a type written by older Pathok versions (`_` for a space, `%XX`
/// for UTF-8 bytes of reserved characters); `None` for [`HIGHLIGHT`]. Malformed
/// escapes are kept as written.
pub fn legacy_tag_of_type(ty: &str) -> Option<String> {
    if ty == HIGHLIGHT {
        return None;
    }
    let spaced = ty.replace('_', " ");
    Some(percent_decode_str(&spaced).decode_utf8_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ascii_unique_and_stable_in_codebook_order() {
        let tags: Vec<Tag> = [
            "স্থান",
            "পরিবার ও আত্মীয়",
            "Highlight",
            "a b",
            "a_b",
            "😀",
            "১০০",
        ]
        .into_iter()
        .map(Tag::named)
        .collect();
        let ids = TypeIds::new(&tags);
        let got: Vec<String> = tags.iter().map(|t| ids.id(&t.name)).collect();
        assert_eq!(
            got,
            [
                "sthan",
                "pribar_o_atmiy",
                "Highlight-2",
                "a_b",
                "a_b-2",
                "grinning",
                "100"
            ]
        );
        for id in &got {
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-".contains(c)),
                "{id}"
            );
        }
        // The same codebook gives the same ids; a new tag at the end changes none.
        let mut more = tags.clone();
        more.push(Tag::named("স্থান "));
        let again = TypeIds::new(&more);
        for t in &tags {
            assert_eq!(again.id(&t.name), ids.id(&t.name));
        }
        assert_eq!(again.id("স্থান "), "sthan-2");
    }

    #[test]
    fn labels_map_back_to_the_exact_names() {
        let tags: Vec<Tag> = ["স্থান", "a|b <c>", " !x\t", "Highlight"]
            .into_iter()
            .map(Tag::named)
            .collect();
        let ids = TypeIds::new(&tags);
        let conf = ids.visual_conf();
        assert!(conf.contains("sthan | স্থান\n"), "{conf}");
        assert!(conf.contains("a_b_c | a¦b ‹c›\n"), "{conf}");
        let names = tag_names(&conf);
        for t in &tags {
            assert_eq!(names.get(&ids.id(&t.name)), Some(&t.name), "{conf}");
        }
        assert_eq!(names.get(HIGHLIGHT), None);
    }

    #[test]
    fn legacy_types_still_read() {
        for (ty, tag) in [
            ("পরিবার_ও_আত্মীয়", "পরিবার ও আত্মীয়"),
            ("a_b%5Fc", "a b_c"),
            ("x%25y", "x%y"),
            ("%48ighlight", "Highlight"),
            ("100%25_সংস্থা", "100% সংস্থা"),
        ] {
            assert_eq!(legacy_tag_of_type(ty).as_deref(), Some(tag));
        }
        assert_eq!(legacy_tag_of_type(HIGHLIGHT), None);
    }
}
