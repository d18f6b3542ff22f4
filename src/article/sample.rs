//! The sample article built into the binary, shown when Pathok starts without a path.
//!
//! The text was written for this project (see `assets/sample/`); it covers conjuncts,
//! reph, ya-phala, split vowel signs (ো, ৌ), nukta letters, ৎ, Bengali digits and
//! English words, and has an illustration with a caption.

use super::{Article, DecodedText, ImageSource, Origin, plain};

/// File name shown for the sample article.
pub const SAMPLE_NAME: &str = "pathagar.txt";

const SAMPLE_TEXT: &str = include_str!("../../assets/sample/pathagar.txt");
const SAMPLE_IMAGE: &[u8] = include_bytes!("../../assets/sample/pathagar.png");

/// The bundled sample article with its image.
pub fn sample_article() -> Article {
    let decoded = DecodedText {
        text: SAMPLE_TEXT.replace("\r\n", "\n"),
        notices: Vec::new(),
    };
    let image = ImageSource::Embedded {
        name: "pathagar.png",
        bytes: SAMPLE_IMAGE,
    };
    plain::parse(Origin::Embedded(SAMPLE_NAME), decoded, vec![image])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BlockKind;

    #[test]
    fn sample_has_title_image_caption_and_english() {
        let a = sample_article();
        assert_eq!(a.title, "নদীর ধারে একটি পাঠাগার");
        let kinds: Vec<&BlockKind> = a.blocks.iter().map(|b| &b.kind).collect();
        assert!(matches!(kinds[1], BlockKind::Image(_)), "{kinds:?}");
        assert_eq!(kinds[2], &BlockKind::Caption);
        for needle in ["ো", "ৌ", "ক্ষ", "র্ক", "্য", "ড়", "ৎ", "Wikipedia"]
        {
            assert!(a.text.as_str().contains(needle), "sample lacks {needle}");
        }
    }
}
