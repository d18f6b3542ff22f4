//! Plain-text articles: the title is the first non-empty line, paragraphs are runs of
//! non-empty lines, and caption lines ("… ছবি: …", "Photo: …") stand alone. Images
//! found next to the file (see [`super::sibling_images`]) are placed before the
//! captions, in order; images without a caption follow the title.

use unicode_segmentation::GraphemeCursor;

use super::{Article, ArticleFormat, Block, BlockKind, DecodedText, ImageRef, ImageSource, Origin};
use crate::text::CharRange;

/// Paragraphs longer than this many chars are split (at a space where possible) into
/// blocks that continue each other, so no single galley becomes huge.
pub(crate) const MAX_BLOCK_CHARS: usize = 3000;

/// Build an article from decoded plain text and the images that belong to it.
pub(crate) fn parse(origin: Origin, decoded: DecodedText, images: Vec<ImageSource>) -> Article {
    let DecodedText { text, notices } = decoded;
    let mut blocks = text_blocks(&text);
    let title = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Title)
        .map(|b| slice_chars(&text, b.range).trim().to_owned())
        .unwrap_or_else(|| origin.display_name());
    place_images(&mut blocks, images);
    Article::new(
        origin,
        ArticleFormat::PlainText,
        title,
        text,
        blocks,
        notices,
    )
}

/// True for a line that reads as an image caption.
pub(crate) fn is_caption(line: &str) -> bool {
    let line = line.trim();
    if line.contains("ছবি:") || line.contains("ছবি :") || line.contains("ছবি-") {
        return true;
    }
    // Only the start can match: lowercasing the whole of every line cost 4 % of
    // opening a 10 MB article.
    let lower: String = line.chars().take(12).flat_map(char::to_lowercase).collect();
    [
        "photo:",
        "photo :",
        "picture:",
        "image:",
        "caption:",
        "photograph:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// A run of text to become one or more blocks: char range and the byte offset of its
/// start (so that splitting it never counts chars from the start of the text again).
#[derive(Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    start_byte: usize,
}

/// One text block per caption line, title or run of non-empty lines.
fn text_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Option<Run> = None;
    let mut at = 0; // char offset of the current line's start
    let mut at_byte = 0; // and its byte offset
    let mut have_title = false;
    for line in text.split('\n') {
        let len = line.chars().count();
        let lead_bytes = line.len() - line.trim_start().len();
        let lead = line[..lead_bytes].chars().count();
        let trail = line.chars().rev().take_while(|c| c.is_whitespace()).count();
        let blank = lead == len;
        let run = Run {
            start: at + lead,
            end: at + len - if blank { 0 } else { trail },
            start_byte: at_byte + lead_bytes,
        };
        if blank {
            flush(&mut blocks, text, paragraph.take());
        } else if !have_title {
            have_title = true;
            push_split(&mut blocks, text, BlockKind::Title, run);
        } else if is_caption(line) {
            flush(&mut blocks, text, paragraph.take());
            push_split(&mut blocks, text, BlockKind::Caption, run);
        } else {
            paragraph = Some(match paragraph {
                Some(open) => Run {
                    end: run.end,
                    ..open
                },
                None => run,
            });
        }
        at += len + 1;
        at_byte += line.len() + 1;
    }
    flush(&mut blocks, text, paragraph);
    blocks
}

fn flush(blocks: &mut Vec<Block>, text: &str, paragraph: Option<Run>) {
    if let Some(run) = paragraph {
        push_split(blocks, text, BlockKind::Paragraph, run);
    }
}

/// Push `run` as one block, or several continuing blocks if it is very long. Linear in
/// the length of the run.
fn push_split(blocks: &mut Vec<Block>, text: &str, kind: BlockKind, run: Run) {
    let (mut from, mut from_byte) = (run.start, run.start_byte);
    let mut first = true;
    while from < run.end {
        let (to, to_byte) = if run.end - from <= MAX_BLOCK_CHARS {
            (run.end, from_byte)
        } else {
            split_point(text, from, from_byte, from + MAX_BLOCK_CHARS)
        };
        blocks.push(Block {
            kind: kind.clone(),
            range: CharRange::new(from, to),
            spans: Vec::new(),
            continues: !first,
        });
        first = false;
        (from, from_byte) = (to, to_byte);
    }
}

/// A split point in `(from, limit]` (chars; `from_byte` is the byte offset of `from`):
/// after the last whitespace, else at the last grapheme-cluster boundary. Returns the
/// point as a char and a byte offset.
fn split_point(text: &str, from: usize, from_byte: usize, limit: usize) -> (usize, usize) {
    let (mut at, mut byte) = (from, from_byte);
    let mut after_space = None;
    for c in text[from_byte..].chars() {
        if at == limit {
            break;
        }
        at += 1;
        byte += c.len_utf8();
        // Not at the window's first char: that would make an empty block.
        if c.is_whitespace() && at - from > 1 {
            after_space = Some((at, byte));
        }
    }
    if let Some(point) = after_space {
        return point;
    }
    // No whitespace: back off to a cluster boundary.
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(true) => (at, byte),
        _ => match cursor.prev_boundary(text, 0) {
            Ok(Some(b)) if b > from_byte => (from + text[from_byte..b].chars().count(), b),
            _ => (at, byte),
        },
    }
}

/// Put image N before caption N; images beyond the captions follow the title.
fn place_images(blocks: &mut Vec<Block>, images: Vec<ImageSource>) {
    let caption_positions: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Caption && !b.continues)
        .map(|(i, _)| i)
        .collect();
    // (position, has a caption, image): at the same position, uncaptioned images come
    // first so that a captioned image stays directly above its caption.
    let mut inserts: Vec<(usize, bool, ImageSource)> = Vec::new();
    let after_title = blocks
        .iter()
        .position(|b| b.kind == BlockKind::Title)
        .map_or(0, |i| {
            let mut j = i + 1;
            while blocks.get(j).is_some_and(|b| b.continues) {
                j += 1;
            }
            j
        });
    for (n, image) in images.into_iter().enumerate() {
        let captioned = caption_positions.get(n).copied();
        inserts.push((captioned.unwrap_or(after_title), captioned.is_some(), image));
    }
    // Insert from the back so earlier indices stay valid.
    inserts.sort_by_key(|&(at, captioned, _)| (at, captioned));
    for (at, _, image) in inserts.into_iter().rev() {
        let offset = blocks.get(at).map_or_else(
            || blocks.last().map_or(0, |b| b.range.end.0),
            |b| b.range.start.0,
        );
        blocks.insert(
            at,
            Block {
                kind: BlockKind::Image(ImageRef {
                    source: image,
                    alt: String::new(),
                }),
                range: CharRange::new(offset, offset),
                spans: Vec::new(),
                continues: false,
            },
        );
    }
}

fn slice_chars(text: &str, range: CharRange) -> String {
    text.chars().skip(range.start.0).take(range.len()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str, images: Vec<ImageSource>) -> Article {
        let decoded = DecodedText {
            text: text.to_owned(),
            notices: Vec::new(),
        };
        parse(Origin::Embedded("t.txt"), decoded, images)
    }

    fn shown(a: &Article) -> Vec<(String, String)> {
        a.blocks
            .iter()
            .map(|b| {
                let kind = match &b.kind {
                    BlockKind::Image(i) => format!("Image({})", i.source.label()),
                    k => format!("{k:?}"),
                };
                (kind, a.text.slice(b.range).to_owned())
            })
            .collect()
    }

    fn file(name: &str) -> ImageSource {
        ImageSource::File(name.into())
    }

    #[test]
    fn title_paragraphs_and_captions() {
        let a = article(
            "\n  শিরোনাম: কোরিয়া  \n\nপ্রথম লাইন\nএকই অনুচ্ছেদ\n\nফাইল ছবি: রয়টার্স\nPhoto: AP\nশেষ\n",
            vec![],
        );
        assert_eq!(a.title, "শিরোনাম: কোরিয়া");
        assert_eq!(
            shown(&a),
            vec![
                ("Title".into(), "শিরোনাম: কোরিয়া".into()),
                ("Paragraph".into(), "প্রথম লাইন\nএকই অনুচ্ছেদ".into()),
                ("Caption".into(), "ফাইল ছবি: রয়টার্স".into()),
                ("Caption".into(), "Photo: AP".into()),
                ("Paragraph".into(), "শেষ".into()),
            ]
        );
    }

    #[test]
    fn images_go_before_captions_and_extras_after_the_title() {
        let a = article(
            "Title\n\nছবি: এক\n\nText\n",
            vec![file("a.jpg"), file("a-2.png")],
        );
        let kinds: Vec<String> = shown(&a).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            kinds,
            [
                "Title",
                "Image(a-2.png)",
                "Image(a.jpg)",
                "Caption",
                "Paragraph"
            ]
        );
    }

    #[test]
    fn very_long_paragraphs_split_at_spaces_into_continuing_blocks() {
        let word = "ক্ষমতা ";
        let long: String = word.repeat(1000);
        let a = article(&format!("T\n\n{long}"), vec![]);
        let parts: Vec<&Block> = a
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .collect();
        assert!(parts.len() > 2);
        assert!(!parts[0].continues && parts[1..].iter().all(|b| b.continues));
        let joined: String = parts.iter().map(|b| a.text.slice(b.range)).collect();
        assert_eq!(joined, long.trim_end());
        for b in &parts {
            assert!(b.range.len() <= MAX_BLOCK_CHARS);
            assert!(a.text.slice(b.range).starts_with('ক'));
        }
    }

    #[test]
    fn a_long_paragraph_splits_in_linear_time() {
        // 1.2 million chars without a blank line. Splitting used to count chars from
        // the start of the text for every block (quadratic: minutes for 60 MB). Hang
        // guard only; the speed is measured by `examples/bench_load.rs`.
        let long = "ক্ষমতা ".repeat(200_000);
        let started = std::time::Instant::now();
        let a = article(&format!("T\n\n{long}\nশেষ"), vec![]);
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
        let parts: Vec<&Block> = a.blocks.iter().skip(1).collect();
        assert!(parts.len() >= 1_200_000 / MAX_BLOCK_CHARS);
        let joined: String = parts.iter().map(|b| a.text.slice(b.range)).collect();
        // (Not assert_eq: the message would print two million chars.)
        assert!(
            joined == format!("{long}\nশেষ"),
            "blocks do not cover the text"
        );
        for pair in parts.windows(2) {
            assert_eq!(pair[0].range.end, pair[1].range.start);
            assert!(pair[1].continues);
        }
    }

    #[test]
    fn a_long_run_without_spaces_splits_on_cluster_boundaries() {
        let long = "ক্ষ".repeat(2000);
        let a = article(&format!("T\n\n{long}"), vec![]);
        for b in a.blocks.iter().skip(1) {
            assert!(crate::text::is_cluster_boundary(&a.text, b.range.start));
            assert!(crate::text::is_cluster_boundary(&a.text, b.range.end));
        }
    }
}
