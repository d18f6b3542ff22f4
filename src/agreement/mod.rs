//! Agreement between coders who annotated the same articles: Krippendorff's unitizing
//! alpha (α_u), Cohen's kappa and percentage agreement per tag over characters
//! ([`agreement`]), and the differences between two coders in one article
//! ([`compare`]).
//!
//! Pure: no egui.
//!
//! # What is measured
//!
//! The articles every chosen coder annotated are joined, in a stable order, into one
//! *continuum* of code points of their canonical texts, of length `L`. Each tag is a
//! category; an annotation with several tags is a unit in each of them.
//!
//! **α_u** (Krippendorff 1995, 2004), as implemented in DKPro Statistics'
//! `KrippendorffAlphaUnitizingAgreement` (figures match it to 1e-15 on random
//! studies). For `m` coders and category `c`, each coder's units of `c` and the gaps
//! between them cut the continuum into segments. Two overlapping segments `g`, `h` of
//! two coders differ by
//!
//! ```text
//! δ²(g, h) = (start_g − start_h)² + (end_g − end_h)²   both units
//!          = length²                                    a unit wholly inside a gap
//!          = 0                                          otherwise
//! ```
//!
//! and `D_o(c) = Σ_{i≠j} Σ_{g,h} δ²(g, h) / (m (m−1) L²)`. The expected disagreement
//! sets every unit of `c` (of any coder, `N_c` of them, lengths `l`) against every
//! other unit and every gap `G` (of any coder) it could be placed in:
//!
//! ```text
//! D_e(c) = 2/L · Σ_units [ (N_c − 1)(2l³ − 3l² + l)/3 + l² Σ_{G ≥ l} (G − l + 1) ]
//!          / (m L (m L − 1) − Σ_units l (l − 1))
//! ```
//!
//! `α_u(c) = 1 − D_o(c) / D_e(c)`; over all tags `α_u = 1 − mean D_o / mean D_e`, the
//! means taken over the tags that were used (DKPro's `calculateAgreement`).
//! Krippendorff's book prints 0.8591 for its example (p. 254) because it divides its
//! rounded per-category figures; unrounded, the same formula gives 0.8587, as DKPro.
//!
//! α_u assumes that one coder's units of one category do not overlap. Pathok merges a
//! coder's overlapping annotations of one tag (sharing at least one code point) into
//! their union and counts how many were merged, so the user is told; annotations that
//! only touch stay two units, as in Krippendorff's examples.
//!
//! **Cohen's kappa** (Cohen 1960) per tag over characters: each code point is coded
//! or not coded with the tag by each coder, giving a 2×2 table; `κ = (p_o − p_e) /
//! (1 − p_e)`. **Percentage agreement** is `100 · p_o`. With more than two coders
//! both are the mean over all pairs of coders (for kappa this is Light's kappa,
//! Light 1971), and each pair's figures are listed too.
//!
//! **Nothing to compare is never 1.0**: fewer than two coders, a coder without
//! annotations, no article annotated by every coder, a tag nobody used, zero expected
//! disagreement or chance agreement of 1 give no figure ([`Measure::Undefined`]) with
//! the reason ([`Undefined`]).
//!
//! # Sources
//!
//! - Krippendorff, K. (1995). On the reliability of unitizing contiguous data.
//!   *Sociological Methodology* 25, 47–76.
//! - Krippendorff, K. (2004). *Content Analysis: An Introduction to Its Methodology*,
//!   2nd ed., Sage, pp. 251–256.
//! - DKPro Statistics (Meyer, Mieskes, Stab, Gurevych 2014), `dkpro-statistics-
//!   agreement`: `KrippendorffAlphaUnitizingAgreement`, `UnitizingAnnotationStudy`, and
//!   the tests `Krippendorff1995Test` and `Krippendorff2004Test`, whose data the tests
//!   here reproduce.
//! - Cohen, J. (1960). A coefficient of agreement for nominal scales. *Educational and
//!   Psychological Measurement* 20(1), 37–46; worked 2×2 examples from Wikipedia,
//!   "Cohen's kappa".
//! - Light, R. J. (1971). Measures of response agreement for qualitative data.
//!   *Psychological Bulletin* 76(5), 365–377.

mod coding;
mod compare;
mod kappa;
mod load;
mod measure;
mod render;
mod report;
mod team;
#[cfg(test)]
mod testing;
mod unitizing;

pub use coding::{AgreementOptions, CodedArticle, CorpusCoding, Excluded, NotCompared};
pub use compare::{Difference, DifferenceKind, compare, compare_coders};
pub use kappa::{Table2x2, same_codes_percent};
pub use load::{CorpusCopy, LoadError, Loaded, load_against, load_corpus};
pub use measure::{Measure, Undefined};
pub use render::{CSV_COLUMNS, to_csv, to_text};
pub use report::{
    AgreementReport, ArticleAgreement, KappaKind, PairAgreement, TagAgreement, agreement,
};
pub use team::{Disagreement, Disagreements, disagreements, to_team_html, to_team_markdown};
pub use unitizing::{AlphaU, Span, StudyError, Unit, UnitizingStudy};
