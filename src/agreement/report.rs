//! [`agreement`]: every figure for a corpus, per tag and per article, as one
//! [`AgreementReport`] (serialised as the JSON of `pathok agreement --format json`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::coding::{
    AgreementOptions, ArticleUnits, CodedArticle, CorpusCoding, Excluded, NotCompared, Selection,
    select, units_of,
};
use super::kappa::{Table2x2, same_codes_percent};
use super::measure::{Measure, Undefined, reasons_of};
use super::unitizing::{Span, StudyError, Unit, UnitizingStudy};

/// What "kappa" means in a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum KappaKind {
    /// Cohen's kappa of the two coders.
    #[serde(rename = "cohen")]
    Cohen,
    /// The mean of Cohen's kappa over all pairs of coders (Light's kappa); each pair
    /// is listed under `pairs`.
    #[serde(rename = "mean_pairwise_cohen")]
    MeanPairwiseCohen,
}

/// Kappa and percentage agreement of one pair of coders.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairAgreement {
    /// The two coders.
    pub coders: [String; 2],
    /// Cohen's kappa over characters.
    pub kappa: Measure,
    /// Percentage of characters both coded alike (0–100).
    pub percent: Measure,
    /// Why a figure is `null`, by field name.
    pub reasons: BTreeMap<&'static str, String>,
}

/// The figures of one tag (over the whole continuum, or one article).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TagAgreement {
    /// Krippendorff's α_u of the tag.
    pub alpha_u: Measure,
    /// Observed disagreement D_o.
    pub observed: Option<f64>,
    /// Expected disagreement D_e.
    pub expected: Option<f64>,
    /// Cohen's kappa over characters (mean over pairs with more than two coders).
    pub kappa: Measure,
    /// Percentage agreement over characters (mean over pairs with more than two).
    pub percent: Measure,
    /// Units per coder, after merging a coder's overlapping annotations of the tag.
    pub units: BTreeMap<String, usize>,
    /// Every pair of coders.
    pub pairs: Vec<PairAgreement>,
    /// Why a figure is `null`, by field name.
    pub reasons: BTreeMap<&'static str, String>,
}

/// The figures of one compared article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleAgreement {
    /// The article's path as given.
    pub article: String,
    /// SHA-256 of its canonical text.
    pub sha256: String,
    /// Where its text starts in the continuum (code points).
    pub start: u64,
    /// Its length in code points.
    pub chars: u64,
    /// Annotations per coder (placed ones, tagged or not).
    pub annotations: BTreeMap<String, usize>,
    /// α_u over all tags in this article alone.
    pub alpha_u: Measure,
    /// Percentage of characters at which the coders applied exactly the same tags
    /// (mean over pairs with more than two coders).
    pub percent: Measure,
    /// The figures of each tag in this article.
    pub tags: BTreeMap<String, TagAgreement>,
    /// Why a figure is `null`, by field name.
    pub reasons: BTreeMap<&'static str, String>,
}

/// Agreement of coders over a corpus: the JSON of `pathok agreement`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgreementReport {
    /// The coders compared, in order.
    pub coders: Vec<String>,
    /// What `kappa` means (two coders: Cohen's; more: the mean over pairs).
    pub kappa_measure: KappaKind,
    /// Number of articles compared (annotated by every coder).
    pub articles: usize,
    /// Length of the continuum: the compared articles' texts, in code points.
    pub continuum: u64,
    /// α_u over all tags.
    pub alpha_u: Measure,
    /// Mean observed disagreement over the tags.
    pub observed: Option<f64>,
    /// Mean expected disagreement over the tags.
    pub expected: Option<f64>,
    /// Percentage of characters at which the coders applied exactly the same tags.
    pub percent: Measure,
    /// The figures of each tag, by name.
    pub tags: BTreeMap<String, TagAgreement>,
    /// The figures of each compared article, by path.
    pub per_article: Vec<ArticleAgreement>,
    /// Articles not compared, with the reason.
    pub not_compared: Vec<NotCompared>,
    /// What was left out, counted.
    pub excluded: Excluded,
    /// Why a figure is `null`, by field name.
    pub reasons: BTreeMap<&'static str, String>,
}

/// Measure the agreement of the coders in `coding` (see the module documentation of
/// [`super`] for the definitions). Nothing to compare gives `null` figures with
/// reasons, never 1.0.
///
/// Annotations outside their article's text are treated as orphaned, so the error
/// ([`StudyError`]) cannot come from articles read by [`super::load_corpus`]; it
/// guards hand-made [`CodedArticle`]s.
pub fn agreement(
    coding: &CorpusCoding,
    options: &AgreementOptions,
) -> Result<AgreementReport, StudyError> {
    let selection = select(coding, options);
    let mut excluded = Excluded {
        no_author: selection.no_author,
        unmatched: coding.unmatched,
        ambiguous: coding.ambiguous,
        shared_ids: coding.shared_ids,
        ..Excluded::default()
    };
    let kappa_measure = if selection.coders.len() > 2 {
        KappaKind::MeanPairwiseCohen
    } else {
        KappaKind::Cohen
    };
    if let Some(problem) = &selection.problem {
        return Ok(nothing_to_compare(
            &selection,
            problem,
            options,
            kappa_measure,
            excluded,
        ));
    }
    let coders = &selection.coders;
    let mut units = Vec::new();
    let mut per_article = Vec::with_capacity(selection.compared.len());
    let mut offset = 0u64;
    for article in &selection.compared {
        let found = units_of(article, coders, &options.tags);
        excluded.orphaned += found.orphaned;
        excluded.regions += found.regions;
        excluded.untagged += found.untagged;
        units.extend(found.units.iter().map(|u| Unit {
            span: Span::new(u.span.start + offset, u.span.end + offset),
            ..u.clone()
        }));
        per_article.push(article_agreement(article, coders, options, offset, found)?);
        offset += article.char_len as u64;
    }
    per_article.sort_by(|a, b| a.article.cmp(&b.article));
    let study = UnitizingStudy::new(coders.len(), Span::new(0, offset), units)?;
    excluded.merged_overlaps = study.merged_units();
    let tags = chosen_tags(&study, options);
    let measures = StudyMeasures::of(&study, coders, &tags);
    let reasons = reasons_of(&[
        ("alpha_u", &measures.alpha.alpha_u),
        ("percent", &measures.percent),
    ]);
    Ok(AgreementReport {
        coders: coders.clone(),
        kappa_measure,
        articles: selection.compared.len(),
        continuum: offset,
        alpha_u: measures.alpha.alpha_u,
        observed: measures.alpha.observed,
        expected: measures.alpha.expected,
        percent: measures.percent,
        tags: measures.tags,
        per_article,
        not_compared: selection.not_compared,
        excluded,
        reasons,
    })
}

/// The report when nothing can be compared: every figure undefined with `problem`.
fn nothing_to_compare(
    selection: &Selection<'_>,
    problem: &Undefined,
    options: &AgreementOptions,
    kappa_measure: KappaKind,
    excluded: Excluded,
) -> AgreementReport {
    let none = || Measure::Undefined(problem.clone());
    let reasons = reasons_of(&[("alpha_u", &none()), ("percent", &none())]);
    let tags = options
        .tags
        .iter()
        .map(|t| {
            let tag = TagAgreement {
                alpha_u: none(),
                observed: None,
                expected: None,
                kappa: none(),
                percent: none(),
                units: BTreeMap::new(),
                pairs: Vec::new(),
                reasons: reasons_of(&[
                    ("alpha_u", &none()),
                    ("kappa", &none()),
                    ("percent", &none()),
                ]),
            };
            (t.clone(), tag)
        })
        .collect();
    AgreementReport {
        coders: selection.coders.clone(),
        kappa_measure,
        articles: 0,
        continuum: 0,
        alpha_u: none(),
        observed: None,
        expected: None,
        percent: none(),
        tags,
        per_article: Vec::new(),
        not_compared: selection.not_compared.clone(),
        excluded,
        reasons,
    }
}

/// The tags asked for (each once), or every tag used.
fn chosen_tags(study: &UnitizingStudy, options: &AgreementOptions) -> Vec<String> {
    if options.tags.is_empty() {
        return study.categories().map(str::to_owned).collect();
    }
    let mut tags: Vec<String> = Vec::new();
    for t in &options.tags {
        if !tags.contains(t) {
            tags.push(t.clone());
        }
    }
    tags
}

/// The figures of one article alone (its text as the continuum).
fn article_agreement(
    article: &CodedArticle,
    coders: &[String],
    options: &AgreementOptions,
    start: u64,
    found: ArticleUnits,
) -> Result<ArticleAgreement, StudyError> {
    let len = article.char_len as u64;
    let study = UnitizingStudy::new(coders.len(), Span::new(0, len), found.units)?;
    let measures = StudyMeasures::of(&study, coders, &chosen_tags(&study, options));
    Ok(ArticleAgreement {
        article: article.path.display().to_string(),
        sha256: article.sha256.clone(),
        start,
        chars: len,
        annotations: found.annotations,
        reasons: reasons_of(&[
            ("alpha_u", &measures.alpha.alpha_u),
            ("percent", &measures.percent),
        ]),
        alpha_u: measures.alpha.alpha_u,
        percent: measures.percent,
        tags: measures.tags,
    })
}

/// The figures of one study: α_u overall, same-codes percentage, and per tag.
struct StudyMeasures {
    alpha: super::AlphaU,
    percent: Measure,
    tags: BTreeMap<String, TagAgreement>,
}

impl StudyMeasures {
    fn of(study: &UnitizingStudy, coders: &[String], tags: &[String]) -> StudyMeasures {
        let len = study.continuum().len();
        let pairs = pairs_of(coders.len());
        let tag_measures = tags
            .iter()
            .map(|t| (t.clone(), tag_agreement(study, coders, t)))
            .collect();
        let percents: Vec<Measure> = pairs
            .iter()
            .map(|&(i, j)| {
                let per_tag: Vec<(&[Span], &[Span])> = tags
                    .iter()
                    .map(|t| (study.units(t, i), study.units(t, j)))
                    .collect();
                same_codes_percent(&per_tag, len)
            })
            .collect();
        StudyMeasures {
            alpha: study.alpha(),
            percent: mean(coders, &pairs, &percents),
            tags: tag_measures,
        }
    }
}

/// Every pair of coder indices `(i, j)`, `i < j`.
fn pairs_of(coders: usize) -> Vec<(usize, usize)> {
    (0..coders)
        .flat_map(|i| (i + 1..coders).map(move |j| (i, j)))
        .collect()
}

/// The mean of one figure per pair.
fn mean(coders: &[String], pairs: &[(usize, usize)], values: &[Measure]) -> Measure {
    let named: Vec<(&str, &str, &Measure)> = pairs
        .iter()
        .zip(values)
        .map(|(&(i, j), m)| (coders[i].as_str(), coders[j].as_str(), m))
        .collect();
    Measure::mean_of_pairs(&named)
}

fn tag_agreement(study: &UnitizingStudy, coders: &[String], tag: &str) -> TagAgreement {
    let len = study.continuum().len();
    let alpha = study.category_alpha(tag);
    let pairs = pairs_of(coders.len());
    let tables: Vec<Table2x2> = pairs
        .iter()
        .map(|&(i, j)| Table2x2::of_spans(study.units(tag, i), study.units(tag, j), len))
        .collect();
    let used = study.categories().any(|c| c == tag);
    let (kappa, percent) = if used {
        let kappas: Vec<Measure> = tables.iter().map(Table2x2::kappa).collect();
        let percents: Vec<Measure> = tables.iter().map(Table2x2::percent).collect();
        (
            mean(coders, &pairs, &kappas),
            mean(coders, &pairs, &percents),
        )
    } else {
        let none = Measure::Undefined(Undefined::TagNotUsed);
        (none.clone(), none)
    };
    let pair_figures = pairs
        .iter()
        .zip(&tables)
        .map(|(&(i, j), table)| {
            let (kappa, percent) = (table.kappa(), table.percent());
            PairAgreement {
                coders: [coders[i].clone(), coders[j].clone()],
                reasons: reasons_of(&[("kappa", &kappa), ("percent", &percent)]),
                kappa,
                percent,
            }
        })
        .collect();
    let units = coders
        .iter()
        .enumerate()
        .map(|(i, c)| (c.clone(), study.units(tag, i).len()))
        .collect();
    TagAgreement {
        reasons: reasons_of(&[
            ("alpha_u", &alpha.alpha_u),
            ("kappa", &kappa),
            ("percent", &percent),
        ]),
        alpha_u: alpha.alpha_u,
        observed: alpha.observed,
        expected: alpha.expected,
        kappa,
        percent,
        units,
        pairs: pair_figures,
    }
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
