//! The database's tables, and the migrations that bring a database of any older version up to this one.
//!
//! The version is SQLite's `user_version`; each migration runs in one transaction with the
//! version it reaches, so a database is never half-migrated. A new version appends a
//! migration here and never edits an old one.

use rusqlite::{Connection, TransactionBehavior};

/// The schema this build writes.
pub const LATEST: i64 = 1;

/// Migration `n` (from 0) takes a database from version `n` to `n + 1`.
const MIGRATIONS: [&str; 1] = [r"
-- Anything about the database itself (when old JSON progress was brought in).
CREATE TABLE meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per text. `key` is the hash of its body (study::document_key): the same text is
-- never added twice. The word counts are running words (tokens), kept in step with the
-- words' statuses so the library's bars need no join over every text.
CREATE TABLE texts (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    source TEXT NOT NULL,
    added_at INTEGER NOT NULL,
    opened_at INTEGER,
    running_words INTEGER NOT NULL,
    known_words INTEGER NOT NULL DEFAULT 0,
    learning_words INTEGER NOT NULL DEFAULT 0,
    ticked INTEGER NOT NULL DEFAULT 0,
    settings TEXT NOT NULL DEFAULT '{}'
);

-- The texts themselves, apart, so listing the library never reads them.
CREATE TABLE bodies (
    text_id INTEGER PRIMARY KEY REFERENCES texts(id) ON DELETE CASCADE,
    body TEXT NOT NULL
);

-- How many running words of each text are each word (a card's key: lemma/part of speech).
CREATE TABLE text_words (
    text_id INTEGER NOT NULL REFERENCES texts(id) ON DELETE CASCADE,
    word TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (text_id, word)
) WITHOUT ROWID;
CREATE INDEX text_words_by_word ON text_words(word, text_id, count);

-- What the learner knows of each word, for every text: status, FSRS state, own meaning
-- and note, and the card as last seen (to study words across texts without analysing them).
CREATE TABLE words (
    key TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    due INTEGER,
    last_review INTEGER,
    stability REAL,
    difficulty REAL,
    reps INTEGER,
    lapses INTEGER,
    gloss TEXT,
    note TEXT NOT NULL DEFAULT '',
    card TEXT
) WITHOUT ROWID;

-- Every answer, oldest first (cards and quiz share the schedule).
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    word TEXT NOT NULL,
    at INTEGER NOT NULL,
    rating TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX reviews_by_word ON reviews(word, at);

-- Quiz answers, by the text's key: they outlive the text's removal and come back with it.
CREATE TABLE quiz_answers (
    id INTEGER PRIMARY KEY,
    text_key TEXT NOT NULL,
    at INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX quiz_answers_by_text ON quiz_answers(text_key, at);

-- Settings of texts not in the library (removed, or known only from old progress files):
-- a text with that key added later gets them back.
CREATE TABLE kept_settings (
    key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    settings TEXT NOT NULL
) WITHOUT ROWID;

-- The learner's meanings of words no lexicon knows, and readings chosen where a word has
-- several, by the word's matching form (every spelling of it with or without vowels).
CREATE TABLE word_forms (
    form TEXT PRIMARY KEY,
    meaning TEXT,
    reading TEXT
) WITHOUT ROWID;
"];

/// The database's schema version (0 for a new, empty file).
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Runs the migrations the database has not had, each in its own transaction. A database of
/// a newer version is left alone (the caller refuses it).
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    loop {
        // Immediate: two processes opening a new folder at once do not both migrate it.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let at = version(&tx)?;
        let Some(script) = usize::try_from(at).ok().and_then(|i| MIGRATIONS.get(i)) else {
            return Ok(());
        };
        tx.execute_batch(script)?;
        tx.pragma_update(None, "user_version", at + 1)?;
        tx.commit()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_leads_to_the_latest_version_and_runs_once() {
        assert_eq!(MIGRATIONS.len(), usize::try_from(LATEST).unwrap_or(0));
        let mut conn = Connection::open_in_memory().expect("in memory");
        migrate(&mut conn).expect("migrates");
        assert_eq!(version(&conn).ok(), Some(LATEST));
        migrate(&mut conn).expect("nothing to do the second time");
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .unwrap_or(0);
        assert_eq!(tables, 9);
    }

    #[test]
    fn a_newer_database_is_left_alone() {
        let mut conn = Connection::open_in_memory().expect("in memory");
        conn.pragma_update(None, "user_version", LATEST + 1)
            .expect("set version");
        migrate(&mut conn).expect("no error");
        assert_eq!(version(&conn).ok(), Some(LATEST + 1));
    }
}
