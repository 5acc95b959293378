//! What the window and tests can ask of the app: the open text, the panels, which has the keys, the settings.

use super::{DarsApp, Message, Settings};
use crate::analysis::{Analysis, Document};
use crate::study::Session;
use crate::ui::export_dialog::ExportDialog;
use crate::ui::navigation::Position;
use crate::ui::panels::{Panel, Panels};

impl DarsApp {
    /// The document being read.
    #[must_use]
    pub fn doc(&self) -> &Document {
        &self.text.doc
    }

    /// Its analysis.
    #[must_use]
    pub fn analysis(&self) -> &Analysis {
        &self.text.analysis
    }

    /// The learner's session on it (deck, statuses, ratings, edits).
    #[must_use]
    pub fn session(&self) -> &Session {
        &self.text.session
    }

    /// The panels' states.
    #[must_use]
    pub fn panels(&self) -> &Panels {
        &self.panels
    }

    /// The panel the keys act on.
    #[must_use]
    pub fn active(&self) -> Panel {
        self.active
    }

    /// Whether `panel` is open (the reader always is; a side panel may be open but behind a tab).
    #[must_use]
    pub fn is_open(&self, panel: Panel) -> bool {
        self.settings.panels.is_open(panel)
    }

    /// Whether `panel` was on screen in the last frame (a side panel may be open but behind a
    /// tab, or take the reader's place in a narrow window).
    #[must_use]
    pub fn shows(&self, panel: Panel) -> bool {
        self.is_open(panel) && self.layout.shows(panel)
    }

    /// The settings remembered between runs.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The message bar's message, if any.
    #[must_use]
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// The export dialog's choices.
    #[must_use]
    pub fn export_dialog(&self) -> &ExportDialog {
        &self.export
    }

    /// The export dialog's choices, to change them as the dialog would.
    pub fn export_dialog_mut(&mut self) -> &mut ExportDialog {
        &mut self.export
    }

    /// The place in the text.
    #[must_use]
    pub fn position(&self) -> Position {
        self.panels.reader.position
    }
}
