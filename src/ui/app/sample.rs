//! The built-in sample article comes with a small example codebook (in memory, like
//! its annotations), so that a newcomer can select a passage and press `1` at once.

use crate::annotate::{Codebook, Tag};
use crate::session::Session;

use super::super::session_colors::next_color;

/// The example tags: name (Bengali, as a researcher's codebook would be) and what it
/// is for.
const EXAMPLE_TAGS: [(&str, &str); 4] = [
    ("শিক্ষা", "education: reading, teaching, learning"),
    ("স্থান", "a place: the village, the river, the library"),
    ("উদ্ধৃতি", "a quotation: someone's own words"),
    ("প্রযুক্তি", "technology: computers, electricity, printing"),
];

/// The example codebook of the sample article.
pub(super) fn sample_codebook() -> Codebook {
    Codebook {
        tags: EXAMPLE_TAGS
            .iter()
            .enumerate()
            .map(|(i, (name, description))| Tag {
                name: (*name).to_owned(),
                color: next_color(i),
                description: (*description).to_owned(),
            })
            .collect(),
    }
}

/// A session for the sample article: annotations in memory, the example codebook.
pub(super) fn sample_session() -> Session {
    let mut session = Session::in_memory();
    session.codebook = sample_codebook();
    session
}
