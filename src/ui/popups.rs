//! Modal dialogs and the popups inside them (combo boxes, menus, colour pickers).
//!
//! **Why modals are not in egui's default layer order.** egui 0.37 shows a `Modal` in
//! an `Area` of order `Foreground` — the same order as every popup (`Popup`,
//! `ComboBox`, menus, colour pickers). Within one order, egui stacks areas by "who
//! last asked to be on top" (`Areas::move_to_top`, sorted at the end of the pass),
//! and an area asks when it is newly shown or when the pointer is *pressed* on it.
//! The press that opens a combo box inside a dialog lands on the dialog, so the
//! dialog and the new popup ask in the same frame; ties keep the order of the last
//! frame, and a popup layer that was shown before (its id is stable) still sits
//! where it was then — under a dialog opened since. The list then opens *behind*
//! the dialog: hidden where they overlap, dimmed by the dialog's backdrop below it,
//! and not clickable (egui refuses interaction below the top modal layer, so a click
//! on it lands on the backdrop and closes the dialog). Arrow keys do nothing either,
//! since the menu's keyboard handling also asks whether its layer may interact.
//!
//! Pathok's modals are therefore shown in the `Middle` order (egui's order for
//! windows), one step below `Foreground`: every popup a dialog opens is above it by
//! construction, whatever the order of presses, and egui's modal rules (input below
//! the dialog blocked, Esc closes the dialog only when no popup is open) still hold,
//! because nothing else in Pathok lives in `Middle` and the panels behind are in
//! `Background`. Opening a modal closes popups that belong to the window behind it.

use egui::{Id, Modal, Order};

/// A modal dialog with the id `name`, below the popups it opens (see the module
/// documentation).
pub fn modal(name: &str) -> Modal {
    let id = Id::unique(name);
    Modal::new(id).area(Modal::default_area(id).order(Order::Middle))
}

/// A combo box choosing one of `options` for `value`, labelled `label`, operable by
/// keyboard: Tab reaches it, Space or Enter opens it, the arrows move, Enter picks
/// and closes the list (focus goes back to the box), Esc closes the list and not the
/// dialog. The list opens with the focus on the current option, however it was opened,
/// so the first ↓ goes to the next option (egui leaves the focus on the box, and the
/// first ↓ only entered the list: one key press seemed lost). `text` names an option.
/// Returns true when the value changed.
pub fn choice<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    id_salt: &str,
    label: &str,
    value: &mut T,
    options: &[T],
    text: impl Fn(&T) -> String,
) -> bool {
    let mut changed = false;
    // The id egui gives the box's button (`ComboBox::show_ui`).
    let button = ui.make_persistent_id(egui::IdSalt::new(id_salt));
    let was_open = egui::ComboBox::is_open(ui.ctx(), button);
    egui::ComboBox::new(id_salt, label)
        .selected_text(text(value))
        .show_ui(ui, |ui| {
            for option in options {
                let item = ui.selectable_label(value == option, text(option));
                if !was_open && value == option {
                    item.request_focus();
                }
                if item.clicked() {
                    *value = option.clone();
                    changed = true;
                    // A click with the pointer closes the list by itself; Enter does
                    // not, and would leave the focus on an item about to vanish.
                    ui.close();
                }
            }
        });
    // Enter on an item, or Esc (which egui also takes as "drop the focus"): the
    // keyboard goes back to the box, so Tab goes on from there.
    let by_keyboard = changed && !ui.input(|i| i.pointer.any_click());
    let escaped = was_open
        && !egui::ComboBox::is_open(ui.ctx(), button)
        && ui.input(|i| i.key_pressed(egui::Key::Escape));
    if by_keyboard || escaped {
        ui.memory_mut(|m| m.request_focus(button));
    }
    changed
}
