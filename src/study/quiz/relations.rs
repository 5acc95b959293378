//! Questions on what the text says of its people and states (who did what to whom), and on their names.

use super::distractors::{NameCandidate, names};
use super::shuffle::Seeded;
use super::words::{DISTRACTORS, Makers, Why, shuffled};
use super::{Choice, Context, Evidence, Question, QuestionKind};
use crate::analysis::entities::MentionVia;
use crate::analysis::relation_rules::RelationRules;
use crate::analysis::{Entity, EntityKind, Relation};
use crate::study::deck::{Card, word_key};
use crate::study::vocabulary::NAME_POS;

pub const NO_RELATIONS: Why =
    "the analysis found no relation between the people and states of this text";
pub const NO_NAMES: Why = "the text names no person, state or place the gazetteer knows";
const TOO_FEW_NAMES: Why = "the text and the gazetteer have too few other names of the same kind";

/// The ways a relation can be asked about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// "Who met Kim Jong Un three times?" (the source is the answer).
    WhoSource,
    /// "Who met Vladimir Putin?" for a relation without direction; "Kim Il Sung founded …?"
    /// for a directed one (the target is the answer).
    WhoTarget,
    /// "True or false: Russia accused the United States."
    TrueOrFalse,
}

/// The relation's English label without its count, and the count ("met", "three times").
fn label_and_count(relation: &Relation) -> (String, String) {
    let label = relation.label_en.trim();
    let count = relation.count.and_then(|n| {
        RelationRules::bundled()
            .counts
            .iter()
            .find(|c| c.times == n)
            .map(|c| c.english.clone())
    });
    match count.and_then(|c| Some((label.strip_suffix(c.as_str())?.trim_end().to_owned(), c))) {
        Some((base, count)) => (base, format!(" {count}")),
        None => (label.to_owned(), String::new()),
    }
}

fn name_of(entity: &Entity) -> NameCandidate {
    NameCandidate {
        id: entity.id.clone(),
        name_en: entity.name_en.clone(),
        name_ar: entity.name_ar.clone(),
    }
}

fn name_choice(name: &NameCandidate) -> Choice {
    Choice {
        text: name.name_en.clone(),
        ..Choice::default()
    }
}

impl Makers<'_> {
    /// The sentence that states relation `r` (its first), as evidence.
    fn evidence(&self, r: &Relation) -> Option<Evidence> {
        let sentence = *r.sentences.first()?;
        Some(Evidence {
            sentence,
            text: self.doc.sentence_text(sentence).to_owned(),
            translation: self.analysis.translation(sentence).map(str::to_owned),
        })
    }

    /// Entities of the text of `kind`, as names.
    fn article_names(&self, kind: EntityKind) -> Vec<NameCandidate> {
        self.analysis
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(name_of)
            .collect()
    }

    /// Ids of the entities that hold the same relation (kind and label) with `other`, on the
    /// side `answer_is_source` says: all of them answer the question.
    fn holders(&self, r: &Relation, other: &str, answer_is_source: bool) -> Vec<&str> {
        let mut out = Vec::new();
        for x in &self.analysis.relations {
            if x.kind != r.kind || x.label_en != r.label_en {
                continue;
            }
            let pairs = if x.directed {
                vec![(&x.source, &x.target)]
            } else {
                vec![(&x.source, &x.target), (&x.target, &x.source)]
            };
            for (s, t) in pairs {
                let (holder, held) = if answer_is_source { (s, t) } else { (t, s) };
                if held == other {
                    out.push(holder.as_str());
                }
            }
        }
        out
    }

    /// A question on relation `r`, asked the way `ask` says.
    pub fn relation_question(
        &self,
        r: &Relation,
        ask: Ask,
        rng: &mut Seeded,
    ) -> Result<Question, Why> {
        let (Some(source), Some(target)) = (
            self.analysis.entity(&r.source),
            self.analysis.entity(&r.target),
        ) else {
            return Err(NO_RELATIONS);
        };
        let (label, count) = label_and_count(r);
        let base = Question {
            kind: QuestionKind::Relation,
            relation: Some(format!("{} {} {}", r.source, r.kind, r.target)),
            evidence: self.evidence(r),
            ..Question::default()
        };
        if ask == Ask::TrueOrFalse {
            return self.true_or_false(r, source, target, (&label, &count), base, rng);
        }
        let (answer, other, answer_is_source) = match ask {
            Ask::WhoSource => (source, target, true),
            _ => (target, source, false),
        };
        let correct_too = self.holders(r, &other.id, answer_is_source);
        let wrong = names(
            answer.kind,
            &name_of(answer),
            &self.article_names(answer.kind),
            &correct_too,
            DISTRACTORS,
            rng,
        )
        .ok_or(TOO_FEW_NAMES)?;
        let (choices, correct) = shuffled(
            name_choice(&name_of(answer)),
            wrong.iter().map(name_choice).collect(),
            rng,
        );
        let subject = if answer_is_source {
            format!("Who {label} {}{count}?", other.name_en)
        } else if r.directed {
            format!("{} {label} …{count}", other.name_en)
        } else {
            format!("Who {label} {}{count}?", other.name_en)
        };
        Ok(Question {
            prompt: "What does the text say?".into(),
            subject,
            answer: answer.name_en.clone(),
            choices,
            correct,
            ..base
        })
    }

    /// "True or false: …": the relation as stated, or a false version of it (a directed one
    /// turned round, or another name in place of one side), as the seed decides.
    fn true_or_false(
        &self,
        r: &Relation,
        source: &Entity,
        target: &Entity,
        (label, count): (&str, &str),
        base: Question,
        rng: &mut Seeded,
    ) -> Result<Question, Why> {
        let stated = |s: &str, t: &str| format!("{s} {label} {t}{count}.");
        let truth = stated(&source.name_en, &target.name_en);
        let holds_reversed = self
            .holders(r, &source.id, true)
            .contains(&target.id.as_str());
        let falsehood = if r.directed && !holds_reversed {
            Some(stated(&target.name_en, &source.name_en))
        } else {
            let correct_too = self.holders(r, &target.id, true);
            names(
                source.kind,
                &name_of(source),
                &self.article_names(source.kind),
                &correct_too,
                1,
                rng,
            )
            .and_then(|n| n.into_iter().next())
            .map(|other| stated(&other.name_en, &target.name_en))
        };
        let (subject, true_) = match falsehood {
            Some(false_) if rng.below(2) == 0 => (false_, false),
            _ => (truth.clone(), true),
        };
        let choice = |text: &str| Choice {
            text: text.to_owned(),
            ..Choice::default()
        };
        Ok(Question {
            prompt: "True or false?".into(),
            subject,
            // True first, as on every true-or-false sheet: only two choices, never shuffled.
            choices: vec![choice("True"), choice("False")],
            correct: usize::from(!true_),
            answer: if true_ {
                "True".into()
            } else {
                format!("False: {truth}")
            },
            ..base
        })
    }

    /// "Who is this?": a name as the text spells it in Arabic; four English names of its kind.
    pub fn name_question(
        &self,
        entity: &Entity,
        cards: &[Card],
        rng: &mut Seeded,
    ) -> Result<Question, Why> {
        let mention = entity
            .mentions
            .iter()
            .find(|m| m.via == MentionVia::Name)
            .ok_or(NO_NAMES)?;
        let sentence = self.doc.sentences.get(mention.sentence).ok_or(NO_NAMES)?;
        let spelled = self.doc.slice(&mention.range()).to_owned();
        let wrong = names(
            entity.kind,
            &name_of(entity),
            &self.article_names(entity.kind),
            &[],
            DISTRACTORS,
            rng,
        )
        .ok_or(TOO_FEW_NAMES)?;
        let (choices, correct) = shuffled(
            name_choice(&name_of(entity)),
            wrong.iter().map(name_choice).collect(),
            rng,
        );
        let key = word_key(&entity.name_ar, NAME_POS);
        let start = sentence.range.start;
        Ok(Question {
            kind: QuestionKind::Name,
            prompt: match entity.kind {
                EntityKind::Person => "Who is this?",
                EntityKind::State => "Which state is this?",
                _ => "Which place is this?",
            }
            .into(),
            subject: spelled,
            subject_arabic: true,
            context: Some(Context {
                sentence: mention.sentence,
                text: self.doc.slice(&sentence.range).to_owned(),
                mark: mention.start.saturating_sub(start)..mention.end.saturating_sub(start),
            }),
            answer: entity.name_en.clone(),
            choices,
            correct,
            word: cards.iter().any(|c| c.key() == key).then_some(key),
            ..Question::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_move_to_the_end_of_the_question() {
        let relation = |label: &str, count| Relation {
            source: "a".into(),
            target: "b".into(),
            kind: "met".into(),
            label_en: label.into(),
            label_ar: String::new(),
            directed: false,
            past: false,
            count,
            sentences: vec![],
        };
        assert_eq!(
            label_and_count(&relation("met three times", Some(3))),
            ("met".to_owned(), " three times".to_owned())
        );
        assert_eq!(
            label_and_count(&relation("met twice", Some(2))),
            ("met".to_owned(), " twice".to_owned())
        );
        assert_eq!(
            label_and_count(&relation("accused", None)),
            ("accused".to_owned(), String::new())
        );
    }
}
