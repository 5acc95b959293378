//! Where progress files live: reading them (older formats converted), writing them atomically, setting unreadable ones aside.
//!
//! A file that cannot be read is renamed aside (`*.corrupt-N`), reported, and never
//! overwritten. A file an older Dars wrote is copied once to `*.sm2-backup` before the first
//! save replaces it with the current format.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use thiserror::Error;

use super::{DATA_DIR_VAR, FORMAT_VERSION, Progress, document_key};
use crate::atomic_file::write_atomically;
use crate::study::deck::Card;

/// Why progress could not be found or saved.
#[derive(Debug, Error)]
pub enum ProgressError {
    #[error(
        "Could not find a folder for saved progress (no home folder?). Set {DATA_DIR_VAR} to a folder Dars may write to."
    )]
    NoDataDir,
    #[error(
        "Could not save progress to {path}: {reason}. Check that the folder exists and that you may write to it."
    )]
    Write { path: String, reason: String },
    #[error(
        "Did not save progress: {path} could not be read and could not be moved aside, so it was left as it is. Move or delete it to save progress again."
    )]
    WouldOverwrite { path: String },
    #[error(
        "Did not save progress: {path} was written by an older Dars and could not be backed up first ({reason}). Check that you may write to its folder."
    )]
    NoBackup { path: String, reason: String },
}

/// Saved progress as it was loaded, with a message for the user when something was wrong.
#[derive(Debug)]
pub struct Loaded {
    pub progress: Progress,
    /// Set when the saved file was unusable: say it to the user (the app goes on regardless).
    pub problem: Option<String>,
}

/// Where progress files live.
#[derive(Clone, Debug)]
pub struct ProgressStore {
    dir: PathBuf,
}

impl ProgressStore {
    /// The platform's data folder for Dars (or `$DARS_DATA_DIR` when set).
    ///
    /// # Errors
    /// When the platform has no data folder for this user.
    pub fn platform() -> Result<Self, ProgressError> {
        if let Some(dir) = std::env::var_os(DATA_DIR_VAR).filter(|d| !d.is_empty()) {
            return Ok(Self::in_dir(dir));
        }
        directories::ProjectDirs::from("", "", "dars")
            .map(|dirs| Self::in_dir(dirs.data_dir()))
            .ok_or(ProgressError::NoDataDir)
    }

    /// A store in `dir` (its `progress/` subfolder is created on the first save). Temporary
    /// files a crash left there while saving are removed once they are old.
    #[must_use]
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        let store = Self { dir: dir.into() };
        crate::atomic_file::remove_stale_temps_in(&store.dir.join("progress"), SystemTime::now());
        store
    }

    /// The data folder: saved progress (`progress/`), the library, the learner's words.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of the document with key `key` (see [`document_key`]).
    #[must_use]
    pub fn path_for(&self, key: &str) -> PathBuf {
        self.dir.join("progress").join(format!("{key}.json"))
    }

    /// The saved progress of a document, or fresh progress when there is none. A file that
    /// cannot be read or understood is renamed to `*.corrupt-N` and reported in
    /// [`Loaded::problem`].
    #[must_use]
    pub fn load(&self, key: &str) -> Loaded {
        let path = self.path_for(key);
        let reason = match self.read(key) {
            Ok(progress) => {
                return Loaded {
                    progress: progress.unwrap_or_default(),
                    problem: None,
                };
            }
            Err(reason) => reason,
        };
        let problem = match set_aside(&path) {
            Ok(aside) => format!(
                "Your saved progress for this text could not be read ({reason}). It was kept as {} and Dars started with fresh progress.",
                aside.display()
            ),
            Err(e) => format!(
                "Your saved progress for this text could not be read ({reason}) nor moved aside ({e}). Dars started with fresh progress and will not save over {}; move or delete that file to save again.",
                path.display()
            ),
        };
        fresh(Some(problem))
    }

    /// The saved progress of a document, touching nothing: `None` when there is none. For
    /// tools that only look (the `export` command); the app uses [`Self::load`].
    ///
    /// # Errors
    /// Why the file could not be read or understood.
    pub fn read(&self, key: &str) -> Result<Option<Progress>, String> {
        match std::fs::read(self.path_for(key)) {
            Err(e) if nothing_there(&e) => Ok(None),
            Err(e) => Err(e.to_string()),
            Ok(bytes) => parse(&bytes).map(|(progress, _)| Some(progress)),
        }
    }

    /// Saves a document's progress atomically: a crash never leaves a half-written file.
    ///
    /// # Errors
    /// When the folder cannot be created or written, or when the file there cannot be read and
    /// cannot be moved aside (it is never overwritten).
    pub fn save(&self, key: &str, progress: &Progress) -> Result<(), ProgressError> {
        let path = self.path_for(key);
        let write_error = |e: std::io::Error| ProgressError::Write {
            path: path.display().to_string(),
            reason: e.to_string(),
        };
        match std::fs::read(&path).map(|bytes| parse(&bytes)) {
            Ok(Err(_)) => {
                set_aside(&path).map_err(|_| ProgressError::WouldOverwrite {
                    path: path.display().to_string(),
                })?;
            }
            Ok(Ok((_, written_in))) if written_in < FORMAT_VERSION => {
                back_up(&path).map_err(|e| ProgressError::NoBackup {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                })?;
            }
            Err(e) if !nothing_there(&e) => {
                return Err(ProgressError::WouldOverwrite {
                    path: path.display().to_string(),
                });
            }
            _ => {}
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(write_error)?;
        }
        let mut json = serde_json::to_vec_pretty(progress).map_err(|e| ProgressError::Write {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        json.push(b'\n');
        write_atomically(&path, &json).map_err(write_error)
    }
}

/// Puts the teacher's saved edits of `text`'s document into `cards`, reading the saved
/// progress without changing anything. Returns a warning when the saved file is unreadable
/// (the cards then keep the lexicon's values).
pub fn apply_saved_edits(text: &str, cards: &mut [Card]) -> Option<String> {
    let store = ProgressStore::platform().ok()?;
    let key = document_key(text);
    match store.read(&key) {
        Ok(Some(progress)) => {
            progress.apply_edits(cards);
            None
        }
        Ok(None) => None,
        Err(reason) => Some(format!(
            "your saved edits were left out: {} could not be read ({reason}). Open the text in Dars to set that file aside.",
            store.path_for(&key).display()
        )),
    }
}

/// Whether a read failed because there is no file (nor folder for it): no progress yet.
fn nothing_there(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
    )
}

fn fresh(problem: Option<String>) -> Loaded {
    Loaded {
        progress: Progress::default(),
        problem,
    }
}

/// The progress in a saved file, in this build's format, and the format the file was in.
fn parse(bytes: &[u8]) -> Result<(Progress, u32), String> {
    let mut progress: Progress = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let written_in = progress.format;
    if written_in > FORMAT_VERSION {
        return Err(format!(
            "it was written by a newer version of Dars (format {written_in})"
        ));
    }
    // Read means converted (see `migrate`): saved again, it is in this build's format.
    progress.format = FORMAT_VERSION;
    Ok((progress, written_in))
}

/// Where a file of an older format is kept before it is first saved over.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "progress".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!("{name}.sm2-backup"))
}

/// Copies `path` to its backup, unless a backup is there already (it is kept once: the
/// first, oldest one).
fn back_up(path: &Path) -> std::io::Result<()> {
    let backup = backup_path(path);
    if backup.exists() {
        return Ok(());
    }
    let bytes = std::fs::read(path)?;
    write_atomically(&backup, &bytes)
}

/// Renames `path` to the first free `path.corrupt-N`, and returns that name.
fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let name = path
        .file_name()
        .map_or_else(|| "progress".into(), |n| n.to_string_lossy().into_owned());
    for n in 1..1000 {
        let aside = path.with_file_name(format!("{name}.corrupt-{n}"));
        if !aside.exists() {
            std::fs::rename(path, &aside)?;
            return Ok(aside);
        }
    }
    Err(std::io::Error::other("too many files set aside already"))
}
