//! The find bar in the app: its panel, and how a match becomes the selection that
//! the tag keys act on.

use std::sync::Arc;

use egui::{Key, Modifiers};

use super::super::find::{FindAction, FindBar};
use super::PathokApp;

impl PathokApp {
    /// The find bar under the menu, while it is open.
    pub(super) fn find_panel(&mut self, ui: &mut egui::Ui) {
        if self.find.is_none() {
            return;
        }
        let article = Arc::clone(self.reader.article());
        let mut action = None;
        egui::Panel::top("find").show(ui, |ui| {
            if let Some(find) = &mut self.find {
                action = find.ui(ui, &article);
            }
        });
        match action {
            Some(FindAction::Select(range)) => self.select_match(range),
            Some(FindAction::Close) => self.close_find(),
            None => {}
        }
        if self.find.as_mut().is_some_and(FindBar::take_changed) {
            self.refresh_highlights();
        }
    }

    /// F3 / Shift+F3: select the next (previous) match, opening the bar if needed.
    pub(super) fn step_find(&mut self, back: bool) {
        let article = Arc::clone(self.reader.article());
        let find = self.find.get_or_insert_with(FindBar::default);
        find.search(&article);
        match find.step(back) {
            Some(range) => self.select_match(range),
            None => find.focus(),
        }
    }

    /// Esc, while the find bar is open (and no dialog or menu): close the bar and
    /// keep what it selected, so that a tag key can still act on it.
    pub(super) fn find_takes_escape(&mut self, ctx: &egui::Context) {
        if self.find.is_some() && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            self.close_find();
        }
    }

    /// Select a match and scroll to it. The keyboard goes to the reader (no text
    /// field keeps it), so `H`, `1`–`9`, `T` and `N` act on the match at once.
    pub(super) fn select_match(&mut self, range: crate::text::CharRange) {
        self.reader.set_selection(Some(range));
        self.session.selected = None;
        self.reader.reveal(range.start);
        self.refresh_highlights();
    }

    fn close_find(&mut self) {
        self.find = None;
        self.refresh_highlights();
    }
}
