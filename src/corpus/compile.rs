//! Compiling a folded query: which source characters fold to what (computed once
//! over all of Unicode), the ways to read each stretch of the query in the source, and
//! the two candidate expressions made from them (see [`super::matcher`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

use super::matcher::{Kind, Literal, QueryError};
use crate::text::{Folding, KHANDA_TA_OLD, fold_char};

/// Which source characters fold to what, computed once over all of Unicode (without
/// the digit option, which is added where it applies).
struct FoldTables {
    /// Folded char → other chars that fold to exactly it (`k` ← `K`, `K`).
    single: HashMap<char, Vec<char>>,
    /// Chars that fold to two or more chars, with their folding (`ো` → `ে া`).
    expanding: Vec<(char, Vec<char>)>,
    /// Folded char → the expanding chars whose folding starts with it.
    by_first: HashMap<char, Vec<usize>>,
    /// Folded char → the expanding chars whose folding holds it after the first place.
    by_later: HashMap<char, Vec<usize>>,
}

fn tables() -> &'static FoldTables {
    static TABLES: OnceLock<FoldTables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut single: HashMap<char, Vec<char>> = HashMap::new();
        let mut expanding = Vec::new();
        let mut folded = Vec::with_capacity(8);
        for x in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if x.is_ascii() && !x.is_ascii_uppercase() {
                continue;
            }
            folded.clear();
            fold_char(x, Folding::default(), &mut |c| folded.push(c));
            match folded.as_slice() {
                [] => {}
                [c] if *c == x => {}
                [c] => single.entry(*c).or_default().push(x),
                _ => expanding.push((x, folded.clone())),
            }
        }
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::new();
        let mut by_later: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, (_, f)) in expanding.iter().enumerate() {
            by_first.entry(f[0]).or_default().push(i);
            let mut later: Vec<char> = f[1..].to_vec();
            later.sort_unstable();
            later.dedup();
            for c in later {
                by_later.entry(c).or_default().push(i);
            }
        }
        FoldTables {
            single,
            expanding,
            by_first,
            by_later,
        }
    })
}

/// The source strings that fold to exactly the one char `c`.
fn alternatives(c: char, folding: Folding) -> Vec<String> {
    let mut out = Vec::new();
    let mut itself = Vec::with_capacity(4);
    fold_char(c, folding, &mut |f| itself.push(f));
    if itself == [c] {
        out.push(c.to_string());
    }
    if let Some(xs) = tables().single.get(&c) {
        out.extend(xs.iter().map(char::to_string));
    }
    if folding.digits && c.is_ascii_digit() {
        let bengali = char::from_u32('০' as u32 + (c as u32 - '0' as u32));
        out.extend(bengali.map(|b| b.to_string()));
    }
    if c == 'ৎ' {
        out.push(KHANDA_TA_OLD.to_owned());
    }
    out
}

/// One way to read `query[from..to]` in the source: `label` (one char, or ত্‍).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Edge {
    from: usize,
    to: usize,
    label: String,
}

/// Every source token that can stand for a stretch of the folded query, including
/// characters whose folding sticks out before the query's start or after its end;
/// and whether any sticks out before the start (then a hit may start inside a
/// character, and every candidate is checked).
fn edges(query: &[char], folding: Folding) -> (Vec<Edge>, bool) {
    let t = tables();
    let m = query.len();
    let mut out = Vec::new();
    let mut push = |from: usize, to: usize, x: &dyn std::fmt::Display| {
        out.push(Edge {
            from,
            to,
            label: x.to_string(),
        });
    };
    for (i, &c) in query.iter().enumerate() {
        for label in alternatives(c, folding) {
            push(i, i + 1, &label);
        }
        for &e in t.by_first.get(&c).into_iter().flatten() {
            let (x, f) = &t.expanding[e];
            if i + f.len() <= m {
                if query[i..i + f.len()] == f[..] {
                    push(i, i + f.len(), x);
                }
            } else if query[i..] == f[..m - i] {
                // The folding of x goes on after the query's end.
                push(i, m, x);
            }
        }
    }
    // The folding of x starts before the query's start.
    let mut head_partial = false;
    for &e in t.by_later.get(&query[0]).into_iter().flatten() {
        let (x, f) = &t.expanding[e];
        for o in 1..f.len() {
            let rest = &f[o..];
            let fits = if rest.len() <= m {
                query[..rest.len()] == *rest
            } else {
                rest[..m] == *query
            };
            if fits {
                push(0, rest.len().min(m), x);
                head_partial = true;
            }
        }
    }
    out.sort();
    out.dedup();
    (out, head_partial)
}

/// More ways than this to read one stretch of the query give a looser (still correct,
/// since every candidate is checked) expression.
const MAX_PATHS: usize = 256;

/// The joiners, optional between any two characters of a hit.
const JOINERS: &str = "[\\x{200C}\\x{200D}]*";

/// Compile a folded query into its two candidate expressions.
pub(super) fn literal(query: Vec<char>, folding: Folding) -> Result<Kind, QueryError> {
    let (edges, head_partial) = edges(&query, folding);
    let m = query.len();
    // Cut the query where no token's folding straddles the cut.
    let mut crossed = vec![false; m + 1];
    for e in &edges {
        for c in &mut crossed[e.from + 1..e.to] {
            *c = true;
        }
    }
    let cuts: Vec<usize> = (0..=m).filter(|&p| !crossed[p]).collect();
    let mut fast = String::new();
    let mut slow = String::new();
    for (k, pair) in cuts.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        if k > 0 {
            slow.push_str(JOINERS);
        }
        let inside: Vec<&Edge> = edges.iter().filter(|e| e.from >= a && e.to <= b).collect();
        let Some(paths) = paths(&inside, a, b) else {
            // Too many readings: any sequence of the stretch's tokens, then checked.
            let any = alternation(inside.iter().map(|e| regex::escape(&e.label)));
            fast.push_str(&format!("(?:{any}){{1,{}}}", b - a));
            slow.push_str(&format!("(?:{any}{JOINERS}){{1,{}}}", b - a));
            continue;
        };
        if paths.is_empty() {
            return Ok(Kind::Never);
        }
        fast.push_str(&alternation(
            paths
                .iter()
                .map(|p| p.iter().map(|l| regex::escape(l)).collect::<String>()),
        ));
        slow.push_str(&alternation(paths.iter().map(|p| {
            p.iter()
                .map(|l| regex::escape(l))
                .collect::<Vec<_>>()
                .join(JOINERS)
        })));
    }
    let mut pairs: Vec<(char, char)> = query.windows(2).map(|p| (p[0], p[1])).collect();
    pairs.sort_unstable();
    pairs.dedup();
    Ok(Kind::Literal(Literal {
        fast: Regex::new(&fast)?,
        slow: Regex::new(&slow)?,
        radius: 9 * m + 4,
        head_partial,
        pairs,
        query,
    }))
}

fn alternation(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    format!("(?:{})", items.join("|"))
}

/// Every sequence of labels that reads the stretch `a..b`; `None` when there are more
/// than [`MAX_PATHS`].
fn paths(edges: &[&Edge], a: usize, b: usize) -> Option<Vec<Vec<String>>> {
    fn walk(
        edges: &[&Edge],
        at: usize,
        b: usize,
        path: &mut Vec<String>,
        out: &mut Vec<Vec<String>>,
    ) -> bool {
        if at == b {
            out.push(path.clone());
            return out.len() <= MAX_PATHS;
        }
        for e in edges.iter().filter(|e| e.from == at) {
            path.push(e.label.clone());
            let ok = walk(edges, e.to, b, path, out);
            path.pop();
            if !ok {
                return false;
            }
        }
        true
    }
    let mut out = Vec::new();
    walk(edges, a, b, &mut Vec::new(), &mut out).then_some(out)
}
