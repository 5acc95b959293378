//! The learner's library: texts, words known once for every text, reviews, quiz answers and per-text settings, in one SQLite database.
//!
//! The database is `library.sqlite3` in the data folder (`$DARS_DATA_DIR`, else the
//! platform's: `~/.local/share/dars/` on Linux). It is opened in WAL mode with a busy
//! timeout, so a second Dars (or `dars library add`) on the same folder waits its turn
//! instead of corrupting it; every change is one transaction, so a crash keeps every
//! committed change and nothing half-written. [`schema`] migrates older databases;
//! [`legacy`] brings in what older versions saved as JSON files, once, leaving them where
//! they are as a backup.

mod bring_in;
mod forms;
mod legacy;
mod schema;
mod scope;
mod texts;
mod words;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode};
use thiserror::Error;

use crate::study::ProgressStore;
use crate::study::progress::DATA_DIR_VAR;

pub use bring_in::{
    Prepared, prepare, text_from_paste, texts_from_file, texts_from_stdin, texts_from_url,
};
pub use forms::WordForms;
pub use scope::{Scope, deck_of_texts, export_deck, scope_cards};
pub use texts::{Added, NewText, Source, SourceKind, TextId, TextSummary, WordCounts};
pub use words::{Changes, TextWords};

/// The database's file name in the data folder.
pub const DATABASE_FILE: &str = "library.sqlite3";
/// How long a write waits for another Dars that holds the database.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Why the library could not be opened, read or written. Each says what the person can do.
#[derive(Debug, Error)]
pub enum LibraryError {
    #[error(
        "Could not find a folder for Dars's library (no home folder?). Set {DATA_DIR_VAR} to a folder Dars may write to."
    )]
    NoDataDir,
    #[error(
        "Could not open the library {path}: {reason}. Check that the folder exists and that you may write to it."
    )]
    Open { path: String, reason: String },
    #[error(
        "The library {path} was written by a newer Dars (schema {found}; this one knows up to {known}). Use the newer Dars, or set {DATA_DIR_VAR} to another folder."
    )]
    Newer {
        path: String,
        found: i64,
        known: i64,
    },
    #[error(
        "The library {path} is busy: another Dars has been writing to it for {} seconds. Close the other Dars (or wait for it) and try again.", BUSY_TIMEOUT.as_secs()
    )]
    Busy { path: String },
    #[error("The library {path} could not be read or written: {reason}.")]
    Sql { path: String, reason: String },
    #[error("There is no text {id} in the library (`dars library list` shows their numbers).")]
    NoSuchText { id: TextId },
    #[error("The bundled article always stays in the library: it cannot be removed.")]
    Bundled,
    #[error("A text needs a title: type at least one letter.")]
    EmptyTitle,
    #[error("There is no text to add: {0}")]
    NothingToAdd(String),
}

/// The library in a data folder: a handle shared by the window, the open text's session and
/// the commands (cheap to clone; one connection, used by one thread at a time).
#[derive(Clone)]
pub struct Library {
    path: PathBuf,
    conn: Arc<Mutex<Connection>>,
}

/// A library as it was opened, with what the person should be told once (old progress
/// brought in, a damaged database kept aside).
pub struct OpenedLibrary {
    pub library: Library,
    pub notices: Vec<String>,
}

impl Library {
    /// The library in the platform's data folder, or in `$DARS_DATA_DIR` when it is set.
    ///
    /// # Errors
    /// No data folder, or the database cannot be opened (see [`Library::open_in`]).
    pub fn platform() -> Result<OpenedLibrary, LibraryError> {
        let store = ProgressStore::platform().map_err(|_| LibraryError::NoDataDir)?;
        Self::open_in(store.dir())
    }

    /// The library in `dir`, created (with the bundled article in it) when there is none,
    /// migrated when an older Dars made it. The first time, progress saved as JSON files by
    /// older versions is brought in; the files stay where they are. A file there that is no
    /// database is renamed aside (`library.sqlite3.corrupt-N`) and a fresh library started.
    ///
    /// # Errors
    /// The folder cannot be made or written, the database is busy for too long, or a newer
    /// Dars wrote it.
    pub fn open_in(dir: &Path) -> Result<OpenedLibrary, LibraryError> {
        let path = dir.join(DATABASE_FILE);
        let open_error = |reason: String| LibraryError::Open {
            path: path.display().to_string(),
            reason,
        };
        std::fs::create_dir_all(dir).map_err(|e| open_error(e.to_string()))?;
        let mut notices = Vec::new();
        let mut conn = match connect_and_migrate(&path) {
            Ok(conn) => conn,
            Err(e) if is_damaged(&e) => {
                let aside = set_aside(&path).map_err(|e| open_error(e.to_string()))?;
                notices.push(format!(
                    "The library could not be read ({e}); it was kept as {} and a new one was started.",
                    aside.display()
                ));
                connect_and_migrate(&path).map_err(|e| error_at(&path, e))?
            }
            Err(e) => return Err(error_at(&path, e)),
        };
        let found = schema::version(&conn).map_err(|e| error_at(&path, e))?;
        if found > schema::LATEST {
            return Err(LibraryError::Newer {
                path: path.display().to_string(),
                found,
                known: schema::LATEST,
            });
        }
        let imported = legacy::import_once(&mut conn, dir).map_err(|e| error_at(&path, e))?;
        notices.extend(imported.notices);
        let library = Self {
            path,
            conn: Arc::new(Mutex::new(conn)),
        };
        library.ensure_bundled()?;
        for (key, file) in imported.files {
            library.bring_back(&key, &file)?;
        }
        Ok(OpenedLibrary { library, notices })
    }

    /// The database file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Adds a document older versions saved progress for, when its file is still there and
    /// unchanged (its settings, kept by key, come with it); else leaves it out quietly.
    fn bring_back(&self, key: &str, file: &Path) -> Result<(), LibraryError> {
        let Ok(text) = crate::analysis::load_text(file) else {
            return Ok(());
        };
        if crate::study::document_key(&text) != key {
            return Ok(());
        }
        let doc = crate::analysis::Document::new(file.display().to_string(), text);
        let words = TextWords::of(&doc, &crate::analysis::analyze(&doc));
        self.add(&[NewText {
            title: crate::import::title_from_text(&doc.text),
            text: doc.text,
            source: Source::new(SourceKind::File, file.display().to_string()),
            words,
        }])
        .map(|_| ())
    }

    /// Runs `f` on the connection; its errors become sentences naming the database.
    fn with<R>(
        &self,
        f: impl FnOnce(&mut Connection) -> rusqlite::Result<R>,
    ) -> Result<R, LibraryError> {
        // A panic while the lock was held left no transaction open (rusqlite rolls back on
        // drop), so the connection is still good.
        let mut conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut conn).map_err(|e| error_at(&self.path, e))
    }
}

/// Opens the database, sets it up for several processes, and brings its schema up to date.
fn connect_and_migrate(path: &Path) -> rusqlite::Result<Connection> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // WAL: readers never block the writer, and a killed writer leaves the committed
    // transactions in the log. NORMAL syncs at checkpoints: safe against a crash of Dars,
    // which is what matters here (a power cut may lose the last few changes, never the file).
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    schema::migrate(&mut conn)?;
    Ok(conn)
}

/// Whether the file is no SQLite database at all (or a damaged one).
fn is_damaged(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
    )
}

fn error_at(path: &Path, e: rusqlite::Error) -> LibraryError {
    let path = path.display().to_string();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => LibraryError::Busy { path },
        _ => LibraryError::Sql {
            path,
            reason: e.to_string(),
        },
    }
}

/// Renames a damaged database (and its log) to the first free `*.corrupt-N`.
fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let name = path.file_name().map_or_else(
        || DATABASE_FILE.into(),
        |n| n.to_string_lossy().into_owned(),
    );
    for n in 1..1000 {
        let aside = path.with_file_name(format!("{name}.corrupt-{n}"));
        if !aside.exists() {
            std::fs::rename(path, &aside)?;
            for log in ["-wal", "-shm"] {
                let from = path.with_file_name(format!("{name}{log}"));
                if from.exists() {
                    std::fs::rename(
                        &from,
                        aside.with_file_name(format!("{name}.corrupt-{n}{log}")),
                    )?;
                }
            }
            return Ok(aside);
        }
    }
    Err(std::io::Error::other(
        "too many damaged libraries set aside already",
    ))
}
