//! Every user command, with its menu label, tooltip and keyboard shortcut. Menus,
//! shortcuts and (later) the command palette are all driven from this one list.

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
    /// Leave Pathok.
    Quit,
}

impl Command {
    /// Commands that have a keyboard shortcut, checked in this order each frame.
    pub const WITH_SHORTCUTS: [Command; 15] = [
        Command::Find,
        Command::SelectAll,
        Command::ClearSelection,
        Command::Open,
        Command::Reload,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ToggleTypeface,
        Command::WiderColumn,
        Command::NarrowerColumn,
        Command::PageDown,
        Command::PageUp,
        Command::Top,
        Command::Bottom,
    ];

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            Command::Open => "Open…",
            Command::OpenSample => "Open sample article",
            Command::Reload => "Reload from disk",
            Command::ZoomIn => "Larger text",
            Command::ZoomOut => "Smaller text",
            Command::ZoomReset => "Default text size",
            Command::ToggleTypeface => "Toggle sans / serif",
            Command::Theme(t) => t.label(),
            Command::WiderColumn => "Wider column",
            Command::NarrowerColumn => "Narrower column",
            Command::PageDown => "Page down",
            Command::PageUp => "Page up",
            Command::Top => "Go to start",
            Command::Bottom => "Go to end",
            Command::Find => "Find…",
            Command::SelectAll => "Select all",
            Command::Copy => "Copy",
            Command::ClearSelection => "Clear selection",
            Command::Quit => "Quit",
        }
    }

    /// A sentence for tooltips.
    pub fn tooltip(self) -> &'static str {
        match self {
            Command::Open => "Open a .txt, .md, .html article or an image",
            Command::OpenSample => "Show the sample article built into Pathok",
            Command::Reload => "Read the article file again (after it changed on disk)",
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => {
                "Change the reading font size"
            }
            Command::ToggleTypeface => "Switch between Noto Sans and Noto Serif",
            Command::Theme(_) => "Change the reading colours",
            Command::WiderColumn | Command::NarrowerColumn => "Change the width of the text column",
            Command::PageDown | Command::PageUp | Command::Top | Command::Bottom => {
                "Move through the article"
            }
            Command::Find => "Find text in the article (ৎ = ত্‍, joiners ignored)",
            Command::SelectAll => "Select the whole text of the article",
            Command::Copy => "Copy the selected text exactly as it is in the article",
            Command::ClearSelection => "Deselect",
            Command::Quit => "Close the window",
        }
    }

    /// The keyboard shortcuts of the command (the first is shown in menus).
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        const CMD: Modifiers = Modifiers::COMMAND;
        const NONE: Modifiers = Modifiers::NONE;
        match self {
            Command::Open => vec![KeyboardShortcut::new(CMD, Key::O)],
            Command::Reload => vec![KeyboardShortcut::new(CMD, Key::R)],
            Command::ZoomIn => vec![
                KeyboardShortcut::new(CMD, Key::Equals),
                KeyboardShortcut::new(CMD, Key::Plus),
            ],
            Command::ZoomOut => vec![KeyboardShortcut::new(CMD, Key::Minus)],
            Command::ZoomReset => vec![KeyboardShortcut::new(CMD, Key::Num0)],
            Command::ToggleTypeface => {
                vec![KeyboardShortcut::new(CMD.plus(Modifiers::SHIFT), Key::T)]
            }
            Command::WiderColumn => vec![KeyboardShortcut::new(CMD, Key::CloseBracket)],
            Command::NarrowerColumn => vec![KeyboardShortcut::new(CMD, Key::OpenBracket)],
            Command::PageDown => vec![
                KeyboardShortcut::new(NONE, Key::PageDown),
                KeyboardShortcut::new(NONE, Key::Space),
            ],
            Command::PageUp => vec![
                KeyboardShortcut::new(NONE, Key::PageUp),
                KeyboardShortcut::new(Modifiers::SHIFT, Key::Space),
            ],
            Command::Top => vec![KeyboardShortcut::new(NONE, Key::Home)],
            Command::Bottom => vec![KeyboardShortcut::new(NONE, Key::End)],
            Command::Find => vec![KeyboardShortcut::new(CMD, Key::F)],
            Command::SelectAll => vec![KeyboardShortcut::new(CMD, Key::A)],
            // egui turns Ctrl+C into `Event::Copy`; see `from_shortcuts`.
            Command::Copy => vec![KeyboardShortcut::new(CMD, Key::C)],
            Command::ClearSelection => vec![KeyboardShortcut::new(NONE, Key::Escape)],
            Command::OpenSample | Command::Theme(_) | Command::Quit => vec![],
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
        let mut out = Vec::new();
        ctx.input_mut(|input| {
            if input.events.iter().any(|e| matches!(e, egui::Event::Copy)) {
                out.push(Command::Copy);
            }
            for command in Command::WITH_SHORTCUTS {
                // Several presses in one frame (fast typing, key repeat) all count.
                for shortcut in command.shortcuts() {
                    while input.consume_shortcut(&shortcut) {
                        out.push(command);
                    }
                }
            }
        });
        out
    }
}
