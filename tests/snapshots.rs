//! Pictures of the reader in the light and dark themes, rendered by kittest's wgpu renderer
//! (Mesa's lavapipe in CI) and compared with the reviewed PNGs in `tests/snapshots/`.
//! After a deliberate change of the look: `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`,
//! then look at the new PNGs before committing them.

use dars::ui::{DarsApp, Settings};
use egui::Key;
use egui_kittest::Harness;

fn reader_snapshot(dark: bool, name: &str) {
    let settings = Settings {
        dark,
        ..Settings::default()
    };
    let app = DarsApp::with_store(settings, None, None);
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 640.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app);
    h.run();
    // The second sentence current, its fourth word marked, its details open.
    for key in [
        Key::ArrowDown,
        Key::ArrowLeft,
        Key::ArrowLeft,
        Key::ArrowLeft,
        Key::ArrowLeft,
        Key::Enter,
    ] {
        h.key_press(key);
        h.run();
    }
    h.snapshot(name);
}

#[test]
fn reader_light() {
    reader_snapshot(false, "reader_light");
}

#[test]
fn reader_dark() {
    reader_snapshot(true, "reader_dark");
}

/// The relations panel beside the reader: the diagram of the article with its second relation
/// current and the first sentence's relations lit up, and the legend.
#[test]
fn relations_light() {
    let app = DarsApp::with_store(Settings::default(), None, None);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 800.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app);
    h.run();
    for key in [Key::F2, Key::Tab, Key::Tab] {
        h.key_press(key);
        h.run();
    }
    h.snapshot("relations_light");
}
