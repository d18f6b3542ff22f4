//! A direct parser for exactly the layout [`super::writer`] produces: the same fields
//! in the same order, the same indentation and line breaks, no comments. It is the
//! fast path of [`super::parse_sidecar`]; whatever it does not recognise it hands to
//! `ron` (by returning `None`), so hand-edited files still parse and every error still
//! comes from `ron` with its line and column.
//!
//! It is strict in the other direction too: a file it accepts is one `ron` accepts
//! with the same value (a property test checks this on random and on mangled
//! sidecars). Strings are decoded as `ron` decodes them: any character but `"` and `\`
//! as itself, and the escapes `\" \' \\ \n \r \t \0 \u{…}`; the other escapes
//! (`\x…`, line continuations) and raw strings are left to `ron`. Typed strings go
//! through the same `FromStr` as their `Deserialize`, timestamps in the writer's form
//! through a hand parser checked against it.

use std::borrow::Cow;

use time::{Date, Month};
use uuid::Uuid;

use super::format::{ArticleInfo, SidecarFile};
use crate::annotate::{Annotation, Color, ImageRegion, Status, Tag, Timestamp, Tombstone};
use crate::picture::PixelRect;
use crate::text::CharOffset;

/// `text` as a sidecar if it is exactly in the writer's layout; `None` otherwise (then
/// parse it with `ron`). The format name and version are not checked here.
pub(crate) fn parse_fast(text: &str) -> Option<SidecarFile> {
    let mut p = Parser {
        src: text.as_bytes(),
        text,
        pos: 0,
    };
    let file = p.file()?;
    (p.pos == p.src.len()).then_some(file)
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    /// Consume `lit` if it comes next.
    fn lit(&mut self, lit: &str) -> Option<()> {
        let end = self.pos.checked_add(lit.len())?;
        if self.src.get(self.pos..end)? == lit.as_bytes() {
            self.pos = end;
            Some(())
        } else {
            None
        }
    }

    /// True (and consumed) when `lit` comes next; nothing consumed otherwise.
    fn try_lit(&mut self, lit: &str) -> bool {
        self.lit(lit).is_some()
    }

    fn indent(&mut self, depth: usize) -> Option<()> {
        let end = self.pos + 4 * depth;
        let spaces = self.src.get(self.pos..end)?;
        if spaces.iter().all(|&b| b == b' ') {
            self.pos = end;
            Some(())
        } else {
            None
        }
    }

    /// `<indent>name: `
    fn name(&mut self, depth: usize, name: &str) -> Option<()> {
        self.indent(depth)?;
        self.lit(name)?;
        self.lit(": ")
    }

    /// `<indent>name: "…",\n`
    fn field_str(&mut self, depth: usize, name: &str) -> Option<String> {
        self.name(depth, name)?;
        let s = self.string()?.into_owned();
        self.lit(",\n")?;
        Some(s)
    }

    /// `<indent>name: 123,\n`
    fn field_uint(&mut self, depth: usize, name: &str) -> Option<u64> {
        self.name(depth, name)?;
        let n = self.uint()?;
        self.lit(",\n")?;
        Some(n)
    }

    fn field_usize(&mut self, depth: usize, name: &str) -> Option<usize> {
        usize::try_from(self.field_uint(depth, name)?).ok()
    }

    fn field_color(&mut self, depth: usize, name: &str) -> Option<Color> {
        self.name(depth, name)?;
        let c = self.string()?.parse().ok()?;
        self.lit(",\n")?;
        Some(c)
    }

    fn field_id(&mut self, depth: usize, name: &str) -> Option<Uuid> {
        self.name(depth, name)?;
        let id = self.string()?.parse().ok()?;
        self.lit(",\n")?;
        Some(id)
    }

    fn field_time(&mut self, depth: usize, name: &str) -> Option<Timestamp> {
        self.name(depth, name)?;
        let s = self.string()?;
        let t = parse_timestamp(&s).or_else(|| s.parse().ok())?;
        self.lit(",\n")?;
        Some(t)
    }

    /// A decimal number without sign, leading zeros or underscores.
    fn uint(&mut self) -> Option<u64> {
        let start = self.pos;
        let mut n: u64 = 0;
        while let Some(&b) = self.src.get(self.pos) {
            if !b.is_ascii_digit() {
                break;
            }
            n = n.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
            self.pos += 1;
        }
        let digits = self.pos - start;
        let leading_zero = digits > 1 && self.src[start] == b'0';
        (digits > 0 && !leading_zero).then_some(n)
    }

    /// A `"…"` string, decoded as `ron` decodes it.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.lit("\"")?;
        let start = self.pos;
        let end = self.pos + self.src[start..].iter().position(|&b| b == b'"')?;
        // Only when the string holds a backslash (before its first quote) is it decoded.
        if !self.src[start..end].contains(&b'\\') {
            self.pos = end + 1;
            return Some(Cow::Borrowed(self.text.get(start..end)?));
        }
        let mut out = String::with_capacity(end - start);
        let mut plain = start;
        loop {
            let next = plain
                + self.src[plain..]
                    .iter()
                    .position(|&b| b == b'"' || b == b'\\')?;
            out.push_str(self.text.get(plain..next)?);
            if self.src[next] == b'"' {
                self.pos = next + 1;
                return Some(Cow::Owned(out));
            }
            self.pos = next + 1;
            out.push(self.escape()?);
            plain = self.pos;
        }
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Option<char> {
        let b = *self.src.get(self.pos)?;
        self.pos += 1;
        Some(match b {
            b'"' => '"',
            b'\'' => '\'',
            b'\\' => '\\',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'u' => {
                self.lit("{")?;
                let mut code: u32 = 0;
                let mut digits = 0;
                while digits < 6 {
                    let d = match *self.src.get(self.pos)? {
                        b'}' => break,
                        d @ b'0'..=b'9' => d - b'0',
                        d @ b'a'..=b'f' => d - b'a' + 10,
                        d @ b'A'..=b'F' => d - b'A' + 10,
                        _ => return None,
                    };
                    code = code << 4 | u32::from(d);
                    digits += 1;
                    self.pos += 1;
                }
                self.lit("}")?;
                if digits == 0 {
                    return None;
                }
                char::from_u32(code)?
            }
            _ => return None,
        })
    }

    /// `<indent>name: [],\n` or `<indent>name: [\n` items `<indent>],\n`.
    fn list<T>(
        &mut self,
        depth: usize,
        name: &str,
        mut item: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        self.name(depth, name)?;
        if self.try_lit("[],\n") {
            return Some(Vec::new());
        }
        self.lit("[\n")?;
        let close = &"            "[..4 * depth];
        let mut items = Vec::new();
        loop {
            let at = self.pos;
            if self.lit(close).is_some() && self.try_lit("],\n") {
                return Some(items);
            }
            self.pos = at;
            items.push(item(self)?);
        }
    }

    fn file(&mut self) -> Option<SidecarFile> {
        self.lit("(\n")?;
        let format = self.field_str(1, "format")?;
        let version = u32::try_from(self.field_uint(1, "version")?).ok()?;
        self.lit("    article: (\n")?;
        let article = ArticleInfo {
            file_name: self.field_str(2, "file_name")?,
            sha256: self.field_str(2, "sha256")?,
            char_len: self.field_usize(2, "char_len")?,
        };
        self.lit("    ),\n")?;
        let note = self.field_str(1, "note")?;
        let tags = self.list(1, "tags", |p| p.tag(2))?;
        let annotations = self.list(1, "annotations", |p| p.annotation(2))?;
        let deleted = self.list(1, "deleted", |p| p.tombstone(2))?;
        self.lit(")\n")?;
        Some(SidecarFile {
            format,
            version,
            article,
            note,
            tags,
            annotations,
            deleted,
        })
    }

    fn open(&mut self, depth: usize) -> Option<()> {
        self.indent(depth)?;
        self.lit("(\n")
    }

    fn close(&mut self, depth: usize) -> Option<()> {
        self.indent(depth)?;
        self.lit("),\n")
    }

    fn tag(&mut self, depth: usize) -> Option<Tag> {
        self.open(depth)?;
        let tag = Tag {
            name: self.field_str(depth + 1, "name")?,
            color: self.field_color(depth + 1, "color")?,
            description: self.field_str(depth + 1, "description")?,
        };
        self.close(depth)?;
        Some(tag)
    }

    fn tombstone(&mut self, depth: usize) -> Option<Tombstone> {
        self.open(depth)?;
        let t = Tombstone {
            id: self.field_id(depth + 1, "id")?,
            deleted_at: self.field_time(depth + 1, "deleted_at")?,
        };
        self.close(depth)?;
        Some(t)
    }

    fn annotation(&mut self, depth: usize) -> Option<Annotation> {
        let d = depth + 1;
        self.open(depth)?;
        let a = Annotation {
            id: self.field_id(d, "id")?,
            start: CharOffset(self.field_usize(d, "start")?),
            end: CharOffset(self.field_usize(d, "end")?),
            quote: self.field_str(d, "quote")?,
            prefix: self.field_str(d, "prefix")?,
            suffix: self.field_str(d, "suffix")?,
            color: self.field_color(d, "color")?,
            tags: self.list(d, "tags", |p| {
                p.indent(d + 1)?;
                let t = p.string()?.into_owned();
                p.lit(",\n")?;
                Some(t)
            })?,
            note: self.field_str(d, "note")?,
            author: self.field_str(d, "author")?,
            created: self.field_time(d, "created")?,
            modified: self.field_time(d, "modified")?,
            status: {
                self.name(d, "status")?;
                let status = if self.try_lit("anchored") {
                    Status::Anchored
                } else if self.try_lit("moved") {
                    Status::Moved
                } else if self.try_lit("orphaned") {
                    Status::Orphaned
                } else if self.try_lit("image_changed") {
                    Status::ImageChanged
                } else {
                    return None;
                };
                self.lit(",\n")?;
                status
            },
            region: self.region(d)?,
        };
        self.close(depth)?;
        Some(a)
    }

    /// The optional `region: Some((…)),` block of an annotation: `Some(None)` when the
    /// annotation has none (the field is absent), `None` when the layout differs.
    fn region(&mut self, depth: usize) -> Option<Option<ImageRegion>> {
        let at = self.pos;
        if self.indent(depth).is_none() || !self.try_lit("region: Some((\n") {
            self.pos = at;
            return Some(None);
        }
        let d = depth + 1;
        self.name(d, "image")?;
        let image = if self.try_lit("None") {
            None
        } else {
            self.lit("Some(")?;
            let image = self.string()?.into_owned();
            self.lit(")")?;
            Some(image)
        };
        self.lit(",\n")?;
        let sha256 = self.field_str(d, "sha256")?;
        self.indent(d)?;
        self.lit("rect: (\n")?;
        let mut coord = |name: &str| u32::try_from(self.field_uint(d + 1, name)?).ok();
        let rect = PixelRect::new(coord("x")?, coord("y")?, coord("w")?, coord("h")?);
        self.indent(d)?;
        self.lit("),\n")?;
        self.indent(depth)?;
        self.lit(")),\n")?;
        Some(Some(ImageRegion {
            image,
            sha256,
            rect,
        }))
    }
}

/// A timestamp in exactly the writer's form `YYYY-MM-DDTHH:MM:SS.mmmZ`, or `None`
/// (then `Timestamp::from_str` decides). Gives what `Timestamp::from_str` gives.
pub(crate) fn parse_timestamp(s: &str) -> Option<Timestamp> {
    let b: &[u8; 24] = s.as_bytes().try_into().ok()?;
    let shape = b"0000-00-00T00:00:00.000Z";
    for (&c, &want) in b.iter().zip(shape) {
        let ok = if want == b'0' {
            c.is_ascii_digit()
        } else {
            c == want
        };
        if !ok {
            return None;
        }
    }
    let num = |from: usize, to: usize| {
        b[from..to]
            .iter()
            .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'))
    };
    let year = i32::try_from(num(0, 4)).ok()?;
    let month = Month::try_from(u8::try_from(num(5, 7)).ok()?).ok()?;
    let day = u8::try_from(num(8, 10)).ok()?;
    let hour = u8::try_from(num(11, 13)).ok()?;
    let minute = u8::try_from(num(14, 16)).ok()?;
    let second = u8::try_from(num(17, 19)).ok()?;
    let milli = u16::try_from(num(20, 23)).ok()?;
    let dt = Date::from_calendar_date(year, month, day)
        .ok()?
        .with_hms_milli(hour, minute, second, milli)
        .ok()?
        .assume_utc();
    Some(Timestamp::from_datetime(dt))
}

#[cfg(test)]
#[path = "reader_tests.rs"]
mod tests;
