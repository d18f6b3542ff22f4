//! brat standoff for NLP tools: per article `NAME.txt` (the canonical text, UTF-8,
//! LF) and `NAME.ann`. Offsets count code points of the `.txt`.
//!
//! - One `T` line per annotation and tag (`T3\tTYPE 10 14;15 20\ttext`); spans are
//!   split at newlines (brat refuses spans that contain one), the text field holds the
//!   fragments joined by a space, as brat expects.
//! - The type is the tag name with `_` for a space and `%XX` (UTF-8 bytes) for `_`,
//!   `%`, other white space, control characters and `;:,=|<>#`. So `Bengali news_x`
//!   becomes `Bengali_news%5Fx`; see [`type_of_tag`] and [`tag_of_type`].
//! - An annotation without tags has the type [`HIGHLIGHT`]; a tag named `Highlight`
//!   is written `%48ighlight` so the two never meet.
//! - The note is an `AnnotatorNotes` line on the annotation's first `T` line, with
//!   `\\`, newline and tab written as `\\\\`, `\\n`, `\\t`.
//! - Each `T` line has a `PathokId` note with the annotation's UUID, so an import
//!   keeps ids and joins the tags of one annotation again.
//! - Orphaned annotations have no place in the text and are left out.
//! - `NAME` is the article's file stem, made unique with `-2`, `-3`, …

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::import::{Candidate, ImportError};
use super::jsonl::JsonlRecord;
use super::{ExportError, ExportItem, Exporter, OutputFile, OutputKind, Placed};
use crate::article::sha256_hex;
use crate::text::{CharRange, SourceText};

/// The type of annotations without tags.
pub const HIGHLIGHT: &str = "Highlight";

/// The note type that carries Pathok's annotation id.
pub const ID_NOTE: &str = "PathokId";

/// The brat exporter (writes a directory).
#[derive(Clone, Copy, Debug, Default)]
pub struct Brat;

/// The brat type for a tag name (reversible; see the module docs).
pub fn type_of_tag(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len());
    for (i, c) in tag.chars().enumerate() {
        let reserved = c == '_'
            || c == '%'
            || (c.is_whitespace() && c != ' ')
            || c.is_control()
            || ";:,=|<>#".contains(c)
            || (i == 0 && tag == HIGHLIGHT);
        if c == ' ' {
            out.push('_');
        } else if reserved {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The tag name of a brat type (`None` for [`HIGHLIGHT`]); the inverse of
/// [`type_of_tag`]. Malformed escapes are kept as written.
pub fn tag_of_type(ty: &str) -> Option<String> {
    if ty == HIGHLIGHT {
        return None;
    }
    let bytes = ty.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'_', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

fn escape_note(note: &str) -> String {
    note.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
        .replace('\r', "\\r")
}

fn unescape_note(note: &str) -> String {
    let mut out = String::with_capacity(note.len());
    let mut chars = note.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// The fragments of `range` in `text` without newlines, as code-point ranges.
pub fn fragments(text: &SourceText, range: CharRange) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut at = range.start.0;
    for c in text.slice(range).chars() {
        match (c == '\n', start) {
            (true, Some(s)) => {
                out.push((s, at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
        at += 1;
    }
    if let Some(s) = start {
        out.push((s, at));
    }
    out
}

/// The `.ann` content of one article.
pub fn ann_of(item: &ExportItem<'_>) -> String {
    let text = &item.article.text;
    let mut out = String::new();
    let (mut t, mut n) = (0, 0);
    for a in item.sidecar.annotations.iter() {
        if Placed::of(a, text).is_none() {
            continue;
        }
        let frags = fragments(text, a.range());
        if frags.is_empty() {
            continue;
        }
        let spans: Vec<String> = frags.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let quoted: Vec<&str> = frags
            .iter()
            .map(|&(s, e)| text.slice(CharRange::new(s, e)))
            .collect();
        let types: Vec<String> = if a.tags.is_empty() {
            vec![HIGHLIGHT.to_owned()]
        } else {
            a.tags.iter().map(|tag| type_of_tag(tag)).collect()
        };
        for (i, ty) in types.iter().enumerate() {
            t += 1;
            let _ = writeln!(out, "T{t}\t{ty} {}\t{}", spans.join(";"), quoted.join(" "));
            n += 1;
            let _ = writeln!(out, "#{n}\t{ID_NOTE} T{t}\t{}", a.id);
            if i == 0 && !a.note.is_empty() {
                n += 1;
                let _ = writeln!(out, "#{n}\tAnnotatorNotes T{t}\t{}", escape_note(&a.note));
            }
        }
    }
    out
}

/// Unique file stems for the articles (`a`, `a-2`, …).
fn names(items: &[ExportItem<'_>]) -> Vec<String> {
    let mut used: HashMap<String, usize> = HashMap::new();
    items
        .iter()
        .map(|item| {
            let stem = item
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "article".to_owned());
            let n = used.entry(stem.to_lowercase()).or_insert(0);
            *n += 1;
            if *n == 1 { stem } else { format!("{stem}-{n}") }
        })
        .collect()
}

impl Exporter for Brat {
    fn name(&self) -> &'static str {
        "brat"
    }

    fn extension(&self) -> &'static str {
        ""
    }

    fn output_kind(&self) -> OutputKind {
        OutputKind::Directory
    }

    fn export(&self, _: &[ExportItem<'_>], _: &mut dyn Write) -> Result<(), ExportError> {
        Err(ExportError::Unsupported(
            "brat writes a directory of .txt and .ann files".into(),
        ))
    }

    fn export_files(&self, items: &[ExportItem<'_>]) -> Result<Vec<OutputFile>, ExportError> {
        let mut out = Vec::with_capacity(items.len() * 2);
        for (item, name) in items.iter().zip(names(items)) {
            out.push(OutputFile {
                name: format!("{name}.txt"),
                bytes: item.article.text.as_str().as_bytes().to_vec(),
            });
            out.push(OutputFile {
                name: format!("{name}.ann"),
                bytes: ann_of(item).into_bytes(),
            });
        }
        Ok(out)
    }
}

/// The records of the `.ann` file `input` (or every `.ann` in the folder `input`),
/// each for the article among `articles` whose canonical text equals the `.txt` next
/// to it (the one with the same file stem wins a tie).
pub fn candidates(input: &Path, articles: &[PathBuf]) -> Result<Vec<Candidate>, ImportError> {
    let anns = if input.is_dir() {
        let mut list: Vec<PathBuf> = std::fs::read_dir(input)
            .map_err(|e| ImportError::Input(format!("cannot list ({e}): {}", input.display())))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "ann"))
            .collect();
        list.sort();
        list
    } else {
        vec![input.to_owned()]
    };
    let mut by_text: BTreeMap<String, Vec<&PathBuf>> = BTreeMap::new();
    for path in articles {
        if let Ok(article) = crate::article::load(path) {
            by_text
                .entry(article.sha256.clone())
                .or_default()
                .push(path);
        }
    }
    let mut out = Vec::new();
    for ann in anns {
        let file_error = |reason: String| Candidate {
            file: ann.clone(),
            line: 0,
            record: Err(reason),
        };
        let txt_path = ann.with_extension("txt");
        let (Ok(input), Ok(txt)) = (
            std::fs::read_to_string(&ann),
            std::fs::read_to_string(&txt_path),
        ) else {
            out.push(file_error(format!(
                "cannot read it or its text {}",
                txt_path.display()
            )));
            continue;
        };
        let sha = sha256_hex(txt.as_bytes());
        let stem = ann.file_stem();
        let Some(article) = by_text.get(&sha).and_then(|paths| {
            paths
                .iter()
                .find(|p| p.file_stem() == stem)
                .or(paths.first())
        }) else {
            out.push(file_error(format!(
                "no article among the paths given has the text of {} (give the articles to import into)",
                txt_path.display()
            )));
            continue;
        };
        let base = JsonlRecord {
            article: article.to_string_lossy().into_owned(),
            article_sha256: Some(sha),
            ..JsonlRecord::default()
        };
        out.extend(parse_ann(&input, &SourceText::new(txt), &ann, &base));
    }
    Ok(out)
}

/// One `T` line: where, its type and its fragments.
struct TextBound {
    line: usize,
    ty: String,
    range: Result<(usize, usize), String>,
}

/// The records of one `.ann` file whose `.txt` is `text`; `base` names the article.
fn parse_ann(input: &str, text: &SourceText, file: &Path, base: &JsonlRecord) -> Vec<Candidate> {
    let mut bounds: BTreeMap<String, TextBound> = BTreeMap::new();
    let mut order = Vec::new();
    let mut notes: HashMap<String, String> = HashMap::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    for (i, line) in input.lines().enumerate() {
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(head)) = (fields.next(), fields.next()) else {
            continue;
        };
        let tail = fields.next().unwrap_or_default();
        if id.starts_with('T') {
            let (ty, spans) = head.split_once(' ').unwrap_or((head, ""));
            bounds.insert(
                id.to_owned(),
                TextBound {
                    line: i + 1,
                    ty: ty.to_owned(),
                    range: span_of(spans, tail, text),
                },
            );
            order.push(id.to_owned());
        } else if id.starts_with('#') {
            let (kind, target) = head.split_once(' ').unwrap_or((head, ""));
            match kind {
                "AnnotatorNotes" => {
                    notes.insert(target.to_owned(), unescape_note(tail));
                }
                ID_NOTE => {
                    ids.insert(target.to_owned(), tail.trim().to_owned());
                }
                _ => {}
            }
        }
        // Relations, events and attributes have no place in Pathok: left out.
    }
    // T lines with the same PathokId are one annotation with several tags.
    let mut groups: Vec<(String, Vec<&String>)> = Vec::new();
    for t in &order {
        match ids.get(t) {
            Some(id) => match groups.iter_mut().find(|(g, _)| g == id) {
                Some((_, members)) => members.push(t),
                None => groups.push((id.clone(), vec![t])),
            },
            None => groups.push((String::new(), vec![t])),
        }
    }
    groups
        .into_iter()
        .filter_map(|(id, members)| {
            let first = bounds.get(*members.first()?)?;
            let record = record_of(&id, &members, &bounds, &notes, base);
            Some(Candidate {
                file: file.to_owned(),
                line: first.line,
                record,
            })
        })
        .collect()
}

fn record_of(
    id: &str,
    members: &[&String],
    bounds: &BTreeMap<String, TextBound>,
    notes: &HashMap<String, String>,
    base: &JsonlRecord,
) -> Result<JsonlRecord, String> {
    let mut range = None;
    let mut tags = Vec::new();
    for t in members {
        let Some(b) = bounds.get(*t) else { continue };
        let r = b.range.clone()?;
        if range.is_some_and(|old| old != r) {
            return Err(format!("{t} has another span than the other lines of {id}"));
        }
        range = Some(r);
        tags.extend(tag_of_type(&b.ty));
    }
    let (start, end) = range.ok_or("no span")?;
    let note = members.iter().find_map(|t| notes.get(*t)).cloned();
    let id = if id.is_empty() {
        None
    } else {
        Some(uuid::Uuid::parse_str(id).map_err(|_| format!("{ID_NOTE} {id:?} is not a UUID"))?)
    };
    Ok(JsonlRecord {
        id,
        start: Some(start),
        end: Some(end),
        tags: Some(tags),
        note,
        ..base.clone()
    })
}

/// The whole span of `spans` (`a b;c d`) after checking each fragment against `text`
/// and the line's text field `quoted`.
fn span_of(spans: &str, quoted: &str, text: &SourceText) -> Result<(usize, usize), String> {
    let mut frags = Vec::new();
    for part in spans.split(';') {
        let mut nums = part.split_whitespace().map(str::parse::<usize>);
        let (Some(Ok(s)), Some(Ok(e)), None) = (nums.next(), nums.next(), nums.next()) else {
            return Err(format!("bad span {part:?}"));
        };
        if s >= e || e > text.char_len() {
            return Err(format!(
                "span {s} {e} is out of range (the text has {} code points)",
                text.char_len()
            ));
        }
        frags.push(text.slice(CharRange::new(s, e)));
    }
    let joined = frags.join(" ");
    if !quoted.is_empty() && joined != quoted {
        return Err(format!(
            "text {quoted:?} does not match the .txt there ({joined:?})"
        ));
    }
    let nums = || {
        spans
            .split([';', ' '])
            .filter_map(|n| n.parse::<usize>().ok())
    };
    match (nums().min(), nums().max()) {
        (Some(s), Some(e)) => Ok((s, e)),
        _ => Err(format!("bad span {spans:?}")),
    }
}
