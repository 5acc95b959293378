//! The desktop app: the window, its menus, and one file per panel.

pub mod actions;
pub mod app;
pub mod cards;
pub mod deck_options;
pub mod export_dialog;
pub mod file_dialog;
pub mod navigation;
pub mod reader;
pub mod theme;

pub use actions::{Action, Panel};
pub use app::{DarsApp, Settings};

use std::path::PathBuf;

/// Opens the window on `file`, or on the bundled article.
///
/// # Errors
/// When no window can be opened (no display, no OpenGL).
pub fn run(file: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Dars")
            .with_app_id("dars")
            .with_inner_size([1100.0, 800.0])
            .with_min_inner_size([480.0, 360.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Dars",
        options,
        Box::new(move |cc| {
            let settings = cc
                .storage
                .and_then(|s| eframe::get_value::<Settings>(s, app::SETTINGS_KEY))
                .unwrap_or_default();
            Ok(Box::new(DarsApp::new(settings, file)))
        }),
    )
}
