//! Reading a picture as a viewer shows it: its size and pixels after EXIF orientation,
//! and crops of it for reports.

use std::io::Cursor;

use image::metadata::Orientation;
use image::{ImageDecoder, ImageEncoder, RgbaImage};

use super::{PixelRect, PixelSize};
use crate::article::{
    DecodedImage, ImageError, ImageLimits, decode_bytes, map_image_error, reader,
};

/// A picture decoded at full size with its EXIF orientation applied.
pub type OrientedImage = DecodedImage;

/// The size of the picture in `bytes` after its EXIF orientation (a JPEG stored
/// 40×20 with "rotate 90°" is 20×40), read from the header without decoding pixels.
/// `label` names the picture in errors.
pub fn oriented_size(bytes: &[u8], label: &str) -> Result<PixelSize, ImageError> {
    let mut decoder = reader(bytes, label)?
        .into_decoder()
        .map_err(|e| map_image_error(e, label))?;
    let (width, height) = decoder.dimensions();
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    Ok(if swaps_sides(orientation) {
        PixelSize::new(height, width)
    } else {
        PixelSize::new(width, height)
    })
}

/// True when applying `orientation` turns the picture a quarter turn.
fn swaps_sides(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// Decode the picture in `bytes` at full size, EXIF orientation applied, within the
/// default decoding limits (no decompression bombs); `label` names it in errors.
/// Region coordinates are pixels of this image.
pub fn decode_oriented(bytes: &[u8], label: &str) -> Result<OrientedImage, ImageError> {
    let limits = ImageLimits {
        max_texture_side: u32::MAX,
        ..ImageLimits::default()
    };
    decode_bytes(bytes, &limits, label.to_owned())
}

/// The picture in `bytes` as a file whose stored pixels are upright: `None` when it is
/// stored upright already (no EXIF orientation, or the identity), else a PNG of it with
/// its orientation applied. For programs that place regions on the stored pixels and
/// may ignore EXIF (REFI-QDA readers): region coordinates are upright pixels, so the
/// picture they are given must be too. `label` names the picture in errors.
pub fn upright_copy(bytes: &[u8], label: &str) -> Result<Option<Vec<u8>>, ImageError> {
    let mut decoder = reader(bytes, label)?
        .into_decoder()
        .map_err(|e| map_image_error(e, label))?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    if orientation == Orientation::NoTransforms {
        return Ok(None);
    }
    let image = decode_oriented(bytes, label)?;
    let whole = PixelRect::new(0, 0, image.width, image.height);
    Ok(crop_png(&image, whole))
}

/// The part of `image` under `rect` as a PNG file's bytes; `None` when `rect` does not
/// lie inside the image.
pub fn crop_png(image: &OrientedImage, rect: PixelRect) -> Option<Vec<u8>> {
    if !rect.fits(PixelSize::new(image.width, image.height)) {
        return None;
    }
    let full = RgbaImage::from_raw(image.width, image.height, image.rgba.clone())?;
    let part = image::imageops::crop_imm(&full, rect.x, rect.y, rect.w, rect.h).to_image();
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(Cursor::new(&mut out))
        .write_image(
            part.as_raw(),
            rect.w,
            rect.h,
            image::ExtendedColorType::Rgba8,
        )
        .ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stored 40×20 (left half red, right half blue) with EXIF Orientation 6
    /// ("rotate 90° clockwise to show").
    const ROTATED: &[u8] = include_bytes!("../../tests/data/pictures/rotated-exif6.jpg");

    fn pixel(image: &OrientedImage, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * image.width + x) * 4) as usize;
        [
            image.rgba[i],
            image.rgba[i + 1],
            image.rgba[i + 2],
            image.rgba[i + 3],
        ]
    }

    #[test]
    fn an_exif_rotated_jpeg_is_measured_and_decoded_upright() {
        assert_eq!(
            oriented_size(ROTATED, "r.jpg").unwrap(),
            PixelSize::new(20, 40)
        );
        let image = decode_oriented(ROTATED, "r.jpg").unwrap();
        assert_eq!((image.width, image.height), (20, 40));
        // Turned a quarter clockwise: the red left half is now on top.
        let top = pixel(&image, 10, 5);
        let bottom = pixel(&image, 10, 35);
        assert!(top[0] > 200 && top[2] < 50, "{top:?}");
        assert!(bottom[2] > 200 && bottom[0] < 50, "{bottom:?}");
    }

    #[test]
    fn an_exif_rotated_picture_gets_an_upright_copy_and_an_upright_one_none() {
        let png = upright_copy(ROTATED, "r.jpg").unwrap().expect("a copy");
        let copy = image::load_from_memory(&png).unwrap();
        assert_eq!((copy.width(), copy.height()), (20, 40));
        let top = copy.to_rgba8().get_pixel(10, 5).0;
        assert!(top[0] > 200 && top[2] < 50, "red on top: {top:?}");
        let river = include_bytes!("../../tests/data/articles/river.png");
        assert_eq!(upright_copy(river, "river.png").unwrap(), None);
    }

    #[test]
    fn a_crop_is_the_region_in_oriented_pixels() {
        let image = decode_oriented(ROTATED, "r.jpg").unwrap();
        let png = crop_png(&image, PixelRect::new(0, 22, 20, 10)).unwrap();
        let crop = decode_oriented(&png, "crop.png").unwrap();
        assert_eq!((crop.width, crop.height), (20, 10));
        assert!(pixel(&crop, 5, 5)[2] > 200);
        // A region of the stored (unrotated) size does not fit the upright picture.
        assert_eq!(crop_png(&image, PixelRect::new(0, 0, 40, 20)), None);
    }

    #[test]
    fn not_an_image_is_an_error_naming_it() {
        let err = oriented_size(b"hello", "notes.png").unwrap_err();
        assert!(err.to_string().ends_with("notes.png"), "{err}");
    }
}
