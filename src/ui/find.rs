//! The find bar (`Ctrl+F`): Bengali-aware matching over the whole article, all
//! matches highlighted, next / previous (`F3` / `Shift+F3` from the reader), and
//! `Enter` selects the current match and hands the keyboard to the reader so that it
//! can be tagged at once.

use std::sync::Arc;

use egui::{Key, RichText, TextBuffer as _};

use crate::article::Article;
use crate::text::{CharRange, FoldedText, Folding};
use crate::tr;

use super::text_input::{BengaliText, add_focusable};

/// At most this many matches are found and highlighted.
pub const MAX_MATCHES: usize = 10_000;

/// What the find bar asks the app to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindAction {
    /// Select this match and scroll to it.
    Select(CharRange),
    /// Close the bar.
    Close,
}

/// State of the find bar.
#[derive(Default)]
pub struct FindBar {
    query: BengaliText,
    folding: Folding,
    folded: Option<(String, FoldedText)>,
    searched: Option<(String, Folding)>,
    matches: Vec<CharRange>,
    current: Option<usize>,
    focus: bool,
    changed: bool,
}

impl FindBar {
    /// Give the query field keyboard focus on the next frame.
    pub fn focus(&mut self) {
        self.focus = true;
    }

    /// The matches of the current query, in text order.
    pub fn matches(&self) -> &[CharRange] {
        &self.matches
    }

    /// The match selected by next / previous.
    pub fn current(&self) -> Option<CharRange> {
        self.current.and_then(|i| self.matches.get(i).copied())
    }

    /// True once after the matches changed (the app then repaints highlights).
    pub fn take_changed(&mut self) -> bool {
        std::mem::take(&mut self.changed)
    }

    /// The query typed, in NFC.
    pub fn query(&self) -> String {
        self.query.value()
    }

    /// Set the query programmatically (tests, "find selection").
    pub fn set_query(&mut self, query: &str) {
        self.query.set(query);
    }

    /// Draw the bar; returns what the app should do.
    pub fn ui(&mut self, ui: &mut egui::Ui, article: &Arc<Article>) -> Option<FindAction> {
        let mut action = None;
        ui.horizontal(|ui| {
            let label = ui.label(tr!("find-label"));
            let id = ui.make_persistent_id("find-query");
            if self.focus {
                // Ctrl+F again: the old query is selected, so typing replaces it.
                if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), id) {
                    let all = egui::text::CCursorRange::select_all_str(self.query.as_str());
                    state.cursor.set_char_range(Some(all));
                    state.store(ui.ctx(), id);
                }
            }
            let focus = std::mem::take(&mut self.focus);
            let edit = egui::TextEdit::singleline(&mut self.query)
                .hint_text(tr!("find-hint"))
                .desired_width(280.0);
            let response = add_focusable(ui, edit, "find-query", focus).labelled_by(label.id);
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            let shift = ui.input(|i| i.modifiers.shift);
            if ui
                .checkbox(&mut self.folding.digits, "১ = 1")
                .on_hover_text(tr!("find-digits-tip"))
                .changed()
            {
                self.folded = None;
            }
            self.search(article);
            let count = self.matches.len();
            let label = match (self.current, count) {
                (_, 0) if self.query.is_empty() => String::new(),
                (_, 0) => tr!("find-no-matches"),
                (Some(i), n) => tr!(
                    "find-match-of",
                    current = i + 1,
                    count = n,
                    more = if n >= MAX_MATCHES { "+" } else { "" }
                ),
                (None, n) => tr!(
                    "find-matches",
                    count = n,
                    more = if n >= MAX_MATCHES { "+" } else { "" }
                ),
            };
            let previous = ui
                .button(tr!("find-previous"))
                .on_hover_text(tr!("find-previous-tip"))
                .clicked();
            let next = ui
                .button(tr!("find-next"))
                .on_hover_text(tr!("find-next-tip"))
                .clicked();
            ui.label(RichText::new(label).weak());
            if enter || next || previous {
                // The field keeps no focus after Enter (a single-line field gives
                // it up): the keys that follow go to the reader, to tag the match.
                let back = previous || (enter && shift);
                action = self.step(back).map(FindAction::Select);
            }
            // egui takes the focus from the field when Esc is pressed, before the
            // field is drawn: the app closes the bar on Esc (see `find_takes_escape`).
            if ui.button("×").on_hover_text(tr!("close-esc")).clicked() {
                action = Some(FindAction::Close);
            }
        });
        action
    }

    /// Move to the next (or previous) match.
    pub fn step(&mut self, back: bool) -> Option<CharRange> {
        let n = self.matches.len();
        if n == 0 {
            return None;
        }
        let i = match (self.current, back) {
            (None, false) => 0,
            (None, true) => n - 1,
            (Some(i), false) => (i + 1) % n,
            (Some(i), true) => (i + n - 1) % n,
        };
        self.current = Some(i);
        self.matches.get(i).copied()
    }

    /// Recompute matches when the query, folding or article changed.
    pub fn search(&mut self, article: &Arc<Article>) {
        let query = self.query.value();
        let key = (query.clone(), self.folding);
        let stale_fold = self
            .folded
            .as_ref()
            .is_none_or(|(sha, f)| sha != &article.sha256 || f.folding() != self.folding);
        if !stale_fold && self.searched.as_ref() == Some(&key) {
            return;
        }
        if stale_fold {
            self.folded = Some((
                article.sha256.clone(),
                FoldedText::new(&article.text, self.folding),
            ));
        }
        if let Some((_, folded)) = &self.folded {
            self.matches = folded.find_all(&article.text, &query, MAX_MATCHES);
        }
        self.current = None;
        self.searched = Some(key);
        self.changed = true;
    }
}
