//! One name for a lemma wherever it comes from (the curated lexicon, BAMA, a learner's typed
//! meaning), and its facts as cards and popups show them.

use foldhash::{HashMap, HashMapExt as _};
use std::sync::LazyLock;

use super::bama::{self, Tables};
use super::lexicon::{Lexicon, Pos};
use crate::arabic::normalize::normalize;

/// A lemma: an entry of the curated lexicon (`assets/lexicon.tsv`), a lemma of BAMA, or a
/// word a learner gave a meaning to (index into the analysis's own list).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LemmaRef {
    Curated(u32),
    Bama(u32),
    User(u32),
}

/// What a card or popup shows of a lemma.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LemmaFacts {
    /// Without vowels, as texts write it.
    pub lemma: String,
    pub vocalized: String,
    /// Letters separated by spaces, or empty (names, loanwords, particles).
    pub root: String,
    pub pos: Pos,
    pub gloss_en: String,
    /// For nouns the plural, for verbs the present tense, where known.
    pub plural_or_present: Option<String>,
}

impl LemmaRef {
    /// A name that stays the same across versions of the data, for saving a learner's choice
    /// (`bama:kitAb_1`, `lexicon:قمة:noun`); `None` for a learner's own word.
    #[must_use]
    pub fn stable_id(self) -> Option<String> {
        match self {
            Self::Curated(i) => Lexicon::bundled()
                .entry(i as usize)
                .map(|e| format!("lexicon:{}:{}", e.lemma, e.pos.as_str())),
            Self::Bama(i) => Tables::bundled()
                .lemmas
                .get(i as usize)
                .map(|l| format!("bama:{}", Tables::bundled().str(l.id))),
            Self::User(_) => None,
        }
    }

    /// The facts of a curated or BAMA lemma (a learner's words are the analysis's to say).
    #[must_use]
    pub fn facts(self) -> Option<LemmaFacts> {
        match self {
            Self::Curated(i) => Lexicon::bundled().entry(i as usize).map(|e| LemmaFacts {
                lemma: e.lemma.clone(),
                vocalized: e.vocalized.clone(),
                root: e.root.clone(),
                pos: e.pos,
                gloss_en: e.gloss_en.clone(),
                plural_or_present: e.plural_or_present.clone(),
            }),
            Self::Bama(i) => Tables::bundled()
                .lemma_facts(i as usize)
                .map(|f| LemmaFacts {
                    lemma: f.bare,
                    vocalized: f.vocalized,
                    root: f.root,
                    pos: f.pos,
                    gloss_en: f.gloss,
                    plural_or_present: f.plural_or_present,
                }),
            Self::User(_) => None,
        }
    }
}

/// The curated entry that is the same lemma as BAMA lemma `lemma`, if any: same spelling
/// without vowels, both verbs or both not. Found once for all curated entries, by analyzing
/// each curated lemma as a word.
#[must_use]
pub fn curated_twin(lemma: u32) -> Option<u32> {
    static TWINS: LazyLock<HashMap<u32, u32>> = LazyLock::new(|| {
        let lexicon = Lexicon::bundled();
        let t = Tables::bundled();
        let mut twins = HashMap::new();
        for (id, entry) in lexicon.entries.iter().enumerate() {
            let Some(key) = bama::word_key(&entry.lemma) else {
                continue;
            };
            for s in bama::solutions(t, &key) {
                let split = s.split(t);
                if split.proclitics != 0 || split.enclitic != 0 {
                    continue;
                }
                let l = s.stem_entry(t).lemma;
                let Some(f) = t.lemma_facts(l as usize) else {
                    continue;
                };
                let same = normalize(&f.bare) == entry.lemma_key
                    && (f.pos == Pos::Verb) == (entry.pos == Pos::Verb);
                if same && let Ok(id) = u32::try_from(id) {
                    twins.entry(l).or_insert(id);
                }
            }
        }
        twins
    });
    TWINS.get(&lemma).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bama_lemma_the_lexicon_has_is_the_lexicon_entry() {
        let t = Tables::bundled();
        let summit = t
            .lemma_by_id("qim~ap_1")
            .and_then(|l| u32::try_from(l).ok());
        let twin = summit.and_then(curated_twin).map(LemmaRef::Curated);
        assert_eq!(
            twin.and_then(LemmaRef::facts).map(|f| f.lemma),
            Some("قمة".to_owned())
        );
        assert_eq!(
            twin.and_then(LemmaRef::stable_id).as_deref(),
            Some("lexicon:قمة:noun")
        );
    }
}
