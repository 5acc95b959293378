//! The app's windows over the panels — the library, a pasted text, a web page's address, the dictionaries — and what they ask for.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::Context;

use super::DarsApp;
use super::texts::JobKind;
use crate::dictionary::{Dictionaries, DictionaryError};
use crate::import::FetchOptions;
use crate::library::texts_from_url;
use crate::ui::library_window::LibraryCommand;

/// The installed dictionaries: none looked for, being loaded on a thread, or loaded.
pub enum OfflineDictionaries {
    None,
    Loading(Receiver<(Dictionaries, Vec<DictionaryError>)>),
    Ready(Dictionaries, Vec<DictionaryError>),
}

impl OfflineDictionaries {
    /// Starts loading the dictionaries of `folders` on a thread (indexes are read whole).
    #[must_use]
    pub fn load(folders: Vec<PathBuf>) -> Self {
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let _ = sender.send(Dictionaries::load(&folders));
        });
        Self::Loading(receiver)
    }

    /// The dictionaries, once loaded.
    #[must_use]
    pub fn ready(&self) -> Option<&Dictionaries> {
        match self {
            Self::Ready(found, _) => Some(found),
            _ => None,
        }
    }

    fn poll(&mut self) {
        if let Self::Loading(receiver) = self {
            *self = match receiver.try_recv() {
                Ok((found, errors)) => Self::Ready(found, errors),
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => Self::Ready(Dictionaries::default(), Vec::new()),
            };
        }
    }
}

impl DarsApp {
    /// Loads the dictionaries of `folders` now, replacing any (tests, and a setting to come).
    pub fn load_dictionaries(&mut self, folders: &[PathBuf]) {
        let (found, errors) = Dictionaries::load(folders);
        self.offline = OfflineDictionaries::Ready(found, errors);
    }

    /// What runs beside the frame: dictionaries loading, an import finishing.
    pub(super) fn poll_background(&mut self, ctx: &Context) {
        self.offline.poll();
        self.poll_job();
        if self.job.is_some() || matches!(self.offline, OfflineDictionaries::Loading(_)) {
            // The threads wake the window when done; this keeps the spinner turning.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// `Ctrl+L`: shows the library (with fresh counts), or hides it.
    pub(super) fn toggle_library(&mut self) {
        if self.library_window.open {
            self.library_window.close();
            return;
        }
        if self.library.is_none() {
            self.error("There is no library: Dars found no folder to keep it in (see the message at start).".to_owned());
            return;
        }
        self.library_window.open = true;
        self.library_window.selected = self.text.session.text_id();
        self.refresh_library_list();
    }

    /// Reads the library's list again for the window (after anything changed it).
    pub(super) fn refresh_library_list(&mut self) {
        let Some(library) = &self.library else {
            return;
        };
        match library.texts() {
            Ok(texts) => self.library_window.set_texts(texts),
            Err(e) => self.error(e.to_string()),
        }
    }

    /// The windows over the panels, and what they ask for.
    pub(super) fn windows_ui(&mut self, ctx: &Context) {
        let now = crate::study::unix_now();
        let current = self.text.session.text_id();
        for command in self
            .library_window
            .ui(ctx, &mut self.typesetter, current, now)
        {
            self.apply_library_command(ctx, command);
        }
        if let Some((title, text)) = self.paste.ui(ctx, &mut self.typesetter) {
            match self.add_pasted(&title, &text) {
                Ok(()) => self.paste.open = false,
                Err(e) => self.paste.error = Some(e),
            }
        }
        if let Some(url) = self.web.ui(ctx, &mut self.typesetter) {
            self.import_url(ctx, url);
        }
        let offline = match &self.offline {
            super::OfflineDictionaries::Ready(found, errors) => Some((found, errors.as_slice())),
            _ => None,
        };
        if let Some(sites) = self
            .dictionary_settings
            .ui(ctx, &mut self.typesetter, offline)
        {
            self.settings.lookup_sites = sites;
        }
    }

    /// Fetches a web page's article on a thread; it is added and opened when ready.
    pub fn import_url(&mut self, ctx: &Context, url: String) {
        let what = url.clone();
        self.start_job(ctx, JobKind::Web, what, move || {
            texts_from_url(&url, &FetchOptions::default(), None)
        });
    }

    fn apply_library_command(&mut self, ctx: &Context, command: LibraryCommand) {
        let Some(library) = self.library.clone() else {
            return;
        };
        let done = match command {
            LibraryCommand::Open(id) => {
                self.library_window.close();
                if Some(id) != self.text.session.text_id() {
                    self.open_text_id(id);
                }
                Ok(())
            }
            LibraryCommand::Rename(id, title) => library.rename(id, &title),
            LibraryCommand::Remove(id) => {
                let removed = library.remove(id);
                if removed.is_ok() && Some(id) == self.text.session.text_id() {
                    // The text read is gone: the reader goes to the bundled article.
                    self.open_at_start(None);
                }
                removed
            }
            LibraryCommand::Tick(id, ticked) => {
                let done = library.set_ticked(id, ticked);
                if done.is_ok() && self.settings.deck_scope == crate::library::Scope::TickedTexts {
                    self.set_scope(self.settings.deck_scope);
                }
                done
            }
            LibraryCommand::Act(action) => {
                self.apply(ctx, action);
                Ok(())
            }
        };
        if let Err(e) = done {
            self.error(e.to_string());
        }
        self.refresh_library_list();
    }

    /// Settings → Dictionaries…
    pub(super) fn open_dictionary_settings(&mut self) {
        self.dictionary_settings.start(&self.settings.lookup_sites);
    }
}
