//! Random sidecars for property tests (test builds only).

use proptest::prelude::*;

use super::format::{ArticleInfo, SidecarFile, version_for};
use crate::annotate::{Annotation, Color, ImageRegion, Status, Tag, Timestamp, Tombstone};
use crate::picture::PixelRect;
use crate::text::CharOffset;

/// Strings that are hard to write and read back: Bengali, emoji, quotes,
/// backslashes, newlines, controls, invisible characters, things that look like
/// escapes or RON syntax, and empty strings.
pub(crate) fn tricky_string() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("বাংলা".to_owned()),
            Just("ক্ষ".to_owned()),
            Just("\u{200C}".to_owned()),
            Just("😀".to_owned()),
            Just("\"".to_owned()),
            Just("\\".to_owned()),
            Just("\n".to_owned()),
            Just("\r\t".to_owned()),
            Just("r#\")".to_owned()),
            Just("\u{9be}".to_owned()),
            Just("\u{0}".to_owned()),
            Just("\\u{9be}".to_owned()),
            Just("\u{feff}\u{200d}'".to_owned()),
            Just("\u{fffc}\u{ad}\u{85}\u{e0001}\u{10ffff}".to_owned()),
            Just("\\x41\\\n  \",\n    ),\n".to_owned()),
            Just("// not a comment /* */".to_owned()),
            Just(String::new()),
            "[a-zA-Z ,.()]{0,6}",
        ],
        0..8,
    )
    .prop_map(|parts| parts.concat())
}

/// A random annotation.
pub(crate) fn annotation() -> impl Strategy<Value = Annotation> {
    (
        (any::<u128>(), 0usize..100_000, 0usize..500),
        (
            tricky_string(),
            tricky_string(),
            tricky_string(),
            tricky_string(),
        ),
        (
            any::<[u8; 3]>(),
            proptest::collection::vec(tricky_string(), 0..3),
        ),
        (
            0i64..4_000_000_000,
            0i64..1_000_000,
            0usize..4,
            tricky_string(),
        ),
    )
        .prop_map(
            |(
                (id, start, len),
                (quote, prefix, suffix, note),
                (rgb, tags),
                (secs, ms, status, author),
            )| {
                let t = Timestamp::from_datetime(
                    time::OffsetDateTime::from_unix_timestamp(secs).unwrap()
                        + time::Duration::milliseconds(ms),
                );
                Annotation {
                    id: uuid::Uuid::from_u128(id),
                    start: CharOffset(start),
                    end: CharOffset(start + len),
                    quote,
                    prefix,
                    suffix,
                    color: Color(rgb),
                    tags,
                    note,
                    author,
                    created: t,
                    modified: t,
                    status: [
                        Status::Anchored,
                        Status::Moved,
                        Status::Orphaned,
                        Status::ImageChanged,
                    ][status],
                    region: None,
                }
            },
        )
}

/// A random picture region (coordinates up to `u32::MAX`, the widest the file holds).
pub(crate) fn region() -> impl Strategy<Value = ImageRegion> {
    (
        proptest::option::of(tricky_string()),
        "[0-9a-f]{0,64}",
        any::<[u32; 4]>(),
    )
        .prop_map(|(image, sha256, [x, y, w, h])| ImageRegion {
            image,
            sha256,
            rect: PixelRect::new(x, y, w, h),
        })
}

/// A random annotation that is a picture region about half of the time.
pub(crate) fn annotation_or_region() -> impl Strategy<Value = Annotation> {
    (annotation(), proptest::option::of(region())).prop_map(|(mut a, region)| {
        a.region = region;
        a
    })
}

/// A random sidecar file, annotations sorted as the writer expects.
pub(crate) fn sidecar() -> impl Strategy<Value = SidecarFile> {
    (
        proptest::collection::vec(annotation_or_region(), 0..6),
        tricky_string(),
        tricky_string(),
        proptest::collection::vec((tricky_string(), any::<[u8; 3]>(), tricky_string()), 0..3),
    )
        .prop_map(|(mut annotations, note, name, tags)| {
            annotations.sort_by_key(|a| (a.start, a.id));
            let mut file = SidecarFile::new(ArticleInfo {
                file_name: name,
                sha256: "ab".repeat(32),
                char_len: 123,
            });
            file.note = note;
            file.tags = tags
                .into_iter()
                .map(|(name, rgb, description)| Tag {
                    name,
                    color: Color(rgb),
                    description,
                })
                .collect();
            file.deleted = annotations
                .iter()
                .take(1)
                .map(|a| Tombstone {
                    id: uuid::Uuid::from_u128(a.id.as_u128() ^ 1),
                    deleted_at: a.modified,
                })
                .collect();
            file.version = version_for(&annotations);
            file.annotations = annotations;
            file
        })
}
