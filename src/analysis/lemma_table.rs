//! The facts of every lemma one analysis reads its words as, each made once: a BAMA lemma's
//! facts are built from its stems (vowels, root, gloss, plural or present), and the names, the
//! vocabulary and the JSON all ask for them, a reading at a time. Kept by the analysis, not by
//! the process, so a text's lemmas cost it nothing after and nothing stays behind.

use foldhash::{HashMap, HashMapExt as _};

use super::in_order::map_in_order;
use super::lemmas::{LemmaFacts, LemmaRef};
use super::readings::{NONE, Words};
use crate::arabic::normalize::normalize;
use crate::arabic::translit::transliterate;

/// Lemmas whose facts one core makes at a time.
const LEMMAS_PER_PIECE: usize = 256;

/// One lemma as the analysis shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LemmaShown {
    pub facts: LemmaFacts,
    /// DIN 31635 of the vocalized form.
    pub translit: String,
    /// The form words are matched on (the bare lemma, normalized).
    pub key: String,
    /// [`LemmaRef::stable_id`].
    pub stable_id: Option<String>,
}

/// Every lemma of the readings of a [`Words`], in order of first reading.
#[derive(Clone, Debug, Default)]
pub struct LemmaTable {
    lemmas: Vec<LemmaShown>,
    index: HashMap<LemmaRef, u32>,
    /// Per reading (a global index of the words), its lemma in `lemmas`.
    of_reading: Vec<u32>,
}

impl LemmaTable {
    /// The lemmas of every reading of `words`; `user` are the facts of a learner's own words
    /// (`LemmaRef::User`).
    #[must_use]
    pub fn new(words: &Words, user: &[LemmaFacts]) -> Self {
        let mut index: HashMap<LemmaRef, u32> = HashMap::new();
        let mut distinct: Vec<LemmaRef> = Vec::new();
        let of_reading = (0..words.reading_count())
            .map(|r| {
                let Some(reading) = words.reading(u32::try_from(r).unwrap_or(NONE)) else {
                    return NONE;
                };
                *index.entry(reading.lemma).or_insert_with(|| {
                    distinct.push(reading.lemma);
                    u32::try_from(distinct.len() - 1).unwrap_or(NONE)
                })
            })
            .collect();
        let lemmas = map_in_order(distinct.len(), LEMMAS_PER_PIECE, |i| {
            let lemma = distinct[i];
            let facts = match lemma {
                LemmaRef::User(u) => user.get(u as usize).cloned(),
                other => other.facts(),
            }
            .unwrap_or_default();
            LemmaShown {
                translit: transliterate(&facts.vocalized),
                key: normalize(&facts.lemma),
                stable_id: lemma.stable_id(),
                facts,
            }
        });
        Self {
            lemmas,
            index,
            of_reading,
        }
    }

    /// The lemma of reading `r` (a global index of the words).
    #[must_use]
    pub fn of_reading(&self, r: u32) -> Option<&LemmaShown> {
        self.lemmas.get(*self.of_reading.get(r as usize)? as usize)
    }

    /// The number in this table of reading `r`'s lemma, or [`NONE`].
    #[must_use]
    pub fn number_of_reading(&self, r: u32) -> u32 {
        self.of_reading.get(r as usize).copied().unwrap_or(NONE)
    }

    /// Lemma number `n` of this table.
    #[must_use]
    pub fn get(&self, n: u32) -> Option<&LemmaShown> {
        self.lemmas.get(n as usize)
    }

    /// How many distinct lemmas the readings have.
    #[must_use]
    pub fn len(&self) -> usize {
        self.lemmas.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.lemmas.is_empty()
    }

    /// `lemma`, if a reading of the words has it.
    #[must_use]
    pub fn find(&self, lemma: LemmaRef) -> Option<&LemmaShown> {
        self.get(*self.index.get(&lemma)?)
    }
}
