//! Duplicate annotation ids in a sidecar — what a bad hand merge of two coders' files
//! leaves. `check` reports them with the lines of the blocks; a sidecar read to be
//! edited keeps every copy, the later ones under new ids, so nothing is dropped.

use std::collections::HashSet;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::StoreError;
use super::format::parse_sidecar;
use super::update::MAX_STORE_FILE_BYTES;
use crate::annotate::{Annotation, AnnotationId};
use crate::article::read_regular_file;

/// An annotation that shared its id with an earlier one in the file and was given a
/// new one when the file was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renumbered {
    /// The id it had in the file (the earlier annotation keeps it).
    pub old: AnnotationId,
    /// The id it has now.
    pub new: AnnotationId,
    /// Its quote, to tell the user which one.
    pub quote: String,
}

/// Give every annotation whose id an earlier one in `list` has a new id. The new id is
/// derived from the old id, the copy's position among the copies and its content, so
/// that reading the same file twice (say, to merge with it) gives the same ids.
pub(crate) fn renumber_duplicates(list: &mut [Annotation]) -> Vec<Renumbered> {
    let mut seen: HashSet<AnnotationId> = HashSet::with_capacity(list.len());
    let mut duplicates = Vec::new();
    for (i, a) in list.iter().enumerate() {
        if !seen.insert(a.id) {
            duplicates.push(i);
        }
    }
    let mut renumbered = Vec::with_capacity(duplicates.len());
    for (n, i) in duplicates.into_iter().enumerate() {
        let a = &mut list[i];
        let mut salt = n;
        let new = loop {
            let candidate = derived_id(a, salt);
            if seen.insert(candidate) {
                break candidate;
            }
            salt += 1;
        };
        renumbered.push(Renumbered {
            old: a.id,
            new,
            quote: a.quote.clone(),
        });
        a.id = new;
    }
    renumbered
}

/// A v4-shaped UUID from a hash of `a`'s old id, `salt` and its span and quote.
fn derived_id(a: &Annotation, salt: usize) -> AnnotationId {
    let mut hash = Sha256::new();
    hash.update(a.id.as_bytes());
    hash.update(salt.to_le_bytes());
    hash.update(a.start.0.to_le_bytes());
    hash.update(a.end.0.to_le_bytes());
    hash.update(a.quote.as_bytes());
    hash.update(a.modified.to_string().as_bytes());
    let digest = hash.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// An id used by more than one annotation of a sidecar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateId {
    /// The id.
    pub id: AnnotationId,
    /// 1-based lines of the `id:` fields of the annotations that use it, in file order
    /// (empty if the file's layout hides them).
    pub lines: Vec<usize>,
}

/// The ids used by more than one annotation in the sidecar at `path`, with the lines
/// where those annotations' ids are written. A file that cannot be read or parsed is
/// an error.
pub fn duplicate_ids(path: &Path) -> Result<Vec<DuplicateId>, StoreError> {
    let bytes = read_regular_file(path, MAX_STORE_FILE_BYTES)?;
    let file = parse_sidecar(&bytes, path)?;
    let mut seen = HashSet::new();
    let mut ids: Vec<AnnotationId> = Vec::new();
    for a in &file.annotations {
        if !seen.insert(a.id) && !ids.contains(&a.id) {
            ids.push(a.id);
        }
    }
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let text = String::from_utf8_lossy(&bytes);
    Ok(ids
        .into_iter()
        .map(|id| DuplicateId {
            id,
            lines: id_lines(&text, id),
        })
        .collect())
}

/// Lines of the annotation list (before `deleted:`) whose field is `id: "<id>"`.
fn id_lines(text: &str, id: AnnotationId) -> Vec<usize> {
    let wanted = id.hyphenated().to_string();
    let mut in_annotations = false;
    let mut lines = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let field = line.trim_start();
        if field.starts_with("annotations:") {
            in_annotations = true;
        } else if field.starts_with("deleted:") {
            in_annotations = false;
        } else if in_annotations
            && let Some(value) = field.strip_prefix("id:")
            && value.to_ascii_lowercase().contains(&wanted)
        {
            lines.push(n + 1);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Timestamp;
    use crate::store::{ArticleInfo, SidecarFile, to_ron};
    use crate::text::{CharRange, SourceText};

    fn two_with_one_id() -> Vec<Annotation> {
        let text = SourceText::new("আমি বাংলা বই পড়ি".to_owned());
        let now = Timestamp::now();
        let first = Annotation::new(&text, CharRange::new(0, 3), now).unwrap();
        let mut second = Annotation::new(&text, CharRange::new(4, 9), now).unwrap();
        second.id = first.id;
        vec![first, second]
    }

    #[test]
    fn the_later_copy_gets_a_new_id_the_same_one_every_time() {
        let mut once = two_with_one_id();
        let mut twice = once.clone();
        let old = once[0].id;
        let renumbered = renumber_duplicates(&mut once);
        assert_eq!(renumbered.len(), 1);
        assert_eq!((once[0].id, renumbered[0].old), (old, old));
        assert_eq!(once[1].id, renumbered[0].new);
        assert_ne!(once[1].id, old);
        assert_eq!(renumbered[0].quote, "বাংলা");
        renumber_duplicates(&mut twice);
        assert_eq!(twice[1].id, once[1].id);
    }

    #[test]
    fn duplicate_ids_are_found_with_the_lines_of_both_blocks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt.annotations.ron");
        let mut file = SidecarFile::new(ArticleInfo::default());
        file.annotations = two_with_one_id();
        let text = to_ron(&file).unwrap();
        std::fs::write(&path, &text).unwrap();
        let found = duplicate_ids(&path).unwrap();
        assert_eq!(found.len(), 1);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(found[0].lines.len(), 2, "{text}");
        for line in &found[0].lines {
            assert!(lines[line - 1].trim_start().starts_with("id:"));
        }
        std::fs::write(
            &path,
            to_ron(&SidecarFile::new(ArticleInfo::default())).unwrap(),
        )
        .unwrap();
        assert!(duplicate_ids(&path).unwrap().is_empty());
    }
}
