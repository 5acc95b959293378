//! File dialogs that never freeze the window and work on every desktop: the system's dialog on a thread, or Dars's own chooser when none answers.
//!
//! The app asks with [`FileDialogs::open`] or [`FileDialogs::save`] and calls
//! [`FileDialogs::poll`] every frame; the chosen path comes back from `poll` with the
//! purpose it was asked for. On Linux the system dialog is the xdg-desktop-portal's (or
//! zenity's, which rfd falls back to); a plain X session often has neither, and rfd then
//! returns nothing, exactly as if the person had cancelled. So before showing it, Dars asks
//! D-Bus whether a portal file chooser answers, and otherwise shows its own chooser
//! ([`Chooser`]) with a notice saying why.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::Context;

mod chooser;
mod portal;

use crate::render::Typesetter;
pub use chooser::{Chooser, ChooserEvent};

/// Open an existing file, or choose where to save one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    Open,
    Save,
}

/// A group of extensions the dialog offers ("Texts": txt, html, epub).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub name: String,
    pub extensions: Vec<String>,
}

/// What a dialog asks for: its title, the kinds of file, and where it starts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileRequest {
    pub title: String,
    pub filters: Vec<Filter>,
    /// The name a save dialog suggests.
    pub file_name: Option<String>,
    /// The folder the dialog opens in (the home folder when `None`).
    pub folder: Option<PathBuf>,
}

impl FileRequest {
    #[must_use]
    pub fn new(title: &str) -> Self {
        Self {
            title: title.to_owned(),
            ..Self::default()
        }
    }

    #[must_use]
    pub fn filter(mut self, name: &str, extensions: &[&str]) -> Self {
        self.filters.push(Filter {
            name: name.to_owned(),
            extensions: extensions.iter().map(|e| (*e).to_owned()).collect(),
        });
        self
    }

    #[must_use]
    pub fn file_name(mut self, name: &str) -> Self {
        self.file_name = Some(name.to_owned());
        self
    }

    #[must_use]
    pub fn folder(mut self, folder: PathBuf) -> Self {
        self.folder = Some(folder);
        self
    }
}

/// A path the person chose, with what the app asked it for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picked<P> {
    pub purpose: P,
    pub path: PathBuf,
}

/// Which dialog is used: decided on the first request, then kept for the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    /// Not asked yet: the first request tries the system's dialog.
    Unknown,
    System,
    /// Dars's own chooser, with the reason the system's is not used.
    InApp(String),
}

/// What the system dialog's thread reports.
enum Outcome {
    Picked(PathBuf),
    Cancelled,
    Unavailable(String),
}

struct Waiting<P> {
    purpose: P,
    kind: DialogKind,
    request: FileRequest,
    outcome: Receiver<Outcome>,
}

/// The app's file dialogs: at most one open at a time.
pub struct FileDialogs<P> {
    backend: Backend,
    waiting: Option<Waiting<P>>,
    chooser: Option<(P, Chooser)>,
    notice: Option<String>,
}

impl<P> Default for FileDialogs<P> {
    fn default() -> Self {
        Self {
            backend: Backend::Unknown,
            waiting: None,
            chooser: None,
            notice: None,
        }
    }
}

impl<P: Send + 'static> FileDialogs<P> {
    /// Dialogs that always use Dars's own chooser (tests, or a setting), saying `why`.
    #[must_use]
    pub fn in_app(why: &str) -> Self {
        Self {
            backend: Backend::InApp(why.to_owned()),
            ..Self::default()
        }
    }

    /// Which dialog is in use.
    #[must_use]
    pub fn backend(&self) -> &Backend {
        &self.backend
    }

    /// Whether a dialog is open (the app may want to hold its own shortcuts meanwhile).
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.waiting.is_some() || self.chooser.is_some()
    }

    /// Asks for an existing file. Ignored while another dialog is open.
    pub fn open(&mut self, ctx: &Context, purpose: P, request: FileRequest) {
        self.start(ctx, purpose, DialogKind::Open, request);
    }

    /// Asks where to save a file. Ignored while another dialog is open.
    pub fn save(&mut self, ctx: &Context, purpose: P, request: FileRequest) {
        self.start(ctx, purpose, DialogKind::Save, request);
    }

    /// A sentence for the status bar, once: why Dars's own chooser is shown.
    pub fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    fn start(&mut self, ctx: &Context, purpose: P, kind: DialogKind, request: FileRequest) {
        if self.is_open() {
            return;
        }
        match &self.backend {
            Backend::InApp(_) => self.chooser = Some((purpose, Chooser::new(kind, request))),
            Backend::Unknown | Backend::System => {
                let outcome = system_dialog(ctx, kind, &request);
                self.waiting = Some(Waiting {
                    purpose,
                    kind,
                    request,
                    outcome,
                });
            }
        }
    }

    /// Shows Dars's own chooser for a request the system could not answer, from now on.
    fn fall_back(&mut self, waiting: Waiting<P>, why: String) {
        self.notice = Some(format!("{why}: using Dars's own file chooser."));
        self.backend = Backend::InApp(why);
        let chooser = Chooser::new(waiting.kind, waiting.request);
        self.chooser = Some((waiting.purpose, chooser));
    }

    /// Called every frame: shows Dars's chooser when it is open, and returns the path once
    /// the person has chosen one. Cancelling returns nothing and closes the dialog.
    pub fn poll(&mut self, ctx: &Context, typesetter: &mut Typesetter) -> Option<Picked<P>> {
        if let Some(waiting) = self.waiting.take() {
            match waiting.outcome.try_recv() {
                Err(TryRecvError::Empty) => self.waiting = Some(waiting),
                Ok(Outcome::Picked(path)) => {
                    self.backend = Backend::System;
                    return Some(Picked {
                        purpose: waiting.purpose,
                        path,
                    });
                }
                Ok(Outcome::Cancelled) => self.backend = Backend::System,
                Ok(Outcome::Unavailable(why)) => self.fall_back(waiting, why),
                Err(TryRecvError::Disconnected) => {
                    let why = "The system's file dialog stopped unexpectedly".to_owned();
                    self.fall_back(waiting, why);
                }
            }
        }
        let (purpose, mut chooser) = self.chooser.take()?;
        let why = match &self.backend {
            Backend::InApp(why) => why.as_str(),
            _ => "",
        };
        match chooser.ui(ctx, typesetter, why) {
            ChooserEvent::Chosen(path) => Some(Picked { purpose, path }),
            ChooserEvent::Cancelled => None,
            ChooserEvent::Open => {
                self.chooser = Some((purpose, chooser));
                None
            }
        }
    }
}

/// Starts the system's dialog on a thread; its answer arrives on the returned channel and
/// wakes the window. The dialog's future is made here, on the window's thread, because
/// macOS shows dialogs from the main thread only; it only runs once the thread polls it.
fn system_dialog(ctx: &Context, kind: DialogKind, request: &FileRequest) -> Receiver<Outcome> {
    let mut dialog = rfd::AsyncFileDialog::new().set_title(&request.title);
    for filter in &request.filters {
        dialog = dialog.add_filter(&filter.name, &filter.extensions);
    }
    if let Some(folder) = &request.folder {
        dialog = dialog.set_directory(folder);
    }
    if let Some(name) = &request.file_name {
        dialog = dialog.set_file_name(name);
    }
    let chosen: std::pin::Pin<Box<dyn Future<Output = Option<rfd::FileHandle>> + Send>> = match kind
    {
        DialogKind::Open => Box::pin(dialog.pick_file()),
        DialogKind::Save => Box::pin(dialog.save_file()),
    };
    let (sender, receiver) = channel();
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let outcome = match portal::system_dialog_answers() {
            Err(why) => Outcome::Unavailable(why),
            Ok(()) => match pollster::block_on(chosen) {
                Some(file) => Outcome::Picked(file.path().to_owned()),
                None => Outcome::Cancelled,
            },
        };
        // The window may have closed meanwhile: nobody to tell, nothing lost.
        let _ = sender.send(outcome);
        ctx.request_repaint();
    });
    receiver
}
