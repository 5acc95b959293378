//! One question on screen: progress and score, the word or statement, its sentence, four numbered choices, then the feedback.

use egui::accesskit::Role;
use egui::{Color32, RichText, Sense, Ui, WidgetInfo, vec2};

use super::QuizPanel;
use crate::render::{ArabicText, Direction, TextStyle};
use crate::study::quiz::{Choice, Context, DiffKind, Graded, Question};
use crate::ui::actions::Action;
use crate::ui::panel::PanelContext;
use crate::ui::quiz::QuizAction;

/// Size of the word asked about, in points.
const SUBJECT_SIZE: f32 = 40.0;
/// Size of the sentence under it and of Arabic choices.
const SENTENCE_SIZE: f32 = 22.0;
const CHOICE_SIZE: f32 = 24.0;

/// Green for right, in either theme.
fn right_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(110, 200, 120)
    } else {
        Color32::from_rgb(30, 130, 50)
    }
}

fn wrong_color(ui: &Ui) -> Color32 {
    ui.visuals().error_fg_color
}

impl QuizPanel {
    pub(super) fn question_ui(&mut self, ui: &mut Ui, cx: &mut PanelContext<'_>) {
        let Some(run) = &self.run else { return };
        let total = run.quiz.questions.len();
        let Some(question) = run.quiz.questions.get(run.index).cloned() else {
            return;
        };
        #[expect(
            clippy::cast_precision_loss,
            reason = "a session has at most a few dozen questions"
        )]
        let done = run.outcomes.len() as f32 / total.max(1) as f32;
        ui.add(egui::ProgressBar::new(done).text(format!(
            "Question {} of {total} · {} right so far",
            run.index + 1,
            run.score()
        )));
        if !run.quiz.left_out.is_empty() {
            let reasons: Vec<String> = run
                .quiz
                .left_out
                .iter()
                .map(|l| format!("{}: {}", l.kind.label(), l.reason))
                .collect();
            ui.weak(format!("Not asked on this text — {}", reasons.join("; ")));
        }
        ui.add_space(6.0);
        let (chosen, graded, confirm_end) = (run.chosen, run.graded.clone(), run.confirm_end);
        question_text_ui(ui, cx, &question);
        ui.add_space(8.0);
        if let Some(clicked) = choices_ui(ui, cx, &question, chosen, graded.as_ref()) {
            self.choose(clicked);
        }
        ui.add_space(8.0);
        match &graded {
            Some(graded) => feedback_ui(ui, cx, &question, chosen, graded),
            None => {
                let submit = Action::Quiz(QuizAction::Submit).key_text();
                if ui
                    .add_enabled(
                        chosen.is_some(),
                        egui::Button::new(format!("Submit ({submit})")),
                    )
                    .clicked()
                {
                    self.submit(cx);
                }
            }
        }
        if graded.is_some() {
            let next = Action::Quiz(QuizAction::Submit).key_text();
            if ui.button(format!("Next ({next})")).clicked() {
                self.submit(cx);
            }
        }
        ui.add_space(6.0);
        if confirm_end {
            ui.colored_label(
                wrong_color(ui),
                "End the session? Esc again ends it (the answers so far are kept); Enter goes on.",
            );
        } else {
            ui.weak("1–4 choose · Enter submits, then goes on · Esc ends the session");
        }
    }
}

/// What to do, what it is about, and the sentence it comes from.
fn question_text_ui(ui: &mut Ui, cx: &mut PanelContext<'_>, q: &Question) {
    let response = ui.label(RichText::new(&q.prompt).strong().size(17.0));
    response.widget_info(|| {
        WidgetInfo::labeled(Role::Heading, true, format!("{}: {}", q.prompt, q.subject))
    });
    if !q.subject.is_empty() {
        ui.vertical_centered(|ui| {
            if q.subject_arabic {
                let style = TextStyle::new(cx.style.font, SUBJECT_SIZE);
                cx.typesetter
                    .label(ui, &q.subject, style, cx.palette.text, false);
            } else {
                let style = TextStyle::new(cx.style.font, 20.0).bold();
                cx.typesetter
                    .mixed_label(ui, &q.subject, style, cx.palette.text, true);
            }
        });
    }
    if let Some(context) = &q.context {
        ui.add_space(4.0);
        marked_sentence_ui(ui, cx, context);
    }
}

/// The sentence with its word (or blank) marked, laid out right to left by the text engine.
fn marked_sentence_ui(ui: &mut Ui, cx: &mut PanelContext<'_>, context: &Context) {
    let style = TextStyle::new(cx.style.font, SENTENCE_SIZE);
    let width = ui.available_width().max(120.0);
    let paragraph = cx
        .typesetter
        .layout(&context.text, 0, style, Direction::Rtl, Some(width));
    let shown = ArabicText::new(&paragraph, &context.text)
        .color(cx.palette.text)
        .highlight(context.mark.clone(), cx.palette.word)
        .underline(context.mark.clone(), cx.palette.word_line);
    let (rect, _) = ui.allocate_exact_size(shown.size(), Sense::hover());
    shown.show(ui, cx.typesetter, rect);
}

/// The numbered choices; returns the one clicked. After answering, the right one is green and
/// a wrong one chosen is red.
fn choices_ui(
    ui: &mut Ui,
    cx: &mut PanelContext<'_>,
    q: &Question,
    chosen: Option<usize>,
    graded: Option<&Graded>,
) -> Option<usize> {
    let mut clicked = None;
    for (i, choice) in q.choices.iter().enumerate() {
        let selected = chosen == Some(i);
        let fill = match graded {
            Some(_) if i == q.correct => right_color(ui).gamma_multiply(0.25),
            Some(_) if selected => wrong_color(ui).gamma_multiply(0.25),
            _ if selected => cx.palette.word,
            _ => Color32::TRANSPARENT,
        };
        let frame = egui::Frame::group(ui.style()).fill(fill).inner_margin(6.0);
        let inner = frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{}", i + 1)).strong().size(18.0));
                ui.add_space(8.0);
                choice_text_ui(ui, cx, choice, q.choices_arabic);
            });
        });
        let response = ui.interact(
            inner.response.rect,
            ui.make_persistent_id(("quiz-choice", i)),
            Sense::click(),
        );
        let label = format!("{}: {}", i + 1, choice.text);
        response.widget_info(|| {
            WidgetInfo::selected(Role::RadioButton, graded.is_none(), selected, &label)
        });
        if response.clicked() && graded.is_none() {
            clicked = Some(i);
        }
        ui.add_space(2.0);
    }
    clicked
}

fn choice_text_ui(ui: &mut Ui, cx: &mut PanelContext<'_>, choice: &Choice, arabic: bool) {
    if arabic {
        let style = TextStyle::new(cx.style.font, CHOICE_SIZE);
        cx.typesetter
            .label(ui, &choice.text, style, cx.palette.text, false);
    } else {
        // Glosses may quote Arabic ("last; (الأخير) the latter"): the text engine orders them.
        let style = TextStyle::new(cx.style.font, 18.0);
        cx.typesetter
            .mixed_label(ui, &choice.text, style, cx.palette.text, true);
    }
}

/// Right or wrong, the right answer, what the choice made means, and the evidence sentence.
fn feedback_ui(
    ui: &mut Ui,
    cx: &mut PanelContext<'_>,
    q: &Question,
    chosen: Option<usize>,
    graded: &Graded,
) {
    let color = if graded.verdict.is_right() {
        right_color(ui)
    } else {
        wrong_color(ui)
    };
    let verdict = format!(
        "{} (counts as {})",
        graded.verdict.label(),
        graded.rating.label()
    );
    ui.label(RichText::new(verdict).strong().size(18.0).color(color));
    if !graded.verdict.is_right() {
        ui.horizontal_wrapped(|ui| {
            ui.label("The answer:");
            let style = TextStyle::new(cx.style.font, 20.0).bold();
            cx.typesetter
                .mixed_label(ui, &q.answer, style, cx.palette.text, false);
        });
        let chosen_word = chosen.and_then(|i| q.choices.get(i));
        if let Some(Choice {
            text,
            gloss: Some(gloss),
            ..
        }) = chosen_word
        {
            let style = TextStyle::new(cx.style.font, 17.0);
            // English first, so the line reads left to right with the Arabic word inside it.
            let said = format!("You chose {text}: “{gloss}”.");
            cx.typesetter
                .mixed_label(ui, &said, style, cx.palette.muted, true);
        }
    }
    if !graded.diff.is_empty() {
        diff_ui(ui, cx, graded);
    }
    if let Some(evidence) = &q.evidence {
        ui.add_space(4.0);
        ui.label("The text says:");
        let style = TextStyle::new(cx.style.font, SENTENCE_SIZE);
        cx.typesetter
            .label(ui, &evidence.text, style, cx.palette.text, true);
        if let Some(translation) = &evidence.translation {
            ui.label(RichText::new(translation).italics());
        }
    }
}

/// A typed answer letter by letter, each cluster (a letter with its marks) drawn by the text
/// engine: right ones plain, wrong ones red with the right one after, missing ones green.
fn diff_ui(ui: &mut Ui, cx: &mut PanelContext<'_>, graded: &Graded) {
    let style = TextStyle::new(cx.style.font, CHOICE_SIZE);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = vec2(2.0, 2.0);
        // Right to left, like the word: the first cluster on the right.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            for part in &graded.diff {
                let (text, color) = match part.kind {
                    DiffKind::Same => (part.cluster.clone(), cx.palette.text),
                    DiffKind::Missing => (part.cluster.clone(), right_color(ui)),
                    DiffKind::Extra => (part.cluster.clone(), wrong_color(ui)),
                    DiffKind::Wrong => (
                        format!(
                            "{}→{}",
                            part.cluster,
                            part.expected.clone().unwrap_or_default()
                        ),
                        wrong_color(ui),
                    ),
                };
                cx.typesetter.label(ui, &text, style, color, false);
            }
        });
    });
}
