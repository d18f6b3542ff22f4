//! Crops of picture regions for the reports: each region cut out of its picture (at
//! full size, EXIF orientation applied) as a PNG, embedded as a `data:` URI (so that
//! the HTML report stays one file that works offline) or written beside the Markdown
//! report.

use std::collections::BTreeMap;

use super::exporter::ExportItem;
use crate::annotate::{Annotation, AnnotationId};
use crate::article::{ImageError, ImageLimits, file_error, read_regular_file};
use crate::picture::{self, OrientedImage};

/// The crop of each picture region of `item` as PNG bytes, or why its picture cannot
/// be shown. Each picture is decoded once.
pub fn region_crops(item: &ExportItem<'_>) -> BTreeMap<AnnotationId, Result<Vec<u8>, String>> {
    let mut pictures: BTreeMap<Option<&str>, Result<OrientedImage, String>> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for a in item.sidecar.annotations.regions() {
        let Some(region) = &a.region else { continue };
        let key = region.image.as_deref();
        let decoded = pictures
            .entry(key)
            .or_insert_with(|| decode(item, key).map_err(|e| e.to_string()));
        let crop = match decoded {
            Ok(image) => picture::crop_png(image, region.rect).ok_or_else(|| {
                format!(
                    "the region {}×{} at {},{} is outside the picture as it is now",
                    region.rect.w, region.rect.h, region.rect.x, region.rect.y
                )
            }),
            Err(e) => Err(e.clone()),
        };
        out.insert(a.id, crop);
    }
    out
}

/// A short description of a region for alt texts and links: picture and rectangle.
pub fn region_label(item: &ExportItem<'_>, a: &Annotation) -> String {
    let Some(region) = &a.region else {
        return String::new();
    };
    let image = region.image.clone().unwrap_or_else(|| {
        item.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let r = region.rect;
    format!("{image} x={} y={} w={} h={}", r.x, r.y, r.w, r.h)
}

fn decode(item: &ExportItem<'_>, image: Option<&str>) -> Result<OrientedImage, ImageError> {
    let file = picture::image_file(item.path, image);
    let label = file.display().to_string();
    let bytes = read_regular_file(&file, ImageLimits::default().max_file_bytes)
        .map_err(|e| file_error(e, &label))?;
    picture::decode_oriented(&bytes, &label)
}

/// `png` as a `data:image/png;base64,…` URI.
pub fn data_uri_png(png: &[u8]) -> String {
    let mut out = String::from("data:image/png;base64,");
    base64_into(&mut out, png);
    out
}

/// Standard base64 (RFC 4648, with padding).
fn base64_into(out: &mut String, bytes: &[u8]) {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    out.reserve(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        for (input, want) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            let mut out = String::new();
            base64_into(&mut out, input.as_bytes());
            assert_eq!(out, want, "{input}");
        }
    }
}
