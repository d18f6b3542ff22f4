//! Turning a text file's bytes into the canonical text.
//!
//! UTF-8 (with or without BOM) and UTF-16 LE/BE with BOM are read as they are. Files
//! without a BOM that are not valid UTF-8 are checked for BOM-less UTF-16 and then
//! handed to `chardetng`; a legacy 8-bit file is converted with a notice. Line endings
//! become `\n`. No Unicode normalisation: characters stay as written.

use std::path::Path;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::ArticleError;

/// A decoded text file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedText {
    /// The canonical text: BOM dropped, CRLF and lone CR turned into LF.
    pub text: String,
    /// What the user should know about the conversion, if anything.
    pub notices: Vec<String>,
}

/// Decode `bytes` read from `path` (the path is used in messages only).
pub fn decode_text(path: &Path, bytes: &[u8]) -> Result<DecodedText, ArticleError> {
    let mut notices = Vec::new();
    let text = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        decode_strict(path, encoding, &bytes[bom_len..])?
    } else if let Some(s) = std::str::from_utf8(bytes)
        .ok()
        .filter(|s| !s.contains('\0'))
    {
        s.to_owned()
    } else if let Some(encoding) = bomless_utf16(bytes) {
        notices.push(format!(
            "read as {} (the file has no byte-order mark)",
            encoding.name()
        ));
        decode_strict(path, encoding, bytes)?
    } else {
        if looks_binary(bytes) {
            return Err(ArticleError::Binary(path.to_owned()));
        }
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(bytes, true);
        let encoding = detector.guess(None, true);
        if encoding == UTF_8 {
            return Err(ArticleError::UnknownEncoding {
                path: path.to_owned(),
                reason: "the file is not valid UTF-8 and no other encoding fits".to_owned(),
            });
        }
        let text = decode_strict(path, encoding, bytes)?;
        notices.push(format!(
            "converted from {} (the file is not UTF-8); check the text reads correctly",
            encoding.name()
        ));
        text
    };
    if text.contains('\0') {
        return Err(ArticleError::Binary(path.to_owned()));
    }
    let text = normalize_newlines(text);
    if text.trim().is_empty() {
        return Err(ArticleError::Empty(path.to_owned()));
    }
    Ok(DecodedText { text, notices })
}

/// Decode with `encoding`, refusing malformed input instead of inserting U+FFFD.
fn decode_strict(
    path: &Path,
    encoding: &'static Encoding,
    bytes: &[u8],
) -> Result<String, ArticleError> {
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(text.into_owned()),
        None => Err(ArticleError::UnknownEncoding {
            path: path.to_owned(),
            reason: format!("the bytes are not valid {}", encoding.name()),
        }),
    }
}

/// UTF-16 without BOM shows up as a NUL in every other byte of mostly-ASCII text.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nuls * 10 >= pairs * 6 && even_nuls * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nuls * 10 >= pairs * 6 && odd_nuls * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// NUL bytes or many control characters in the first 8 KiB mean binary data.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > sample.len()
}

/// CRLF and lone CR become LF.
fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Result<DecodedText, ArticleError> {
        decode_text(Path::new("t.txt"), bytes)
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = if bom {
            "\u{feff}"
                .encode_utf16()
                .chain(text.encode_utf16())
                .collect::<Vec<_>>()
        } else {
            text.encode_utf16().collect()
        };
        for u in units {
            out.extend(if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    }

    const BENGALI: &str = "কোরিয়া ও রাশিয়া\r\nদ্বিতীয় লাইন\rতৃতীয়";
    const CANONICAL: &str = "কোরিয়া ও রাশিয়া\nদ্বিতীয় লাইন\nতৃতীয়";

    #[test]
    fn utf8_with_and_without_bom_and_all_line_endings() {
        assert_eq!(decode(BENGALI.as_bytes()).unwrap().text, CANONICAL);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(BENGALI.as_bytes());
        let decoded = decode(&bom).unwrap();
        assert_eq!(decoded.text, CANONICAL);
        assert!(decoded.notices.is_empty());
    }

    #[test]
    fn utf16_with_bom_both_byte_orders() {
        assert_eq!(
            decode(&utf16(BENGALI, false, true)).unwrap().text,
            CANONICAL
        );
        assert_eq!(decode(&utf16(BENGALI, true, true)).unwrap().text, CANONICAL);
    }

    #[test]
    fn utf16_without_bom_is_detected_with_a_notice() {
        let decoded = decode(&utf16("Plain English text, mostly ASCII.", false, false)).unwrap();
        assert_eq!(decoded.text, "Plain English text, mostly ASCII.");
        assert_eq!(decoded.notices.len(), 1);
    }

    #[test]
    fn legacy_8bit_is_converted_with_a_notice() {
        // "café crème" in windows-1252.
        let decoded = decode(b"Le caf\xe9 cr\xe8me est tr\xe8s bon, d\xe9j\xe0 vu.").unwrap();
        assert_eq!(decoded.text, "Le café crème est très bon, déjà vu.");
        assert!(
            decoded.notices[0].contains("windows-1252"),
            "{:?}",
            decoded.notices
        );
    }

    #[test]
    fn empty_blank_and_binary_files_are_refused() {
        assert!(matches!(decode(b""), Err(ArticleError::Empty(_))));
        assert!(matches!(decode(b" \r\n\n\t"), Err(ArticleError::Empty(_))));
        assert!(matches!(
            decode(b"\xEF\xBB\xBF"),
            Err(ArticleError::Empty(_))
        ));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
        assert!(matches!(decode(png), Err(ArticleError::Binary(_))));
        assert!(matches!(
            decode(b"text\0more"),
            Err(ArticleError::Binary(_))
        ));
    }

    #[test]
    fn malformed_utf16_is_refused_with_the_reason() {
        // BOM + an unpaired high surrogate.
        let err = decode(b"\xFF\xFE\x00\xD8\x41\x00").unwrap_err();
        assert!(matches!(err, ArticleError::UnknownEncoding { .. }), "{err}");
        assert!(err.to_string().contains("t.txt"));
    }
}
