//! A quiz as a plain-text sheet to print: numbered questions with lettered choices, then the answer key.

use std::fmt::Write as _;

use crate::study::quiz::{Context, Question, Quiz};

const LETTERS: [char; 8] = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

fn letter(i: usize) -> char {
    LETTERS.get(i).copied().unwrap_or('?')
}

/// The sentence with the marked word between ⟨ ⟩ (or the blank as it is).
fn sentence(context: &Context) -> String {
    let text = &context.text;
    match (
        text.get(..context.mark.start),
        text.get(context.mark.clone()),
        text.get(context.mark.end..),
    ) {
        (Some(b), Some(m), Some(a)) if m != crate::study::quiz::BLANK => {
            format!("{b}⟨{m}⟩{a}")
        }
        _ => text.clone(),
    }
}

/// The whole sheet: the questions, then the answer key.
#[must_use]
pub fn to_string(quiz: &Quiz) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Quiz on {}", quiz.source);
    let _ = writeln!(
        out,
        "(seed {}: the same seed prints the same quiz)\n",
        quiz.seed
    );
    for (n, q) in quiz.questions.iter().enumerate() {
        write_question(&mut out, n + 1, q);
    }
    let _ = writeln!(out, "\nAnswer key\n");
    for (n, q) in quiz.questions.iter().enumerate() {
        let answer = if q.is_typed() {
            q.answer.clone()
        } else {
            format!("{}) {}", letter(q.correct), q.answer)
        };
        let _ = writeln!(out, "{:>2}. {answer}", n + 1);
        if let Some(evidence) = &q.evidence {
            let _ = writeln!(out, "    The text: {}", evidence.text);
            if let Some(translation) = &evidence.translation {
                let _ = writeln!(out, "    ({translation})");
            }
        }
    }
    out
}

fn write_question(out: &mut String, n: usize, q: &Question) {
    let _ = writeln!(out, "{n:>2}. {}   [{}]", q.prompt, q.kind.label());
    if !q.subject.is_empty() {
        let _ = writeln!(out, "    {}", q.subject);
    }
    if let Some(context) = &q.context {
        let _ = writeln!(out, "    {}", sentence(context));
    }
    if q.is_typed() {
        let _ = writeln!(out, "    Answer: ______________________");
    } else {
        for (i, choice) in q.choices.iter().enumerate() {
            let _ = writeln!(out, "    {}) {}", letter(i), choice.text);
        }
    }
    out.push('\n');
}
