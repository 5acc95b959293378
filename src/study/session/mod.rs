//! One document being studied: its deck, the learner's progress, which card each word of the text belongs to, and saving.

use std::collections::HashMap;
use std::time::Duration;

use super::deck::Card;
use super::progress::{Edit, Progress, Status, StudySettings, document_key};
use super::quiz::{self, Answer, AnswerRecord, Graded, Question, Quiz, QuizSpec};
use super::schedule::{Rating, ReviewSource};
use super::vocabulary::{cards_of_tokens, deck_from_analysis};
use crate::analysis::{Analysis, Document};
use crate::library::{Library, Scope, TextId};

mod saving;

use saving::Unsaved;

/// The deck and saved progress of the open document. Every change marks it unsaved; the app
/// calls [`Session::save_if_changed`] after each frame and on exit.
pub struct Session {
    /// Where progress is read and saved, and the text's number there; `None`: nothing is.
    library: Option<(Library, TextId)>,
    key: String,
    /// The text's length in bytes: cards of other texts are ordered after its own.
    text_len: usize,
    /// Private so that every change goes through a method that marks it unsaved.
    progress: Progress,
    /// The cards as the lexicon makes them, before the teacher's edits.
    lexicon_cards: Vec<Card>,
    /// The cards with the teacher's edits applied: what is shown and exported.
    cards: Vec<Card>,
    /// For each token of the document, the card of its word (none for punctuation, numbers
    /// and words the lexicon does not know).
    card_of_token: Vec<Option<usize>>,
    by_key: HashMap<String, usize>,
    /// The status of each card, kept in step with `progress` (the reader asks per word).
    statuses: Vec<Status>,
    /// How many of the cards are the text's own; those after them come from other texts
    /// (see [`Session::set_scope`]).
    own_cards: usize,
    scope: Scope,
    /// What changed since the last successful save.
    unsaved: Unsaved,
    /// Something changed since the last successful save (the app retries a failed one every
    /// few seconds).
    pending: bool,
    /// Counts recomputations of the statuses and cards, so views can tell when to redraw.
    revision: u64,
}

/// A session as it was opened, with a message for the user when saved progress was unusable.
pub struct Opened {
    pub session: Session,
    pub problem: Option<String>,
}

impl Session {
    /// Opens the document's deck and its saved progress from `library` (`None`: nothing is
    /// loaded or saved, e.g. when the platform has no data folder). The text is added to the
    /// library when it is not there yet, and noted as the last one opened.
    #[must_use]
    pub fn open(library: Option<Library>, doc: &Document, analysis: &Analysis) -> Opened {
        let lexicon_cards = deck_from_analysis(doc, analysis);
        let by_key: HashMap<String, usize> = lexicon_cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.key(), i))
            .collect();
        let card_of_token = cards_of_tokens(doc, analysis, &by_key);
        let mut session = Self {
            library: None,
            key: document_key(&doc.text),
            text_len: doc.text.len(),
            progress: Progress::default(),
            cards: lexicon_cards.clone(),
            own_cards: lexicon_cards.len(),
            lexicon_cards,
            card_of_token,
            by_key,
            statuses: Vec::new(),
            scope: Scope::ThisText,
            unsaved: Unsaved::default(),
            pending: false,
            revision: 0,
        };
        let problem = library.and_then(|library| session.load(library, doc).err());
        session.progress.source.clone_from(&doc.source);
        session.refresh();
        Opened {
            session,
            problem: problem.map(|e| {
                format!("{e} Dars goes on with fresh progress for this text and will not save it.")
            }),
        }
    }

    /// The learner's saved progress (read only: changes go through the methods below).
    #[must_use]
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// The document's study settings (filter, current card, place in the text…).
    #[must_use]
    pub fn study_settings(&self) -> &StudySettings {
        &self.progress.settings
    }

    /// Changes the study settings; marks them unsaved when something changed.
    pub fn change_settings(&mut self, change: impl FnOnce(&mut StudySettings)) {
        let before = self.progress.settings.clone();
        change(&mut self.progress.settings);
        if self.progress.settings != before {
            self.unsaved.settings = true;
            self.pending = true;
        }
    }

    /// The deck, with the teacher's edits: the text's own cards, then those the scope adds
    /// from other texts.
    #[must_use]
    pub fn cards(&self) -> &[Card] {
        &self.cards
    }

    /// Whether card `card` is a word of this text (its example is a sentence of it), not one
    /// the scope brought from another text.
    #[must_use]
    pub fn is_own_card(&self, card: usize) -> bool {
        card < self.own_cards
    }

    /// Which texts the deck takes its cards from.
    #[must_use]
    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// The text's number in the library, when progress is saved there.
    #[must_use]
    pub fn text_id(&self) -> Option<TextId> {
        self.library.as_ref().map(|(_, id)| *id)
    }

    /// The index of the card with `key`.
    #[must_use]
    pub fn card_index(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// The card of token `token`'s word, if it has one.
    #[must_use]
    pub fn card_of_token(&self, token: usize) -> Option<usize> {
        self.card_of_token.get(token).copied().flatten()
    }

    /// The status of token `token`'s word, if it has a card.
    #[must_use]
    pub fn status_of_token(&self, token: usize) -> Option<Status> {
        self.statuses.get(self.card_of_token(token)?).copied()
    }

    /// The status of card `card`.
    #[must_use]
    pub fn status_of_card(&self, card: usize) -> Status {
        self.statuses.get(card).copied().unwrap_or_default()
    }

    /// The lexicon's gloss of card `card`, before any edit.
    #[must_use]
    pub fn lexicon_gloss(&self, card: usize) -> &str {
        self.lexicon_cards
            .get(card)
            .map_or("", |c| c.gloss.as_str())
    }

    /// The indices of the cards the saved filter keeps, in its order.
    #[must_use]
    pub fn filtered(&self) -> Vec<usize> {
        self.progress
            .settings
            .filter
            .apply(&self.cards, &self.progress)
    }

    pub fn set_status(&mut self, key: &str, status: Status) {
        if self.progress.status(key) != status {
            self.progress.set_status(key, status);
            self.unsaved.words.insert(key.to_owned());
            self.changed();
        }
    }

    /// Gives every card in `cards` that is still new the status `status`, in one change.
    /// Returns how many changed.
    pub fn promote_new(&mut self, cards: impl IntoIterator<Item = usize>, status: Status) -> usize {
        let mut changed = 0;
        for card in cards {
            let Some(key) = self.cards.get(card).map(Card::key) else {
                continue;
            };
            if self.progress.status(&key) == Status::New {
                self.progress.set_status(&key, status);
                self.unsaved.words.insert(key);
                changed += 1;
            }
        }
        if changed > 0 {
            self.changed();
        }
        changed
    }

    /// Records an answer at `now` (Unix seconds).
    pub fn rate(&mut self, key: &str, rating: Rating, now: u64) {
        self.progress.rate(key, rating, now);
        self.unsaved.answered(key, &self.progress);
        self.changed();
    }

    /// A quiz on the document at `now`, from the deck with the teacher's edits and the saved
    /// progress.
    #[must_use]
    pub fn quiz(&self, doc: &Document, analysis: &Analysis, spec: &QuizSpec, now: u64) -> Quiz {
        // Questions are about this text: its own cards only.
        let own = &self.cards[..self.own_cards.min(self.cards.len())];
        quiz::generate(doc, analysis, own, &self.progress, spec, now)
    }

    /// Grades `answer` to `question`, given in `elapsed` at `now`, and records it: in the
    /// answers log, and (for a question on a word of the deck) in that word's schedule and
    /// status exactly like a card rating. Saved like every change.
    pub fn answer(
        &mut self,
        question: &Question,
        answer: &Answer,
        elapsed: Duration,
        now: u64,
    ) -> Graded {
        let graded = quiz::grade(question, answer, elapsed);
        let given = match answer {
            Answer::Choice(i) => question
                .choices
                .get(*i)
                .map_or_else(String::new, |c| c.text.clone()),
            Answer::Typed(text) => text.clone(),
        };
        let word = question
            .word
            .clone()
            .filter(|key| self.by_key.contains_key(key));
        if let Some(key) = &word {
            self.progress
                .rate_from(key, graded.rating, now, ReviewSource::Quiz);
            self.unsaved.answered(key, &self.progress);
        }
        let record = AnswerRecord {
            at: now,
            kind: question.kind,
            word,
            relation: question.relation.clone(),
            given,
            verdict: graded.verdict,
            rating: graded.rating,
            millis: u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX),
        };
        self.unsaved.answers.push(record.clone());
        self.progress.quiz.push(record);
        self.changed();
        graded
    }

    /// Sets the teacher's edit of `key`; a gloss equal to the lexicon's, or empty, is no edit.
    pub fn set_edit(&mut self, key: &str, mut edit: Edit) {
        if let Some(i) = self.card_index(key) {
            let lexicon = self.lexicon_gloss(i);
            if edit
                .gloss
                .as_deref()
                .is_some_and(|g| g.trim().is_empty() || g.trim() == lexicon)
            {
                edit.gloss = None;
            }
        }
        edit.gloss = edit.gloss.map(|g| g.trim().to_owned());
        edit.note = edit.note.trim().to_owned();
        if self.progress.edit(key).cloned().unwrap_or_default() != edit {
            self.progress.set_edit(key, edit);
            self.unsaved.words.insert(key.to_owned());
            self.changed();
        }
    }

    /// Changes whenever the cards or statuses were recomputed (views cache by it).
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    fn changed(&mut self) {
        self.pending = true;
        self.refresh();
    }

    /// Recomputes what depends on the progress: the cards with edits, and the statuses.
    fn refresh(&mut self) {
        self.revision += 1;
        self.cards.clone_from(&self.lexicon_cards);
        self.progress.apply_edits(&mut self.cards);
        self.statuses = self
            .cards
            .iter()
            .map(|c| self.progress.status(&c.key()))
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn token_of(doc: &Document, word: &str) -> usize {
        doc.tokens
            .iter()
            .position(|t| doc.slice(&t.range) == word)
            .unwrap_or(usize::MAX)
    }

    #[test]
    fn words_and_names_of_the_text_find_their_cards() {
        let doc = Document::bundled();
        let analysis = analyze(&doc);
        let session = Session::open(None, &doc, &analysis).session;
        let summit = session
            .card_of_token(token_of(&doc, "قمة"))
            .map(|c| session.cards()[c].key());
        assert_eq!(summit.as_deref(), Some("قمة/noun"));
        let putin = session
            .card_of_token(token_of(&doc, "بوتين"))
            .map(|c| session.cards()[c].gloss.clone());
        assert_eq!(putin.as_deref(), Some("Vladimir Putin"));
        assert_eq!(session.card_of_token(token_of(&doc, "،")), None);
    }

    #[test]
    fn statuses_and_edits_show_at_once() {
        let doc = Document::bundled();
        let analysis = analyze(&doc);
        let mut session = Session::open(None, &doc, &analysis).session;
        let token = token_of(&doc, "قمة");
        assert_eq!(session.status_of_token(token), Some(Status::New));
        session.set_status("قمة/noun", Status::Learning);
        assert_eq!(session.status_of_token(token), Some(Status::Learning));
        assert!(session.is_unsaved());

        let i = session.card_index("قمة/noun").unwrap_or_default();
        let lexicon = session.lexicon_gloss(i).to_owned();
        session.set_edit(
            "قمة/noun",
            Edit {
                gloss: Some(" top meeting ".into()),
                note: "plural قمم".into(),
            },
        );
        assert_eq!(session.cards()[i].gloss, "top meeting");
        assert_eq!(session.cards()[i].note, "plural قمم");
        // Back to the lexicon's gloss: no edit of the gloss is kept.
        session.set_edit(
            "قمة/noun",
            Edit {
                gloss: Some(lexicon.clone()),
                note: String::new(),
            },
        );
        assert_eq!(session.cards()[i].gloss, lexicon);
        assert!(session.progress.edit("قمة/noun").is_none());
    }
}
