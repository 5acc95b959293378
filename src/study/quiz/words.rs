//! Questions on one word of the text: its meaning both ways, the gap in its sentence, typing it, its root, its vowels.

use super::distractors::{Candidate, Pool};
use super::shuffle::Seeded;
use super::vowels::{has_vowels, wrong_vocalizations};
use super::{Choice, Context, Question, QuestionKind};
use crate::analysis::{Analysis, Document, SentenceKind, VocabEntry};
use crate::arabic::normalize::normalize;
use crate::study::deck::Card;

/// What stands in for the word in a cloze.
pub const BLANK: &str = "…";
/// Wrong choices beside the right one.
pub const DISTRACTORS: usize = 3;

/// A word of the text to ask about: its card (with the teacher's edits) and its vocabulary entry.
pub struct WordTarget<'a> {
    pub card: &'a Card,
    pub entry: Option<&'a VocabEntry>,
}

/// Why a word could not make a question of some kind (the panel shows it when a whole kind
/// is left out).
pub type Why = &'static str;

pub const TOO_FEW_WORDS: Why =
    "the text and the lexicon have too few other words of the same part of speech to choose from";

/// Everything a question builder reads.
pub struct Makers<'a> {
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
    pub pool: &'a Pool,
}

/// The right choice and the wrong ones, shuffled; the index of the right one.
pub fn shuffled(answer: Choice, wrong: Vec<Choice>, rng: &mut Seeded) -> (Vec<Choice>, usize) {
    let mut tagged: Vec<(bool, Choice)> = std::iter::once((true, answer))
        .chain(wrong.into_iter().map(|c| (false, c)))
        .collect();
    rng.shuffle(&mut tagged);
    let correct = tagged.iter().position(|(right, _)| *right).unwrap_or(0);
    (tagged.into_iter().map(|(_, c)| c).collect(), correct)
}

fn word_choice(c: &Candidate, text: String) -> Choice {
    Choice {
        text,
        lemma: Some(c.lemma.clone()),
        pos: Some(c.pos.clone()),
        gloss: Some(c.gloss.clone()),
    }
}

/// The vocalized form, or the bare lemma when the lexicon gives no vowels.
fn shown(c: &Candidate) -> String {
    if c.vocalized.is_empty() {
        c.lemma.clone()
    } else {
        c.vocalized.clone()
    }
}

/// The card's example sentence with the word marked.
fn marked(card: &Card) -> Context {
    Context {
        sentence: card.example.sentence,
        text: card.example.text.clone(),
        mark: card.example.word.clone(),
    }
}

fn pos_words(pos: &str) -> String {
    pos.replace('_', " ")
}

impl Makers<'_> {
    /// One question of `kind` on `target`, or why there can be none.
    pub fn word_question(
        &self,
        kind: QuestionKind,
        target: &WordTarget<'_>,
        rng: &mut Seeded,
    ) -> Result<Question, Why> {
        let card = target.card;
        let answer = Candidate::of_card(card);
        let base = Question {
            kind,
            word: Some(card.key()),
            context: Some(marked(card)),
            ..Question::default()
        };
        match kind {
            QuestionKind::Meaning => {
                let wrong = self.pool.words(&answer, DISTRACTORS, rng, |_| false);
                let wrong = wrong.ok_or(TOO_FEW_WORDS)?;
                let wrong = wrong
                    .iter()
                    .map(|c| word_choice(c, c.gloss.clone()))
                    .collect();
                let (choices, correct) =
                    shuffled(word_choice(&answer, card.gloss.clone()), wrong, rng);
                Ok(Question {
                    prompt: "What does this word mean?".into(),
                    subject: shown(&answer),
                    subject_arabic: true,
                    answer: card.gloss.clone(),
                    choices,
                    correct,
                    ..base
                })
            }
            QuestionKind::Reverse => {
                let wrong = self.pool.words(&answer, DISTRACTORS, rng, |_| false);
                let wrong = wrong.ok_or(TOO_FEW_WORDS)?;
                let wrong = wrong.iter().map(|c| word_choice(c, shown(c))).collect();
                let (choices, correct) = shuffled(word_choice(&answer, shown(&answer)), wrong, rng);
                Ok(Question {
                    prompt: format!("Which Arabic {} means this?", pos_words(&card.pos)),
                    subject: card.gloss.clone(),
                    answer: shown(&answer),
                    choices,
                    choices_arabic: true,
                    correct,
                    // The sentence would show the answer.
                    context: None,
                    ..base
                })
            }
            QuestionKind::Typed => {
                let mut accepted = vec![shown(&answer), card.lemma.clone()];
                for same in self.pool.same_meaning(&card.gloss, &card.pos) {
                    accepted.extend([shown(same), same.lemma.clone()]);
                }
                let mut unique = Vec::with_capacity(accepted.len());
                for a in accepted {
                    if !unique.contains(&a) {
                        unique.push(a);
                    }
                }
                Ok(Question {
                    prompt: format!("Type the Arabic {} that means this.", pos_words(&card.pos)),
                    subject: card.gloss.clone(),
                    answer: shown(&answer),
                    accepted: unique,
                    context: None,
                    ..base
                })
            }
            QuestionKind::Cloze => self.cloze(target, &answer, rng, base),
            QuestionKind::Root => {
                if card.root.trim().is_empty() {
                    return Err("no word of this text has a known root");
                }
                let wrong = self
                    .pool
                    .roots(&card.root, DISTRACTORS, rng)
                    .ok_or("the lexicon has too few other roots to choose from")?;
                let root = |r: &str| Choice {
                    text: r.to_owned(),
                    ..Choice::default()
                };
                let wrong = wrong.iter().map(|r| root(r)).collect();
                let (choices, correct) = shuffled(root(&card.root), wrong, rng);
                Ok(Question {
                    prompt: "Which root does this word come from?".into(),
                    subject: shown(&answer),
                    subject_arabic: true,
                    answer: card.root.clone(),
                    choices,
                    choices_arabic: true,
                    correct,
                    ..base
                })
            }
            QuestionKind::Vowelling => {
                if !has_vowels(&card.vocalized) {
                    return Err("no word of this text has its vowels in the lexicon");
                }
                let homographs: Vec<String> = self
                    .pool
                    .spelled_like(&card.lemma)
                    .map(|c| c.vocalized.clone())
                    .filter(|v| *v != card.vocalized)
                    .collect();
                let wrong = wrong_vocalizations(&card.vocalized, &homographs, DISTRACTORS, rng)
                    .ok_or("no word of this text has enough vowels to vary")?;
                let vowels = |v: &str| Choice {
                    text: v.to_owned(),
                    ..Choice::default()
                };
                let wrong = wrong.iter().map(|v| vowels(v)).collect();
                let (choices, correct) = shuffled(vowels(&card.vocalized), wrong, rng);
                Ok(Question {
                    prompt: "How is this word vocalized?".into(),
                    subject: card.lemma.clone(),
                    subject_arabic: true,
                    answer: card.vocalized.clone(),
                    choices,
                    choices_arabic: true,
                    correct,
                    ..base
                })
            }
            QuestionKind::Relation | QuestionKind::Name => Err("not a question on a word"),
        }
    }

    /// The word's sentence with the word (without its clitics) blanked, and four words to
    /// fill the gap. Only occurrences written in the dictionary form make one, so the choices
    /// (all dictionary forms) do not give the answer away by their shape.
    fn cloze(
        &self,
        target: &WordTarget<'_>,
        answer: &Candidate,
        rng: &mut Seeded,
        base: Question,
    ) -> Result<Question, Why> {
        const NOT_AS_IN_DICTIONARY: Why =
            "no word of this text is written in its dictionary form (plain, without clitics)";
        let entry = target.entry.ok_or(NOT_AS_IN_DICTIONARY)?;
        let lemma = normalize(&answer.lemma);
        let (token, stem) = entry
            .occurrences
            .iter()
            .filter(|&&t| {
                // The closing source line ("المصدر: وكالات") is no sentence to fill in.
                let sentence = self.doc.tokens.get(t).map(|t| t.sentence);
                let kind = sentence
                    .and_then(|s| self.doc.sentences.get(s))
                    .map(|s| s.kind);
                kind != Some(SentenceKind::Source)
            })
            .filter_map(|&t| Some((t, self.analysis.token(self.doc, t)?.stem)))
            .find(|(_, stem)| normalize(self.doc.slice(stem)) == lemma)
            .ok_or(NOT_AS_IN_DICTIONARY)?;
        let sentence_index = self.doc.tokens.get(token).map_or(0, |t| t.sentence);
        let sentence = self
            .doc
            .sentences
            .get(sentence_index)
            .ok_or(NOT_AS_IN_DICTIONARY)?;
        // Words of the same sentence would fit too well, or already show: never choices.
        let in_sentence: Vec<String> = sentence
            .tokens
            .clone()
            .filter_map(|t| self.analysis.entry_of_token(t))
            .map(|e| normalize(&e.lemma))
            .collect();
        let wrong = self
            .pool
            .words(answer, DISTRACTORS, rng, |c| {
                in_sentence.contains(&normalize(&c.lemma))
            })
            .ok_or(TOO_FEW_WORDS)?;
        let start = sentence.range.start;
        let text = self.doc.slice(&sentence.range);
        let (before, after) = (
            text.get(..stem.start.saturating_sub(start))
                .unwrap_or_default(),
            text.get(stem.end.saturating_sub(start)..)
                .unwrap_or_default(),
        );
        let written = self.doc.slice(&stem).to_owned();
        let wrong = wrong
            .iter()
            .map(|c| word_choice(c, c.lemma.clone()))
            .collect();
        let (choices, correct) = shuffled(word_choice(answer, written.clone()), wrong, rng);
        Ok(Question {
            prompt: "Which word fills the gap?".into(),
            subject: String::new(),
            context: Some(Context {
                sentence: sentence_index,
                text: format!("{before}{BLANK}{after}"),
                mark: before.len()..before.len() + BLANK.len(),
            }),
            answer: written,
            choices,
            choices_arabic: true,
            correct,
            ..base
        })
    }
}
