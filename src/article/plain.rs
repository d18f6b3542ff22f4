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
    let lower = line.to_lowercase();
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

/// One text block per caption line, title or run of non-empty lines.
fn text_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Option<(usize, usize)> = None; // char range of the open paragraph
    let mut at = 0; // char offset of the current line's start
    let mut have_title = false;
    for line in text.split('\n') {
        let len = line.chars().count();
        let lead = line.chars().take_while(|c| c.is_whitespace()).count();
        let trail = line.chars().rev().take_while(|c| c.is_whitespace()).count();
        let blank = lead == len;
        let (start, end) = (at + lead, at + len - if blank { 0 } else { trail });
        if blank {
            flush(&mut blocks, text, paragraph.take());
        } else if !have_title {
            have_title = true;
            push_split(&mut blocks, text, BlockKind::Title, start, end);
        } else if is_caption(line) {
            flush(&mut blocks, text, paragraph.take());
            push_split(&mut blocks, text, BlockKind::Caption, start, end);
        } else {
            paragraph = Some(match paragraph {
                Some((s, _)) => (s, end),
                None => (start, end),
            });
        }
        at += len + 1;
    }
    flush(&mut blocks, text, paragraph);
    blocks
}

fn flush(blocks: &mut Vec<Block>, text: &str, paragraph: Option<(usize, usize)>) {
    if let Some((start, end)) = paragraph {
        push_split(blocks, text, BlockKind::Paragraph, start, end);
    }
}

/// Push `start..end` as one block, or several continuing blocks if it is very long.
fn push_split(blocks: &mut Vec<Block>, text: &str, kind: BlockKind, start: usize, end: usize) {
    let mut from = start;
    let mut first = true;
    while from < end {
        let to = if end - from <= MAX_BLOCK_CHARS {
            end
        } else {
            split_point(text, from, from + MAX_BLOCK_CHARS)
        };
        blocks.push(Block {
            kind: kind.clone(),
            range: CharRange::new(from, to),
            spans: Vec::new(),
            continues: !first,
        });
        first = false;
        from = to;
    }
}

/// A split point in `(from, limit]`: after the last whitespace, else at the last
/// grapheme-cluster boundary.
fn split_point(text: &str, from: usize, limit: usize) -> usize {
    let window: Vec<(usize, char)> = text.char_indices().skip(from).take(limit - from).collect();
    if let Some(i) = window.iter().rposition(|&(_, c)| c.is_whitespace())
        && i > 0
    {
        return from + i + 1;
    }
    // No whitespace: back off to a cluster boundary.
    let byte = window.last().map_or(0, |&(b, c)| b + c.len_utf8());
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(true) => limit,
        _ => match cursor.prev_boundary(text, 0) {
            Ok(Some(b)) if b > window.first().map_or(0, |&(b, _)| b) => text[..b].chars().count(),
            _ => limit,
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
    fn a_long_run_without_spaces_splits_on_cluster_boundaries() {
        let long = "ক্ষ".repeat(2000);
        let a = article(&format!("T\n\n{long}"), vec![]);
        for b in a.blocks.iter().skip(1) {
            assert!(crate::text::is_cluster_boundary(&a.text, b.range.start));
            assert!(crate::text::is_cluster_boundary(&a.text, b.range.end));
        }
    }
}
