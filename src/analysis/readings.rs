//! The readings of the document's words: every analysis the curated lexicon and BAMA give each
//! spelling (found once per spelling), and the one chosen for each token.

use foldhash::{HashMap, HashMapExt as _};
use std::ops::Range;

use super::bama::solutions::{ENCLITICS, PROCLITICS, stem_at};
use super::bama::{self, Solution, Tables};
use super::document::Document;
use super::in_order::map_in_order;
use super::lemmas::{LemmaRef, curated_twin};
use super::lexicon::{Lexicon, Pos};
use super::morphology::analyze_word;
use crate::arabic::normalize::letter_offsets;
use crate::arabic::tokenize::TokenKind;

/// No index: a token that is not a word, or a word with no reading.
pub const NONE: u32 = u32::MAX;

/// One way to read a word: its lemma, part of speech, clitics and stem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    pub lemma: LemmaRef,
    pub pos: Pos,
    /// Bit `i` set: [`PROCLITICS`]`[i]` is attached.
    pub proclitics: u8,
    /// Index + 1 into [`ENCLITICS`], 0 for none.
    pub enclitic: u8,
    /// Bytes of the stem inside the word.
    pub stem: (u32, u32),
    /// BAMA's solution (the whole word vocalized, the affixes' glosses), where BAMA gave it.
    pub solution: Option<Solution>,
    /// The curated lexicon's own analysis of the word (hand-checked: it wins).
    pub hand_checked: bool,
}

impl Reading {
    /// The proclitics, in the order they are written.
    pub fn proclitics(&self) -> impl Iterator<Item = &'static str> + use<> {
        let bits = self.proclitics;
        (0..PROCLITICS.len())
            .filter(move |i| bits & (1 << i) != 0)
            .map(|i| PROCLITICS[i])
    }

    /// The pronoun enclitic, if any.
    #[must_use]
    pub fn enclitic(&self) -> Option<&'static str> {
        usize::from(self.enclitic)
            .checked_sub(1)
            .and_then(|i| ENCLITICS.get(i).copied())
    }

    /// A form news rarely use outside quotes: a verb in the first or second person, or a
    /// "you", "your", "my" or "me" suffix (بلينكن read as بِلِين + كُنَّ, "with your
    /// flexibility").
    #[must_use]
    pub fn is_rare_form(&self) -> bool {
        let Some(s) = self.solution else {
            return false;
        };
        let t = Tables::bundled();
        t.prefixes[usize::from(s.prefix)].clitics.rare
            || t.suffixes[usize::from(s.suffix)].clitics.rare
    }

    /// The whole word with its vowels, where BAMA gave them.
    #[must_use]
    pub fn vocalized_word(&self) -> Option<String> {
        self.solution.map(|s| s.vocalized(Tables::bundled()))
    }
}

fn mask_of(clitics: &[&str]) -> u8 {
    clitics
        .iter()
        .filter_map(|c| PROCLITICS.iter().position(|p| p == c))
        .fold(0, |m, i| m | (1 << i))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Every reading of `word` (its text as written): the curated lexicon's first, when
/// `curated` is on and it knows the word, then BAMA's, one per lemma, part of speech and
/// clitics (BAMA's solutions that differ only in case endings are one reading).
#[must_use]
pub fn readings_of(word: &str, curated: bool) -> Vec<Reading> {
    let mut out: Vec<Reading> = Vec::new();
    if curated {
        let a = analyze_word(word, Lexicon::bundled());
        if let Some(id) = a.lemma {
            let pos = Lexicon::bundled()
                .entry(id)
                .map(|e| e.pos)
                .unwrap_or_default();
            out.push(Reading {
                lemma: LemmaRef::Curated(to_u32(id)),
                pos,
                proclitics: mask_of(&a.proclitics),
                enclitic: a
                    .enclitics
                    .first()
                    .and_then(|e| ENCLITICS.iter().position(|x| x == e))
                    .map_or(0, |i| u8::try_from(i + 1).unwrap_or(0)),
                stem: (to_u32(a.stem.start), to_u32(a.stem.end)),
                solution: None,
                hand_checked: true,
            });
        }
    }
    let t = Tables::bundled();
    let offsets = letter_offsets(word);
    for s in bama::solutions::solutions_of_word(t, word) {
        let bama_lemma = s.stem_entry(t).lemma;
        let lemma = if curated {
            curated_twin(bama_lemma).map_or(LemmaRef::Bama(bama_lemma), LemmaRef::Curated)
        } else {
            LemmaRef::Bama(bama_lemma)
        };
        let split = s.split(t);
        let pos = match lemma {
            LemmaRef::Curated(id) => Lexicon::bundled()
                .entry(id as usize)
                .map_or(s.pos(t), |e| e.pos),
            _ => s.pos(t),
        };
        let stem = stem_at(&offsets, split);
        let reading = Reading {
            lemma,
            pos,
            proclitics: split.proclitics,
            enclitic: split.enclitic,
            stem: (to_u32(stem.start), to_u32(stem.end)),
            solution: Some(s),
            hand_checked: false,
        };
        let same = |r: &Reading| {
            r.lemma == reading.lemma
                && r.pos == reading.pos
                && r.proclitics == reading.proclitics
                && r.enclitic == reading.enclitic
        };
        if let Some(existing) = out.iter_mut().find(|r| same(r)) {
            // The curated reading gains BAMA's vowels.
            existing.solution = existing.solution.or(reading.solution);
        } else {
            out.push(reading);
        }
    }
    out
}

/// Tokens numbered at a time on each core when their spellings are found.
const PIECE_TOKENS: usize = 8192;

/// The readings of every spelling in a document, and the chosen one of every token.
#[derive(Clone, Debug, Default)]
pub struct Words {
    /// Per spelling: its readings, a range of `readings`.
    spellings: Vec<(u32, u32)>,
    readings: Vec<Reading>,
    /// Per token: its spelling, or [`NONE`] for numbers, Latin and punctuation.
    spelling_of: Vec<u32>,
    /// Per token: the index in `readings` of the chosen reading, or [`NONE`].
    pub(crate) chosen: Vec<u32>,
    /// Per spelling: the first token written so.
    first_token: Vec<u32>,
}

impl Words {
    /// Finds the readings of every word of `doc` (each spelling once); nothing chosen yet.
    #[must_use]
    pub fn of(doc: &Document, curated: bool) -> Self {
        let mut w = Self::default();
        // Each piece of tokens numbers its own spellings (on every core); the pieces' numbers
        // then become the document's, in order of first occurrence: hashing every word of a
        // long text on one core was the longest wait of this pass.
        let pieces = map_in_order(doc.tokens.len().div_ceil(PIECE_TOKENS), 1, |piece| {
            let start = piece * PIECE_TOKENS;
            let tokens = start..(start + PIECE_TOKENS).min(doc.tokens.len());
            let mut seen: HashMap<&str, u32> = HashMap::new();
            let mut firsts: Vec<(&str, usize)> = Vec::new();
            let local: Vec<u32> = tokens
                .map(|t| {
                    let token = &doc.tokens[t];
                    if token.kind != TokenKind::Word {
                        return NONE;
                    }
                    let text = doc.slice(&token.range);
                    *seen.entry(text).or_insert_with(|| {
                        firsts.push((text, t));
                        to_u32(firsts.len() - 1)
                    })
                })
                .collect();
            (firsts, local)
        });
        let mut seen: HashMap<&str, u32> = HashMap::new();
        let mut texts: Vec<&str> = Vec::new();
        w.spelling_of.reserve(doc.tokens.len());
        for (firsts, local) in pieces {
            let global: Vec<u32> = firsts
                .into_iter()
                .map(|(text, t)| {
                    *seen.entry(text).or_insert_with(|| {
                        texts.push(text);
                        w.first_token.push(to_u32(t));
                        to_u32(texts.len() - 1)
                    })
                })
                .collect();
            w.spelling_of.extend(
                local
                    .into_iter()
                    .map(|s| global.get(s as usize).copied().unwrap_or(NONE)),
            );
        }
        // Each spelling analysed once, on every core, kept in order of first occurrence.
        let readings = map_in_order(texts.len(), 16, |i| readings_of(texts[i], curated));
        for of_spelling in readings {
            let start = to_u32(w.readings.len());
            w.readings.extend(of_spelling);
            w.spellings.push((start, to_u32(w.readings.len())));
        }
        w.chosen = vec![NONE; doc.tokens.len()];
        w
    }

    /// The spelling of token `t` (an index shared by all tokens written the same).
    #[must_use]
    pub fn spelling(&self, t: usize) -> Option<u32> {
        self.spelling_of.get(t).copied().filter(|&s| s != NONE)
    }

    /// The global indices of the readings of spelling `s`.
    #[must_use]
    pub fn readings_of_spelling(&self, s: u32) -> Range<u32> {
        self.spellings.get(s as usize).map_or(0..0, |&(a, b)| a..b)
    }

    /// The readings of token `t`, in order (the chosen one among them).
    #[must_use]
    pub fn readings(&self, t: usize) -> &[Reading] {
        let range = self
            .spelling(t)
            .map_or(0..0, |s| self.readings_of_spelling(s));
        &self.readings[range.start as usize..range.end as usize]
    }

    /// Reading `r` (a global index).
    #[must_use]
    pub fn reading(&self, r: u32) -> Option<&Reading> {
        self.readings.get(r as usize)
    }

    /// The reading chosen for token `t`.
    #[must_use]
    pub fn chosen(&self, t: usize) -> Option<&Reading> {
        self.chosen
            .get(t)
            .copied()
            .filter(|&r| r != NONE)
            .and_then(|r| self.reading(r))
    }

    /// Position of the chosen reading among the token's readings.
    #[must_use]
    pub fn chosen_position(&self, t: usize) -> Option<usize> {
        let r = self.chosen.get(t).copied().filter(|&r| r != NONE)?;
        let s = self.spelling(t)?;
        Some((r - self.readings_of_spelling(s).start) as usize)
    }

    /// The first token with spelling `s`.
    #[must_use]
    pub fn first_token_of(&self, s: u32) -> Option<usize> {
        self.first_token.get(s as usize).map(|&t| t as usize)
    }

    /// Number of readings of all spellings.
    #[must_use]
    pub fn reading_count(&self) -> usize {
        self.readings.len()
    }

    /// Number of distinct spellings.
    #[must_use]
    pub fn spelling_count(&self) -> usize {
        self.spellings.len()
    }

    /// Adds a reading to spelling `s` when it has none (a learner's meaning), returning its index.
    pub(crate) fn add_only_reading(&mut self, s: u32, reading: Reading) -> Option<u32> {
        let &(start, end) = self.spellings.get(s as usize)?;
        if start != end {
            return None;
        }
        // A spelling with no readings may sit anywhere; its one reading goes at the end.
        let at = to_u32(self.readings.len());
        self.readings.push(reading);
        self.spellings[s as usize] = (at, at + 1);
        Some(at)
    }
}

/// What the analysis knows about one token: its chosen lemma and how the word splits. Tokens
/// that are not Arabic words (numbers, Latin, punctuation) and words no lexicon knows have no
/// lemma and no clitics.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TokenInfo {
    pub lemma: Option<LemmaRef>,
    /// In their dictionary spelling (ل + ال is written لل but listed as `["ل", "ال"]`).
    pub proclitics: Vec<&'static str>,
    pub enclitics: Vec<&'static str>,
    /// Bytes of the stem in the document's text (the whole token when nothing is split off).
    pub stem: Range<usize>,
}

impl Words {
    /// The view of token `t` of `doc`.
    #[must_use]
    pub fn token_info(&self, doc: &Document, t: usize) -> Option<TokenInfo> {
        let token = doc.tokens.get(t)?;
        let start = token.range.start;
        Some(match self.chosen(t) {
            Some(r) => TokenInfo {
                lemma: Some(r.lemma),
                proclitics: r.proclitics().collect(),
                enclitics: r.enclitic().into_iter().collect(),
                stem: start + r.stem.0 as usize..start + r.stem.1 as usize,
            },
            None => TokenInfo {
                stem: token.range.clone(),
                ..TokenInfo::default()
            },
        })
    }
}
