//! The command palette (`Ctrl+Shift+P`): every command, filtered as you type, with
//! its shortcut; the arrows choose, Enter runs, Esc closes.

use egui::{Key, Modifiers};

use crate::tr;

use super::commands::Command;
use super::text_input::{BengaliText, add_focusable};

/// State of the palette.
#[derive(Default)]
pub struct Palette {
    filter: BengaliText,
    /// The entry Enter runs, among the matching commands.
    highlight: usize,
    focused: bool,
}

impl Palette {
    /// Show the palette; `Some(commands)` when closed (empty when cancelled).
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Vec<Command>> {
        let mut result = None;
        // The arrows move the highlight, before the text field could see them.
        let (down, up) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
            )
        });
        let modal = super::popups::modal("command-palette").show(ctx, |ui| {
            ui.set_width(420.0);
            let response = add_focusable(
                ui,
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text(tr!("palette-hint"))
                    .desired_width(f32::INFINITY),
                "palette-filter",
                !std::mem::replace(&mut self.focused, true),
            );
            if response.changed() {
                self.highlight = 0;
            }
            let needle = self.filter.value().to_lowercase();
            let matching: Vec<Command> = Command::all()
                .into_iter()
                .filter(|c| c.label().to_lowercase().contains(&needle))
                .collect();
            let last = matching.len().saturating_sub(1);
            if down {
                self.highlight = (self.highlight + 1).min(last);
            }
            if up {
                self.highlight = self.highlight.saturating_sub(1);
            }
            self.highlight = self.highlight.min(last);
            if response.lost_focus()
                && ui.input(|i| i.key_pressed(Key::Enter))
                && let Some(chosen) = matching.get(self.highlight)
            {
                result = Some(vec![*chosen]);
            }
            // The field keeps the keyboard: typing goes on filtering after the arrows.
            if down || up {
                response.request_focus();
            }
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for (i, command) in matching.iter().enumerate() {
                        let mut button =
                            egui::Button::new(command.label()).selected(i == self.highlight);
                        if let Some(shortcut) = command.shortcuts().first() {
                            button = button
                                .shortcut_text(super::commands::shortcut_text(ui.ctx(), shortcut));
                        }
                        let r = ui.add(button).on_hover_text(command.tooltip());
                        if i == self.highlight && (down || up) {
                            r.scroll_to_me(None);
                        }
                        if r.clicked() {
                            result = Some(vec![*command]);
                        }
                    }
                });
        });
        if result.is_none() && modal.should_close() {
            result = Some(Vec::new());
        }
        result
    }
}
