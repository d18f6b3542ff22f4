//! Building coded articles for tests: `ann("rina", 0, 4, &["x"])` is rina's annotation
//! over code points 0..4 with tag x.

use uuid::Uuid;

use super::coding::{CodedArticle, CorpusCoding};
use crate::annotate::{Annotation, Color, Status, Timestamp};
use crate::text::CharOffset;

/// An annotation of `coder` over `start..end` with `tags` (no quote: agreement only
/// looks at positions).
pub(crate) fn ann(coder: &str, start: usize, end: usize, tags: &[&str]) -> Annotation {
    let now = Timestamp::now();
    Annotation {
        id: Uuid::new_v4(),
        start: CharOffset(start),
        end: CharOffset(end),
        quote: String::new(),
        prefix: String::new(),
        suffix: String::new(),
        color: Color::default(),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        note: String::new(),
        author: coder.to_owned(),
        created: now,
        modified: now,
        status: Status::Anchored,
        region: None,
    }
}

/// The same annotation, orphaned.
pub(crate) fn orphaned(mut a: Annotation) -> Annotation {
    a.status = Status::Orphaned;
    a
}

/// An article at `path` of `len` code points; its SHA-256 stands in as `sha-<path>`.
pub(crate) fn article(path: &str, len: usize, annotations: Vec<Annotation>) -> CodedArticle {
    CodedArticle {
        path: path.into(),
        sha256: format!("sha-{path}"),
        char_len: len,
        annotations,
    }
}

/// A corpus of these articles.
pub(crate) fn corpus(articles: Vec<CodedArticle>) -> CorpusCoding {
    CorpusCoding {
        articles,
        ..CorpusCoding::default()
    }
}
