//! The analysis of a document: lemma of every word, vocabulary, translations, entities and
//! relations, computed once from the `Document` and the bundled language data.

use foldhash::{HashMap, HashMapExt as _, HashSet};
use std::ops::Range;

use super::choose::choose;
use super::document::Document;
use super::entities::{Catalogue, Entity, Gazetteer, find_entities};
use super::in_order::{SENTENCES_PER_PIECE, both, map_in_order};
use super::lemma_table::LemmaTable;
use super::lemmas::{LemmaFacts, LemmaRef};
use super::lexicon::Pos;
use super::readings::{NONE, Reading, Words};
use super::relation_rules::RelationRules;
use super::relations::{Found, find_relations};
use super::translations::Translations;
use super::user_words::UserWords;
use super::vocabulary::vocabulary;
use super::word_facts::WordFacts;

pub use super::readings::TokenInfo;
pub use super::vocabulary::VocabEntry;

/// A relation the document states between two entities (ids of [`Analysis::entities`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    pub source: String,
    pub target: String,
    /// `met`, `family`, `ally`, `dispute`, … (the `kind` column of the rules, or `leader_of`).
    pub kind: String,
    pub label_en: String,
    pub label_ar: String,
    /// False when the relation holds both ways (met, allies, disputes).
    pub directed: bool,
    /// True for a former relation (حليفه السابق).
    pub past: bool,
    /// How many times, where the text says so.
    pub count: Option<u32>,
    /// Sentences that state it, ascending.
    pub sentences: Vec<usize>,
}

/// How to analyze: with or without the curated lexicon (off only to measure BAMA alone), and
/// with a learner's own words.
#[derive(Clone, Copy, Debug)]
pub struct AnalysisOptions<'a> {
    pub curated_lexicon: bool,
    pub user_words: Option<&'a UserWords>,
}

impl Default for AnalysisOptions<'_> {
    fn default() -> Self {
        Self {
            curated_lexicon: true,
            user_words: None,
        }
    }
}

/// The analysis of one document. Indices refer to the document's tokens and sentences.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// In order of first occurrence.
    pub vocabulary: Vec<VocabEntry>,
    /// Entities in order of first mention (a state a relation implies may have no mention).
    pub entities: Vec<Entity>,
    pub relations: Vec<Relation>,
    /// Every reading of every word, and the one chosen for each token.
    pub(crate) words: Words,
    /// The lemmas of every reading, a learner's own words among them.
    pub(crate) lemmas: LemmaTable,
    vocab_of_token: Vec<u32>,
    translations: Vec<Option<String>>,
    /// `(start, end, entity)` of every mention, by start.
    mention_spans: Vec<(usize, usize, usize)>,
}

/// Reads the bundled lexicons, tables and rules now (the BAMA tables take 15–25 ms), so that
/// the first text analysed later does not wait for them: the window calls it on a thread
/// while the window and its OpenGL context are being made.
pub fn preload() {
    let _ = analyze(&Document::new("", "التقى الرئيس وزير الخارجية في القاهرة."));
}

/// Analyzes `doc` with the bundled lexicons, gazetteer, relation rules and translations.
#[must_use]
pub fn analyze(doc: &Document) -> Analysis {
    analyze_with(doc, &AnalysisOptions::default())
}

/// Analyzes `doc` as [`analyze`] does, with `options`.
#[must_use]
pub fn analyze_with(doc: &Document, options: &AnalysisOptions) -> Analysis {
    // The translations need nothing else of the analysis: on a long text they are looked up
    // while the other core would wait for the passes below that run on one.
    let (translations, analysis) = both(
        doc.sentences.len() > SENTENCES_PER_PIECE,
        || {
            map_in_order(doc.sentences.len(), SENTENCES_PER_PIECE, |s| {
                Translations::bundled()
                    .of(doc.sentence_text(s))
                    .map(str::to_owned)
            })
        },
        || analyze_words(doc, options),
    );
    Analysis {
        translations,
        ..analysis
    }
}

/// [`analyze_with`] but for the translations.
fn analyze_words(doc: &Document, options: &AnalysisOptions) -> Analysis {
    let gazetteer = Gazetteer::bundled();
    let mut words = Words::of(doc, options.curated_lexicon);
    let user_lemmas = options
        .user_words
        .map(|u| add_user_meanings(doc, &mut words, u))
        .unwrap_or_default();
    let saved: HashMap<String, String> = options
        .user_words
        .map(|u| u.readings.clone().into_iter().collect())
        .unwrap_or_default();
    let lemmas = LemmaTable::new(&words, &user_lemmas);
    choose(doc, &mut words, &lemmas, &saved);
    let (entities, relations) = {
        let facts = WordFacts::new(&words, doc.tokens.len(), &lemmas);
        let names = find_entities(doc, gazetteer, &facts);
        let mut entities = names.entities;
        let found = find_relations(
            doc,
            &facts,
            &names.catalogue,
            RelationRules::bundled(),
            &entities,
            &names.offices,
        );
        let relations = merge(&found, &names.catalogue, &mut entities);
        (entities, relations)
    };
    read_names_as_names(&mut words, &entities);
    let (vocabulary, vocab_of_token) = vocabulary(doc, &words, &lemmas);
    let mut mention_spans: Vec<(usize, usize, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.start, m.end, i)))
        .collect();
    mention_spans.sort_unstable();
    Analysis {
        vocabulary,
        entities,
        relations,
        words,
        lemmas,
        vocab_of_token,
        translations: Vec::new(),
        mention_spans,
    }
}

/// A word inside a name the gazetteer or a title found is read as a name where it can be one:
/// قطر in أمير قطر is Qatar, not "trains".
fn read_names_as_names(words: &mut Words, entities: &[Entity]) {
    let tokens = entities
        .iter()
        .filter(|e| e.kind != super::entities::EntityKind::Event)
        .flat_map(|e| e.mentions.iter())
        .filter(|m| m.via == super::entities::MentionVia::Name)
        .flat_map(|m| m.tokens.clone());
    for t in tokens {
        let Some(s) = words.spelling(t) else {
            continue;
        };
        if words
            .chosen(t)
            .is_some_and(|r| r.hand_checked || r.pos == Pos::ProperNoun)
        {
            continue;
        }
        let name = words
            .readings_of_spelling(s)
            .find(|&r| words.reading(r).is_some_and(|x| x.pos == Pos::ProperNoun));
        if let Some(r) = name {
            words.chosen[t] = r;
        }
    }
}

/// Gives the spellings no lexicon analyses, and that a learner gave a meaning to, that meaning
/// as their one reading. Returns the facts of those words, by `LemmaRef::User` index.
fn add_user_meanings(doc: &Document, words: &mut Words, user: &UserWords) -> Vec<LemmaFacts> {
    let mut facts: Vec<LemmaFacts> = Vec::new();
    let mut done: Vec<bool> = vec![false; words.spelling_count()];
    for (t, token) in doc.tokens.iter().enumerate() {
        let Some(s) = words.spelling(t) else {
            continue;
        };
        if std::mem::replace(&mut done[s as usize], true) || !words.readings(t).is_empty() {
            continue;
        }
        let text = doc.slice(&token.range);
        let Some(meaning) = user.meaning(text) else {
            continue;
        };
        let index = u32::try_from(facts.len()).unwrap_or(NONE);
        let reading = Reading {
            lemma: LemmaRef::User(index),
            pos: Pos::Unknown,
            proclitics: 0,
            enclitic: 0,
            stem: (0, u32::try_from(text.len()).unwrap_or(NONE)),
            solution: None,
            hand_checked: true,
        };
        if words.add_only_reading(s, reading).is_some() {
            let bare: String = text
                .chars()
                .filter(|&c| !crate::arabic::script::is_arabic_mark(c))
                .collect();
            facts.push(LemmaFacts {
                lemma: bare,
                vocalized: text.to_owned(),
                gloss_en: meaning.to_owned(),
                ..LemmaFacts::default()
            });
        }
    }
    facts
}

/// One relation per (kind, source, target, past), with all the sentences that state it;
/// adds the states that relations imply (a capital standing for its state) as entities.
fn merge(found: &[Found], catalogue: &Catalogue, entities: &mut Vec<Entity>) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::new();
    let mut counts: Vec<Option<(u32, String, String)>> = Vec::new();
    let mut index: HashMap<(&str, usize, usize, bool), usize> = HashMap::new();
    let mut present: HashSet<usize> = entities.iter().map(|e| e.entry).collect();
    for f in found {
        let key = if f.directed {
            (f.kind.as_str(), f.source, f.target, f.past)
        } else {
            (
                f.kind.as_str(),
                f.source.min(f.target),
                f.source.max(f.target),
                f.past,
            )
        };
        let at = *index.entry(key).or_insert_with(|| {
            out.push(Relation {
                source: catalogue.entry(f.source).id.clone(),
                target: catalogue.entry(f.target).id.clone(),
                kind: f.kind.clone(),
                label_en: f.label_en.clone(),
                label_ar: f.label_ar.clone(),
                directed: f.directed,
                past: f.past,
                count: None,
                sentences: Vec::new(),
            });
            counts.push(None);
            out.len() - 1
        });
        out[at].sentences.push(f.sentence);
        if f.count.as_ref().map(|c| c.0) > counts[at].as_ref().map(|c| c.0) {
            counts[at].clone_from(&f.count);
        }
        for entry in [f.source, f.target] {
            if present.insert(entry) {
                let g = catalogue.entry(entry);
                entities.push(Entity {
                    entry,
                    id: g.id.clone(),
                    kind: g.kind,
                    name_en: g.name_en.clone(),
                    name_ar: g.name_ar.clone(),
                    mentions: Vec::new(),
                });
            }
        }
    }
    for (relation, count) in out.iter_mut().zip(counts) {
        relation.sentences.sort_unstable();
        relation.sentences.dedup();
        if let Some((times, en, ar)) = count {
            relation.count = Some(times);
            relation.label_en = format!("{} {en}", relation.label_en);
            relation.label_ar = format!("{} {ar}", relation.label_ar);
        }
    }
    out
}

impl Analysis {
    /// What is known about token `i` of `doc` (the document analyzed).
    #[must_use]
    pub fn token(&self, doc: &Document, i: usize) -> Option<TokenInfo> {
        self.words.token_info(doc, i)
    }

    /// The vocabulary entry of token `i`, if it is a word the lexicon knows.
    #[must_use]
    pub fn entry_of_token(&self, i: usize) -> Option<&VocabEntry> {
        self.vocab_of_token
            .get(i)
            .copied()
            .filter(|&v| v != NONE)
            .and_then(|v| self.vocabulary.get(v as usize))
    }

    /// Every reading of token `i` (the chosen one among them): what "other readings" offers.
    #[must_use]
    pub fn readings(&self, i: usize) -> &[Reading] {
        self.words.readings(i)
    }

    /// The position of token `i`'s chosen reading in [`Self::readings`].
    #[must_use]
    pub fn chosen_reading(&self, i: usize) -> Option<usize> {
        self.words.chosen_position(i)
    }

    /// The facts of a lemma, including a learner's own words.
    #[must_use]
    pub fn lemma_facts(&self, lemma: LemmaRef) -> Option<LemmaFacts> {
        match self.lemmas.find(lemma) {
            Some(l) => Some(l.facts()),
            // A learner's words are all in the table; another lemma may be asked of any.
            None if matches!(lemma, LemmaRef::User(_)) => None,
            None => lemma.facts(),
        }
    }

    /// The English translation of sentence `sentence`, where the bundled translations have it.
    #[must_use]
    pub fn translation(&self, sentence: usize) -> Option<&str> {
        self.translations.get(sentence)?.as_deref()
    }

    /// The entity mentioned at byte `at`, if any.
    #[must_use]
    pub fn entity_at(&self, at: usize) -> Option<&Entity> {
        let i = self
            .mention_spans
            .partition_point(|&(start, _, _)| start <= at);
        let &(start, end, entity) = self.mention_spans.get(i.checked_sub(1)?)?;
        (start..end).contains(&at).then(|| &self.entities[entity])
    }

    /// The entity with `id`.
    #[must_use]
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// Byte ranges of every mention, by start, with the index of its entity.
    pub fn mention_spans(&self) -> impl Iterator<Item = (Range<usize>, usize)> + '_ {
        self.mention_spans.iter().map(|&(s, e, i)| (s..e, i))
    }
}
