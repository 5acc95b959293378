//! After an answer: the verdict and how it counts, the right answer, a typed answer's letter diff, the sentence that says so.

use egui::{Color32, RichText, Ui};

use super::diff::{diff_ui, right_color, wrong_color};
use crate::render::TextStyle;
use crate::study::quiz::grade::without_marks;
use crate::study::quiz::{Choice, Graded, Question, Verdict};
use crate::ui::panel::PanelContext;

/// Size of the sentence that says so.
const EVIDENCE_SIZE: f32 = 22.0;

/// Amber for "almost" (counts as Hard), in either theme.
fn almost_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(240, 180, 70)
    } else {
        Color32::from_rgb(175, 105, 0)
    }
}

/// What was answered: a choice, or text typed.
#[derive(Clone, Copy)]
pub(super) enum Given<'a> {
    Choice(Option<usize>),
    Typed(&'a str),
}

/// The verdict and how it counts; what was wrong about the answer; the evidence sentence.
pub(super) fn feedback_ui(
    ui: &mut Ui,
    cx: &mut PanelContext<'_>,
    q: &Question,
    given: Given<'_>,
    graded: &Graded,
) {
    let color = match graded.verdict {
        Verdict::Almost => almost_color(ui),
        v if v.is_right() => right_color(ui),
        _ => wrong_color(ui),
    };
    let verdict = format!(
        "{} (counts as {})",
        graded.verdict.label(),
        graded.rating.label()
    );
    ui.label(RichText::new(verdict).strong().size(18.0).color(color));
    match given {
        Given::Choice(chosen) => choice_feedback_ui(ui, cx, q, chosen, graded),
        Given::Typed(typed) => typed_feedback_ui(ui, cx, q, typed, graded),
    }
    if let Some(evidence) = &q.evidence {
        ui.add_space(4.0);
        ui.label("The text says:");
        let style = TextStyle::new(cx.style.font, EVIDENCE_SIZE);
        cx.typesetter
            .label(ui, &evidence.text, style, cx.palette.text, true);
        if let Some(translation) = &evidence.translation {
            ui.label(RichText::new(translation).italics());
        }
    }
}

/// A wrong choice: the right answer, and what the choice made means.
fn choice_feedback_ui(
    ui: &mut Ui,
    cx: &mut PanelContext<'_>,
    q: &Question,
    chosen: Option<usize>,
    graded: &Graded,
) {
    if graded.verdict.is_right() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("The answer:");
        let style = TextStyle::new(cx.style.font, 20.0).bold();
        cx.typesetter
            .mixed_label(ui, &q.answer, style, cx.palette.text, false);
    });
    if let Some(Choice {
        text,
        gloss: Some(gloss),
        ..
    }) = chosen.and_then(|i| q.choices.get(i))
    {
        let style = TextStyle::new(cx.style.font, 17.0);
        // English first, so the line reads left to right with the Arabic word inside it.
        let said = format!("You chose {text}: “{gloss}”.");
        cx.typesetter
            .mixed_label(ui, &said, style, cx.palette.muted, true);
    }
}

/// A typed answer: unless exact, the typed word over the right one with their differences;
/// then the word as the question has it (with its vowels) when that is not what was compared.
fn typed_feedback_ui(
    ui: &mut Ui,
    cx: &mut PanelContext<'_>,
    q: &Question,
    typed: &str,
    graded: &Graded,
) {
    if graded.verdict != Verdict::Exact {
        diff_ui(ui, cx.typesetter, cx.palette, cx.style.font, typed, graded);
    }
    if q.answer != graded.expected && q.answer.trim() != typed.trim() {
        let said = if without_marks(&q.answer) == without_marks(&graded.expected) {
            format!("With its vowels: {}", q.answer)
        } else {
            format!("The word asked for: {}", q.answer)
        };
        let style = TextStyle::new(cx.style.font, 20.0);
        cx.typesetter
            .mixed_label(ui, &said, style, cx.palette.text, true);
    }
}
