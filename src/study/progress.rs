//! The learner's saved state for one document: word statuses, reviews, teacher edits, deck settings.
//!
//! One JSON file per document, named by a hash of the document's text, in the platform's data
//! folder (`~/.local/share/dars/progress/` on Linux). Written atomically; a file that cannot be
//! read is renamed aside (`*.corrupt-N`), reported, and never overwritten.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use thiserror::Error;

use super::deck::{Card, DeckFilter};
use super::schedule::{Rating, Review, Schedule};
use crate::atomic_file::write_atomically;

/// The version of the saved file's format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// A word whose interval reaches this many days counts as known.
pub const KNOWN_AFTER_DAYS: u32 = 21;
/// Set this environment variable to keep saved state in another folder (tests, portable use).
pub const DATA_DIR_VAR: &str = "DARS_DATA_DIR";

/// How well the learner knows a word (the reader tints new and learning words).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    New,
    Learning,
    Known,
    /// Not worth studying (a name, a word the learner does not care about).
    Ignored,
}

impl Status {
    /// All statuses, in key order (`1`–`4` in the reader).
    pub const ALL: [Self; 4] = [Self::New, Self::Learning, Self::Known, Self::Ignored];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Learning => "Learning",
            Self::Known => "Known",
            Self::Ignored => "Ignored",
        }
    }
}

/// A teacher's changes to a card; they win over the bundled lexicon.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Edit {
    /// Replaces the lexicon's gloss when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gloss: Option<String>,
    /// A note shown on the card; empty means none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Edit {
    fn is_empty(&self) -> bool {
        self.gloss.is_none() && self.note.is_empty()
    }
}

/// Everything saved about one word, keyed by [`crate::study::word_key`] (lemma and part of
/// speech).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WordProgress {
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    #[serde(skip_serializing_if = "Edit::is_empty")]
    pub edit: Edit,
}

impl WordProgress {
    fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// Per-document settings of the cards panel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StudySettings {
    pub filter: DeckFilter,
    /// Show the vocalized form on the card front.
    pub vocalized: bool,
    /// The key of the card last shown, to come back to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    /// The sentence the reader was at, to reopen the text there.
    pub sentence: usize,
}

impl Default for StudySettings {
    fn default() -> Self {
        Self {
            filter: DeckFilter::default(),
            vocalized: true,
            current: None,
            sentence: 0,
        }
    }
}

/// The saved state of one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    pub format: u32,
    /// Where the document came from, for a person reading the file.
    pub source: String,
    pub words: BTreeMap<String, WordProgress>,
    pub settings: StudySettings,
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            format: FORMAT_VERSION,
            source: String::new(),
            words: BTreeMap::new(),
            settings: StudySettings::default(),
        }
    }
}

impl Progress {
    /// The status of the word with `key` (see [`crate::study::word_key`]); new when never touched.
    #[must_use]
    pub fn status(&self, key: &str) -> Status {
        self.words.get(key).map_or(Status::New, |w| w.status)
    }

    pub fn set_status(&mut self, key: &str, status: Status) {
        self.update(key, |w| w.status = status);
    }

    /// The schedule of `key`, if it was ever rated.
    #[must_use]
    pub fn schedule(&self, key: &str) -> Option<Schedule> {
        self.words.get(key).and_then(|w| w.schedule)
    }

    /// Records an answer at `now` (Unix seconds) and returns the new schedule. A new or ignored
    /// word becomes learning; it becomes known once its interval reaches [`KNOWN_AFTER_DAYS`], and
    /// goes back to learning when forgotten.
    pub fn rate(&mut self, key: &str, rating: Rating, now: u64) -> Schedule {
        let mut next = Schedule::default();
        self.update(key, |w| {
            next = w.schedule.unwrap_or_default().rate(rating, now);
            w.schedule = Some(next);
            w.reviews.push(Review { at: now, rating });
            w.status = if next.interval_days >= KNOWN_AFTER_DAYS {
                Status::Known
            } else {
                Status::Learning
            };
        });
        next
    }

    /// Whether `key` should be reviewed at `now`: rated before and due, or never rated and
    /// neither known nor ignored.
    #[must_use]
    pub fn is_due(&self, key: &str, now: u64) -> bool {
        match self.schedule(key) {
            Some(s) => s.is_due(now) && self.status(key) != Status::Ignored,
            None => matches!(self.status(key), Status::New | Status::Learning),
        }
    }

    /// The cards of `selected` (indices into `cards`) to review at `now`: rated cards that are
    /// due, earliest first, then cards never rated, in the order given.
    #[must_use]
    pub fn review_queue(&self, cards: &[Card], selected: &[usize], now: u64) -> Vec<usize> {
        let due = |&&i: &&usize| cards.get(i).is_some_and(|c| self.is_due(&c.key(), now));
        let mut rated: Vec<(u64, usize)> = selected
            .iter()
            .filter(due)
            .filter_map(|&i| Some((self.schedule(&cards[i].key())?.due, i)))
            .collect();
        rated.sort_by_key(|&(at, _)| at);
        let unrated = selected
            .iter()
            .filter(due)
            .filter(|&&i| self.schedule(&cards[i].key()).is_none())
            .copied();
        rated.into_iter().map(|(_, i)| i).chain(unrated).collect()
    }

    /// The teacher's edit of `key`, if any.
    #[must_use]
    pub fn edit(&self, key: &str) -> Option<&Edit> {
        self.words
            .get(key)
            .map(|w| &w.edit)
            .filter(|e| !e.is_empty())
    }

    /// Sets (or, with an empty edit, removes) the teacher's edit of `key`.
    pub fn set_edit(&mut self, key: &str, edit: Edit) {
        self.update(key, |w| w.edit = edit);
    }

    /// Puts the teacher's edits into `cards` (gloss and note), over the lexicon's values.
    pub fn apply_edits(&self, cards: &mut [Card]) {
        for card in cards {
            if let Some(edit) = self.edit(&card.key()) {
                if let Some(gloss) = &edit.gloss {
                    card.gloss.clone_from(gloss);
                }
                card.note.clone_from(&edit.note);
            }
        }
    }

    fn update(&mut self, key: &str, change: impl FnOnce(&mut WordProgress)) {
        let word = self.words.entry(key.to_owned()).or_default();
        change(word);
        if word.is_default() {
            self.words.remove(key);
        }
    }
}

/// The key saved progress is filed under: the first 128 bits of the SHA-256 of the text, in
/// hex. The same text always gets the same key, wherever the file is.
#[must_use]
pub fn document_key(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .take(16)
        .fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

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
            Ok(bytes) => parse(&bytes).map(Some),
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
        match std::fs::read(&path) {
            Ok(bytes) if parse(&bytes).is_err() => {
                set_aside(&path).map_err(|_| ProgressError::WouldOverwrite {
                    path: path.display().to_string(),
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

fn parse(bytes: &[u8]) -> Result<Progress, String> {
    let progress: Progress = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if progress.format > FORMAT_VERSION {
        return Err(format!(
            "it was written by a newer version of Dars (format {})",
            progress.format
        ));
    }
    Ok(progress)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::schedule::{DAY, RELEARN_DELAY};

    #[test]
    fn the_key_is_stable_and_depends_on_the_text() {
        assert_eq!(document_key("قمة"), document_key("قمة"));
        assert_ne!(document_key("قمة"), document_key("قمه"));
        assert_eq!(document_key("").len(), 32);
        // SHA-256("") starts e3b0c442…: the key must never change between versions.
        assert!(document_key("").starts_with("e3b0c44298fc1c14"));
    }

    #[test]
    fn rating_moves_the_status() {
        let mut p = Progress::default();
        assert_eq!(p.status("قمة"), Status::New);
        p.rate("قمة", Rating::Good, 0);
        assert_eq!(p.status("قمة"), Status::Learning);
        for _ in 0..4 {
            p.rate("قمة", Rating::Good, 0);
        }
        assert_eq!(p.status("قمة"), Status::Known);
        p.rate("قمة", Rating::Again, 0);
        assert_eq!(p.status("قمة"), Status::Learning);
        assert_eq!(p.words["قمة"].reviews.len(), 6);
    }

    #[test]
    fn untouched_words_are_not_stored() {
        let mut p = Progress::default();
        p.set_status("قمة", Status::Known);
        p.set_status("قمة", Status::New);
        p.set_edit("قمة", Edit::default());
        assert!(p.words.is_empty());
    }

    #[test]
    fn edits_win_over_the_lexicon() {
        let mut p = Progress::default();
        p.set_edit(
            "قمة",
            Edit {
                gloss: Some("summit meeting".into()),
                note: "also: peak".into(),
            },
        );
        let mut cards = vec![Card {
            lemma: "قمة".into(),
            gloss: "summit".into(),
            ..Card::default()
        }];
        p.apply_edits(&mut cards);
        assert_eq!(cards[0].gloss, "summit meeting");
        assert_eq!(cards[0].note, "also: peak");
    }

    #[test]
    fn the_queue_puts_due_cards_first_and_skips_known_ones() {
        let card = |l: &str| Card {
            lemma: l.into(),
            ..Card::default()
        };
        let cards = vec![card("a"), card("b"), card("c"), card("d")];
        let mut p = Progress::default();
        p.rate("c", Rating::Again, 0);
        p.set_status("d", Status::Known);
        p.rate("b", Rating::Good, 0);
        let all = [0, 1, 2, 3];
        assert_eq!(p.review_queue(&cards, &all, 0), vec![0]);
        assert_eq!(p.review_queue(&cards, &all, RELEARN_DELAY), vec![2, 0]);
        assert_eq!(p.review_queue(&cards, &all, DAY), vec![2, 1, 0]);
    }
}
