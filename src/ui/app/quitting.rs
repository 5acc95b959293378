//! Saving progress when it cannot be saved: retrying every few seconds, and asking before quitting so nothing is lost silently.

use std::time::Duration;

use egui::{Context, ViewportCommand};

use super::DarsApp;
use crate::library::Library;
use crate::study::ProgressStore;

/// Seconds between tries after a save failed (every frame would hammer the disk).
pub const RETRY_SECONDS: f64 = 5.0;

/// The state of saving after a failure.
#[derive(Default)]
pub(super) struct Saving {
    /// When the last try failed (egui's clock, in seconds).
    failed_at: Option<f64>,
    /// Why it failed, for the question asked before quitting.
    reason: Option<String>,
    /// The window asked to close while progress was unsaved: the question is shown.
    asking: bool,
    /// The user chose to quit without saving.
    quit_anyway: bool,
}

impl DarsApp {
    /// Saves unsaved progress now, or after a failure every [`RETRY_SECONDS`] (a repaint is
    /// asked for then, so retries go on while the window is idle).
    pub(super) fn save_when_due(&mut self, ctx: &Context) {
        if !self.text.session.is_unsaved() {
            self.saving.failed_at = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        if let Some(failed) = self.saving.failed_at
            && now - failed < RETRY_SECONDS
        {
            ctx.request_repaint_after(Duration::from_secs_f64(RETRY_SECONDS - (now - failed)));
            return;
        }
        if self.save_progress() {
            self.saving.failed_at = None;
            self.saving.reason = None;
        } else {
            self.saving.failed_at = Some(now);
            ctx.request_repaint_after(Duration::from_secs_f64(RETRY_SECONDS));
        }
    }

    /// The window was asked to close (`Ctrl+Q`, the close button): one more try at saving,
    /// and if it fails the close is cancelled and the user asked what to do.
    pub(super) fn close_requested_ui(&mut self, ctx: &Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        if self.saving.quit_anyway || !self.text.session.is_unsaved() || self.save_progress() {
            return;
        }
        ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        self.saving.asking = true;
    }

    /// Records a failed save (called by `save_progress`).
    pub(super) fn save_failed(&mut self, reason: String) {
        self.saving.reason = Some(reason);
    }

    /// True while the question before quitting is shown.
    #[must_use]
    pub fn asks_before_quitting(&self) -> bool {
        self.saving.asking
    }

    /// The question before quitting with unsaved progress: save in another folder, export
    /// the cards, quit anyway, or go back.
    pub(super) fn quit_question_ui(&mut self, ctx: &Context) {
        if !self.saving.asking {
            return;
        }
        let reason = self.saving.reason.clone().unwrap_or_default();
        egui::Modal::new(egui::Id::unique("unsaved progress")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading("Your progress is not saved");
            ui.add(egui::Label::new(reason).wrap());
            ui.label(
                "Save it in another folder, export your cards, or quit and lose the changes \
                 since the last save.",
            );
            ui.horizontal(|ui| {
                if ui.button("Save in another folder…").clicked()
                    && let Some(folder) = rfd::FileDialog::new()
                        .set_title("A folder for your progress")
                        .pick_folder()
                {
                    self.save_in(ctx, ProgressStore::in_dir(folder));
                }
                if ui.button("Export cards…").clicked() {
                    self.saving.asking = false;
                    self.export.open = true;
                }
                if ui.button("Quit without saving").clicked() {
                    self.quit_without_saving(ctx);
                }
                if ui.button("Cancel").clicked() {
                    self.saving.asking = false;
                }
            });
        });
    }

    /// Saves from now on in a library in `store`'s folder (the folder the user chose); quits
    /// when that worked.
    pub fn save_in(&mut self, ctx: &Context, store: ProgressStore) {
        let saved = Library::open_in(store.dir()).and_then(|opened| {
            let library = opened.library;
            self.text
                .session
                .save_to(library.clone(), &self.text.doc)
                .map(|()| library)
        });
        match saved {
            Ok(library) => {
                self.library = Some(library);
                self.data_dir = Some(store.dir().to_path_buf());
                self.saving = Saving::default();
                self.message = None;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Err(e) => self.saving.reason = Some(e.to_string()),
        }
    }

    /// Quits, leaving the unsaved changes.
    pub fn quit_without_saving(&mut self, ctx: &Context) {
        self.saving.asking = false;
        self.saving.quit_anyway = true;
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }
}
