//! Two sides named at once: coordinated names (A وB) and dual nouns (الرئيسان, البلدان) that
//! stand for the two entities the text named last; and mediation between them.

use foldhash::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use super::{Ctx, EntityKind};
use crate::analysis::entities::gazetteer::key_set;
use crate::analysis::entities::name_key;
use crate::analysis::relation_rules::{Count, Role, Rule};

/// Duals that stand for two people: the two presidents, leaders, ministers.
const PEOPLE: [&str; 8] = [
    "الرئيسان",
    "الرئيسين",
    "الزعيمان",
    "الزعيمين",
    "الوزيران",
    "الوزيرين",
    "القائدان",
    "القائدين",
];
/// Duals that stand for two states.
const STATES: [&str; 4] = ["البلدان", "البلدين", "الدولتان", "الدولتين"];
/// Duals that stand for two parties: states where the text named two, else people.
const PARTIES: [&str; 4] = ["الجانبان", "الجانبين", "الطرفان", "الطرفين"];

/// How far back (in sentences) a dual looks for the two it stands for.
const DUAL_REACH: usize = 3;
/// How far back (in sentences) the names a dual of states weighs are counted.
const SALIENCE_REACH: usize = 12;

impl Ctx<'_> {
    /// The two mentions a dual noun at token `t` stands for (older first).
    pub(super) fn dual_at(&self, t: usize) -> Option<(usize, usize)> {
        self.dual_at_except(t, None)
    }

    /// As [`Self::dual_at`], leaving out entity `except` (a mediator is not one of the sides).
    pub(super) fn dual_at_except(&self, t: usize, except: Option<usize>) -> Option<(usize, usize)> {
        let token = self.doc.tokens.get(t)?;
        let key = name_key(self.doc.slice(&token.range));
        let key = key.strip_prefix('و').unwrap_or(&key);
        static SETS: LazyLock<[HashSet<String>; 3]> =
            LazyLock::new(|| [key_set(&PEOPLE), key_set(&STATES), key_set(&PARTIES)]);
        let wants: &[Role] = if SETS[0].contains(key) {
            &[Role::Person]
        } else if SETS[1].contains(key) {
            &[Role::Polity]
        } else if SETS[2].contains(key) {
            &[Role::Polity, Role::Person]
        } else {
            return None;
        };
        let first_sentence = token.sentence.saturating_sub(DUAL_REACH);
        wants.iter().find_map(|&role| {
            // People: the two named last (الرئيسان after two presidents). States and parties:
            // the two the text has named most so far (البلدين are the article's two
            // countries, not the one named a moment ago), the later named first on a tie.
            let mut seen: Vec<(usize, usize, usize)> = Vec::new();
            let before = self.mentions.partition_point(|m| m.tokens.start < t);
            for m in (0..before).rev() {
                let mention = &self.mentions[m];
                let recent = mention.sentence >= first_sentence;
                // "The two countries" are the article's: counted over the last few paragraphs.
                if mention.sentence + SALIENCE_REACH < token.sentence {
                    break;
                }
                if role == Role::Person && (!recent || self.kind_of(m) != EntityKind::Person) {
                    continue;
                }
                let Some(e) = self.resolve(m, role).filter(|&e| Some(e) != except) else {
                    continue;
                };
                match seen.iter_mut().find(|x| x.1 == e) {
                    Some(x) => x.2 += 1,
                    None if recent => seen.push((m, e, 1)),
                    None => {}
                }
            }
            if role != Role::Person {
                seen.sort_by_key(|a| std::cmp::Reverse(a.2));
            }
            match seen[..] {
                [(first, ..), (second, ..), ..] => Some((second.min(first), second.max(first))),
                _ => None,
            }
        })
    }

    /// The two subjects of the verb at `t`: a dual right after it (وقع البلدان), two names
    /// joined by و right after it (وقعت الكونغو ورواندا), or ending right before it (as
    /// headlines write: البرازيل والأرجنتين توقعان).
    pub(super) fn pair_subject(&self, t: usize) -> Option<(usize, usize)> {
        if let Some(pair) = self.dual_at(t + 1) {
            return Some(pair);
        }
        if let Some(a) = self.starting.at(t + 1)
            && let Some(b) = self.coordinated_after(a)
        {
            return Some((a, b));
        }
        let b = self.ending.at(t.checked_sub(1)?)?;
        let a = (b.saturating_sub(4)..b)
            .rev()
            .find(|&a| self.coordinated_after(a) == Some(b))?;
        Some((a, b))
    }

    /// The pair of subjects of the first verb of sentence `s` that has one, before `before`.
    pub(super) fn sentence_pair(&self, s: usize, before: usize) -> Option<(usize, usize)> {
        self.tokens_of(s)
            .filter(|&t| t < before && self.is_verb(t))
            .find_map(|t| self.pair_subject(t))
    }

    /// بوساطة X (or X … وساطة بين A و B): X mediates between the two sides, which are the
    /// sentence's pair of subjects when no بين names them.
    pub(super) fn mediation(
        &self,
        rule: &Rule,
        s: usize,
        at: Range<usize>,
    ) -> Vec<(usize, usize, Option<&Count>)> {
        let end = self.tokens_of(s).end;
        // بوساطة X; else the nearest name before the trigger (بكين ستواصل وساطتها).
        let before = self
            .mentions_in(s)
            .rev()
            .filter(|&m| self.mentions[m].tokens.end <= at.start)
            .find(|&m| self.resolve(m, rule.source).is_some());
        let mediator = self.starting.at(at.end).or(before);
        let Some(mediator) = mediator.and_then(|m| self.resolve(m, rule.source)) else {
            return Vec::new();
        };
        let dual = (at.end..end)
            .find(|&t| self.lemma_key(t) == Some(super::BETWEEN))
            .and_then(|t| self.dual_at_except(t + 1, Some(mediator)));
        let sides = dual
            .or_else(|| self.between(s, at.end..end).first().copied())
            .or_else(|| self.sentence_pair(s, end));
        let Some((a, b)) = sides else {
            return Vec::new();
        };
        [a, b]
            .into_iter()
            .filter_map(|m| self.resolve(m, rule.target))
            .filter(|&e| e != mediator)
            .map(|e| (mediator, e, None))
            .collect()
    }
}
