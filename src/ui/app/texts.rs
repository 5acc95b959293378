//! Which text is open: choosing it at start, opening one from the library or a file, bringing texts in (on a thread for files and web pages), saving progress.

use std::path::Path;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::Context;

use super::DarsApp;
use crate::analysis::Document;
use crate::import::{ImportError, text_from_file_bytes};
use crate::library::{
    Library, Prepared, Scope, Source, SourceKind, TextId, prepare, text_from_paste, texts_from_file,
};
use crate::study::Session;
use crate::ui::panels::Panels;

/// What a background import is bringing in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum JobKind {
    File,
    Web,
}

/// A file or web page being imported on a thread (reading, fetching and analysing take a
/// while); the texts are added on the window's thread when it is done.
pub(super) struct Job {
    pub kind: JobKind,
    /// What is being imported, for the status bar ("news.html").
    pub what: String,
    receiver: Receiver<Result<Prepared, ImportError>>,
}

impl DarsApp {
    /// At start: `file` (added to the library), else the text read last, else the bundled
    /// article.
    pub(super) fn open_at_start(&mut self, file: Option<&Path>) {
        if let Some(path) = file {
            self.open_path(path);
            if !self.text.doc.text.is_empty() {
                return;
            }
        }
        let last = self
            .library
            .as_ref()
            .map(crate::library::Library::last_opened);
        match last {
            Some(Ok(Some(id))) => self.open_text_id(id),
            Some(Err(e)) => {
                self.error(e.to_string());
                self.set_document(Document::bundled());
            }
            _ => self.set_document(Document::bundled()),
        }
        if self.text.doc.text.is_empty() {
            self.set_document(Document::bundled());
        }
    }

    /// Opens a file (a text, a saved web page, an e-book: each chapter is added) and adds it
    /// to the library; on failure the current text stays and a message says why.
    pub fn open_path(&mut self, path: &Path) {
        match texts_from_file(path, None) {
            Ok(prepared) => self.add_and_open(prepared),
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Opens a text given whole (`source` names it); it joins the library.
    pub fn open_text(&mut self, source: &str, text: String) {
        self.set_document(Document::new(source, text));
    }

    /// Opens dropped bytes (when the platform gives contents instead of a path).
    pub fn open_bytes(&mut self, name: &str, bytes: &[u8]) {
        match text_from_file_bytes(name, bytes) {
            Ok(imported) => {
                let source = Source::new(SourceKind::File, name);
                let text = prepare(imported, source, None);
                self.add_and_open(Prepared {
                    texts: vec![text],
                    notices: Vec::new(),
                });
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Opens the library's text `id`.
    pub fn open_text_id(&mut self, id: TextId) {
        let Some(library) = &self.library else {
            return;
        };
        match library.document(id) {
            Ok(doc) => self.set_document(doc),
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Adds a pasted text to the library and opens it. Returns why not, for the editor.
    ///
    /// # Errors
    /// The text has no Arabic, or the library cannot be written.
    pub fn add_pasted(&mut self, title: &str, text: &str) -> Result<(), String> {
        let text = text_from_paste(title, text).map_err(|e| e.to_string())?;
        self.add_and_open(Prepared {
            texts: vec![text],
            notices: Vec::new(),
        });
        Ok(())
    }

    /// Adds texts to the library (all or none) and opens the first; the message says what
    /// was added and how it was read. Without a library the first text is only opened.
    pub(super) fn add_and_open(&mut self, prepared: Prepared) {
        let Prepared { texts, notices } = prepared;
        let Some(library) = self.library.clone() else {
            if let Some(text) = texts.into_iter().next() {
                self.set_document(Document::new(text.source.document_source(), text.text));
            }
            return;
        };
        let added = match library.add(&texts) {
            Ok(added) => added,
            Err(e) => {
                self.error(e.to_string());
                return;
            }
        };
        let Some(first) = added.first().cloned() else {
            return;
        };
        self.open_text_id(first.id);
        let new = added.iter().filter(|a| !a.was_there).count();
        let mut message = match (added.len(), new) {
            (1, 0) => format!("“{}” is in the library already: opened it.", first.title),
            (1, _) => format!("Added “{}” to the library.", first.title),
            (n, 0) => format!("These {n} texts are in the library already: opened the first."),
            (n, new) => {
                format!("Added {new} of {n} texts (chapters) to the library; opened the first.")
            }
        };
        for notice in notices {
            message.push(' ');
            message.push_str(&notice);
        }
        self.info(message);
        self.refresh_library_list();
    }

    /// Starts importing in the background; `import` runs on a thread.
    pub(super) fn start_job(
        &mut self,
        ctx: &Context,
        kind: JobKind,
        what: String,
        import: impl FnOnce() -> Result<Prepared, ImportError> + Send + 'static,
    ) {
        if self.job.is_some() {
            self.error("Another import is still running: wait for it, then try again.".to_owned());
            return;
        }
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // The window may have closed meanwhile: nobody to tell, nothing lost.
            let _ = sender.send(import());
            ctx.request_repaint();
        });
        self.job = Some(Job {
            kind,
            what,
            receiver,
        });
        self.web.busy = kind == JobKind::Web;
    }

    /// Adds what a finished import brought, or says why it failed.
    pub(super) fn poll_job(&mut self) {
        let Some(job) = self.job.take() else {
            return;
        };
        let outcome = match job.receiver.try_recv() {
            Err(TryRecvError::Empty) => {
                self.job = Some(job);
                return;
            }
            Ok(outcome) => outcome.map_err(|e| e.to_string()),
            Err(TryRecvError::Disconnected) => {
                Err(format!("Importing {} stopped unexpectedly.", job.what))
            }
        };
        self.web.busy = false;
        match outcome {
            Ok(prepared) => {
                if job.kind == JobKind::Web {
                    self.web.open = false;
                    self.web.url.clear();
                }
                self.add_and_open(prepared);
            }
            Err(e) => {
                if job.kind == JobKind::Web {
                    self.web.error = Some(e.clone());
                }
                self.error(e);
            }
        }
    }

    /// Whether an import is running, and what it brings in (for the status bar).
    #[must_use]
    pub fn importing(&self) -> Option<&str> {
        self.job.as_ref().map(|j| j.what.as_str())
    }

    pub(super) fn set_document(&mut self, doc: Document) {
        self.save_progress();
        self.text.analysis = super::user_words::analyze_with_words(&doc, &self.user_words);
        self.text.doc = doc;
        self.panels = Panels::default();
        self.message = None;
        self.open_session();
    }

    /// Loads the document's saved progress, and puts the reader back where it was.
    pub(super) fn open_session(&mut self) {
        let text = &mut self.text;
        let opened = Session::open(self.library.clone(), &text.doc, &text.analysis);
        text.session = opened.session;
        if let Some(problem) = opened.problem {
            self.error(problem);
        }
        if self.settings.deck_scope != Scope::ThisText
            && let Err(e) = self.text.session.set_scope(self.settings.deck_scope)
        {
            self.error(e.to_string());
        }
        let sentence = self.text.session.study_settings().sentence;
        let reader = &mut self.panels.reader;
        reader.position.go_to_sentence(&self.text.doc, sentence);
        reader.follow_current();
        self.refresh_library_list();
    }

    /// The deck takes its cards from `scope` from now on (this text, the ticked texts, the
    /// whole library).
    pub fn set_scope(&mut self, scope: Scope) {
        self.settings.deck_scope = scope;
        if let Err(e) = self.text.session.set_scope(scope) {
            self.error(e.to_string());
        }
    }

    /// Saves progress if it changed; a failure is said in the message bar, and the progress
    /// stays in memory for the next try. Returns whether everything is saved.
    pub fn save_progress(&mut self) -> bool {
        let sentence = self.panels.reader.position.sentence;
        let session = &mut self.text.session;
        session.change_settings(|s| s.sentence = sentence);
        if !session.is_unsaved() {
            return true;
        }
        let saved = if session.is_in_library() {
            session.save()
        } else if let Some(dir) = self.data_dir.clone() {
            // The library could not be opened at start: try again, and keep it if it opens.
            Library::open_in(&dir).and_then(|opened| {
                self.text
                    .session
                    .save_to(opened.library.clone(), &self.text.doc)?;
                self.library = Some(opened.library);
                Ok(())
            })
        } else {
            // No data folder at all: nothing is ever saved.
            session.save()
        };
        match saved {
            Ok(()) => {
                // The library's bars follow the statuses.
                if self.library_window.open {
                    self.refresh_library_list();
                }
                true
            }
            Err(e) => {
                self.save_failed(e.to_string());
                self.error(e.to_string());
                false
            }
        }
    }

    pub(super) fn dropped_files_ui(&mut self, ctx: &Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        for file in dropped {
            let path = file.path().to_path_buf();
            if path.as_os_str().is_empty() {
                match file.bytes() {
                    Ok(bytes) => self.open_bytes("dropped file", &bytes),
                    Err(e) => self.error(format!("Could not read the dropped file: {e}")),
                }
            } else {
                let what = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                self.start_job(ctx, JobKind::File, what, move || {
                    texts_from_file(&path, None)
                });
            }
        }
    }
}
