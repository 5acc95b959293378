//! The learner's own meanings and chosen readings, by a word's matching form (every spelling of it with or without vowels), for every text.

use std::collections::BTreeMap;

use rusqlite::params;

use super::{Library, LibraryError};

/// Meanings typed for words no lexicon knows, and readings chosen where a word has several,
/// each by the word's matching form (as `user_words.json` kept them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordForms {
    pub meanings: BTreeMap<String, String>,
    /// Matching form → stable id of the lemma chosen for it.
    pub readings: BTreeMap<String, String>,
}

impl Library {
    /// Every meaning and reading the learner gave.
    ///
    /// # Errors
    /// The database cannot be read.
    pub fn word_forms(&self) -> Result<WordForms, LibraryError> {
        self.with(|conn| {
            let mut forms = WordForms::default();
            let mut query = conn.prepare_cached("SELECT form, meaning, reading FROM word_forms")?;
            let rows = query.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                ))
            })?;
            for row in rows {
                let (form, meaning, reading) = row?;
                if let Some(meaning) = meaning {
                    forms.meanings.insert(form.clone(), meaning);
                }
                if let Some(reading) = reading {
                    forms.readings.insert(form, reading);
                }
            }
            Ok(forms)
        })
    }

    /// Sets (or, with `None`, clears) the meaning and reading of the matching form `form`, in
    /// one transaction; a form left with neither is forgotten.
    ///
    /// # Errors
    /// The database cannot be written.
    pub fn set_word_form(
        &self,
        form: &str,
        meaning: Option<&str>,
        reading: Option<&str>,
    ) -> Result<(), LibraryError> {
        self.with(|conn| {
            let tx = conn.transaction()?;
            if meaning.is_none() && reading.is_none() {
                tx.execute("DELETE FROM word_forms WHERE form = ?1", [form])?;
            } else {
                tx.execute(
                    "INSERT INTO word_forms (form, meaning, reading) VALUES (?1, ?2, ?3)
                     ON CONFLICT (form) DO UPDATE SET meaning = ?2, reading = ?3",
                    params![form, meaning, reading],
                )?;
            }
            tx.commit()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meanings_and_readings_are_kept_and_forgotten_by_form() {
        let dir = std::env::temp_dir().join(format!("dars-forms-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let library = Library::open_in(&dir).expect("opens").library;
        library
            .set_word_form("كورونا", Some("corona(virus)"), None)
            .expect("set");
        library
            .set_word_form("علم", None, Some("lemma:علم/noun"))
            .expect("set");
        let forms = library.word_forms().expect("read");
        assert_eq!(
            forms.meanings.get("كورونا").map(String::as_str),
            Some("corona(virus)")
        );
        assert_eq!(forms.readings.len(), 1);
        library
            .set_word_form("كورونا", None, None)
            .expect("cleared");
        assert!(library.word_forms().expect("read").meanings.is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
