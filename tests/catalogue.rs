//! The interface catalogues (`i18n/{en,bn}/pathok.ftl`) against the code: every
//! message the code asks for with `tr!` is in both languages, with the variables the
//! code gives it; both catalogues have the same messages and the same variables; they
//! parse without errors.

// A test fails on the first broken expectation, with its message: unwrap/expect are
// how these tests say what they expect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;
use pathok::i18n::Language;
use strum::IntoEnumIterator as _;

/// Message id → the variables its text uses.
type Catalogue = BTreeMap<String, BTreeSet<String>>;

fn read_catalogue(language: Language) -> Catalogue {
    let source = language.catalogue();
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{} catalogue does not parse: {errors:#?}", language.code()),
    };
    let mut out = Catalogue::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                let value = m
                    .value
                    .unwrap_or_else(|| panic!("{}: {} has no text", language.code(), m.id.name));
                pattern_variables(&value, &mut vars);
                let fresh = out.insert(m.id.name.to_owned(), vars).is_none();
                assert!(fresh, "{}: {} is defined twice", language.code(), m.id.name);
            }
            ast::Entry::Junk { content } => {
                panic!("{} catalogue has junk: {content}", language.code())
            }
            _ => {}
        }
    }
    out
}

fn pattern_variables(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, vars);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, vars);
            for v in variants {
                pattern_variables(&v.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, vars),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, vars);
            }
        }
        _ => {}
    }
}

/// Every `tr!("id", name = …)` in `src/`: id → (where, the names given).
fn used_messages() -> BTreeMap<String, Vec<(String, BTreeSet<String>)>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out: BTreeMap<String, Vec<(String, BTreeSet<String>)>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root.join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let file = entry
            .path()
            .strip_prefix(root)
            .unwrap()
            .display()
            .to_string();
        for (id, names, line) in tr_calls(&text) {
            out.entry(id)
                .or_default()
                .push((format!("{file}:{line}"), names));
        }
    }
    out
}

/// The `tr!` calls of a source file: (id, argument names, line).
fn tr_calls(text: &str) -> Vec<(String, BTreeSet<String>, usize)> {
    let mut calls = Vec::new();
    let mut rest = text;
    let mut consumed = 0;
    while let Some(at) = rest.find("tr!(") {
        // `tr!(` inside a longer macro name (`attr!(`) is not ours.
        let before = text[..consumed + at].chars().next_back();
        let start = at + "tr!(".len();
        rest = &rest[start..];
        consumed += start;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let body = call_body(rest);
        let Some(id) = body
            .trim_start()
            .strip_prefix('"')
            .and_then(|s| s.split('"').next())
        else {
            continue; // the macro's own definition: `tr!($id …`
        };
        let line = text[..consumed].lines().count();
        calls.push((id.to_owned(), argument_names(body), line));
    }
    calls
}

/// The text between a call's opening parenthesis (already passed) and its matching
/// closing one, string literals skipped.
fn call_body(s: &str) -> &str {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if in_string {
            match (escaped, c) {
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return &s[..i],
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    s
}

/// The `name = value` names of a call body, at its top level.
fn argument_names(body: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut parts = vec![String::new()];
    for c in body.chars() {
        if in_string {
            match (escaped, c) {
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => escaped = false,
            }
        } else {
            match c {
                '"' => in_string = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    parts.push(String::new());
                    continue;
                }
                _ => {}
            }
        }
        if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    for part in parts.iter().skip(1) {
        if let Some((name, _)) = part.split_once('=') {
            let name = name.trim();
            if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                names.insert(name.to_owned());
            }
        }
    }
    names
}

#[test]
fn both_catalogues_parse_and_have_the_same_messages_with_the_same_variables() {
    let en = read_catalogue(Language::English);
    let bn = read_catalogue(Language::Bengali);
    let only_en: Vec<_> = en.keys().filter(|k| !bn.contains_key(*k)).collect();
    let only_bn: Vec<_> = bn.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "only in English: {only_en:?}");
    assert!(only_bn.is_empty(), "only in Bengali: {only_bn:?}");
    for (id, vars) in &en {
        assert_eq!(Some(vars), bn.get(id), "{id}: variables differ (en, bn)");
    }
}

#[test]
fn every_message_the_code_uses_is_in_every_catalogue_with_the_variables_it_is_given() {
    let used = used_messages();
    assert!(used.len() > 100, "tr! calls not found: {}", used.len());
    for language in Language::iter() {
        let catalogue = read_catalogue(language);
        for (id, calls) in &used {
            let (place, _) = &calls[0];
            let Some(vars) = catalogue.get(id) else {
                panic!("{place}: {id} is not in the {} catalogue", language.code());
            };
            for (place, names) in calls {
                assert_eq!(
                    names,
                    vars,
                    "{place}: {id} is given other variables than the {} catalogue uses",
                    language.code()
                );
            }
        }
    }
}

#[test]
fn no_catalogue_message_is_left_unused() {
    let used = used_messages();
    let unused: Vec<_> = read_catalogue(Language::English)
        .into_keys()
        .filter(|k| !used.contains_key(k))
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogues, not in the code: {unused:?}"
    );
}

#[test]
fn the_palette_tells_every_command_apart_in_every_language() {
    for language in Language::iter() {
        let catalogue = read_catalogue(language);
        let labels: Vec<String> = catalogue
            .keys()
            .filter(|k| k.starts_with("cmd-"))
            .map(|k| pathok::i18n::message_in(language, k, None))
            .collect();
        let distinct: BTreeSet<&String> = labels.iter().collect();
        assert_eq!(
            distinct.len(),
            labels.len(),
            "{}: {labels:?}",
            language.code()
        );
    }
}

#[test]
fn the_scanner_finds_ids_and_argument_names() {
    let calls = tr_calls(
        "let a = tr!(\"x-one\");\nlet b = tr!(\n  \"x-two\",\n  n = f(1, 2),\n  path = p.display().to_string(),\n);\nattr!(\"no\")",
    );
    let got: Vec<_> = calls
        .iter()
        .map(|(id, names, line)| {
            (
                id.as_str(),
                names.iter().map(String::as_str).collect::<Vec<_>>(),
                *line,
            )
        })
        .collect();
    assert_eq!(got, [("x-one", vec![], 1), ("x-two", vec!["n", "path"], 2)]);
}
