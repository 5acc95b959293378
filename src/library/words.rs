//! Words known once for every text: reading a text's progress, writing changes in one transaction, and keeping each text's counts of known words in step.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{OptionalExtension as _, Transaction, TransactionBehavior, params};

use super::{Library, LibraryError, TextId};
use crate::analysis::{Analysis, Document};
use crate::arabic::tokenize::TokenKind;
use crate::study::quiz::AnswerRecord;
use crate::study::vocabulary::cards_of_tokens;
use crate::study::{
    Card, Edit, Progress, Rating, Review, ReviewSource, Schedule, Status, StudySettings,
    WordProgress, deck_from_analysis,
};

/// A text's running words: how many there are, and how many times each word (a card's key)
/// occurs. What the library's bars are counted from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextWords {
    /// Every Arabic word of the text, each time it occurs.
    pub running: usize,
    /// Occurrences per word that has a card; the others count as new.
    pub by_word: BTreeMap<String, usize>,
}

impl TextWords {
    /// Counts the words of an analysed text.
    #[must_use]
    pub fn of(doc: &Document, analysis: &Analysis) -> Self {
        let cards = deck_from_analysis(doc, analysis);
        let by_key: HashMap<String, usize> = cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.key(), i))
            .collect();
        Self::from_cards(doc, &cards, &cards_of_tokens(doc, analysis, &by_key))
    }

    /// Counts the words of a text whose deck and token cards are known already.
    #[must_use]
    pub fn from_cards(doc: &Document, cards: &[Card], card_of_token: &[Option<usize>]) -> Self {
        let mut words = Self::default();
        for (t, token) in doc.tokens.iter().enumerate() {
            if token.kind != TokenKind::Word {
                continue;
            }
            words.running += 1;
            if let Some(card) = card_of_token
                .get(t)
                .copied()
                .flatten()
                .and_then(|c| cards.get(c))
            {
                *words.by_word.entry(card.key()).or_default() += 1;
            }
        }
        words
    }
}

/// What changed in a session since it was last saved: written in one transaction.
#[derive(Debug, Default)]
pub struct Changes<'a> {
    /// Words whose status, schedule or edit changed: their progress now (`None`: untouched,
    /// as if never marked) and their card, kept to study them from other texts.
    pub words: Vec<(&'a str, Option<&'a WordProgress>, Option<&'a Card>)>,
    /// Answers given since the last save, oldest first.
    pub reviews: &'a [(String, Review)],
    pub answers: &'a [AnswerRecord],
    /// The text's settings, when they changed.
    pub settings: Option<&'a StudySettings>,
}

impl Changes<'_> {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
            && self.reviews.is_empty()
            && self.answers.is_empty()
            && self.settings.is_none()
    }
}

impl Library {
    /// The saved progress of the text whose body hashes to `doc_key`, for the words `words`:
    /// their statuses, schedules, answers and edits (from every text), the text's settings
    /// and its quiz answers.
    ///
    /// # Errors
    /// The database cannot be read.
    pub fn progress_for<'k>(
        &self,
        doc_key: &str,
        words: impl IntoIterator<Item = &'k str>,
    ) -> Result<Progress, LibraryError> {
        self.with(|conn| {
            let mut progress = Progress::default();
            let settings: Option<String> = conn
                .query_row(
                    "SELECT settings FROM texts WHERE key = ?1
                     UNION ALL SELECT settings FROM kept_settings WHERE key = ?1 LIMIT 1",
                    [doc_key],
                    |r| r.get(0),
                )
                .optional()?;
            // Settings a newer or hand-edited database spells differently fall back to defaults.
            progress.settings = settings
                .and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or_default();
            let mut answers = conn.prepare_cached(
                "SELECT record FROM quiz_answers WHERE text_key = ?1 ORDER BY at, id",
            )?;
            progress.quiz = answers
                .query_map([doc_key], |r| r.get::<_, String>(0))?
                .filter_map(|r| r.ok().and_then(|s| serde_json::from_str(&s).ok()))
                .collect();
            let mut word = conn.prepare_cached(
                "SELECT status, due, last_review, stability, difficulty, reps, lapses, gloss, note
                 FROM words WHERE key = ?1",
            )?;
            let mut reviews = conn.prepare_cached(
                "SELECT at, rating, source FROM reviews WHERE word = ?1 ORDER BY at, id",
            )?;
            for key in words {
                let Some(mut saved) = word.query_row([key], read_word).optional()? else {
                    continue;
                };
                saved.reviews = reviews
                    .query_map([key], |r| {
                        Ok(Review {
                            at: u64::try_from(r.get::<_, i64>(0)?).unwrap_or(0),
                            rating: rating_from_code(&r.get::<_, String>(1)?),
                            source: if r.get::<_, String>(2)? == "quiz" {
                                ReviewSource::Quiz
                            } else {
                                ReviewSource::Card
                            },
                        })
                    })?
                    .collect::<rusqlite::Result<_>>()?;
                progress.words.insert(key.to_owned(), saved);
            }
            Ok(progress)
        })
    }

    /// Writes a session's changes to the text whose body hashes to `doc_key`, all or none.
    /// Every text's counts of known and learning words follow the words' new statuses.
    ///
    /// # Errors
    /// The database cannot be written; then nothing was.
    pub fn save_changes(&self, doc_key: &str, changes: &Changes<'_>) -> Result<(), LibraryError> {
        if changes.is_empty() {
            return Ok(());
        }
        self.with(|conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            for &(key, word, card) in &changes.words {
                write_word(&tx, key, word, card)?;
            }
            for (key, review) in changes.reviews {
                tx.prepare_cached(
                    "INSERT INTO reviews (word, at, rating, source) VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![
                    key,
                    i64::try_from(review.at).unwrap_or(i64::MAX),
                    rating_code(review.rating),
                    if review.source == ReviewSource::Quiz {
                        "quiz"
                    } else {
                        "card"
                    },
                ])?;
            }
            for answer in changes.answers {
                let record = serde_json::to_string(answer)
                    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
                tx.prepare_cached(
                    "INSERT INTO quiz_answers (text_key, at, record) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![
                    doc_key,
                    i64::try_from(answer.at).unwrap_or(i64::MAX),
                    record
                ])?;
            }
            if let Some(settings) = changes.settings {
                write_settings(&tx, doc_key, settings)?;
            }
            tx.commit()
        })
    }

    /// Counts a text's words again when its analysis changed (a newer lexicon, a reading
    /// chosen): the library's bars follow what the reader shows.
    ///
    /// # Errors
    /// The database cannot be written.
    pub fn refresh_words(&self, id: TextId, words: &TextWords) -> Result<(), LibraryError> {
        self.with(|conn| {
            let stored: BTreeMap<String, usize> = conn
                .prepare_cached("SELECT word, count FROM text_words WHERE text_id = ?1")?
                .query_map([id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        usize::try_from(r.get::<_, i64>(1)?).unwrap_or(0),
                    ))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let running: Option<i64> = conn
                .query_row("SELECT running_words FROM texts WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            let same_running = running.and_then(|r| usize::try_from(r).ok()) == Some(words.running);
            if stored == words.by_word && same_running {
                return Ok(());
            }
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute("DELETE FROM text_words WHERE text_id = ?1", [id])?;
            tx.execute(
                "UPDATE texts SET running_words = ?2 WHERE id = ?1",
                params![id, i64::try_from(words.running).unwrap_or(i64::MAX)],
            )?;
            write_text_words(&tx, id, words)?;
            recount(&tx, id)?;
            tx.commit()
        })
    }

    /// Keeps `cards` for the words marked before their card was kept (by older versions), so
    /// a deck over the whole library can show them.
    ///
    /// # Errors
    /// The database cannot be written.
    pub fn keep_cards(&self, cards: &[Card]) -> Result<(), LibraryError> {
        self.with(|conn| {
            let missing: Vec<String> = conn
                .prepare_cached("SELECT key FROM words WHERE card IS NULL")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if missing.is_empty() {
                return Ok(());
            }
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            for card in cards.iter().filter(|c| missing.contains(&c.key())) {
                let json = serde_json::to_string(card)
                    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
                tx.execute(
                    "UPDATE words SET card = ?2 WHERE key = ?1 AND card IS NULL",
                    params![card.key(), json],
                )?;
            }
            tx.commit()
        })
    }

    /// Every word the learner has marked or answered, with its progress and last card (the
    /// cards of a deck over the whole library).
    ///
    /// # Errors
    /// The database cannot be read.
    pub fn marked_words(&self) -> Result<Vec<(String, Card)>, LibraryError> {
        self.with(|conn| {
            let mut query = conn.prepare_cached(
                "SELECT key, card FROM words WHERE card IS NOT NULL ORDER BY key",
            )?;
            let rows =
                query.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            Ok(rows
                .filter_map(Result::ok)
                .filter_map(|(key, card)| Some((key, serde_json::from_str(&card).ok()?)))
                .collect())
        })
    }
}

fn read_word(r: &rusqlite::Row<'_>) -> rusqlite::Result<WordProgress> {
    let due: Option<i64> = r.get(1)?;
    let time = |v: i64| u64::try_from(v).unwrap_or(0);
    let schedule = match due {
        Some(due) => Some(Schedule {
            due: time(due),
            last_review: time(r.get::<_, Option<i64>>(2)?.unwrap_or(0)),
            stability: r.get::<_, Option<f64>>(3)?.unwrap_or(1.0) as f32,
            difficulty: r.get::<_, Option<f64>>(4)?.unwrap_or(5.0) as f32,
            reps: u32::try_from(r.get::<_, Option<i64>>(5)?.unwrap_or(0)).unwrap_or(0),
            lapses: u32::try_from(r.get::<_, Option<i64>>(6)?.unwrap_or(0)).unwrap_or(0),
        }),
        None => None,
    };
    Ok(WordProgress {
        status: status_from_code(&r.get::<_, String>(0)?),
        schedule,
        reviews: Vec::new(),
        edit: Edit {
            gloss: r.get(7)?,
            note: r.get(8)?,
        },
    })
}

/// Writes one word's progress (or removes a word back to untouched), and moves the word
/// counts of every text it occurs in when its status changes class.
fn write_word(
    tx: &Transaction<'_>,
    key: &str,
    word: Option<&WordProgress>,
    card: Option<&Card>,
) -> rusqlite::Result<()> {
    let old: Option<String> = tx
        .prepare_cached("SELECT status FROM words WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    let old = old.map_or(Status::New, |s| status_from_code(&s));
    let untouched = word.is_none_or(|w| {
        w.status == Status::New && w.schedule.is_none() && w.edit == Edit::default()
    });
    let new = match word {
        Some(w) if !untouched => {
            let s = w.schedule;
            let card = card
                .map(serde_json::to_string)
                .transpose()
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
            tx.prepare_cached(
                "INSERT INTO words (key, status, due, last_review, stability, difficulty, reps, lapses, gloss, note, card)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (key) DO UPDATE SET status = ?2, due = ?3, last_review = ?4,
                   stability = ?5, difficulty = ?6, reps = ?7, lapses = ?8, gloss = ?9, note = ?10,
                   card = COALESCE(?11, card)",
            )?
            .execute(params![
                key,
                status_code(w.status),
                s.map(|s| i64::try_from(s.due).unwrap_or(i64::MAX)),
                s.map(|s| i64::try_from(s.last_review).unwrap_or(i64::MAX)),
                s.map(|s| f64::from(s.stability)),
                s.map(|s| f64::from(s.difficulty)),
                s.map(|s| s.reps),
                s.map(|s| s.lapses),
                w.edit.gloss,
                w.edit.note,
                card,
            ])?;
            w.status
        }
        _ => {
            tx.prepare_cached("DELETE FROM words WHERE key = ?1")?
                .execute([key])?;
            Status::New
        }
    };
    let (known, learning) = (class(new).0 - class(old).0, class(new).1 - class(old).1);
    if (known, learning) != (0, 0) {
        tx.prepare_cached(
            "UPDATE texts SET known_words = known_words + ?2 * tw.count,
                              learning_words = learning_words + ?3 * tw.count
             FROM text_words AS tw WHERE tw.word = ?1 AND texts.id = tw.text_id",
        )?
        .execute(params![key, known, learning])?;
    }
    Ok(())
}

/// Which bar a status counts in: (known or ignored, learning).
fn class(status: Status) -> (i64, i64) {
    match status {
        Status::Known | Status::Ignored => (1, 0),
        Status::Learning => (0, 1),
        Status::New => (0, 0),
    }
}

fn write_settings(
    tx: &Transaction<'_>,
    doc_key: &str,
    settings: &StudySettings,
) -> rusqlite::Result<()> {
    let json = serde_json::to_string(settings)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let changed = tx
        .prepare_cached("UPDATE texts SET settings = ?2 WHERE key = ?1")?
        .execute(params![doc_key, json])?;
    if changed == 0 {
        tx.prepare_cached(
            "INSERT INTO kept_settings (key, source, settings) VALUES (?1, '', ?2)
             ON CONFLICT (key) DO UPDATE SET settings = ?2",
        )?
        .execute(params![doc_key, json])?;
    }
    Ok(())
}

/// Stores a text's word counts (inside the transaction that adds or refreshes it).
pub(super) fn write_text_words(
    tx: &Transaction<'_>,
    id: TextId,
    words: &TextWords,
) -> rusqlite::Result<()> {
    let mut insert =
        tx.prepare_cached("INSERT INTO text_words (text_id, word, count) VALUES (?1, ?2, ?3)")?;
    for (word, count) in &words.by_word {
        insert.execute(params![id, word, i64::try_from(*count).unwrap_or(i64::MAX)])?;
    }
    Ok(())
}

/// Counts a text's known and learning running words from scratch.
pub(super) fn recount(tx: &Transaction<'_>, id: TextId) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE texts SET
           known_words = (SELECT coalesce(sum(tw.count), 0) FROM text_words tw JOIN words w ON w.key = tw.word
                          WHERE tw.text_id = ?1 AND w.status IN ('known', 'ignored')),
           learning_words = (SELECT coalesce(sum(tw.count), 0) FROM text_words tw JOIN words w ON w.key = tw.word
                             WHERE tw.text_id = ?1 AND w.status = 'learning')
         WHERE id = ?1",
    )?
    .execute([id])?;
    Ok(())
}

pub(super) fn status_code(status: Status) -> &'static str {
    match status {
        Status::New => "new",
        Status::Learning => "learning",
        Status::Known => "known",
        Status::Ignored => "ignored",
    }
}

fn status_from_code(code: &str) -> Status {
    Status::ALL
        .into_iter()
        .find(|&s| status_code(s) == code)
        .unwrap_or_default()
}

pub(super) fn rating_code(rating: Rating) -> &'static str {
    match rating {
        Rating::Again => "again",
        Rating::Hard => "hard",
        Rating::Good => "good",
        Rating::Easy => "easy",
    }
}

fn rating_from_code(code: &str) -> Rating {
    Rating::ALL
        .into_iter()
        .find(|&r| rating_code(r) == code)
        .unwrap_or(Rating::Good)
}
