//! A learner's own words, saved once for every document: meanings typed for words no lexicon
//! analyses, and the reading chosen where a word has several.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::lemmas::LemmaRef;
use crate::arabic::normalize::normalize;
use crate::atomic_file::write_atomically;

/// The environment variable that moves the data folder (shared with saved progress).
const DATA_DIR_VAR: &str = "DARS_DATA_DIR";
const FILE_NAME: &str = "user_words.json";

/// Meanings and chosen readings, keyed by the word's matching form (so every spelling of it
/// with or without vowels, hamza or tatweel gets them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserWords {
    /// Matching form of a word → the meaning typed for it.
    pub meanings: BTreeMap<String, String>,
    /// Matching form of a word → stable id of the lemma chosen for it ([`LemmaRef::stable_id`]).
    pub readings: BTreeMap<String, String>,
}

impl UserWords {
    /// The form `word` is kept under: its matching form, so every spelling of it with or
    /// without vowel marks shares one meaning and one reading.
    #[must_use]
    pub fn form_of(word: &str) -> String {
        normalize(word)
    }

    /// Sets the meaning of `word` (as written); an empty meaning removes it.
    pub fn set_meaning(&mut self, word: &str, meaning: &str) {
        let key = Self::form_of(word);
        let meaning = meaning.trim();
        if key.is_empty() {
            return;
        }
        if meaning.is_empty() {
            self.meanings.remove(&key);
        } else {
            self.meanings.insert(key, meaning.to_owned());
        }
    }

    /// The meaning typed for `word`, if any.
    #[must_use]
    pub fn meaning(&self, word: &str) -> Option<&str> {
        self.meanings.get(&Self::form_of(word)).map(String::as_str)
    }

    /// Makes `lemma` the reading of `word` wherever it occurs; `None` goes back to the
    /// analysis's own choice.
    pub fn set_reading(&mut self, word: &str, lemma: Option<LemmaRef>) {
        let key = Self::form_of(word);
        match lemma.and_then(LemmaRef::stable_id) {
            Some(id) if !key.is_empty() => {
                self.readings.insert(key, id);
            }
            _ => {
                self.readings.remove(&key);
            }
        }
    }
}

/// Where the learner's words are saved: `user_words.json` in the data folder.
#[derive(Clone, Debug)]
pub struct UserWordsStore {
    path: PathBuf,
}

impl UserWordsStore {
    /// The platform's data folder for Dars (or `$DARS_DATA_DIR`), the folder saved progress
    /// uses; `None` when the platform has none for this user.
    #[must_use]
    pub fn platform() -> Option<Self> {
        if let Some(dir) = std::env::var_os(DATA_DIR_VAR).filter(|d| !d.is_empty()) {
            return Some(Self::in_dir(Path::new(&dir)));
        }
        directories::ProjectDirs::from("", "", "dars").map(|d| Self::in_dir(d.data_dir()))
    }

    /// A store in `dir`.
    #[must_use]
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            path: dir.join(FILE_NAME),
        }
    }

    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved words; none when nothing was saved yet.
    ///
    /// # Errors
    /// A sentence saying why the file could not be read or understood (it is left as it is).
    pub fn load(&self) -> Result<UserWords, String> {
        match std::fs::read(&self.path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(UserWords::default()),
            Err(e) => Err(format!("{} could not be read: {e}", self.path.display())),
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                format!(
                    "{} is not a file of saved words ({e}); it was left as it is",
                    self.path.display()
                )
            }),
        }
    }

    /// Saves the words whole (written to a temporary file, then renamed). A file there that
    /// cannot be understood is first kept aside as `user_words.json.corrupt-N`.
    ///
    /// # Errors
    /// A sentence saying why the file could not be written.
    pub fn save(&self, words: &UserWords) -> Result<(), String> {
        let fail =
            |e: &dyn std::fmt::Display| format!("could not save {}: {e}", self.path.display());
        if let Ok(bytes) = std::fs::read(&self.path)
            && serde_json::from_slice::<UserWords>(&bytes).is_err()
        {
            let aside = (1..)
                .map(|n| self.path.with_extension(format!("json.corrupt-{n}")))
                .find(|p| !p.exists())
                .unwrap_or_else(|| self.path.with_extension("json.corrupt"));
            std::fs::rename(&self.path, &aside).map_err(|e| fail(&e))?;
        }
        if let Some(parent) = self.path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| fail(&e))?;
        }
        let mut json = serde_json::to_vec_pretty(words).map_err(|e| fail(&e))?;
        json.push(b'\n');
        write_atomically(&self.path, &json).map_err(|e| fail(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("dars-user-words-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn meanings_match_every_spelling_and_survive_a_save() {
        let mut words = UserWords::default();
        words.set_meaning("لافروف", " Lavrov (Russian foreign minister) ");
        assert_eq!(
            words.meaning("لافروفُ"),
            Some("Lavrov (Russian foreign minister)")
        );
        let dir = temp_dir("save");
        let store = UserWordsStore::in_dir(&dir);
        assert_eq!(store.load(), Ok(UserWords::default()));
        assert_eq!(store.save(&words), Ok(()));
        assert_eq!(store.load(), Ok(words.clone()));
        words.set_meaning("لافروف", "");
        assert!(words.meanings.is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_damaged_file_is_reported_then_kept_aside_not_overwritten() {
        let dir = temp_dir("damaged");
        std::fs::create_dir_all(&dir).expect("temp dir");
        let store = UserWordsStore::in_dir(&dir);
        std::fs::write(store.path(), b"{ not json").expect("write");
        assert!(
            store
                .load()
                .is_err_and(|e| e.contains("not a file of saved words"))
        );
        assert_eq!(store.save(&UserWords::default()), Ok(()));
        let aside = std::fs::read(dir.join("user_words.json.corrupt-1")).expect("kept aside");
        assert_eq!(aside, b"{ not json");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
