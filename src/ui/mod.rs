//! The GUI: the only part of Pathok that uses egui.

mod app;
mod commands;
pub mod compare;
pub mod dialogs;
pub mod export_dialog;
pub mod find;
pub mod fonts;
pub mod image_view;
mod images;
pub mod library;
pub mod notices;
pub mod palette;
pub mod paths;
pub mod popups;
pub mod reader;
mod session_colors;
pub mod settings;
pub mod side_panel;
pub mod text_input;
pub mod theme;

pub use app::PathokApp;
pub use commands::Command;
pub use notices::{Level, Message};

/// Window options for the native app.
pub fn native_options() -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Pathok")
            .with_app_id("pathok")
            .with_inner_size([1100.0, 800.0])
            .with_min_inner_size([480.0, 360.0])
            .with_drag_and_drop(true),
        ..Default::default()
    }
}

/// Run the GUI on `path` (or the sample article) until the window closes.
pub fn run(path: Option<std::path::PathBuf>) -> eframe::Result {
    eframe::run_native(
        "pathok",
        native_options(),
        Box::new(move |cc| Ok(Box::new(PathokApp::new(cc, path)))),
    )
}
