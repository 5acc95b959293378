//! The learner's own words in the window: loaded with the app, saved when a meaning is typed
//! or a reading chosen, after which the text is analyzed again.
//!
//! They live in the library (brought in once from `user_words.json`, which stays as a
//! backup); only without a library is that file still read and written.

use super::DarsApp;
use crate::analysis::{
    Analysis, AnalysisOptions, Document, LemmaRef, UserWords, UserWordsStore, analyze_with,
};
use crate::library::Library;

/// The saved words, and a message when they could not be read (the app goes on without them,
/// and never saves over what it could not read: [`UserWordsStore::save`] keeps it aside first).
pub(super) fn load(
    library: Option<&Library>,
    store: Option<&UserWordsStore>,
) -> (UserWords, Option<String>) {
    if let Some(library) = library {
        return match library.word_forms() {
            Ok(forms) => (
                UserWords {
                    meanings: forms.meanings,
                    readings: forms.readings,
                },
                None,
            ),
            Err(e) => (
                UserWords::default(),
                Some(format!(
                    "Your saved meanings and readings were not loaded: {e}"
                )),
            ),
        };
    }
    match store.map(UserWordsStore::load) {
        Some(Ok(words)) => (words, None),
        Some(Err(problem)) => (
            UserWords::default(),
            Some(format!(
                "Your saved meanings and readings were not loaded: {problem}."
            )),
        ),
        None => (UserWords::default(), None),
    }
}

/// The analysis of `doc` with the learner's words.
pub(super) fn analyze_with_words(doc: &Document, words: &UserWords) -> Analysis {
    analyze_with(
        doc,
        &AnalysisOptions {
            curated_lexicon: true,
            user_words: Some(words),
        },
    )
}

impl DarsApp {
    pub(super) fn set_meaning(&mut self, word: &str, meaning: &str) {
        self.user_words.set_meaning(word, meaning);
        self.save_user_words(word, "Saved your meaning of this word, for every text.");
    }

    pub(super) fn choose_reading(&mut self, word: &str, lemma: Option<LemmaRef>) {
        self.user_words.set_reading(word, lemma);
        self.save_user_words(
            word,
            "This word is read so wherever it occurs, in every text.",
        );
    }

    /// Saves what the learner gave for `word` and analyzes the text again with it, keeping
    /// the reader's place and the word popup open.
    fn save_user_words(&mut self, word: &str, done: &str) {
        let saved = if let Some(library) = &self.library {
            let form = UserWords::form_of(word);
            library
                .set_word_form(
                    &form,
                    self.user_words.meanings.get(&form).map(String::as_str),
                    self.user_words.readings.get(&form).map(String::as_str),
                )
                .map_err(|e| e.to_string())
        } else if let Some(store) = &self.user_store {
            store.save(&self.user_words)
        } else {
            Err("there is no data folder to save it in (set DARS_DATA_DIR)".to_owned())
        };
        self.save_progress();
        self.text.analysis = analyze_with_words(&self.text.doc, &self.user_words);
        let position = self.panels.reader.position;
        let details = self.panels.reader.details_open;
        self.open_session();
        self.panels.reader.position = position;
        self.panels.reader.details_open = details;
        match saved {
            Ok(()) => self.info(done.to_owned()),
            Err(e) => self.error(format!("Kept for this session only: {e}")),
        }
    }
}
