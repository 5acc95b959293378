//! Brings what older versions saved as JSON into the library, once: per-document progress (`progress/*.json`) and the learner's words (`user_words.json`).
//!
//! Words become global: a word saved in several documents keeps its most recent schedule
//! and status, every answer, and any edit. Each document's settings and quiz answers are
//! kept by its key; a document whose file is still where it was (and unchanged) comes back
//! into the library with them. The JSON files are read, never changed: they stay as a backup.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension as _, Transaction, TransactionBehavior, params};
use serde::Deserialize;

use super::words::{rating_code, status_code};
use crate::analysis::document::BUNDLED_SOURCE;
use crate::study::{Progress, ProgressStore, Status, WordProgress, unix_now};

/// The `meta` row that says the JSON files were brought in (and when).
const IMPORTED: &str = "json_progress_imported";
/// The learner's words file written by older versions, beside `progress/`.
pub const USER_WORDS_FILE: &str = "user_words.json";

/// `user_words.json` as the analysis saved it: by the word's matching form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SavedUserWords {
    meanings: BTreeMap<String, String>,
    readings: BTreeMap<String, String>,
}

/// What was brought in: sentences for the person, and the files of documents to add back.
pub struct Imported {
    pub notices: Vec<String>,
    pub files: Vec<(String, PathBuf)>,
}

/// Brings the JSON files of `dir` in, unless that was done before. Unreadable files are
/// skipped and named in a notice; the rest is one transaction.
pub fn import_once(conn: &mut Connection, dir: &Path) -> rusqlite::Result<Imported> {
    let mut out = Imported {
        notices: Vec::new(),
        files: Vec::new(),
    };
    let done: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE name = ?1", [IMPORTED], |r| {
            r.get(0)
        })
        .optional()?;
    if done.is_some() {
        return Ok(out);
    }
    let (documents, mut unreadable) = read_progress_files(dir);
    let user_words = match std::fs::read(dir.join(USER_WORDS_FILE)) {
        Ok(bytes) => serde_json::from_slice::<SavedUserWords>(&bytes).unwrap_or_else(|e| {
            unreadable.push(format!("{USER_WORDS_FILE} ({e})"));
            SavedUserWords::default()
        }),
        Err(_) => SavedUserWords::default(),
    };
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another Dars may have brought them in while this one waited for the lock.
    if tx
        .query_row("SELECT 1 FROM meta WHERE name = ?1", [IMPORTED], |_| Ok(()))
        .optional()?
        .is_some()
    {
        return Ok(out);
    }
    let mut words: BTreeMap<String, WordProgress> = BTreeMap::new();
    for (key, progress) in &documents {
        for (word, saved) in &progress.words {
            let merged = match words.remove(word) {
                Some(before) => merge(before, saved.clone()),
                None => saved.clone(),
            };
            words.insert(word.clone(), merged);
        }
        write_document(&tx, key, progress)?;
        if progress.source != BUNDLED_SOURCE && !progress.source.is_empty() {
            out.files
                .push((key.clone(), PathBuf::from(&progress.source)));
        }
    }
    for (key, word) in &words {
        write_imported_word(&tx, key, word)?;
    }
    for (form, meaning) in &user_words.meanings {
        tx.execute(
            "INSERT INTO word_forms (form, meaning) VALUES (?1, ?2)
             ON CONFLICT (form) DO UPDATE SET meaning = ?2",
            params![form, meaning],
        )?;
    }
    for (form, reading) in &user_words.readings {
        tx.execute(
            "INSERT INTO word_forms (form, reading) VALUES (?1, ?2)
             ON CONFLICT (form) DO UPDATE SET reading = ?2",
            params![form, reading],
        )?;
    }
    tx.execute(
        "INSERT INTO meta (name, value) VALUES (?1, ?2)",
        params![IMPORTED, unix_now().to_string()],
    )?;
    tx.commit()?;
    if !documents.is_empty() || !user_words.meanings.is_empty() || !user_words.readings.is_empty() {
        out.notices.push(format!(
            "Your saved progress ({} text{}, {} word{}) is now in the library, known in every text. The old files stay in {} as a backup.",
            documents.len(),
            if documents.len() == 1 { "" } else { "s" },
            words.len(),
            if words.len() == 1 { "" } else { "s" },
            dir.display()
        ));
    }
    if !unreadable.is_empty() {
        out.notices.push(format!(
            "Some saved progress could not be read and was left out (the files are unchanged): {}.",
            unreadable.join("; ")
        ));
    }
    Ok(out)
}

/// Every `progress/*.json` file, read and converted to this version's format.
fn read_progress_files(dir: &Path) -> (Vec<(String, Progress)>, Vec<String>) {
    let store = ProgressStore::in_dir(dir);
    let mut documents = Vec::new();
    let mut unreadable = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir.join("progress")) else {
        return (documents, unreadable);
    };
    let mut keys: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_owned()))
        .collect();
    keys.sort();
    for key in keys {
        match store.read(&key) {
            Ok(Some(progress)) => documents.push((key, progress)),
            Ok(None) => {}
            Err(reason) => {
                unreadable.push(format!("{} ({reason})", store.path_for(&key).display()))
            }
        }
    }
    (documents, unreadable)
}

/// One word saved in two documents: the most recent schedule and the status that goes with
/// it, every answer once, and the edit of either.
fn merge(a: WordProgress, b: WordProgress) -> WordProgress {
    let last = |w: &WordProgress| w.schedule.map_or(0, |s| s.last_review);
    let rank = |s: Status| match s {
        Status::New => 0,
        Status::Learning => 1,
        Status::Known => 2,
        Status::Ignored => 3,
    };
    let (newer, older) =
        if last(&b) > last(&a) || (last(&a) == last(&b) && rank(b.status) > rank(a.status)) {
            (b, a)
        } else {
            (a, b)
        };
    let mut reviews = newer.reviews.clone();
    for review in older.reviews {
        if !reviews.contains(&review) {
            reviews.push(review);
        }
    }
    reviews.sort_by_key(|r| r.at);
    let mut edit = newer.edit.clone();
    if edit.gloss.is_none() {
        edit.gloss = older.edit.gloss;
    }
    if edit.note.is_empty() {
        edit.note = older.edit.note;
    }
    WordProgress {
        status: newer.status,
        schedule: newer.schedule.or(older.schedule),
        reviews,
        edit,
    }
}

/// A document's settings (kept by its key until the text is in the library) and its quiz answers.
fn write_document(tx: &Transaction<'_>, key: &str, progress: &Progress) -> rusqlite::Result<()> {
    let to_sql = |e: serde_json::Error| rusqlite::Error::ToSqlConversionFailure(Box::new(e));
    let settings = serde_json::to_string(&progress.settings).map_err(to_sql)?;
    let changed = tx.execute(
        "UPDATE texts SET settings = ?2 WHERE key = ?1",
        params![key, settings],
    )?;
    if changed == 0 {
        tx.execute(
            "INSERT OR REPLACE INTO kept_settings (key, source, settings) VALUES (?1, ?2, ?3)",
            params![key, progress.source, settings],
        )?;
    }
    for answer in &progress.quiz {
        let record = serde_json::to_string(answer).map_err(to_sql)?;
        tx.execute(
            "INSERT INTO quiz_answers (text_key, at, record) VALUES (?1, ?2, ?3)",
            params![key, i64::try_from(answer.at).unwrap_or(i64::MAX), record],
        )?;
    }
    Ok(())
}

/// A merged word with its answers; a word the library has already is left as it is.
fn write_imported_word(
    tx: &Transaction<'_>,
    key: &str,
    word: &WordProgress,
) -> rusqlite::Result<()> {
    let s = word.schedule;
    let inserted = tx.execute(
        "INSERT OR IGNORE INTO words (key, status, due, last_review, stability, difficulty, reps, lapses, gloss, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            key,
            status_code(word.status),
            s.map(|s| i64::try_from(s.due).unwrap_or(i64::MAX)),
            s.map(|s| i64::try_from(s.last_review).unwrap_or(i64::MAX)),
            s.map(|s| f64::from(s.stability)),
            s.map(|s| f64::from(s.difficulty)),
            s.map(|s| s.reps),
            s.map(|s| s.lapses),
            word.edit.gloss,
            word.edit.note,
        ],
    )?;
    if inserted == 0 {
        return Ok(());
    }
    for review in &word.reviews {
        tx.execute(
            "INSERT INTO reviews (word, at, rating, source) VALUES (?1, ?2, ?3, ?4)",
            params![
                key,
                i64::try_from(review.at).unwrap_or(i64::MAX),
                rating_code(review.rating),
                if review.source == crate::study::ReviewSource::Quiz {
                    "quiz"
                } else {
                    "card"
                },
            ],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::{Edit, Rating};

    #[test]
    fn a_word_saved_in_two_documents_keeps_the_latest_schedule_and_every_answer() {
        let mut a = Progress::default();
        a.rate("قمة", Rating::Good, 1_000);
        a.set_edit(
            "قمة",
            Edit {
                gloss: None,
                note: "plural قمم".into(),
            },
        );
        let mut b = Progress::default();
        b.rate("قمة", Rating::Again, 500);
        b.rate("قمة", Rating::Good, 2_000);
        let merged = merge(a.words["قمة"].clone(), b.words["قمة"].clone());
        assert_eq!(merged.schedule.map(|s| s.last_review), Some(2_000));
        let at: Vec<u64> = merged.reviews.iter().map(|r| r.at).collect();
        assert_eq!(at, [500, 1_000, 2_000]);
        assert_eq!(merged.edit.note, "plural قمم");
        assert_eq!(merged.status, Status::Learning);
    }
}
