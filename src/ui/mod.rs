//! The desktop app: the window, its menus, and one file per panel (the list is in `panels.rs`).

pub mod actions;
pub mod app;
pub mod arrangement;
pub mod cards;
pub mod deck_options;
pub mod dictionary_settings;
pub mod export_dialog;
pub mod file_dialog;
pub mod library_window;
pub mod navigation;
pub mod panel;
pub mod panels;
pub mod paste_editor;
pub mod quiz;
pub mod reader;
pub mod relations;
pub mod theme;
pub mod web_import;
pub mod words;

pub use actions::Action;
pub use app::{DarsApp, Settings};
pub use panel::{Command, PanelContext, PanelUi};
pub use panels::{Panel, Panels};

use std::path::PathBuf;

/// Opens the window on `file`, or on the bundled article.
///
/// # Errors
/// When no window can be opened (no display, no OpenGL).
pub fn run(file: Option<PathBuf>) -> eframe::Result {
    // The lexicons load while the window is made, not after: the window appears sooner.
    std::thread::spawn(crate::analysis::preload);
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
