//! Text primitives shared by every part of Pathok: typed offsets, the canonical
//! [`SourceText`] with its char ↔ byte ↔ UTF-16 index, the display mapping that works
//! around epaint's cursor bug on Bengali split vowel signs, and grapheme-cluster
//! snapping.
//!
//! Nothing here knows about egui.

mod clusters;
mod display;
mod offsets;
mod search;
mod source;
mod words;

pub use clusters::{cluster_boundaries_in, is_cluster_boundary, snap_range, snap_to_cluster};
pub use display::{DisplayMap, display_form, display_string, display_string_after};
pub use offsets::{ByteOffset, CharOffset, CharRange, DisplayOffset, Utf16Offset};
pub use search::{
    FoldedText, Folding, KHANDA_TA_OLD, fold_char, fold_query, fold_token, is_token_start,
};
pub use source::SourceText;
pub use words::word_at;
