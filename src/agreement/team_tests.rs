use super::*;
use crate::agreement::testing::{ann, article, corpus};
use crate::agreement::{AgreementOptions, agreement};

/// rina and karim on one article: one passage with different tags (rina's has a note
/// with markup), one only rina's.
fn example() -> (AgreementReport, Vec<Disagreements>) {
    let mut with_note = ann("rina", 0, 4, &["x"]);
    with_note.quote = "<b>ঢাকা</b>".into();
    with_note.note = "| not *bold* <script>".into();
    let coding = corpus(vec![article(
        "a.txt",
        20,
        vec![
            with_note,
            ann("karim", 0, 4, &["y"]),
            ann("rina", 10, 12, &["x"]),
            ann("karim", 15, 18, &["y"]),
        ],
    )]);
    let report = agreement(&coding, &AgreementOptions::default()).unwrap();
    let d = disagreements(&coding, &report);
    (report, d)
}

#[test]
fn disagreements_hold_both_coders_versions() {
    let (_, d) = example();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].coders, ["karim".to_owned(), "rina".to_owned()]);
    let kinds: Vec<_> = d[0].differences.iter().map(|x| x.kind).collect();
    assert_eq!(
        kinds,
        [
            DifferenceKind::DifferentTags,
            DifferenceKind::OnlyB,
            DifferenceKind::OnlyA
        ]
    );
    let first = &d[0].differences[0];
    assert_eq!(first.a[0].tags, ["y"]);
    assert_eq!(first.b[0].note, "| not *bold* <script>");
}

#[test]
fn html_is_escaped_offline_and_has_figures_and_versions() {
    let (report, d) = example();
    let html = to_team_html(&report, &d);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<b>"));
    assert!(html.contains("&lt;b&gt;ঢাকা&lt;/b&gt;"));
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert!(html.contains("<h2>Agreement per tag</h2>"));
    assert!(html.contains("same passage, different tags"));
    assert!(html.contains("only rina") && html.contains("only karim"));
    let alpha = match &report.alpha_u {
        Measure::Value(v) => format!("{v:.4}"),
        Measure::Undefined(_) => panic!("defined here"),
    };
    assert!(html.contains(&alpha));
}

#[test]
fn markdown_escapes_cells_and_shows_undefined_with_the_reason() {
    let (_, d) = example();
    // One coder only: nothing to compare, said in words, never 1.
    let coding = corpus(vec![article("b.txt", 10, vec![ann("rina", 0, 4, &["x"])])]);
    let lone = agreement(&coding, &AgreementOptions::default()).unwrap();
    let md = to_team_markdown(&lone, &[]);
    assert!(md.contains("— (agreement needs two or more coders"), "{md}");
    let (report, _) = example();
    let md = to_team_markdown(&report, &d);
    assert!(md.contains(r"\| not \*bold\* \<script\>"), "{md}");
    assert!(md.contains("| tag | α_u | observed | expected | kappa | % agree |"));
    let rows = md.lines().filter(|l| l.starts_with("| 0–4 |")).count();
    assert_eq!(rows, 1);
}
