//! Decks over more than one text: the texts ticked in the library, or every word the learner has marked anywhere ("all my learning words").

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{Library, LibraryError, TextId};
use crate::analysis::analyze;
use crate::study::{Card, Progress, deck_from_analysis, document_key};

/// Which texts the cards panel and the export take their cards from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The open text.
    #[default]
    ThisText,
    /// The open text and the texts ticked in the library.
    TickedTexts,
    /// The open text and every word marked or answered in any text of the library.
    Library,
}

impl Scope {
    pub const ALL: [Self; 3] = [Self::ThisText, Self::TickedTexts, Self::Library];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::ThisText => "This text",
            Self::TickedTexts => "The texts ticked in the library",
            Self::Library => "The whole library (every word you marked or rated)",
        }
    }
}

/// The cards `scope` adds to the open text's, leaving out the words in `have` (the open
/// text's own), in the order the texts were added, then by first appearance.
///
/// # Errors
/// The database cannot be read.
pub fn scope_cards(
    library: &Library,
    scope: Scope,
    have: &HashSet<String>,
) -> Result<Vec<Card>, LibraryError> {
    let cards = match scope {
        Scope::ThisText => Vec::new(),
        Scope::TickedTexts => {
            let ticked: Vec<TextId> = library
                .texts()?
                .into_iter()
                .filter(|t| t.ticked)
                .map(|t| t.id)
                .collect();
            deck_of_texts(library, &ticked)?
        }
        Scope::Library => library
            .marked_words()?
            .into_iter()
            .map(|(_, card)| card)
            .collect(),
    };
    Ok(cards
        .into_iter()
        .filter(|c| !have.contains(&c.key()))
        .collect())
}

/// One deck from several texts (each analysed now): a card per word, with its occurrences in
/// all of them counted, its forms from all, and its example from the first text that has it.
///
/// # Errors
/// A text is not in the library, or the database cannot be read.
pub fn deck_of_texts(library: &Library, ids: &[TextId]) -> Result<Vec<Card>, LibraryError> {
    let mut order: Vec<String> = Vec::new();
    let mut cards: BTreeMap<String, Card> = BTreeMap::new();
    // "As in the text" orders the first text's words first, then the second's new ones…
    let mut offset = 0;
    for &id in ids {
        let doc = library.document(id)?;
        for mut card in deck_from_analysis(&doc, &analyze(&doc)) {
            card.first_position += offset;
            let key = card.key();
            match cards.get_mut(&key) {
                Some(have) => {
                    have.count += card.count;
                    for form in card.forms {
                        if !have.forms.contains(&form) {
                            have.forms.push(form);
                        }
                    }
                }
                None => {
                    order.push(key.clone());
                    cards.insert(key, card);
                }
            }
        }
        offset += doc.text.len();
    }
    Ok(order.into_iter().filter_map(|k| cards.remove(&k)).collect())
}

/// The deck `dars export` takes, with its saved progress (statuses, schedules and edits from
/// every text; the settings of the first text): the cards of `texts`, else of `doc`, and with
/// `whole_library` every word marked anywhere too. Without a library, `doc`'s cards alone.
///
/// # Errors
/// A text is not in the library, or the database cannot be read.
pub fn export_deck(
    library: Option<&Library>,
    doc: &crate::analysis::Document,
    texts: &[TextId],
    whole_library: bool,
) -> Result<(Vec<Card>, Progress), LibraryError> {
    let Some(library) = library else {
        return Ok((deck_from_analysis(doc, &analyze(doc)), Progress::default()));
    };
    let (mut cards, key) = match texts.first() {
        None => (
            deck_from_analysis(doc, &analyze(doc)),
            document_key(&doc.text),
        ),
        Some(&first) => (
            deck_of_texts(library, texts)?,
            document_key(&library.document(first)?.text),
        ),
    };
    if whole_library {
        let have: HashSet<String> = cards.iter().map(Card::key).collect();
        cards.extend(scope_cards(library, Scope::Library, &have)?);
    }
    let keys: Vec<String> = cards.iter().map(Card::key).collect();
    let progress = library.progress_for(&key, keys.iter().map(String::as_str))?;
    progress.apply_edits(&mut cards);
    Ok((cards, progress))
}
