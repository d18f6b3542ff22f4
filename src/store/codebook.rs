//! The folder codebook: `codebook.ron` holds the tags shared by the articles of a
//! folder and its subfolders (the nearest one up the tree wins). Renaming or merging a
//! tag rewrites the codebook and every sidecar it governs, all or nothing.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::format::{Versioned, parse_versioned, read_sidecar_file, readable_escapes, to_ron};
use super::{PlannedWrite, StoreError, commit_all, write_atomic};
use crate::annotate::{Codebook, Tag, Timestamp, rename_in_tags};

/// File name of a folder codebook.
pub const CODEBOOK_FILE: &str = "codebook.ron";
const CODEBOOK_FORMAT: &str = "pathok-codebook";
const CODEBOOK_VERSION: u32 = 1;

/// A codebook file exactly as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodebookFile {
    /// Always `"pathok-codebook"`.
    pub format: String,
    /// 1.
    pub version: u32,
    /// The tags, in order.
    #[serde(default)]
    pub tags: Vec<Tag>,
}

impl Versioned for CodebookFile {
    fn format_and_version(&self) -> (&str, u32) {
        (&self.format, self.version)
    }
}

/// The `codebook.ron` governing the article at `article`: the nearest one in its
/// folder or a parent folder.
pub fn find_codebook(article: &Path) -> Option<PathBuf> {
    article
        .parent()?
        .ancestors()
        .map(|dir| dir.join(CODEBOOK_FILE))
        .find(|p| p.is_file())
}

/// Where the codebook of `article` is or would be created: the nearest existing one,
/// else `codebook.ron` in the article's folder.
pub fn codebook_path_for(article: &Path) -> PathBuf {
    find_codebook(article).unwrap_or_else(|| article.with_file_name(CODEBOOK_FILE))
}

/// Read a codebook; a missing file is an empty codebook.
pub fn load_codebook(path: &Path) -> Result<Codebook, StoreError> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let file: CodebookFile =
                parse_versioned(&bytes, path, CODEBOOK_FORMAT, CODEBOOK_VERSION)?;
            Ok(Codebook { tags: file.tags })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Codebook::default()),
        Err(e) => Err(StoreError::io("read", path, e)),
    }
}

fn codebook_bytes(path: &Path, codebook: &Codebook) -> Result<Vec<u8>, StoreError> {
    let file = CodebookFile {
        format: CODEBOOK_FORMAT.to_owned(),
        version: CODEBOOK_VERSION,
        tags: codebook.tags.clone(),
    };
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n");
    ron::ser::to_string_pretty(&file, config)
        .map(|s| format!("{}\n", readable_escapes(&s)).into_bytes())
        .map_err(|e| StoreError::Parse {
            path: path.to_owned(),
            line: 0,
            column: 0,
            message: format!("cannot write RON: {e}"),
        })
}

/// Write a codebook atomically.
pub fn save_codebook(path: &Path, codebook: &Codebook) -> Result<(), StoreError> {
    write_atomic(path, &codebook_bytes(path, codebook)?)
}

/// Every sidecar governed by the codebook in `folder`: in it and its subfolders,
/// except subfolders that have their own `codebook.ron`. Hidden entries are skipped;
/// each real file once (symbolic link loops are not followed, since every file they
/// lead to is reached anyway). A folder that cannot be listed, or a sidecar that is
/// not a regular file, is an error: callers rewrite all of these files or none.
/// Sorted.
pub fn sidecars_under(folder: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let options = super::WalkOptions {
        stop_at_codebooks: true,
        ..super::WalkOptions::default()
    };
    let super::Walk { entries, problems } = super::walk(folder, &options);
    for problem in problems {
        let is_sidecar = super::EntryKind::of(&problem.path) == Some(super::EntryKind::Sidecar);
        match problem.kind {
            super::WalkProblemKind::SymlinkLoop { .. } => {}
            super::WalkProblemKind::Unreadable(_) => return Err(StoreError::Folder(problem)),
            super::WalkProblemKind::NotRegularFile | super::WalkProblemKind::BrokenLink
                if is_sidecar =>
            {
                return Err(StoreError::Folder(problem));
            }
            super::WalkProblemKind::NotRegularFile | super::WalkProblemKind::BrokenLink => {}
        }
    }
    let mut out: Vec<PathBuf> = entries
        .into_iter()
        .filter(|e| e.kind == super::EntryKind::Sidecar)
        .map(|e| e.path)
        .collect();
    out.sort();
    Ok(out)
}

/// What [`rename_tag`] changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RenameReport {
    /// True when `to` existed already and the two tags were merged.
    pub merged: bool,
    /// The sidecars rewritten.
    pub sidecars: Vec<PathBuf>,
    /// Annotations whose tags changed.
    pub annotations: usize,
}

/// Rename tag `from` to `to` in the codebook at `codebook` and in every sidecar it
/// governs; when `to` exists already the tags are merged. All or nothing: every file
/// is read and every new file written to a temp file before any is replaced; a sidecar
/// that cannot be read or written stops the whole operation and changes nothing.
/// Changed annotations get `modified = now`.
pub fn rename_tag(codebook: &Path, from: &str, to: &str) -> Result<RenameReport, StoreError> {
    let folder = super::folder_of(codebook);
    let mut book = load_codebook(codebook)?;
    let in_codebook = book.get(from).is_some();
    let merged = book.get(to).is_some();
    let now = Timestamp::now();
    let mut report = RenameReport {
        merged,
        ..RenameReport::default()
    };
    let mut writes = Vec::new();
    for path in sidecars_under(folder)? {
        let (mut file, original) = read_sidecar_file(&path)?;
        let mut changed = false;
        if let Some(i) = file.tags.iter().position(|t| t.name == from) {
            if file.tags.iter().any(|t| t.name == to) {
                file.tags.remove(i);
            } else {
                file.tags[i].name = to.to_owned();
            }
            changed = true;
        }
        for a in &mut file.annotations {
            if rename_in_tags(&mut a.tags, from, to) {
                a.modified = now;
                report.annotations += 1;
                changed = true;
            }
        }
        if changed {
            let bytes = to_ron(&file).map_err(|e| StoreError::Parse {
                path: path.clone(),
                line: 0,
                column: 0,
                message: format!("cannot write RON: {e}"),
            })?;
            report.sidecars.push(path.clone());
            writes.push(PlannedWrite {
                path,
                bytes: bytes.into_bytes(),
                original: Some(original),
            });
        }
    }
    if !in_codebook && writes.is_empty() {
        return Err(StoreError::UnknownTag {
            path: codebook.to_owned(),
            name: from.to_owned(),
        });
    }
    if !in_codebook {
        // Used in sidecars but missing from the codebook: it is adopted under its new name.
        book.absorb(&[Tag::named(from)]);
    }
    book.rename(from, to);
    let original = std::fs::read(codebook).ok();
    writes.push(PlannedWrite {
        path: codebook.to_owned(),
        bytes: codebook_bytes(codebook, &book)?,
        original,
    });
    commit_all(writes)?;
    Ok(report)
}

#[cfg(test)]
#[path = "codebook_tests.rs"]
mod tests;
