//! Moodle XML, the question bank's import format: multichoice and shortanswer questions, HTML inside escaped XML.

use super::{choice_html, escape_html, feedback_html, question_html};
use crate::study::quiz::{Question, Quiz};

/// Text as XML character data: `&`, `<`, `>` and quotes escaped.
fn xml(text: &str) -> String {
    escape_html(text)
}

/// A `<tag format="…"><text>…</text></tag>` element.
fn text_element(tag: &str, format: &str, text: &str) -> String {
    format!(
        "    <{tag} format=\"{format}\"><text>{}</text></{tag}>\n",
        xml(text)
    )
}

/// The whole quiz as Moodle XML.
#[must_use]
pub fn to_string(quiz: &Quiz) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<!-- Dars quiz on {} (seed {}). Import into Moodle: Question bank → Import → Moodle XML format. -->\n",
        xml(&quiz.source).replace("--", "- -"),
        quiz.seed
    ));
    out.push_str("<quiz>\n");
    out.push_str(&format!(
        "  <question type=\"category\">\n    <category><text>{}</text></category>\n  </question>\n",
        xml(&format!("$course$/top/Dars/{}", quiz.source))
    ));
    for (n, q) in quiz.questions.iter().enumerate() {
        out.push_str(&question(n + 1, q));
    }
    out.push_str("</quiz>\n");
    out
}

fn question(n: usize, q: &Question) -> String {
    let kind = if q.is_typed() {
        "shortanswer"
    } else {
        "multichoice"
    };
    let mut out = format!("  <question type=\"{kind}\">\n");
    out.push_str(&format!(
        "    <name><text>{}</text></name>\n",
        xml(&format!("Q{n} {}", q.kind.label()))
    ));
    out.push_str(&text_element("questiontext", "html", &question_html(q)));
    out.push_str(&text_element("generalfeedback", "html", &feedback_html(q)));
    out.push_str("    <defaultgrade>1</defaultgrade>\n    <penalty>0.3333333</penalty>\n    <hidden>0</hidden>\n");
    if q.is_typed() {
        out.push_str("    <usecase>0</usecase>\n");
        for accepted in &q.accepted {
            out.push_str(&answer(100, "moodle_auto_format", accepted));
        }
    } else {
        // The choices are already shuffled from the seed: Moodle keeps that order, so the
        // bank matches the printed sheet.
        out.push_str("    <single>true</single>\n    <shuffleanswers>false</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n");
        for (i, choice) in q.choices.iter().enumerate() {
            let fraction = if i == q.correct { 100 } else { 0 };
            out.push_str(&answer(
                fraction,
                "html",
                &choice_html(&choice.text, q.choices_arabic),
            ));
        }
    }
    out.push_str("  </question>\n");
    out
}

fn answer(fraction: u32, format: &str, text: &str) -> String {
    format!(
        "    <answer fraction=\"{fraction}\" format=\"{format}\">\n      <text>{}</text>\n      <feedback format=\"html\"><text></text></feedback>\n    </answer>\n",
        xml(text)
    )
}
