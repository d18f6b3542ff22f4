//! The folder codebook: `codebook.ron` holds the tags shared by the articles of a
//! folder and its subfolders (the nearest one up the tree wins). Renaming or merging a
//! tag rewrites the codebook and every sidecar it governs, all or nothing.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::format::{Versioned, parse_sidecar, parse_versioned, readable_escapes, to_ron};
use super::{LockedWrite, MAX_STORE_FILE_BYTES, StoreError};
use crate::annotate::{Codebook, Tag, Timestamp, rename_in_tags};
use crate::article::read_regular_file_if_exists;

/// File name of a folder codebook.
pub const CODEBOOK_FILE: &str = "codebook.ron";
pub(crate) const CODEBOOK_FORMAT: &str = "pathok-codebook";
pub(crate) const CODEBOOK_VERSION: u32 = 1;

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
/// folder or a parent folder. Anything by that name counts (a folder, a FIFO, a broken
/// link): [`load_codebook`] then says what is wrong with it, instead of the articles
/// silently falling under another codebook or none.
pub fn find_codebook(article: &Path) -> Option<PathBuf> {
    article
        .parent()?
        .ancestors()
        .map(|dir| dir.join(CODEBOOK_FILE))
        .find(|p| std::fs::symlink_metadata(p).is_ok())
}

/// Where the codebook of `article` is or would be created: the nearest existing one,
/// else `codebook.ron` in the article's folder.
pub fn codebook_path_for(article: &Path) -> PathBuf {
    find_codebook(article).unwrap_or_else(|| article.with_file_name(CODEBOOK_FILE))
}

/// Read a codebook; a missing file is an empty codebook. One that cannot be read
/// (not a regular file, a broken link, unreadable, corrupt, newer) is an error, never
/// taken for an empty one: a caller that saved over it would lose its tags.
pub fn load_codebook(path: &Path) -> Result<Codebook, StoreError> {
    match read_regular_file_if_exists(path, MAX_STORE_FILE_BYTES)? {
        Some(bytes) => {
            let file: CodebookFile =
                parse_versioned(&bytes, path, CODEBOOK_FORMAT, CODEBOOK_VERSION)?;
            Ok(Codebook { tags: file.tags })
        }
        None => Ok(Codebook::default()),
    }
}

/// The text of a codebook file (`path` is for messages).
pub(crate) fn codebook_text(codebook: &Codebook, path: &Path) -> Result<String, StoreError> {
    let file = CodebookFile {
        format: CODEBOOK_FORMAT.to_owned(),
        version: CODEBOOK_VERSION,
        tags: codebook.tags.clone(),
    };
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n");
    ron::ser::to_string_pretty(&file, config)
        .map(|s| format!("{}\n", readable_escapes(&s)))
        .map_err(|e| StoreError::Parse {
            path: path.to_owned(),
            line: 0,
            column: 0,
            message: format!("cannot write RON: {e}"),
        })
}

/// Write a codebook atomically, under its folder's lock.
pub fn save_codebook(path: &Path, codebook: &Codebook) -> Result<(), StoreError> {
    let mut write = LockedWrite::begin(&[path.to_owned()])?;
    write.files_mut()[0].replace(codebook_text(codebook, path)?.into_bytes());
    write.commit()?;
    Ok(())
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
/// governs; when `to` exists already the tags are merged. All or nothing, under the
/// locks of every folder involved: every file is read as it is then and every new file
/// written to a temp file before any is replaced; a sidecar that cannot be read or
/// written stops the whole operation and changes nothing. Changed annotations get
/// `modified = now`.
pub fn rename_tag(codebook: &Path, from: &str, to: &str) -> Result<RenameReport, StoreError> {
    let mut merged = false;
    let (usage, sidecars) = change_everywhere(
        codebook,
        TagChange::Rename { from, to },
        |book, sidecars_changed| {
            let in_codebook = book.get(from).is_some();
            merged = book.get(to).is_some();
            if !in_codebook && !sidecars_changed {
                return Err(StoreError::UnknownTag {
                    path: codebook.to_owned(),
                    name: from.to_owned(),
                });
            }
            if !in_codebook {
                // Used in sidecars but missing from the codebook: it is adopted under
                // its new name.
                book.absorb(&[Tag::named(from)]);
            }
            book.rename(from, to);
            Ok(())
        },
    )?;
    Ok(RenameReport {
        merged,
        sidecars,
        annotations: usage.annotations,
    })
}

/// Which annotations carry a tag, over the sidecars a codebook governs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagUsage {
    /// Annotations that carry the tag.
    pub annotations: usize,
    /// The sidecars that hold them, one per article.
    pub sidecars: Vec<PathBuf>,
}

/// How many annotations in how many sidecars governed by the codebook at `codebook`
/// carry tag `name` — what [`delete_tag`] would change. Reads every sidecar (nothing is
/// written); one that cannot be read is an error, as it would stop the deletion.
pub fn tag_usage(codebook: &Path, name: &str) -> Result<TagUsage, StoreError> {
    let now = Timestamp::now();
    let mut usage = TagUsage::default();
    for path in sidecars_under(super::folder_of(codebook))? {
        let (mut file, _) = super::read_sidecar_file(&path)?;
        let (annotations, _) = TagChange::Delete { name }.apply(&mut file, now);
        if annotations > 0 {
            usage.annotations += annotations;
            usage.sidecars.push(path);
        }
    }
    Ok(usage)
}

/// Delete tag `name` from the codebook at `codebook` and from every annotation in every
/// sidecar it governs. The annotations stay, with their passage, note and colour: one
/// whose only tag it was becomes a plain highlight. All or nothing, under the folders'
/// locks, like [`rename_tag`]; changed annotations get `modified = now`.
pub fn delete_tag(codebook: &Path, name: &str) -> Result<TagUsage, StoreError> {
    let (usage, _) = change_everywhere(
        codebook,
        TagChange::Delete { name },
        |book, sidecars_changed| {
            if book.get(name).is_none() && !sidecars_changed {
                return Err(StoreError::UnknownTag {
                    path: codebook.to_owned(),
                    name: name.to_owned(),
                });
            }
            book.tags.retain(|t| t.name != name);
            Ok(())
        },
    )?;
    Ok(usage)
}

/// A change of one tag, made in every sidecar a codebook governs.
#[derive(Clone, Copy)]
enum TagChange<'a> {
    /// `from` becomes `to` (merging when `to` is there already).
    Rename { from: &'a str, to: &'a str },
    /// `name` goes.
    Delete { name: &'a str },
}

impl TagChange<'_> {
    /// Apply the change to one sidecar; returns how many annotations changed, and
    /// whether the file changed at all (its list of tags may change alone).
    fn apply(self, file: &mut super::SidecarFile, now: Timestamp) -> (usize, bool) {
        let mut changed = false;
        match self {
            TagChange::Rename { from, to } => {
                if let Some(i) = file.tags.iter().position(|t| t.name == from) {
                    if file.tags.iter().any(|t| t.name == to) {
                        file.tags.remove(i);
                    } else {
                        file.tags[i].name = to.to_owned();
                    }
                    changed = true;
                }
            }
            TagChange::Delete { name } => {
                let before = file.tags.len();
                file.tags.retain(|t| t.name != name);
                changed = file.tags.len() != before;
            }
        }
        let mut annotations = 0;
        for a in &mut file.annotations {
            let hit = match self {
                TagChange::Rename { from, to } => rename_in_tags(&mut a.tags, from, to),
                TagChange::Delete { name } => {
                    let before = a.tags.len();
                    a.tags.retain(|t| t != name);
                    a.tags.len() != before
                }
            };
            if hit {
                a.modified = now;
                annotations += 1;
            }
        }
        (annotations, changed || annotations > 0)
    }
}

/// Make `change` in every sidecar governed by the codebook at `codebook`, and
/// `change_book` in the codebook (told whether any sidecar changed), all under the
/// locks of their folders and all or nothing ([`LockedWrite`]). Returns what the change
/// added up to and the sidecars rewritten.
fn change_everywhere(
    codebook: &Path,
    change: TagChange<'_>,
    change_book: impl FnOnce(&mut Codebook, bool) -> Result<(), StoreError>,
) -> Result<(TagUsage, Vec<PathBuf>), StoreError> {
    let mut paths = sidecars_under(super::folder_of(codebook))?;
    paths.push(codebook.to_owned());
    let mut write = LockedWrite::begin(&paths)?;
    let Some((book_file, sidecars)) = write.files_mut().split_last_mut() else {
        return Err(StoreError::UnknownTag {
            path: codebook.to_owned(),
            name: String::new(),
        });
    };
    let mut book = match book_file.bytes()? {
        Some(bytes) => {
            let file: CodebookFile =
                parse_versioned(bytes, codebook, CODEBOOK_FORMAT, CODEBOOK_VERSION)?;
            Codebook { tags: file.tags }
        }
        None => Codebook::default(),
    };
    let now = Timestamp::now();
    let mut usage = TagUsage::default();
    let mut rewritten = Vec::new();
    for sidecar in sidecars.iter_mut() {
        let path = sidecar.path().to_owned();
        // Listed a moment ago, gone now: nothing to change in it.
        let Some(bytes) = sidecar.bytes()? else {
            continue;
        };
        let mut file = parse_sidecar(bytes, &path)?;
        let (annotations, changed) = change.apply(&mut file, now);
        if !changed {
            continue;
        }
        let bytes = to_ron(&file).map_err(|e| StoreError::Parse {
            path: path.clone(),
            line: 0,
            column: 0,
            message: format!("cannot write RON: {e}"),
        })?;
        sidecar.replace(bytes.into_bytes());
        usage.annotations += annotations;
        if annotations > 0 {
            usage.sidecars.push(path.clone());
        }
        rewritten.push(path);
    }
    change_book(&mut book, !rewritten.is_empty())?;
    book_file.replace(codebook_text(&book, codebook)?.into_bytes());
    write.commit()?;
    Ok((usage, rewritten))
}

#[cfg(test)]
#[path = "codebook_tests.rs"]
mod tests;
