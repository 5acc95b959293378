//! Wrong choices that teach: same part of speech, from the article first and then the lexicon, never a second right answer.
//!
//! The rules, for every question made of words: a distractor has the answer's part of speech
//! (the choices are dictionary forms, so nouns agree in number and definiteness: singular,
//! without the article); it is never the same lemma; its meaning never equals or overlaps the
//! answer's (or another choice's), so no choice is a second correct answer. Root distractors
//! share two of the three radicals where the lexicon has such roots. Names are replaced by
//! names of the same kind (a person by a person).

use std::collections::{BTreeSet, HashMap};

use super::shuffle::Seeded;
use crate::analysis::EntityKind;
use crate::analysis::entities::Gazetteer;
use crate::analysis::lexicon::Lexicon;
use crate::arabic::normalize::normalize;
use crate::study::deck::Card;

/// The lexicon whose words fill the choices when the article has too few: today the bundled
/// one. The one place to point at a bigger lexicon.
#[must_use]
pub fn distractor_lexicon() -> &'static Lexicon {
    Lexicon::bundled()
}

/// The gazetteer whose names fill name choices when the article has too few.
fn distractor_gazetteer() -> &'static Gazetteer {
    Gazetteer::bundled()
}

/// Words that say nothing of a meaning by themselves ("to hold", "the summit").
const FILLER: [&str; 24] = [
    "a",
    "an",
    "the",
    "to",
    "of",
    "in",
    "on",
    "at",
    "for",
    "with",
    "and",
    "or",
    "by",
    "from",
    "as",
    "be",
    "is",
    "fem",
    "masc",
    "pl",
    "sg",
    "lit",
    "someone",
    "something",
];

/// Whether two English meanings are the same or share a word that carries meaning
/// ("president, head" and "head of state" overlap; "summit" and "meeting" do not). Plurals
/// count as their singular. Meanings made only of small words ("in", "on") compare all words.
#[must_use]
pub fn glosses_overlap(a: &str, b: &str) -> bool {
    let (all_a, all_b) = (gloss_words(a), gloss_words(b));
    let content = |words: &BTreeSet<String>| -> BTreeSet<String> {
        words
            .iter()
            .filter(|w| !FILLER.contains(&w.as_str()))
            .cloned()
            .collect()
    };
    let (content_a, content_b) = (content(&all_a), content(&all_b));
    if content_a.is_empty() || content_b.is_empty() {
        return all_a.intersection(&all_b).next().is_some()
            || a.trim().eq_ignore_ascii_case(b.trim());
    }
    content_a.intersection(&content_b).next().is_some()
}

/// The words of a meaning, lower case, plurals made singular.
fn gloss_words(gloss: &str) -> BTreeSet<String> {
    gloss
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            match w.strip_suffix("ies") {
                Some(stem) if stem.len() > 2 => format!("{stem}y"),
                _ => match w.strip_suffix('s') {
                    Some(stem) if stem.len() > 3 && !stem.ends_with('s') => stem.to_owned(),
                    _ => w,
                },
            }
        })
        .collect()
}

/// A word that may stand as a choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub lemma: String,
    pub vocalized: String,
    pub gloss: String,
    pub pos: String,
    pub root: String,
}

impl Candidate {
    pub fn of_card(card: &Card) -> Self {
        Self {
            lemma: card.lemma.clone(),
            vocalized: card.vocalized.clone(),
            gloss: card.gloss.clone(),
            pos: card.pos.clone(),
            root: card.root.clone(),
        }
    }

    /// Whether `self` may stand beside `other` as a choice: another lemma, another meaning.
    fn differs_from(&self, other: &Self) -> bool {
        normalize(&self.lemma) != normalize(&other.lemma)
            && normalize(&self.vocalized) != normalize(&other.vocalized)
            && !glosses_overlap(&self.gloss, &other.gloss)
    }
}

/// The words choices are drawn from: the article's own first, then the lexicon's.
pub struct Pool {
    article: Vec<Candidate>,
    lexicon: Vec<Candidate>,
    /// Indices into `lexicon` by part of speech.
    lexicon_by_pos: HashMap<String, Vec<usize>>,
}

impl Pool {
    /// The article's words (its deck without names, with the teacher's edits) and the lexicon's.
    #[must_use]
    pub fn new(cards: &[Card], lexicon: &Lexicon) -> Self {
        let article = cards
            .iter()
            .filter(|c| !c.is_name)
            .map(Candidate::of_card)
            .collect();
        let lexicon: Vec<Candidate> = lexicon
            .entries
            .iter()
            .map(|e| Candidate {
                lemma: e.lemma.clone(),
                vocalized: e.vocalized.clone(),
                gloss: e.gloss_en.clone(),
                pos: e.pos.as_str().to_owned(),
                root: e.root.clone(),
            })
            .collect();
        let mut lexicon_by_pos: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in lexicon.iter().enumerate() {
            lexicon_by_pos.entry(c.pos.clone()).or_default().push(i);
        }
        Self {
            article,
            lexicon,
            lexicon_by_pos,
        }
    }

    /// `n` words to stand beside `answer`: its part of speech, other lemmas, other meanings,
    /// none equal or overlapping another, the article's first; `None` when there are too few.
    /// `also_bad` rules out more (a word of the cloze's own sentence).
    pub fn words(
        &self,
        answer: &Candidate,
        n: usize,
        rng: &mut Seeded,
        also_bad: impl Fn(&Candidate) -> bool,
    ) -> Option<Vec<Candidate>> {
        let mut article: Vec<&Candidate> = self
            .article
            .iter()
            .filter(|c| c.pos == answer.pos)
            .collect();
        rng.shuffle(&mut article);
        let mut lexicon: Vec<&Candidate> = self
            .lexicon_by_pos
            .get(&answer.pos)
            .map(|ids| ids.iter().filter_map(|&i| self.lexicon.get(i)).collect())
            .unwrap_or_default();
        rng.shuffle(&mut lexicon);
        let mut chosen: Vec<Candidate> = Vec::with_capacity(n);
        for candidate in article.into_iter().chain(lexicon) {
            if chosen.len() == n {
                break;
            }
            if candidate.differs_from(answer)
                && chosen.iter().all(|c| candidate.differs_from(c))
                && !also_bad(candidate)
            {
                chosen.push(candidate.clone());
            }
        }
        (chosen.len() == n).then_some(chosen)
    }

    /// Every word of the lexicon and the article spelled like `lemma` (normalized): the
    /// homographs a bare spelling could be.
    pub fn spelled_like<'a>(&'a self, lemma: &str) -> impl Iterator<Item = &'a Candidate> + 'a {
        let key = normalize(lemma);
        self.article
            .iter()
            .chain(&self.lexicon)
            .filter(move |c| normalize(&c.lemma) == key)
    }

    /// Other words with exactly the meaning `gloss` and part of speech `pos`: typing any of
    /// them answers an English → Arabic question too.
    pub fn same_meaning<'a>(
        &'a self,
        gloss: &'a str,
        pos: &'a str,
    ) -> impl Iterator<Item = &'a Candidate> + 'a {
        let key = gloss_words(gloss);
        self.article
            .iter()
            .chain(&self.lexicon)
            .filter(move |c| c.pos == pos && gloss_words(&c.gloss) == key)
    }

    /// `n` roots other than `root`: those sharing two of its radicals first, then others of as
    /// many radicals; the article's before the lexicon's. `None` when there are too few.
    pub fn roots(&self, root: &str, n: usize, rng: &mut Seeded) -> Option<Vec<String>> {
        let radicals = radicals_of(root);
        let mut tiers: [Vec<&str>; 4] = Default::default();
        let mut seen = BTreeSet::from([normalize(root).replace(' ', "")]);
        let sources = [&self.article, &self.lexicon];
        for (from_lexicon, source) in sources.into_iter().enumerate() {
            for c in source {
                let other = radicals_of(&c.root);
                if other.len() != radicals.len()
                    || !seen.insert(normalize(&c.root).replace(' ', ""))
                {
                    continue;
                }
                let close = shared(&radicals, &other) >= 2;
                tiers[usize::from(!close) * 2 + from_lexicon].push(c.root.as_str());
            }
        }
        let mut chosen = Vec::with_capacity(n);
        for tier in &mut tiers {
            rng.shuffle(tier);
            chosen.extend(tier.iter().take(n - chosen.len()).map(|r| (*r).to_owned()));
        }
        (chosen.len() == n).then_some(chosen)
    }
}

/// The radicals of a root written "ق م م".
fn radicals_of(root: &str) -> Vec<String> {
    root.split_whitespace().map(normalize).collect()
}

/// How many radicals two roots share, counting repeats (ق م م and م ق ل share two).
fn shared(a: &[String], b: &[String]) -> usize {
    let mut rest: Vec<&String> = b.iter().collect();
    a.iter()
        .filter(|r| {
            rest.iter()
                .position(|o| o == r)
                .map(|at| rest.swap_remove(at))
                .is_some()
        })
        .count()
}

/// A name that may stand as a choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameCandidate {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
}

/// `n` names of entities of `kind` other than `answer` and those in `also_correct`: the
/// article's entities (`article`, id and names) first, then the gazetteer's.
pub fn names(
    kind: EntityKind,
    answer: &NameCandidate,
    article: &[NameCandidate],
    also_correct: &[&str],
    n: usize,
    rng: &mut Seeded,
) -> Option<Vec<NameCandidate>> {
    let gazetteer: Vec<NameCandidate> = distractor_gazetteer()
        .entries
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| NameCandidate {
            id: e.id.clone(),
            name_en: e.name_en.clone(),
            name_ar: e.name_ar.clone(),
        })
        .collect();
    let mut first: Vec<&NameCandidate> = article.iter().collect();
    rng.shuffle(&mut first);
    let mut then: Vec<&NameCandidate> = gazetteer.iter().collect();
    rng.shuffle(&mut then);
    let mut chosen: Vec<NameCandidate> = Vec::with_capacity(n);
    for c in first.into_iter().chain(then) {
        if chosen.len() == n {
            break;
        }
        let differs = |other: &NameCandidate| {
            c.id != other.id
                && !c.name_en.eq_ignore_ascii_case(&other.name_en)
                && normalize(&c.name_ar) != normalize(&other.name_ar)
        };
        if differs(answer) && chosen.iter().all(differs) && !also_correct.contains(&c.id.as_str()) {
            chosen.push(c.clone());
        }
    }
    (chosen.len() == n).then_some(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_meanings_are_caught() {
        assert!(glosses_overlap("president, head", "head of state"));
        assert!(glosses_overlap("relation, relationship", "relations"));
        assert!(glosses_overlap("to hold (a meeting)", "meeting"));
        assert!(glosses_overlap("in", "in, at"));
        assert!(!glosses_overlap("summit", "leader"));
        assert!(!glosses_overlap("to hold (a meeting)", "to visit"));
        assert!(!glosses_overlap("in", "on"));
        assert!(glosses_overlap("no, not", "not (past)"));
    }

    #[test]
    fn roots_share_radicals_when_they_can() {
        let card = |root: &str| Card {
            lemma: root.replace(' ', ""),
            root: root.into(),
            ..Card::default()
        };
        let cards: Vec<Card> = ["ق م م", "ق و م", "ع ق د", "م ق ل", "ز ع م", "ك ت ب"]
            .map(card)
            .to_vec();
        let pool = Pool::new(&cards, &Lexicon::default());
        let picked = pool
            .roots("ق م م", 2, &mut Seeded::new(1))
            .unwrap_or_default();
        let mut picked = picked;
        picked.sort();
        assert_eq!(picked, vec!["ق و م", "م ق ل"]);
        assert!(pool.roots("ق م م", 6, &mut Seeded::new(1)).is_none());
    }
}
