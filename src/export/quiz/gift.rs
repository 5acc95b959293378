//! GIFT, Moodle's text format for questions: multiple choice and short answer, in HTML, with GIFT's special characters escaped.

use super::{choice_html, feedback_html, question_html};
use crate::study::quiz::{Question, Quiz};

/// `text` with GIFT's special characters (`~ = # { } :` and the backslash) escaped, and line
/// breaks written as `\n`.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            other => out.push(other),
        }
    }
    out
}

/// The whole quiz in GIFT.
#[must_use]
pub fn to_string(quiz: &Quiz) -> String {
    let mut out = format!(
        "// Dars quiz on {} (seed {}). Import into Moodle: Question bank → Import → GIFT format.\n\n",
        quiz.source.replace('\n', " "),
        quiz.seed
    );
    out.push_str(&format!(
        "$CATEGORY: $course$/top/Dars/{}\n\n",
        escape(&quiz.source)
    ));
    for (n, q) in quiz.questions.iter().enumerate() {
        out.push_str(&question(n + 1, q));
        out.push('\n');
    }
    out
}

fn question(n: usize, q: &Question) -> String {
    let title = escape(&format!("Q{n} {}", q.kind.label()));
    let mut out = format!("::{title}::[html]{}{{\n", escape(&question_html(q)));
    if q.is_typed() {
        for accepted in &q.accepted {
            out.push_str(&format!("\t={}\n", escape(accepted)));
        }
    } else {
        for (i, choice) in q.choices.iter().enumerate() {
            let mark = if i == q.correct { '=' } else { '~' };
            out.push_str(&format!(
                "\t{mark}{}\n",
                escape(&choice_html(&choice.text, q.choices_arabic))
            ));
        }
    }
    let feedback = feedback_html(q);
    if !feedback.is_empty() {
        out.push_str(&format!("\t####{}\n", escape(&feedback)));
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(
            escape("a=b ~c #d {e} f:g \\"),
            "a\\=b \\~c \\#d \\{e\\} f\\:g \\\\"
        );
        assert_eq!(escape("قمة\nثانية"), "قمة\\nثانية");
    }
}
