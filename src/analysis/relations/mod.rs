//! Relations between entities, found by the rules of `assets/relation_rules.tsv` over the
//! lemmas of the tokens and the entity mentions of each sentence.
//!
//! Arabic news sentences are mostly verb-first: the name right after a verb is usually its
//! subject. That one fact, plus coordination (A وB), apposition (a title then a name) and a
//! few particles (بين, مع, على), is what the patterns below stand on. A pronoun (his allies,
//! his grandfather) names the *topic*: the last person that was the subject of a verb.

mod pairs;
mod patterns;

use std::ops::Range;

use crate::analysis::document::Document;
use crate::analysis::entities::{
    Catalogue, Entity, EntityKind, MentionVia, OfficeKind, StatedOffice,
};
use crate::analysis::in_order::{SENTENCES_PER_PIECE, map_in_order};
use crate::analysis::lexicon::Pos;
use crate::analysis::readings::NONE;
use crate::analysis::relation_rules::{Count, RelationRules, Role, Rule};
use crate::analysis::word_facts::WordFacts;
use crate::arabic::tokenize::TokenKind;

// The particles and words the patterns look for, in their normalized spelling.
/// بين "between".
pub(crate) const BETWEEN: &str = "بين";
/// مع "with".
pub(crate) const WITH: &str = "مع";
/// على "on, against" (normalized: final ى is ي).
pub(crate) const ON: &str = "علي";
/// مرة "time" (as in three times; normalized: ة is ه).
pub(crate) const TIME: &str = "مره";
/// سابق "former".
pub(crate) const FORMER: &str = "سابق";

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
pub(crate) struct M {
    entry: usize,
    sentence: usize,
    tokens: Range<usize>,
    start: usize,
    via: MentionVia,
}

pub(crate) struct Ctx<'a> {
    doc: &'a Document,
    facts: &'a WordFacts<'a>,
    catalogue: &'a Catalogue<'a>,
    rules: &'a RelationRules,
    mentions: Vec<M>,
    /// The mention starting at each token (the last one, where several do).
    starting: ByToken,
    /// The mention ending at each token (the last one by start, where several do).
    ending: ByToken,
    /// `(verb token, mention)`: a person named right after a verb, in text order.
    person_subjects: Vec<(usize, usize)>,
}

/// A mention per token, where there is one: a slot per token, not a hash, since a long text
/// has hundreds of thousands of mentions.
struct ByToken(Vec<u32>);

impl ByToken {
    /// Token `t` of `at` (one per mention, in order) gets mention `i`; a later mention at the
    /// same token replaces an earlier one.
    fn new(tokens: usize, at: impl Iterator<Item = usize>) -> Self {
        let mut slots = vec![NONE; tokens];
        for (i, t) in at.enumerate() {
            if let (Some(slot), Ok(i)) = (slots.get_mut(t), u32::try_from(i)) {
                *slot = i;
            }
        }
        Self(slots)
    }

    /// The mention at token `t`, if any.
    fn at(&self, t: usize) -> Option<usize> {
        self.0.get(t).filter(|&&i| i != NONE).map(|&i| i as usize)
    }
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
    let starting = ByToken::new(doc.tokens.len(), mentions.iter().map(|m| m.tokens.start));
    let ending = ByToken::new(doc.tokens.len(), mentions.iter().map(|m| m.tokens.end - 1));
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
    // A mention counts where it is the one `starting` gives for its token.
    ctx.person_subjects = (0..ctx.mentions.len())
        .filter_map(|m| {
            let start = ctx.mentions[m].tokens.start;
            let verb = start.checked_sub(1)?;
            (ctx.starting.at(start) == Some(m)
                && ctx.kind_of(m) == EntityKind::Person
                && ctx.is_verb(verb))
            .then_some((verb, m))
        })
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
    // Each sentence on its own (on every core), joined in text order.
    let stated = map_in_order(doc.sentences.len(), SENTENCES_PER_PIECE, |s| {
        ctx.sentence_relations(s)
    });
    found.extend(stated.into_iter().flatten());
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

    /// Whether token `t` is the verb of `rule`'s trigger: chosen as a verb, or read in context
    /// as a word of another lemma while it can be the trigger's verb (حيث التقى is "where
    /// they met", not "the piety"). A noun of the trigger's own lemma (قدم له دعما) is no verb.
    fn can_be_verb(&self, t: usize, rule: &Rule) -> bool {
        if self.is_verb(t) {
            return true;
        }
        let key = rule.trigger.first().map(String::as_str);
        self.lemma_key(t) != key && self.facts.readings(t).iter().any(|r| r.pos == Pos::Verb)
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
        let state_of = |id: Option<&str>| id.and_then(|id| self.catalogue.by_id(id));
        match (role, e.kind) {
            (Role::Person, EntityKind::Person) | (Role::Polity, EntityKind::State) => Some(entry),
            (Role::Person, _) => None,
            (Role::Polity, EntityKind::Place) => state_of(e.capital_of.as_deref()),
            (Role::Polity, EntityKind::Person) => state_of(
                e.office
                    .as_ref()
                    .filter(|o| o.kind == OfficeKind::Leader)
                    .map(|o| o.of.as_str()),
            ),
            (Role::Polity, _) => None,
            (Role::Any, EntityKind::Place) => state_of(e.capital_of.as_deref()).or(Some(entry)),
            (Role::Any, _) => Some(entry),
        }
    }

    /// The mention named right after the first verb of sentence `s` that has one.
    fn sentence_subject(&self, s: usize, before: usize) -> Option<usize> {
        self.tokens_of(s)
            .filter(|&t| t < before && self.is_verb(t))
            .find_map(|t| self.starting.at(t + 1))
    }

    /// The mention named right after the last verb of sentence `s` before `before` that has one
    /// (تنفي كيغالي ذلك وتتهم …: Kigali accuses).
    fn last_subject_before(&self, s: usize, before: usize) -> Option<usize> {
        self.tokens_of(s)
            .filter(|&t| t < before && self.is_verb(t))
            .filter_map(|t| self.starting.at(t + 1))
            .next_back()
    }

    /// The last person that was the subject of a verb before token `t`, other than `not`.
    fn topic_before(&self, t: usize, not: &[usize]) -> Option<usize> {
        self.subjects_before(t)
            .find(|&m| !not.contains(&self.mentions[m].entry))
    }

    /// The people that were subjects of a verb before token `t`, latest first.
    fn subjects_before(&self, t: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.person_subjects.partition_point(|&(verb, _)| verb < t);
        self.person_subjects[..end].iter().rev().map(|&(_, m)| m)
    }

    /// The mention coordinated with `m` (A وB, A-B), skipping names of the same entity in
    /// apposition (الرئيس الروسي فلاديمير بوتين).
    fn coordinated_after(&self, mut m: usize) -> Option<usize> {
        loop {
            let end = self.mentions[m].tokens.end;
            if let Some(next) = self.starting.at(end) {
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
            return self.starting.at(end + 1).filter(|_| hyphen);
        }
    }

    /// The first mention starting in `tokens`.
    fn mention_starting_in(&self, tokens: Range<usize>) -> Option<usize> {
        tokens.into_iter().find_map(|t| self.starting.at(t))
    }

    /// The first token in `tokens` whose lemma is `key`.
    fn token_with_lemma(&self, tokens: Range<usize>, key: &str) -> Option<usize> {
        tokens.into_iter().find(|&t| self.lemma_key(t) == Some(key))
    }

    fn lemmas_at(&self, t: usize, keys: &[String]) -> bool {
        keys.iter()
            .enumerate()
            .all(|(i, k)| self.facts.has_lemma_key(t + i, k))
    }

    fn sentence_relations(&self, s: usize) -> Vec<Found> {
        let tokens = self.tokens_of(s);
        let mut out = Vec::new();
        for t in tokens.clone() {
            for rule in self
                .facts
                .lemma_keys(t)
                .flat_map(|k| self.rules.starting_with(k))
            {
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
