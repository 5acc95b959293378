//! The app's file dialogs: what each is for (open a text, save an export, save the diagram), asked without blocking the frame and answered in a later one.

use std::path::Path;

use egui::Context;

use super::DarsApp;
use super::texts::JobKind;
use crate::library::texts_from_file;
use crate::ui::file_dialog::{FileDialogs, FileRequest, Picked};

/// What a file dialog was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    /// A text, web page or e-book to add to the library and open.
    Open,
    /// Where to save the cards the export dialog chose.
    Export,
    /// Where to save the relations diagram.
    Diagram,
}

impl DarsApp {
    /// Uses Dars's own file chooser from now on, saying `why` (tests; desktops without a
    /// system dialog find out by themselves on the first request).
    pub fn use_in_app_dialogs(&mut self, why: &str) {
        self.dialogs = FileDialogs::in_app(why);
    }

    /// Whether a file dialog (the system's or Dars's own) is open; the app's shortcuts wait.
    #[must_use]
    pub fn file_dialog_open(&self) -> bool {
        self.dialogs.is_open()
    }

    pub(super) fn choose_file_to_open(&mut self, ctx: &Context) {
        let request = FileRequest::new("Open a text, a web page or an e-book")
            .filter(
                "Texts, web pages and e-books",
                &["txt", "text", "md", "html", "htm", "xhtml", "epub"],
            )
            .filter("All files", &["*"]);
        self.dialogs.open(ctx, FilePurpose::Open, request);
    }

    pub(super) fn choose_export_file(&mut self, ctx: &Context) {
        let format = self.export.format;
        let request = FileRequest::new("Export cards")
            .file_name(&self.export.file_name())
            .filter(format.label(), &[format.extension()]);
        self.dialogs.save(ctx, FilePurpose::Export, request);
    }

    pub(super) fn choose_diagram_file(&mut self, ctx: &Context) {
        let request = FileRequest::new("Export the relations diagram")
            .file_name("relations.png")
            .filter("PNG picture (.png)", &["png"])
            .filter("SVG drawing, editable text (.svg)", &["svg"]);
        self.dialogs.save(ctx, FilePurpose::Diagram, request);
    }

    /// Shows Dars's chooser while it is open, and carries out what a dialog answered.
    pub(super) fn poll_dialogs(&mut self, ctx: &Context) {
        let picked = self.dialogs.poll(ctx, &mut self.typesetter);
        if let Some(notice) = self.dialogs.take_notice() {
            self.info(notice);
        }
        let Some(Picked { purpose, path }) = picked else {
            return;
        };
        match purpose {
            FilePurpose::Open => self.import_in_background(ctx, &path),
            FilePurpose::Export => {
                self.export_to(&path);
            }
            FilePurpose::Diagram => {
                self.export_diagram_to(&path);
            }
        }
    }

    /// Imports a file on a thread; it is added and opened when ready.
    fn import_in_background(&mut self, ctx: &Context, path: &Path) {
        let what = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let path = path.to_path_buf();
        self.start_job(ctx, JobKind::File, what, move || {
            texts_from_file(&path, None)
        });
    }
}
