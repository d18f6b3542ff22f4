//! The app's side of the compare view: opening it, F8 / Shift+F8, going to a
//! difference and adopting a coder's version.

use std::sync::Arc;

use super::super::compare::{AgreementAction, AgreementWindow, CompareAction, CompareView};
use super::super::notices::Level;
use super::PathokApp;
use crate::agreement::Difference;
use crate::tr;

impl PathokApp {
    /// Open the compare view, or close it.
    pub(super) fn toggle_compare(&mut self) {
        self.compare = match self.compare.take() {
            Some(_) => None,
            None => Some(CompareView::default()),
        };
    }

    /// F8 / Shift+F8: the next or previous difference (opening the view first).
    pub(super) fn step_difference(&mut self, forward: bool) {
        let view = self.compare.get_or_insert_with(CompareView::default);
        if let Some(d) = view.step(&self.session, forward) {
            self.go_to(&d);
        }
    }

    /// Select a difference's passage and its first annotation, and scroll to it.
    fn go_to(&mut self, d: &Difference) {
        self.session.selected = d.a.first().or(d.b.first()).copied();
        self.reader.set_selection(Some(d.range));
        self.reader.reveal(d.range.start);
    }

    /// Open the agreement window on the open article's folder (after saving, so that
    /// the figures include what is on screen), or close it.
    pub(super) fn open_agreement(&mut self) {
        if self.agreement.take().is_some() {
            return;
        }
        let article = Arc::clone(self.reader.article());
        let Some(path) = article.origin.path() else {
            self.report(Level::Notice, tr!("notice-agreement-needs-folder"));
            return;
        };
        if let Some(n) = self.session.autosave(&article, true) {
            self.report(Level::Notice, n);
        }
        self.agreement = Some(AgreementWindow::open(crate::store::folder_of(path)));
    }

    /// Draw the compare view (a panel under the text) and the agreement window, and
    /// do what they ask.
    pub(super) fn compare_panel(&mut self, ui: &mut egui::Ui) {
        if let Some(window) = &mut self.agreement {
            match window.ui(ui.ctx()) {
                None => {}
                Some(AgreementAction::Close) => self.agreement = None,
                Some(AgreementAction::Notice { error, text }) => {
                    let level = if error { Level::Error } else { Level::Notice };
                    self.report(level, text);
                }
            }
        }
        let Some(view) = &mut self.compare else {
            return;
        };
        let mut action = None;
        egui::Panel::bottom("compare")
            .resizable(true)
            .default_size(240.0)
            .show(ui, |ui| action = view.ui(ui, &self.session));
        match action {
            None => {}
            Some(CompareAction::Close) => self.compare = None,
            Some(CompareAction::Go(d)) => self.go_to(&d),
            Some(CompareAction::Adopt {
                difference,
                sources,
                coder,
            }) => {
                let article = Arc::clone(self.reader.article());
                let result = self
                    .session
                    .adopt(&article, difference.range, &sources, &coder);
                self.check(result);
            }
        }
    }
}
