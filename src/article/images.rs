//! Images: decoding local image files with limits (no decompression bombs, textures no
//! larger than the GPU takes), the sibling-image convention for `.txt` articles,
//! standalone images opened as articles, and resolving image references of Markdown
//! and HTML articles. Never touches the network.

use crate::tr;
use std::cmp::Ordering;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageDecoder, ImageReader, imageops::FilterType};

use super::cut_short::is_cut_short;
use super::file::{FileError, read_regular_file};
use super::{
    Article, ArticleError, ArticleFormat, Block, BlockKind, ImageRef, ImageSource, Origin,
};
use crate::text::CharRange;

/// File extensions (lowercase) Pathok decodes as images.
const IMAGE_EXTENSIONS: [&str; 6] = ["png", "jpg", "jpeg", "webp", "gif", "bmp"];

/// Bounds applied when decoding an image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageLimits {
    /// Files larger than this are not read.
    pub max_file_bytes: u64,
    /// Images wider than this are refused before decoding.
    pub max_width: u32,
    /// Images taller than this are refused before decoding.
    pub max_height: u32,
    /// The decoder may allocate at most this many bytes.
    pub max_alloc_bytes: u64,
    /// Decoded images are downscaled so that neither side exceeds this.
    pub max_texture_side: u32,
}

impl Default for ImageLimits {
    fn default() -> Self {
        Self {
            max_file_bytes: 64 * 1024 * 1024,
            max_width: 20_000,
            max_height: 20_000,
            max_alloc_bytes: 512 * 1024 * 1024,
            max_texture_side: 4096,
        }
    }
}

/// A decoded image, ready to become a texture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedImage {
    /// Width of `rgba` in pixels.
    pub width: u32,
    /// Height of `rgba` in pixels.
    pub height: u32,
    /// Straight (not premultiplied) RGBA8 pixels, row by row.
    pub rgba: Vec<u8>,
    /// Size of the image as stored (after EXIF orientation), before downscaling.
    pub original_size: (u32, u32),
    /// What the reader should know about the picture shown, naming its file: that it
    /// is cut short and its missing part is blank.
    pub notice: Option<String>,
}

/// Why an image an article refers to is not loaded; shown in its place, in the
/// interface's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnavailableReason {
    /// The image element has no source.
    NoSource,
    /// A web address: Pathok never uses the network.
    Remote,
    /// The picture is inside the article as a `data:` URL.
    DataUrl,
    /// A link of another kind (`ftp:`, `cid:` …); the scheme without its colon.
    Scheme(String),
}

impl std::fmt::Display for UnavailableReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            UnavailableReason::NoSource => tr!("image-unavailable-no-source"),
            UnavailableReason::Remote => tr!("image-unavailable-remote"),
            UnavailableReason::DataUrl => tr!("image-unavailable-data-url"),
            UnavailableReason::Scheme(scheme) => {
                tr!("image-unavailable-scheme", scheme = scheme.as_str())
            }
        };
        f.write_str(&text)
    }
}

/// Why an image cannot be shown. Every message ends with the file (or label).
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    /// The file does not exist.
    #[error("{}", tr!("error-image-not-found", label = .0.as_str()))]
    NotFound(String),
    /// Reading the file failed.
    #[error("{}", tr!("error-image-cannot-read", reason = .source.to_string(), label = .label.as_str()))]
    Io {
        /// The file.
        label: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is larger than [`ImageLimits::max_file_bytes`].
    #[error("{}", tr!("error-image-too-large", limit = *.limit, label = .label.as_str()))]
    TooLarge {
        /// The file.
        label: String,
        /// The limit.
        limit: u64,
    },
    /// A FIFO, device or socket (directly or through a symbolic link): never read.
    #[error("{}", tr!("error-image-not-regular", kind = *.kind, label = .label.as_str()))]
    NotRegular {
        /// The file.
        label: String,
        /// What it is ("FIFO", "character device", …).
        kind: &'static str,
    },
    /// The image has more pixels than the limits allow (decompression bomb guard).
    #[error("{}", tr!(
        "error-image-dimensions",
        width = *.width,
        height = *.height,
        limit = .limit.as_str(),
        label = .label.as_str()
    ))]
    TooManyPixels {
        /// The file.
        label: String,
        /// Width claimed by the file.
        width: u32,
        /// Height claimed by the file.
        height: u32,
        /// The limit that was hit.
        limit: String,
    },
    /// The decoder refused because of a limit, without known dimensions.
    #[error("{}", tr!("error-image-limits", detail = .detail.as_str(), label = .label.as_str()))]
    LimitExceeded {
        /// The file.
        label: String,
        /// The decoder's message.
        detail: String,
    },
    /// The file is empty.
    #[error("{}", tr!("error-image-empty", label = .0.as_str()))]
    Empty(String),
    /// A folder where an image file was expected.
    #[error("{}", tr!("error-image-folder", label = .0.as_str()))]
    Folder(String),
    /// The file is none of the image formats Pathok reads (text renamed `.jpg` …).
    #[error("{}", tr!("error-image-not-image", label = .0.as_str()))]
    NotAnImage(String),
    /// The file stops before its end, so early that nothing of it can be decoded.
    #[error("{}", tr!("error-image-cut-short", label = .0.as_str()))]
    CutShort(String),
    /// An image format or variant Pathok does not read.
    #[error("{}", tr!("error-image-unsupported", detail = .detail.as_str(), label = .label.as_str()))]
    Unsupported {
        /// The file.
        label: String,
        /// What was found.
        detail: String,
    },
    /// The file is corrupt or truncated.
    #[error("{}", tr!("error-image-decode", detail = .detail.as_str(), label = .label.as_str()))]
    Decode {
        /// The file.
        label: String,
        /// The decoder's message.
        detail: String,
    },
    /// The article refers to an image Pathok does not load (remote URL, data: URL…).
    #[error("{reason}: {reference}")]
    Unavailable {
        /// What the article referred to.
        reference: String,
        /// Why it is not loaded.
        reason: UnavailableReason,
    },
}

/// Decode `source` into straight RGBA8 pixels within `limits`.
///
/// Images whose header claims more than `max_width`×`max_height` pixels, or whose
/// decoding would allocate more than `max_alloc_bytes`, are refused before any pixel
/// buffer is allocated. EXIF orientation is applied. The result is downscaled (triangle
/// filter, aspect ratio kept) so that neither side exceeds `max_texture_side`.
pub fn decode_image(
    source: &ImageSource,
    limits: &ImageLimits,
) -> Result<DecodedImage, ImageError> {
    let label = source.label();
    match source {
        ImageSource::Unavailable { reference, reason } => Err(ImageError::Unavailable {
            reference: reference.clone(),
            reason: reason.clone(),
        }),
        ImageSource::Embedded { bytes, .. } => {
            check_size(bytes.len() as u64, limits, &label)?;
            decode_bytes(bytes, limits, label)
        }
        ImageSource::File(path) => {
            let bytes = read_regular_file(path, limits.max_file_bytes)
                .map_err(|e| file_error(e, &label))?;
            decode_bytes(&bytes, limits, label)
        }
    }
}

fn check_size(size: u64, limits: &ImageLimits, label: &str) -> Result<(), ImageError> {
    if size > limits.max_file_bytes {
        return Err(ImageError::TooLarge {
            label: label.to_owned(),
            limit: limits.max_file_bytes,
        });
    }
    Ok(())
}

/// An image file that could not be read, as an [`ImageError`] naming `label`.
pub(crate) fn file_error(e: FileError, label: &str) -> ImageError {
    let label = label.to_owned();
    match e {
        FileError::NotFound { .. } => ImageError::NotFound(label),
        FileError::IsDirectory { .. } => ImageError::Folder(label),
        FileError::NotRegular { kind, .. } => ImageError::NotRegular { label, kind },
        FileError::TooLarge { limit, .. } => ImageError::TooLarge { label, limit },
        FileError::Io { source, .. } => ImageError::Io { label, source },
    }
}

fn io_error(e: std::io::Error, label: &str) -> ImageError {
    match e.kind() {
        std::io::ErrorKind::NotFound => ImageError::NotFound(label.to_owned()),
        _ => ImageError::Io {
            label: label.to_owned(),
            source: e,
        },
    }
}

/// A reader over `bytes` with its format guessed from the content.
pub(crate) fn reader<'a>(
    bytes: &'a [u8],
    label: &str,
) -> Result<ImageReader<Cursor<&'a [u8]>>, ImageError> {
    if bytes.is_empty() {
        return Err(ImageError::Empty(label.to_owned()));
    }
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| io_error(e, label))?;
    if reader.format().is_none() {
        return Err(ImageError::NotAnImage(label.to_owned()));
    }
    Ok(reader)
}

/// A decoding error for the picture in `bytes`: that it is cut short when it is (the
/// decoder's own words, "unexpected end of file", do not say so).
fn decoding_error(e: image::ImageError, bytes: &[u8], label: &str) -> ImageError {
    match e {
        image::ImageError::Decoding(_) | image::ImageError::IoError(_) if is_cut_short(bytes) => {
            ImageError::CutShort(label.to_owned())
        }
        e => map_image_error(e, label),
    }
}

/// The notice for a picture that decoded although it is cut short (its missing part
/// is blank), naming it by `label`.
fn cut_short_notice(bytes: &[u8], label: &str) -> Option<String> {
    is_cut_short(bytes).then(|| format!("{}: {label}", tr!("image-cut-short")))
}

/// Map an `image` crate error to [`ImageError`].
pub(crate) fn map_image_error(e: image::ImageError, label: &str) -> ImageError {
    let label = label.to_owned();
    let detail = e.to_string();
    match e {
        image::ImageError::Limits(_) => ImageError::LimitExceeded { label, detail },
        image::ImageError::Unsupported(_) => ImageError::Unsupported { label, detail },
        _ => ImageError::Decode { label, detail },
    }
}

pub(crate) fn decode_bytes(
    bytes: &[u8],
    limits: &ImageLimits,
    label: String,
) -> Result<DecodedImage, ImageError> {
    let too_many = |(width, height): (u32, u32), limit: String| ImageError::TooManyPixels {
        label: label.clone(),
        width,
        height,
        limit,
    };
    let mut decoder_limits = image::Limits::default();
    decoder_limits.max_image_width = Some(limits.max_width);
    decoder_limits.max_image_height = Some(limits.max_height);
    decoder_limits.max_alloc = Some(limits.max_alloc_bytes);
    let mut reader = reader(bytes, &label)?;
    reader.limits(decoder_limits);
    let mut decoder = match reader.into_decoder() {
        Ok(decoder) => decoder,
        Err(image::ImageError::Limits(e)) => {
            // Read the header again without limits to say how large the image claims to be.
            let dims = reader_dimensions(bytes);
            return Err(match dims {
                Some(dims) if dims.0 > limits.max_width || dims.1 > limits.max_height => too_many(
                    dims,
                    tr!(
                        "image-limit-pixels",
                        width = limits.max_width,
                        height = limits.max_height
                    ),
                ),
                _ => ImageError::LimitExceeded {
                    label,
                    detail: e.to_string(),
                },
            });
        }
        Err(e) => return Err(decoding_error(e, bytes, &label)),
    };
    let dims = decoder.dimensions();
    if decoder.total_bytes() > limits.max_alloc_bytes {
        return Err(too_many(
            dims,
            tr!("image-limit-bytes", bytes = limits.max_alloc_bytes),
        ));
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image =
        DynamicImage::from_decoder(decoder).map_err(|e| decoding_error(e, bytes, &label))?;
    image.apply_orientation(orientation);
    let original_size = (image.width(), image.height());
    let side = limits.max_texture_side.max(1);
    if image.width() > side || image.height() > side {
        image = image.resize(side, side, FilterType::Triangle);
    }
    let rgba = image.into_rgba8();
    Ok(DecodedImage {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
        original_size,
        notice: cut_short_notice(bytes, &label),
    })
}

/// The dimensions in the header of the image in `bytes`, read without limits.
fn reader_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .ok()?;
    reader.no_limits();
    reader.into_dimensions().ok()
}

/// True when `path` has one of the image extensions Pathok reads (any case).
fn has_image_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| IMAGE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The images that belong to a `.txt` article by naming convention.
///
/// They are the image files (png, jpg, jpeg, webp, gif, bmp; any case) in the
/// article's folder whose name is the article's file stem followed by `.`, `-` or `_`:
/// for `a.txt` that is `a.jpg`, `a-1.png`, `a_2.webp`, but not `ab.png`. They are
/// sorted by what follows the stem, in natural order (`a.jpg`, `a-2.png`, `a-10.png`).
/// An unreadable folder gives no images.
pub fn sibling_images(article: &Path) -> Vec<ImageSource> {
    let Some(stem) = article
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
    else {
        return Vec::new();
    };
    let dir = match article.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut found: Vec<(String, String, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(stem.as_str()) else {
            continue;
        };
        if !(rest.starts_with(['.', '-', '_'])) {
            continue;
        }
        let path = entry.path();
        if !has_image_extension(&path) || !path.is_file() {
            continue;
        }
        // What follows the stem, without the extension: "" for a.jpg, "-10" for a-10.png.
        let suffix = match rest.rfind('.') {
            Some(dot) => rest[..dot].to_owned(),
            None => rest.to_owned(),
        };
        let path = if article.parent().is_some_and(|p| p.as_os_str().is_empty()) {
            PathBuf::from(&name)
        } else {
            path
        };
        found.push((suffix, name, path));
    }
    found.sort_by(|a, b| natural_cmp(&a.0, &b.0).then_with(|| natural_cmp(&a.1, &b.1)));
    found
        .into_iter()
        .map(|(_, _, path)| ImageSource::File(path))
        .collect()
}

/// Compare two strings with runs of ASCII digits ordered by their numeric value.
fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.chars().next(), b.chars().next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let da = a.find(|c: char| !c.is_ascii_digit()).unwrap_or(a.len());
                let db = b.find(|c: char| !c.is_ascii_digit()).unwrap_or(b.len());
                let (na, nb) = (
                    a[..da].trim_start_matches('0'),
                    b[..db].trim_start_matches('0'),
                );
                let ord = na
                    .len()
                    .cmp(&nb.len())
                    .then_with(|| na.cmp(nb))
                    .then_with(|| da.cmp(&db));
                if ord != Ordering::Equal {
                    return ord;
                }
                a = &a[da..];
                b = &b[db..];
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                a = &a[x.len_utf8()..];
                b = &b[y.len_utf8()..];
            }
        }
    }
}

/// Open a standalone image file as an article: one image block, title and canonical
/// text are the file name. Only the header is decoded here (decoding happens when
/// shown); the file is read whole to tell, as a notice, that it is cut short.
pub(crate) fn load_image_article(path: &Path) -> Result<Article, ArticleError> {
    let label = path.display().to_string();
    let bytes = read_regular_file(path, ImageLimits::default().max_file_bytes)
        .map_err(|e| file_error(e, &label))?;
    reader(&bytes, &label)?
        .into_dimensions()
        .map_err(|e| decoding_error(e, &bytes, &label))?;
    let notices = if is_cut_short(&bytes) {
        vec![tr!("image-cut-short")]
    } else {
        Vec::new()
    };
    let name = Origin::File(path.to_owned()).display_name();
    let block = Block {
        kind: BlockKind::Image(ImageRef {
            source: ImageSource::File(path.to_owned()),
            alt: name.clone(),
        }),
        range: CharRange::new(0, 0),
        spans: Vec::new(),
        continues: false,
    };
    Ok(Article::new(
        Origin::File(path.to_owned()),
        ArticleFormat::Image,
        name.clone(),
        name,
        vec![block],
        notices,
    ))
}

/// Resolve an image reference of a Markdown or HTML article against the article's
/// folder. Remote (`http:`, `https:`, `//host`), `data:` and other URL references
/// become [`ImageSource::Unavailable`]; `file:` URLs and relative or absolute paths
/// (percent-decoded, without `?query` or `#fragment`) become [`ImageSource::File`].
pub(super) fn resolve_reference(base: &Path, reference: &str) -> ImageSource {
    let r = reference.trim();
    let unavailable = |reason: UnavailableReason| ImageSource::Unavailable {
        reference: shorten(r, 80),
        reason,
    };
    if r.is_empty() {
        return unavailable(UnavailableReason::NoSource);
    }
    let lower = r.to_ascii_lowercase();
    if lower.starts_with("//") || lower.starts_with("http:") || lower.starts_with("https:") {
        return unavailable(UnavailableReason::Remote);
    }
    if lower.starts_with("data:") {
        return unavailable(UnavailableReason::DataUrl);
    }
    if lower.starts_with("file:") {
        let rest = r["file:".len()..].trim_start_matches('/');
        let rest = rest.strip_prefix("localhost/").unwrap_or(rest);
        let path = percent_decode(strip_query(rest));
        if cfg!(windows) && path.get(1..2) == Some(":") {
            return ImageSource::File(PathBuf::from(path));
        }
        return ImageSource::File(PathBuf::from(format!("/{path}")));
    }
    if let Some(colon) = r.find(':') {
        let scheme = &r[..colon];
        let is_scheme = scheme.len() > 1
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
        if is_scheme {
            return unavailable(UnavailableReason::Scheme(scheme.to_owned()));
        }
    }
    let decoded = base.join(percent_decode(strip_query(r)));
    if !decoded.exists() && base.join(r).exists() {
        return ImageSource::File(base.join(r));
    }
    ImageSource::File(decoded)
}

/// `s` without a `?query` or `#fragment`.
fn strip_query(s: &str) -> &str {
    s.find(['?', '#']).map_or(s, |i| &s[..i])
}

/// Decode `%XX` escapes (invalid UTF-8 is replaced).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// At most `max` chars of `s`, with "…" when cut.
pub(super) fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    /// CRC-32 (IEEE) as PNG chunks use it.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbaImage::from_fn(width, height, |x, y| {
            image::Rgba([(x % 256) as u8, (y % 256) as u8, 200, 255])
        });
        let mut bytes = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
            .expect("encode png");
        bytes
    }

    /// A PNG whose IHDR claims `width`×`height` (CRC fixed), with a tiny real payload.
    fn bomb(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = png(1, 1);
        // Signature (8), chunk length (4), "IHDR" (4), then width and height.
        assert_eq!(&bytes[12..16], b"IHDR");
        bytes[16..20].copy_from_slice(&width.to_be_bytes());
        bytes[20..24].copy_from_slice(&height.to_be_bytes());
        let crc = crc32(&bytes[12..29]);
        bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        bytes
    }

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write test file");
        path
    }

    #[test]
    fn crc32_matches_the_known_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn sibling_images_follow_the_naming_convention_in_natural_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = write(dir.path(), "a.txt", "কোরিয়া".as_bytes());
        for name in [
            "a-10.png",
            "a_2.webp",
            "a-2.png",
            "ab.png",
            "a.JPG",
            "a-1.png",
            "b.png",
            "a-3.txt",
            "a.gif.bak",
        ] {
            write(dir.path(), name, b"x");
        }
        std::fs::create_dir(dir.path().join("a-5.png")).expect("mkdir");
        let names: Vec<String> = sibling_images(&article)
            .iter()
            .map(|s| match s {
                ImageSource::File(p) => p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        assert_eq!(
            names,
            ["a.JPG", "a-1.png", "a-2.png", "a-10.png", "a_2.webp"]
        );
        assert!(sibling_images(&dir.path().join("missing/x.txt")).is_empty());
    }

    #[test]
    fn natural_order_compares_numbers_by_value() {
        assert_eq!(natural_cmp("a-2", "a-10"), Ordering::Less);
        assert_eq!(natural_cmp("a-010", "a-9"), Ordering::Greater);
        assert_eq!(natural_cmp("a-02", "a-2"), Ordering::Greater);
        assert_eq!(natural_cmp("ছবি-3", "ছবি-3"), Ordering::Equal);
        assert_eq!(natural_cmp("", "-1"), Ordering::Less);
    }

    #[test]
    fn decodes_a_png_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = write(dir.path(), "photo.png", &png(30, 20));
        let image =
            decode_image(&ImageSource::File(path), &ImageLimits::default()).expect("decodes");
        assert_eq!(
            (image.width, image.height, image.original_size),
            (30, 20, (30, 20))
        );
        assert_eq!(image.rgba.len(), 30 * 20 * 4);
        assert_eq!(&image.rgba[..4], &[0, 0, 200, 255]);
    }

    #[test]
    fn oversized_images_are_downscaled_to_the_texture_limit() {
        let limits = ImageLimits {
            max_texture_side: 64,
            ..ImageLimits::default()
        };
        let bytes: &'static [u8] = Box::leak(png(300, 100).into_boxed_slice());
        let source = ImageSource::Embedded {
            name: "wide.png",
            bytes,
        };
        let image = decode_image(&source, &limits).expect("decodes");
        assert_eq!(image.original_size, (300, 100));
        assert_eq!(image.width, 64);
        assert!((21..=22).contains(&image.height), "{}", image.height);
        assert_eq!(image.rgba.len(), (image.width * image.height * 4) as usize);
    }

    #[test]
    fn a_decompression_bomb_is_refused_before_decoding() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = write(dir.path(), "bomb.png", &bomb(100_000, 100_000));
        let err = decode_image(&ImageSource::File(path.clone()), &ImageLimits::default())
            .expect_err("refused");
        assert!(
            matches!(
                err,
                ImageError::TooManyPixels {
                    width: 100_000,
                    height: 100_000,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(
            err.to_string().ends_with(&path.display().to_string()),
            "{err}"
        );
        // Within the side limits but above the allocation limit.
        let limits = ImageLimits {
            max_alloc_bytes: 1024 * 1024,
            ..ImageLimits::default()
        };
        let path = write(dir.path(), "big.png", &bomb(10_000, 10_000));
        let err = decode_image(&ImageSource::File(path), &limits).expect_err("refused");
        assert!(
            matches!(
                err,
                ImageError::TooManyPixels { .. } | ImageError::LimitExceeded { .. }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn corrupt_truncated_and_foreign_files_give_typed_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        let limits = ImageLimits::default();
        let mut corrupt = png(16, 16);
        corrupt.truncate(8);
        corrupt.extend_from_slice(&[0xAB; 64]);
        let path = write(dir.path(), "corrupt.png", &corrupt);
        let err = decode_image(&ImageSource::File(path.clone()), &limits).expect_err("corrupt");
        assert!(matches!(err, ImageError::Decode { .. }), "{err:?}");
        assert!(
            err.to_string().starts_with("cannot decode image ("),
            "{err}"
        );
        assert!(
            err.to_string().ends_with(&format!("): {}", path.display())),
            "{err}"
        );

        let full = png(64, 64);
        let path = write(dir.path(), "truncated.png", &full[..full.len() / 2]);
        let err = decode_image(&ImageSource::File(path), &limits).expect_err("truncated");
        assert!(matches!(err, ImageError::CutShort(_)), "{err:?}");
        assert!(err.to_string().contains("cut short"), "{err}");

        let path = write(dir.path(), "text.png", "কোরিয়া নয়".as_bytes());
        let err = decode_image(&ImageSource::File(path), &limits).expect_err("not an image");
        assert!(matches!(err, ImageError::NotAnImage(_)), "{err:?}");

        let err = decode_image(&ImageSource::File(dir.path().join("missing.png")), &limits)
            .expect_err("missing");
        assert!(matches!(err, ImageError::NotFound(_)), "{err:?}");

        let small = ImageLimits {
            max_file_bytes: 10,
            ..ImageLimits::default()
        };
        let path = write(dir.path(), "ok.png", &png(4, 4));
        let err = decode_image(&ImageSource::File(path), &small).expect_err("too large");
        assert!(
            matches!(err, ImageError::TooLarge { limit: 10, .. }),
            "{err:?}"
        );

        let remote = resolve_reference(dir.path(), "https://example.com/a.png");
        let err = decode_image(&remote, &limits).expect_err("remote");
        assert_eq!(
            err.to_string(),
            format!("{}: https://example.com/a.png", UnavailableReason::Remote)
        );
    }

    #[test]
    fn a_standalone_image_opens_as_an_article() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = write(dir.path(), "ছবি.png", &png(8, 8));
        let article = load_image_article(&path).expect("opens");
        assert_eq!(article.format, ArticleFormat::Image);
        assert_eq!(article.title, "ছবি.png");
        assert_eq!(article.text.as_str(), "ছবি.png");
        assert_eq!(article.blocks.len(), 1);
        assert!(
            matches!(&article.blocks[0].kind, BlockKind::Image(ImageRef { source: ImageSource::File(p), .. }) if *p == path)
        );

        // Its first chunk announces more bytes than the file has.
        let path = write(dir.path(), "broken.png", b"\x89PNG\r\n\x1a\n garbage");
        let err = load_image_article(&path).expect_err("broken");
        assert!(
            matches!(err, ArticleError::Image(ImageError::CutShort(_))),
            "{err:?}"
        );
        let err = load_image_article(&dir.path().join("gone.png")).expect_err("missing");
        assert!(
            matches!(err, ArticleError::Image(ImageError::NotFound(_))),
            "{err:?}"
        );
    }

    /// A `side`×`side` JPEG (colours varying over it, so that its data is not tiny).
    fn jpeg(side: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(side, side, |x, y| {
            image::Rgb([
                (x * 7 % 256) as u8,
                (y * 5 % 256) as u8,
                ((x ^ y) % 256) as u8,
            ])
        });
        let mut bytes = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Jpeg)
            .expect("encode jpeg");
        bytes
    }

    #[test]
    fn a_jpeg_cut_short_is_shown_with_a_notice_naming_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let whole = jpeg(96);
        let path = write(dir.path(), "whole.jpg", &whole);
        let image = decode_image(&ImageSource::File(path.clone()), &ImageLimits::default())
            .expect("decodes");
        assert_eq!(image.notice, None);
        assert!(load_image_article(&path).expect("opens").notices.is_empty());

        let path = write(dir.path(), "cut.jpg", &whole[..whole.len() * 6 / 10]);
        let image = decode_image(&ImageSource::File(path.clone()), &ImageLimits::default())
            .expect("what is there decodes");
        assert_eq!((image.width, image.height), (96, 96));
        let notice = image.notice.expect("a notice");
        assert!(notice.contains("cut short (truncated)"), "{notice}");
        assert!(
            notice.ends_with(&format!(": {}", path.display())),
            "{notice}"
        );
        // Opened on its own: the article says so (the app adds the file's name).
        let article = load_image_article(&path).expect("opens");
        assert_eq!(article.notices.len(), 1, "{:?}", article.notices);
        assert!(
            notice.starts_with(&article.notices[0]),
            "{:?}",
            article.notices
        );
    }

    #[test]
    fn empty_foreign_folder_and_fifo_pictures_say_what_they_are() {
        let dir = tempfile::tempdir().expect("tempdir");
        let limits = ImageLimits::default();
        let empty = write(dir.path(), "empty.png", b"");
        let err = decode_image(&ImageSource::File(empty.clone()), &limits).expect_err("empty");
        assert!(matches!(err, ImageError::Empty(_)), "{err:?}");
        assert!(err.to_string().contains("empty"), "{err}");
        assert!(
            err.to_string().ends_with(&empty.display().to_string()),
            "{err}"
        );
        let err = load_image_article(&empty).expect_err("empty");
        assert!(
            matches!(err, ArticleError::Image(ImageError::Empty(_))),
            "{err:?}"
        );

        let text = write(dir.path(), "notes.jpg", "এটি ছবি নয়".as_bytes());
        let err = load_image_article(&text).expect_err("text");
        assert!(
            matches!(err, ArticleError::Image(ImageError::NotAnImage(_))),
            "{err:?}"
        );
        assert!(err.to_string().starts_with("not an image"), "{err}");

        let folder = dir.path().join("x.png");
        std::fs::create_dir(&folder).expect("mkdir");
        let err = decode_image(&ImageSource::File(folder.clone()), &limits).expect_err("folder");
        assert!(matches!(err, ImageError::Folder(_)), "{err:?}");
        assert!(
            err.to_string().ends_with(&folder.display().to_string()),
            "{err}"
        );

        #[cfg(unix)]
        {
            let fifo = dir.path().join("x.jpg");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                // On a thread, so that a read that blocks fails the test instead of
                // hanging it.
                let (send, receive) = std::sync::mpsc::channel();
                let path = fifo.clone();
                std::thread::spawn(move || {
                    let _ = send.send(load_image_article(&path).map(|_| ()));
                });
                let err = receive
                    .recv_timeout(std::time::Duration::from_secs(5))
                    .expect("answers without waiting for a writer")
                    .expect_err("fifo");
                assert!(
                    matches!(err, ArticleError::Image(ImageError::NotRegular { .. })),
                    "{err:?}"
                );
            }
        }
    }

    #[test]
    fn reasons_for_an_image_not_loaded_are_in_the_interface_language() {
        use crate::i18n::{Language, with_language};
        let english = with_language(Language::English, || UnavailableReason::Remote.to_string());
        let bengali = with_language(Language::Bengali, || UnavailableReason::Remote.to_string());
        assert!(english.contains("never uses the network"), "{english}");
        assert!(bengali.contains("পাঠক"), "{bengali}");
        let scheme = UnavailableReason::Scheme("ftp".to_owned());
        let bengali = with_language(Language::Bengali, || scheme.to_string());
        assert!(
            bengali.contains("\"ftp:\"") && bengali.contains("লিংক"),
            "{bengali}"
        );
    }

    #[test]
    fn references_resolve_locally_or_are_unavailable() {
        let base = Path::new("/articles");
        let file = |r: &str| match resolve_reference(base, r) {
            ImageSource::File(p) => p,
            other => panic!("{r}: {other:?}"),
        };
        let reason = |r: &str| match resolve_reference(base, r) {
            ImageSource::Unavailable { reason, .. } => reason,
            other => panic!("{r}: {other:?}"),
        };
        assert_eq!(file("img/a.png"), Path::new("/articles/img/a.png"));
        assert_eq!(
            file("page_files/%E0%A6%95%20b.jpg?w=300#top"),
            Path::new("/articles/page_files/ক b.jpg")
        );
        assert_eq!(file("file:///home/u/x.png"), Path::new("/home/u/x.png"));
        assert_eq!(file("/abs/y.png"), Path::new("/abs/y.png"));
        assert_eq!(
            reason("http://example.com/a.png"),
            UnavailableReason::Remote
        );
        assert_eq!(
            reason("HTTPS://example.com/a.png"),
            UnavailableReason::Remote
        );
        assert_eq!(reason("//cdn.example.com/a.png"), UnavailableReason::Remote);
        assert_eq!(
            reason("data:image/png;base64,AAAA"),
            UnavailableReason::DataUrl
        );
        assert_eq!(
            reason("ftp://example.com/a.png"),
            UnavailableReason::Scheme("ftp".to_owned())
        );
        assert_eq!(reason("  "), UnavailableReason::NoSource);
    }
}
