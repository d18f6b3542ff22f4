//! Turning a text file's bytes into the canonical text.
//!
//! UTF-8 (with or without BOM) and UTF-16 LE/BE with BOM are read as they are. A file
//! that is UTF-8 but for a few stray bytes (a damaged download, a bad copy) is UTF-8:
//! the stray bytes become U+FFFD and a notice says how many and where — guessing a
//! legacy encoding for it would turn every Bengali letter into mojibake. Other files
//! without a BOM are checked for BOM-less UTF-16 (Bengali as well as Latin) and then
//! handed to `chardetng`; a legacy 8-bit file is converted with a notice. Line endings
//! become `\n`. No Unicode normalisation: characters stay as written.

use std::path::Path;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::ArticleError;
use crate::tr;

/// A decoded text file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedText {
    /// The canonical text: BOM dropped, CRLF and lone CR turned into LF.
    pub text: String,
    /// What the user should know about the conversion, if anything, in the interface
    /// language; without the file's path, which whoever shows a notice adds.
    pub notices: Vec<String>,
}

/// Decode `bytes` read from `path` (the path is used in messages only).
pub fn decode_text(path: &Path, bytes: &[u8]) -> Result<DecodedText, ArticleError> {
    let mut notices = Vec::new();
    let text = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        if encoding == UTF_8 {
            utf8_lenient(&bytes[bom_len..], bom_len, &mut notices)
        } else {
            decode_strict(path, encoding, &bytes[bom_len..])?
        }
    } else if let Some(s) = std::str::from_utf8(bytes)
        .ok()
        .filter(|s| !s.contains('\0'))
    {
        s.to_owned()
    } else if !bytes.contains(&0) && mostly_utf8(bytes) {
        utf8_lenient(bytes, 0, &mut notices)
    } else if let Some(encoding) = bomless_utf16(bytes) {
        notices.push(tr!("article-read-as", encoding = encoding.name()));
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
                reason: tr!("encoding-no-fit"),
            });
        }
        let text = decode_strict(path, encoding, bytes)?;
        notices.push(tr!("article-converted", encoding = encoding.name()));
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

/// Stray bytes per valid non-ASCII character above which a file is not "UTF-8 with a
/// few bad bytes" but something else (1 in 20).
const MAX_STRAY_PER_CHAR: usize = 20;

/// True when `bytes` hold UTF-8 text with a few invalid sequences: at least twenty
/// valid multi-byte characters per invalid sequence. Legacy 8-bit text hardly ever
/// forms valid multi-byte UTF-8 sequences, so it does not pass.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    multibyte > 0 && invalid * MAX_STRAY_PER_CHAR <= multibyte
}

/// Decode UTF-8 replacing each invalid sequence with U+FFFD; if there were any, a
/// notice says how many bytes and where the first was (`offset` is where `bytes`
/// start in the file, e.g. after a BOM).
fn utf8_lenient(bytes: &[u8], offset: usize, notices: &mut Vec<String>) -> String {
    let mut text = String::with_capacity(bytes.len());
    let mut invalid = 0usize;
    let mut first = None;
    let mut at = offset;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            first.get_or_insert(at);
            invalid += chunk.invalid().len();
            at += chunk.invalid().len();
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    if let Some(first) = first {
        notices.push(tr!("article-invalid-bytes", count = invalid, first = first));
    }
    text
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
            reason: tr!("encoding-invalid-bytes", encoding = encoding.name()),
        }),
    }
}

/// UTF-16 without BOM. In text, the high bytes of the code units (every other byte)
/// come from a handful of values — 0x00 for ASCII, 0x09 for Bengali, 0x20 for
/// punctuation and joiners — while the low bytes vary; in binary data or 8-bit text
/// both vary. So: in the first 4 KiB, the two most frequent high bytes must cover at
/// least 90% of the units, the low bytes must not look like that, and the sample must
/// decode to text without unpaired surrogates or control characters.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let even = || sample.iter().step_by(2).copied();
    let odd = || sample.iter().skip(1).step_by(2).copied();
    let encoding = match (concentrated(even()), concentrated(odd())) {
        (false, true) => UTF_16LE,
        (true, false) => UTF_16BE,
        _ => return None,
    };
    let (text, malformed) = encoding.decode_without_bom_handling(sample);
    // A sample cut in the middle of a surrogate pair ends malformed; the rest must not.
    let whole = sample.len() == bytes.len();
    let clean = !malformed || (!whole && !text.trim_end_matches('\u{fffd}').contains('\u{fffd}'));
    let plain = text
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\x0c'));
    (clean && plain).then_some(encoding)
}

/// True when the two most frequent values cover at least 90% of `bytes`.
fn concentrated(bytes: impl Iterator<Item = u8>) -> bool {
    let mut counts = [0usize; 256];
    let mut total = 0;
    for b in bytes {
        counts[usize::from(b)] += 1;
        total += 1;
    }
    counts.sort_unstable_by(|a, b| b.cmp(a));
    total > 0 && (counts[0] + counts[1]) * 10 >= total * 9
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

    /// Bengali prose of at least `bytes` bytes of UTF-8.
    fn bengali(bytes: usize) -> String {
        let mut text = String::new();
        while text.len() < bytes {
            text.push_str("কোরিয়া ও রাশিয়ার সম্পর্ক নিয়ে আলোচনা হয়েছে।\n");
        }
        text
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8_with_a_notice() {
        let text = bengali(2000);
        // A stray byte after the first 900 bytes (on a character boundary).
        let at = (900..).find(|&i| text.is_char_boundary(i)).unwrap();
        let mut bytes = text.as_bytes().to_vec();
        bytes.insert(at, 0xff);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(
            decoded.text,
            format!("{}\u{fffd}{}", &text[..at], &text[at..])
        );
        assert_eq!(
            decoded.notices,
            [format!(
                "1 invalid byte replaced by U+FFFD (the file is UTF-8 except for it), the first at byte {at}"
            )]
        );
        assert!(!decoded.text.contains('à'), "no mojibake");
    }

    #[test]
    fn three_stray_bytes_after_a_bom_are_counted_from_the_start_of_the_file() {
        let text = bengali(3000);
        let boundary = |n: usize| (n..).find(|&i| text.is_char_boundary(i)).unwrap();
        let (a, b) = (boundary(1200), boundary(2400));
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(&text.as_bytes()[..a]);
        bytes.extend_from_slice(b"\xe0\xa6"); // a character cut short (2 bytes)
        bytes.extend_from_slice(&text.as_bytes()[a..b]);
        bytes.push(0x80);
        bytes.extend_from_slice(&text.as_bytes()[b..]);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text.matches('\u{fffd}').count(), 2);
        let first = format!("the first at byte {}", a + 3);
        assert!(
            decoded.notices[0].starts_with("3 invalid bytes replaced")
                && decoded.notices[0].contains(&first),
            "{:?}",
            decoded.notices
        );
    }

    #[test]
    fn bengali_utf16_without_bom_is_detected_in_both_byte_orders() {
        let text = bengali(600);
        for big_endian in [false, true] {
            let decoded = decode(&utf16(&text, big_endian, false)).unwrap();
            assert_eq!(decoded.text, text);
            let name = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
            assert!(decoded.notices[0].contains(name), "{:?}", decoded.notices);
        }
    }

    #[test]
    fn mostly_invalid_utf8_is_still_a_legacy_encoding() {
        // Cyrillic in windows-1251: no valid UTF-8 multi-byte sequence at all.
        let decoded =
            decode(b"\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! \xca\xe0\xea \xe4\xe5\xeb\xe0?")
                .unwrap();
        assert_eq!(decoded.text, "Привет, мир! Как дела?");
        assert!(
            decoded.notices[0].contains("windows-1251"),
            "{:?}",
            decoded.notices
        );
    }
}
