//! Articles: loading `.txt`, `.md`, `.html` and image files from disk into a canonical
//! text with a block structure (title, paragraphs, captions, images).
//!
//! Pure: no egui. Every error names the file and the reason.

mod blocks;
mod cut_short;
mod decode;
mod file;
mod html;
mod html_depth;
mod images;
mod markdown;
mod plain;
mod preview;
mod sample;

use crate::tr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::text::{CharRange, DisplayMap, SourceText};

pub use decode::{DecodedText, decode_text};
pub use file::{
    FileError, open_regular_file, read_regular_file, read_regular_file_if_exists,
    regular_file_metadata,
};
pub use images::{
    DecodedImage, ImageError, ImageLimits, UnavailableReason, decode_image, sibling_images,
};
pub(crate) use images::{decode_bytes, file_error, map_image_error, reader};
pub use preview::{PREVIEW_BYTES, preview};
pub use sample::sample_article;

/// Text files larger than this are refused with [`ArticleError::TooLarge`]
/// (the reader opens a 10 MB article in well under a second).
pub const MAX_TEXT_BYTES: u64 = 64 * 1024 * 1024;

/// A loaded article: canonical text, its structure and where it came from.
#[derive(Clone, Debug)]
pub struct Article {
    /// Where the article was read from.
    pub origin: Origin,
    /// Which loader produced it.
    pub format: ArticleFormat,
    /// The title shown in the window title (first non-empty line, first heading, …).
    pub title: String,
    /// The canonical text every offset points into.
    pub text: SourceText,
    /// Map between canonical and display offsets over the whole text.
    pub display: DisplayMap,
    /// Blocks in reading order; text blocks cover disjoint, increasing ranges.
    pub blocks: Vec<Block>,
    /// Lowercase hex SHA-256 of the canonical text's UTF-8 bytes.
    pub sha256: String,
    /// Things the user should know that did not stop loading (e.g. "converted from
    /// windows-1252"), in the interface language and without the file's path: the
    /// window and the CLI add it when they show one.
    pub notices: Vec<String>,
}

/// Where an article came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk.
    File(PathBuf),
    /// The sample article built into the binary.
    Embedded(&'static str),
}

impl Origin {
    /// The file name to show to the user.
    pub fn display_name(&self) -> String {
        match self {
            Origin::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Origin::Embedded(name) => (*name).to_owned(),
        }
    }

    /// The path on disk, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Origin::File(p) => Some(p),
            Origin::Embedded(_) => None,
        }
    }
}

/// Which kind of file an article was loaded from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleFormat {
    /// Plain text (`.txt` or unknown extension that decodes as text).
    PlainText,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// A saved web page (`.html`, `.htm`, `.xhtml`).
    Html,
    /// A standalone image file.
    Image,
}

/// One block of the reading view.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The block's text as a range of the canonical text. Empty for images.
    pub range: CharRange,
    /// Inline styles inside the block, ranges in canonical char offsets.
    pub spans: Vec<StyleSpan>,
    /// True when this block continues the previous one without paragraph spacing
    /// (a very long paragraph split for layout).
    pub continues: bool,
}

/// The kind of a [`Block`].
#[derive(Clone, Debug, PartialEq)]
pub enum BlockKind {
    /// The article's title.
    Title,
    /// A heading of level 1–6 (Markdown / HTML).
    Heading(u8),
    /// A paragraph of body text.
    Paragraph,
    /// An image caption (smaller, muted).
    Caption,
    /// A block quote.
    Quote,
    /// A list item; `marker` is "•" or "3." etc., shown but not part of the text.
    ListItem {
        /// The bullet or number shown before the item.
        marker: String,
        /// Nesting depth, 0 for top level.
        depth: u8,
    },
    /// Preformatted / code text.
    Code,
    /// An image at this place in the article.
    Image(ImageRef),
}

/// An image referenced by an article.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageRef {
    /// Where the image bytes are.
    pub source: ImageSource,
    /// Alternative text (Markdown alt / HTML alt), may be empty.
    pub alt: String,
}

/// Where an image's bytes come from.
#[derive(Clone, Debug, PartialEq)]
pub enum ImageSource {
    /// A local file (already resolved against the article's folder).
    File(PathBuf),
    /// Bytes built into the binary (the sample article).
    Embedded {
        /// A name for messages.
        name: &'static str,
        /// The encoded image.
        bytes: &'static [u8],
    },
    /// A reference Pathok will not follow (remote URL, data it cannot read); the
    /// reason is shown in place of the image.
    Unavailable {
        /// What the article referred to.
        reference: String,
        /// Why it is not shown.
        reason: UnavailableReason,
    },
}

impl ImageSource {
    /// A short name for messages and cache keys.
    pub fn label(&self) -> String {
        match self {
            ImageSource::File(p) => p.display().to_string(),
            ImageSource::Embedded { name, .. } => (*name).to_owned(),
            ImageSource::Unavailable { reference, .. } => reference.clone(),
        }
    }
}

/// An inline style over part of a block.
#[derive(Clone, Debug, PartialEq)]
pub struct StyleSpan {
    /// The styled chars (canonical offsets).
    pub range: CharRange,
    /// The style.
    pub style: InlineStyle,
}

/// Inline styles the reader can show.
#[derive(Clone, Debug, PartialEq)]
pub enum InlineStyle {
    /// Emphasis (italic).
    Emphasis,
    /// Strong (bold).
    Strong,
    /// Inline code.
    Code,
    /// A link; shown, never followed automatically.
    Link(String),
}

/// Why an article could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    /// The path does not exist.
    #[error("{}", tr!("error-not-found", path = .0.display().to_string()))]
    NotFound(PathBuf),
    /// The path is a directory.
    #[error("{}", tr!("error-folder-not-article", path = .0.display().to_string()))]
    IsDirectory(PathBuf),
    /// Reading failed.
    #[error("{}", tr!("error-cannot-read", reason = .source.to_string(), path = .path.display().to_string()))]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file has no text.
    #[error("{}", tr!("error-empty", path = .0.display().to_string()))]
    Empty(PathBuf),
    /// The file holds binary data, not text.
    #[error("{}", tr!("error-binary", path = .0.display().to_string()))]
    Binary(PathBuf),
    /// The encoding could not be determined.
    #[error("{}", tr!("error-encoding", reason = .reason.as_str(), path = .path.display().to_string()))]
    UnknownEncoding {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// The file is above [`MAX_TEXT_BYTES`].
    #[error("{}", tr!("error-too-large-text", limit = *.limit, path = .path.display().to_string()))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit.
        limit: u64,
    },
    /// A FIFO, device or socket (directly or through a symbolic link): never read.
    #[error("{}", tr!("error-not-regular", kind = *.kind, path = .path.display().to_string()))]
    NotRegular {
        /// The file.
        path: PathBuf,
        /// What it is ("FIFO", "character device", …).
        kind: &'static str,
    },
    /// The extension is not one Pathok reads.
    #[error("{}", tr!("error-unsupported", extension = .extension.as_str(), path = .path.display().to_string()))]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// Its extension.
        extension: String,
    },
    /// A standalone image that cannot be shown.
    #[error(transparent)]
    Image(#[from] ImageError),
}

impl From<FileError> for ArticleError {
    fn from(e: FileError) -> Self {
        match e {
            FileError::NotFound { path } => ArticleError::NotFound(path),
            FileError::IsDirectory { path } => ArticleError::IsDirectory(path),
            FileError::NotRegular { path, kind } => ArticleError::NotRegular { path, kind },
            FileError::TooLarge { path, limit } => ArticleError::TooLarge { path, limit },
            FileError::Io { path, source } => ArticleError::Io { path, source },
        }
    }
}

impl Article {
    /// Assemble an article from its parts, computing fingerprint and display map.
    pub fn new(
        origin: Origin,
        format: ArticleFormat,
        title: String,
        text: String,
        blocks: Vec<Block>,
        notices: Vec<String>,
    ) -> Self {
        let sha256 = sha256_hex(text.as_bytes());
        let display = DisplayMap::new(&text);
        Self {
            origin,
            format,
            title,
            text: SourceText::new(text),
            display,
            blocks,
            sha256,
            notices,
        }
    }

    /// The images of the article in reading order.
    pub fn images(&self) -> impl Iterator<Item = &ImageRef> {
        self.blocks.iter().filter_map(|b| match &b.kind {
            BlockKind::Image(image) => Some(image),
            _ => None,
        })
    }
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        use std::fmt::Write as _;
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// Load the article at `path`, choosing the loader by extension. Anything but a
/// regular file (a FIFO, a device, a socket, directly or through a symbolic link) is
/// refused before it is opened.
pub fn load(path: &Path) -> Result<Article, ArticleError> {
    regular_file_metadata(path)?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "png" | "jpg" | "jpeg" | "webp" | "gif" | "bmp" => images::load_image_article(path),
        "md" | "markdown" => Ok(markdown::parse(path, read_text(path)?)),
        "html" | "htm" | "xhtml" => Ok(html::parse(path, read_text(path)?)),
        "txt" | "text" | "" => {
            let decoded = read_text(path)?;
            let images = sibling_images(path);
            Ok(plain::parse(Origin::File(path.to_owned()), decoded, images))
        }
        _ => Err(ArticleError::Unsupported {
            path: path.to_owned(),
            extension,
        }),
    }
}

/// Read and decode a text file of at most [`MAX_TEXT_BYTES`].
fn read_text(path: &Path) -> Result<DecodedText, ArticleError> {
    let bytes = read_regular_file(path, MAX_TEXT_BYTES)?;
    decode_text(path, &bytes)
}

/// Shared handle used by the UI so that big articles are not cloned.
pub type SharedArticle = Arc<Article>;
