//! The deck of a document: a card per lemma, and one per person, state or place it names.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::deck::{Card, Example, word_key};
use crate::analysis::entities::MentionVia;
use crate::analysis::lexicon::Pos;
use crate::analysis::{Analysis, Document, Entity, EntityKind, VocabEntry};

/// The part of speech given to name cards.
pub const NAME_POS: &str = "proper_noun";

/// The cards of a document: its vocabulary in order of first appearance, then the names of
/// people, states and places it mentions (marked `is_name`, an optional group). A lexicon
/// proper noun that only ever occurs inside such a name (كوريا in كوريا الشمالية) gives way
/// to the name's card.
#[must_use]
pub fn deck_from_analysis(doc: &Document, analysis: &Analysis) -> Vec<Card> {
    let names: Vec<&Entity> = analysis
        .entities
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EntityKind::Person | EntityKind::State | EntityKind::Place
            )
        })
        .collect();
    let in_names: HashSet<usize> = names
        .iter()
        .flat_map(|e| e.mentions.iter())
        .filter(|m| m.via == MentionVia::Name)
        .flat_map(|m| m.tokens.clone())
        .collect();
    let in_a_name = |t: &usize| in_names.contains(t);
    let mut cards: Vec<Card> = analysis
        .vocabulary
        .iter()
        .filter(|v| v.pos != Pos::ProperNoun || !v.occurrences.iter().all(in_a_name))
        .filter_map(|v| {
            let mut card = word_card(doc, analysis, v)?;
            // A proper noun is a name when the gazetteer knows it as one (not a month).
            card.is_name = v.pos == Pos::ProperNoun && v.occurrences.iter().any(in_a_name);
            Some(card)
        })
        .collect();
    // A name the lexicon also lists as a proper noun keeps the lexicon's card.
    let mut lemmas: HashSet<String> = cards.iter().map(|c| c.lemma.clone()).collect();
    for entity in names {
        if let Some(card) = name_card(doc, analysis, entity)
            && lemmas.insert(card.lemma.clone())
        {
            cards.push(card);
        }
    }
    cards
}

fn word_card(doc: &Document, analysis: &Analysis, v: &VocabEntry) -> Option<Card> {
    let first = doc.tokens.get(*v.occurrences.first()?)?;
    // The first sentence that has a translation makes the best example; else the first one.
    let sentence = v
        .sentences
        .iter()
        .copied()
        .find(|&s| analysis.translation(s).is_some())
        .or_else(|| v.sentences.first().copied())?;
    let word = v
        .occurrences
        .iter()
        .filter_map(|&t| doc.tokens.get(t))
        .find(|t| t.sentence == sentence)?
        .range
        .clone();
    Some(Card {
        lemma: v.lemma.clone(),
        vocalized: v.vocalized.clone(),
        translit: v.translit.clone(),
        gloss: v.gloss_en.clone(),
        note: String::new(),
        root: v.root.clone(),
        pos: v.pos.as_str().to_owned(),
        forms: v.forms.clone(),
        example: example(doc, analysis, sentence, word),
        is_name: false,
        first_position: first.range.start,
        count: v.count,
    })
}

fn name_card(doc: &Document, analysis: &Analysis, entity: &Entity) -> Option<Card> {
    let mentions: Vec<_> = entity
        .mentions
        .iter()
        .filter(|m| m.via == MentionVia::Name)
        .collect();
    let first = mentions.first()?;
    let shown = mentions
        .iter()
        .find(|m| analysis.translation(m.sentence).is_some())
        .unwrap_or(first);
    let mut forms: Vec<String> = Vec::new();
    for m in &mentions {
        let form = doc.slice(&m.range());
        if !forms.iter().any(|f| f == form) {
            forms.push(form.to_owned());
        }
    }
    Some(Card {
        lemma: entity.name_ar.clone(),
        vocalized: entity.name_ar.clone(),
        // The gazetteer has no vowels for names, and letters alone would mislead; the English
        // name says how it sounds.
        translit: String::new(),
        gloss: entity.name_en.clone(),
        note: String::new(),
        root: String::new(),
        pos: NAME_POS.to_owned(),
        forms,
        example: example(doc, analysis, shown.sentence, shown.range()),
        is_name: true,
        first_position: first.start,
        count: mentions.len(),
    })
}

/// Sentence `sentence` as an example, with `word` (bytes of the document) marked inside it.
fn example(doc: &Document, analysis: &Analysis, sentence: usize, word: Range<usize>) -> Example {
    let start = doc.sentences.get(sentence).map_or(0, |s| s.range.start);
    Example {
        sentence,
        start,
        text: doc.sentence_text(sentence).to_owned(),
        translation: analysis.translation(sentence).map(str::to_owned),
        word: word.start.saturating_sub(start)..word.end.saturating_sub(start),
    }
}

/// Which card each token belongs to: its lexicon entry's card, else the card of the name
/// (person, state, place) it is part of. `by_key` finds a card's index by its key.
#[must_use]
pub fn cards_of_tokens(
    doc: &Document,
    analysis: &Analysis,
    by_key: &HashMap<String, usize>,
) -> Vec<Option<usize>> {
    let mut cards: Vec<Option<usize>> = (0..doc.tokens.len())
        .map(|t| {
            let entry = analysis.entry_of_token(t)?;
            by_key
                .get(&word_key(&entry.lemma, entry.pos.as_str()))
                .copied()
        })
        .collect();
    for entity in &analysis.entities {
        if !matches!(
            entity.kind,
            EntityKind::Person | EntityKind::State | EntityKind::Place
        ) {
            continue;
        }
        let Some(&card) = by_key.get(&word_key(&entity.name_ar, NAME_POS)) else {
            continue;
        };
        for mention in entity.mentions.iter().filter(|m| m.via == MentionVia::Name) {
            for t in mention.tokens.clone() {
                if let Some(slot @ None) = cards.get_mut(t) {
                    *slot = Some(card);
                }
            }
        }
    }
    cards
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    #[test]
    fn the_bundled_article_makes_a_deck() {
        let doc = Document::bundled();
        let cards = deck_from_analysis(&doc, &analyze(&doc));
        let summit = cards
            .iter()
            .find(|c| c.lemma == "قمة")
            .expect("a card for قمة");
        assert_eq!(summit.pos, "noun");
        assert!(summit.count >= 2);
        assert_eq!(summit.example.parts().1, "قمة");
        assert!(summit.example.translation.is_some());
        assert_eq!(
            doc.slice(&(summit.first_position..summit.first_position + 6)),
            "قمة"
        );

        let putin = cards
            .iter()
            .find(|c| c.gloss == "Vladimir Putin")
            .expect("a name card for Putin");
        assert!(putin.is_name);
        let march = cards
            .iter()
            .find(|c| c.lemma == "مارس")
            .expect("a card for March");
        assert!(!march.is_name, "a month is a word to learn, not a name");
        assert!(putin.example.parts().1.contains("بوتين"));

        // One card per word (عمل the noun and the verb are two), and every example marks a
        // word of its own sentence.
        let keys: HashSet<String> = cards.iter().map(Card::key).collect();
        assert_eq!(keys.len(), cards.len());
        for card in &cards {
            assert!(!card.example.parts().1.is_empty(), "{}", card.lemma);
            assert_eq!(card.example.text, doc.sentence_text(card.example.sentence));
        }
    }
}
