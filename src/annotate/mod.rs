//! Annotations of an article: the model, sorted sets, reversible edits with undo/redo,
//! re-anchoring when the article's text changes, and picture regions (flagged when
//! their picture changes).
//!
//! Pure: no egui, no file system.

mod anchor;
mod edit;
mod model;
mod region;
mod set;
#[cfg(test)]
pub(crate) mod testing;

pub use anchor::{AnchorOutcome, AnchorReport, OrphanReason, anchor, reanchor};
pub use edit::{Edit, EditError, History};
pub use model::{
    Annotation, AnnotationId, CONTEXT_CHARS, Codebook, Color, ColorError, ImageRegion, Status, Tag,
    Timestamp, rename_in_tags,
};
pub use region::{ImageHashes, changed_image_regions};
pub use set::{AnnotationSet, Tombstone};
