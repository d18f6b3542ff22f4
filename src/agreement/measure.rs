//! [`Measure`]: an agreement figure, or the reason there is none. "Nothing to compare"
//! is never reported as full agreement.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::i18n::{self, Language};
use crate::tr;

/// Why an agreement figure has no value. The text (its `Display`) is what the user
/// reads next to the missing figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undefined {
    /// Fewer than two coders were chosen or found.
    TooFewCoders {
        /// The coders there are (zero or one).
        coders: Vec<String>,
    },
    /// A chosen coder has no annotation in the articles.
    CoderWithoutAnnotations {
        /// The coder.
        coder: String,
        /// The coders that do have annotations, to spot a misspelt name.
        found: Vec<String>,
    },
    /// No article has annotations by every chosen coder.
    NoCommonArticle,
    /// No chosen coder used this tag in the compared text.
    TagNotUsed,
    /// No chosen coder used any of the chosen tags in the compared text.
    NoTagUsed,
    /// Expected disagreement is zero: every coder coded the tag the same way over
    /// all of the text (e.g. everywhere), so agreement cannot be told from chance.
    NoExpectedDisagreement,
    /// Agreement by chance is 1 (both coders coded every character alike, all or
    /// nothing), so kappa divides by zero.
    NoChanceDisagreement,
    /// A pair's figure is undefined, so their mean is too.
    PairUndefined {
        /// The first coder of the pair.
        a: String,
        /// The second coder of the pair.
        b: String,
        /// Why the pair's figure is undefined.
        reason: Box<Undefined>,
    },
}

impl fmt::Display for Undefined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Undefined::TooFewCoders { coders } if coders.is_empty() => {
                tr!("undefined-no-coders")
            }
            Undefined::TooFewCoders { coders } => {
                tr!("undefined-one-coder", coders = quoted(coders))
            }
            Undefined::CoderWithoutAnnotations { coder, found } if found.is_empty() => {
                tr!("undefined-coder-none-found", coder = format!("{coder:?}"))
            }
            Undefined::CoderWithoutAnnotations { coder, found } => tr!(
                "undefined-coder-without-annotations",
                coder = format!("{coder:?}"),
                found = quoted(found)
            ),
            Undefined::NoCommonArticle => tr!("undefined-no-common-article"),
            Undefined::TagNotUsed => tr!("undefined-tag-not-used"),
            Undefined::NoTagUsed => tr!("undefined-no-tag-used"),
            Undefined::NoExpectedDisagreement => tr!("undefined-no-expected-disagreement"),
            Undefined::NoChanceDisagreement => tr!("undefined-no-chance-disagreement"),
            Undefined::PairUndefined { a, b, reason } => tr!(
                "undefined-pair",
                a = format!("{a:?}"),
                b = format!("{b:?}"),
                reason = reason.to_string()
            ),
        };
        f.write_str(&text)
    }
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An agreement figure, or why there is none.
#[derive(Clone, Debug, PartialEq)]
pub enum Measure {
    /// The figure (never NaN or infinite).
    Value(f64),
    /// There is nothing to compare, and why.
    Undefined(Undefined),
}

impl Measure {
    /// The figure, if there is one.
    pub fn value(&self) -> Option<f64> {
        match self {
            Measure::Value(v) => Some(*v),
            Measure::Undefined(_) => None,
        }
    }

    /// Why there is no figure, if there is none.
    pub fn reason(&self) -> Option<&Undefined> {
        match self {
            Measure::Value(_) => None,
            Measure::Undefined(why) => Some(why),
        }
    }

    /// `numerator / denominator`, or `why` when the denominator is zero.
    pub(crate) fn ratio(numerator: f64, denominator: f64, why: Undefined) -> Measure {
        if denominator == 0.0 {
            Measure::Undefined(why)
        } else {
            Measure::Value(numerator / denominator)
        }
    }

    /// The mean of the pairs' figures; undefined when any pair's is (naming the pair
    /// when there are several; with one pair its figure is the whole story).
    pub(crate) fn mean_of_pairs<'a>(pairs: &[(&'a str, &'a str, &'a Measure)]) -> Measure {
        if let [(_, _, only)] = pairs {
            return (*only).clone();
        }
        let mut sum = 0.0;
        for (a, b, m) in pairs {
            match m {
                Measure::Value(v) => sum += v,
                Measure::Undefined(why) => {
                    return Measure::Undefined(Undefined::PairUndefined {
                        a: (*a).to_owned(),
                        b: (*b).to_owned(),
                        reason: Box::new(why.clone()),
                    });
                }
            }
        }
        if pairs.is_empty() {
            Measure::Undefined(Undefined::TooFewCoders { coders: Vec::new() })
        } else {
            Measure::Value(sum / pairs.len() as f64)
        }
    }
}

/// A number, or `null` when undefined (the reason goes into a `reasons` map).
impl Serialize for Measure {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Measure::Value(v) => s.serialize_f64(*v),
            Measure::Undefined(_) => s.serialize_none(),
        }
    }
}

/// Why a figure is undefined as JSON and CSV reports carry it: in English, whatever
/// the interface language, so that the output reads the same everywhere.
pub(crate) fn reason_as_data(why: &Undefined) -> String {
    i18n::with_language(Language::English, || why.to_string())
}

/// The reasons of the undefined ones among `fields`, by field name: what JSON and CSV
/// show next to a `null`.
pub(crate) fn reasons_of(fields: &[(&'static str, &Measure)]) -> BTreeMap<&'static str, String> {
    fields
        .iter()
        .filter_map(|(name, m)| m.reason().map(|why| (*name, reason_as_data(why))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undefined_measures_serialize_as_null_and_say_why() {
        let m = Measure::Undefined(Undefined::TagNotUsed);
        assert_eq!(serde_json::to_string(&m).unwrap(), "null");
        assert_eq!(
            serde_json::to_string(&Measure::Value(0.25)).unwrap(),
            "0.25"
        );
        let reasons = reasons_of(&[("kappa", &m), ("percent", &Measure::Value(1.0))]);
        assert_eq!(reasons.len(), 1);
        assert!(reasons["kappa"].contains("no coder used this tag"));
    }

    #[test]
    fn a_mean_of_pairs_is_undefined_when_one_pair_is() {
        let ok = Measure::Value(0.5);
        let none = Measure::Undefined(Undefined::NoChanceDisagreement);
        assert_eq!(
            Measure::mean_of_pairs(&[("a", "b", &ok), ("a", "c", &Measure::Value(1.0))]),
            Measure::Value(0.75)
        );
        assert_eq!(Measure::mean_of_pairs(&[("a", "b", &none)]), none);
        let m = Measure::mean_of_pairs(&[("a", "b", &ok), ("b", "c", &none)]);
        let why = m.reason().unwrap().to_string();
        assert!(why.contains("\"b\" and \"c\""), "{why}");
        assert!(why.contains("kappa is undefined"), "{why}");
        assert_eq!(
            Measure::ratio(1.0, 0.0, Undefined::TagNotUsed).value(),
            None
        );
    }
}
