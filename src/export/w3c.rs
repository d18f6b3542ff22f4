//! W3C Web Annotation JSON-LD: an `AnnotationCollection` whose first
//! `AnnotationPage` holds every annotation, or (with [`W3c::lines`]) one annotation
//! per line. The output passes the W3C Web Annotation test suite's "must" schemas.
//!
//! - `target.source` is an absolute IRI: the article's `file:///…` IRI
//!   (percent-encoded), or with a base IRI (`--base-iri`) that base followed by the
//!   article's path relative to the working directory. The path as given is kept in
//!   `target["pathok:path"]`, a term of the small `@context` extension
//!   `{"pathok": "urn:pathok:"}`.
//! - Each target has a `TextQuoteSelector` (`exact`, `prefix`, `suffix`) and a
//!   `TextPositionSelector` (code points; left out for orphaned annotations).
//! - Tags are `TextualBody` with `purpose: "tagging"`, the note one with
//!   `purpose: "commenting"`, the author the `creator`. Ids are `urn:uuid:<id>`; the
//!   collection's and page's ids are derived from the annotations' ids.
//!
//! - A picture region's target has the picture's IRI as `source` (the article's for a
//!   standalone image) and a `FragmentSelector` conforming to
//!   [`MEDIA_FRAGMENTS`] with value `xywh=pixel:x,y,w,h` (pixels after EXIF
//!   orientation); `pathok:sha256` is the picture's hash, and for a picture of an
//!   article `pathok:image` its path relative to the article and `pathok:article` the
//!   article's IRI.
//!
//! Reading ([`Importer`]) takes a collection (all its pages), a page, an array, one
//! annotation, or one annotation per line; sources may be `file:` IRIs, IRIs under
//! the base IRI given, or plain paths (older exports).

use std::io::Write;
use std::path::Path;

use serde_json::value::RawValue;
use serde_json::{Value, json};

use super::exporter::{ExportError, ExportItem, Exporter, SourceIris};
use super::helpers::{
    Placed, absolute, derived_guid, file_iri, has_scheme, path_of_file_iri, strip_bom,
};
use super::importer::{ImportInput, Importer, ReadError};
use super::record::{Candidate, JsonlRecord, Location, RecordError};
use std::collections::BTreeMap;

use crate::annotate::{Annotation, ImageRegion};
use crate::picture::{self, PixelRect};

/// The JSON-LD context of the Web Annotation vocabulary.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The IRI prefix of Pathok's own terms (`pathok:path` expands to `urn:pathok:path`).
pub const PATHOK_NS: &str = "urn:pathok:";

/// The target property holding the article's path as given.
pub const PATH_PROPERTY: &str = "pathok:path";

/// The `@context` of every document: the Web Annotation context and Pathok's prefix.
pub fn context() -> Value {
    json!([CONTEXT, {"pathok": PATHOK_NS}])
}

/// The W3C Web Annotation exporter and importer.
#[derive(Clone, Debug, Default)]
pub struct W3c {
    /// Export one annotation per line (each with its own `@context`) instead of a
    /// collection.
    pub lines: bool,
    /// How article paths become source IRIs (export), and the base IRI that maps
    /// sources back to paths (import).
    pub sources: SourceIris,
}

impl W3c {
    /// The `target.source` IRI of the article at `path` (as given).
    pub fn source_iri(&self, path: &Path) -> Result<String, ExportError> {
        let working_dir = self.sources.working_dir.as_deref();
        let abs = absolute(path, working_dir)
            .ok_or_else(|| ExportError::RelativeSource(path.to_owned()))?;
        let Some(base) = &self.sources.base_iri else {
            return Ok(file_iri(&abs));
        };
        let relative = working_dir
            .and_then(|wd| absolute(wd, None))
            .and_then(|wd| abs.strip_prefix(wd).ok().map(Path::to_owned))
            .ok_or_else(|| ExportError::OutsideBase {
                base: base.clone(),
                path: path.to_owned(),
            })?;
        Ok(base.join(&relative))
    }
}

/// The IRI prefix of the media fragments a region's `FragmentSelector` conforms to.
pub const MEDIA_FRAGMENTS: &str = "http://www.w3.org/TR/media-frags/";

/// The target property holding a region's picture relative to its article.
pub const IMAGE_PROPERTY: &str = "pathok:image";
/// The target property holding the article's IRI when the source is its picture.
pub const ARTICLE_PROPERTY: &str = "pathok:article";
/// The target property holding the SHA-256 of a region's picture.
pub const SHA256_PROPERTY: &str = "pathok:sha256";

/// The `xywh=pixel:x,y,w,h` value of a region's `FragmentSelector`.
pub fn media_fragment(rect: PixelRect) -> String {
    format!("xywh=pixel:{},{},{},{}", rect.x, rect.y, rect.w, rect.h)
}

/// The rectangle of an `xywh=` media fragment in pixels (`xywh=1,2,3,4` or
/// `xywh=pixel:1,2,3,4`; percent is not a pixel region).
pub fn parse_media_fragment(value: &str) -> Option<PixelRect> {
    let rest = value.trim().strip_prefix("xywh=")?;
    let rest = rest.strip_prefix("pixel:").unwrap_or(rest);
    let mut n = rest.split(',').map(|p| p.trim().parse::<u32>().ok());
    let rect = PixelRect::new(n.next()??, n.next()??, n.next()??, n.next()??);
    n.next().is_none().then_some(rect)
}

/// The Web Annotation of `a` on the article at `path` (as given), whose source IRI is
/// `source`. A picture region of one of the article's pictures needs that picture's
/// IRI, `image_source`: the target's source is then the picture, and the article's
/// IRI goes to `pathok:article`.
pub fn annotation_json(
    source: &str,
    image_source: Option<&str>,
    path: &str,
    text: &crate::text::SourceText,
    a: &Annotation,
) -> Value {
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
    let target = match &a.region {
        Some(region) => region_target(source, image_source, path, region),
        None => text_target(source, path, text, a),
    };
    let motivation = if body.is_empty() {
        "highlighting"
    } else if a.tags.is_empty() {
        "commenting"
    } else {
        "tagging"
    };
    let mut out = json!({
        "id": format!("urn:uuid:{}", a.id),
        "type": "Annotation",
        "motivation": motivation,
        "created": a.created.to_string(),
        "modified": a.modified.to_string(),
        "target": target,
    });
    if !body.is_empty() {
        out["body"] = Value::Array(body);
    }
    if !a.author.is_empty() {
        out["creator"] = json!({"type": "Person", "name": a.author});
    }
    out
}

/// The target of a text passage: quote and position selectors.
fn text_target(source: &str, path: &str, text: &crate::text::SourceText, a: &Annotation) -> Value {
    let mut selector = vec![json!({
        "type": "TextQuoteSelector",
        "exact": a.quote,
        "prefix": a.prefix,
        "suffix": a.suffix,
    })];
    if let Some(p) = Placed::of(a, text) {
        selector.push(json!({"type": "TextPositionSelector", "start": p.start, "end": p.end}));
    }
    json!({"source": source, PATH_PROPERTY: path, "selector": selector})
}

/// The target of a picture region: the picture's IRI with a media-fragment selector.
fn region_target(
    source: &str,
    image_source: Option<&str>,
    path: &str,
    region: &ImageRegion,
) -> Value {
    let selector = json!({
        "type": "FragmentSelector",
        "conformsTo": MEDIA_FRAGMENTS,
        "value": media_fragment(region.rect),
    });
    let mut target = json!({
        "source": image_source.unwrap_or(source),
        PATH_PROPERTY: path,
        SHA256_PROPERTY: region.sha256,
        "selector": selector,
    });
    if let Some(image) = &region.image {
        target[IMAGE_PROPERTY] = json!(image);
        target[ARTICLE_PROPERTY] = json!(source);
    }
    target
}

impl Exporter for W3c {
    fn extension(&self) -> &'static str {
        if self.lines { "jsonl" } else { "jsonld" }
    }

    fn export(&self, items: &[ExportItem<'_>], out: &mut dyn Write) -> Result<(), ExportError> {
        let mut sources = Vec::with_capacity(items.len());
        let mut pictures = Vec::with_capacity(items.len());
        for item in items {
            sources.push(self.source_iri(item.path)?);
            let mut iris = BTreeMap::new();
            for region in item
                .sidecar
                .annotations
                .regions()
                .filter_map(|a| a.region.as_ref())
            {
                if let Some(image) = &region.image
                    && !iris.contains_key(image)
                {
                    let file = picture::image_file(item.path, Some(image));
                    iris.insert(image.clone(), self.source_iri(&file)?);
                }
            }
            pictures.push(iris);
        }
        let all =
            items
                .iter()
                .zip(sources.iter().zip(&pictures))
                .flat_map(|(item, (source, iris))| {
                    let path = item.path.to_string_lossy();
                    item.sidecar.annotations.iter().map(move |a| {
                        let image = a.region.as_ref().and_then(|r| r.image.as_ref());
                        let image_source = image.and_then(|i| iris.get(i)).map(String::as_str);
                        annotation_json(source, image_source, &path, &item.article.text, a)
                    })
                });
        if self.lines {
            for mut a in all {
                if let Value::Object(map) = &mut a {
                    map.insert("@context".into(), context());
                }
                serde_json::to_writer(&mut *out, &a)?;
                out.write_all(b"\n")?;
            }
        } else {
            // Written item by item (one per line) rather than as one big value: the
            // same JSON, without holding every annotation in memory twice.
            let total: usize = items.iter().map(|i| i.sidecar.annotations.len()).sum();
            let mut key = String::new();
            for item in items {
                for a in item.sidecar.annotations.iter() {
                    key.push_str(&a.id.to_string());
                }
            }
            let head = json!({
                "@context": context(),
                "id": format!("urn:uuid:{}", derived_guid("w3c-collection", &key)),
                "type": "AnnotationCollection",
                "label": "Pathok annotations",
                "total": total,
            });
            let head = serde_json::to_string(&head)?;
            let head = head.strip_suffix('}').unwrap_or(&head);
            let page = format!("urn:uuid:{}", derived_guid("w3c-page", &key));
            write!(
                out,
                "{head},\"first\":{{\"id\":\"{page}\",\"type\":\"AnnotationPage\",\"startIndex\":0,\"items\":["
            )?;
            for (i, a) in all.enumerate() {
                out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *out, &a)?;
            }
            out.write_all(b"\n]}}\n")?;
        }
        out.flush()?;
        Ok(())
    }
}

impl Importer for W3c {
    fn read(&self, input: ImportInput<'_>) -> Result<Vec<Candidate>, ReadError> {
        let (name, text) = input.text("w3c")?;
        let text = strip_bom(text);
        let candidate = |location: Location, v: Result<Value, serde_json::Error>| Candidate {
            file: name.to_owned(),
            location,
            record: v
                .map_err(RecordError::from)
                .and_then(|v| self.record_of(&v)),
        };
        let whole = match serde_json::from_str::<&RawValue>(text) {
            Ok(doc) => doc,
            Err(e) => {
                let lines = text
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| !l.trim().is_empty());
                let first_is_json = lines
                    .clone()
                    .next()
                    .is_some_and(|(_, l)| serde_json::from_str::<&RawValue>(l).is_ok());
                if !first_is_json {
                    // One document that is not JSON: its error, where it is.
                    return Ok(vec![candidate(Location::line(e.line()), Err(e))]);
                }
                return Ok(lines
                    .map(|(i, l)| candidate(Location::line(i + 1), serde_json::from_str(l)))
                    .collect());
            }
        };
        let list =
            annotations_in(whole).ok_or_else(|| ReadError::NotWebAnnotation(name.to_owned()))?;
        let mut lines = LineCounter::new(text);
        Ok(list
            .into_iter()
            .enumerate()
            .map(|(i, raw)| {
                let location = Location {
                    line: lines.line_of(raw.get()),
                    item: Some(i + 1),
                };
                candidate(location, serde_json::from_str(raw.get()))
            })
            .collect())
    }
}

/// Line numbers of slices of one text, counted forward from the last one asked.
struct LineCounter<'a> {
    text: &'a str,
    at: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text,
            at: 0,
            line: 1,
        }
    }

    /// The 1-based line where `slice` (a part of the text) starts.
    fn line_of(&mut self, slice: &str) -> Option<usize> {
        let offset = (slice.as_ptr() as usize).checked_sub(self.text.as_ptr() as usize)?;
        if offset > self.text.len() {
            return None;
        }
        if offset < self.at {
            (self.at, self.line) = (0, 1);
        }
        self.line += self.text.as_bytes()[self.at..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = offset;
        Some(self.line)
    }
}

type Fields<'a> = std::collections::HashMap<String, &'a RawValue>;

/// The `type` of a JSON object (the first, when it has several).
fn type_of(fields: &Fields<'_>) -> Option<String> {
    match serde_json::from_str(fields.get("type")?.get()).ok()? {
        Value::String(t) => Some(t),
        Value::Array(types) => types.iter().find_map(Value::as_str).map(str::to_owned),
        _ => None,
    }
}

/// The items of a page, and the next page when it is embedded.
fn page_items(page: &RawValue) -> Option<(Vec<&RawValue>, Option<&RawValue>)> {
    let fields = serde_json::from_str::<Fields<'_>>(page.get()).ok()?;
    let items = serde_json::from_str::<Vec<&RawValue>>(fields.get("items")?.get()).ok()?;
    let next = fields
        .get("next")
        .copied()
        .filter(|n| n.get().trim_start().starts_with('{'));
    Some((items, next))
}

/// The annotations of a document (as raw JSON slices of it, so that their lines can
/// be told), in order.
fn annotations_in(doc: &RawValue) -> Option<Vec<&RawValue>> {
    if let Ok(list) = serde_json::from_str::<Vec<&RawValue>>(doc.get()) {
        return Some(list);
    }
    let fields = serde_json::from_str::<Fields<'_>>(doc.get()).ok()?;
    match type_of(&fields)?.as_str() {
        "Annotation" => Some(vec![doc]),
        "AnnotationPage" => page_items(doc).map(|(items, _)| items),
        "AnnotationCollection" => {
            let mut out = Vec::new();
            let mut page = fields.get("first").copied();
            while let Some(p) = page {
                let (items, next) = page_items(p)?;
                out.extend(items);
                page = next;
            }
            Some(out)
        }
        _ => None,
    }
}

fn as_list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    }
}

impl W3c {
    /// The article path a target names: a `file:` IRI's path, a path under the base
    /// IRI, a plain path (older exports), or else its `pathok:path`.
    fn article_of(&self, target: &Value) -> Result<String, RecordError> {
        let s = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
        let source = match target.get("source") {
            Some(Value::Object(resource)) => s(resource.get("id")),
            source => s(source),
        }
        .ok_or(RecordError::NoSource)?;
        let relative = self
            .sources
            .base_iri
            .as_ref()
            .and_then(|base| base.relative_path(&source));
        if let Some(path) = relative.or_else(|| path_of_file_iri(&source)) {
            return Ok(path.to_string_lossy().into_owned());
        }
        if !has_scheme(&source) {
            return Ok(source);
        }
        s(target.get(PATH_PROPERTY)).ok_or(RecordError::UnknownSource(source))
    }

    /// The JSONL record a Web Annotation describes.
    fn record_of(&self, v: &Value) -> Result<JsonlRecord, RecordError> {
        let s = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
        let target = *as_list(v.get("target"))
            .first()
            .ok_or(RecordError::NoTarget)?;
        let selectors = as_list(target.get("selector"));
        let of_type = |t: &str| {
            selectors
                .iter()
                .find(|s| s.get("type").and_then(Value::as_str) == Some(t))
        };
        let region = of_type("FragmentSelector")
            .and_then(|f| f.get("value").and_then(Value::as_str))
            .and_then(parse_media_fragment);
        let image = s(target.get(IMAGE_PROPERTY)).filter(|_| region.is_some());
        let article = match (&image, target.get(ARTICLE_PROPERTY)) {
            // The source is the picture: the article is named by `pathok:article`.
            (Some(_), Some(article)) => {
                let mut moved = target.clone();
                moved["source"] = article.clone();
                self.article_of(&moved)?
            }
            _ => self.article_of(target)?,
        };
        let position = of_type("TextPositionSelector");
        let n = |k: &'static str| {
            position
                .and_then(|p| p.get(k))
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
                .ok_or(RecordError::PositionMissing(k))
        };
        let (start, end) = match (region, position) {
            (Some(_), _) => (None, None),
            (None, None) => return Err(RecordError::NoPositionSelector),
            (None, Some(_)) => (Some(n("start")?), Some(n("end")?)),
        };
        let mut tags = Vec::new();
        let mut note = None;
        for b in as_list(v.get("body")) {
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
            article,
            id,
            start,
            end,
            quote: of_type("TextQuoteSelector").and_then(|q| s(q.get("exact"))),
            image,
            image_sha256: s(target.get(SHA256_PROPERTY)).filter(|_| region.is_some()),
            region,
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
}
