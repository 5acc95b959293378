//! The lexicon: lemmas with their vocalized form, root, part of speech, gloss and surface stems.

use foldhash::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

use super::assets::{AssetError, LEXICON_TSV, list, tsv_rows};
use crate::arabic::normalize::normalize;

/// Part of speech, as the lexicon's `pos` column spells it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pos {
    Noun,
    ProperNoun,
    Adjective,
    Number,
    Verb,
    Adverb,
    Preposition,
    Conjunction,
    Particle,
    Pronoun,
    Demonstrative,
    Relative,
    /// A word no lexicon analyses, which a learner gave a meaning to.
    #[default]
    Unknown,
}

impl Pos {
    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "noun" => Self::Noun,
            "proper_noun" => Self::ProperNoun,
            "adjective" => Self::Adjective,
            "number" => Self::Number,
            "verb" => Self::Verb,
            "adverb" => Self::Adverb,
            "preposition" => Self::Preposition,
            "conjunction" => Self::Conjunction,
            "particle" => Self::Particle,
            "pronoun" => Self::Pronoun,
            "demonstrative" => Self::Demonstrative,
            "relative" => Self::Relative,
            "unknown" => Self::Unknown,
            _ => return None,
        })
    }

    /// The name used in the lexicon and in the JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Noun => "noun",
            Self::ProperNoun => "proper_noun",
            Self::Adjective => "adjective",
            Self::Number => "number",
            Self::Verb => "verb",
            Self::Adverb => "adverb",
            Self::Preposition => "preposition",
            Self::Conjunction => "conjunction",
            Self::Particle => "particle",
            Self::Pronoun => "pronoun",
            Self::Demonstrative => "demonstrative",
            Self::Relative => "relative",
            Self::Unknown => "unknown",
        }
    }

    /// Words that can take the article ال: nouns, adjectives, names, numerals.
    #[must_use]
    pub fn takes_article(self) -> bool {
        matches!(
            self,
            Self::Noun | Self::ProperNoun | Self::Adjective | Self::Number
        )
    }
}

/// Index of an entry in [`Lexicon::entries`].
pub type LemmaId = usize;

/// One lemma of the lexicon (a lemma spelled the same as a noun and a verb is two entries).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexEntry {
    pub lemma: String,
    /// The lemma's matching form (see [`normalize`]), to compare with trigger words.
    pub lemma_key: String,
    pub vocalized: String,
    pub root: String,
    pub pos: Pos,
    pub gloss_en: String,
    /// Surface stems (without clitics) the lemma is written as.
    pub forms: Vec<String>,
    /// For nouns the plural, for verbs the present tense, where the lexicon gives it.
    pub plural_or_present: Option<String>,
}

/// All lemmas, and an index from the normalized form of every stem to its entries.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub entries: Vec<LexEntry>,
    by_form: HashMap<String, Vec<LemmaId>>,
}

const COLUMNS: [&str; 7] = [
    "lemma",
    "vocalized",
    "root",
    "pos",
    "gloss_en",
    "forms",
    "plural_or_present",
];

impl Lexicon {
    /// Parses the lexicon's TSV (header `lemma vocalized root pos gloss_en forms plural_or_present`).
    ///
    /// # Errors
    /// A row without a lemma, vocalized form or gloss, or with an unknown part of speech.
    pub fn parse(name: &str, tsv: &str) -> Result<Self, AssetError> {
        let mut lexicon = Self::default();
        for row in tsv_rows(name, tsv, &COLUMNS)? {
            let (line, f) = row?;
            let [lemma, vocalized, root, pos, gloss, forms, extra] =
                [f[0], f[1], f[2], f[3], f[4], f[5], f[6]].map(str::trim);
            if lemma.is_empty() || vocalized.is_empty() || gloss.is_empty() {
                return Err(AssetError::new(
                    name,
                    line,
                    "lemma, vocalized and gloss_en are required",
                ));
            }
            let pos = Pos::parse(pos).ok_or_else(|| {
                AssetError::new(name, line, format!("unknown part of speech {pos:?}"))
            })?;
            let mut forms: Vec<String> = list(forms).map(str::to_owned).collect();
            if !forms.iter().any(|f| normalize(f) == normalize(lemma)) {
                forms.insert(0, lemma.to_owned());
            }
            let id = lexicon.entries.len();
            for form in &forms {
                let ids = lexicon.by_form.entry(normalize(form)).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            lexicon.entries.push(LexEntry {
                lemma: lemma.to_owned(),
                lemma_key: normalize(lemma),
                vocalized: vocalized.to_owned(),
                root: root.to_owned(),
                pos,
                gloss_en: gloss.to_owned(),
                forms,
                plural_or_present: (!extra.is_empty()).then(|| extra.to_owned()),
            });
        }
        Ok(lexicon)
    }

    /// The lexicon in `assets/lexicon.tsv`, parsed once.
    ///
    /// # Panics
    /// If the bundled file is malformed; `tests::the_bundled_lexicon_parses` rules that out.
    #[must_use]
    pub fn bundled() -> &'static Self {
        static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
            Lexicon::parse("assets/lexicon.tsv", LEXICON_TSV)
                .unwrap_or_else(|e| panic!("bundled lexicon: {e}"))
        });
        &LEXICON
    }

    /// The entries a normalized stem can be, in lexicon order.
    #[must_use]
    pub fn entries_of(&self, normalized_stem: &str) -> &[LemmaId] {
        self.by_form.get(normalized_stem).map_or(&[], Vec::as_slice)
    }

    /// The entry with id `id`.
    #[must_use]
    pub fn entry(&self, id: LemmaId) -> Option<&LexEntry> {
        self.entries.get(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_lexicon_parses() {
        let lexicon = Lexicon::parse("assets/lexicon.tsv", LEXICON_TSV);
        assert!(lexicon.is_ok(), "{:?}", lexicon.err());
        assert!(Lexicon::bundled().entries.len() > 250);
    }

    #[test]
    fn a_noun_and_a_verb_spelled_alike_stay_two_entries() {
        let lexicon = Lexicon::bundled();
        let pos: Vec<Pos> = lexicon
            .entries_of(&normalize("عمل"))
            .iter()
            .filter_map(|&id| lexicon.entry(id))
            .filter(|e| e.lemma == "عمل")
            .map(|e| e.pos)
            .collect();
        assert_eq!(pos, vec![Pos::Noun, Pos::Verb]);
    }

    #[test]
    fn malformed_rows_say_where() {
        let header = COLUMNS.join("\t");
        let err = Lexicon::parse("x.tsv", &format!("{header}\nقمة\tقِمَّة\t\tnoon\tsummit\t\t"))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("x.tsv, line 2: unknown part of speech \"noon\"")
        );
    }
}
