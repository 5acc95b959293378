//! What BAMA says of a lemma as a learner sees it: its dictionary form with and without vowels,
//! root, gloss, part of speech, and its plural (nouns) or present tense (verbs).

use super::buckwalter::{arabic_of, to_arabic, to_bare_arabic};
use super::solutions::pos_of_tags;
use super::tables::Tables;
use crate::analysis::lexicon::Pos;

/// The facts of lemma `lemma` (an index into [`Tables::lemmas`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LemmaFacts {
    /// BAMA's id, e.g. `katab-u_1`: stable, for saving a learner's choice.
    pub id: String,
    /// Without vowels, as a text writes it (كتب).
    pub bare: String,
    pub vocalized: String,
    /// Letters separated by spaces (ك ت ب), or empty.
    pub root: String,
    pub pos: Pos,
    pub gloss: String,
    pub plural_or_present: Option<String>,
}

/// The citation form in Buckwalter: the id without its number and, for a verb, with the
/// past tense's final vowel (katab-u_1 → kataba; kitAb_1 → kitAb).
fn citation(id: &str, verb: bool) -> String {
    let base = id.rsplit_once('_').map_or(id, |(b, _)| b);
    let base = base.split_once('-').map_or(base, |(b, _)| b);
    let mut out = base.to_owned();
    if verb && !matches!(out.as_bytes().last(), Some(b'A' | b'Y' | b'a')) {
        out.push('a');
    }
    out
}

/// BAMA's glosses separate senses with ";" and no space.
#[must_use]
pub fn readable_gloss(gloss: &str) -> String {
    let mut out = String::with_capacity(gloss.len() + 8);
    for sense in gloss.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(sense);
    }
    out
}

fn root_of(skeleton: &str) -> String {
    let mut out = String::with_capacity(skeleton.len() * 3);
    let letters = skeleton
        .bytes()
        .filter_map(|b| if b == b'A' { Some('ء') } else { arabic_of(b) });
    for letter in letters {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push(letter);
    }
    out
}

/// The present tense (third person masculine singular) from an imperfect stem: يَكْتُبُ.
fn present(stem: &str, category: &str) -> String {
    let person = if category.contains("yu") { "yu" } else { "ya" };
    let ending = if stem.ends_with(['y', 'A', 'Y', 'w']) {
        ""
    } else {
        "u"
    };
    to_arabic(&format!("{person}{stem}{ending}"))
}

impl Tables {
    /// The facts of lemma `lemma`, or `None` past the end of the table.
    #[must_use]
    pub fn lemma_facts(&self, lemma: usize) -> Option<LemmaFacts> {
        let l = self.lemmas.get(lemma)?;
        let stems: Vec<_> = l
            .stems
            .clone()
            .filter_map(|s| self.stems.get(s as usize))
            .collect();
        let first = stems.first()?;
        let pos = pos_of_tags(self.str(first.tags));
        let verb = pos == Pos::Verb;
        let id = self.str(l.id);
        let form = citation(id, verb);
        let plural_or_present = if verb {
            stems
                .iter()
                .find(|s| {
                    self.str(s.tags) == "VERB_IMPERFECT"
                        && !self.category(s.category).contains("Pass")
                })
                .map(|s| present(self.str(s.voc), self.category(s.category)))
        } else {
            // A broken plural is listed as another stem of the lemma, with its own gloss.
            stems
                .iter()
                .skip(1)
                .find(|s| s.gloss != first.gloss && self.str(s.voc) != self.str(first.voc))
                .map(|s| to_arabic(self.str(s.voc)))
        };
        Some(LemmaFacts {
            id: id.to_owned(),
            bare: to_bare_arabic(&form),
            vocalized: to_arabic(&form),
            root: root_of(self.str(l.root)),
            pos,
            gloss: readable_gloss(self.str(first.gloss)),
            plural_or_present,
        })
    }

    /// The index of the lemma with BAMA id `id`.
    #[must_use]
    pub fn lemma_by_id(&self, id: &str) -> Option<usize> {
        self.lemmas.iter().position(|l| self.str(l.id) == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(id: &str) -> LemmaFacts {
        let t = Tables::bundled();
        t.lemma_by_id(id)
            .and_then(|l| t.lemma_facts(l))
            .expect("a lemma of BAMA")
    }

    #[test]
    fn a_verb_has_its_past_form_root_and_present() {
        let f = facts("katab-u_1");
        assert_eq!((f.bare.as_str(), f.vocalized.as_str()), ("كتب", "كَتَبَ"));
        assert_eq!(f.root, "ك ت ب");
        assert_eq!(f.pos, Pos::Verb);
        assert_eq!(f.gloss, "write");
        assert_eq!(f.plural_or_present.as_deref(), Some("يَكْتُبُ"));
        let f = facts("{ilotaqaY_1");
        assert_eq!(f.bare, "التقى");
        assert_eq!(f.plural_or_present.as_deref(), Some("يَلْتَقِي"));
    }

    #[test]
    fn a_noun_has_its_broken_plural() {
        let f = facts("kitAb_1");
        assert_eq!((f.vocalized.as_str(), f.pos), ("كِتاب", Pos::Noun));
        assert_eq!(f.plural_or_present.as_deref(), Some("كُتُب"));
        assert_eq!(f.gloss, "book");
    }

    #[test]
    fn names_have_no_root() {
        let t = Tables::bundled();
        let names = t
            .lemmas
            .iter()
            .enumerate()
            .filter_map(|(i, _)| t.lemma_facts(i))
            .filter(|f| f.pos == Pos::ProperNoun);
        assert!(names.take(200).all(|f| f.root.is_empty()));
    }
}
