//! A `TextBuffer` for text fields that may hold Bengali: it keeps ো and ৌ in their
//! decomposed display form (ে+া, ে+ৗ) so that egui's cursor positions stay right, and
//! hands out the text in NFC — the canonical characters — when asked for its value.

use std::ops::Range;

use egui::TextBuffer;
use egui::text::CharIndex;
use unicode_normalization::UnicodeNormalization as _;

use crate::text::display_form;

/// Text typed into a field, stored in display form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BengaliText {
    display: String,
}

/// `text` in NFC with ো/ৌ decomposed (the form egui lays out with one glyph per char).
///
/// NFC first, so that the display form of the value is the display form itself: an
/// input method commits য় as one char (U+09DF) where NFC has two (য + ়), and a field
/// made again from its value must count the same chars, or the cursor lands inside.
pub(crate) fn to_display(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        match display_form(c) {
            Some(form) => out.push_str(form),
            None => out.push(c),
        }
    }
    out
}

impl BengaliText {
    /// A field holding `text`.
    pub fn new(text: &str) -> Self {
        Self {
            display: to_display(text),
        }
    }

    /// The text in NFC (ে+া composes back to ো, and so on).
    pub fn value(&self) -> String {
        self.display.nfc().collect()
    }

    /// True when the field is empty.
    pub fn is_empty(&self) -> bool {
        self.display.is_empty()
    }

    /// Replace the contents.
    pub fn set(&mut self, text: &str) {
        self.display = to_display(text);
    }
}

impl TextBuffer for BengaliText {
    fn is_mutable(&self) -> bool {
        true
    }

    fn as_str(&self) -> &str {
        &self.display
    }

    fn insert_text(&mut self, text: &str, char_index: CharIndex) -> usize {
        let shown = to_display(text);
        let byte = self
            .display
            .char_indices()
            .nth(char_index.0)
            .map_or(self.display.len(), |(b, _)| b);
        self.display.insert_str(byte, &shown);
        shown.chars().count()
    }

    fn delete_char_range(&mut self, char_range: Range<CharIndex>) {
        let byte = |i: CharIndex| {
            self.display
                .char_indices()
                .nth(i.0)
                .map_or(self.display.len(), |(b, _)| b)
        };
        let (start, end) = (byte(char_range.start), byte(char_range.end));
        self.display.replace_range(start..end, "");
    }

    fn type_id(&self) -> std::any::TypeId {
        std::any::TypeId::of::<Self>()
    }
}

/// Add the text field `edit`, giving it the keyboard first when `take_focus` is set.
///
/// The focus is given *before* the field reads this frame's input. eframe draws a frame
/// only when something happens, so a dialog opened by a key is first drawn in the frame
/// of the next key; a field that asked for the focus after reading its input would lose
/// that first key (a fast typist's `T` then `ন…` gave the tag `তুন`). It is asked for
/// again after the field is added, as egui's own `request_focus` does, so the field
/// also starts its focus in the usual way (Tab order, event filter).
pub fn add_focusable(
    ui: &mut egui::Ui,
    edit: egui::TextEdit<'_>,
    id_salt: &str,
    take_focus: bool,
) -> egui::Response {
    let id = ui.make_persistent_id(id_salt);
    if take_focus {
        ui.memory_mut(|m| m.request_focus(id));
    }
    let response = ui.add(edit.id(id));
    if take_focus {
        response.request_focus();
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_split_vowels_are_stored_decomposed_and_read_back_in_nfc() {
        let mut field = BengaliText::default();
        let n = field.insert_text("কোরিয়া", CharIndex(0));
        assert_eq!(n, 8, "ো takes two chars in the field");
        assert_eq!(field.as_str(), "কে\u{09BE}রিয়া");
        field.insert_text("ৌ", CharIndex(1));
        assert_eq!(field.value(), "কৌোরিয়া".nfc().collect::<String>());
        field.delete_char_range(CharIndex(1)..CharIndex(3));
        assert_eq!(field.value(), "কোরিয়া".nfc().collect::<String>());
        assert_eq!(BengaliText::new("বোঝা").value(), "বোঝা");
    }

    #[test]
    fn a_field_made_again_from_its_value_has_as_many_chars_so_the_cursor_stays_put() {
        // Input methods commit য় as one char (U+09DF), which NFC writes as two
        // (য + ়). Fields made afresh each frame from the stored value (a tag's
        // description, the author) kept the cursor's char index, now before the ়.
        let mut field = BengaliText::default();
        let typed = field.insert_text("কোথা\u{09DF}", CharIndex(0));
        let again = BengaliText::new(&field.value());
        assert_eq!(again.as_str().chars().count(), typed);
        assert_eq!(again, field);
    }
}
