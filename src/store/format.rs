//! The sidecar file format: `pathok-annotations` in RON.
//!
//! Version 1 holds text passages only. Version 2 adds picture regions (the `region`
//! field of an annotation and the `image_changed` status). A sidecar is written as
//! version 1 whenever it holds no region, byte for byte as before regions existed, so
//! text-only projects see no churn; a sidecar with a region is written as version 2,
//! which Pathok builds that read only version 1 refuse (read-only, never rewritten)
//! instead of dropping the regions.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::StoreError;
use super::writer::{SidecarParts, write_sidecar};
use crate::annotate::{Annotation, Tag, Tombstone};

/// The format name written in every sidecar.
pub const FORMAT_NAME: &str = "pathok-annotations";
/// The newest sidecar version this build reads (and writes, for sidecars with regions).
pub const FORMAT_VERSION: u32 = 2;
/// The version of sidecars without picture regions.
pub const TEXT_FORMAT_VERSION: u32 = 1;

/// The version a sidecar holding `annotations` is written as: [`FORMAT_VERSION`] when
/// one of them is a picture region, [`TEXT_FORMAT_VERSION`] otherwise.
pub fn version_for(annotations: &[Annotation]) -> u32 {
    if annotations.iter().any(Annotation::is_region) {
        FORMAT_VERSION
    } else {
        TEXT_FORMAT_VERSION
    }
}

/// Which text a sidecar's offsets point into.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleInfo {
    /// The article's file name (without folder).
    pub file_name: String,
    /// Lowercase hex SHA-256 of the canonical text.
    pub sha256: String,
    /// Length of the canonical text in code points.
    pub char_len: usize,
}

/// A sidecar file exactly as stored. Field order is the order in the file.
///
/// Unknown fields are refused (a parse error naming the field) rather than dropped:
/// a newer Pathok that adds fields raises `version`, which this build refuses
/// read-only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SidecarFile {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// [`version_for`] its annotations when written by this build.
    pub version: u32,
    /// The article the offsets point into.
    pub article: ArticleInfo,
    /// A note about the whole article.
    #[serde(default)]
    pub note: String,
    /// Tags used in this sidecar (name, colour, description).
    #[serde(default)]
    pub tags: Vec<Tag>,
    /// The annotations, sorted by start, then id.
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    /// Deleted annotations, sorted by id, so that merges do not bring them back.
    #[serde(default)]
    pub deleted: Vec<Tombstone>,
}

impl SidecarFile {
    /// An empty sidecar for an article.
    pub fn new(article: ArticleInfo) -> Self {
        SidecarFile {
            format: FORMAT_NAME.to_owned(),
            version: TEXT_FORMAT_VERSION,
            article,
            note: String::new(),
            tags: Vec::new(),
            annotations: Vec::new(),
            deleted: Vec::new(),
        }
    }
}

/// A file that starts with a format name and version.
pub(crate) trait Versioned {
    /// The format name and version stored in the file.
    fn format_and_version(&self) -> (&str, u32);
}

impl Versioned for SidecarFile {
    fn format_and_version(&self) -> (&str, u32) {
        (&self.format, self.version)
    }
}

/// Just enough of a file to check its kind and version before reading the rest.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// The RON text of a sidecar: one field per line, one annotation per block,
/// annotations sorted by start then id, tombstones by id; ends with a newline. The
/// version written is [`version_for`] the annotations, whatever `file.version` says.
pub fn to_ron(file: &SidecarFile) -> Result<String, ron::Error> {
    let mut parts = SidecarParts::of(file);
    parts.version = version_for(&file.annotations);
    if parts.is_sorted() {
        return Ok(write_sidecar(&parts));
    }
    let mut sorted = file.clone();
    sorted.annotations.sort_by_key(|a| (a.start, a.id));
    sorted.deleted.sort_by_key(|t| t.id);
    let mut parts = SidecarParts::of(&sorted);
    parts.version = version_for(&sorted.annotations);
    Ok(write_sidecar(&parts))
}

/// What [`to_ron`] writes, produced by `ron`'s own pretty printer (slower; the
/// reference the fast writer is tested against).
#[cfg(test)]
pub(crate) fn to_ron_reference(file: &SidecarFile) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false);
    let escaped = ron::ser::to_string_pretty(file, config)?;
    let mut out = readable_escapes(&escaped);
    out.push('\n');
    Ok(out)
}

/// RON's escaping (Rust's `escape_debug`) writes every combining mark as `\u{…}`, which
/// would turn Bengali vowel signs into `\u{9be}`. Put printable characters back as
/// themselves; keep escapes for controls and invisible format characters (ZWJ, ZWNJ,
/// bidi marks, BOM), which a reader of the file should see.
pub(crate) fn readable_escapes(ron: &str) -> String {
    let mut out = String::with_capacity(ron.len());
    let mut rest = ron;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let literal = tail.strip_prefix("\\u{").and_then(|after| {
            let close = after.find('}')?;
            let c = char::from_u32(u32::from_str_radix(&after[..close], 16).ok()?)?;
            is_visible(c).then_some((c, &after[close + 1..]))
        });
        if let Some((c, after)) = literal {
            out.push(c);
            rest = after;
        } else {
            // An escape to keep: the backslash and the character it escapes.
            let len = 1 + tail[1..].chars().next().map_or(0, char::len_utf8);
            out.push_str(&tail[..len]);
            rest = &tail[len..];
        }
    }
    out.push_str(rest);
    out
}

pub(crate) fn is_visible(c: char) -> bool {
    !(c.is_control()
        || matches!(
            c,
            '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{180e}' | '\u{feff}'
        )
        || ('\u{200b}'..='\u{200f}').contains(&c)
        || ('\u{2028}'..='\u{202e}').contains(&c)
        || ('\u{2060}'..='\u{206f}').contains(&c)
        || ('\u{fe00}'..='\u{fe0f}').contains(&c)
        || ('\u{fff0}'..='\u{ffff}').contains(&c)
        || ('\u{e0000}'..).contains(&c))
}

/// Parse a sidecar's bytes; `path` is for messages. Checks the format name and
/// refuses newer versions before reading the rest.
///
/// Files in exactly the layout [`to_ron`] writes are read by a direct parser; anything
/// else (hand-edited layout, comments, errors) goes to `ron`, which gives the same
/// value or the error with its line and column.
pub fn parse_sidecar(bytes: &[u8], path: &Path) -> Result<SidecarFile, StoreError> {
    let text = utf8(bytes, path)?;
    if let Some(file) = super::reader::parse_fast(text) {
        check_header(
            &file.format,
            file.version,
            path,
            FORMAT_NAME,
            FORMAT_VERSION,
        )?;
        return Ok(file);
    }
    parse_versioned_text(text, path, FORMAT_NAME, FORMAT_VERSION)
}

/// [`parse_sidecar`] without the direct parser: always `ron` (the reference the direct
/// parser is tested against).
#[cfg(test)]
pub(crate) fn parse_sidecar_with_ron(bytes: &[u8], path: &Path) -> Result<SidecarFile, StoreError> {
    parse_versioned(bytes, path, FORMAT_NAME, FORMAT_VERSION)
}

/// Read and parse the sidecar at `path` (a regular file of at most
/// [`super::MAX_STORE_FILE_BYTES`]).
pub fn read_sidecar_file(path: &Path) -> Result<(SidecarFile, Vec<u8>), StoreError> {
    let bytes = crate::article::read_regular_file(path, super::MAX_STORE_FILE_BYTES)?;
    let file = parse_sidecar(&bytes, path)?;
    Ok((file, bytes))
}

/// Parse a versioned RON file of kind `format` (sidecar or codebook).
pub(crate) fn parse_versioned<T: serde::de::DeserializeOwned + Versioned>(
    bytes: &[u8],
    path: &Path,
    format: &'static str,
    supported: u32,
) -> Result<T, StoreError> {
    parse_versioned_text(utf8(bytes, path)?, path, format, supported)
}

/// The bytes as text, or a parse error at the first byte that is not UTF-8. A UTF-8
/// byte-order mark (which Windows editors add) is skipped.
fn utf8<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str, StoreError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let before = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        StoreError::Parse {
            path: path.to_owned(),
            line,
            column,
            message: "not UTF-8".to_owned(),
        }
    })
}

/// Refuse a file of another kind or from a newer version.
fn check_header(
    found_format: &str,
    version: u32,
    path: &Path,
    format: &'static str,
    supported: u32,
) -> Result<(), StoreError> {
    if found_format != format {
        return Err(StoreError::WrongFormat {
            path: path.to_owned(),
            expected: format,
            found: found_format.to_owned(),
        });
    }
    if version > supported {
        return Err(StoreError::NewerVersion {
            path: path.to_owned(),
            found: version,
            supported,
        });
    }
    Ok(())
}

/// The 1-based line of the first git conflict marker (`<<<<<<<` at a line's start,
/// which no RON file has), if any.
fn conflict_marker_line(text: &str) -> Option<usize> {
    text.lines()
        .position(|line| line.starts_with("<<<<<<<"))
        .map(|i| i + 1)
}

/// Parse the text of a versioned RON file with `ron`.
fn parse_versioned_text<T: serde::de::DeserializeOwned + Versioned>(
    text: &str,
    path: &Path,
    format: &'static str,
    supported: u32,
) -> Result<T, StoreError> {
    let parse_error = |e: ron::error::SpannedError| match conflict_marker_line(text) {
        Some(line) => StoreError::ConflictMarkers {
            path: path.to_owned(),
            line,
        },
        None => StoreError::Parse {
            path: path.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        },
    };
    // The full parse comes first (one pass in the common case); the header tells a
    // newer or foreign file apart from a corrupt one.
    match ron::from_str::<T>(text) {
        Ok(value) => {
            let (found, version) = value.format_and_version();
            check_header(found, version, path, format, supported)?;
            Ok(value)
        }
        Err(e) => match ron::from_str::<Header>(text) {
            Ok(header) => {
                check_header(&header.format, header.version, path, format, supported)?;
                Err(parse_error(e))
            }
            Err(_) => Err(parse_error(e)),
        },
    }
}

#[cfg(test)]
#[path = "format_tests.rs"]
mod tests;
