//! How each pattern of the rules finds the two sides of a relation around its trigger.

use std::ops::Range;

use super::{BETWEEN, Ctx, EntityKind, MentionVia, ON, TIME, WITH};
use crate::analysis::lexicon::Pos;
use crate::analysis::relation_rules::{Count, Pattern, Role, Rule};
use crate::arabic::normalize::normalize;
use crate::arabic::tokenize::TokenKind;

impl Ctx<'_> {
    /// `(source, target, count)` entries the pattern finds around the trigger `at`.
    pub(super) fn apply(
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
                .into_iter()
                .find_map(|(a, b)| pair(a, b))
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
                let entity = self.starting.at(at.end);
                let founder = entity.and_then(|e| {
                    let after = self.mentions[e].tokens.end..end;
                    after.into_iter().find_map(|t| {
                        self.starting
                            .at(t)
                            .filter(|&m| self.kind_of(m) == EntityKind::Person)
                    })
                });
                founder
                    .zip(entity)
                    .and_then(|(p, e)| pair(p, e))
                    .into_iter()
                    .collect()
            }
            Pattern::Pair => self
                .pair_subject(at.start)
                .or_else(|| self.sentence_pair(s, end))
                .and_then(|(a, b)| pair(a, b))
                .into_iter()
                .collect(),
            Pattern::Mediation => self.mediation(rule, s, at),
            Pattern::VerbNear => self.verb_near(rule, s, at.start),
            Pattern::PairAfter => (at.end..(at.end + 4).min(end))
                .filter_map(|t| self.starting.at(t))
                .find_map(|a| self.coordinated_after(a).and_then(|b| pair(a, b)))
                .into_iter()
                .collect(),
        }
    }

    /// Every بين A و B (A may come after a few words: بين الرئيس السابق دميتري مدفيديف وكيم),
    /// بينهما (the two coordinated subjects of the sentence) and بين + a dual (بين الجانبين),
    /// in text order.
    pub(super) fn between(&self, s: usize, after: Range<usize>) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let end = after.end;
        // A بين after another relation's trigger is that one's (الاتفاق … التوتر بين A و B).
        let stop = after
            .clone()
            .skip(1)
            .find(|&t| {
                self.lemma_key(t)
                    .is_some_and(|k| self.rules.starting_with(k).next().is_some())
            })
            .unwrap_or(end);
        for t in (after.start..stop).filter(|&t| self.lemma_key(t) == Some(BETWEEN)) {
            if let Some(pair) = self.dual_at(t + 1) {
                out.push(pair);
                continue;
            }
            if self.facts.enclitic(t) == Some("هما") {
                let pair = self
                    .sentence_subject(s, t)
                    .and_then(|a| self.coordinated_after(a).map(|b| (a, b)));
                out.extend(pair);
                continue;
            }
            if let Some(a) = self.mention_starting_in(t + 1..(t + 5).min(end))
                && let Some(b) = self.coordinated_after(a)
            {
                out.push((a, b));
            }
        }
        out
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
        // After another name (a list, an apposition), but not the state a construct title is of
        // (… ورئيس الأوروغواي: Uruguay is the president's, not an object).
        let after_name = self.ending.at(before).is_some_and(|p| {
            let (title, next) = (&self.mentions[p], &self.mentions[m]);
            !(title.via == MentionVia::Title
                && next.via == MentionVia::Name
                && title.entry != next.entry)
        });
        before == verb
            || after_name
            || self.lemma_key(before) == Some(TIME)
            || matches!(self.pos(before), Some(Pos::Adverb | Pos::Number))
            || self
                .doc
                .tokens
                .get(before)
                .is_some_and(|t| t.kind == TokenKind::Number)
    }

    fn verb(&self, rule: &Rule, s: usize, verb: usize) -> Vec<(usize, usize, Option<&Count>)> {
        if !self.can_be_verb(verb, rule) {
            return Vec::new();
        }
        // Two subjects at once (التقى الرئيسان; وقعت الكونغو ورواندا): a mutual relation is
        // between them; a directed one goes from each to whoever is named right after them.
        if let Some((a, b)) = self.pair_subject(verb) {
            if !rule.directed {
                let x = self.resolve(a, rule.source);
                let y = self.resolve(b, rule.target);
                return match (x, y) {
                    (Some(x), Some(y)) if x != y => vec![(x, y, None)],
                    _ => Vec::new(),
                };
            }
            let after = self.mentions[a]
                .tokens
                .end
                .max(self.mentions[b].tokens.end)
                .max(verb + 2);
            let objects: Vec<usize> = (after..after + 2)
                .filter_map(|t| self.starting.at(t))
                .take(1)
                .collect();
            return [a, b]
                .into_iter()
                .filter_map(|m| self.resolve(m, rule.source))
                .flat_map(|x| {
                    objects.iter().filter_map(move |&o| {
                        let y = self.resolve(o, rule.target).filter(|&y| y != x)?;
                        Some((x, y, self.count_before(o)))
                    })
                })
                .collect();
        }
        let mentions = self.mentions_in(s);
        let after_verb: Vec<usize> = mentions
            .filter(|&m| self.mentions[m].tokens.start > verb && self.is_object(m, verb))
            .collect();
        // The subject may be a noun with a nationality adjective (اتهمت الحكومة الأرجنتينية
        // البرازيل) when someone is named after it; else that is the object (وتتهم الجيش
        // الكونغولي, the subject being the earlier verb's).
        let noun_nisba = self.starting.at(verb + 2).filter(|&m| {
            self.mentions[m].via == MentionVia::Nisba && self.ending.at(verb + 1).is_none()
        });
        let named_after = |n: usize| {
            self.mentions_in(s).any(|m| {
                self.mentions[m].tokens.start >= self.mentions[n].tokens.end
                    && self.is_object(m, verb)
            })
        };
        let right_after = self
            .starting
            .at(verb + 1)
            .or_else(|| noun_nisba.filter(|&n| named_after(n)));
        let after_verb: Vec<usize> = after_verb
            .into_iter()
            .chain(noun_nisba.filter(|&n| !named_after(n)))
            .collect();
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
                .last_subject_before(s, verb)
                .or_else(|| {
                    let before = self.ending.at(verb.checked_sub(1)?)?;
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
        // A dual right after the subject is its object (استقبل وانغ يي الوزيرين: the two).
        let dual_object = self
            .dual_at(self.mentions[subject].tokens.end)
            .filter(|_| self.mentions[subject].tokens.start > verb);
        if let Some((a, b)) = dual_object {
            return [a, b]
                .into_iter()
                .filter_map(|m| self.resolve(m, rule.target))
                .filter(|&y| y != source)
                .map(|y| (source, y, None))
                .collect();
        }
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

    /// A verb whose object may follow a noun (تدعم جهود الأرجنتين, "supports Argentina's
    /// efforts"): the subject as for [`Self::verb`], the object the first name within three
    /// words after the verb.
    fn verb_near(&self, rule: &Rule, s: usize, verb: usize) -> Vec<(usize, usize, Option<&Count>)> {
        if !self.can_be_verb(verb, rule) {
            return Vec::new();
        }
        let end = self.tokens_of(s).end;
        let right_after = self.starting.at(verb + 1);
        let object = self.mention_starting_in(verb + 1..(verb + 4).min(end));
        let (subject, object) = match (right_after, object) {
            (Some(a), _) => (
                Some(a),
                self.mention_starting_in(
                    self.mentions[a].tokens.end..(self.mentions[a].tokens.end + 3).min(end),
                ),
            ),
            (None, o) => (
                self.ending
                    .at(verb.wrapping_sub(1))
                    .or_else(|| self.sentence_subject(s, verb)),
                o,
            ),
        };
        let (Some(subject), Some(object)) = (subject, object) else {
            return Vec::new();
        };
        let Some(source) = self.resolve(subject, rule.source) else {
            return Vec::new();
        };
        self.resolve(object, rule.target)
            .filter(|&t| t != source)
            .map(|t| (source, t, None))
            .into_iter()
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
                .filter_map(|t| self.starting.at(t))
                .find(person)?;
            let ego = self.topic_before(at.start, &[self.mentions[kin].entry])?;
            return Some((kin, ego));
        }
        let kin = at
            .start
            .checked_sub(1)
            .and_then(|t| self.ending.at(t))
            .filter(person)?;
        let ego = self.starting.at(at.end).filter(person)?;
        Some((kin, ego))
    }

    /// A (adjective) ally-noun+pronoun: A is an ally of the topic; A ally-noun B.
    fn ally<'r>(&self, rule: &Rule, at: Range<usize>) -> Option<(usize, usize, Option<&'r Count>)> {
        let a = (1..=2)
            .filter_map(|back| at.start.checked_sub(back))
            .find_map(|t| self.ending.at(t))?;
        let source = self.resolve(a, rule.source)?;
        let b = if self.has_pronoun(at.start) {
            self.subjects_before(at.start)
                .find(|&m| self.resolve(m, rule.target).is_some_and(|e| e != source))?
        } else {
            self.mention_starting_in(at.end..at.end + 2)?
        };
        let target = self.resolve(b, rule.target).filter(|&e| e != source)?;
        Some((source, target, None))
    }
}
