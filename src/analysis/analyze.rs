//! The analysis of a document: lemma of every word, vocabulary, translations, entities and
//! relations, computed once from the `Document` and the bundled language data.

use std::collections::HashMap;
use std::ops::Range;

use super::document::Document;
use super::entities::{Entity, Gazetteer, find_entities};
use super::lexicon::{LemmaId, Lexicon, Pos};
use super::morphology::{WordAnalysis, analyze_word};
use super::relation_rules::RelationRules;
use super::relations::{Found, find_relations};
use super::translations::Translations;
use crate::arabic::tokenize::TokenKind;
use crate::arabic::translit::transliterate;

/// What the analysis knows about one token. Tokens that are not Arabic words (numbers,
/// Latin, punctuation) have no lemma and no clitics.
pub type TokenInfo = WordAnalysis;

/// One lemma of the document's vocabulary, with where it occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VocabEntry {
    pub lemma_id: LemmaId,
    pub lemma: String,
    pub vocalized: String,
    pub root: String,
    pub pos: Pos,
    pub gloss_en: String,
    pub plural_or_present: Option<String>,
    /// DIN 31635, computed from `vocalized`.
    pub translit: String,
    pub count: usize,
    /// The words as the text writes them (with their clitics), in order of first use.
    pub forms: Vec<String>,
    /// Sentences it occurs in, ascending.
    pub sentences: Vec<usize>,
    /// Token indices of its occurrences, ascending.
    pub occurrences: Vec<usize>,
}

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

/// The analysis of one document. Indices refer to the document's tokens and sentences.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// One per token of the document.
    pub tokens: Vec<TokenInfo>,
    /// In order of first occurrence.
    pub vocabulary: Vec<VocabEntry>,
    /// Entities in order of first mention (a state a relation implies may have no mention).
    pub entities: Vec<Entity>,
    pub relations: Vec<Relation>,
    vocab_of_token: Vec<Option<usize>>,
    translations: Vec<Option<String>>,
    /// `(start, end, entity)` of every mention, by start.
    mention_spans: Vec<(usize, usize, usize)>,
}

/// Analyzes `doc` with the bundled lexicon, gazetteer, relation rules and translations.
#[must_use]
pub fn analyze(doc: &Document) -> Analysis {
    let lexicon = Lexicon::bundled();
    let gazetteer = Gazetteer::bundled();
    let tokens = token_infos(doc, lexicon);
    let (vocabulary, vocab_of_token) = vocabulary(doc, &tokens, lexicon);
    let translations = (0..doc.sentences.len())
        .map(|s| {
            Translations::bundled()
                .of(doc.sentence_text(s))
                .map(str::to_owned)
        })
        .collect();
    let mut entities = find_entities(doc, gazetteer);
    let found = find_relations(
        doc,
        &tokens,
        lexicon,
        gazetteer,
        RelationRules::bundled(),
        &entities,
    );
    let relations = merge(&found, gazetteer, &mut entities);
    let mut mention_spans: Vec<(usize, usize, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.start, m.end, i)))
        .collect();
    mention_spans.sort_unstable();
    Analysis {
        tokens,
        vocabulary,
        entities,
        relations,
        vocab_of_token,
        translations,
        mention_spans,
    }
}

fn token_infos(doc: &Document, lexicon: &Lexicon) -> Vec<TokenInfo> {
    // News repeat their words: each distinct spelling is analyzed once.
    let mut seen: HashMap<&str, WordAnalysis> = HashMap::new();
    doc.tokens
        .iter()
        .map(|token| {
            let text = doc.slice(&token.range);
            let mut info = if token.kind == TokenKind::Word {
                seen.entry(text)
                    .or_insert_with(|| analyze_word(text, lexicon))
                    .clone()
            } else {
                WordAnalysis {
                    stem: 0..text.len(),
                    ..WordAnalysis::default()
                }
            };
            info.stem = token.range.start + info.stem.start..token.range.start + info.stem.end;
            info
        })
        .collect()
}

fn vocabulary(
    doc: &Document,
    tokens: &[TokenInfo],
    lexicon: &Lexicon,
) -> (Vec<VocabEntry>, Vec<Option<usize>>) {
    let mut entries: Vec<VocabEntry> = Vec::new();
    let mut slot: HashMap<LemmaId, usize> = HashMap::new();
    let mut of_token = vec![None; tokens.len()];
    for (t, info) in tokens.iter().enumerate() {
        let Some((id, entry)) = info.lemma.and_then(|id| lexicon.entry(id).map(|e| (id, e))) else {
            continue;
        };
        let at = *slot.entry(id).or_insert_with(|| {
            entries.push(VocabEntry {
                lemma_id: id,
                lemma: entry.lemma.clone(),
                vocalized: entry.vocalized.clone(),
                root: entry.root.clone(),
                pos: entry.pos,
                gloss_en: entry.gloss_en.clone(),
                plural_or_present: entry.plural_or_present.clone(),
                translit: transliterate(&entry.vocalized),
                count: 0,
                forms: Vec::new(),
                sentences: Vec::new(),
                occurrences: Vec::new(),
            });
            entries.len() - 1
        });
        let v = &mut entries[at];
        let token = &doc.tokens[t];
        let form = doc.slice(&token.range);
        v.count += 1;
        v.occurrences.push(t);
        if v.sentences.last() != Some(&token.sentence) {
            v.sentences.push(token.sentence);
        }
        if !v.forms.iter().any(|f| f == form) {
            v.forms.push(form.to_owned());
        }
        of_token[t] = Some(at);
    }
    (entries, of_token)
}

/// One relation per (kind, source, target, past), with all the sentences that state it;
/// adds the states that relations imply (a capital standing for its state) as entities.
fn merge(found: &[Found], gazetteer: &Gazetteer, entities: &mut Vec<Entity>) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::new();
    let mut counts: Vec<Option<(u32, String, String)>> = Vec::new();
    let mut index: HashMap<(&str, usize, usize, bool), usize> = HashMap::new();
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
                source: gazetteer.entries[f.source].id.clone(),
                target: gazetteer.entries[f.target].id.clone(),
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
        if !out[at].sentences.contains(&f.sentence) {
            out[at].sentences.push(f.sentence);
        }
        if f.count.as_ref().map(|c| c.0) > counts[at].as_ref().map(|c| c.0) {
            counts[at].clone_from(&f.count);
        }
        for entry in [f.source, f.target] {
            if !entities.iter().any(|e| e.entry == entry) {
                let g = &gazetteer.entries[entry];
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
        if let Some((times, en, ar)) = count {
            relation.count = Some(times);
            relation.label_en = format!("{} {en}", relation.label_en);
            relation.label_ar = format!("{} {ar}", relation.label_ar);
        }
    }
    out
}

impl Analysis {
    /// What is known about token `i`.
    #[must_use]
    pub fn token(&self, i: usize) -> Option<&TokenInfo> {
        self.tokens.get(i)
    }

    /// The vocabulary entry of token `i`, if it is a word the lexicon knows.
    #[must_use]
    pub fn entry_of_token(&self, i: usize) -> Option<&VocabEntry> {
        self.vocab_of_token
            .get(i)
            .copied()
            .flatten()
            .and_then(|v| self.vocabulary.get(v))
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
