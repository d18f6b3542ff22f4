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
pub mod ime;
pub mod library;
pub mod notices;
pub mod palette;
pub mod paths;
pub mod popups;
pub mod reader;
pub mod regions;
pub mod renderer;
mod session_colors;
pub mod settings;
pub mod side_panel;
pub mod text_input;
pub mod theme;
pub mod timing;

pub use app::{PathokApp, Preload};
pub use commands::Command;
pub use notices::{Level, Message};

/// Window options for the native app, drawn by `renderer`.
pub fn native_options(renderer: renderer::Renderer) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Pathok")
            .with_app_id("pathok")
            .with_inner_size([1100.0, 800.0])
            .with_min_inner_size([480.0, 360.0])
            .with_drag_and_drop(true),
        renderer: renderer.to_eframe(),
        // The event loop outlives a renderer that fails to start, so the next one can
        // be tried in the same process (eframe keeps it in a thread-local).
        run_and_return: true,
        ..Default::default()
    }
}

/// Run the GUI on `path` (or the sample article) until the window closes.
///
/// `flag` is `--renderer`; without it [`renderer::ENV_VAR`] or the default decides.
/// A renderer that cannot start (no Vulkan, no GL) is replaced by the other one, with
/// the reason on stderr (see [`renderer::Plan`]).
pub fn run(
    path: Option<std::path::PathBuf>,
    flag: Option<renderer::Renderer>,
) -> Result<(), renderer::WindowError> {
    let env = std::env::var(renderer::ENV_VAR).ok();
    let plan = renderer::Plan::new(flag, env.as_deref());
    if let Some(ignored) = &plan.ignored {
        eprintln!("pathok: {ignored} (in {})", renderer::ENV_VAR);
    }
    // Read the article while the window and the renderer are set up.
    let preload = std::sync::Arc::new(std::sync::Mutex::new(path.as_deref().map(Preload::start)));
    let mut current = plan.first();
    loop {
        let created = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag_created = std::sync::Arc::clone(&created);
        let app_preload = std::sync::Arc::clone(&preload);
        timing::mark(&format!("starting the window ({current})"));
        let result = eframe::run_native(
            "pathok",
            native_options(current),
            Box::new(move |cc| {
                flag_created.store(true, std::sync::atomic::Ordering::SeqCst);
                timing::mark("renderer ready, creating the app");
                let taken = app_preload
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .take();
                Ok(Box::new(PathokApp::new(cc, taken)))
            }),
        );
        let Err(error) = result else { return Ok(()) };
        let app_created = created.load(std::sync::atomic::Ordering::SeqCst);
        match plan.after_failure(current, app_created) {
            Some(next) => {
                eprintln!("pathok: the {current} renderer cannot start ({error}); trying {next}");
                current = next;
            }
            None => {
                return Err(renderer::WindowError {
                    renderer: current,
                    reason: error.to_string(),
                });
            }
        }
    }
}
