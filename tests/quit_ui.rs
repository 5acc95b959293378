//! When progress cannot be saved: the window retries every few seconds, asks before quitting,
//! and can save elsewhere or quit anyway; the error banner wraps and can be copied (headless,
//! egui_kittest).

use dars::study::ProgressStore;
use dars::ui::{DarsApp, Settings};
use egui::{Key, ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A folder for one test, removed when dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("dars-quit-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        Self(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The app with its data folder at `data`, at a given width; the clock starts at 0 s.
fn harness(data: &std::path::Path, width: f32) -> Harness<'static, DarsApp> {
    let app = DarsApp::with_store(Settings::default(), None, Some(ProgressStore::in_dir(data)));
    let mut h = Harness::builder()
        .with_size(egui::vec2(width, 800.0))
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app);
    at(&mut h, 0.0);
    h
}

/// Runs a frame at `seconds` on egui's clock.
fn at(h: &mut Harness<'_, DarsApp>, seconds: f64) {
    h.input_mut().time = Some(seconds);
    h.run();
}

/// Changes something worth saving: the first word's status.
fn change_a_status(h: &mut Harness<'_, DarsApp>, seconds: f64) {
    h.key_press(Key::ArrowLeft);
    at(h, seconds);
    h.key_press(Key::Num2);
    at(h, seconds);
}

fn asked_to(h: &Harness<'_, DarsApp>, command: &ViewportCommand) -> bool {
    h.output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(command))
}

/// One frame at `seconds` whose output can then be looked at (`run` goes on until nothing
/// changes, and keeps only the last frame's output).
fn one_frame(h: &mut Harness<'_, DarsApp>, seconds: f64) {
    h.input_mut().time = Some(seconds);
    h.step();
}

/// The window's close button, or `Ctrl+Q`: a close request on the next frame.
fn request_close(h: &mut Harness<'_, DarsApp>, seconds: f64) {
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    one_frame(h, seconds);
}

#[test]
fn closing_with_progress_that_cannot_be_saved_asks_first() {
    let dir = Scratch::new("ask");
    // The data folder is a file: saving fails, even for root.
    let data = dir.0.join("data");
    std::fs::write(&data, "not a folder").expect("written");
    let mut h = harness(&data, 1100.0);
    change_a_status(&mut h, 1.0);
    assert!(
        h.state().session().is_unsaved(),
        "a failed save keeps the changes"
    );
    assert!(h.state().message().is_some_and(|m| m.is_error));
    request_close(&mut h, 2.0);
    assert!(
        asked_to(&h, &ViewportCommand::CancelClose),
        "the close is cancelled"
    );
    assert!(h.state().asks_before_quitting());
    at(&mut h, 2.1);
    h.get_by_label("Your progress is not saved");
    h.get_by_label("Quit without saving").click();
    one_frame(&mut h, 3.0);
    assert!(asked_to(&h, &ViewportCommand::Close), "quits when told to");
    // The close that follows is not cancelled again.
    request_close(&mut h, 3.1);
    assert!(!asked_to(&h, &ViewportCommand::CancelClose));
}

#[test]
fn closing_with_everything_saved_just_closes() {
    let dir = Scratch::new("saved");
    let mut h = harness(&dir.0.join("data"), 1100.0);
    change_a_status(&mut h, 1.0);
    assert!(!h.state().session().is_unsaved());
    request_close(&mut h, 2.0);
    assert!(!asked_to(&h, &ViewportCommand::CancelClose));
    assert!(!h.state().asks_before_quitting());
}

#[test]
fn a_failed_save_is_retried_every_few_seconds_not_every_frame() {
    let dir = Scratch::new("retry");
    let data = dir.0.join("data");
    std::fs::write(&data, "not a folder").expect("written");
    let mut h = harness(&data, 1100.0);
    change_a_status(&mut h, 10.0);
    assert!(h.state().session().is_unsaved());
    // The folder becomes writable: the next try succeeds, but only when it is due.
    std::fs::remove_file(&data).expect("removed");
    at(&mut h, 11.0);
    at(&mut h, 12.0);
    assert!(
        h.state().session().is_unsaved(),
        "no retry within a few seconds"
    );
    assert!(!data.exists(), "nothing written yet");
    at(&mut h, 10.0 + dars::ui::app::RETRY_SECONDS + 0.5);
    assert!(!h.state().session().is_unsaved(), "saved by the retry");
    assert!(data.join(dars::library::DATABASE_FILE).is_file());
}

#[test]
fn saving_in_another_folder_keeps_the_progress_and_quits() {
    let dir = Scratch::new("elsewhere");
    let data = dir.0.join("data");
    std::fs::write(&data, "not a folder").expect("written");
    let mut h = harness(&data, 1100.0);
    change_a_status(&mut h, 1.0);
    request_close(&mut h, 2.0);
    let elsewhere = dir.0.join("elsewhere");
    let ctx = h.ctx.clone();
    h.state_mut()
        .save_in(&ctx, ProgressStore::in_dir(&elsewhere));
    one_frame(&mut h, 3.0);
    assert!(!h.state().session().is_unsaved());
    let library = dars::library::Library::open_in(&elsewhere)
        .expect("a library in the chosen folder")
        .library;
    let word = h.state().position().word.unwrap_or_default();
    let session = h.state().session();
    let key = session.cards()[session.card_of_token(word).unwrap_or_default()].key();
    let saved = library
        .progress_for(
            &dars::study::document_key(&h.state().doc().text),
            [key.as_str()],
        )
        .expect("read");
    assert_eq!(
        saved.status(&key),
        dars::study::Status::Learning,
        "the change is there"
    );
}

#[test]
fn a_long_error_wraps_inside_the_window_and_can_be_copied() {
    let dir = Scratch::new("banner");
    let width = 600.0;
    let mut h = harness(&dir.0.join("data"), width);
    let long = dir
        .0
        .join("a folder with a long name that goes on and on".repeat(3))
        .join("missing file.txt");
    h.state_mut().open_path(&long);
    at(&mut h, 1.0);
    let text = h
        .state()
        .message()
        .map(|m| m.text.clone())
        .expect("a message");
    assert!(text.contains("missing file.txt"));
    let rect = h.get_by_label(&text).rect();
    assert!(rect.right() <= width && rect.left() >= 0.0, "{rect:?}");
    assert!(rect.height() > 40.0, "wrapped onto several lines: {rect:?}");
    h.get_by_label("Copy").click();
    one_frame(&mut h, 2.0);
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .any(|c| matches!(c, egui::OutputCommand::CopyText(t) if *t == text));
    assert!(copied, "the message is copied");
}
