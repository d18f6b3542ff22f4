//! brat's configuration grammar, ported from brat's own parser
//! (`server/src/projectconfig.py`: `__parse_configs`, `__read_term_hierarchy`,
//! `TypeHierarchyNode`, `normalize_to_storage_form`), strict: where brat would warn,
//! rewrite a name or fall back to its default configuration, this fails.

#![allow(dead_code)] // Each test binary uses part of it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// brat's reserved names (`<ANY>`, `<ENTITY>`, …).
const RESERVED: &[&str] = &[
    "ANY",
    "ENTITY",
    "RELATION",
    "EVENT",
    "NONE",
    "EMPTY",
    "REL-TYPE",
    "URL",
    "URLBASE",
    "UNICODE",
    "GLYPH-POS",
    "DEFAULT",
    "NORM",
    "OVERLAP",
    "OVL-TYPE",
    "INHERIT",
];

/// Keys brat knows in `[drawing]`.
const DRAWING_KEYS: &[&str] = &[
    "fgColor",
    "bgColor",
    "borderColor",
    "color",
    "dashArray",
    "arrowHead",
    "labelArrow",
    "glyphColor",
    "box",
    "glyph",
    "position",
];

/// Relation types brat exempts from the storage-form rule (`SPECIAL_RELATION_TYPES`):
/// they say which spans may overlap.
const SPECIAL_RELATION_TYPES: &[&str] = &["ENTITY-NESTING", "<OVERLAP>"];

/// Special types of `[drawing]`.
const DRAWING_DEFAULTS: &[&str] = &["SPAN_DEFAULT", "ARC_DEFAULT", "ATTRIBUTE_DEFAULT"];

/// One line of a section: indentation depth, terms (`|`-separated), arguments.
#[derive(Clone, Debug)]
pub struct Node {
    /// Leading white space.
    pub depth: usize,
    /// The terms; the first is the storage form.
    pub terms: Vec<String>,
    /// Comma-separated arguments.
    pub args: Vec<String>,
}

/// What brat's `normalize_to_storage_form` makes of a term.
pub fn storage_form(term: &str) -> String {
    term.replace(' ', "_")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn is_reserved_string(s: &str) -> bool {
    RESERVED.iter().any(|r| s == format!("<{r}>"))
}

/// Parse one section's lines as brat's `__read_term_hierarchy` does.
fn read_terms(lines: &[&str], section: &str) -> Result<Vec<Node>, String> {
    let mut out: Vec<Node> = Vec::new();
    let mut macros: Vec<(String, String)> = Vec::new();
    let mut depths = BTreeSet::new();
    for raw in lines {
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if trimmed.chars().all(|c| c == '-') {
            continue; // a separator line
        }
        if let Some(rest) = raw.strip_prefix('<')
            && let Some((name, value)) = rest.split_once(">=")
            && name
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == '_' || c == '-')
        {
            if RESERVED.contains(&name) {
                return Err(format!("cannot redefine reserved <{name}>: {raw}"));
            }
            macros.push((format!("<{name}>"), value.trim().to_owned()));
            continue;
        }
        let mut line = (*raw).to_owned();
        for (name, value) in &macros {
            line = line.replace(name, value);
        }
        let mut rest = line.as_str();
        while let Some(open) = rest.find('<') {
            let Some(close) = rest[open..].find('>') else {
                break;
            };
            let m = &rest[open..open + close + 1];
            if !is_reserved_string(m) {
                return Err(format!(
                    "undefined macro {m} in [{section}] (brat asserts): {raw}"
                ));
            }
            rest = &rest[open + close + 1..];
        }
        let depth = line.len() - line.trim_start().len();
        let body = &line[depth..];
        let (terms, args) = if section == "labels" {
            match body.split_once('\t') {
                Some((t, a)) => (t, a),
                None => (body, ""),
            }
        } else {
            match body.find(char::is_whitespace) {
                Some(at) => (&body[..at], body[at..].trim_start()),
                None => (body, ""),
            }
        };
        if terms.trim().is_empty() {
            return Err(format!("cannot parse line in [{section}]: {raw}"));
        }
        let terms: Vec<String> = terms
            .split('|')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| t.strip_prefix('!').unwrap_or(t).to_owned())
            .collect();
        let args: Vec<String> = args
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect();
        if args.iter().any(|a| a.contains(char::is_whitespace)) {
            return Err(format!(
                "space in an argument (brat's deprecated form) in [{section}]: {raw}"
            ));
        }
        let Some(first) = terms.first() else {
            return Err(format!("empty term in [{section}]: {raw}"));
        };
        let special = section == "relations" && SPECIAL_RELATION_TYPES.contains(&first.as_str());
        if !special && (storage_form(first) != *first || first.is_empty()) {
            return Err(format!(
                "{first:?} is not a brat storage form (^[a-zA-Z0-9_-]*$) in [{section}]: {raw}"
            ));
        }
        for a in &args {
            let Some((key, _)) = a.split_once(':') else {
                return Err(format!("argument {a:?} is not KEY:VALUE in [{section}]"));
            };
            if section == "drawing" && !DRAWING_KEYS.contains(&key) {
                return Err(format!("unknown drawing key {key:?}: {raw}"));
            }
        }
        if depth > 0 && !depths.contains(&(depth - 1)) {
            return Err(format!(
                "no parent for an indented line in [{section}]: {raw}"
            ));
        }
        depths.insert(depth);
        out.push(Node { depth, terms, args });
    }
    Ok(out)
}

/// Parse a configuration file as brat's `__parse_configs` does; every section of
/// `expected` that is not `optional` must be present, and no other section.
pub fn parse(
    conf: &str,
    expected: &[&str],
    optional: &[&str],
) -> Result<BTreeMap<String, Vec<Node>>, String> {
    let mut sections: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut current = "general".to_owned();
    for line in conf.split('\n') {
        let t = line.trim();
        if let Some(name) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            current = if name == "spans" { "entities" } else { name }.to_owned();
            if !expected.contains(&current.as_str()) {
                return Err(format!("unexpected section [{name}]"));
            }
            sections.entry(current.clone()).or_default();
        } else {
            sections.entry(current.clone()).or_default().push(line);
        }
    }
    let mut out = BTreeMap::new();
    for (name, lines) in sections {
        let nodes = read_terms(&lines, &name)?;
        if name == "general" && !nodes.is_empty() {
            return Err(format!("lines outside any section: {:?}", nodes[0].terms));
        }
        out.insert(name, nodes);
    }
    for s in expected {
        if !out.contains_key(*s) && !optional.contains(s) {
            return Err(format!("missing section [{s}]"));
        }
    }
    Ok(out)
}

/// Type → first label of a `visual.conf`.
pub fn labels(visual: &str) -> BTreeMap<String, String> {
    let parsed = parse(visual, &["labels", "drawing", "options"], &["options"])
        .unwrap_or_else(|e| panic!("visual.conf: {e}\n{visual}"));
    parsed
        .get("labels")
        .into_iter()
        .flatten()
        .filter_map(|n| Some((n.terms.first()?.clone(), n.terms.get(1)?.clone())))
        .collect()
}

/// Check a brat collection folder: both configuration files parse as brat parses
/// them, every type used in an `.ann` is an entity type, and every type labelled or
/// drawn is one.
pub fn check_collection(dir: &Path) {
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let annotation = read("annotation.conf");
    let visual = read("visual.conf");
    let conf = parse(
        &annotation,
        &["entities", "relations", "events", "attributes"],
        &[],
    )
    .unwrap_or_else(|e| panic!("annotation.conf: {e}\n{annotation}"));
    let entities: BTreeSet<String> = conf["entities"]
        .iter()
        .map(|n| n.terms[0].clone())
        .collect();
    let vis = parse(&visual, &["labels", "drawing", "options"], &["options"])
        .unwrap_or_else(|e| panic!("visual.conf: {e}\n{visual}"));
    for node in vis["labels"].iter().chain(&vis["drawing"]) {
        let ty = &node.terms[0];
        assert!(
            entities.contains(ty) || DRAWING_DEFAULTS.contains(&ty.as_str()),
            "visual.conf names {ty}, which annotation.conf does not define"
        );
    }
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.extension().is_none_or(|e| e != "ann") {
            continue;
        }
        let ann = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        for line in ann.lines().filter(|l| l.starts_with('T')) {
            let ty = line
                .split('\t')
                .nth(1)
                .and_then(|h| h.split(' ').next())
                .unwrap_or_default();
            assert!(
                entities.contains(ty),
                "{}: type {ty} is not in annotation.conf",
                path.display()
            );
        }
    }
}
