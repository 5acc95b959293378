//! Vocabulary cards (one per lemma and part of speech) and how a deck of them is ordered and filtered.

use std::collections::BTreeSet;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::progress::{Progress, Status};
use super::unix_now;

/// Everything one vocabulary card shows, front and back. Self-contained (no references into
/// a `Document`), so exports, the cards panel and other tools can all use it as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Card {
    /// The dictionary form without tashkeel. With `pos`, the card's identity (see [`Card::key`]).
    pub lemma: String,
    /// The dictionary form with tashkeel (may equal `lemma` when the lexicon has none).
    pub vocalized: String,
    /// A Latin transliteration of the vocalized form.
    pub translit: String,
    /// The English meaning (a teacher's edit replaces the lexicon's).
    pub gloss: String,
    /// A teacher's note (empty when none).
    pub note: String,
    /// The root letters separated by spaces ("ق م م"), empty for particles and foreign names.
    pub root: String,
    /// Part of speech as the lexicon names it ("noun", "verb", "adjective", …).
    pub pos: String,
    /// The forms of the word as they appear in the text, first seen first.
    pub forms: Vec<String>,
    /// A sentence of the text that uses the word.
    pub example: Example,
    /// A name of a person, state or place: studied as its own, optional group.
    pub is_name: bool,
    /// Byte offset of the word's first appearance in the text (for "order of appearance").
    pub first_position: usize,
    /// How many times the word appears in the text.
    pub count: usize,
}

/// A sentence of the text that uses a card's word, with the word marked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Example {
    /// Index of the sentence in the document (to jump the reader there).
    pub sentence: usize,
    /// Byte offset of the sentence in the document.
    pub start: usize,
    /// The sentence exactly as in the text.
    pub text: String,
    /// Its English translation, when one is known.
    pub translation: Option<String>,
    /// Byte range of the word inside `text` (not inside the document).
    pub word: Range<usize>,
}

impl Card {
    /// What identifies the card's word in saved progress and in exported notes: its lemma and
    /// part of speech (عمل the noun "work" and عمل the verb "to work" are two cards).
    #[must_use]
    pub fn key(&self) -> String {
        word_key(&self.lemma, &self.pos)
    }
}

/// The key of a word with `lemma` and part of speech `pos` (as the lexicon spells it): for
/// looking up the status of a word of the text (`word_key(&entry.lemma, entry.pos.as_str())`).
#[must_use]
pub fn word_key(lemma: &str, pos: &str) -> String {
    if pos.is_empty() {
        lemma.to_owned()
    } else {
        format!("{lemma}/{pos}")
    }
}

impl Example {
    /// Byte range of the word in the document.
    #[must_use]
    pub fn word_in_document(&self) -> Range<usize> {
        self.start + self.word.start..self.start + self.word.end
    }

    /// The sentence cut around the word: (before, word, after). Never panics: a range that
    /// does not fall on character boundaries of `text` marks no word.
    #[must_use]
    pub fn parts(&self) -> (&str, &str, &str) {
        let Range { start, end } = self.word;
        match (
            self.text.get(..start),
            self.text.get(start..end),
            self.text.get(end..),
        ) {
            (Some(before), Some(word), Some(after)) if start < end => (before, word, after),
            _ => (&self.text, "", ""),
        }
    }
}

/// In which order the deck is studied.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    /// As the words first appear in the text.
    #[default]
    FirstAppearance,
    /// Most frequent first; ties in order of appearance.
    Frequency,
}

/// Whether names of people, states and places are in the deck.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Names {
    /// Words only (names are an optional group, off unless asked for).
    #[default]
    Exclude,
    /// Words and names together.
    Include,
    /// Only the names.
    Only,
}

/// Which cards of a deck to study, and in what order. Saved with the progress.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeckFilter {
    pub order: Order,
    pub names: Names,
    /// Parts of speech to keep; empty keeps all.
    pub pos: BTreeSet<String>,
    /// Statuses to keep; empty keeps all.
    pub statuses: BTreeSet<Status>,
    /// Keep only the words due now: answered before and due, or never answered and neither
    /// known nor ignored (see [`Progress::is_due`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub due_now: bool,
}

impl DeckFilter {
    /// Indices into `cards` of the cards this filter keeps now, in its order.
    #[must_use]
    pub fn apply(&self, cards: &[Card], progress: &Progress) -> Vec<usize> {
        self.apply_at(cards, progress, unix_now())
    }

    /// Indices into `cards` of the cards this filter keeps at `now` (Unix seconds), in its order.
    #[must_use]
    pub fn apply_at(&self, cards: &[Card], progress: &Progress, now: u64) -> Vec<usize> {
        let mut kept: Vec<usize> = (0..cards.len())
            .filter(|&i| self.keeps(&cards[i], progress, now))
            .collect();
        match self.order {
            Order::FirstAppearance => kept.sort_by_key(|&i| (cards[i].first_position, i)),
            Order::Frequency => kept.sort_by_key(|&i| {
                (
                    std::cmp::Reverse(cards[i].count),
                    cards[i].first_position,
                    i,
                )
            }),
        }
        kept
    }

    /// Whether this filter keeps `card` at `now`.
    #[must_use]
    pub fn keeps(&self, card: &Card, progress: &Progress, now: u64) -> bool {
        let names_ok = match self.names {
            Names::Exclude => !card.is_name,
            Names::Include => true,
            Names::Only => card.is_name,
        };
        names_ok
            && (self.pos.is_empty() || self.pos.contains(&card.pos))
            && (self.statuses.is_empty() || self.statuses.contains(&progress.status(&card.key())))
            && (!self.due_now || progress.is_due(&card.key(), now))
    }
}

/// The parts of speech present in `cards`, sorted: the choices a part-of-speech filter offers.
#[must_use]
pub fn parts_of_speech(cards: &[Card]) -> Vec<String> {
    let set: BTreeSet<&str> = cards
        .iter()
        .map(|c| c.pos.as_str())
        .filter(|p| !p.is_empty())
        .collect();
    set.into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(lemma: &str, pos: &str, first: usize, count: usize) -> Card {
        Card {
            lemma: lemma.into(),
            pos: pos.into(),
            first_position: first,
            count,
            ..Card::default()
        }
    }

    #[test]
    fn orders_by_appearance_or_frequency() {
        let cards = vec![
            card("قمة", "noun", 10, 4),
            card("عقد", "verb", 0, 1),
            card("روسي", "adjective", 20, 4),
        ];
        let progress = Progress::default();
        let by_appearance = DeckFilter::default().apply(&cards, &progress);
        assert_eq!(by_appearance, vec![1, 0, 2]);
        let by_frequency = DeckFilter {
            order: Order::Frequency,
            ..DeckFilter::default()
        }
        .apply(&cards, &progress);
        assert_eq!(by_frequency, vec![0, 2, 1]);
    }

    #[test]
    fn filters_by_names_pos_and_status() {
        let mut putin = card("بوتين", "name", 5, 3);
        putin.is_name = true;
        let cards = vec![card("قمة", "noun", 10, 4), putin, card("عقد", "verb", 0, 1)];
        let mut progress = Progress::default();
        progress.set_status(&cards[2].key(), Status::Known);

        let words = DeckFilter::default().apply(&cards, &progress);
        assert_eq!(words, vec![2, 0]);
        let names = DeckFilter {
            names: Names::Only,
            ..DeckFilter::default()
        };
        assert_eq!(names.apply(&cards, &progress), vec![1]);
        let verbs = DeckFilter {
            pos: BTreeSet::from(["verb".to_owned()]),
            ..DeckFilter::default()
        };
        assert_eq!(verbs.apply(&cards, &progress), vec![2]);
        let new_only = DeckFilter {
            names: Names::Include,
            statuses: BTreeSet::from([Status::New]),
            ..DeckFilter::default()
        };
        assert_eq!(new_only.apply(&cards, &progress), vec![1, 0]);
        let due = DeckFilter {
            due_now: true,
            ..DeckFilter::default()
        };
        // عقد is known (not due); قمة, never answered, is due until answered Good.
        assert_eq!(due.apply_at(&cards, &progress, 0), vec![0]);
        let summit = cards[0].key();
        let next = progress.rate(&summit, crate::study::Rating::Good, 0).due;
        assert!(due.apply_at(&cards, &progress, next - 1).is_empty());
        assert_eq!(due.apply_at(&cards, &progress, next), vec![0]);
        assert_eq!(parts_of_speech(&cards), vec!["name", "noun", "verb"]);
    }

    #[test]
    fn example_parts_mark_the_word_and_survive_bad_ranges() {
        let text = "عقد بوتين قمة";
        let at = text.find("قمة").unwrap_or_default();
        let example = Example {
            text: text.into(),
            word: at..text.len(),
            ..Example::default()
        };
        assert_eq!(example.parts(), ("عقد بوتين ", "قمة", ""));
        let broken = Example {
            word: 1..3,
            ..example
        };
        assert_eq!(broken.parts(), (text, "", ""));
    }
}
