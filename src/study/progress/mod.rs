//! The learner's saved state for one document: word statuses, schedules, quiz answers, teacher edits, settings.
//!
//! One JSON file per document, named by a hash of the document's text, in the platform's data
//! folder (`~/.local/share/dars/progress/` on Linux); [`store`] reads and writes it, and
//! [`migrate`] reads the files of older versions.

pub mod migrate;
pub mod store;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::deck::{Card, DeckFilter};
use super::quiz::AnswerRecord;
use super::schedule::{
    DEFAULT_RETENTION, Rating, Review, ReviewSource, Schedule, usable_retention,
};
pub use super::status::Status;
pub use store::{Loaded, ProgressError, ProgressStore, apply_saved_edits};

/// The version of the saved file's format this build writes. Version 1 scheduled with SM-2;
/// version 2 with FSRS (older files are converted when read, see [`migrate`]).
pub const FORMAT_VERSION: u32 = 2;
/// A word whose interval reaches this many days counts as known.
pub const KNOWN_AFTER_DAYS: u32 = 21;
/// Set this environment variable to keep saved state in another folder (tests, portable use).
pub const DATA_DIR_VAR: &str = "DARS_DATA_DIR";

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
/// speech). Read through [`migrate::SavedWord`], which also understands older files.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "migrate::SavedWord")]
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

/// Per-document settings of the cards panel and the scheduler.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// The chance of still recalling a word when it comes up again: FSRS schedules for it
    /// (0.9 by default; higher means more reviews). Cards and quiz share it.
    pub desired_retention: f32,
    /// Where the user dragged the relations diagram's nodes (entity id → position in the
    /// diagram's whole points); the other nodes are laid out around them.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub diagram: BTreeMap<String, [i32; 2]>,
}

impl Default for StudySettings {
    fn default() -> Self {
        Self {
            filter: DeckFilter::default(),
            vocalized: true,
            current: None,
            sentence: 0,
            desired_retention: DEFAULT_RETENTION,
            diagram: BTreeMap::new(),
        }
    }
}

/// The saved state of one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    pub format: u32,
    /// Where the document came from, for a person reading the file.
    pub source: String,
    pub words: BTreeMap<String, WordProgress>,
    pub settings: StudySettings,
    /// Every quiz answer, oldest first (words' answers also count in their schedule).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quiz: Vec<AnswerRecord>,
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            format: FORMAT_VERSION,
            source: String::new(),
            words: BTreeMap::new(),
            settings: StudySettings::default(),
            quiz: Vec::new(),
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

    /// When `key` is next due (Unix seconds), if it was ever answered.
    #[must_use]
    pub fn due(&self, key: &str) -> Option<u64> {
        self.schedule(key).map(|s| s.due)
    }

    /// Records a card rating at `now` (Unix seconds) and returns the new schedule.
    pub fn rate(&mut self, key: &str, rating: Rating, now: u64) -> Schedule {
        self.rate_from(key, rating, now, ReviewSource::Card)
    }

    /// Records an answer from `source` at `now` and returns the new schedule. A new or ignored
    /// word becomes learning; it becomes known once its interval reaches [`KNOWN_AFTER_DAYS`],
    /// and goes back to learning when forgotten.
    pub fn rate_from(
        &mut self,
        key: &str,
        rating: Rating,
        now: u64,
        source: ReviewSource,
    ) -> Schedule {
        let retention = usable_retention(self.settings.desired_retention);
        let mut next = Schedule::after(None, rating, now, retention);
        self.update(key, |w| {
            next = Schedule::after(w.schedule.as_ref(), rating, now, retention);
            w.schedule = Some(next);
            w.reviews.push(Review {
                at: now,
                rating,
                source,
            });
            w.status = if next.interval_days() >= KNOWN_AFTER_DAYS {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::schedule::{DAY, RELEARN_DELAY};

    /// Rates `key` `Good` each time it comes due, `times` times; returns when it is next due.
    fn good_when_due(p: &mut Progress, key: &str, times: usize) -> u64 {
        let mut at = 0;
        for _ in 0..times {
            at = p.rate(key, Rating::Good, at).due;
        }
        at
    }

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
        good_when_due(&mut p, "قمة", 1);
        assert_eq!(p.status("قمة"), Status::Learning);
        // FSRS's default parameters reach three weeks on the fourth good answer.
        let due = good_when_due(&mut p, "قمة", 3);
        assert_eq!(p.status("قمة"), Status::Known);
        p.rate("قمة", Rating::Again, due);
        assert_eq!(p.status("قمة"), Status::Learning);
        assert_eq!(p.words["قمة"].reviews.len(), 5);
        assert_eq!(p.schedule("قمة").map(|s| s.lapses), Some(1));
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
        // A new word answered Good comes back in two days (FSRS's first interval, 2.3 days).
        assert_eq!(p.review_queue(&cards, &all, DAY), vec![2, 0]);
        assert_eq!(p.review_queue(&cards, &all, 2 * DAY), vec![2, 1, 0]);
    }
}
