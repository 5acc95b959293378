//! A quiz session from a spec: which words, names and relations to ask about, each kind in turn, each target once.

use std::collections::{HashMap, HashSet};

use super::distractors::{Pool, distractor_lexicon};
use super::relations::{Ask, NO_NAMES, NO_RELATIONS};
use super::shuffle::Seeded;
use super::words::{Makers, Why, WordTarget};
use super::{LeftOut, Practise, Question, QuestionKind, Quiz, QuizSpec};
use crate::analysis::entities::MentionVia;
use crate::analysis::{Analysis, Document, Entity, EntityKind, Relation, VocabEntry};
use crate::study::deck::{Card, word_key};
use crate::study::progress::{Progress, Status};
use crate::study::vocabulary::NAME_POS;

const NO_WORDS: Why = "no word of this text is in the lexicon";

/// What one question is about.
enum Target<'a> {
    Word(WordTarget<'a>),
    Name(&'a Entity),
    Relation(&'a Relation, Ask),
}

impl Target<'_> {
    /// What makes two questions about the same thing (asked once per session).
    fn key(&self) -> String {
        match self {
            Self::Word(w) => w.card.key(),
            Self::Name(e) => format!("name {}", e.id),
            Self::Relation(r, _) => format!("relation {} {} {}", r.source, r.kind, r.target),
        }
    }
}

/// The questions `spec` asks of the document, from its analysis, its deck (`cards`, with the
/// teacher's edits) and the learner's `progress` at `now` (Unix seconds). Kinds take turns,
/// so every kind the text supports is asked; each word, name or relation is asked about once.
/// Kinds that could make no question are listed in [`Quiz::left_out`] with the reason.
#[must_use]
pub fn generate(
    doc: &Document,
    analysis: &Analysis,
    cards: &[Card],
    progress: &Progress,
    spec: &QuizSpec,
    now: u64,
) -> Quiz {
    let pool = Pool::new(cards, distractor_lexicon());
    let makers = Makers {
        doc,
        analysis,
        pool: &pool,
    };
    let selection = Selection {
        progress,
        practise: &spec.practise,
        now,
        seed: spec.seed,
    };
    let words = selection.words(analysis, cards);
    let names = selection.names(analysis);
    let relations = selection.relations(analysis);
    let kinds = spec.kinds();
    let targets_of = |kind: QuestionKind| -> &[Target<'_>] {
        match kind {
            QuestionKind::Name => &names,
            QuestionKind::Relation => &relations,
            _ => &words,
        }
    };
    let mut cursor = vec![0_usize; kinds.len()];
    let mut why: Vec<Vec<Why>> = vec![Vec::new(); kinds.len()];
    let mut made = vec![0_usize; kinds.len()];
    let mut asked: HashSet<String> = HashSet::new();
    let mut questions: Vec<Question> = Vec::new();
    let mut progressed = true;
    while questions.len() < spec.count && progressed {
        progressed = false;
        for (k, &kind) in kinds.iter().enumerate() {
            if questions.len() >= spec.count {
                break;
            }
            let targets = targets_of(kind);
            while let Some(target) = targets.get(cursor[k]) {
                cursor[k] += 1;
                let key = target.key();
                if asked.contains(&key) {
                    continue;
                }
                let mut rng = Seeded::for_part(spec.seed, &format!("{} {key}", kind.name()));
                let question = match target {
                    Target::Word(w) => makers.word_question(kind, w, &mut rng),
                    Target::Name(e) => makers.name_question(e, cards, &mut rng),
                    Target::Relation(r, ask) => makers.relation_question(r, *ask, &mut rng),
                };
                match question {
                    Ok(q) => {
                        asked.insert(key);
                        questions.push(q);
                        made[k] += 1;
                        progressed = true;
                        break;
                    }
                    Err(reason) => why[k].push(reason),
                }
            }
        }
    }
    Seeded::for_part(spec.seed, "order").shuffle(&mut questions);
    let left_out = kinds
        .iter()
        .enumerate()
        .filter(|&(k, _)| made[k] == 0 && cursor[k] >= targets_of(kinds[k]).len())
        .map(|(k, &kind)| LeftOut {
            kind,
            reason: reason_for(kind, &why[k], &spec.practise, analysis),
        })
        .collect();
    Quiz {
        source: doc.source.clone(),
        seed: spec.seed,
        questions,
        left_out,
    }
}

/// Why `kind` made no question: the commonest reason its targets gave, or why it had none.
fn reason_for(kind: QuestionKind, why: &[Why], practise: &Practise, analysis: &Analysis) -> String {
    let mut counts: HashMap<Why, usize> = HashMap::new();
    for &w in why {
        *counts.entry(w).or_default() += 1;
    }
    if let Some((&w, _)) = counts.iter().max_by_key(|&(w, n)| (*n, *w)) {
        return w.to_owned();
    }
    let nothing_in_text = match kind {
        QuestionKind::Relation => analysis.relations.is_empty().then_some(NO_RELATIONS),
        QuestionKind::Name => analysis.entities.is_empty().then_some(NO_NAMES),
        _ => analysis.vocabulary.is_empty().then_some(NO_WORDS),
    };
    match (nothing_in_text, practise) {
        (Some(w), _) => w.to_owned(),
        (None, Practise::Relations) => "only relations were asked for".to_owned(),
        (None, Practise::New | Practise::Learning | Practise::PartOfSpeech(_))
            if kind == QuestionKind::Relation =>
        {
            format!(
                "relations have no status: choose all, due now or a sentence to practise them (not {})",
                practise.label()
            )
        }
        (None, _) => format!("nothing to ask among the {}", practise.label()),
    }
}

/// Which words, names and relations a session practises, in the order to ask them.
struct Selection<'a> {
    progress: &'a Progress,
    practise: &'a Practise,
    now: u64,
    seed: u64,
}

impl Selection<'_> {
    /// Whether a word (or name) with `key` and part of speech `pos`, found in `sentences`, is
    /// to be practised.
    fn keeps(&self, key: &str, pos: &str, mut sentences: impl Iterator<Item = usize>) -> bool {
        let status = self.progress.status(key);
        status != Status::Ignored
            && match self.practise {
                Practise::All => true,
                Practise::New => status == Status::New,
                Practise::Learning => status == Status::Learning,
                Practise::Due => self.progress.is_due(key, self.now),
                Practise::PartOfSpeech(p) => p == pos,
                Practise::Sentence(s) => sentences.any(|x| x == *s),
                Practise::Relations => false,
            }
    }

    /// `items` in the order to ask them: for "due now", the words answered before by due
    /// date (the most overdue first), then the others; each group shuffled from the seed.
    fn order<T>(&self, mut items: Vec<T>, salt: &str, key: impl Fn(&T) -> String) -> Vec<T> {
        Seeded::for_part(self.seed, salt).shuffle(&mut items);
        if *self.practise == Practise::Due {
            items.sort_by_key(|t| self.progress.due(&key(t)).unwrap_or(u64::MAX));
        }
        items
    }

    fn words<'a>(&self, analysis: &'a Analysis, cards: &'a [Card]) -> Vec<Target<'a>> {
        let entries: HashMap<String, &VocabEntry> = analysis
            .vocabulary
            .iter()
            .map(|v| (word_key(&v.lemma, v.pos.as_str()), v))
            .collect();
        let kept: Vec<WordTarget<'a>> = cards
            .iter()
            .filter(|c| !c.is_name && c.pos != NAME_POS)
            .map(|card| WordTarget {
                card,
                entry: entries.get(&card.key()).copied(),
            })
            .filter(|w| {
                let sentences = w.entry.map(|e| e.sentences.clone()).unwrap_or_default();
                self.keeps(&w.card.key(), &w.card.pos, sentences.into_iter())
            })
            .collect();
        self.order(kept, "words", |w| w.card.key())
            .into_iter()
            .map(Target::Word)
            .collect()
    }

    fn names<'a>(&self, analysis: &'a Analysis) -> Vec<Target<'a>> {
        let kept: Vec<&Entity> = analysis
            .entities
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EntityKind::Person | EntityKind::State | EntityKind::Place
                )
            })
            .filter(|e| e.mentions.iter().any(|m| m.via == MentionVia::Name))
            .filter(|e| {
                let key = word_key(&e.name_ar, NAME_POS);
                self.keeps(&key, NAME_POS, e.mentions.iter().map(|m| m.sentence))
            })
            .collect();
        self.order(kept, "names", |e| word_key(&e.name_ar, NAME_POS))
            .into_iter()
            .map(Target::Name)
            .collect()
    }

    fn relations<'a>(&self, analysis: &'a Analysis) -> Vec<Target<'a>> {
        if !self.practise.includes_relations() {
            return Vec::new();
        }
        let mut kept: Vec<&Relation> = analysis
            .relations
            .iter()
            .filter(|r| match self.practise {
                Practise::Sentence(s) => r.sentences.contains(s),
                _ => true,
            })
            .collect();
        let mut rng = Seeded::for_part(self.seed, "relations");
        rng.shuffle(&mut kept);
        let asks = [Ask::WhoSource, Ask::WhoTarget, Ask::TrueOrFalse];
        kept.into_iter()
            .map(|r| Target::Relation(r, asks[rng.below(asks.len())]))
            .collect()
    }
}
