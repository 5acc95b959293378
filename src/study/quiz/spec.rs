//! What a quiz session practises (all words, new, learning, due now, a part of speech, one sentence, relations) and how many questions.

use serde::{Deserialize, Serialize};

use super::QuestionKind;

/// How many questions a session asks unless told otherwise.
pub const DEFAULT_COUNT: usize = 10;

/// Which words (or relations) a session practises.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Practise {
    /// Every word of the text but the ignored ones, and its relations.
    All,
    /// Words never studied.
    New,
    /// Words being learned.
    Learning,
    /// Words due for review now (never-answered words count as due), and the text's relations.
    #[default]
    Due,
    /// Words of one part of speech ("noun", "verb", …, "proper_noun" for names).
    PartOfSpeech(String),
    /// The words, names and relations of one sentence (its index in the document).
    Sentence(usize),
    /// Only questions on the relations the text states.
    Relations,
}

impl Practise {
    /// Words of the choices that take no part of speech: the command line's names.
    pub const NAMES: [&str; 5] = ["all", "new", "learning", "due", "relations"];

    /// What the panel and messages call it.
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Self::All => "all words".to_owned(),
            Self::New => "new words".to_owned(),
            Self::Learning => "words being learned".to_owned(),
            Self::Due => "words due now".to_owned(),
            Self::PartOfSpeech(pos) => format!("{}s", pos.replace('_', " ")),
            Self::Sentence(s) => format!("the words of sentence {}", s + 1),
            Self::Relations => "relations only".to_owned(),
        }
    }

    /// Whether relation questions belong to this choice (word-status choices have none).
    #[must_use]
    pub fn includes_relations(&self) -> bool {
        matches!(
            self,
            Self::All | Self::Due | Self::Sentence(_) | Self::Relations
        )
    }
}

impl std::str::FromStr for Practise {
    type Err = String;

    /// `all`, `new`, `learning`, `due`, `relations`, `pos:NOUN` or `sentence:N` (counted from 1).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim().to_ascii_lowercase();
        let bad = || {
            format!(
                "unknown choice \"{text}\": use all, new, learning, due, relations, pos:noun (or another part of speech) or sentence:N"
            )
        };
        if let Some(pos) = text.strip_prefix("pos:") {
            return Ok(Self::PartOfSpeech(pos.trim().replace(' ', "_")));
        }
        if let Some(n) = text.strip_prefix("sentence:") {
            let n: usize = n.trim().parse().map_err(|_| bad())?;
            return n.checked_sub(1).map(Self::Sentence).ok_or_else(bad);
        }
        Ok(match text.as_str() {
            "all" => Self::All,
            "new" => Self::New,
            "learning" => Self::Learning,
            "due" => Self::Due,
            "relations" => Self::Relations,
            _ => return Err(bad()),
        })
    }
}

/// A quiz session as asked for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuizSpec {
    pub practise: Practise,
    /// How many questions at most.
    pub count: usize,
    /// The kinds of question to ask; empty asks every kind.
    pub kinds: Vec<QuestionKind>,
    /// Shuffles words, choices and questions: the same seed gives the same quiz.
    pub seed: u64,
}

impl Default for QuizSpec {
    fn default() -> Self {
        Self {
            practise: Practise::default(),
            count: DEFAULT_COUNT,
            kinds: Vec::new(),
            seed: 0,
        }
    }
}

impl QuizSpec {
    /// The kinds asked for, in [`QuestionKind::ALL`]'s order, each once.
    #[must_use]
    pub fn kinds(&self) -> Vec<QuestionKind> {
        QuestionKind::ALL
            .into_iter()
            .filter(|k| self.kinds.is_empty() || self.kinds.contains(k))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_read_from_the_command_line() {
        assert_eq!("Due".parse(), Ok(Practise::Due));
        assert_eq!(
            "pos:Verb".parse(),
            Ok(Practise::PartOfSpeech("verb".into()))
        );
        assert_eq!("sentence:3".parse(), Ok(Practise::Sentence(2)));
        assert!("sentence:0".parse::<Practise>().is_err());
        assert!("soon".parse::<Practise>().is_err());
        assert_eq!("vowels".parse(), Ok(QuestionKind::Vowelling));
        assert_eq!("Names".parse(), Ok(QuestionKind::Name));
        assert!("colours".parse::<QuestionKind>().is_err());
    }
}
