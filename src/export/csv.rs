//! CSV for Excel, R and SPSS: UTF-8 with a byte-order mark (so Excel reads Bengali
//! right), RFC 4180 quoting via the `csv` crate, a header row, and the JSONL fields
//! plus the article title. Tags are joined by `"; "`, or with
//! [`Csv::one_row_per_tag`] each annotation gives one row per tag (column `tag`).
//! A picture region has empty offsets and quote, and its picture (`image`, relative to
//! the article, or the image's own file name) and rectangle (`x`, `y`, `w`, `h` in
//! pixels after EXIF orientation); these five are empty for text passages.

use std::io::Write;

use super::exporter::{ExportError, ExportItem, Exporter};
use super::record::JsonlRecord;
use crate::picture::PixelRect;

/// The CSV exporter.
#[derive(Clone, Copy, Debug, Default)]
pub struct Csv {
    /// One row per annotation × tag (an untagged annotation still gives one row).
    pub one_row_per_tag: bool,
}

/// Columns, in order; `tags` is `tag` with [`Csv::one_row_per_tag`].
pub const COLUMNS: &[&str] = &[
    "article",
    "article_title",
    "article_sha256",
    "id",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "tags",
    "note",
    "color",
    "author",
    "created",
    "modified",
    "status",
    "start_utf16",
    "end_utf16",
    "start_byte",
    "end_byte",
    "image",
    "x",
    "y",
    "w",
    "h",
];

/// Separator of tag names in the `tags` column.
pub const TAG_SEPARATOR: &str = "; ";

impl Exporter for Csv {
    fn extension(&self) -> &'static str {
        "csv"
    }

    fn export(&self, items: &[ExportItem<'_>], out: &mut dyn Write) -> Result<(), ExportError> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        let header = COLUMNS.iter().map(|c| match *c {
            "tags" if self.one_row_per_tag => "tag",
            c => c,
        });
        w.write_record(header)?;
        for item in items {
            let path = item.path.to_string_lossy();
            for a in item.sidecar.annotations.iter() {
                let r = JsonlRecord::of(&path, &item.article.sha256, &item.article.text, a);
                let joined = a.tags.join(TAG_SEPARATOR);
                let tags: Vec<&str> = if self.one_row_per_tag && !a.tags.is_empty() {
                    a.tags.iter().map(String::as_str).collect()
                } else if self.one_row_per_tag {
                    vec![""]
                } else {
                    vec![joined.as_str()]
                };
                for tag in tags {
                    w.write_record(row(&r, &item.article.title, tag))?;
                }
            }
        }
        w.flush()?;
        Ok(())
    }
}

fn row(r: &JsonlRecord, title: &str, tags: &str) -> [String; 25] {
    let n = |v: Option<usize>| v.map(|v| v.to_string()).unwrap_or_default();
    let px = |f: fn(&PixelRect) -> u32| {
        r.region
            .as_ref()
            .map(|p| f(p).to_string())
            .unwrap_or_default()
    };
    // A standalone image is its own picture: the column names it too, so that a
    // region row always says which picture it is on.
    let image = match (&r.image, &r.region) {
        (Some(image), _) => image.clone(),
        (None, Some(_)) => std::path::Path::new(&r.article)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        (None, None) => String::new(),
    };
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        r.article.clone(),
        title.to_owned(),
        s(&r.article_sha256),
        r.id.map(|id| id.to_string()).unwrap_or_default(),
        n(r.start),
        n(r.end),
        s(&r.quote),
        s(&r.prefix),
        s(&r.suffix),
        tags.to_owned(),
        s(&r.note),
        s(&r.color),
        s(&r.author),
        s(&r.created),
        s(&r.modified),
        s(&r.status),
        n(r.start_utf16),
        n(r.end_utf16),
        n(r.start_byte),
        n(r.end_byte),
        image,
        px(|p| p.x),
        px(|p| p.y),
        px(|p| p.w),
        px(|p| p.h),
    ]
}
