//! The passage filter of `pathok export`: `--tag`, `--coder`, `--overlapping`,
//! `--status`.

use clap::{Args, ValueEnum};

use pathok::annotate::Status;
use pathok::corpus::PassageFilter;

/// Which annotations `export` writes.
#[derive(Args, Debug, Default)]
pub struct FilterArgs {
    /// Only annotations carrying this tag (repeat for any of several).
    #[arg(long = "tag", value_name = "T")]
    tags: Vec<String>,
    /// Only annotations by this coder (repeat for any of several).
    #[arg(long = "coder", value_name = "NAME")]
    coders: Vec<String>,
    /// Only annotations that carry T or overlap an annotation (by the same coder)
    /// that does.
    #[arg(long, value_name = "T")]
    overlapping: Option<String>,
    /// Only annotations with this status.
    #[arg(long, value_enum)]
    status: Option<StatusArg>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum StatusArg {
    Anchored,
    Moved,
    Orphaned,
}

impl FilterArgs {
    /// The filter these flags describe.
    pub fn into_filter(self) -> PassageFilter {
        PassageFilter {
            tags: self.tags,
            coders: self.coders,
            overlapping: self.overlapping,
            status: self.status.map(|s| match s {
                StatusArg::Anchored => Status::Anchored,
                StatusArg::Moved => Status::Moved,
                StatusArg::Orphaned => Status::Orphaned,
            }),
        }
    }
}
