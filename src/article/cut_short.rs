//! Whether a picture file is cut short (a download or copy that stopped part way).
//!
//! The JPEG decoder `image` uses (zune-jpeg, not strict) fills what is missing with
//! grey and reports nothing, and a PNG cut in its pixel data only fails with the
//! decoder's "unexpected end of file": so the file's own structure is looked at. A
//! JPEG is whole when its image data ends with the end-of-image marker (FF D9); a PNG
//! when it has its IEND chunk. Bytes after the end (a phone's motion-photo video,
//! padding) do not matter; other formats are never called cut short here.

/// The JPEG start-of-image marker: the two bytes a JPEG file starts with.
const JPEG_START: [u8; 2] = [0xFF, 0xD8];
/// The PNG signature.
const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1A, b'\n'];

/// The longest chunk the PNG specification allows (2³¹ − 1 bytes).
const MAX_PNG_CHUNK: u32 = 0x7FFF_FFFF;

/// True when `bytes` is a JPEG or PNG file that stops before its end.
pub(crate) fn is_cut_short(bytes: &[u8]) -> bool {
    if bytes.starts_with(&PNG_SIGNATURE) {
        return !png_has_end(bytes);
    }
    if bytes.starts_with(&JPEG_START) {
        return !jpeg_has_end(bytes);
    }
    false
}

/// True when the chunks of the PNG in `bytes` reach its IEND chunk.
fn png_has_end(bytes: &[u8]) -> bool {
    let mut at = PNG_SIGNATURE.len();
    // Each chunk: length (4, big-endian), type (4), data, CRC (4).
    while let Some(header) = bytes.get(at..at + 8) {
        if &header[4..8] == b"IEND" {
            // Its length (0), type and CRC.
            return bytes.len() >= at + 12;
        }
        let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]);
        if length > MAX_PNG_CHUNK || !header[4..8].iter().all(u8::is_ascii_alphabetic) {
            // Not a chunk at all: the file is corrupt, which the decoder tells.
            return true;
        }
        at = match (at + 12).checked_add(length as usize) {
            Some(next) => next,
            None => return false,
        };
    }
    false
}

/// True when the JPEG in `bytes` has an end-of-image marker after its first scan.
///
/// The header segments before the first scan (start of scan, FF DA) are stepped over
/// by their lengths, since they may hold an EXIF thumbnail with an end marker of its
/// own. From the scan on, a literal FF byte in the image data is always followed by
/// 00 (byte stuffing), so FF D9 there is the real end.
fn jpeg_has_end(bytes: &[u8]) -> bool {
    let mut at = JPEG_START.len();
    loop {
        // A marker: FF (possibly several, as fill), then its code.
        match bytes.get(at) {
            // The file ends in its headers.
            None => return false,
            Some(0xFF) => {}
            // Not a marker where one must be: a file this odd is the decoder's to judge.
            Some(_) => return true,
        }
        while bytes.get(at) == Some(&0xFF) {
            at += 1;
        }
        let Some(&code) = bytes.get(at) else {
            return false;
        };
        at += 1;
        match code {
            0xD9 => return true,
            0xDA => break,
            // Markers without a length: restart markers and the temporary marker.
            0xD0..=0xD7 | 0x01 => continue,
            _ => {}
        }
        let Some(length) = bytes.get(at..at + 2) else {
            return false;
        };
        at += usize::from(u16::from_be_bytes([length[0], length[1]]));
    }
    bytes
        .get(at..)
        .is_some_and(|scan| scan.windows(2).any(|pair| pair == [0xFF, 0xD9]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg() -> Vec<u8> {
        include_bytes!("../../tests/data/pictures/rotated-exif6.jpg").to_vec()
    }

    fn png() -> Vec<u8> {
        include_bytes!("../../tests/data/articles/river.png").to_vec()
    }

    #[test]
    fn whole_pictures_are_not_cut_short() {
        assert!(!is_cut_short(&jpeg()));
        assert!(!is_cut_short(&png()));
        // A motion photo: a video after the JPEG's end marker.
        let mut motion = jpeg();
        motion.extend_from_slice(b"\0\0\0\x18ftypmp42 and more video bytes");
        assert!(!is_cut_short(&motion));
        assert!(!is_cut_short(b"GIF89a"));
        assert!(!is_cut_short(b""));
    }

    #[test]
    fn a_picture_that_stops_before_its_end_is_cut_short() {
        for whole in [jpeg(), png()] {
            for keep in [whole.len() - 1, whole.len() * 6 / 10, 40, 12, 9] {
                assert!(is_cut_short(&whole[..keep]), "{keep} of {}", whole.len());
            }
        }
    }

    #[test]
    fn the_end_marker_of_an_exif_thumbnail_does_not_count() {
        // SOI, an APP1 segment holding a whole thumbnail (FF D8 … FF D9), then a scan
        // that stops.
        let thumbnail = [0xFF, 0xD8, 0xFF, 0xDA, 0, 2, 1, 2, 0xFF, 0xD9];
        let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE1];
        bytes.extend_from_slice(&(thumbnail.len() as u16 + 2).to_be_bytes());
        bytes.extend_from_slice(&thumbnail);
        bytes.extend_from_slice(&[0xFF, 0xDA, 0, 2, 0x12, 0xFF, 0x00, 0x34]);
        assert!(is_cut_short(&bytes));
        bytes.extend_from_slice(&[0xFF, 0xD9]);
        assert!(!is_cut_short(&bytes));
    }
}
