//! The facts of every lemma one analysis reads its words as, each made once: a BAMA lemma's
//! facts are built from its stems (vowels, root, gloss, plural or present), and the choice of
//! readings, the names, the vocabulary and the JSON all ask for them, a reading at a time.
//! Kept by the analysis, not by the process, so nothing stays behind; the texts of all the
//! lemmas are kept in one string (a text of varied words has some 17,000 lemmas, and eight
//! strings apiece held 8 MB for 1 MB of text).

use foldhash::{HashMap, HashMapExt as _};

use super::in_order::map_in_order;
use super::lemmas::{LemmaFacts, LemmaRef};
use super::lexicon::Pos;
use super::readings::{NONE, Words};
use crate::arabic::normalize::normalize;
use crate::arabic::translit::transliterate;

/// Lemmas whose facts one core makes at a time.
const LEMMAS_PER_PIECE: usize = 256;

/// The texts of a lemma, by their place in [`Packed::texts`].
const LEMMA: usize = 0;
const VOCALIZED: usize = 1;
const ROOT: usize = 2;
const GLOSS: usize = 3;
const PLURAL_OR_PRESENT: usize = 4;
const TRANSLIT: usize = 5;
const KEY: usize = 6;
const STABLE_ID: usize = 7;

/// One lemma: where each of its texts lies in the table's string.
#[derive(Clone, Copy, Debug, Default)]
struct Packed {
    texts: [(u32, u32); 8],
    pos: Pos,
    has_plural_or_present: bool,
    has_stable_id: bool,
}

/// Every lemma of the readings of a [`Words`], in order of first reading.
#[derive(Clone, Debug, Default)]
pub struct LemmaTable {
    text: String,
    lemmas: Vec<Packed>,
    index: HashMap<LemmaRef, u32>,
    /// Per reading (a global index of the words), its lemma in `lemmas`.
    of_reading: Vec<u32>,
}

/// One lemma of a [`LemmaTable`], as the analysis shows it (by default, one with no texts).
#[derive(Clone, Copy, Debug, Default)]
pub struct Lemma<'a> {
    text: &'a str,
    packed: Packed,
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
        // Each piece packs its lemmas into its own string on its core; the pieces are then
        // joined, their places shifted. An article's few hundred lemmas stay on the caller's
        // thread: handing two pieces to the pool while the window starts made it come up
        // 100 ms later holding 25 MB more (.ci/startup-time).
        let pieces = map_in_order(distinct.len().div_ceil(LEMMAS_PER_PIECE), 4, |piece| {
            let start = piece * LEMMAS_PER_PIECE;
            let lemmas = distinct.get(start..(start + LEMMAS_PER_PIECE).min(distinct.len()));
            let mut text = String::new();
            let packed: Vec<Packed> = lemmas
                .unwrap_or_default()
                .iter()
                .map(|&lemma| {
                    let facts = match lemma {
                        LemmaRef::User(u) => user.get(u as usize).cloned(),
                        other => other.facts(),
                    }
                    .unwrap_or_default();
                    pack(&mut text, lemma, &facts)
                })
                .collect();
            (text, packed)
        });
        let mut text = String::with_capacity(pieces.iter().map(|(t, _)| t.len()).sum());
        let mut lemmas = Vec::with_capacity(distinct.len());
        for (piece, packed) in pieces {
            let shift = u32::try_from(text.len()).unwrap_or(u32::MAX);
            text.push_str(&piece);
            lemmas.extend(packed.into_iter().map(|mut p| {
                for (start, end) in &mut p.texts {
                    *start = start.saturating_add(shift);
                    *end = end.saturating_add(shift);
                }
                p
            }));
        }
        Self {
            text,
            lemmas,
            index,
            of_reading,
        }
    }

    /// The lemma of reading `r` (a global index of the words).
    #[must_use]
    pub fn of_reading(&self, r: u32) -> Option<Lemma<'_>> {
        self.get(*self.of_reading.get(r as usize)?)
    }

    /// The number in this table of reading `r`'s lemma, or [`NONE`].
    #[must_use]
    pub fn number_of_reading(&self, r: u32) -> u32 {
        self.of_reading.get(r as usize).copied().unwrap_or(NONE)
    }

    /// Lemma number `n` of this table.
    #[must_use]
    pub fn get(&self, n: u32) -> Option<Lemma<'_>> {
        self.lemmas.get(n as usize).map(|&packed| Lemma {
            text: &self.text,
            packed,
        })
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
    pub fn find(&self, lemma: LemmaRef) -> Option<Lemma<'_>> {
        self.get(*self.index.get(&lemma)?)
    }
}

/// Appends the texts of `lemma`, whose facts are `facts`, to `text`, and says where they are.
fn pack(text: &mut String, lemma: LemmaRef, facts: &LemmaFacts) -> Packed {
    let mut packed = Packed {
        pos: facts.pos,
        has_plural_or_present: facts.plural_or_present.is_some(),
        ..Packed::default()
    };
    let stable_id = lemma.stable_id();
    packed.has_stable_id = stable_id.is_some();
    let texts: [&str; 8] = [
        &facts.lemma,
        &facts.vocalized,
        &facts.root,
        &facts.gloss_en,
        facts.plural_or_present.as_deref().unwrap_or_default(),
        &transliterate(&facts.vocalized),
        &normalize(&facts.lemma),
        stable_id.as_deref().unwrap_or_default(),
    ];
    for (place, t) in packed.texts.iter_mut().zip(texts) {
        let start = u32::try_from(text.len()).unwrap_or(u32::MAX);
        text.push_str(t);
        *place = (start, u32::try_from(text.len()).unwrap_or(u32::MAX));
    }
    packed
}

impl<'a> Lemma<'a> {
    fn text(&self, which: usize) -> &'a str {
        let (start, end) = self.packed.texts[which];
        self.text
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// Without vowels, as texts write it.
    #[must_use]
    pub fn lemma(&self) -> &'a str {
        self.text(LEMMA)
    }

    #[must_use]
    pub fn vocalized(&self) -> &'a str {
        self.text(VOCALIZED)
    }

    /// Letters separated by spaces, or empty.
    #[must_use]
    pub fn root(&self) -> &'a str {
        self.text(ROOT)
    }

    #[must_use]
    pub fn pos(&self) -> Pos {
        self.packed.pos
    }

    #[must_use]
    pub fn gloss_en(&self) -> &'a str {
        self.text(GLOSS)
    }

    /// For nouns the plural, for verbs the present tense, where known.
    #[must_use]
    pub fn plural_or_present(&self) -> Option<&'a str> {
        self.packed
            .has_plural_or_present
            .then(|| self.text(PLURAL_OR_PRESENT))
    }

    /// DIN 31635 of the vocalized form.
    #[must_use]
    pub fn translit(&self) -> &'a str {
        self.text(TRANSLIT)
    }

    /// The form words are matched on (the bare lemma, normalized).
    #[must_use]
    pub fn key(&self) -> &'a str {
        self.text(KEY)
    }

    /// [`LemmaRef::stable_id`].
    #[must_use]
    pub fn stable_id(&self) -> Option<&'a str> {
        self.packed.has_stable_id.then(|| self.text(STABLE_ID))
    }

    /// The facts, as their own strings.
    #[must_use]
    pub fn facts(&self) -> LemmaFacts {
        LemmaFacts {
            lemma: self.lemma().to_owned(),
            vocalized: self.vocalized().to_owned(),
            root: self.root().to_owned(),
            pos: self.pos(),
            gloss_en: self.gloss_en().to_owned(),
            plural_or_present: self.plural_or_present().map(str::to_owned),
        }
    }
}
