//! The quiz: questions generated from a document's analysis (words, roots, vowels, relations, names), and their grading.
//!
//! Nothing here is written by hand for a text: every question, choice and explanation comes
//! from the `Document`, its `Analysis`, the deck (with the teacher's edits), the lexicon and
//! the learner's progress. A type the document cannot support is left out, with a reason the
//! quiz panel shows.

mod distractors;
mod generate;
pub mod grade;
mod relations;
mod shuffle;
mod spec;
mod vowels;
mod words;

use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use distractors::{distractor_lexicon, glosses_overlap};
pub use generate::generate;
pub use grade::{Answer, DiffKind, DiffPart, Graded, Verdict, grade};
pub use spec::{DEFAULT_COUNT, Practise, QuizSpec};
pub use words::BLANK;

use super::schedule::Rating;

/// The eight kinds of question.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// An Arabic word in its sentence; four English meanings.
    #[default]
    Meaning,
    /// An English meaning; four Arabic words.
    Reverse,
    /// The word's own sentence with the word blanked; four words to fill it.
    Cloze,
    /// An English meaning; the learner types the Arabic word.
    Typed,
    /// Which root the word comes from; four roots.
    Root,
    /// Which fully vocalized form the word is; four vocalizations.
    Vowelling,
    /// Who did what to whom, from the relations the text states; the evidence sentence after.
    Relation,
    /// The English name of a person or state spelled in Arabic; four names.
    Name,
}

impl QuestionKind {
    pub const ALL: [Self; 8] = [
        Self::Meaning,
        Self::Reverse,
        Self::Cloze,
        Self::Typed,
        Self::Root,
        Self::Vowelling,
        Self::Relation,
        Self::Name,
    ];

    /// The name the command line and the JSON use.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Meaning => "meaning",
            Self::Reverse => "reverse",
            Self::Cloze => "cloze",
            Self::Typed => "typed",
            Self::Root => "root",
            Self::Vowelling => "vowelling",
            Self::Relation => "relation",
            Self::Name => "name",
        }
    }

    /// What the panel and the exports call it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Meaning => "Meaning (Arabic → English)",
            Self::Reverse => "Meaning (English → Arabic)",
            Self::Cloze => "Fill the gap",
            Self::Typed => "Type the word",
            Self::Root => "Root",
            Self::Vowelling => "Vowels",
            Self::Relation => "Who did what",
            Self::Name => "Names",
        }
    }
}

impl std::str::FromStr for QuestionKind {
    type Err = String;

    /// Reads a kind's name (any case; plurals and "vowels" too), as the command line takes it.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let name = name.trim().to_ascii_lowercase();
        let name = match name.as_str() {
            "vowels" => "vowelling",
            other => other.strip_suffix('s').unwrap_or(other),
        };
        Self::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| {
                format!(
                    "unknown question type \"{name}\": choose from meaning, reverse, cloze, typed, root, vowelling, relation, name"
                )
            })
    }
}

/// One choice of a multiple-choice question.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Choice {
    /// What is shown (Arabic or English, see [`Question::choices_arabic`]).
    pub text: String,
    /// The lemma of the word the choice stands for, when it is a word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lemma: Option<String>,
    /// Its part of speech, when it is a word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pos: Option<String>,
    /// Its English meaning, when it is a word: shown after a wrong choice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gloss: Option<String>,
}

/// A sentence of the text shown with a question: the word marked, or blanked for a cloze.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Context {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// The sentence as shown (for a cloze, with `…` in place of the word).
    pub text: String,
    /// Byte range inside `text` of the marked word or of the blank.
    pub mark: Range<usize>,
}

/// The sentence of the text that says an answer is so.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evidence {
    pub sentence: usize,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
}

/// One question, ready to show, print or export.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Question {
    pub kind: QuestionKind,
    /// What to do, in English ("What does this word mean?").
    pub prompt: String,
    /// What is asked about, shown large: an Arabic word or name, an English meaning or statement.
    pub subject: String,
    pub subject_arabic: bool,
    /// The sentence the word comes from, with the word marked (or blanked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
    /// The choices, shuffled from the quiz's seed; empty for a typed answer.
    pub choices: Vec<Choice>,
    pub choices_arabic: bool,
    /// Index of the one correct choice (0 for a typed answer).
    pub correct: usize,
    /// The correct answer as shown after answering.
    pub answer: String,
    /// Typed answers: every spelling that counts as exact (vocalized and bare).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<String>,
    /// The key of the word it practises: the answer counts in that word's schedule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub word: Option<String>,
    /// The relation it asks about (`source kind target`), for the answers log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    /// The sentence that says so, shown after answering.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

impl Question {
    /// Whether the learner types the answer rather than choosing it.
    #[must_use]
    pub fn is_typed(&self) -> bool {
        self.choices.is_empty()
    }

    /// The correct choice, for a multiple-choice question.
    #[must_use]
    pub fn correct_choice(&self) -> Option<&Choice> {
        self.choices.get(self.correct)
    }
}

/// A kind of question the document could not make, and why (for the panel to show).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftOut {
    pub kind: QuestionKind,
    pub reason: String,
}

/// A generated quiz: the questions in the order to ask them, and the kinds left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Quiz {
    /// Where the document came from.
    pub source: String,
    pub seed: u64,
    pub questions: Vec<Question>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<LeftOut>,
}

/// One quiz answer as the progress file keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    /// When (Unix seconds).
    pub at: u64,
    pub kind: QuestionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    /// The choice made or the text typed.
    pub given: String,
    pub verdict: Verdict,
    /// How it counted in the word's schedule.
    pub rating: Rating,
    /// How long the answer took, in milliseconds.
    pub millis: u64,
}
