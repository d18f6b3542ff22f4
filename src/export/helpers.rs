//! Helpers shared by the formats: where an annotation is in every unit
//! ([`Placed`]), the tags of an export in codebook order, the groups of a report,
//! GUIDs derived from names, and file paths as IRIs (`file:///…`, `--base-iri`).

use std::borrow::Cow;
use std::ffi::OsStr;
use std::fmt;
use std::path::{Component, Path, PathBuf};
use std::str::FromStr;

use percent_encoding::{AsciiSet, CONTROLS, NON_ALPHANUMERIC, percent_decode_str};
use uuid::Uuid;

use super::exporter::ExportItem;
use crate::annotate::{Annotation, Codebook, Color, Status, Tag};
use crate::text::SourceText;
use crate::tr;

/// Where an annotation is in the text, in every unit exports use; `None` for
/// annotations that are orphaned or whose quote no longer matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    /// Code points.
    pub start: usize,
    /// Code points (exclusive).
    pub end: usize,
    /// UTF-16 code units.
    pub start_utf16: usize,
    /// UTF-16 code units (exclusive).
    pub end_utf16: usize,
    /// UTF-8 bytes.
    pub start_byte: usize,
    /// UTF-8 bytes (exclusive).
    pub end_byte: usize,
}

impl Placed {
    /// The place of `a` in `text`, if it is anchored there.
    /// A picture region is never placed in the text.
    pub fn of(a: &Annotation, text: &SourceText) -> Option<Placed> {
        (a.region.is_none() && a.status != Status::Orphaned && a.matches(text)).then(|| Placed {
            start: a.start.0,
            end: a.end.0,
            start_utf16: text.utf16_of(a.start).0,
            end_utf16: text.utf16_of(a.end).0,
            start_byte: text.byte_of(a.start).0,
            end_byte: text.byte_of(a.end).0,
        })
    }
}

/// The tags of `items` in codebook order: each sidecar's tags in order, then tags only
/// named by annotations (sorted); every name once.
pub fn tags_of(items: &[ExportItem<'_>]) -> Vec<Tag> {
    let mut book = Codebook::default();
    for item in items {
        book.absorb(&item.sidecar.tags);
    }
    let mut extra: Vec<&str> = items
        .iter()
        .flat_map(|i| i.sidecar.annotations.iter())
        .flat_map(|a| a.tags.iter().map(String::as_str))
        .filter(|t| book.get(t).is_none())
        .collect();
    extra.sort_unstable();
    extra.dedup();
    book.tags.extend(extra.into_iter().map(Tag::named));
    book.tags
}

/// Heading of the report group of annotations without tags.
pub const UNTAGGED: &str = "Highlights without a tag";
/// Heading of the report group of orphaned annotations.
pub const ORPHANED: &str = "Orphaned (no longer found in the text)";

/// Heading of the report group of picture regions whose picture changed.
pub const IMAGE_CHANGED: &str = "Picture regions to review (their picture changed or is missing)";

/// One group of a report: a heading, its colour, its annotations.
pub type ReportGroup<'a> = (String, Option<Color>, Vec<&'a Annotation>);

/// The report groups of one article, in order: one per tag of `order` that has
/// annotations (passages and picture regions), then highlights without a tag, then
/// orphaned annotations, then picture regions whose picture changed.
pub fn report_groups<'a>(item: &ExportItem<'a>, order: &[Tag]) -> Vec<ReportGroup<'a>> {
    let text = &item.article.text;
    // Picture regions are placed on their picture unless it changed.
    let (placed, orphans): (Vec<&Annotation>, Vec<&Annotation>) = item
        .sidecar
        .annotations
        .iter()
        .partition(|a| match a.region {
            Some(_) => a.status != Status::ImageChanged,
            None => Placed::of(a, text).is_some(),
        });
    let (orphans, changed): (Vec<&Annotation>, Vec<&Annotation>) =
        orphans.into_iter().partition(|a| a.region.is_none());
    let mut out = Vec::new();
    for tag in order {
        let list: Vec<&Annotation> = placed
            .iter()
            .filter(|a| a.tags.contains(&tag.name))
            .copied()
            .collect();
        if !list.is_empty() {
            out.push((tag.name.clone(), Some(tag.color), list));
        }
    }
    let untagged: Vec<&Annotation> = placed
        .iter()
        .filter(|a| a.tags.is_empty())
        .copied()
        .collect();
    if !untagged.is_empty() {
        out.push((UNTAGGED.to_owned(), None, untagged));
    }
    if !orphans.is_empty() {
        out.push((ORPHANED.to_owned(), None, orphans));
    }
    if !changed.is_empty() {
        out.push((IMAGE_CHANGED.to_owned(), None, changed));
    }
    out
}

/// The title a report shows for an article: its title, else its path.
pub fn report_title(item: &ExportItem<'_>) -> String {
    if item.article.title.is_empty() {
        item.path.to_string_lossy().into_owned()
    } else {
        item.article.title.clone()
    }
}

/// A GUID derived from `kind` and `key` (random-looking, version 4 bits), so that
/// exporting the same things again gives the same GUIDs.
pub fn derived_guid(kind: &str, key: &str) -> Uuid {
    use sha2::{Digest, Sha256};
    let digest = Sha256::new()
        .chain_update(kind.as_bytes())
        .chain_update([0])
        .chain_update(key.as_bytes())
        .finalize();
    let mut bytes = [0; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// `input` without a leading byte-order mark (as Windows editors write one).
pub fn strip_bom(input: &str) -> &str {
    input.strip_prefix('\u{feff}').unwrap_or(input)
}

/// What a path segment keeps unescaped in an IRI: RFC 3986 `pchar` minus
/// percent-encoded bytes (unreserved, sub-delims, `:` and `@`). Everything else,
/// every non-ASCII byte included, is percent-encoded, so the result is a URI too.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@');

/// What a base IRI given by the user may hold as it is: all of ASCII but
/// controls, space and the characters URIs never hold (non-ASCII is encoded).
const LOOSE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The bytes of an OS string (exact on Unix; lossy UTF-8 elsewhere).
fn bytes_of(s: &OsStr) -> Cow<'_, [u8]> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        Cow::Borrowed(s.as_bytes())
    }
    #[cfg(not(unix))]
    {
        match s.to_string_lossy() {
            Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        }
    }
}

/// An OS string from bytes (exact on Unix; lossy UTF-8 elsewhere).
fn os_string_of(bytes: Vec<u8>) -> std::ffi::OsString {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt as _;
        std::ffi::OsString::from_vec(bytes)
    }
    #[cfg(not(unix))]
    {
        String::from_utf8_lossy(&bytes).into_owned().into()
    }
}

fn encode_segment(out: &mut String, segment: &OsStr) {
    out.extend(percent_encoding::percent_encode(
        &bytes_of(segment),
        SEGMENT,
    ));
}

/// `path` made absolute against `working_dir` and without `.` and `..` components
/// (resolved by name, as an IRI resolves them); `None` when it is relative and there
/// is no working directory.
pub fn absolute(path: &Path, working_dir: Option<&Path>) -> Option<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_owned()
    } else {
        working_dir?.join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// The `file:///…` IRI of the absolute path `path`, every segment percent-encoded
/// (UTF-8 bytes; Bengali names included), so it is a URI as well as an IRI.
pub fn file_iri(path: &Path) -> String {
    let mut out = String::from("file://");
    for c in path.components() {
        match c {
            Component::Prefix(p) => {
                // A Windows drive (`C:`): `file:///C:/…`.
                out.push('/');
                out.push_str(&p.as_os_str().to_string_lossy().replace('\\', "/"));
            }
            Component::RootDir | Component::CurDir => {}
            Component::ParentDir => out.push_str("/.."),
            Component::Normal(s) => {
                out.push('/');
                encode_segment(&mut out, s);
            }
        }
    }
    if out.len() == "file://".len() {
        out.push('/');
    }
    out
}

/// The path a `file:` IRI names (`file:///a/b`, `file://localhost/a/b`, `file:/a/b`),
/// percent-decoded; `None` for other IRIs and other hosts.
pub fn path_of_file_iri(iri: &str) -> Option<PathBuf> {
    let (scheme, rest) = iri.split_once(':')?;
    if !scheme.eq_ignore_ascii_case("file") {
        return None;
    }
    let path = match rest.strip_prefix("//") {
        Some(after) => {
            let slash = after.find('/')?;
            let host = &after[..slash];
            if !(host.is_empty() || host.eq_ignore_ascii_case("localhost")) {
                return None;
            }
            &after[slash..]
        }
        None if rest.starts_with('/') => rest,
        None => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    Some(PathBuf::from(os_string_of(
        percent_decode_str(path).collect(),
    )))
}

/// An absolute IRI that stands for the working directory when W3C exports publish
/// articles under another base (`--base-iri`): an article at `news/a.txt` gets the
/// source `BASE` + `news/a.txt`, percent-encoded. It always ends with `/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseIri(String);

/// Why a `--base-iri` is not usable.
#[derive(Debug, thiserror::Error)]
pub enum IriError {
    /// No scheme (`https:`, `file:`…): a relative reference is no base.
    #[error("{}", tr!("iri-no-scheme", iri = format!("{:?}", .0)))]
    NoScheme(String),
    /// A query or fragment, which a base for paths cannot have.
    #[error("{}", tr!("iri-query-or-fragment", iri = format!("{:?}", .0)))]
    QueryOrFragment(String),
}

/// Whether `s` starts with an IRI scheme (`https:`, `file:`, `urn:`). One letter
/// before a colon is a Windows drive (`C:`), not a scheme.
pub fn has_scheme(s: &str) -> bool {
    s.split_once(':').is_some_and(|(scheme, _)| {
        scheme.len() > 1
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

impl FromStr for BaseIri {
    type Err = IriError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if !has_scheme(s) || s.ends_with(':') {
            return Err(IriError::NoScheme(s.to_owned()));
        }
        if s.contains(['?', '#']) {
            return Err(IriError::QueryOrFragment(s.to_owned()));
        }
        let mut iri: String = percent_encoding::utf8_percent_encode(s, LOOSE).collect();
        if !iri.ends_with('/') {
            iri.push('/');
        }
        Ok(BaseIri(iri))
    }
}

impl fmt::Display for BaseIri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl BaseIri {
    /// The IRI as written (ASCII, ending with `/`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The IRI of `relative` (a relative path without `..`) under this base.
    pub fn join(&self, relative: &Path) -> String {
        let mut out = self.0.clone();
        let mut first = true;
        for c in relative.components() {
            if let Component::Normal(s) = c {
                if !first {
                    out.push('/');
                }
                first = false;
                encode_segment(&mut out, s);
            }
        }
        out
    }

    /// The relative path of an IRI under this base (the inverse of
    /// [`BaseIri::join`]); `None` when `iri` is not under it.
    pub fn relative_path(&self, iri: &str) -> Option<PathBuf> {
        let rest = iri.strip_prefix(&self.0)?;
        let rest = rest.split(['?', '#']).next().unwrap_or(rest);
        let mut out = PathBuf::new();
        for segment in rest.split('/').filter(|s| !s.is_empty()) {
            out.push(os_string_of(percent_decode_str(segment).collect()));
        }
        (!out.as_os_str().is_empty()).then_some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_iris_are_percent_encoded_and_read_back() {
        let path = Path::new("/home/রহিম/খবর ও মত/a#1%.txt");
        let iri = file_iri(path);
        assert_eq!(
            iri,
            "file:///home/%E0%A6%B0%E0%A6%B9%E0%A6%BF%E0%A6%AE/\
             %E0%A6%96%E0%A6%AC%E0%A6%B0%20%E0%A6%93%20%E0%A6%AE%E0%A6%A4/a%231%25.txt"
        );
        assert!(iri.is_ascii());
        assert_eq!(path_of_file_iri(&iri).as_deref(), Some(path));
        assert_eq!(
            path_of_file_iri("file://localhost/a/b").as_deref(),
            Some(Path::new("/a/b"))
        );
        assert_eq!(path_of_file_iri("file://server/a/b"), None);
        assert_eq!(path_of_file_iri("https://x.org/a"), None);
        assert_eq!(path_of_file_iri("news/a.txt"), None);
    }

    #[test]
    fn relative_paths_are_resolved_against_the_working_directory_by_name() {
        let wd = Path::new("/work/corpus");
        assert_eq!(
            absolute(Path::new("./news/../news/a.txt"), Some(wd)).as_deref(),
            Some(Path::new("/work/corpus/news/a.txt"))
        );
        assert_eq!(absolute(Path::new("news/a.txt"), None), None);
        assert_eq!(
            absolute(Path::new("/x/./y"), None).as_deref(),
            Some(Path::new("/x/y"))
        );
    }

    #[test]
    fn a_base_iri_is_checked_encoded_and_joined_both_ways() {
        let base: BaseIri = "https://example.org/সংবাদ".parse().unwrap();
        assert_eq!(
            base.as_str(),
            "https://example.org/%E0%A6%B8%E0%A6%82%E0%A6%AC%E0%A6%BE%E0%A6%A6/"
        );
        let iri = base.join(Path::new("খবর/a b.txt"));
        assert!(
            iri.ends_with("/%E0%A6%96%E0%A6%AC%E0%A6%B0/a%20b.txt"),
            "{iri}"
        );
        assert_eq!(
            base.relative_path(&iri).as_deref(),
            Some(Path::new("খবর/a b.txt"))
        );
        assert_eq!(base.relative_path("https://other.org/a"), None);
        assert!(matches!(
            "corpus/".parse::<BaseIri>(),
            Err(IriError::NoScheme(_))
        ));
        assert!(matches!(
            "https://x.org/?a".parse::<BaseIri>(),
            Err(IriError::QueryOrFragment(_))
        ));
    }
}
