//! Pictures as annotation targets: rectangles in an image's own pixels, the geometry
//! the drawing tools need (snapping, moving, resizing, clamping), and reading an
//! image's bytes (SHA-256, size and pixels after EXIF orientation).
//!
//! Pure: no egui. Coordinates are always those of the image as a viewer shows it,
//! i.e. after its EXIF orientation is applied, in whole pixels, whatever the zoom.

mod geometry;
mod oriented;

pub use geometry::{Handle, PixelRect, PixelSize};
pub use oriented::{OrientedImage, crop_png, decode_oriented, oriented_size, upright_copy};

/// Lowercase hex SHA-256 of an image file's bytes: what a region remembers of the
/// picture it was drawn on.
pub fn image_sha256(bytes: &[u8]) -> String {
    crate::article::sha256_hex(bytes)
}

/// The picture file a region key names: the annotated file itself for `None`,
/// otherwise `image` (a `/`-separated path) relative to the article's folder.
pub fn image_file(article: &std::path::Path, image: Option<&str>) -> std::path::PathBuf {
    match image {
        None => article.to_owned(),
        Some(rel) => {
            let mut path = article
                .parent()
                .map(std::path::Path::to_path_buf)
                .unwrap_or_default();
            path.extend(rel.split('/'));
            path
        }
    }
}

/// The current SHA-256 of every picture the regions among `annotations` point at,
/// read from the files next to `article` (the article's own file for a standalone
/// image). Pictures that cannot be read are left out, so their regions are flagged.
pub fn current_image_hashes<'a>(
    article: &std::path::Path,
    annotations: impl IntoIterator<Item = &'a crate::annotate::Annotation>,
) -> crate::annotate::ImageHashes {
    let mut hashes = crate::annotate::ImageHashes::new();
    for a in annotations {
        let Some(region) = &a.region else { continue };
        if hashes.contains_key(&region.image) {
            continue;
        }
        let file = image_file(article, region.image.as_deref());
        let limit = crate::article::ImageLimits::default().max_file_bytes;
        if let Ok(bytes) = crate::article::read_regular_file(&file, limit) {
            hashes.insert(region.image.clone(), image_sha256(&bytes));
        }
    }
    hashes
}

/// The path of `image` relative to the folder of `article`, with `/` between folders,
/// as a region of an article's picture records it (`story-1.png`, `img/photo.jpg`,
/// `../shared/map.png`). `None` when no relative path exists (another drive).
pub fn relative_image_path(article: &std::path::Path, image: &std::path::Path) -> Option<String> {
    use std::path::Component;
    let base = article.parent().unwrap_or(std::path::Path::new(""));
    let base: Vec<Component<'_>> = base
        .components()
        .filter(|c| *c != Component::CurDir)
        .collect();
    let target: Vec<Component<'_>> = image
        .components()
        .filter(|c| *c != Component::CurDir)
        .collect();
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    if base[common..]
        .iter()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut parts: Vec<String> = vec!["..".to_owned(); base.len() - common];
    for c in &target[common..] {
        match c {
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            Component::ParentDir => parts.push("..".to_owned()),
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::relative_image_path;

    #[test]
    fn an_articles_picture_is_named_relative_to_the_article() {
        let rel = |a: &str, i: &str| relative_image_path(Path::new(a), Path::new(i));
        assert_eq!(
            rel("news/story.txt", "news/story-1.png").as_deref(),
            Some("story-1.png")
        );
        assert_eq!(
            rel("news/story.md", "news/img/a.jpg").as_deref(),
            Some("img/a.jpg")
        );
        assert_eq!(
            rel("news/story.md", "shared/a.jpg").as_deref(),
            Some("../shared/a.jpg")
        );
        assert_eq!(rel("story.md", "./a b.png").as_deref(), Some("a b.png"));
        assert_eq!(
            rel("/c/news/s.md", "/c/news/x/p.png").as_deref(),
            Some("x/p.png")
        );
    }
}
