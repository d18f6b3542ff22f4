//! The compare view: two coders' codings of the open article side by side, one row
//! per difference (only A, only B, different tags, different boundaries), walked with
//! F8 / Shift+F8; each row adopts A's or B's version into the reconciled coding.

mod agreement;

pub use agreement::{AgreementAction, AgreementWindow};

use egui::RichText;

use crate::agreement::{Difference, DifferenceKind, compare_coders};
use crate::annotate::{AnnotationId, AnnotationSet};
use crate::session::Session;
use crate::tr;

use super::text_input::BengaliText;

/// What the view asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareAction {
    /// Select and scroll to this difference.
    Go(Difference),
    /// Copy one coder's annotations of a difference into the reconciled coding.
    Adopt {
        /// The difference settled.
        difference: Difference,
        /// The annotations adopted (one coder's).
        sources: Vec<AnnotationId>,
        /// The reconciled coder.
        coder: String,
    },
    /// Close the view.
    Close,
}

/// State of the compare view.
pub struct CompareView {
    a: Option<String>,
    b: Option<String>,
    reconciled: BengaliText,
    /// The difference last gone to, by position in the list.
    current: Option<usize>,
}

impl Default for CompareView {
    fn default() -> Self {
        CompareView {
            a: None,
            b: None,
            reconciled: BengaliText::new("final"),
            current: None,
        }
    }
}

impl CompareView {
    /// The reconciled coder's name (never compared).
    fn reconciled(&self) -> String {
        self.reconciled.value().trim().to_owned()
    }

    /// Coders A and B: the chosen ones, else the first two authors found (other than
    /// the reconciled coder).
    fn coders(&mut self, set: &AnnotationSet) -> Vec<String> {
        let reconciled = self.reconciled();
        let mut found: Vec<String> = set
            .iter()
            .map(|a| a.author.clone())
            .filter(|c| *c != reconciled)
            .collect();
        found.sort();
        found.dedup();
        if self.a.is_none() {
            self.a = found.first().cloned();
        }
        if self.b.is_none() {
            self.b = found.iter().find(|c| Some(*c) != self.a.as_ref()).cloned();
        }
        found
    }

    /// The differences between A and B now (none until both are chosen).
    fn differences(&mut self, set: &AnnotationSet) -> Vec<Difference> {
        self.coders(set);
        match (&self.a, &self.b) {
            (Some(a), Some(b)) if a != b => compare_coders(set, a, b),
            _ => Vec::new(),
        }
    }

    /// The next (or previous) difference after the current one, wrapping around.
    pub fn step(&mut self, session: &Session, forward: bool) -> Option<Difference> {
        let list = self.differences(&session.set);
        if list.is_empty() {
            self.current = None;
            return None;
        }
        let n = list.len();
        let next = match self.current {
            None if forward => 0,
            None => n - 1,
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
        };
        self.current = Some(next);
        list.into_iter().nth(next)
    }

    /// Draw the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, session: &Session) -> Option<CompareAction> {
        let coders = self.coders(&session.set);
        let mut action = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr!("compare-title")).strong());
            let options: Vec<Option<String>> = coders.iter().cloned().map(Some).collect();
            let name = |c: &Option<String>| c.clone().unwrap_or_else(|| "—".to_owned());
            super::popups::choice(ui, "compare-a", "A", &mut self.a, &options, name);
            super::popups::choice(ui, "compare-b", "B", &mut self.b, &options, name);
            let label = ui.label(tr!("compare-adopt-into"));
            ui.add(egui::TextEdit::singleline(&mut self.reconciled).desired_width(100.0))
                .labelled_by(label.id);
            ui.label(RichText::new(tr!("compare-keys")).weak());
            if ui.button(tr!("button-close")).clicked() {
                action = Some(CompareAction::Close);
            }
        });
        let (Some(a), Some(b)) = (self.a.clone(), self.b.clone()) else {
            ui.label(tr!("compare-need-two"));
            return action;
        };
        let list = self.differences(&session.set);
        if list.is_empty() {
            ui.label(tr!("compare-same", a = a.as_str(), b = b.as_str()));
            return action;
        }
        let reconciled = self.reconciled();
        ui.label(tr!("compare-differences", count = list.len()));
        // The adopt buttons come right after the kind of difference, before the long
        // passage and versions: between the library and the side panel the reader can
        // be narrow, and buttons in the last column were cut off out of reach. What
        // still does not fit scrolls sideways.
        egui::ScrollArea::both()
            .auto_shrink([false, true])
            .max_height(220.0)
            .show(ui, |ui| {
                egui::Grid::new("differences")
                    .striped(true)
                    .num_columns(5)
                    .show(ui, |ui| {
                        ui.strong("");
                        ui.strong("");
                        ui.strong(tr!("compare-passage"));
                        ui.strong(&a);
                        ui.strong(&b);
                        ui.end_row();
                        for (i, d) in list.iter().enumerate() {
                            let label = kind_label(d.kind, &a, &b);
                            if ui
                                .selectable_label(self.current == Some(i), label)
                                .clicked()
                            {
                                self.current = Some(i);
                                action = Some(CompareAction::Go(d.clone()));
                            }
                            ui.horizontal(|ui| {
                                for (who, ids) in [(&a, &d.a), (&b, &d.b)] {
                                    let button = ui
                                        .add_enabled(
                                            !reconciled.is_empty(),
                                            egui::Button::new(tr!(
                                                "compare-adopt",
                                                coder = who.as_str()
                                            )),
                                        )
                                        .on_hover_text(tr!(
                                            "compare-adopt-tip",
                                            reconciled = reconciled.as_str(),
                                            coder = who.as_str()
                                        ));
                                    if button.clicked() {
                                        self.current = Some(i);
                                        action = Some(CompareAction::Adopt {
                                            difference: d.clone(),
                                            sources: ids.clone(),
                                            coder: reconciled.clone(),
                                        });
                                    }
                                }
                            });
                            ui.label(preview(&session.set, d));
                            ui.label(version(&session.set, &d.a));
                            ui.label(version(&session.set, &d.b));
                            ui.end_row();
                        }
                    });
            });
        action
    }
}

fn kind_label(kind: DifferenceKind, a: &str, b: &str) -> String {
    match kind {
        DifferenceKind::OnlyA => tr!("compare-only", coder = a),
        DifferenceKind::OnlyB => tr!("compare-only", coder = b),
        DifferenceKind::DifferentTags => tr!("compare-different-tags"),
        DifferenceKind::DifferentBoundaries { tags_differ: false } => {
            tr!("compare-different-boundaries")
        }
        DifferenceKind::DifferentBoundaries { tags_differ: true } => {
            tr!("compare-different-both")
        }
    }
}

/// The passage of a difference: the quotes of its annotations, shortened.
fn preview(set: &AnnotationSet, d: &Difference) -> String {
    let quote =
        d.a.iter()
            .chain(&d.b)
            .filter_map(|id| set.get(*id))
            .max_by_key(|x| x.end.0 - x.start.0)
            .map(|x| x.quote.replace('\n', " "))
            .unwrap_or_default();
    let mut out: String = quote.chars().take(60).collect();
    if quote.chars().count() > 60 {
        out.push('…');
    }
    format!("“{out}”")
}

/// One coder's version: the tags (and note) of each annotation, or "—".
fn version(set: &AnnotationSet, ids: &[AnnotationId]) -> String {
    let parts: Vec<String> = ids
        .iter()
        .filter_map(|id| set.get(*id))
        .map(|x| {
            let tags = if x.tags.is_empty() {
                tr!("panel-highlight-chip")
            } else {
                x.tags.join(", ")
            };
            if x.note.is_empty() {
                let span = crate::i18n::number(format!("{}–{}", x.start.0, x.end.0));
                format!("{span}: {tags}")
            } else {
                let span = crate::i18n::number(format!("{}–{}", x.start.0, x.end.0));
                format!("{span}: {tags} ({})", x.note)
            }
        })
        .collect();
    if parts.is_empty() {
        "—".to_owned()
    } else {
        parts.join("; ")
    }
}
