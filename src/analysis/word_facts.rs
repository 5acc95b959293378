//! What the name and relation rules ask of a token: its chosen lemma's matching form, part of
//! speech and pronoun, and all its readings.

use foldhash::{HashMap, HashMapExt as _};

use super::lemma_table::LemmaTable;
use super::lexicon::Pos;
use super::readings::{NONE, Reading, Words};

/// Per token, the matching form of its chosen lemma (interned), beside the readings.
pub struct WordFacts<'a> {
    pub words: &'a Words,
    keys: Vec<u32>,
    /// Per reading (a global index of `words`), the matching form of its lemma.
    reading_keys: Vec<u32>,
    key_text: Vec<&'a str>,
}

impl<'a> WordFacts<'a> {
    /// The facts of every token of `words`, whose lemmas are `lemmas`.
    #[must_use]
    pub fn new(words: &'a Words, tokens: usize, lemmas: &'a LemmaTable) -> Self {
        // Lemmas that differ (a curated entry and a BAMA lemma) may share a matching form.
        let mut by_text: HashMap<&str, u32> = HashMap::new();
        let mut key_text: Vec<&str> = Vec::new();
        let key_of_lemma: Vec<u32> = (0..lemmas.len())
            .map(|n| {
                let text = lemmas
                    .get(u32::try_from(n).unwrap_or(NONE))
                    .map_or("", |l| l.key());
                *by_text.entry(text).or_insert_with(|| {
                    key_text.push(text);
                    u32::try_from(key_text.len() - 1).unwrap_or(NONE)
                })
            })
            .collect();
        let key = |r: u32| {
            key_of_lemma
                .get(lemmas.number_of_reading(r) as usize)
                .copied()
                .unwrap_or(NONE)
        };
        let reading_keys = (0..words.reading_count())
            .map(|r| key(u32::try_from(r).unwrap_or(NONE)))
            .collect();
        let keys = (0..tokens)
            .map(|t| words.chosen.get(t).map_or(NONE, |&r| key(r)))
            .collect();
        Self {
            words,
            keys,
            reading_keys,
            key_text,
        }
    }

    /// The matching form of token `t`'s lemma.
    #[must_use]
    pub fn lemma_key(&self, t: usize) -> Option<&str> {
        let k = *self.keys.get(t)?;
        self.key_text.get(k as usize).copied()
    }

    /// The matching forms of the lemmas of all of token `t`'s readings, the chosen one first
    /// (a rule's trigger may be a reading the context did not choose: تدعم is "supports" as
    /// well as "is supported"). Each form once; nothing is allocated (this is asked of every
    /// word of every sentence).
    pub fn lemma_keys(&self, t: usize) -> impl Iterator<Item = &str> {
        let chosen = self.keys.get(t).copied().unwrap_or(NONE);
        let readings = self
            .words
            .spelling(t)
            .map_or(0..0, |s| self.words.readings_of_spelling(s));
        let of_readings = self
            .reading_keys
            .get(readings.start as usize..readings.end as usize)
            .unwrap_or_default();
        let others = of_readings
            .iter()
            .enumerate()
            .filter(move |&(i, &k)| k != chosen && !of_readings[..i].contains(&k))
            .map(|(_, &k)| k);
        std::iter::once(chosen)
            .chain(others)
            .filter_map(|k| self.key_text.get(k as usize).copied())
    }

    /// Whether `key` is among [`Self::lemma_keys`] of token `t`.
    #[must_use]
    pub fn has_lemma_key(&self, t: usize, key: &str) -> bool {
        self.lemma_keys(t).any(|k| k == key)
    }

    #[must_use]
    pub fn pos(&self, t: usize) -> Option<Pos> {
        self.words.chosen(t).map(|r| r.pos)
    }

    #[must_use]
    pub fn is_verb(&self, t: usize) -> bool {
        self.pos(t) == Some(Pos::Verb)
    }

    /// Whether the chosen reading ends in a pronoun (his, their…).
    #[must_use]
    pub fn has_pronoun(&self, t: usize) -> bool {
        self.words.chosen(t).is_some_and(|r| r.enclitic != 0)
    }

    #[must_use]
    pub fn enclitic(&self, t: usize) -> Option<&'static str> {
        self.words.chosen(t).and_then(Reading::enclitic)
    }

    /// Every reading of token `t`.
    #[must_use]
    pub fn readings(&self, t: usize) -> &[Reading] {
        self.words.readings(t)
    }
}
