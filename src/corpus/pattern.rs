//! Regular-expression queries: the expression's literal characters are folded the way
//! the text is (so `কো` finds কো written either way), and it is matched,
//! case-insensitively, against the folded text of each article; hits are mapped back
//! to the source characters they come from.
//!
//! Inside a bracketed class (`[…]`) a character whose folding has several characters
//! (ো, য়) cannot be folded and is kept as written; write such classes as alternatives
//! (`(?:ো|া)`) instead.

use std::ops::{ControlFlow, Range};

use regex::Regex;
use regex_syntax::ast::{self, Ast};

use super::matcher::{MatchOptions, QueryError, is_whole_word};
use crate::text::{Folding, fold_char, fold_token};

/// Compile `pattern` with its literals folded, matching case-insensitively.
pub(crate) fn folded_regex(pattern: &str, folding: Folding) -> Result<Regex, QueryError> {
    let mut ast = ast::parse::Parser::new()
        .parse(pattern)
        .map_err(|e| QueryError::Syntax {
            message: e.kind().to_string(),
            column: e.span().start.column,
        })?;
    fold_ast(&mut ast, folding);
    let mut folded = String::new();
    // Printing into a String cannot fail.
    let _ = ast::print::Printer::new().print(&ast, &mut folded);
    Ok(regex::RegexBuilder::new(&folded)
        .case_insensitive(true)
        .build()?)
}

fn folded_chars(c: char, folding: Folding) -> Vec<char> {
    let mut out = Vec::with_capacity(2);
    fold_char(c, folding, &mut |f| out.push(f));
    out
}

fn literal_ast(span: ast::Span, c: char) -> Ast {
    Ast::literal(ast::Literal {
        span,
        kind: ast::LiteralKind::HexBrace(ast::HexLiteralKind::X),
        c,
    })
}

fn fold_ast(node: &mut Ast, folding: Folding) {
    match node {
        Ast::Literal(lit) => {
            let folded = folded_chars(lit.c, folding);
            let span = lit.span;
            match folded.as_slice() {
                [c] if *c == lit.c => {}
                [c] => *node = literal_ast(span, *c),
                [] => *node = Ast::empty(span),
                many => {
                    let asts = many.iter().map(|&c| literal_ast(span, c)).collect();
                    *node = Ast::group(ast::Group {
                        span,
                        kind: ast::GroupKind::NonCapturing(ast::Flags {
                            span,
                            items: Vec::new(),
                        }),
                        ast: Box::new(Ast::concat(ast::Concat { span, asts })),
                    });
                }
            }
        }
        Ast::ClassBracketed(class) => fold_class(&mut class.kind, folding),
        Ast::Repetition(rep) => fold_ast(&mut rep.ast, folding),
        Ast::Group(group) => fold_ast(&mut group.ast, folding),
        Ast::Alternation(alt) => alt.asts.iter_mut().for_each(|a| fold_ast(a, folding)),
        Ast::Concat(cat) => cat.asts.iter_mut().for_each(|a| fold_ast(a, folding)),
        Ast::Empty(_)
        | Ast::Flags(_)
        | Ast::Dot(_)
        | Ast::Assertion(_)
        | Ast::ClassUnicode(_)
        | Ast::ClassPerl(_) => {}
    }
}

fn fold_class(set: &mut ast::ClassSet, folding: Folding) {
    match set {
        ast::ClassSet::Item(item) => fold_class_item(item, folding),
        ast::ClassSet::BinaryOp(op) => {
            fold_class(&mut op.lhs, folding);
            fold_class(&mut op.rhs, folding);
        }
    }
}

fn fold_class_item(item: &mut ast::ClassSetItem, folding: Folding) {
    match item {
        ast::ClassSetItem::Literal(lit) => {
            if let [c] = folded_chars(lit.c, folding).as_slice() {
                lit.c = *c;
                lit.kind = ast::LiteralKind::HexBrace(ast::HexLiteralKind::X);
            }
        }
        ast::ClassSetItem::Bracketed(class) => fold_class(&mut class.kind, folding),
        ast::ClassSetItem::Union(union) => union
            .items
            .iter_mut()
            .for_each(|i| fold_class_item(i, folding)),
        ast::ClassSetItem::Empty(_)
        | ast::ClassSetItem::Range(_)
        | ast::ClassSetItem::Ascii(_)
        | ast::ClassSetItem::Unicode(_)
        | ast::ClassSetItem::Perl(_) => {}
    }
}

/// The folded text of `text` with, for each folded char, its byte in the folded text
/// and the source token it comes from.
struct Folded {
    text: String,
    /// (byte in `text`, source token start, source token end), in order.
    spans: Vec<(usize, usize, usize)>,
}

impl Folded {
    fn new(source: &str, folding: Folding) -> Folded {
        let mut text = String::with_capacity(source.len() + source.len() / 8);
        let mut spans = Vec::with_capacity(source.len() / 2);
        let mut at = 0;
        while at < source.len() {
            let before = spans.len();
            let next = fold_token(source, at, folding, &mut |c| {
                spans.push((text.len(), at, 0));
                text.push(c);
            });
            for span in &mut spans[before..] {
                span.2 = next;
            }
            at = next;
        }
        Folded { text, spans }
    }

    /// The source range of the folded byte range `range` (non-empty, on char
    /// boundaries).
    fn source_of(&self, range: &Range<usize>) -> Range<usize> {
        let first = self.spans.partition_point(|s| s.0 < range.start);
        let last = self.spans.partition_point(|s| s.0 < range.end) - 1;
        self.spans[first].1..self.spans[last].2
    }
}

/// Hits of `regex` in the folded `text`, mapped back: left to right, empty matches
/// skipped, a hit that would share a source character with the previous one dropped.
pub(crate) fn for_each_hit(
    regex: &Regex,
    text: &str,
    options: MatchOptions,
    on_hit: &mut dyn FnMut(Range<usize>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let folded = Folded::new(text, options.folding);
    let mut from = 0;
    let mut last_end = 0;
    while from <= folded.text.len() {
        let Some(m) = regex.find_at(&folded.text, from) else {
            break;
        };
        let next_char = folded.text[m.start()..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        if m.is_empty() {
            from = m.start() + next_char;
            continue;
        }
        let source = folded.source_of(&m.range());
        let word_ok = !options.whole_word || is_whole_word(text, &source);
        if source.start < last_end || !word_ok {
            from = m.start() + next_char;
            continue;
        }
        last_end = source.end;
        on_hit(source)?;
        from = m.end();
    }
    ControlFlow::Continue(())
}
