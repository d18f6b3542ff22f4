//! The corpus: a folder of articles as one project — the library listing, folded
//! search with a concordance (KWIC), passages by code, and tag statistics.
//!
//! Pure: no egui. Long operations take a progress callback that can stop them
//! (return `ControlFlow::Break`), and return plain data that is `Send`, so the GUI can
//! run them on a worker thread.

mod library;
mod matcher;
mod pattern;
mod read;

pub use library::{
    Cancelled, Found, Library, Row, RowFilter, RowProblem, ScanProgress, SortKey, find, refresh,
    scan,
};
pub use matcher::{MatchOptions, Matcher, QueryError, is_word_char};
pub use read::{ReadError, annotations, canonical_text, title};
