//! The library's texts: adding (each text once), listing with their word counts, renaming, removing, and which was read last.

use rusqlite::{OptionalExtension as _, Row, Transaction, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

use super::words::{TextWords, recount, write_text_words};
use super::{Library, LibraryError};
use crate::analysis::document::{BUNDLED_ARTICLE, BUNDLED_SOURCE};
use crate::analysis::{Document, analyze};
use crate::import::title_from_text;
use crate::study::{document_key, unix_now};

/// A text's number in the library (what `dars library remove` takes).
pub type TextId = i64;

/// Where a text came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The article that comes with Dars.
    Bundled,
    /// A file: a text, a saved web page, a chapter of an e-book.
    File,
    /// Pasted.
    Clipboard,
    /// Fetched from a web address.
    Web,
    /// Piped to `dars library add --stdin`.
    Stdin,
}

impl SourceKind {
    const ALL: [Self; 5] = [
        Self::Bundled,
        Self::File,
        Self::Clipboard,
        Self::Web,
        Self::Stdin,
    ];

    /// The name stored in the database and printed by `dars library list`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Bundled => "bundled",
            Self::File => "file",
            Self::Clipboard => "clipboard",
            Self::Web => "web",
            Self::Stdin => "stdin",
        }
    }

    fn from_code(code: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|k| k.code() == code)
            .unwrap_or(Self::File)
    }
}

/// Where a text came from: its kind, and the path or address (empty when there is none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub kind: SourceKind,
    pub detail: String,
}

impl Source {
    #[must_use]
    pub fn new(kind: SourceKind, detail: impl Into<String>) -> Self {
        Self {
            kind,
            detail: detail.into(),
        }
    }

    /// A short description for the library's list: "bundled", "file: news.txt",
    /// "web: www.bbc.com", "clipboard".
    #[must_use]
    pub fn label(&self) -> String {
        match self.kind {
            SourceKind::Bundled => "bundled".to_owned(),
            SourceKind::Clipboard => "clipboard".to_owned(),
            SourceKind::Stdin => "standard input".to_owned(),
            SourceKind::File => {
                let name = std::path::Path::new(&self.detail)
                    .file_name()
                    .map_or_else(|| self.detail.clone(), |n| n.to_string_lossy().into_owned());
                format!("file: {name}")
            }
            SourceKind::Web => {
                let rest = self.detail.split("://").nth(1).unwrap_or(&self.detail);
                format!("web: {}", rest.split('/').next().unwrap_or(rest))
            }
        }
    }

    /// What a `Document` of the text calls its source (a path, an address, or a word).
    #[must_use]
    pub fn document_source(&self) -> String {
        match self.kind {
            SourceKind::Bundled => BUNDLED_SOURCE.to_owned(),
            SourceKind::File | SourceKind::Web if !self.detail.is_empty() => self.detail.clone(),
            _ => self.label(),
        }
    }

    /// The source of a `Document` opened outside the library (`dars FILE`, a test).
    #[must_use]
    pub fn of_document(doc: &Document) -> Self {
        if doc.source == BUNDLED_SOURCE {
            Self::new(SourceKind::Bundled, "")
        } else if doc.source.starts_with("http://") || doc.source.starts_with("https://") {
            Self::new(SourceKind::Web, doc.source.clone())
        } else {
            Self::new(SourceKind::File, doc.source.clone())
        }
    }
}

/// A text ready to be added: analysed already, so adding it is one short transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewText {
    pub title: String,
    pub text: String,
    pub source: Source,
    pub words: TextWords,
}

/// How much of a text's running words the learner knows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct WordCounts {
    /// Every Arabic word of the text, each time it occurs.
    pub running: usize,
    /// Running words whose word is known or ignored.
    pub known: usize,
    /// Running words whose word is being learned.
    pub learning: usize,
}

impl WordCounts {
    /// Running words that are new (never marked, or that no lexicon knows).
    #[must_use]
    pub fn new_words(&self) -> usize {
        self.running.saturating_sub(self.known + self.learning)
    }

    /// Known, learning and new as whole percentages of the running words.
    #[must_use]
    pub fn percentages(&self) -> [u32; 3] {
        let percent = |n: usize| {
            (n * 100)
                .checked_div(self.running)
                .map_or(0, |p| u32::try_from(p).unwrap_or(100))
        };
        let known = percent(self.known);
        let learning = percent(self.learning);
        [known, learning, 100u32.saturating_sub(known + learning)]
    }
}

/// One text as the library lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TextSummary {
    pub id: TextId,
    pub title: String,
    pub source: Source,
    /// When it was added and last opened (Unix seconds).
    pub added_at: u64,
    pub opened_at: Option<u64>,
    pub words: WordCounts,
    /// Ticked in the library: part of a deck of several texts.
    pub ticked: bool,
}

const SUMMARY_COLUMNS: &str = "id, title, source_kind, source, added_at, opened_at, \
     running_words, known_words, learning_words, ticked";

fn summary(row: &Row<'_>) -> rusqlite::Result<TextSummary> {
    let count = |i: usize| -> rusqlite::Result<usize> {
        Ok(usize::try_from(row.get::<_, i64>(i)?).unwrap_or(0))
    };
    let time = |v: i64| u64::try_from(v).unwrap_or(0);
    Ok(TextSummary {
        id: row.get(0)?,
        title: row.get(1)?,
        source: Source::new(
            SourceKind::from_code(&row.get::<_, String>(2)?),
            row.get::<_, String>(3)?,
        ),
        added_at: time(row.get(4)?),
        opened_at: row.get::<_, Option<i64>>(5)?.map(time),
        words: WordCounts {
            running: count(6)?,
            known: count(7)?,
            learning: count(8)?,
        },
        ticked: row.get(9)?,
    })
}

/// A text added, or found there already.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Added {
    pub id: TextId,
    pub title: String,
    /// The same text was in the library already: nothing was added for it.
    pub was_there: bool,
}

impl Library {
    /// Every text, oldest first, with its word counts. Reads no text, so it stays fast with
    /// thousands of them.
    ///
    /// # Errors
    /// The database cannot be read.
    pub fn texts(&self) -> Result<Vec<TextSummary>, LibraryError> {
        self.with(|conn| {
            let mut query =
                conn.prepare_cached(&format!("SELECT {SUMMARY_COLUMNS} FROM texts ORDER BY id"))?;
            query.query_map([], summary)?.collect()
        })
    }

    /// One text's summary.
    ///
    /// # Errors
    /// No such text, or the database cannot be read.
    pub fn text(&self, id: TextId) -> Result<TextSummary, LibraryError> {
        self.with(|conn| {
            conn.prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS} FROM texts WHERE id = ?1"
            ))?
            .query_row([id], summary)
            .optional()
        })?
        .ok_or(LibraryError::NoSuchText { id })
    }

    /// The text with `id`, as a document to read.
    ///
    /// # Errors
    /// No such text, or the database cannot be read.
    pub fn document(&self, id: TextId) -> Result<Document, LibraryError> {
        let summary = self.text(id)?;
        let body: Option<String> = self.with(|conn| {
            conn.query_row("SELECT body FROM bodies WHERE text_id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
        })?;
        let body = body.ok_or(LibraryError::NoSuchText { id })?;
        Ok(Document::new(summary.source.document_source(), body))
    }

    /// The number of the text whose body is `text`, if it is in the library.
    ///
    /// # Errors
    /// The database cannot be read.
    pub fn id_of_text(&self, text: &str) -> Result<Option<TextId>, LibraryError> {
        let key = document_key(text);
        self.with(|conn| {
            conn.query_row("SELECT id FROM texts WHERE key = ?1", [&key], |r| r.get(0))
                .optional()
        })
    }

    /// Adds texts, all or none (one transaction). A text already there is not added again:
    /// its entry says so. A text removed before gets back its settings and quiz answers.
    ///
    /// # Errors
    /// The database cannot be written; then nothing was added.
    pub fn add(&self, texts: &[NewText]) -> Result<Vec<Added>, LibraryError> {
        let now = unix_now();
        self.with(|conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let added = texts
                .iter()
                .map(|text| add_one(&tx, text, now))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            tx.commit()?;
            Ok(added)
        })
    }

    /// Gives a text another title.
    ///
    /// # Errors
    /// An empty title, no such text, or the database cannot be written.
    pub fn rename(&self, id: TextId, title: &str) -> Result<(), LibraryError> {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if title.is_empty() {
            return Err(LibraryError::EmptyTitle);
        }
        let changed = self.with(|conn| {
            conn.execute(
                "UPDATE texts SET title = ?2 WHERE id = ?1",
                params![id, title],
            )
        })?;
        if changed == 0 {
            return Err(LibraryError::NoSuchText { id });
        }
        Ok(())
    }

    /// Removes a text. The words keep their statuses and schedules (they belong to every
    /// text); its settings and quiz answers are kept by its key, should it come back.
    ///
    /// # Errors
    /// The bundled article, no such text, or the database cannot be written.
    pub fn remove(&self, id: TextId) -> Result<(), LibraryError> {
        let bundled = document_key(BUNDLED_ARTICLE);
        let removed = self.with(|conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let Some((key, source, settings)) = tx
                .query_row(
                    "SELECT key, source, settings FROM texts WHERE id = ?1",
                    [id],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                        ))
                    },
                )
                .optional()?
            else {
                return Ok(None);
            };
            if key == bundled {
                return Ok(Some(false));
            }
            tx.execute(
                "INSERT OR REPLACE INTO kept_settings (key, source, settings) VALUES (?1, ?2, ?3)",
                params![key, source, settings],
            )?;
            tx.execute("DELETE FROM texts WHERE id = ?1", [id])?;
            tx.commit()?;
            Ok(Some(true))
        })?;
        match removed {
            None => Err(LibraryError::NoSuchText { id }),
            Some(false) => Err(LibraryError::Bundled),
            Some(true) => Ok(()),
        }
    }

    /// Notes that a text was opened at `now` (Unix seconds): start-up reopens the last one.
    ///
    /// # Errors
    /// The database cannot be written.
    pub fn mark_opened(&self, id: TextId, now: u64) -> Result<(), LibraryError> {
        let now = i64::try_from(now).unwrap_or(i64::MAX);
        self.with(|conn| {
            conn.execute(
                "UPDATE texts SET opened_at = ?2 WHERE id = ?1",
                params![id, now],
            )
        })
        .map(|_| ())
    }

    /// The text opened last, if any was ever opened.
    ///
    /// # Errors
    /// The database cannot be read.
    pub fn last_opened(&self) -> Result<Option<TextId>, LibraryError> {
        self.with(|conn| {
            conn.query_row(
                "SELECT id FROM texts WHERE opened_at IS NOT NULL ORDER BY opened_at DESC, id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()
        })
    }

    /// Ticks a text (or not) for a deck of several texts.
    ///
    /// # Errors
    /// The database cannot be written.
    pub fn set_ticked(&self, id: TextId, ticked: bool) -> Result<(), LibraryError> {
        self.with(|conn| {
            conn.execute(
                "UPDATE texts SET ticked = ?2 WHERE id = ?1",
                params![id, ticked],
            )
        })
        .map(|_| ())
    }

    /// The bundled article is always in the library.
    pub(super) fn ensure_bundled(&self) -> Result<(), LibraryError> {
        if self.id_of_text(BUNDLED_ARTICLE)?.is_some() {
            return Ok(());
        }
        let doc = Document::bundled();
        let words = TextWords::of(&doc, &analyze(&doc));
        self.add(&[NewText {
            title: title_from_text(&doc.text),
            text: doc.text,
            source: Source::new(SourceKind::Bundled, ""),
            words,
        }])
        .map(|_| ())
    }
}

/// Adds one text inside `tx`, or finds it there.
pub(super) fn add_one(tx: &Transaction<'_>, text: &NewText, now: u64) -> rusqlite::Result<Added> {
    let key = document_key(&text.text);
    let title = if text.title.trim().is_empty() {
        title_from_text(&text.text)
    } else {
        text.title.trim().to_owned()
    };
    if let Some(id) = tx
        .query_row("SELECT id FROM texts WHERE key = ?1", [&key], |r| r.get(0))
        .optional()?
    {
        let title = tx.query_row("SELECT title FROM texts WHERE id = ?1", [id], |r| r.get(0))?;
        return Ok(Added {
            id,
            title,
            was_there: true,
        });
    }
    let settings: String = tx
        .query_row(
            "SELECT settings FROM kept_settings WHERE key = ?1",
            [&key],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_else(|| "{}".to_owned());
    tx.execute(
        "INSERT INTO texts (key, title, source_kind, source, added_at, running_words, settings)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            key,
            title,
            text.source.kind.code(),
            text.source.detail,
            i64::try_from(now).unwrap_or(i64::MAX),
            i64::try_from(text.words.running).unwrap_or(i64::MAX),
            settings,
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute("DELETE FROM kept_settings WHERE key = ?1", [&key])?;
    tx.execute(
        "INSERT INTO bodies (text_id, body) VALUES (?1, ?2)",
        params![id, text.text],
    )?;
    write_text_words(tx, id, &text.words)?;
    recount(tx, id)?;
    Ok(Added {
        id,
        title,
        was_there: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_read_short() {
        assert_eq!(
            Source::new(SourceKind::Web, "https://www.bbc.com/arabic/articles/x").label(),
            "web: www.bbc.com"
        );
        assert_eq!(
            Source::new(SourceKind::File, "/home/a/news.txt").label(),
            "file: news.txt"
        );
        assert_eq!(
            Source::new(SourceKind::Clipboard, "").document_source(),
            "clipboard"
        );
    }

    #[test]
    fn percentages_add_up_to_a_hundred() {
        let counts = WordCounts {
            running: 3,
            known: 1,
            learning: 1,
        };
        assert_eq!(counts.percentages(), [33, 33, 34]);
        assert_eq!(counts.new_words(), 1);
        assert_eq!(WordCounts::default().percentages(), [0, 0, 100]);
    }
}
