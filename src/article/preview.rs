//! The first screenful of a big plain-text article, read in a moment, to show while the
//! whole file is read, decoded, structured and hashed (a 50 MB article takes a second).

use std::io::Read as _;
use std::path::Path;

use super::{Article, Origin, decode_text, file, plain};

/// How much of the file a preview reads: many screens of text.
pub const PREVIEW_BYTES: u64 = 64 * 1024;

/// The start of the plain-text article at `path`: its first [`PREVIEW_BYTES`] up to the
/// last complete line, structured as the whole article will be (so its first blocks are
/// the article's first blocks). `None` where a preview has nothing to give or could
/// differ from the article: files small enough to read at once, other formats, and
/// text that is not plain UTF-8 (the encoding of a file is detected from all of it).
/// Only for showing: offsets into it are not the article's, so nothing is anchored on it.
pub fn preview(path: &Path) -> Option<Article> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !matches!(extension.as_str(), "txt" | "text" | "") {
        return None;
    }
    let (handle, len) = file::open_regular_file(path).ok()?;
    if len <= 2 * PREVIEW_BYTES {
        return None;
    }
    let mut bytes = Vec::with_capacity(PREVIEW_BYTES as usize);
    handle.take(PREVIEW_BYTES).read_to_end(&mut bytes).ok()?;
    let cut = memchr::memrchr(b'\n', &bytes)?;
    let head = &bytes[..cut];
    // A byte-order mark or any other encoding: the whole file decides.
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) || head.contains(&0) {
        return None;
    }
    std::str::from_utf8(head).ok()?;
    let decoded = decode_text(path, head).ok()?;
    Some(plain::parse(
        Origin::File(path.to_owned()),
        decoded,
        Vec::new(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big_article(dir: &Path, name: &str) -> std::path::PathBuf {
        let corpus = include_str!("../../tests/data/news-putin-kim.txt");
        let mut text = String::new();
        while text.len() < 3 * PREVIEW_BYTES as usize {
            text.push_str(corpus);
            text.push('\n');
        }
        let path = dir.join(name);
        std::fs::write(&path, text).expect("written");
        path
    }

    #[test]
    fn the_preview_is_the_start_of_the_article_block_for_block() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = big_article(dir.path(), "big.txt");
        let whole = crate::article::load(&path).expect("loads");
        let start = preview(&path).expect("a preview of a big text file");
        assert!(whole.text.as_str().starts_with(start.text.as_str()));
        assert!(start.text.as_str().len() <= PREVIEW_BYTES as usize);
        assert_eq!(start.title, whole.title);
        let complete = start.blocks.len() - 1; // the last may be cut short
        assert!(complete > 10);
        for (a, b) in start.blocks[..complete].iter().zip(&whole.blocks) {
            assert_eq!(a.range, b.range);
            assert_eq!(a.kind, b.kind);
        }
    }

    #[test]
    fn no_preview_of_small_files_other_formats_or_other_encodings() {
        let dir = tempfile::tempdir().expect("temp dir");
        let small = dir.path().join("small.txt");
        std::fs::write(&small, "শিরোনাম\n\nএকটি অনুচ্ছেদ।\n").expect("written");
        assert!(preview(&small).is_none(), "small: read at once");
        let big = big_article(dir.path(), "big.txt");
        let html = dir.path().join("big.html");
        std::fs::copy(&big, &html).expect("copied");
        assert!(preview(&html).is_none(), "HTML is not previewed");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(std::fs::read(&big).expect("read"));
        let with_bom = dir.path().join("bom.txt");
        std::fs::write(&with_bom, bom).expect("written");
        assert!(
            preview(&with_bom).is_none(),
            "a BOM: the whole file decides"
        );
        let latin1 = dir.path().join("latin1.txt");
        let mut bytes = b"caf\xe9\n".repeat(PREVIEW_BYTES as usize);
        bytes.truncate(3 * PREVIEW_BYTES as usize);
        std::fs::write(&latin1, bytes).expect("written");
        assert!(preview(&latin1).is_none(), "not UTF-8: no preview");
        assert!(preview(&dir.path().join("missing.txt")).is_none());
    }
}
