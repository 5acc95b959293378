//! The app's side of exporting: the export dialog's counts, the save dialog, and writing the file.

use std::path::{Path, PathBuf};

use egui::Context;

use super::DarsApp;
use crate::export::{ExportOptions, Format, export_to_file};
use crate::study::{Card, count_cards, select_cards};
use crate::ui::export_dialog::Counts;
use crate::ui::panel::Command;

impl DarsApp {
    /// The export dialog, when open; returns what its buttons ask for.
    pub(super) fn export_dialog_ui(&mut self, ctx: &Context) -> Vec<Command> {
        // Counting the ticked cards walks the deck: only while the dialog is open.
        if !self.export.open {
            return Vec::new();
        }
        let session = &self.text.session;
        let [all, filtered, ticked] = count_cards(
            session.cards(),
            session.progress(),
            &session.study_settings().filter,
            &self.panels.cards.ticked,
        );
        let counts = Counts {
            all,
            filtered,
            ticked,
        };
        let scope = self.text.session.scope();
        self.export.ui(ctx, counts, scope, &mut self.typesetter)
    }

    /// The cards the export dialog's choice takes, with the teacher's edits.
    #[must_use]
    pub fn cards_to_export(&self) -> Vec<Card> {
        let session = &self.text.session;
        select_cards(
            session.cards(),
            session.progress(),
            &session.study_settings().filter,
            self.export.which,
            &self.panels.cards.ticked,
        )
    }

    /// Exports the cards the dialog chose to `path` (its format's extension is added when the
    /// name has none), as the dialog's Save button does after the save dialog. The message
    /// says where the file went, or why it did not. Returns the path written.
    pub fn export_to(&mut self, path: &Path) -> Option<PathBuf> {
        let format = self.export.format;
        let path = with_extension(path, format);
        let cards = self.cards_to_export();
        let options = ExportOptions::now(self.export.deck.trim(), self.text.doc.source.clone());
        match export_to_file(&cards, format, &options, &path) {
            Ok(()) => {
                self.info(format!(
                    "Exported {} card{} ({}) to {}",
                    cards.len(),
                    if cards.len() == 1 { "" } else { "s" },
                    format.extension(),
                    path.display()
                ));
                self.export.open = false;
                Some(path)
            }
            Err(e) => {
                self.error(e.to_string());
                None
            }
        }
    }
}

fn with_extension(path: &Path, format: Format) -> PathBuf {
    if path.extension().is_some() {
        path.to_path_buf()
    } else {
        path.with_extension(format.extension())
    }
}
