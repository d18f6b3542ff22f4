//! The corpus: a folder of articles as one project — the library listing, folded
//! search with a concordance (KWIC), passages by code, and tag statistics.
//!
//! Pure: no egui. Long operations take a callback that reports progress and can stop
//! them (return `ControlFlow::Break`), hand results on article by article, and return
//! plain data that is `Send`, so the GUI can run them on a worker thread.
//!
//! | module | what |
//! | --- | --- |
//! | `library` | the listing: rows, problems, refresh, sort and filter |
//! | `matcher`, `compile`, `pattern` | the folded query compiled to a matcher (plain or regex) |
//! | `search`, `kwic` | hits with offsets and context; the concordance |
//! | `passages`, `stats` | code retrieval, the export filter, tag statistics |
//! | `code` | "code all hits": the annotations that tag search hits |
//! | `read` | reading only what these need from articles and sidecars |

mod code;
mod compile;
mod kwic;
mod library;
mod matcher;
mod passages;
mod pattern;
mod read;
mod search;
mod stats;

pub use code::{Coded, HitToCode, code_hits};
pub use kwic::{KwicOrder, kwic_order, one_line, without_cut_marks, write_kwic_text};
pub use library::{
    Cancelled, Found, Library, Row, RowFilter, RowProblem, ScanProgress, SortKey, find, refresh,
    scan,
};
pub use matcher::{MatchOptions, Matcher, QueryError, is_word_char};
pub use passages::{Passage, PassageFilter, passages};
pub use read::{ReadError, annotations, canonical_text, title, with_canonical_text};
pub use search::{ArticleHits, DEFAULT_CONTEXT, Hit, count, count_in, hits_in, search};
pub use stats::{Stats, TagStats, stats};
