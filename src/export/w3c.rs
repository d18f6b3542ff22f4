//! W3C Web Annotation JSON-LD: an `AnnotationCollection` whose first
//! `AnnotationPage` holds every annotation, or (with [`W3c::lines`]) one annotation
//! per line. Each annotation targets the article path with a `TextQuoteSelector`
//! (`exact`, `prefix`, `suffix`) and a `TextPositionSelector` (code points; left out
//! for orphaned annotations). Tags are `TextualBody` with `purpose: "tagging"`, the
//! note one with `purpose: "commenting"`. Ids are `urn:uuid:<annotation id>`.
//!
//! [`candidates`] reads both shapes back (and a bare array or single annotation).

use std::io::Write;
use std::path::Path;

use serde_json::{Value, json};

use super::import::{Candidate, ImportError};
use super::jsonl::JsonlRecord;
use super::{ExportError, ExportItem, Exporter, Placed};
use crate::annotate::Annotation;

/// The JSON-LD context of the Web Annotation vocabulary.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The W3C Web Annotation exporter.
#[derive(Clone, Copy, Debug, Default)]
pub struct W3c {
    /// One annotation per line (each with its own `@context`) instead of a collection.
    pub lines: bool,
}

/// The Web Annotation of `a` on the article at `source`.
pub fn annotation_json(source: &str, text: &crate::text::SourceText, a: &Annotation) -> Value {
    let mut body: Vec<Value> = a
        .tags
        .iter()
        .map(|t| json!({"type": "TextualBody", "purpose": "tagging", "value": t}))
        .collect();
    if !a.note.is_empty() {
        body.push(json!({
            "type": "TextualBody",
            "purpose": "commenting",
            "format": "text/plain",
            "value": a.note,
        }));
    }
    let mut selector = vec![json!({
        "type": "TextQuoteSelector",
        "exact": a.quote,
        "prefix": a.prefix,
        "suffix": a.suffix,
    })];
    if let Some(p) = Placed::of(a, text) {
        selector.push(json!({"type": "TextPositionSelector", "start": p.start, "end": p.end}));
    }
    let mut out = json!({
        "id": format!("urn:uuid:{}", a.id),
        "type": "Annotation",
        "motivation": if body.is_empty() { "highlighting" } else if a.tags.is_empty() { "commenting" } else { "tagging" },
        "created": a.created.to_string(),
        "modified": a.modified.to_string(),
        "target": {"source": source, "selector": selector},
    });
    if !body.is_empty() {
        out["body"] = Value::Array(body);
    }
    if !a.author.is_empty() {
        out["creator"] = json!({"type": "Person", "name": a.author});
    }
    out
}

fn encode(e: serde_json::Error) -> ExportError {
    ExportError::Encode(e.to_string())
}

impl Exporter for W3c {
    fn name(&self) -> &'static str {
        "w3c"
    }

    fn extension(&self) -> &'static str {
        if self.lines { "jsonl" } else { "jsonld" }
    }

    fn export(&self, items: &[ExportItem<'_>], out: &mut dyn Write) -> Result<(), ExportError> {
        let all = items.iter().flat_map(|item| {
            let source = item.path.to_string_lossy();
            item.sidecar
                .annotations
                .iter()
                .map(move |a| annotation_json(&source, &item.article.text, a))
        });
        if self.lines {
            for mut a in all {
                if let Value::Object(map) = &mut a {
                    map.insert("@context".into(), CONTEXT.into());
                }
                serde_json::to_writer(&mut *out, &a).map_err(encode)?;
                out.write_all(b"\n")?;
            }
        } else {
            // Written item by item (one per line) rather than as one big value: the
            // same JSON, without holding every annotation in memory twice.
            let total: usize = items.iter().map(|i| i.sidecar.annotations.len()).sum();
            let head = json!({
                "@context": CONTEXT,
                "type": "AnnotationCollection",
                "label": "Pathok annotations",
                "total": total,
            });
            let head = serde_json::to_string(&head).map_err(encode)?;
            let head = head.strip_suffix('}').unwrap_or(&head);
            write!(
                out,
                "{head},\"first\":{{\"type\":\"AnnotationPage\",\"startIndex\":0,\"items\":["
            )?;
            for (i, a) in all.enumerate() {
                out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *out, &a).map_err(encode)?;
            }
            out.write_all(b"\n]}}\n")?;
        }
        out.flush()?;
        Ok(())
    }
}

/// The records of a W3C `input` read from `name`: a collection (its pages' `items`),
/// a page, an array, one annotation, or one annotation per line. Line numbers are
/// those of the lines for JSON Lines, else 1 for the whole document.
pub fn candidates(input: &str, name: &Path) -> Result<Vec<Candidate>, ImportError> {
    let candidate = |line: usize, v: &Value| Candidate {
        file: name.to_owned(),
        line,
        record: record_of(v),
    };
    match serde_json::from_str::<Value>(input) {
        Ok(doc) => {
            let list = annotations_in(&doc).ok_or_else(|| {
                ImportError::Input(format!(
                    "not a Web Annotation, AnnotationPage or AnnotationCollection: {}",
                    name.display()
                ))
            })?;
            Ok(list.iter().map(|v| candidate(1, v)).collect())
        }
        Err(_) => Ok(input
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| match serde_json::from_str::<Value>(l) {
                Ok(v) => candidate(i + 1, &v),
                Err(e) => Candidate {
                    file: name.to_owned(),
                    line: i + 1,
                    record: Err(format!("not JSON: {e}")),
                },
            })
            .collect()),
    }
}

fn annotations_in(doc: &Value) -> Option<Vec<Value>> {
    match doc {
        Value::Array(list) => Some(list.clone()),
        Value::Object(map) => match map.get("type").and_then(Value::as_str) {
            Some("Annotation") => Some(vec![doc.clone()]),
            Some("AnnotationPage") => map.get("items")?.as_array().cloned(),
            Some("AnnotationCollection") => {
                let mut out = Vec::new();
                let mut page = map.get("first");
                while let Some(p) = page {
                    out.extend(p.get("items")?.as_array()?.iter().cloned());
                    page = p.get("next").filter(|n| n.is_object());
                }
                Some(out)
            }
            _ => None,
        },
        _ => None,
    }
}

/// The JSONL record a Web Annotation describes.
fn record_of(v: &Value) -> Result<JsonlRecord, String> {
    let s = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    let target = match v.get("target") {
        Some(Value::Array(list)) => list.first(),
        t => t,
    }
    .ok_or("no target")?;
    let source = s(target.get("source")).ok_or("the target has no source (article path)")?;
    let selectors: Vec<&Value> = match target.get("selector") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    let of_type = |t: &str| {
        selectors
            .iter()
            .find(|s| s.get("type").and_then(Value::as_str) == Some(t))
    };
    let position = of_type("TextPositionSelector").ok_or("no TextPositionSelector")?;
    let n = |k: &str| {
        position
            .get(k)
            .and_then(Value::as_u64)
            .map(|n| n as usize)
            .ok_or(format!("TextPositionSelector has no {k}"))
    };
    let mut tags = Vec::new();
    let mut note = None;
    let bodies: Vec<&Value> = match v.get("body") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    for b in bodies {
        let value = s(b.get("value")).unwrap_or_default();
        match b.get("purpose").and_then(Value::as_str) {
            Some("tagging") | Some("classifying") => tags.push(value),
            _ => note = Some(note.map_or(value.clone(), |n: String| format!("{n}\n{value}"))),
        }
    }
    // Ids of other tools (any IRI) get a new UUID; ours come back as they were.
    let id = s(v.get("id")).and_then(|id| {
        let raw = id.strip_prefix("urn:uuid:").unwrap_or(&id).to_owned();
        uuid::Uuid::parse_str(&raw).ok()
    });
    Ok(JsonlRecord {
        article: source,
        id,
        start: Some(n("start")?),
        end: Some(n("end")?),
        quote: of_type("TextQuoteSelector").and_then(|q| s(q.get("exact"))),
        tags: Some(tags),
        note,
        author: v.get("creator").and_then(|c| match c {
            Value::String(name) => Some(name.clone()),
            c => s(c.get("name")),
        }),
        created: s(v.get("created")),
        modified: s(v.get("modified")),
        ..JsonlRecord::default()
    })
}
