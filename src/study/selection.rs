//! Which cards an export takes (all, those a filter keeps, the ticked ones): one choice for the export dialog and `dars export`.

use std::collections::{BTreeSet, HashSet};

use super::deck::{Card, DeckFilter};
use super::progress::Progress;

/// Which cards an export takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Which {
    /// Every card of the deck, names included, in the order of the text.
    #[default]
    All,
    /// The cards a filter keeps, in its order.
    Filtered,
    /// The ticked cards: in the filter's order, then any ticked card the filter hides.
    Ticked,
}

/// The cards to export from `cards` (with edits already applied): all of them, those
/// `filter` keeps given the statuses in `progress`, or those whose keys are in `ticked`.
#[must_use]
pub fn select_cards(
    cards: &[Card],
    progress: &Progress,
    filter: &DeckFilter,
    which: Which,
    ticked: &BTreeSet<String>,
) -> Vec<Card> {
    match which {
        Which::All => cards.to_vec(),
        Which::Filtered => filter
            .apply(cards, progress)
            .into_iter()
            .map(|i| cards[i].clone())
            .collect(),
        Which::Ticked => {
            let shown = filter.apply(cards, progress);
            let in_filter: HashSet<usize> = shown.iter().copied().collect();
            let hidden = (0..cards.len()).filter(|i| !in_filter.contains(i));
            shown
                .iter()
                .copied()
                .chain(hidden)
                .map(|i| &cards[i])
                .filter(|c| ticked.contains(&c.key()))
                .cloned()
                .collect()
        }
    }
}

/// How many cards each choice takes, for the export dialog's labels.
#[must_use]
pub fn count_cards(
    cards: &[Card],
    progress: &Progress,
    filter: &DeckFilter,
    ticked: &BTreeSet<String>,
) -> [usize; 3] {
    [
        cards.len(),
        filter.apply(cards, progress).len(),
        cards.iter().filter(|c| ticked.contains(&c.key())).count(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::{Names, Status};

    fn card(lemma: &str, pos: &str, first: usize, is_name: bool) -> Card {
        Card {
            lemma: lemma.into(),
            pos: pos.into(),
            first_position: first,
            is_name,
            ..Card::default()
        }
    }

    #[test]
    fn each_choice_takes_its_cards() {
        let cards = vec![
            card("قمة", "noun", 0, false),
            card("بوتين", "proper_noun", 5, true),
            card("عقد", "verb", 9, false),
        ];
        let mut progress = Progress::default();
        progress.set_status("عقد/verb", Status::Known);
        let filter = DeckFilter {
            statuses: [Status::New].into_iter().collect(),
            names: Names::Exclude,
            ..DeckFilter::default()
        };
        let ticked: BTreeSet<String> = ["بوتين/proper_noun".to_owned(), "قمة/noun".to_owned()]
            .into_iter()
            .collect();
        let lemmas = |which| -> Vec<String> {
            select_cards(&cards, &progress, &filter, which, &ticked)
                .into_iter()
                .map(|c| c.lemma)
                .collect()
        };
        assert_eq!(lemmas(Which::All), ["قمة", "بوتين", "عقد"]);
        assert_eq!(lemmas(Which::Filtered), ["قمة"], "new words only, no names");
        assert_eq!(
            lemmas(Which::Ticked),
            ["قمة", "بوتين"],
            "the filter's first, then ticked cards it hides"
        );
        assert_eq!(count_cards(&cards, &progress, &filter, &ticked), [3, 1, 2]);
    }
}
