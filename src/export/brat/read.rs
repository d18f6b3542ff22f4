//! Reading brat standoff back: each `.ann` (a file, or every `.ann` in a folder) goes
//! to the article whose canonical text equals the `.txt` beside it. Types map to tag
//! names through the nearest `visual.conf` (its labels, see [`super::conf`]); types
//! it does not name are read as older Pathok versions wrote them (`%XX` escapes).
//!
//! `T` lines that share a `PathokId` note are one annotation with several tags. A
//! span of several fragments is one annotation when only line breaks or spaces lie
//! between them (as Pathok and brat split spans at newlines); fragments further
//! apart are rejected with their line, since a Pathok annotation is one contiguous
//! span. Relations, events and attributes are left out.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::conf::{HIGHLIGHT, legacy_tag_of_type, tag_names};
use super::{Brat, CONF_FILES, ID_NOTE};
use crate::article::sha256_hex;
use crate::export::importer::{ImportInput, Importer, ReadError};
use crate::export::record::{Candidate, JsonlRecord, Location, RecordError};
use crate::text::{CharRange, SourceText};

impl Importer for Brat {
    fn reads_text(&self) -> bool {
        false
    }

    fn read(&self, input: ImportInput<'_>) -> Result<Vec<Candidate>, ReadError> {
        let ImportInput::Files { path, articles } = input else {
            return Err(ReadError::NeedsFiles { format: "brat" });
        };
        let anns = ann_files(path)?;
        let mut by_text: BTreeMap<String, Vec<&PathBuf>> = BTreeMap::new();
        for article_path in articles {
            if let Ok(article) = crate::article::load(article_path) {
                by_text
                    .entry(article.sha256.clone())
                    .or_default()
                    .push(article_path);
            }
        }
        let mut type_names = TypeNames::default();
        let mut out = Vec::new();
        for ann in anns {
            let file_error = |reason: RecordError| Candidate {
                file: ann.clone(),
                location: Location::default(),
                record: Err(reason),
            };
            let txt_path = ann.with_extension("txt");
            let read = std::fs::read_to_string(&ann)
                .and_then(|a| Ok((a, std::fs::read_to_string(&txt_path)?)));
            let (content, txt) = match read {
                Ok(both) => both,
                Err(source) => {
                    out.push(file_error(RecordError::BratUnreadable {
                        txt: txt_path,
                        source,
                    }));
                    continue;
                }
            };
            let sha = sha256_hex(txt.as_bytes());
            let stem = ann.file_stem();
            let Some(article) = by_text.get(&sha).and_then(|paths| {
                paths
                    .iter()
                    .find(|p| p.file_stem() == stem)
                    .or(paths.first())
            }) else {
                out.push(file_error(RecordError::NoArticleWithText(txt_path)));
                continue;
            };
            let base = JsonlRecord {
                article: article.to_string_lossy().into_owned(),
                article_sha256: Some(sha),
                ..JsonlRecord::default()
            };
            let names = type_names.near(&ann, path);
            let file = AnnFile {
                path: &ann,
                text: &SourceText::new(txt),
                names,
            };
            out.extend(file.candidates(&content, &base));
        }
        Ok(out)
    }
}

/// The `.ann` file `input`, or every `.ann` in the folder `input` (sorted).
fn ann_files(input: &Path) -> Result<Vec<PathBuf>, ReadError> {
    if !input.is_dir() {
        return Ok(vec![input.to_owned()]);
    }
    let io = |source| ReadError::Io {
        path: input.to_owned(),
        source,
    };
    let mut list = Vec::new();
    for entry in std::fs::read_dir(input).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "ann") {
            list.push(path);
        }
    }
    list.sort();
    Ok(list)
}

/// Tag names of types, from the `visual.conf` nearest each `.ann`, cached per folder.
#[derive(Default)]
struct TypeNames {
    by_folder: HashMap<PathBuf, HashMap<String, String>>,
}

impl TypeNames {
    /// The names that apply to `ann`: from the first `visual.conf` in its folder or
    /// the folders above it, up to `root` (the folder given, if it is one).
    fn near(&mut self, ann: &Path, root: &Path) -> &HashMap<String, String> {
        let folder = ann.parent().unwrap_or(Path::new("")).to_owned();
        self.by_folder.entry(folder.clone()).or_insert_with(|| {
            let root = root.is_dir().then_some(root);
            for dir in folder.ancestors() {
                let visual = dir.join(CONF_FILES[1]);
                if let Ok(conf) = std::fs::read_to_string(&visual) {
                    return tag_names(&conf);
                }
                if root.is_none_or(|r| dir == r) {
                    break;
                }
            }
            HashMap::new()
        })
    }
}

/// One `T` line: where, its type and its span.
struct TextBound {
    line: usize,
    ty: String,
    range: Result<(usize, usize), RecordError>,
}

/// One `.ann` file being read: its path, the text of its `.txt`, the type names.
struct AnnFile<'a> {
    path: &'a Path,
    text: &'a SourceText,
    names: &'a HashMap<String, String>,
}

impl AnnFile<'_> {
    /// The tag of a type (`None` for [`HIGHLIGHT`]).
    fn tag_of(&self, ty: &str) -> Option<String> {
        if ty == HIGHLIGHT {
            return None;
        }
        match self.names.get(ty) {
            Some(name) => Some(name.clone()),
            None => legacy_tag_of_type(ty),
        }
    }

    /// The records of the file's `content`; `base` names the article.
    fn candidates(&self, content: &str, base: &JsonlRecord) -> Vec<Candidate> {
        let mut bounds: BTreeMap<String, TextBound> = BTreeMap::new();
        let mut order = Vec::new();
        let mut notes: HashMap<String, String> = HashMap::new();
        let mut ids: HashMap<String, String> = HashMap::new();
        for (i, line) in content.lines().enumerate() {
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
                        range: span_of(spans, tail, self.text),
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
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        for t in order {
            match ids.get(&t) {
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
                let first = bounds.get(members.first()?)?;
                let line = first.line;
                let record = self.record_of(&id, &members, &mut bounds, &notes, base);
                Some(Candidate {
                    file: self.path.to_owned(),
                    location: Location::line(line),
                    record,
                })
            })
            .collect()
    }

    /// The record of the `T` lines `members` (one annotation id).
    fn record_of(
        &self,
        id: &str,
        members: &[String],
        bounds: &mut BTreeMap<String, TextBound>,
        notes: &HashMap<String, String>,
        base: &JsonlRecord,
    ) -> Result<JsonlRecord, RecordError> {
        let mut range = None;
        let mut tags = Vec::new();
        for t in members {
            let Some(b) = bounds.remove(t) else { continue };
            let r = b.range?;
            if range.is_some_and(|old| old != r) {
                return Err(RecordError::SpansDiffer {
                    line_id: t.clone(),
                    id: id.to_owned(),
                });
            }
            range = Some(r);
            tags.extend(self.tag_of(&b.ty));
        }
        let (start, end) = range.ok_or_else(|| RecordError::BadSpan(String::new()))?;
        let note = members.iter().find_map(|t| notes.get(t)).cloned();
        let id = if id.is_empty() {
            None
        } else {
            Some(uuid::Uuid::parse_str(id).map_err(|_| RecordError::NotUuid {
                note: ID_NOTE,
                id: id.to_owned(),
            })?)
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

/// The whole span of `spans` (`a b;c d`) after checking each fragment against `text`
/// and the line's text field `quoted`; fragments must follow each other with only
/// white space between them.
fn span_of(spans: &str, quoted: &str, text: &SourceText) -> Result<(usize, usize), RecordError> {
    let mut frags = Vec::new();
    for part in spans.split(';') {
        let mut nums = part.split_whitespace().map(str::parse::<usize>);
        let (Some(Ok(s)), Some(Ok(e)), None) = (nums.next(), nums.next(), nums.next()) else {
            return Err(RecordError::BadSpan(part.to_owned()));
        };
        if s >= e || e > text.char_len() {
            return Err(RecordError::OutOfRange {
                start: s,
                end: e,
                len: text.char_len(),
            });
        }
        frags.push((s, e));
    }
    let joined = frags
        .iter()
        .map(|&(s, e)| text.slice(CharRange::new(s, e)))
        .collect::<Vec<_>>()
        .join(" ");
    if !quoted.is_empty() && joined != quoted {
        return Err(RecordError::BratTextMismatch {
            quoted: quoted.to_owned(),
            found: joined,
        });
    }
    frags.sort_unstable();
    let (mut start, mut end) = *frags
        .first()
        .ok_or_else(|| RecordError::BadSpan(spans.to_owned()))?;
    for &(s, e) in frags.iter().skip(1) {
        let apart = s > end
            && text
                .slice(CharRange::new(end, s))
                .chars()
                .any(|c| !c.is_whitespace());
        if apart {
            return Err(RecordError::Discontinuous {
                spans: spans.to_owned(),
            });
        }
        start = start.min(s);
        end = end.max(e);
    }
    Ok((start, end))
}
