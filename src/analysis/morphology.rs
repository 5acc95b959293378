//! Clitics: splits a word into proclitics, a stem and pronoun enclitics, preferring the
//! split whose stem the lexicon knows.

use std::ops::Range;

use super::lexicon::{LemmaId, Lexicon, Pos};
use crate::arabic::normalize::{letter_offsets, normalize};
use crate::arabic::script::is_arabic_letter;

/// Conjunctions that come first in a word.
const CONJUNCTIONS: [&str; 2] = ["و", "ف"];
/// Prepositions and the future particle, after a conjunction and before the article.
const PARTICLES: [&str; 4] = ["ب", "ل", "ك", "س"];
/// The definite article.
const ARTICLE: &str = "ال";
/// Pronoun enclitics, longest first (each is normalized: ه also stands for the written ة-less ه).
const ENCLITICS: [&str; 12] = [
    "هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ني", "ه", "ي", "ك",
];

/// How one word splits. Clitics are given in their dictionary spelling (ل + ال is
/// written لل in the text but listed as `["ل", "ال"]`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordAnalysis {
    /// The lexicon entry of the stem; `None` when no split has a stem the lexicon knows.
    pub lemma: Option<LemmaId>,
    pub proclitics: Vec<&'static str>,
    pub enclitics: Vec<&'static str>,
    /// Byte range of the stem (the whole word when nothing is split off): inside the word
    /// as [`analyze_word`] returns it, inside the document's text in `Analysis::tokens`.
    pub stem: Range<usize>,
}

/// One way to read the start of a word: the clitics and how many letters they take.
pub(crate) struct Prefix {
    pub clitics: Vec<&'static str>,
    pub letters: usize,
    pub article: bool,
    pub particle: Option<&'static str>,
}

/// The proclitic sequences a normalized word can start with (including none), in the
/// only legal order: conjunction, then preposition or future س, then the article.
pub(crate) fn prefixes(word: &str) -> Vec<Prefix> {
    let mut out = Vec::new();
    for conj in std::iter::once("").chain(CONJUNCTIONS) {
        let Some(rest) = word.strip_prefix(conj) else {
            continue;
        };
        for particle in std::iter::once("").chain(PARTICLES) {
            let Some(rest) = rest.strip_prefix(particle) else {
                continue;
            };
            for article in [false, true] {
                // ل + ال is written لل: the article loses its alef.
                let written = match (article, particle) {
                    (false, _) => "",
                    (true, "س") => continue,
                    (true, "ل") => "ل",
                    (true, _) => ARTICLE,
                };
                if !rest.starts_with(written) {
                    continue;
                }
                let clitics: Vec<&'static str> = [conj, particle]
                    .into_iter()
                    .filter(|c| !c.is_empty())
                    .chain(article.then_some(ARTICLE))
                    .collect();
                let letters =
                    conj.chars().count() + particle.chars().count() + written.chars().count();
                out.push(Prefix {
                    clitics,
                    letters,
                    article,
                    particle: (!particle.is_empty()).then_some(particle),
                });
            }
        }
    }
    out
}

/// Splits `word` (its original spelling, with any diacritics) against `lexicon`.
///
/// Of all legal splits whose stem the lexicon knows, the one that splits off the fewest
/// letters wins (so a word the lexicon knows whole is never split); among those, the
/// first entry in lexicon order whose part of speech fits the clitics. A word with no
/// such split is left whole and unknown: it is never guessed.
#[must_use]
pub fn analyze_word(word: &str, lexicon: &Lexicon) -> WordAnalysis {
    let normalized = normalize(word);
    let offsets = letter_offsets(word);
    let chars: Vec<(usize, char)> = normalized.char_indices().collect();
    let letters = chars.len();
    let byte_at = |letter: usize| chars.get(letter).map_or(normalized.len(), |&(at, _)| at);
    // Matching folds ة into ه and ى into ي, but a pronoun is never written ة or ى: وزارة is
    // "ministry", not و + زار + ه ("and he visited him").
    let written_last = word.chars().rev().find(|&c| is_arabic_letter(c));
    let mut best: Option<(usize, WordAnalysis)> = None;
    for prefix in prefixes(&normalized) {
        for enclitic in std::iter::once("").chain(ENCLITICS) {
            if matches!(
                (enclitic, written_last),
                ("ه", Some('ة')) | ("ي", Some('ى'))
            ) {
                continue;
            }
            let enclitic_letters = enclitic.chars().count();
            let cost = prefix.letters + enclitic_letters;
            if best.as_ref().is_some_and(|(c, _)| *c <= cost)
                || prefix.letters + enclitic_letters >= letters
                || (prefix.article && !enclitic.is_empty())
            {
                continue;
            }
            let stem = &normalized[byte_at(prefix.letters)..byte_at(letters - enclitic_letters)];
            if !normalized.ends_with(enclitic) {
                continue;
            }
            let Some(lemma) = lookup_stem(stem, !enclitic.is_empty(), &prefix, lexicon) else {
                continue;
            };
            let stem_bytes = offsets[prefix.letters]..offsets[letters - enclitic_letters];
            best = Some((
                cost,
                WordAnalysis {
                    lemma: Some(lemma),
                    proclitics: prefix.clitics.clone(),
                    enclitics: if enclitic.is_empty() {
                        Vec::new()
                    } else {
                        vec![enclitic]
                    },
                    stem: stem_bytes,
                },
            ));
        }
    }
    best.map_or_else(
        || WordAnalysis {
            stem: 0..word.len(),
            ..WordAnalysis::default()
        },
        |(_, analysis)| analysis,
    )
}

/// The entry of a stem, given what is attached to it. Before a pronoun, a final ة is
/// written ت (زيارة → زيارتكم) and a final ى is written ا (إحدى → إحداها).
fn lookup_stem(
    stem: &str,
    before_pronoun: bool,
    prefix: &Prefix,
    lexicon: &Lexicon,
) -> Option<LemmaId> {
    let fits = |id: &&LemmaId| {
        lexicon.entry(**id).is_some_and(|e| {
            let pos = e.pos;
            (!prefix.article || pos.takes_article())
                && !(matches!(prefix.particle, Some("ب" | "ك")) && pos == Pos::Verb)
                && (prefix.particle != Some("س") || pos == Pos::Verb)
                && !(before_pronoun
                    && matches!(pos, Pos::ProperNoun | Pos::Pronoun | Pos::Demonstrative))
        })
    };
    let direct = lexicon.entries_of(stem).iter().find(fits).copied();
    if direct.is_some() || !before_pronoun {
        return direct;
    }
    let restored = if let Some(base) = stem.strip_suffix('ت') {
        format!("{base}ه")
    } else if let Some(base) = stem.strip_suffix('ا') {
        format!("{base}ي")
    } else {
        return None;
    };
    lexicon.entries_of(&restored).iter().find(fits).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(proclitics, stem text, enclitics, lemma)` of a word against the bundled lexicon.
    fn split(word: &str) -> (Vec<&'static str>, String, Vec<&'static str>, Option<String>) {
        let lexicon = Lexicon::bundled();
        let a = analyze_word(word, lexicon);
        let lemma = a
            .lemma
            .and_then(|id| lexicon.entry(id))
            .map(|e| e.lemma.clone());
        (a.proclitics, word[a.stem].to_owned(), a.enclitics, lemma)
    }

    fn lemma(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn conjunction_before_a_name() {
        assert_eq!(
            split("وبوتين"),
            (vec!["و"], "بوتين".into(), vec![], lemma("بوتين"))
        );
    }

    #[test]
    fn preposition_before_a_name() {
        assert_eq!(
            split("لكيم"),
            (vec!["ل"], "كيم".into(), vec![], lemma("كيم"))
        );
        assert_eq!(
            split("لروسيا"),
            (vec!["ل"], "روسيا".into(), vec![], lemma("روسيا"))
        );
        assert_eq!(
            split("لبيونغ"),
            (vec!["ل"], "بيونغ".into(), vec![], lemma("بيونغ"))
        );
    }

    #[test]
    fn preposition_stem_and_pronoun() {
        assert_eq!(
            split("بقطاره"),
            (vec!["ب"], "قطار".into(), vec!["ه"], lemma("قطار"))
        );
        assert_eq!(
            split("لارغامها"),
            (vec!["ل"], "ارغام".into(), vec!["ها"], lemma("إرغام"))
        );
    }

    #[test]
    fn conjunction_and_article() {
        assert_eq!(
            split("والقمة"),
            (vec!["و", "ال"], "قمة".into(), vec![], lemma("قمة"))
        );
    }

    #[test]
    fn lam_and_article_are_written_with_one_alef_less() {
        assert_eq!(
            split("للتو"),
            (vec!["ل", "ال"], "تو".into(), vec![], lemma("تو"))
        );
    }

    #[test]
    fn teh_marbuta_and_alef_maqsura_before_a_pronoun() {
        assert_eq!(
            split("زيارتكم"),
            (vec![], "زيارت".into(), vec!["كم"], lemma("زيارة"))
        );
        assert_eq!(
            split("إحداها"),
            (vec![], "إحدا".into(), vec!["ها"], lemma("أحد"))
        );
        assert_eq!(
            split("حلفائه"),
            (vec![], "حلفائ".into(), vec!["ه"], lemma("حليف"))
        );
    }

    #[test]
    fn a_final_teh_marbuta_is_no_pronoun() {
        let (_, _, enclitics, found) = split("وزارة");
        assert!(enclitics.is_empty(), "{enclitics:?}");
        assert_ne!(found, lemma("زار"), "وزارة is not 'and he visited him'");
    }

    #[test]
    fn future_particle_only_before_verbs() {
        assert_eq!(
            split("وسيلتقي"),
            (vec!["و", "س"], "يلتقي".into(), vec![], lemma("التقى"))
        );
    }

    #[test]
    fn a_word_known_whole_is_not_split() {
        assert_eq!(
            split("والد"),
            (vec![], "والد".into(), vec![], lemma("والد"))
        );
        assert_eq!(split("لكن"), (vec![], "لكن".into(), vec![], lemma("لكن")));
    }

    #[test]
    fn diacritics_stay_with_their_letters() {
        let (pro, stem, _, l) = split("وَبُوتِين");
        assert_eq!(
            (pro, stem.as_str(), l),
            (vec!["و"], "بُوتِين", lemma("بوتين"))
        );
    }

    #[test]
    fn the_article_picks_the_noun_of_a_noun_verb_pair() {
        let lexicon = Lexicon::bundled();
        let a = analyze_word("العمل", lexicon);
        assert_eq!(
            a.lemma.and_then(|id| lexicon.entry(id)).map(|e| e.pos),
            Some(Pos::Noun)
        );
        let a = analyze_word("يعمل", lexicon);
        assert_eq!(
            a.lemma.and_then(|id| lexicon.entry(id)).map(|e| e.pos),
            Some(Pos::Verb)
        );
    }

    #[test]
    fn unknown_words_are_left_whole_and_unknown() {
        assert_eq!(
            split("وتكنولوجيا"),
            (vec![], "وتكنولوجيا".into(), vec![], None)
        );
    }
}
