//! A direct writer for the sidecar layout. It produces byte for byte what `ron`'s
//! pretty printer followed by [`super::format::readable_escapes`] produces (a test
//! checks this on random sidecars), about ten times faster: a 10,000-annotation
//! sidecar must save in well under 30 ms.

use std::fmt::Write as _;

use super::format::{SidecarFile, is_visible};
use crate::annotate::{Annotation, Tag, Tombstone};

/// The RON text of `file` (annotations and tombstones must already be sorted).
pub(crate) fn write_sidecar(file: &SidecarFile) -> String {
    let mut w = Writer {
        out: String::with_capacity(256 + file.annotations.len() * 800),
    };
    w.line(0, "(");
    w.field_str(1, "format", &file.format);
    w.field_raw(1, "version", file.version);
    w.line(1, "article: (");
    w.field_str(2, "file_name", &file.article.file_name);
    w.field_str(2, "sha256", &file.article.sha256);
    w.field_raw(2, "char_len", file.article.char_len);
    w.line(1, "),");
    w.field_str(1, "note", &file.note);
    w.list(1, "tags", &file.tags, Writer::tag);
    w.list(1, "annotations", &file.annotations, Writer::annotation);
    w.list(1, "deleted", &file.deleted, Writer::tombstone);
    w.out.push_str(")\n");
    w.out
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

    fn field_raw(&mut self, depth: usize, name: &str, value: impl std::fmt::Display) {
        self.indent(depth);
        let _ = writeln!(self.out, "{name}: {value},");
    }

    fn field_str(&mut self, depth: usize, name: &str, value: &str) {
        self.indent(depth);
        self.out.push_str(name);
        self.out.push_str(": ");
        self.string(value);
        self.out.push_str(",\n");
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        let mut plain = 0;
        for (i, c) in s.char_indices() {
            // Everything except a few ASCII characters, controls and invisible format
            // characters is written as itself.
            let literal = if c.is_ascii() {
                c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '\\') || c == ' '
            } else {
                is_visible(c)
            };
            if literal {
                continue;
            }
            self.out.push_str(&s[plain..i]);
            let _ = write!(self.out, "{}", c.escape_debug());
            plain = i + c.len_utf8();
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
        self.field_raw(depth + 1, "color", format_args!("\"{}\"", t.color));
        self.field_str(depth + 1, "description", &t.description);
        self.line(depth, "),");
    }

    fn tombstone(&mut self, depth: usize, t: &Tombstone) {
        self.line(depth, "(");
        self.field_raw(depth + 1, "id", format_args!("\"{}\"", t.id));
        self.field_raw(
            depth + 1,
            "deleted_at",
            format_args!("\"{}\"", t.deleted_at),
        );
        self.line(depth, "),");
    }

    fn annotation(&mut self, depth: usize, a: &Annotation) {
        let d = depth + 1;
        self.line(depth, "(");
        self.field_raw(d, "id", format_args!("\"{}\"", a.id));
        self.field_raw(d, "start", a.start.0);
        self.field_raw(d, "end", a.end.0);
        self.field_str(d, "quote", &a.quote);
        self.field_str(d, "prefix", &a.prefix);
        self.field_str(d, "suffix", &a.suffix);
        self.field_raw(d, "color", format_args!("\"{}\"", a.color));
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
        self.field_raw(d, "created", format_args!("\"{}\"", a.created));
        self.field_raw(d, "modified", format_args!("\"{}\"", a.modified));
        self.field_raw(d, "status", a.status.as_str());
        self.line(depth, "),");
    }
}
