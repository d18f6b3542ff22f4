//! Every user command, with its menu label, tooltip and keyboard shortcuts. Menus,
//! shortcuts and the command palette are all driven from this one list.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::theme::ReaderTheme;

/// A command the user can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[must_use]
pub enum Command {
    /// Choose an article with the file dialog.
    Open,
    /// Show the bundled sample article.
    OpenSample,
    /// Read the current article from disk again.
    Reload,
    /// Write the annotations now.
    Save,
    /// Export annotations (this article or its folder).
    Export,
    /// Import pre-annotations into this article.
    Import,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Default text size.
    ZoomReset,
    /// Switch between sans and serif.
    ToggleTypeface,
    /// Use a reading theme.
    Theme(ReaderTheme),
    /// Widen the text column.
    WiderColumn,
    /// Narrow the text column.
    NarrowerColumn,
    /// Show or hide the side panel.
    ToggleSidePanel,
    /// Scroll one screen down.
    PageDown,
    /// Scroll one screen up.
    PageUp,
    /// Go to the start of the article.
    Top,
    /// Go to the end of the article.
    Bottom,
    /// Show the find bar.
    Find,
    /// Select the whole article text.
    SelectAll,
    /// Copy the selected text (canonical form) to the clipboard.
    Copy,
    /// Clear the selection.
    ClearSelection,
    /// Highlight the selection in the current colour, without a tag.
    Highlight,
    /// Apply codebook tag N (1–9) to the selection or the selected annotation.
    ApplyTag(u8),
    /// Open the tag picker.
    PickTags,
    /// Write or edit the note of the selected annotation.
    EditNote,
    /// Delete the selected annotation.
    DeleteAnnotation,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Show the command palette.
    Palette,
    /// Leave Pathok.
    Quit,
}

impl Command {
    /// Every command, in palette order.
    pub fn all() -> Vec<Command> {
        let mut all = vec![
            Command::Open,
            Command::OpenSample,
            Command::Reload,
            Command::Save,
            Command::Export,
            Command::Import,
            Command::Find,
            Command::Highlight,
            Command::PickTags,
            Command::EditNote,
            Command::DeleteAnnotation,
            Command::Undo,
            Command::Redo,
            Command::Copy,
            Command::SelectAll,
            Command::ClearSelection,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ZoomReset,
            Command::ToggleTypeface,
            Command::WiderColumn,
            Command::NarrowerColumn,
            Command::ToggleSidePanel,
            Command::PageDown,
            Command::PageUp,
            Command::Top,
            Command::Bottom,
            Command::Palette,
            Command::Quit,
        ];
        all.extend((1..=9).map(Command::ApplyTag));
        all.extend(ReaderTheme::ALL.map(Command::Theme));
        all
    }

    /// The menu label.
    pub fn label(self) -> String {
        let text = match self {
            Command::Open => "Open…",
            Command::OpenSample => "Open sample article",
            Command::Reload => "Reload from disk",
            Command::Save => "Save annotations now",
            Command::Export => "Export…",
            Command::Import => "Import…",
            Command::ZoomIn => "Larger text",
            Command::ZoomOut => "Smaller text",
            Command::ZoomReset => "Default text size",
            Command::ToggleTypeface => "Toggle sans / serif",
            Command::Theme(t) => return format!("Theme: {}", t.label()),
            Command::WiderColumn => "Wider column",
            Command::NarrowerColumn => "Narrower column",
            Command::ToggleSidePanel => "Show / hide side panel",
            Command::PageDown => "Page down",
            Command::PageUp => "Page up",
            Command::Top => "Go to start",
            Command::Bottom => "Go to end",
            Command::Find => "Find…",
            Command::SelectAll => "Select all",
            Command::Copy => "Copy",
            Command::ClearSelection => "Clear selection",
            Command::Highlight => "Highlight",
            Command::ApplyTag(n) => return format!("Apply tag {n}"),
            Command::PickTags => "Tags…",
            Command::EditNote => "Note…",
            Command::DeleteAnnotation => "Delete annotation",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Palette => "Command palette…",
            Command::Quit => "Quit",
        };
        text.to_owned()
    }

    /// A sentence for tooltips.
    pub fn tooltip(self) -> &'static str {
        match self {
            Command::Open => "Open a .txt, .md, .html article or an image",
            Command::OpenSample => "Show the sample article built into Pathok",
            Command::Reload => "Read the article file again (after it changed on disk)",
            Command::Save => "Write the annotations to the sidecar file now (autosave also does)",
            Command::Export => {
                "CSV, JSONL, W3C, brat, REFI-QDA or a report, for this article or its folder"
            }
            Command::Import => {
                "Add pre-annotations (JSONL, W3C or brat) to this article, as one undo step"
            }
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => {
                "Change the reading font size"
            }
            Command::ToggleTypeface => "Switch between Noto Sans and Noto Serif",
            Command::Theme(_) => "Change the reading colours",
            Command::WiderColumn | Command::NarrowerColumn => "Change the width of the text column",
            Command::ToggleSidePanel => "Annotations, codebook and article note",
            Command::PageDown | Command::PageUp | Command::Top | Command::Bottom => {
                "Move through the article"
            }
            Command::Find => "Find text in the article (ৎ = ত্‍, joiners ignored)",
            Command::SelectAll => "Select the whole text of the article",
            Command::Copy => "Copy the selected text exactly as it is in the article",
            Command::ClearSelection => "Deselect",
            Command::Highlight => "Highlight the selected text in the current colour",
            Command::ApplyTag(_) => "Tag the selected text (or annotation) with codebook tag N",
            Command::PickTags => "Choose, filter or create tags for the selection",
            Command::EditNote => "Write a note on the selected annotation",
            Command::DeleteAnnotation => "Remove the selected annotation (undo brings it back)",
            Command::Undo => "Undo the last change to the annotations",
            Command::Redo => "Redo what was undone",
            Command::Palette => "Search every command",
            Command::Quit => "Close the window",
        }
    }

    /// The keyboard shortcuts of the command (the first is shown in menus).
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        const CMD: Modifiers = Modifiers::COMMAND;
        const NONE: Modifiers = Modifiers::NONE;
        const SHIFT: Modifiers = Modifiers::SHIFT;
        let cmd_shift = CMD.plus(SHIFT);
        let key = |m: Modifiers, k: Key| vec![KeyboardShortcut::new(m, k)];
        match self {
            Command::Open => key(CMD, Key::O),
            Command::Reload => key(CMD, Key::R),
            Command::Save => key(CMD, Key::S),
            Command::Export => key(CMD, Key::E),
            Command::ZoomIn => vec![
                KeyboardShortcut::new(CMD, Key::Equals),
                KeyboardShortcut::new(CMD, Key::Plus),
            ],
            Command::ZoomOut => key(CMD, Key::Minus),
            Command::ZoomReset => key(CMD, Key::Num0),
            Command::ToggleTypeface => key(cmd_shift, Key::T),
            Command::WiderColumn => key(CMD, Key::CloseBracket),
            Command::NarrowerColumn => key(CMD, Key::OpenBracket),
            Command::ToggleSidePanel => key(CMD, Key::B),
            Command::PageDown => vec![
                KeyboardShortcut::new(NONE, Key::PageDown),
                KeyboardShortcut::new(NONE, Key::Space),
            ],
            Command::PageUp => vec![
                KeyboardShortcut::new(NONE, Key::PageUp),
                KeyboardShortcut::new(SHIFT, Key::Space),
            ],
            Command::Top => key(NONE, Key::Home),
            Command::Bottom => key(NONE, Key::End),
            Command::Find => key(CMD, Key::F),
            Command::SelectAll => key(CMD, Key::A),
            // egui turns Ctrl+C into `Event::Copy`; see `from_shortcuts`.
            Command::Copy => key(CMD, Key::C),
            Command::ClearSelection => key(NONE, Key::Escape),
            Command::Highlight => key(NONE, Key::H),
            Command::ApplyTag(n) => key(NONE, DIGITS[usize::from(n.clamp(1, 9)) - 1]),
            Command::PickTags => key(NONE, Key::T),
            Command::EditNote => key(NONE, Key::N),
            Command::DeleteAnnotation => vec![
                KeyboardShortcut::new(NONE, Key::Delete),
                KeyboardShortcut::new(NONE, Key::Backspace),
            ],
            Command::Undo => key(CMD, Key::Z),
            Command::Redo => vec![
                KeyboardShortcut::new(cmd_shift, Key::Z),
                KeyboardShortcut::new(CMD, Key::Y),
            ],
            Command::Palette => key(cmd_shift, Key::P),
            Command::OpenSample | Command::Import | Command::Theme(_) | Command::Quit => vec![],
        }
    }

    /// Show the command as a menu entry; returns it when clicked.
    pub fn menu_item(self, ui: &mut egui::Ui) -> Option<Command> {
        let mut button = egui::Button::new(self.label());
        if let Some(shortcut) = self.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        let clicked = ui.add(button).on_hover_text(self.tooltip()).clicked();
        clicked.then_some(self)
    }

    /// The commands whose shortcut was pressed this frame (the keys are consumed).
    /// Shortcuts are ignored while a text field has keyboard focus.
    pub fn from_shortcuts(ctx: &egui::Context) -> Vec<Command> {
        if ctx.text_edit_focused() {
            return Vec::new();
        }
        let table = &*SHORTCUT_TABLE;
        let mut out = Vec::new();
        ctx.input_mut(|input| {
            if input.events.iter().any(|e| matches!(e, egui::Event::Copy)) {
                out.push(Command::Copy);
            }
            for (shortcut, command) in table {
                // Several presses in one frame (fast typing, key repeat) all count.
                while input.consume_shortcut(shortcut) {
                    out.push(*command);
                }
            }
        });
        out
    }
}

/// Every shortcut with its command. egui matches shortcuts "logically" (Ctrl+Z also
/// matches Ctrl+Shift+Z), so the ones with more modifiers come first.
static SHORTCUT_TABLE: std::sync::LazyLock<Vec<(KeyboardShortcut, Command)>> =
    std::sync::LazyLock::new(|| {
        let mut table: Vec<(KeyboardShortcut, Command)> = Command::all()
            .into_iter()
            .flat_map(|c| c.shortcuts().into_iter().map(move |s| (s, c)))
            .collect();
        table.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s.modifiers)));
        table
    });

const DIGITS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.ctrl || m.command || m.mac_cmd) + u8::from(m.shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = std::collections::HashMap::new();
        for c in Command::all() {
            for s in c.shortcuts() {
                if let Some(other) = seen.insert(format!("{s:?}"), c) {
                    panic!("{s:?} is used by {other:?} and {c:?}");
                }
            }
        }
    }
}
