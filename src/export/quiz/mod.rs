//! Exporting a quiz: JSON for tools, GIFT and Moodle XML for a Moodle question bank, a plain-text sheet with an answer key.

pub mod gift;
pub mod moodle;
pub mod text;

use std::path::Path;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::analysis::{Document, analyze};
use crate::atomic_file::write_atomically;
use crate::study::quiz::{Context, Question, Quiz, QuizSpec, generate};
use crate::study::{ProgressStore, apply_saved_edits, deck_from_analysis, document_key, unix_now};

/// A file format a quiz can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuizFormat {
    /// Every field of every question, for tools.
    Json,
    /// Moodle's GIFT text format (multiple choice and short answer).
    Gift,
    /// Moodle XML, the question bank's own import format.
    MoodleXml,
    /// A sheet to print, with the answer key at the end.
    Txt,
}

impl QuizFormat {
    pub const ALL: [Self; 4] = [Self::Json, Self::Gift, Self::MoodleXml, Self::Txt];

    /// The name the command line takes.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Gift => "gift",
            Self::MoodleXml => "moodle-xml",
            Self::Txt => "txt",
        }
    }

    /// The file name extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Gift => "gift",
            Self::MoodleXml => "xml",
            Self::Txt => "txt",
        }
    }
}

impl std::str::FromStr for QuizFormat {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| {
                format!("unknown quiz format \"{name}\": choose json, gift, moodle-xml or txt")
            })
    }
}

/// A quiz made for the `quiz` command, and what to tell the user about it.
pub struct CommandQuiz {
    pub quiz: Quiz,
    /// Saved edits or progress that could not be read, and the kinds left out with why.
    pub warnings: Vec<String>,
}

/// The quiz `spec` asks of `doc` now, with the user's saved edits and progress (read, never
/// changed): what `dars quiz` writes.
#[must_use]
pub fn quiz_for_command(doc: &Document, spec: &QuizSpec) -> CommandQuiz {
    let analysis = analyze(doc);
    let mut cards = deck_from_analysis(doc, &analysis);
    let mut warnings: Vec<String> = apply_saved_edits(&doc.text, &mut cards)
        .into_iter()
        .collect();
    let progress = match ProgressStore::platform().map(|s| s.read(&document_key(&doc.text))) {
        Ok(Ok(Some(progress))) => progress,
        Ok(Err(reason)) => {
            warnings.push(format!(
                "your saved progress could not be read ({reason}): every word counts as new"
            ));
            crate::study::Progress::default()
        }
        _ => crate::study::Progress::default(),
    };
    let quiz = generate(doc, &analysis, &cards, &progress, spec, unix_now());
    warnings.extend(
        quiz.left_out
            .iter()
            .map(|l| format!("no \"{}\" questions: {}", l.kind.label(), l.reason)),
    );
    CommandQuiz { quiz, warnings }
}

/// Why a quiz export failed.
#[derive(Debug, Error)]
pub enum QuizExportError {
    #[error("The quiz has no questions{0}. Choose other question types or words to practise.")]
    NoQuestions(String),
    #[error("Could not build the JSON file: {0}")]
    Json(String),
    #[error(
        "Could not write {path}: {reason}. Choose a folder that exists and that you may write to."
    )]
    Write { path: String, reason: String },
}

/// The bytes of `quiz` in `format`.
///
/// # Errors
/// When the quiz has no question (the reasons its kinds were left out are in the message).
pub fn quiz_bytes(quiz: &Quiz, format: QuizFormat) -> Result<Vec<u8>, QuizExportError> {
    if quiz.questions.is_empty() {
        let reasons: Vec<String> = quiz
            .left_out
            .iter()
            .map(|l| format!("{}: {}", l.kind.label(), l.reason))
            .collect();
        let why = if reasons.is_empty() {
            String::new()
        } else {
            format!(" ({})", reasons.join("; "))
        };
        return Err(QuizExportError::NoQuestions(why));
    }
    Ok(match format {
        QuizFormat::Json => {
            let mut json = serde_json::to_vec_pretty(quiz)
                .map_err(|e| QuizExportError::Json(e.to_string()))?;
            json.push(b'\n');
            json
        }
        QuizFormat::Gift => gift::to_string(quiz).into_bytes(),
        QuizFormat::MoodleXml => moodle::to_string(quiz).into_bytes(),
        QuizFormat::Txt => text::to_string(quiz).into_bytes(),
    })
}

/// Writes `quiz` to `path` in `format`, whole or not at all.
///
/// # Errors
/// As [`quiz_bytes`], or when `path` cannot be written.
pub fn export_quiz_to_file(
    quiz: &Quiz,
    format: QuizFormat,
    path: &Path,
) -> Result<(), QuizExportError> {
    let bytes = quiz_bytes(quiz, format)?;
    write_atomically(path, &bytes).map_err(|e| QuizExportError::Write {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

/// `text` with `&`, `<`, `>` and quotes escaped for HTML (and XML).
#[must_use]
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// Text in a paragraph of its own, marked right-to-left Arabic when it is.
fn paragraph(text: &str, arabic: bool) -> String {
    if arabic {
        format!("<p dir=\"rtl\" lang=\"ar\">{}</p>", escape_html(text))
    } else {
        format!("<p>{}</p>", escape_html(text))
    }
}

/// The sentence with its marked word (or blank) in bold.
fn context_html(context: &Context) -> String {
    let text = &context.text;
    let (before, mark, after) = match (
        text.get(..context.mark.start),
        text.get(context.mark.clone()),
        text.get(context.mark.end..),
    ) {
        (Some(b), Some(m), Some(a)) => (b, m, a),
        _ => (text.as_str(), "", ""),
    };
    format!(
        "<p dir=\"rtl\" lang=\"ar\">{}<b>{}</b>{}</p>",
        escape_html(before),
        escape_html(mark),
        escape_html(after)
    )
}

/// A question's text as HTML: what to do, what it asks about, its sentence.
#[must_use]
pub fn question_html(q: &Question) -> String {
    let mut html = paragraph(&q.prompt, false);
    if !q.subject.is_empty() {
        let subject = if q.subject_arabic {
            format!(
                "<p dir=\"rtl\" lang=\"ar\"><big>{}</big></p>",
                escape_html(&q.subject)
            )
        } else {
            paragraph(&q.subject, false)
        };
        html.push_str(&subject);
    }
    if let Some(context) = &q.context {
        html.push_str(&context_html(context));
    }
    html
}

/// What is shown after answering: the evidence sentence and its translation.
#[must_use]
pub fn feedback_html(q: &Question) -> String {
    let Some(evidence) = &q.evidence else {
        return String::new();
    };
    let mut html = paragraph(&evidence.text, true);
    if let Some(translation) = &evidence.translation {
        html.push_str(&paragraph(translation, false));
    }
    html
}

/// A choice as HTML.
#[must_use]
pub fn choice_html(text: &str, arabic: bool) -> String {
    if arabic {
        format!("<span dir=\"rtl\" lang=\"ar\">{}</span>", escape_html(text))
    } else {
        escape_html(text)
    }
}
