//! Relations between entities, found by the rules of `assets/relation_rules.tsv` over the
//! lemmas of the tokens and the entity mentions of each sentence.
//!
//! Arabic news sentences are mostly verb-first: the name right after a verb is usually its
//! subject. That one fact, plus coordination (A وB), apposition (a title then a name) and a
//! few particles (بين, مع, على), is what the patterns below stand on. A pronoun (his allies,
//! his grandfather) names the *topic*: the last person that was the subject of a verb.

use std::collections::HashMap;
use std::ops::Range;

use super::document::Document;
use super::entities::{Catalogue, Entity, EntityKind, MentionVia, OfficeKind, StatedOffice};
use super::lexicon::Pos;
use super::word_facts::WordFacts;
use super::relation_rules::{Count, Pattern, RelationRules, Role, Rule};
use crate::arabic::normalize::normalize;
use crate::arabic::tokenize::TokenKind;

// The particles and words the patterns look for, in their normalized spelling.
/// بين "between".
const BETWEEN: &str = "بين";
/// مع "with".
const WITH: &str = "مع";
/// على "on, against" (normalized: final ى is ي).
const ON: &str = "علي";
/// مرة "time" (as in three times; normalized: ة is ه).
const TIME: &str = "مره";
/// سابق "former".
const FORMER: &str = "سابق";

/// One statement of a relation in one sentence, between catalogue entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub kind: String,
    pub source: usize,
    pub target: usize,
    pub directed: bool,
    pub past: bool,
    pub label_en: String,
    pub label_ar: String,
    /// How many times (with its English and Arabic words), where the text says so.
    pub count: Option<(u32, String, String)>,
    pub sentence: usize,
}

/// A mention as the patterns see it.
struct M {
    entry: usize,
    sentence: usize,
    tokens: Range<usize>,
    start: usize,
    via: MentionVia,
}

struct Ctx<'a> {
    doc: &'a Document,
    facts: &'a WordFacts<'a>,
    catalogue: &'a Catalogue<'a>,
    rules: &'a RelationRules,
    mentions: Vec<M>,
    starting: HashMap<usize, usize>,
    ending: HashMap<usize, usize>,
    /// `(verb token, mention)`: a person named right after a verb, in text order.
    person_subjects: Vec<(usize, usize)>,
}

/// All relations `doc` states, one [`Found`] per statement, in text order.
#[must_use]
pub fn find_relations(
    doc: &Document,
    facts: &WordFacts,
    catalogue: &Catalogue,
    rules: &RelationRules,
    entities: &[Entity],
    offices: &[StatedOffice],
) -> Vec<Found> {
    let mut mentions: Vec<M> = entities
        .iter()
        .flat_map(|e| {
            e.mentions.iter().map(|m| M {
                entry: e.entry,
                sentence: m.sentence,
                tokens: m.tokens.clone(),
                start: m.start,
                via: m.via,
            })
        })
        .collect();
    mentions.sort_by_key(|m| m.tokens.start);
    let starting = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.tokens.start, i))
        .collect();
    let ending = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.tokens.end - 1, i))
        .collect();
    let mut ctx = Ctx {
        doc,
        facts,
        catalogue,
        rules,
        mentions,
        starting,
        ending,
        person_subjects: Vec::new(),
    };
    ctx.person_subjects = (0..doc.tokens.len())
        .filter(|&t| ctx.is_verb(t))
        .filter_map(|t| ctx.starting.get(&(t + 1)).map(|&m| (t, m)))
        .filter(|&(_, m)| ctx.kind_of(m) == EntityKind::Person)
        .collect();
    let mut found = titles(&ctx, entities);
    found.extend(offices.iter().map(|o| Found {
        kind: o.office.kind.relation().into(),
        source: o.person,
        target: o.of,
        directed: true,
        past: false,
        label_en: format!("is the {} of", o.office.office_en),
        label_ar: o.office.office_ar.clone(),
        count: None,
        sentence: o.sentence,
    }));
    for s in 0..doc.sentences.len() {
        found.extend(ctx.sentence_relations(s));
    }
    found.sort_by_key(|f| f.sentence);
    found
}

/// A title that names a head of state states that they head it (الرئيس الروسي).
fn titles(ctx: &Ctx, entities: &[Entity]) -> Vec<Found> {
    let mut out = Vec::new();
    for e in entities {
        let Some(office) = &ctx.catalogue.entry(e.entry).office else {
            continue;
        };
        let Some(state) = ctx.catalogue.by_id(&office.of) else {
            continue;
        };
        let (office_en, office_ar) = (&office.office_en, &office.office_ar);
        for m in e.mentions.iter().filter(|m| m.via == MentionVia::Title) {
            out.push(Found {
                kind: OfficeKind::Leader.relation().into(),
                source: e.entry,
                target: state,
                directed: true,
                past: false,
                label_en: format!("is the {office_en} of"),
                label_ar: office_ar.clone(),
                count: None,
                sentence: m.sentence,
            });
        }
    }
    out
}

impl Ctx<'_> {
    fn lemma_key(&self, t: usize) -> Option<&str> {
        self.facts.lemma_key(t)
    }

    fn is_verb(&self, t: usize) -> bool {
        self.facts.is_verb(t)
    }

    fn pos(&self, t: usize) -> Option<Pos> {
        self.facts.pos(t)
    }

    fn has_pronoun(&self, t: usize) -> bool {
        self.facts.has_pronoun(t)
    }

    fn kind_of(&self, m: usize) -> EntityKind {
        self.catalogue.entry(self.mentions[m].entry).kind
    }

    fn tokens_of(&self, s: usize) -> Range<usize> {
        self.doc.sentences[s].tokens.clone()
    }

    /// Mentions of sentence `s`, as indices.
    fn mentions_in(&self, s: usize) -> Range<usize> {
        let first = self.mentions.partition_point(|m| m.sentence < s);
        let last = self.mentions.partition_point(|m| m.sentence <= s);
        first..last
    }

    /// The entry a mention stands for in a role, if it can take it.
    fn resolve(&self, m: usize, role: Role) -> Option<usize> {
        let entry = self.mentions[m].entry;
        let e = self.catalogue.entry(entry);
        let state_of =
            |id: Option<&str>| id.and_then(|id| self.catalogue.by_id(id));
        match (role, e.kind) {
            (Role::Person, EntityKind::Person) | (Role::Polity, EntityKind::State) => Some(entry),
            (Role::Person, _) => None,
            (Role::Polity, EntityKind::Place) => state_of(e.capital_of.as_deref()),
            (Role::Polity, EntityKind::Person) => state_of(e.office.as_ref().filter(|o| o.kind == OfficeKind::Leader).map(|o| o.of.as_str())),
            (Role::Polity, _) => None,
            (Role::Any, EntityKind::Place) => state_of(e.capital_of.as_deref()).or(Some(entry)),
            (Role::Any, _) => Some(entry),
        }
    }

    /// The mention named right after the first verb of sentence `s` that has one.
    fn sentence_subject(&self, s: usize, before: usize) -> Option<usize> {
        self.tokens_of(s)
            .filter(|&t| t < before && self.is_verb(t))
            .find_map(|t| self.starting.get(&(t + 1)).copied())
    }

    /// The last person that was the subject of a verb before token `t`, other than `not`.
    fn topic_before(&self, t: usize, not: &[usize]) -> Option<usize> {
        self.person_subjects
            .iter()
            .rev()
            .filter(|&&(verb, _)| verb < t)
            .map(|&(_, m)| m)
            .find(|&m| !not.contains(&self.mentions[m].entry))
    }

    /// The mention coordinated with `m` (A وB, A-B), skipping names of the same entity in
    /// apposition (الرئيس الروسي فلاديمير بوتين).
    fn coordinated_after(&self, mut m: usize) -> Option<usize> {
        loop {
            let end = self.mentions[m].tokens.end;
            if let Some(&next) = self.starting.get(&end) {
                if self.mentions[next].entry == self.mentions[m].entry {
                    m = next;
                    continue;
                }
                let token = &self.doc.tokens[end];
                let prefix = self
                    .doc
                    .slice(&(token.range.start..self.mentions[next].start));
                return prefix.starts_with('و').then_some(next);
            }
            let hyphen = self.doc.tokens.get(end).is_some_and(|t| {
                t.kind == TokenKind::Punct && matches!(self.doc.slice(&t.range), "-" | "‐" | "–")
            });
            return self.starting.get(&(end + 1)).copied().filter(|_| hyphen);
        }
    }

    /// The first mention starting in `tokens`.
    fn mention_starting_in(&self, tokens: Range<usize>) -> Option<usize> {
        tokens
            .into_iter()
            .find_map(|t| self.starting.get(&t).copied())
    }

    /// The first token in `tokens` whose lemma is `key`.
    fn token_with_lemma(&self, tokens: Range<usize>, key: &str) -> Option<usize> {
        tokens.into_iter().find(|&t| self.lemma_key(t) == Some(key))
    }

    fn lemmas_at(&self, t: usize, keys: &[String]) -> bool {
        keys.iter()
            .enumerate()
            .all(|(i, k)| self.lemma_key(t + i) == Some(k.as_str()))
    }

    fn sentence_relations(&self, s: usize) -> Vec<Found> {
        let tokens = self.tokens_of(s);
        let mut out = Vec::new();
        for t in tokens.clone() {
            let Some(key) = self.lemma_key(t) else {
                continue;
            };
            for rule in self.rules.starting_with(key) {
                let end = t + rule.trigger.len();
                if end > tokens.end || !self.lemmas_at(t, &rule.trigger) {
                    continue;
                }
                let required = rule.requires.is_empty()
                    || tokens.clone().any(|r| {
                        r + rule.requires.len() <= tokens.end && self.lemmas_at(r, &rule.requires)
                    });
                if !required {
                    continue;
                }
                for &pattern in &rule.patterns {
                    let pairs = self.apply(pattern, rule, s, t..end);
                    let hit = !pairs.is_empty();
                    for (source, target, count) in pairs {
                        let past = self.lemma_key(end) == Some(FORMER);
                        out.push(found(rule, s, source, target, count, past));
                    }
                    if hit {
                        break;
                    }
                }
            }
        }
        out
    }

    /// `(source, target, count)` entries the pattern finds around the trigger `at`.
    fn apply(
        &self,
        pattern: Pattern,
        rule: &Rule,
        s: usize,
        at: Range<usize>,
    ) -> Vec<(usize, usize, Option<&Count>)> {
        let pair = |a: usize, b: usize| {
            let source = self.resolve(a, rule.source)?;
            let target = self.resolve(b, rule.target)?;
            (source != target).then_some((source, target, None))
        };
        let end = self.tokens_of(s).end;
        match pattern {
            Pattern::Between => self
                .between(s, at.end..end)
                .and_then(|(a, b)| pair(a, b))
                .into_iter()
                .collect(),
            Pattern::With => self.with(rule, s, at).into_iter().collect(),
            Pattern::On => self.on(rule, s, at).into_iter().collect(),
            Pattern::Verb => self.verb(rule, s, at.start),
            Pattern::Kin => self
                .kin(s, at)
                .and_then(|(a, b)| pair(a, b))
                .into_iter()
                .collect(),
            Pattern::Ally => self.ally(rule, at).into_iter().collect(),
            Pattern::Founder => {
                let entity = self.starting.get(&at.end).copied();
                let founder = entity.and_then(|e| {
                    let after = self.mentions[e].tokens.end..end;
                    after.into_iter().find_map(|t| {
                        self.starting
                            .get(&t)
                            .copied()
                            .filter(|&m| self.kind_of(m) == EntityKind::Person)
                    })
                });
                founder
                    .zip(entity)
                    .and_then(|(p, e)| pair(p, e))
                    .into_iter()
                    .collect()
            }
            Pattern::PairAfter => (at.end..(at.end + 4).min(end))
                .filter_map(|t| self.starting.get(&t).copied())
                .find_map(|a| self.coordinated_after(a).and_then(|b| pair(a, b)))
                .into_iter()
                .collect(),
        }
    }

    /// بين A و B (A may come after a few words: بين الرئيس السابق دميتري مدفيديف وكيم),
    /// or بينهما: the two coordinated subjects of the sentence.
    fn between(&self, s: usize, after: Range<usize>) -> Option<(usize, usize)> {
        let end = after.end;
        for t in after.filter(|&t| self.lemma_key(t) == Some(BETWEEN)) {
            if self.facts.enclitic(t) == Some("هما") {
                let a = self.sentence_subject(s, t)?;
                return self.coordinated_after(a).map(|b| (a, b));
            }
            if let Some(a) = self.mention_starting_in(t + 1..(t + 5).min(end))
                && let Some(b) = self.coordinated_after(a)
            {
                return Some((a, b));
            }
        }
        None
    }

    /// trigger … مع X: X is the target; the source is the sentence's subject for people,
    /// for states the nearest name before the trigger that stands for one.
    fn with<'r>(
        &self,
        rule: &Rule,
        s: usize,
        at: Range<usize>,
    ) -> Option<(usize, usize, Option<&'r Count>)> {
        let end = self.tokens_of(s).end;
        let with = self.token_with_lemma(at.end..(at.end + 6).min(end), WITH)?;
        let x = self.mention_starting_in(with + 1..(with + 3).min(end))?;
        let target = self.resolve(x, rule.target)?;
        let fits = |m: usize| self.resolve(m, rule.source).filter(|&e| e != target);
        let source = match rule.source {
            Role::Person => self
                .sentence_subject(s, end)
                .and_then(fits)
                .or_else(|| self.topic_before(at.start, &[target]).and_then(fits)),
            Role::Polity | Role::Any => {
                let mentions = self.mentions_in(s);
                let before = mentions
                    .clone()
                    .rev()
                    .filter(|&m| self.mentions[m].tokens.end <= at.start);
                let after = mentions.filter(|&m| m > x);
                before
                    .filter_map(fits)
                    .next()
                    .or_else(|| self.sentence_subject(s, end).and_then(fits))
                    .or_else(|| after.filter_map(fits).next())
                    .or_else(|| self.topic_before(at.start, &[target]).and_then(fits))
            }
        }?;
        Some((source, target, None))
    }

    /// trigger … على X: X is the target, the sentence's subject the source.
    fn on<'r>(
        &self,
        rule: &Rule,
        s: usize,
        at: Range<usize>,
    ) -> Option<(usize, usize, Option<&'r Count>)> {
        let end = self.tokens_of(s).end;
        let on = self.token_with_lemma(at.end..(at.end + 4).min(end), ON)?;
        let x = self.mention_starting_in(on + 1..(on + 3).min(end))?;
        let target = self.resolve(x, rule.target)?;
        let subject = self
            .sentence_subject(s, at.start)
            .or_else(|| self.topic_before(at.start, &[target]))?;
        let source = self
            .resolve(subject, rule.source)
            .filter(|&e| e != target)?;
        Some((source, target, None))
    }

    /// A name that can be the object of a verb: right after the verb, another name (a list
    /// or apposition), a count (ثلاث مرات), a number or an adverb — not after a noun (whose
    /// genitive it would be) or a preposition.
    fn is_object(&self, m: usize, verb: usize) -> bool {
        let before = self.mentions[m].tokens.start.wrapping_sub(1);
        before == verb
            || self.ending.contains_key(&before)
            || self.lemma_key(before) == Some(TIME)
            || matches!(self.pos(before), Some(Pos::Adverb | Pos::Number))
            || self
                .doc
                .tokens
                .get(before)
                .is_some_and(|t| t.kind == TokenKind::Number)
    }

    fn verb(&self, rule: &Rule, s: usize, verb: usize) -> Vec<(usize, usize, Option<&Count>)> {
        let mentions = self.mentions_in(s);
        let after_verb: Vec<usize> = mentions
            .filter(|&m| self.mentions[m].tokens.start > verb && self.is_object(m, verb))
            .collect();
        let right_after = self.starting.get(&(verb + 1)).copied();
        let pronoun = self.has_pronoun(verb);
        let subject = match right_after {
            Some(a)
                if pronoun
                    || after_verb
                        .iter()
                        .any(|&m| m != a && self.mentions[m].entry != self.mentions[a].entry) =>
            {
                Some(a)
            }
            // Else the subject of an earlier verb (كان X حمل), a name right before the verb
            // (subject first, as headlines write: واشنطن تتهم موسكو; not an adjective: مسؤول
            // روسي يزور), or the topic.
            _ => self
                .sentence_subject(s, verb)
                .or_else(|| {
                    let before = self.ending.get(&verb.checked_sub(1)?).copied()?;
                    (self.mentions[before].via != MentionVia::Nisba).then_some(before)
                })
                .or_else(|| self.topic_before(verb, &[])),
        };
        let Some(subject) = subject else {
            return Vec::new();
        };
        let Some(source) = self.resolve(subject, rule.source) else {
            return Vec::new();
        };
        let objects: Vec<usize> = if pronoun {
            // The object is the pronoun: the nearest name before the verb.
            self.mentions_in(s)
                .rev()
                .filter(|&m| {
                    self.mentions[m].tokens.end <= verb
                        && self.mentions[m].entry != self.mentions[subject].entry
                })
                .take(1)
                .collect()
        } else {
            after_verb.into_iter().filter(|&m| m != subject).collect()
        };
        objects
            .into_iter()
            .filter_map(|m| {
                let target = self.resolve(m, rule.target).filter(|&e| e != source)?;
                Some((source, target, self.count_before(m)))
            })
            .collect()
    }

    /// A count phrase right before mention `m` (ثلاث مرات, ومرتين).
    fn count_before(&self, m: usize) -> Option<&Count> {
        let start = self.mentions[m].tokens.start;
        self.rules.counts.iter().find(|c| {
            let n = c.words.len();
            start >= n
                && (0..n).all(|i| {
                    let token = &self.doc.tokens[start - n + i];
                    let word = normalize(self.doc.slice(&token.range));
                    let word = if i == 0 {
                        word.strip_prefix('و').map_or(word.clone(), str::to_owned)
                    } else {
                        word
                    };
                    word == c.words[i]
                })
        })
    }

    /// A kin-noun+pronoun … B: B is the kin of the topic; A kin-noun B: A is the kin of B.
    fn kin(&self, s: usize, at: Range<usize>) -> Option<(usize, usize)> {
        let end = self.tokens_of(s).end;
        let person = |m: &usize| self.kind_of(*m) == EntityKind::Person;
        if self.has_pronoun(at.start) {
            let kin = (at.end..end)
                .filter_map(|t| self.starting.get(&t).copied())
                .find(person)?;
            let ego = self.topic_before(at.start, &[self.mentions[kin].entry])?;
            return Some((kin, ego));
        }
        let kin = at
            .start
            .checked_sub(1)
            .and_then(|t| self.ending.get(&t).copied())
            .filter(person)?;
        let ego = self.starting.get(&at.end).copied().filter(person)?;
        Some((kin, ego))
    }

    /// A (adjective) ally-noun+pronoun: A is an ally of the topic; A ally-noun B.
    fn ally<'r>(&self, rule: &Rule, at: Range<usize>) -> Option<(usize, usize, Option<&'r Count>)> {
        let a = (1..=2)
            .filter_map(|back| at.start.checked_sub(back))
            .find_map(|t| self.ending.get(&t).copied())?;
        let source = self.resolve(a, rule.source)?;
        let b = if self.has_pronoun(at.start) {
            self.person_subjects
                .iter()
                .rev()
                .filter(|&&(verb, _)| verb < at.start)
                .map(|&(_, m)| m)
                .find(|&m| self.resolve(m, rule.target).is_some_and(|e| e != source))?
        } else {
            self.mention_starting_in(at.end..at.end + 2)?
        };
        let target = self.resolve(b, rule.target).filter(|&e| e != source)?;
        Some((source, target, None))
    }
}

fn found(
    rule: &Rule,
    sentence: usize,
    source: usize,
    target: usize,
    count: Option<&Count>,
    past: bool,
) -> Found {
    let (label_en, label_ar) = match (&rule.past_label, past) {
        (Some((en, ar)), true) => (en.clone(), ar.clone()),
        _ => (rule.label_en.clone(), rule.label_ar.clone()),
    };
    Found {
        kind: rule.kind.clone(),
        source,
        target,
        directed: rule.directed,
        past: past && rule.past_label.is_some(),
        label_en,
        label_ar,
        count: count.map(|c| (c.times, c.english.clone(), c.text.clone())),
        sentence,
    }
}
