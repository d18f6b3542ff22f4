//! Every user command, with its menu label, tooltip and keyboard shortcuts. Menus,
//! shortcuts and the command palette are all driven from this one list.

use egui::{Key, KeyboardShortcut, Modifiers};

use strum::IntoEnumIterator as _;

use crate::tr;

use super::theme::ReaderTheme;

/// The menu a command is listed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Menu {
    /// Files: open, save, export, import, quit.
    File,
    /// Find, copy, select, undo.
    Edit,
    /// Highlights, tags and notes.
    Annotate,
    /// Reading size, typeface, column, panels.
    View,
}

impl Menu {
    /// The menu's title in the menu bar.
    pub fn title(self) -> String {
        match self {
            Menu::File => tr!("menu-file"),
            Menu::Edit => tr!("menu-edit"),
            Menu::Annotate => tr!("menu-annotate"),
            Menu::View => tr!("menu-view"),
        }
    }
}

/// A command the user can give. The declaration order is the palette's order; the
/// list of every command is derived from it ([`Command::all`]), so no command can be
/// left out of the palette or the shortcut table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
#[must_use]
pub enum Command {
    /// Choose an article with the file dialog.
    Open,
    /// Choose a folder (a library of articles) with the folder dialog.
    OpenFolder,
    /// Open the next article of the library list.
    NextArticle,
    /// Open the previous article of the library list.
    PreviousArticle,
    /// Search every article of the library.
    CorpusSearch,
    /// Show or hide the library panel.
    ToggleLibrary,
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
    /// Show the find bar.
    Find,
    /// Select the next match of the find bar.
    FindNext,
    /// Select the previous match of the find bar.
    FindPrevious,
    /// Highlight the selection in the current colour, without a tag.
    Highlight,
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
    /// Copy the selected text (canonical form) to the clipboard.
    Copy,
    /// Select the whole article text.
    SelectAll,
    /// Clear the selection.
    ClearSelection,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Default text size.
    ZoomReset,
    /// Switch between sans and serif.
    ToggleTypeface,
    /// Widen the text column.
    WiderColumn,
    /// Narrow the text column.
    NarrowerColumn,
    /// Show or hide the side panel.
    ToggleSidePanel,
    /// Show or hide the compare view (two coders' codings of this article).
    CompareCoders,
    /// Go to the next difference between the compared coders.
    NextDifference,
    /// Go to the previous difference between the compared coders.
    PreviousDifference,
    /// Show the agreement between the coders of this article's folder.
    Agreement,
    /// Scroll one screen down.
    PageDown,
    /// Scroll one screen up.
    PageUp,
    /// Go to the start of the article.
    Top,
    /// Go to the end of the article.
    Bottom,
    /// Show the command palette.
    Palette,
    /// Leave Pathok.
    Quit,
    /// Apply codebook tag N (1–9) to the selection or the selected annotation.
    ApplyTag(u8),
    /// Use a reading theme.
    Theme(ReaderTheme),
}

impl Command {
    /// Every command, in palette order: each variant once, with tags 1–9 and every
    /// theme spelled out.
    pub fn all() -> Vec<Command> {
        Command::iter()
            .flat_map(|c| match c {
                Command::ApplyTag(_) => (1..=9).map(Command::ApplyTag).collect(),
                Command::Theme(_) => ReaderTheme::iter().map(Command::Theme).collect(),
                c => vec![c],
            })
            .collect()
    }

    /// The menu the command is listed in. `None`: palette and keys only (tags and
    /// themes are listed by the menu bar with their names).
    pub fn menu(self) -> Option<Menu> {
        match self {
            Command::Open
            | Command::OpenFolder
            | Command::NextArticle
            | Command::PreviousArticle
            | Command::OpenSample
            | Command::Reload
            | Command::Save
            | Command::Export
            | Command::Import
            | Command::Quit => Some(Menu::File),
            Command::Find
            | Command::CorpusSearch
            | Command::FindNext
            | Command::FindPrevious
            | Command::Copy
            | Command::SelectAll
            | Command::ClearSelection
            | Command::Undo
            | Command::Redo
            | Command::Palette => Some(Menu::Edit),
            Command::Highlight
            | Command::PickTags
            | Command::EditNote
            | Command::DeleteAnnotation => Some(Menu::Annotate),
            Command::ZoomIn
            | Command::ZoomOut
            | Command::ZoomReset
            | Command::ToggleTypeface
            | Command::WiderColumn
            | Command::NarrowerColumn
            | Command::ToggleSidePanel
            | Command::ToggleLibrary
            | Command::CompareCoders
            | Command::NextDifference
            | Command::PreviousDifference
            | Command::Agreement => Some(Menu::View),
            Command::PageDown
            | Command::PageUp
            | Command::Top
            | Command::Bottom
            | Command::ApplyTag(_)
            | Command::Theme(_) => None,
        }
    }

    /// True when a menu draws a separator above the command.
    pub fn starts_group(self) -> bool {
        matches!(
            self,
            Command::Quit
                | Command::Copy
                | Command::Undo
                | Command::Palette
                | Command::ToggleTypeface
                | Command::CompareCoders
        )
    }

    /// The menu label.
    pub fn label(self) -> String {
        match self {
            Command::Open => tr!("cmd-open"),
            Command::OpenFolder => tr!("cmd-open-folder"),
            Command::NextArticle => tr!("cmd-next-article"),
            Command::PreviousArticle => tr!("cmd-previous-article"),
            Command::CorpusSearch => tr!("cmd-corpus-search"),
            Command::ToggleLibrary => tr!("cmd-toggle-library"),
            Command::OpenSample => tr!("cmd-open-sample"),
            Command::Reload => tr!("cmd-reload"),
            Command::Save => tr!("cmd-save"),
            Command::Export => tr!("cmd-export"),
            Command::Import => tr!("cmd-import"),
            Command::ZoomIn => tr!("cmd-zoom-in"),
            Command::ZoomOut => tr!("cmd-zoom-out"),
            Command::ZoomReset => tr!("cmd-zoom-reset"),
            Command::ToggleTypeface => tr!("cmd-toggle-typeface"),
            Command::Theme(t) => tr!("cmd-theme", theme = t.label()),
            Command::WiderColumn => tr!("cmd-wider-column"),
            Command::NarrowerColumn => tr!("cmd-narrower-column"),
            Command::ToggleSidePanel => tr!("cmd-toggle-side-panel"),
            Command::CompareCoders => tr!("cmd-compare-coders"),
            Command::NextDifference => tr!("cmd-next-difference"),
            Command::PreviousDifference => tr!("cmd-previous-difference"),
            Command::Agreement => tr!("cmd-agreement"),
            Command::PageDown => tr!("cmd-page-down"),
            Command::PageUp => tr!("cmd-page-up"),
            Command::Top => tr!("cmd-top"),
            Command::Bottom => tr!("cmd-bottom"),
            Command::Find => tr!("cmd-find"),
            Command::FindNext => tr!("cmd-find-next"),
            Command::FindPrevious => tr!("cmd-find-previous"),
            Command::SelectAll => tr!("cmd-select-all"),
            Command::Copy => tr!("cmd-copy"),
            Command::ClearSelection => tr!("cmd-clear-selection"),
            Command::Highlight => tr!("cmd-highlight"),
            Command::ApplyTag(n) => tr!("cmd-apply-tag", n = n),
            Command::PickTags => tr!("cmd-pick-tags"),
            Command::EditNote => tr!("cmd-edit-note"),
            Command::DeleteAnnotation => tr!("cmd-delete-annotation"),
            Command::Undo => tr!("cmd-undo"),
            Command::Redo => tr!("cmd-redo"),
            Command::Palette => tr!("cmd-palette"),
            Command::Quit => tr!("cmd-quit"),
        }
    }

    /// A sentence for tooltips.
    pub fn tooltip(self) -> String {
        match self {
            Command::Open => tr!("tip-open"),
            Command::OpenFolder => tr!("tip-open-folder"),
            Command::NextArticle | Command::PreviousArticle => tr!("tip-library-step"),
            Command::CorpusSearch => tr!("tip-corpus-search"),
            Command::ToggleLibrary => tr!("tip-toggle-library"),
            Command::OpenSample => tr!("tip-open-sample"),
            Command::Reload => tr!("tip-reload"),
            Command::Save => tr!("tip-save"),
            Command::Export => tr!("tip-export"),
            Command::Import => tr!("tip-import"),
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => tr!("tip-zoom"),
            Command::ToggleTypeface => tr!("tip-toggle-typeface"),
            Command::Theme(_) => tr!("tip-theme"),
            Command::WiderColumn | Command::NarrowerColumn => tr!("tip-column"),
            Command::ToggleSidePanel => tr!("tip-toggle-side-panel"),
            Command::CompareCoders => tr!("tip-compare-coders"),
            Command::NextDifference | Command::PreviousDifference => tr!("tip-difference-step"),
            Command::Agreement => tr!("tip-agreement"),
            Command::PageDown | Command::PageUp | Command::Top | Command::Bottom => tr!("tip-move"),
            Command::Find => tr!("tip-find"),
            Command::FindNext | Command::FindPrevious => tr!("tip-find-step"),
            Command::SelectAll => tr!("tip-select-all"),
            Command::Copy => tr!("tip-copy"),
            Command::ClearSelection => tr!("tip-clear-selection"),
            Command::Highlight => tr!("tip-highlight"),
            Command::ApplyTag(_) => tr!("tip-apply-tag"),
            Command::PickTags => tr!("tip-pick-tags"),
            Command::EditNote => tr!("tip-edit-note"),
            Command::DeleteAnnotation => tr!("tip-delete-annotation"),
            Command::Undo => tr!("tip-undo"),
            Command::Redo => tr!("tip-redo"),
            Command::Palette => tr!("tip-palette"),
            Command::Quit => tr!("tip-quit"),
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
            Command::OpenFolder => key(cmd_shift, Key::O),
            Command::NextArticle => key(Modifiers::ALT, Key::ArrowDown),
            Command::PreviousArticle => key(Modifiers::ALT, Key::ArrowUp),
            Command::CorpusSearch => key(cmd_shift, Key::F),
            Command::ToggleLibrary => key(CMD, Key::L),
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
            Command::NextDifference => key(NONE, Key::F8),
            Command::PreviousDifference => key(SHIFT, Key::F8),
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
            Command::FindNext => key(NONE, Key::F3),
            Command::FindPrevious => key(SHIFT, Key::F3),
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
            Command::OpenSample
            | Command::Import
            | Command::Theme(_)
            | Command::Quit
            | Command::CompareCoders
            | Command::Agreement => vec![],
        }
    }

    /// Show the command as a menu entry; returns it when clicked.
    pub fn menu_item(self, ui: &mut egui::Ui) -> Option<Command> {
        self.menu_item_labelled(ui, self.label())
    }

    /// Show the command as a menu entry under another label (a tag's name); returns
    /// it when clicked.
    pub fn menu_item_labelled(self, ui: &mut egui::Ui, label: String) -> Option<Command> {
        let mut button = egui::Button::new(label);
        if let Some(shortcut) = self.shortcuts().first() {
            button = button.shortcut_text(shortcut_text(ui.ctx(), shortcut));
        }
        let clicked = ui.add(button).on_hover_text(self.tooltip()).clicked();
        if clicked && egui::containers::menu::is_in_menu(ui) {
            // A menu that stays open on clicks inside it (View, for its author
            // field) still closes when one of its commands is chosen.
            ui.close();
        }
        clicked.then_some(self)
    }

    /// The commands whose shortcut was pressed this frame (the keys are consumed).
    /// Shortcuts are ignored while a text field has keyboard focus.
    pub fn from_shortcuts(ctx: &egui::Context) -> Vec<Command> {
        Self::from_shortcuts_among(ctx, |_| true)
    }

    /// The commands among those `wanted` accepts whose shortcuts were pressed this
    /// frame; other keys are left to whoever reads them (a dialog's Esc).
    pub fn from_shortcuts_among(
        ctx: &egui::Context,
        wanted: impl Fn(Command) -> bool,
    ) -> Vec<Command> {
        // A text field keeps its keys (Ctrl+Z undoes typing, Ctrl+A selects its text),
        // except Ctrl+S: saving while typing is what every editor allows.
        let typing = ctx.text_edit_focused();
        let wanted = |c: Command| wanted(c) && (!typing || c == Command::Save);
        let table = &*SHORTCUT_TABLE;
        let mut out = Vec::new();
        ctx.input_mut(|input| {
            if wanted(Command::Copy) && input.events.iter().any(|e| matches!(e, egui::Event::Copy))
            {
                out.push(Command::Copy);
            }
            for (shortcut, command) in table.iter().filter(|(_, c)| wanted(*c)) {
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
    fn every_variant_is_in_the_list_once_with_its_own_label() {
        let all = Command::all();
        // 31 plain commands, tags 1–9 and the three themes.
        assert_eq!(all.len(), Command::iter().count() - 2 + 9 + 3);
        let mut labels: Vec<String> = all.iter().map(|c| c.label()).collect();
        labels.sort();
        labels.dedup();
        assert_eq!(
            labels.len(),
            all.len(),
            "the palette can tell every command apart"
        );
        for menu in <Menu as strum::IntoEnumIterator>::iter() {
            assert!(
                all.iter().any(|c| c.menu() == Some(menu)),
                "{menu:?} is empty"
            );
        }
    }

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

/// A shortcut as menus and the palette write it: `Ctrl+]`, `Ctrl+=`, `Alt+↓`, as the
/// README's tables do. egui's own long form names the keys (`Ctrl+CloseBracket`,
/// `Ctrl+Equals`), and its short form uses arrow glyphs the bundled fonts lack.
pub fn shortcut_text(ctx: &egui::Context, shortcut: &egui::KeyboardShortcut) -> String {
    use egui::Key;
    let is_mac = ctx.os().is_mac();
    let names = if is_mac {
        egui::ModifierNames::SYMBOLS
    } else {
        egui::ModifierNames::NAMES
    };
    let key = match shortcut.logical_key {
        Key::ArrowDown => "↓",
        Key::ArrowUp => "↑",
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::Minus => "-",
        key if key
            .symbol_or_name()
            .chars()
            .all(|c| c.is_ascii_punctuation()) =>
        {
            key.symbol_or_name()
        }
        key => key.name(),
    };
    let mut text = names.format(&shortcut.modifiers, is_mac);
    if !text.is_empty() {
        text += names.concat;
    }
    text + key
}

#[cfg(test)]
mod shortcut_tests {
    use super::shortcut_text;
    use egui::{Key, KeyboardShortcut, Modifiers};

    #[test]
    fn shortcuts_are_written_with_the_keys_symbols() {
        let ctx = egui::Context::default();
        ctx.set_os(egui::os::OperatingSystem::Nix);
        let text = |m, k| shortcut_text(&ctx, &KeyboardShortcut::new(m, k));
        assert_eq!(text(Modifiers::CTRL, Key::CloseBracket), "Ctrl+]");
        assert_eq!(text(Modifiers::CTRL, Key::OpenBracket), "Ctrl+[");
        assert_eq!(text(Modifiers::CTRL, Key::Equals), "Ctrl+=");
        assert_eq!(text(Modifiers::CTRL, Key::Minus), "Ctrl+-");
        assert_eq!(text(Modifiers::ALT, Key::ArrowDown), "Alt+↓");
        assert_eq!(
            text(Modifiers::CTRL | Modifiers::SHIFT, Key::P),
            "Ctrl+Shift+P"
        );
        assert_eq!(text(Modifiers::NONE, Key::F8), "F8");
        assert_eq!(text(Modifiers::SHIFT, Key::F3), "Shift+F3");
    }
}
