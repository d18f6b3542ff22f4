//! Reading only what a corpus operation needs: the canonical text of an article
//! without building its reading structure (plain text files), the title shown in the
//! library, and an article's annotations.

use std::path::{Path, PathBuf};

use crate::article::{self, ArticleError, MAX_TEXT_BYTES};
use crate::store::{self, Sidecar, StoreError, WalkProblem};
use crate::tr;

/// Paragraph length above which the reader splits a title line; such a title is
/// taken from the full loader so that the library shows what the reader shows.
const LONG_LINE: usize = 3000;

/// Why an article could not be used by a corpus operation. Messages name the file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The article cannot be read.
    #[error(transparent)]
    Article(#[from] ArticleError),
    /// Its sidecar cannot be read.
    #[error(transparent)]
    Sidecar(#[from] StoreError),
    /// A sidecar whose article is gone.
    #[error("{}", tr!(
        "corpus-article-missing",
        article = .article.display().to_string(),
        path = .sidecar.display().to_string()
    ))]
    MissingArticle {
        /// The article named by the sidecar.
        article: PathBuf,
        /// The sidecar.
        sidecar: PathBuf,
    },
    /// A place in a folder that could not be walked (a symbolic link loop, a folder
    /// that cannot be listed, a special file).
    #[error(transparent)]
    Walk(#[from] WalkProblem),
}

fn is_plain_text(path: &Path) -> bool {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    matches!(extension.as_str(), "txt" | "text" | "")
}

/// True when the "article" at `path` is a picture (listed when it has regions): it
/// has no text to search.
pub fn is_picture(path: &Path) -> bool {
    crate::store::EntryKind::of(path) == Some(crate::store::EntryKind::Image)
}

/// The canonical text of the article at `path`, exactly as [`article::load`] makes it.
/// See [`with_canonical_text`].
pub fn canonical_text(path: &Path) -> Result<String, ArticleError> {
    with_canonical_text(path, str::to_owned)
}

/// Call `f` with the canonical text of the article at `path` (exactly as
/// [`article::load`] makes it) and return what it returns. Plain text in UTF-8 — the
/// common case — is read, checked and handed over in place, without a copy; other
/// files go through the decoder or the full loader.
pub fn with_canonical_text<R>(path: &Path, f: impl FnOnce(&str) -> R) -> Result<R, ArticleError> {
    if !is_plain_text(path) {
        return article::load(path).map(|a| f(a.text.as_str()));
    }
    let bytes = read_limited(path)?;
    let bom = [&[0xEF, 0xBB, 0xBF][..], &[0xFF, 0xFE], &[0xFE, 0xFF]]
        .iter()
        .any(|b| bytes.starts_with(b));
    let plain = !bom && memchr::memchr2(b'\r', 0, &bytes).is_none();
    if plain
        && let Ok(text) = simdutf8::basic::from_utf8(&bytes)
        && !text.trim().is_empty()
    {
        return Ok(f(text));
    }
    article::decode_text(path, &bytes).map(|d| f(&d.text))
}

/// Read a text file whole with the loader's guard and messages: only a regular file
/// (a FIFO or device is refused before it is opened), at most [`MAX_TEXT_BYTES`].
fn read_limited(path: &Path) -> Result<Vec<u8>, ArticleError> {
    Ok(article::read_regular_file(path, MAX_TEXT_BYTES)?)
}

/// The title the reader shows for the article at `path`: for plain text the first
/// non-empty line (read without building the article), for Markdown and HTML the
/// loader's title.
pub fn title(path: &Path) -> Result<String, ArticleError> {
    if !is_plain_text(path) {
        return article::load(path).map(|a| a.title);
    }
    let first = with_canonical_text(path, |text| {
        text.split('\n')
            .find(|line| !line.trim().is_empty())
            .filter(|line| line.chars().count() <= LONG_LINE)
            .map(|line| line.trim().to_owned())
    })?;
    match first {
        Some(title) => Ok(title),
        None => article::load(path).map(|a| a.title),
    }
}

/// The annotations of the article at `path`, anchored in its current text (as
/// export and `check` see them); `None` when it has no sidecar. Nothing is written.
pub fn annotations(path: &Path) -> Result<Option<(String, Sidecar)>, ReadError> {
    let sidecar = store::sidecar_path(path);
    if !sidecar.exists() {
        return Ok(None);
    }
    if !path.exists() {
        return Err(ReadError::MissingArticle {
            article: path.to_owned(),
            sidecar,
        });
    }
    let article = article::load(path)?;
    let (sidecar, _) = Sidecar::open(path, &article)?;
    Ok(Some((article.title, sidecar)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_gives_the_loaders_text_and_title() {
        let dir = tempfile::tempdir().unwrap();
        let cases: [(&str, &[u8]); 5] = [
            ("utf8.txt", "\n\n  শিরোনাম এখানে  \nপ্রথম অনুচ্ছেদ\n".as_bytes()),
            ("bom.txt", b"\xEF\xBB\xBFTitle\r\nBody\r\n"),
            ("cr.txt", b"Old Mac\rtext\r"),
            (
                "latin1.txt",
                b"Caf\xE9 au lait\nVoil\xE0 une phrase assez longue.\n",
            ),
            ("utf16.txt", b"\xFF\xFEA\x00\n\x00B\x00"),
        ];
        for (name, bytes) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let loaded = article::load(&path).unwrap();
            assert_eq!(
                canonical_text(&path).unwrap(),
                loaded.text.as_str(),
                "{name}"
            );
            assert_eq!(title(&path).unwrap(), loaded.title, "{name}");
        }
    }

    #[test]
    fn unreadable_files_give_the_loaders_errors() {
        let dir = tempfile::tempdir().unwrap();
        let binary = dir.path().join("binary.txt");
        std::fs::write(&binary, b"PK\x03\x04\x00\x00binary\x00data").unwrap();
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "  \n").unwrap();
        assert!(matches!(
            canonical_text(&binary),
            Err(ArticleError::Binary(_))
        ));
        assert!(matches!(
            canonical_text(&empty),
            Err(ArticleError::Empty(_))
        ));
        assert!(matches!(
            canonical_text(&dir.path().join("gone.txt")),
            Err(ArticleError::NotFound(_))
        ));
    }
}
