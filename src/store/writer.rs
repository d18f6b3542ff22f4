//! A direct writer for the sidecar layout. It produces byte for byte what `ron`'s
//! pretty printer followed by [`super::format::readable_escapes`] produces (a test
//! checks this on random sidecars), many times faster: it writes straight from
//! borrowed data, formats numbers, ids and timestamps by hand, escapes strings with a
//! byte table, and allocates the output once.

use std::fmt::Write as _;

use super::format::{ArticleInfo, SidecarFile, is_visible};
use crate::annotate::{Annotation, Color, ImageRegion, Tag, Timestamp, Tombstone};

/// The parts of a sidecar file, borrowed, in file order. Annotations must be sorted
/// by start then id, tombstones by id.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SidecarParts<'a> {
    pub format: &'a str,
    pub version: u32,
    pub article: &'a ArticleInfo,
    pub note: &'a str,
    pub tags: &'a [Tag],
    pub annotations: &'a [Annotation],
    pub deleted: &'a [Tombstone],
}

impl<'a> SidecarParts<'a> {
    /// The parts of a whole file.
    pub(crate) fn of(file: &'a SidecarFile) -> Self {
        SidecarParts {
            format: &file.format,
            version: file.version,
            article: &file.article,
            note: &file.note,
            tags: &file.tags,
            annotations: &file.annotations,
            deleted: &file.deleted,
        }
    }

    /// True when annotations and tombstones are in file order.
    pub(crate) fn is_sorted(&self) -> bool {
        self.annotations
            .windows(2)
            .all(|w| (w[0].start, w[0].id) <= (w[1].start, w[1].id))
            && self.deleted.windows(2).all(|w| w[0].id <= w[1].id)
    }

    /// A generous estimate of the output size, so that the buffer is allocated once.
    fn size_hint(&self) -> usize {
        let strings = |a: &Annotation| {
            a.region
                .as_ref()
                .map_or(0, |r| 256 + r.image.as_ref().map_or(0, String::len))
                + a.quote.len()
                + a.prefix.len()
                + a.suffix.len()
                + a.note.len()
                + a.author.len()
                + a.tags.iter().map(|t| t.len() + 24).sum::<usize>()
        };
        512 + self.note.len()
            + self.article.file_name.len()
            + self.article.sha256.len()
            + self
                .tags
                .iter()
                .map(|t| 160 + t.name.len() + t.description.len())
                .sum::<usize>()
            + self
                .annotations
                .iter()
                .map(|a| 480 + strings(a) + strings(a) / 8)
                .sum::<usize>()
            + self.deleted.len() * 128
    }
}

/// The RON text of a sidecar (annotations and tombstones must already be sorted).
pub(crate) fn write_sidecar(file: &SidecarParts<'_>) -> String {
    let mut w = Writer {
        out: String::with_capacity(file.size_hint()),
    };
    w.out.push_str("(\n");
    w.field_str(1, "format", file.format);
    w.field_uint(1, "version", u64::from(file.version));
    w.line(1, "article: (");
    w.field_str(2, "file_name", &file.article.file_name);
    w.field_str(2, "sha256", &file.article.sha256);
    w.field_uint(2, "char_len", file.article.char_len as u64);
    w.line(1, "),");
    w.field_str(1, "note", file.note);
    w.list(1, "tags", file.tags, Writer::tag);
    w.list(1, "annotations", file.annotations, Writer::annotation);
    w.list(1, "deleted", file.deleted, Writer::tombstone);
    w.out.push_str(")\n");
    w.out
}

/// Bytes at which a string may need escaping: ASCII controls, quotes and backslash,
/// and the lead bytes of every non-ASCII character that [`is_visible`] refuses
/// (U+0080–U+00AD, U+034F, U+061C, U+180E, U+200B–U+206F, U+FE00–U+FFFF,
/// U+C0000 and up). Every other byte is copied as is. A test checks the table against
/// [`is_visible`] for every character.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[0x7f] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'\\' as usize] = true;
    t[0xc2] = true;
    t[0xcd] = true;
    t[0xd8] = true;
    t[0xe1] = true;
    t[0xe2] = true;
    t[0xef] = true;
    t[0xf3] = true;
    t[0xf4] = true;
    t
};

/// True when the writer puts `c` in a string as itself rather than escaped.
pub(crate) fn is_literal(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '\\') || c == ' '
    } else {
        is_visible(c)
    }
}

struct Writer {
    out: String,
}

impl Writer {
    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str("    ");
        }
    }

    fn line(&mut self, depth: usize, s: &str) {
        self.indent(depth);
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn name(&mut self, depth: usize, name: &str) {
        self.indent(depth);
        self.out.push_str(name);
        self.out.push_str(": ");
    }

    fn field_uint(&mut self, depth: usize, name: &str, value: u64) {
        self.name(depth, name);
        push_uint(&mut self.out, value);
        self.out.push_str(",\n");
    }

    fn field_str(&mut self, depth: usize, name: &str, value: &str) {
        self.name(depth, name);
        self.string(value);
        self.out.push_str(",\n");
    }

    fn field_color(&mut self, depth: usize, name: &str, value: Color) {
        self.name(depth, name);
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut s = *b"\"#000000\"";
        for (i, byte) in value.0.into_iter().enumerate() {
            s[2 + 2 * i] = HEX[usize::from(byte >> 4)];
            s[3 + 2 * i] = HEX[usize::from(byte & 0xf)];
        }
        push_ascii(&mut self.out, &s);
        self.out.push_str(",\n");
    }

    fn field_id(&mut self, depth: usize, name: &str, id: uuid::Uuid) {
        self.name(depth, name);
        let mut buf = uuid::Uuid::encode_buffer();
        self.out.push('"');
        self.out.push_str(id.hyphenated().encode_lower(&mut buf));
        self.out.push_str("\",\n");
    }

    fn field_time(&mut self, depth: usize, name: &str, t: Timestamp) {
        self.name(depth, name);
        self.out.push('"');
        push_timestamp(&mut self.out, t);
        self.out.push_str("\",\n");
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        let bytes = s.as_bytes();
        let mut plain = 0;
        let mut i = 0;
        while i < bytes.len() {
            if !SPECIAL[usize::from(bytes[i])] {
                i += 1;
                continue;
            }
            // `i` is a char boundary: continuation bytes (0x80–0xbf) are never special.
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            if !is_literal(c) {
                self.out.push_str(&s[plain..i]);
                self.out.extend(c.escape_debug());
                plain = i + len;
            }
            i += len;
        }
        self.out.push_str(&s[plain..]);
        self.out.push('"');
    }

    fn list<T>(&mut self, depth: usize, name: &str, items: &[T], item: fn(&mut Self, usize, &T)) {
        self.indent(depth);
        self.out.push_str(name);
        if items.is_empty() {
            self.out.push_str(": [],\n");
            return;
        }
        self.out.push_str(": [\n");
        for x in items {
            item(self, depth + 1, x);
        }
        self.line(depth, "],");
    }

    fn tag(&mut self, depth: usize, t: &Tag) {
        self.line(depth, "(");
        self.field_str(depth + 1, "name", &t.name);
        self.field_color(depth + 1, "color", t.color);
        self.field_str(depth + 1, "description", &t.description);
        self.line(depth, "),");
    }

    fn tombstone(&mut self, depth: usize, t: &Tombstone) {
        self.line(depth, "(");
        self.field_id(depth + 1, "id", t.id);
        self.field_time(depth + 1, "deleted_at", t.deleted_at);
        self.line(depth, "),");
    }

    fn annotation(&mut self, depth: usize, a: &Annotation) {
        let d = depth + 1;
        self.line(depth, "(");
        self.field_id(d, "id", a.id);
        self.field_uint(d, "start", a.start.0 as u64);
        self.field_uint(d, "end", a.end.0 as u64);
        self.field_str(d, "quote", &a.quote);
        self.field_str(d, "prefix", &a.prefix);
        self.field_str(d, "suffix", &a.suffix);
        self.field_color(d, "color", a.color);
        self.indent(d);
        if a.tags.is_empty() {
            self.out.push_str("tags: [],\n");
        } else {
            self.out.push_str("tags: [\n");
            for t in &a.tags {
                self.indent(d + 1);
                self.string(t);
                self.out.push_str(",\n");
            }
            self.line(d, "],");
        }
        self.field_str(d, "note", &a.note);
        self.field_str(d, "author", &a.author);
        self.field_time(d, "created", a.created);
        self.field_time(d, "modified", a.modified);
        self.name(d, "status");
        self.out.push_str(a.status.as_str());
        self.out.push_str(",\n");
        if let Some(region) = &a.region {
            self.region(d, region);
        }
        self.line(depth, "),");
    }

    /// `region: Some((image: …, sha256: …, rect: (x, y, w, h)))`, as `ron` nests it.
    fn region(&mut self, depth: usize, r: &ImageRegion) {
        let d = depth + 1;
        self.line(depth, "region: Some((");
        self.name(d, "image");
        match &r.image {
            Some(image) => {
                self.out.push_str("Some(");
                self.string(image);
                self.out.push_str("),\n");
            }
            None => self.out.push_str("None,\n"),
        }
        self.field_str(d, "sha256", &r.sha256);
        self.line(d, "rect: (");
        self.field_uint(d + 1, "x", u64::from(r.rect.x));
        self.field_uint(d + 1, "y", u64::from(r.rect.y));
        self.field_uint(d + 1, "w", u64::from(r.rect.w));
        self.field_uint(d + 1, "h", u64::from(r.rect.h));
        self.line(d, "),");
        self.line(depth, ")),");
    }
}

/// Append ASCII bytes.
fn push_ascii(out: &mut String, bytes: &[u8]) {
    out.extend(bytes.iter().map(|&b| char::from(b)));
}

/// Append `n` in decimal.
fn push_uint(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    push_ascii(out, &buf[i..]);
}

/// Append `t` exactly as its `Display` writes it (`2025-03-01T09:30:00.123Z`),
/// without going through `time`'s formatter for the years 0–9999.
pub(crate) fn push_timestamp(out: &mut String, t: Timestamp) {
    let dt = t.datetime();
    let (year, month, day) = dt.to_calendar_date();
    let Ok(year) = u32::try_from(year) else {
        let _ = write!(out, "{t}");
        return;
    };
    if year > 9999 {
        let _ = write!(out, "{t}");
        return;
    }
    let (hour, minute, second, milli) = dt.to_hms_milli();
    let mut s = *b"0000-00-00T00:00:00.000Z";
    let mut put = |at: usize, width: usize, mut v: u32| {
        for k in (at..at + width).rev() {
            s[k] = b'0' + (v % 10) as u8;
            v /= 10;
        }
    };
    put(0, 4, year);
    put(5, 2, u32::from(u8::from(month)));
    put(8, 2, u32::from(day));
    put(11, 2, u32::from(hour));
    put(14, 2, u32::from(minute));
    put(17, 2, u32::from(second));
    put(20, 3, u32::from(milli));
    push_ascii(out, &s);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_table_catches_every_escaped_character() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            if !is_literal(c) {
                let mut buf = [0; 4];
                let lead = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(SPECIAL[usize::from(lead)], "{c:?}");
            }
        }
        for (b, &special) in SPECIAL.iter().enumerate().skip(0x80).take(0x40) {
            assert!(!special, "continuation byte {b:#x}");
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 100, 12345, u64::MAX] {
            let mut s = String::new();
            push_uint(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }

    proptest::proptest! {
        #[test]
        fn timestamps_are_written_like_display(
            secs in -377_000_000_000i64..253_402_300_000,
            ms in 0i64..1000,
        ) {
            let t = Timestamp::from_datetime(
                time::OffsetDateTime::from_unix_timestamp(secs).unwrap()
                    + time::Duration::milliseconds(ms),
            );
            let mut s = String::new();
            push_timestamp(&mut s, t);
            proptest::prop_assert_eq!(s, t.to_string());
        }
    }
}
