//! The annotation model: [`Annotation`], [`Tag`], [`Codebook`], colours and timestamps.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use crate::picture::PixelRect;
use crate::text::{CharOffset, CharRange, SourceText, snap_range};
use crate::tr;

/// How many chars of context before and after a quote an annotation keeps.
pub const CONTEXT_CHARS: usize = 32;

/// The identity of an annotation: a random (v4) UUID, stable across edits, merges
/// and exports.
pub type AnnotationId = Uuid;

/// A colour as `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Color(pub [u8; 3]);

impl Color {
    /// The default highlight colour (a soft yellow).
    pub const HIGHLIGHT: Color = Color([0xff, 0xe0, 0x66]);
}

impl Default for Color {
    fn default() -> Self {
        Color::HIGHLIGHT
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

/// Why a colour string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr!("error-bad-colour", colour = format!("{:?}", .0)))]
pub struct ColorError(pub String);

impl FromStr for Color {
    type Err = ColorError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ColorError(s.to_owned());
        let hex = s.strip_prefix('#').ok_or_else(err)?;
        if hex.len() != 6 || !hex.is_ascii() {
            return Err(err());
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| err());
        Ok(Color([byte(0)?, byte(2)?, byte(4)?]))
    }
}

impl Serialize for Color {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A moment in UTC, written as RFC 3339 (`2025-03-01T09:30:00.123Z`), millisecond
/// precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    /// The current time, truncated to milliseconds.
    pub fn now() -> Self {
        Self::from_datetime(OffsetDateTime::now_utc())
    }

    /// `self`, or one millisecond after `earlier` if `self` is not later: a change
    /// must always move `modified` forward, or a merge could not tell it is newer.
    pub fn after(self, earlier: Timestamp) -> Timestamp {
        if self > earlier {
            self
        } else {
            Timestamp(earlier.0 + time::Duration::milliseconds(1))
        }
    }

    /// A timestamp from a date-time (converted to UTC, truncated to milliseconds).
    pub fn from_datetime(t: OffsetDateTime) -> Self {
        let t = t.to_offset(time::UtcOffset::UTC);
        let nanos = t.nanosecond() - t.nanosecond() % 1_000_000;
        Self(t.replace_nanosecond(nanos).unwrap_or(t))
    }

    /// The date-time.
    pub fn datetime(self) -> OffsetDateTime {
        self.0
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // RFC 3339 with exactly three fraction digits, so that times sort as text.
        let format = time::macros::format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
        );
        match self.0.format(&format) {
            Ok(s) => f.write_str(&s),
            Err(_) => Err(fmt::Error),
        }
    }
}

impl FromStr for Timestamp {
    type Err = time::error::Parse;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OffsetDateTime::parse(s, &Rfc3339).map(Self::from_datetime)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|e| serde::de::Error::custom(format!("{e} in timestamp {s:?}")))
    }
}

/// Whether an annotation still points at its text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// At its original place (or created on this version of the article).
    #[default]
    Anchored,
    /// Found again at another place after the article changed.
    Moved,
    /// Not found again with confidence; kept with its quote, never applied silently.
    Orphaned,
    /// A picture region whose picture's bytes changed since it was drawn (or the
    /// picture is gone): kept with its rectangle for review, never shown on a
    /// different picture as if nothing happened.
    #[serde(rename = "image_changed")]
    ImageChanged,
}

impl Status {
    /// The lowercase name used in files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Anchored => "anchored",
            Status::Moved => "moved",
            Status::Orphaned => "orphaned",
            Status::ImageChanged => "image_changed",
        }
    }
}

/// One highlighted passage, or one region of a picture, with its codes and note.
///
/// `start..end` counts code points of the article's canonical text; `quote` is exactly
/// that slice (unless the annotation is [`Status::Orphaned`]).
///
/// A picture region ([`Annotation::region`] is `Some`) has no text: `start = end = 0`
/// and empty `quote`, `prefix` and `suffix`, so every text invariant (quote is the
/// slice, sorting by start, overlap queries, which never match an empty range) holds
/// for it unchanged; code that treats passages reads [`Annotation::region`] first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Stable identity.
    pub id: AnnotationId,
    /// First char (inclusive).
    pub start: CharOffset,
    /// One past the last char (exclusive).
    pub end: CharOffset,
    /// The annotated text.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] chars before the quote.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] chars after the quote.
    pub suffix: String,
    /// Highlight colour.
    pub color: Color,
    /// Codes, by tag name, in the order the user applied them.
    pub tags: Vec<String>,
    /// Free-text note (may be empty).
    pub note: String,
    /// Who made it (may be empty).
    pub author: String,
    /// When it was created.
    pub created: Timestamp,
    /// When it was last changed (decides merges: the newer one wins).
    pub modified: Timestamp,
    /// Whether it still points at its text (or its picture).
    pub status: Status,
    /// The picture region this annotation marks instead of text. Absent from files
    /// for text passages, so that sidecars without regions stay as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<ImageRegion>,
}

/// Where a picture region lies: which picture (and which bytes of it) and the
/// rectangle in its pixels.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageRegion {
    /// The picture: `None` when the annotated file is itself the picture (a standalone
    /// image); otherwise the picture's path relative to the article's folder, with `/`
    /// between folders (see [`crate::picture::relative_image_path`]).
    pub image: Option<String>,
    /// Lowercase hex SHA-256 of the picture file's bytes the region was drawn on.
    pub sha256: String,
    /// The rectangle, in the picture's pixels after EXIF orientation.
    pub rect: PixelRect,
}

impl Annotation {
    /// A new annotation over `range` of `text`, widened to grapheme-cluster boundaries.
    /// Returns `None` when the range is empty or beyond the text.
    pub fn new(text: &SourceText, range: CharRange, now: Timestamp) -> Option<Self> {
        if range.end.0 > text.char_len() {
            return None;
        }
        let range = snap_range(text, range);
        if range.is_empty() {
            return None;
        }
        let mut a = Self::blank(now, None);
        a.set_range(text, range);
        Some(a)
    }

    /// A new annotation of a picture region (no text: empty range at 0, empty quote).
    pub fn new_region(region: ImageRegion, now: Timestamp) -> Self {
        Self::blank(now, Some(region))
    }

    /// An annotation with a fresh id and nothing in it yet (empty range at 0).
    fn blank(now: Timestamp, region: Option<ImageRegion>) -> Self {
        Annotation {
            id: Uuid::new_v4(),
            start: CharOffset(0),
            end: CharOffset(0),
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            color: Color::default(),
            tags: Vec::new(),
            note: String::new(),
            author: String::new(),
            created: now,
            modified: now,
            status: Status::Anchored,
            region,
        }
    }

    /// True when this annotation marks a picture region rather than text.
    pub fn is_region(&self) -> bool {
        self.region.is_some()
    }

    /// The annotated range.
    pub fn range(&self) -> CharRange {
        CharRange {
            start: self.start,
            end: self.end,
        }
    }

    /// Point the annotation at `range` (taken as is; snap first) and refresh quote and
    /// context from `text`.
    pub fn set_range(&mut self, text: &SourceText, range: CharRange) {
        self.start = range.start;
        self.end = range.end;
        self.quote = text.slice(range).to_owned();
        self.prefix = text.before(range.start, CONTEXT_CHARS).to_owned();
        self.suffix = text.after(range.end, CONTEXT_CHARS).to_owned();
    }

    /// True when `text[start..end]` is the quote.
    pub fn matches(&self, text: &SourceText) -> bool {
        self.end.0 <= text.char_len()
            && self.start <= self.end
            && text.slice(self.range()) == self.quote
    }
}

/// A code of the codebook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    /// The name, unique within a codebook (e.g. "সমালোচনা").
    pub name: String,
    /// Its colour.
    pub color: Color,
    /// What it means, for coders.
    pub description: String,
}

impl Tag {
    /// A tag with the default colour and no description.
    pub fn named(name: impl Into<String>) -> Self {
        Tag {
            name: name.into(),
            color: Color::default(),
            description: String::new(),
        }
    }
}

/// The ordered list of tags coders choose from (tag N is applied with key N).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Codebook {
    /// Tags in display order; names are unique.
    pub tags: Vec<Tag>,
}

impl Codebook {
    /// The tag called `name`.
    pub fn get(&self, name: &str) -> Option<&Tag> {
        self.tags.iter().find(|t| t.name == name)
    }

    /// Append the tags of `tags` whose names are not in the codebook yet; returns how
    /// many were added.
    pub fn absorb<'a>(&mut self, tags: impl IntoIterator<Item = &'a Tag>) -> usize {
        let mut added = 0;
        for tag in tags {
            if self.get(&tag.name).is_none() {
                self.tags.push(tag.clone());
                added += 1;
            }
        }
        added
    }

    /// Rename tag `from` to `to`; when `to` exists already the two are merged (the
    /// entry of `to` is kept). Returns false when `from` is unknown.
    pub fn rename(&mut self, from: &str, to: &str) -> bool {
        let Some(i) = self.tags.iter().position(|t| t.name == from) else {
            return false;
        };
        if from == to {
            return true;
        }
        if self.get(to).is_some() {
            self.tags.remove(i);
        } else {
            self.tags[i].name = to.to_owned();
        }
        true
    }
}

/// Replace tag `from` by `to` in `tags`, keeping the first position and no duplicates.
/// Returns true when something changed.
pub fn rename_in_tags(tags: &mut Vec<String>, from: &str, to: &str) -> bool {
    if from == to || !tags.iter().any(|t| t == from) {
        return false;
    }
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for t in tags.drain(..) {
        let t = if t == from { to.to_owned() } else { t };
        if !out.contains(&t) {
            out.push(t);
        }
    }
    *tags = out;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_timestamps_round_trip_as_text() {
        let c: Color = "#1a2B3c".parse().unwrap();
        assert_eq!(c.to_string(), "#1a2b3c");
        assert!("1a2b3c".parse::<Color>().is_err());
        assert!("#1a2b3".parse::<Color>().is_err());
        let t: Timestamp = "2025-03-01T09:30:00.123456+02:00".parse().unwrap();
        assert_eq!(t.to_string(), "2025-03-01T07:30:00.123Z");
        assert_eq!(t.to_string().parse::<Timestamp>().unwrap(), t);
    }

    #[test]
    fn new_annotations_snap_to_clusters_and_keep_context() {
        let text = SourceText::new("আমি ক্ষমা চাই".to_owned());
        // 5..6 is inside the conjunct ক্ষ (chars 4..7).
        let a = Annotation::new(&text, CharRange::new(5, 6), Timestamp::now()).unwrap();
        assert_eq!(a.range(), CharRange::new(4, 7));
        assert_eq!(a.quote, "ক্ষ");
        assert_eq!(a.prefix, "আমি ");
        assert_eq!(a.suffix, "মা চাই");
        assert!(a.matches(&text));
        assert!(Annotation::new(&text, CharRange::new(3, 3), Timestamp::now()).is_none());
    }

    #[test]
    fn renaming_a_tag_merges_duplicates() {
        let mut tags = vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert!(rename_in_tags(&mut tags, "c", "a"));
        assert_eq!(tags, ["a", "b"]);
        let mut book = Codebook {
            tags: vec![Tag::named("a"), Tag::named("b")],
        };
        assert!(book.rename("a", "b"));
        assert_eq!(book.tags, vec![Tag::named("b")]);
        assert!(!book.rename("x", "y"));
    }
}
