//! Pathok (পাঠক, "reader"): a desktop reader and annotator for articles, Bengali first.
//!
//! The core (`text`, `article`) is pure and knows nothing of the GUI; `ui` is the only
//! module that uses egui.

pub mod agreement;
pub mod annotate;
pub mod article;
pub mod corpus;
pub mod export;
pub mod i18n;
pub mod picture;
pub mod session;
pub mod store;
pub mod text;
pub mod ui;
