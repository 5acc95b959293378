//! A session's side of the library: loading the text's progress, writing only what changed, and bringing in cards from other texts.

use std::collections::{BTreeSet, HashSet};

use super::Session;
use crate::analysis::Document;
use crate::import::title_from_text;
use crate::library::{
    Changes, Library, LibraryError, NewText, Scope, Source, TextId, TextWords, scope_cards,
};
use crate::study::quiz::AnswerRecord;
use crate::study::{Progress, Review, unix_now};

/// What changed since the last save: the words touched, the answers given.
#[derive(Debug, Default)]
pub(super) struct Unsaved {
    pub words: BTreeSet<String>,
    pub reviews: Vec<(String, Review)>,
    pub answers: Vec<AnswerRecord>,
    pub settings: bool,
}

impl Unsaved {
    /// Notes that `key` was just answered (its last review is the new one).
    pub fn answered(&mut self, key: &str, progress: &Progress) {
        self.words.insert(key.to_owned());
        if let Some(review) = progress.words.get(key).and_then(|w| w.reviews.last()) {
            self.reviews.push((key.to_owned(), *review));
        }
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty()
            && self.reviews.is_empty()
            && self.answers.is_empty()
            && !self.settings
    }
}

impl Session {
    /// The text's number in `library`, added when it is not there (its word counts brought
    /// up to date when it is).
    fn find_or_add(&self, library: &Library, doc: &Document) -> Result<TextId, LibraryError> {
        let words = TextWords::from_cards(doc, &self.lexicon_cards, &self.card_of_token);
        match library.id_of_text(&doc.text)? {
            Some(id) => {
                library.refresh_words(id, &words)?;
                Ok(id)
            }
            None => {
                let text = NewText {
                    title: title_from_text(&doc.text),
                    text: doc.text.clone(),
                    source: Source::of_document(doc),
                    words,
                };
                library
                    .add(&[text])?
                    .first()
                    .map(|added| added.id)
                    .ok_or_else(|| LibraryError::NothingToAdd("the text was not added".into()))
            }
        }
    }

    /// Finds (or adds) the text in `library`, and reads its progress: the words of its deck
    /// as every text left them, its settings and quiz answers.
    pub(super) fn load(&mut self, library: Library, doc: &Document) -> Result<(), LibraryError> {
        let id = self.find_or_add(&library, doc)?;
        library.mark_opened(id, unix_now())?;
        let keys: Vec<String> = self.lexicon_cards.iter().map(|c| c.key()).collect();
        self.progress = library.progress_for(&self.key, keys.iter().map(String::as_str))?;
        library.keep_cards(&self.lexicon_cards)?;
        self.library = Some((library, id));
        Ok(())
    }

    /// Takes the deck's cards from `scope`: this text's alone, or with the texts ticked in the
    /// library, or with every word marked in it. Their statuses and schedules come along.
    ///
    /// # Errors
    /// The library cannot be read; the deck then stays as it was.
    pub fn set_scope(&mut self, scope: Scope) -> Result<(), LibraryError> {
        let extra = match &self.library {
            Some((library, _)) if scope != Scope::ThisText => {
                let own: HashSet<String> = self.lexicon_cards[..self.own_cards]
                    .iter()
                    .map(|c| c.key())
                    .collect();
                let mut extra = scope_cards(library, scope, &own)?;
                let keys: Vec<String> = extra.iter().map(|c| c.key()).collect();
                let saved = library.progress_for(&self.key, keys.iter().map(String::as_str))?;
                for (key, word) in saved.words {
                    self.progress.words.entry(key).or_insert(word);
                }
                for card in &mut extra {
                    card.first_position += self.text_len;
                }
                extra
            }
            _ => Vec::new(),
        };
        self.lexicon_cards.truncate(self.own_cards);
        self.lexicon_cards.extend(extra);
        self.by_key = self
            .lexicon_cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.key(), i))
            .collect();
        self.scope = if self.library.is_some() {
            scope
        } else {
            Scope::ThisText
        };
        self.refresh();
        Ok(())
    }

    /// True when something changed that is not saved yet (a failed save leaves it true: the
    /// app retries every few seconds and asks before quitting).
    #[must_use]
    pub fn is_unsaved(&self) -> bool {
        self.pending
    }

    /// Whether the session is kept in a library (else nothing it does is saved).
    #[must_use]
    pub fn is_in_library(&self) -> bool {
        self.library.is_some()
    }

    /// Saves when something changed since the last successful save. On failure the changes
    /// stay in memory and the next try writes all of them.
    ///
    /// # Errors
    /// Why the library could not be written.
    pub fn save_if_changed(&mut self) -> Result<(), LibraryError> {
        if !self.pending {
            return Ok(());
        }
        self.save()
    }

    /// Saves what changed since the last successful save, in one transaction.
    ///
    /// # Errors
    /// Why the library could not be written.
    pub fn save(&mut self) -> Result<(), LibraryError> {
        let Some((library, _)) = &self.library else {
            // Nothing is saved at all (no data folder): there is nothing to keep waiting.
            self.unsaved = Unsaved::default();
            self.pending = false;
            return Ok(());
        };
        if !self.unsaved.is_empty() {
            let words = self
                .unsaved
                .words
                .iter()
                .map(|key| {
                    let card = self
                        .by_key
                        .get(key)
                        .and_then(|&i| self.lexicon_cards.get(i));
                    (key.as_str(), self.progress.words.get(key), card)
                })
                .collect();
            let changes = Changes {
                words,
                reviews: &self.unsaved.reviews,
                answers: &self.unsaved.answers,
                settings: self.unsaved.settings.then_some(&self.progress.settings),
            };
            library.save_changes(&self.key, &changes)?;
        }
        self.unsaved = Unsaved::default();
        self.pending = false;
        Ok(())
    }

    /// Saves from now on in `library` (another folder, after the usual one failed): the text
    /// is added there and all of its progress written, answers included.
    ///
    /// # Errors
    /// Why that library could not be written (the session then stays as it was).
    pub fn save_to(&mut self, library: Library, doc: &Document) -> Result<(), LibraryError> {
        let id = self.find_or_add(&library, doc)?;
        let words = self
            .progress
            .words
            .iter()
            .map(|(key, word)| {
                let card = self
                    .by_key
                    .get(key)
                    .and_then(|&i| self.lexicon_cards.get(i));
                (key.as_str(), Some(word), card)
            })
            .collect();
        let reviews: Vec<(String, Review)> = self
            .progress
            .words
            .iter()
            .flat_map(|(key, word)| word.reviews.iter().map(|r| (key.clone(), *r)))
            .collect();
        let changes = Changes {
            words,
            reviews: &reviews,
            answers: &self.progress.quiz,
            settings: Some(&self.progress.settings),
        };
        library.save_changes(&self.key, &changes)?;
        self.library = Some((library, id));
        self.unsaved = Unsaved::default();
        self.pending = false;
        Ok(())
    }
}
