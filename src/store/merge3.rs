//! Three-way merging of a sidecar or a codebook, as a git merge driver needs it: the
//! common ancestor (`base`), our version and theirs.
//!
//! The annotations go through the app's own merge ([`super::merge`]: by id, the newer
//! `modified` wins, a recorded deletion wins over any copy not changed after it). The
//! ancestor adds what a two-way merge cannot know:
//!
//! - an annotation that was in `base` and is gone from one side *without* a deletion
//!   record (removed by hand or by another tool) counts as deleted at its `base`
//!   `modified`: it stays deleted unless the other side changed it since;
//! - the article note, the article the offsets point into, and each tag: what one side
//!   changed from `base` is taken; a value changed on both sides differently is a
//!   conflict ([`Merged3::conflicts`]), except for the tag copies inside a sidecar,
//!   where ours wins as on the app's save (the folder's `codebook.ron` is the
//!   authority on tags, and a conflict there is a real one).
//!
//! Nothing is dropped silently: an annotation edited on both sides keeps the newer
//! version and the other one is written in [`Merged3::report`]; so is a deletion
//! undone because the other side changed the annotation later.

use std::collections::BTreeSet;
use std::path::Path;

use super::StoreError;
use super::codebook::{CODEBOOK_FORMAT, CodebookFile, codebook_text};
use super::format::{SidecarFile, parse_sidecar, parse_versioned, to_ron};
use super::ids::renumber_duplicates;
use super::merge::merge;
use crate::annotate::{Annotation, AnnotationSet, Codebook, Tag};

/// The marker lines git and editors recognise, seven characters long as git's own.
const MARK_OURS: &str = "<<<<<<< ours";
const MARK_SPLIT: &str = "=======";
const MARK_THEIRS: &str = ">>>>>>> theirs";

/// The outcome of a three-way merge of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged3 {
    /// The merged file in its stable layout; when there are conflicts, with conflict
    /// markers around the lines where ours and theirs differ (keeping either side
    /// between the markers gives a valid file).
    pub text: String,
    /// What the merge decided that a person may want to check (one line each): an
    /// annotation edited on both sides (the version not kept, in full), a deletion
    /// undone by a later change, a tag kept from ours over theirs.
    pub report: Vec<String>,
    /// What could not be decided (one line each); empty when the merge is clean.
    pub conflicts: Vec<String>,
}

/// Which kind of file is merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Sidecar,
    Codebook,
}

/// Merge three versions of a sidecar or of a `codebook.ron` (told apart by their
/// `format`). `base` is `None` (or empty) when the file did not exist in the common
/// ancestor. `path` names the file in messages.
pub fn merge_three_way(
    base: Option<&[u8]>,
    ours: &[u8],
    theirs: &[u8],
    path: &Path,
) -> Result<Merged3, StoreError> {
    let base = base.filter(|b| !b.iter().all(u8::is_ascii_whitespace));
    match kind_of(ours, path)? {
        Kind::Sidecar => merge_sidecars(base, ours, theirs, path),
        Kind::Codebook => merge_codebooks(base, ours, theirs, path),
    }
}

fn kind_of(bytes: &[u8], path: &Path) -> Result<Kind, StoreError> {
    match parse_sidecar(bytes, path) {
        Ok(_) => Ok(Kind::Sidecar),
        Err(StoreError::WrongFormat { found, .. }) if found == CODEBOOK_FORMAT => {
            Ok(Kind::Codebook)
        }
        Err(e) => Err(e),
    }
}

/// One side's sidecar, with annotations sharing an id renumbered as on reading
/// (nothing is lost to a bad hand merge).
fn sidecar_of(bytes: &[u8], path: &Path) -> Result<(SidecarFile, AnnotationSet), StoreError> {
    let mut file = parse_sidecar(bytes, path)?;
    let mut list = std::mem::take(&mut file.annotations);
    renumber_duplicates(&mut list);
    let set = AnnotationSet::new(list, std::mem::take(&mut file.deleted));
    Ok((file, set))
}

fn merge_sidecars(
    base: Option<&[u8]>,
    ours: &[u8],
    theirs: &[u8],
    path: &Path,
) -> Result<Merged3, StoreError> {
    let base = base.map(|b| sidecar_of(b, path)).transpose()?;
    let (our_file, our_set) = sidecar_of(ours, path)?;
    let (their_file, their_set) = sidecar_of(theirs, path)?;
    let mut report = Vec::new();
    let mut conflicts = Vec::new();

    let empty = AnnotationSet::default();
    let base_set = base.as_ref().map_or(&empty, |(_, s)| s);
    let annotations = merge_annotations(base_set, &our_set, &their_set, &mut report);

    let base_file = base.as_ref().map(|(f, _)| f);
    let mut merged = SidecarFile::new(our_file.article.clone());
    merged.annotations = annotations.as_slice().to_vec();
    merged.deleted = annotations.tombstones();
    let tags = merge_tags3(
        base_file.map(|f| f.tags.as_slice()),
        &our_file.tags,
        &their_file.tags,
    );
    for name in &tags.differing {
        report.push(format!(
            "tag {name:?} differs (colour or description): ours kept"
        ));
    }
    merged.tags = tags.tags;

    // The two candidates differ only where a conflict could not be decided.
    let mut theirs_choice = merged.clone();
    let base_note = base_file.map_or("", |f| f.note.as_str());
    match pick3(
        Some(base_note),
        our_file.note.as_str(),
        their_file.note.as_str(),
    ) {
        Ok(note) => {
            merged.note = note.to_owned();
            theirs_choice.note = note.to_owned();
        }
        Err(()) => {
            conflicts.push("the article note was changed differently on both sides".into());
            merged.note.clone_from(&our_file.note);
            theirs_choice.note.clone_from(&their_file.note);
        }
    }
    match pick3(
        base_file.map(|f| &f.article),
        &our_file.article,
        &their_file.article,
    ) {
        Ok(article) => {
            merged.article = article.clone();
            theirs_choice.article = article.clone();
        }
        Err(()) => {
            conflicts.push(format!(
                "the article's text changed differently on both sides (ours {} chars, theirs {} chars)",
                our_file.article.char_len, their_file.article.char_len
            ));
            theirs_choice.article = their_file.article.clone();
        }
    }
    let ron = |f: &SidecarFile| {
        to_ron(f).map_err(|e| StoreError::Parse {
            path: path.to_owned(),
            line: 0,
            column: 0,
            message: format!("cannot write RON: {e}"),
        })
    };
    let text = with_markers(&ron(&merged)?, &ron(&theirs_choice)?);
    Ok(Merged3 {
        text,
        report,
        conflicts,
    })
}

fn merge_codebooks(
    base: Option<&[u8]>,
    ours: &[u8],
    theirs: &[u8],
    path: &Path,
) -> Result<Merged3, StoreError> {
    let read = |bytes: &[u8]| -> Result<CodebookFile, StoreError> {
        parse_versioned(
            bytes,
            path,
            CODEBOOK_FORMAT,
            super::codebook::CODEBOOK_VERSION,
        )
    };
    let base = base.map(read).transpose()?;
    let ours = read(ours)?;
    let theirs = read(theirs)?;
    let tags = merge_tags3(
        base.as_ref().map(|b| b.tags.as_slice()),
        &ours.tags,
        &theirs.tags,
    );
    let conflicts = tags
        .differing
        .iter()
        .map(|name| {
            format!("tag {name:?} was given a different colour or description on each side")
        })
        .collect();
    let mut theirs_choice = tags.tags.clone();
    for t in &mut theirs_choice {
        if tags.differing.contains(&t.name)
            && let Some(theirs_tag) = theirs.tags.iter().find(|x| x.name == t.name)
        {
            *t = theirs_tag.clone();
        }
    }
    let text = |tags: Vec<Tag>| codebook_text(&Codebook { tags }, path);
    Ok(Merged3 {
        text: with_markers(&text(tags.tags)?, &text(theirs_choice)?),
        report: Vec::new(),
        conflicts,
    })
}

/// The value both sides agree on, or the one side that changed from `base`; `Err`
/// when both changed it differently.
fn pick3<'a, T: PartialEq + ?Sized>(
    base: Option<&T>,
    ours: &'a T,
    theirs: &'a T,
) -> Result<&'a T, ()> {
    if ours == theirs || base == Some(theirs) {
        Ok(ours)
    } else if base == Some(ours) {
        Ok(theirs)
    } else {
        Err(())
    }
}

/// The annotations of both sides merged by id with the app's rules, after turning
/// annotations removed without a record into deletions (see the module docs).
fn merge_annotations(
    base: &AnnotationSet,
    ours: &AnnotationSet,
    theirs: &AnnotationSet,
    report: &mut Vec<String>,
) -> AnnotationSet {
    let mut ours2 = ours.clone();
    let mut theirs2 = theirs.clone();
    for b in base.iter() {
        for (side, other, name, other_name) in [
            (&mut ours2, theirs, "ours", "theirs"),
            (&mut theirs2, ours, "theirs", "ours"),
        ] {
            if side.get(b.id).is_some() || side.deleted_at(b.id).is_some() {
                continue;
            }
            match other.get(b.id) {
                Some(o) if o.modified > b.modified => report.push(format!(
                    "{}: removed on {name}, changed on {other_name}: kept",
                    describe(o)
                )),
                _ => side.record_deletion(b.id, b.modified),
            }
        }
    }
    let ids: BTreeSet<_> = ours2.iter().map(|a| a.id).collect();
    for id in ids {
        let (Some(o), Some(t)) = (ours2.get(id), theirs2.get(id)) else {
            continue;
        };
        let b = base.get(id);
        if o != t && b != Some(o) && b != Some(t) {
            let (kept, other, other_name) = if t.modified > o.modified {
                (t, o, "ours")
            } else {
                (o, t, "theirs")
            };
            report.push(format!(
                "{}: edited on both sides, the newer kept (modified {}); {other_name} had: {}",
                describe(kept),
                kept.modified,
                describe_full(other)
            ));
        }
    }
    for (side, other, name, other_name) in [
        (&ours2, &theirs2, "ours", "theirs"),
        (&theirs2, &ours2, "theirs", "ours"),
    ] {
        for t in side.tombstones() {
            if let Some(a) = other.get(t.id)
                && a.modified > t.deleted_at
                && side.get(t.id).is_none()
            {
                report.push(format!(
                    "{}: deleted on {name} at {}, changed on {other_name} after: kept",
                    describe(a),
                    t.deleted_at
                ));
            }
        }
    }
    // The note is merged by the caller; `merge` needs a base note only for it.
    merge(&ours2, &theirs2, "")
}

/// Where an annotation is: its chars and quote, or its picture and rectangle.
fn place(a: &Annotation) -> String {
    match &a.region {
        Some(r) => format!(
            "picture {:?} region x={} y={} w={} h={}",
            r.image.as_deref().unwrap_or("(the image itself)"),
            r.rect.x,
            r.rect.y,
            r.rect.w,
            r.rect.h
        ),
        None => format!("chars {}..{} {:?}", a.start.0, a.end.0, a.quote),
    }
}

/// An annotation in a report line: its id and quote (or picture region).
fn describe(a: &Annotation) -> String {
    match &a.region {
        Some(_) => format!("annotation {} ({})", a.id, place(a)),
        None => format!("annotation {} {:?}", a.id, a.quote),
    }
}

/// Everything a person needs to restore the version not kept.
fn describe_full(a: &Annotation) -> String {
    format!(
        "{}, tags [{}], note {:?}, coder {:?}, modified {}",
        place(a),
        a.tags.join(", "),
        a.note,
        a.author,
        a.modified
    )
}

/// Tags merged three-way by name.
struct Tags3 {
    /// Ours in our order (less those deleted on their side), then theirs' additions.
    tags: Vec<Tag>,
    /// Names changed differently on both sides (or added on both with different
    /// content): `tags` holds ours for them.
    differing: Vec<String>,
}

fn merge_tags3(base: Option<&[Tag]>, ours: &[Tag], theirs: &[Tag]) -> Tags3 {
    let find = |list: &[Tag], name: &str| list.iter().find(|t| t.name == name).cloned();
    let mut tags = Vec::new();
    let mut differing = Vec::new();
    let names = ours.iter().chain(theirs).map(|t| t.name.as_str());
    let mut seen = BTreeSet::new();
    for name in names {
        if !seen.insert(name) {
            continue;
        }
        let b = base.and_then(|b| find(b, name));
        let (o, t) = (find(ours, name), find(theirs, name));
        let kept = match (&o, &t) {
            (Some(o), Some(t)) => match pick3(b.as_ref(), o, t) {
                Ok(tag) => Some(tag.clone()),
                Err(()) => {
                    differing.push(name.to_owned());
                    Some(o.clone())
                }
            },
            // Gone on one side: deleted there if the other did not change it since
            // `base`; a tag new on one side (no base) is an addition.
            (Some(one), None) | (None, Some(one)) => match &b {
                Some(b) if b == one => None,
                _ => Some(one.clone()),
            },
            (None, None) => None,
        };
        tags.extend(kept);
    }
    Tags3 { tags, differing }
}

/// `ours` with the lines that differ from `theirs` between conflict markers (one
/// region from the first differing line to the last); `ours` itself when they are the
/// same.
fn with_markers(ours: &str, theirs: &str) -> String {
    if ours == theirs {
        return ours.to_owned();
    }
    let a: Vec<&str> = ours.split_inclusive('\n').collect();
    let b: Vec<&str> = theirs.split_inclusive('\n').collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut out = String::with_capacity(ours.len() + theirs.len());
    out.extend(a[..prefix].iter().copied());
    out.push_str(MARK_OURS);
    out.push('\n');
    out.extend(a[prefix..a.len() - suffix].iter().copied());
    out.push_str(MARK_SPLIT);
    out.push('\n');
    out.extend(b[prefix..b.len() - suffix].iter().copied());
    out.push_str(MARK_THEIRS);
    out.push('\n');
    out.extend(a[a.len() - suffix..].iter().copied());
    out
}

#[cfg(test)]
#[path = "merge3_tests.rs"]
mod tests;
