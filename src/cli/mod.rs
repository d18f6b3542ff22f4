//! Commands of the `pathok` binary that have grown beyond a few lines; `main.rs` parses
//! the arguments and hands over.

pub mod corpus;
