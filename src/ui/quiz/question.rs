//! One question on screen: progress and score, the word or statement, its sentence, four numbered choices, then the feedback.

use egui::accesskit::Role;
use egui::{Color32, RichText, Sense, Ui, WidgetInfo};

use super::QuizPanel;
use super::diff::{right_color, wrong_color};
use super::feedback::{Given, feedback_ui};
use crate::render::{ArabicText, Direction, TextStyle};
use crate::study::quiz::{Choice, Context, Graded, Question, QuestionKind};
use crate::ui::actions::Action;
use crate::ui::panel::PanelContext;
use crate::ui::quiz::QuizAction;

/// Size of the word asked about, in points.
const SUBJECT_SIZE: f32 = 40.0;
/// Size of the sentence under it and of Arabic choices.
const SENTENCE_SIZE: f32 = 22.0;
const CHOICE_SIZE: f32 = 24.0;

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
        let (typing, typed, nothing_typed) = (
            run.answers_by_typing(),
            run.typed.clone(),
            run.nothing_typed,
        );
        question_text_ui(ui, cx, &question, typing);
        ui.add_space(8.0);
        if !typing {
            if let Some(clicked) = choices_ui(ui, cx, &question, chosen, graded.as_ref()) {
                self.choose(clicked);
            }
        } else if graded.is_none() {
            self.answer_field_ui(ui, cx);
            if nothing_typed {
                ui.colored_label(
                    wrong_color(ui),
                    "Nothing typed: Enter again shows the answer (counts as Again).",
                );
            }
        }
        ui.add_space(8.0);
        let submit = Action::Quiz(QuizAction::Submit).key_text();
        match &graded {
            Some(graded) => {
                let given = if typing {
                    Given::Typed(&typed)
                } else {
                    Given::Choice(chosen)
                };
                feedback_ui(ui, cx, &question, given, graded);
                if ui.button(format!("Next ({submit})")).clicked() {
                    self.submit(cx);
                }
            }
            None => {
                let button = egui::Button::new(format!("Submit ({submit})"));
                if ui.add_enabled(typing || chosen.is_some(), button).clicked() {
                    self.submit(cx);
                }
            }
        }
        ui.add_space(6.0);
        if confirm_end {
            ui.colored_label(
                wrong_color(ui),
                "End the session? Esc again ends it (the answers so far are kept); Enter goes on.",
            );
        } else if typing {
            ui.weak("Type the word · Enter submits, then goes on · Esc leaves the field, then ends the session");
        } else {
            ui.weak("1–4 choose · Enter submits, then goes on · Esc ends the session");
        }
    }
}

/// What to do, what it is about, and the sentence it comes from. A gap filled by typing says
/// what the missing word means: the sentence alone would leave many words possible.
fn question_text_ui(ui: &mut Ui, cx: &mut PanelContext<'_>, q: &Question, typing: bool) {
    let typed_gap = typing && q.kind == QuestionKind::Cloze;
    let prompt = if typed_gap {
        "Type the word that fills the gap."
    } else {
        q.prompt.as_str()
    };
    let response = ui.label(RichText::new(prompt).strong().size(17.0));
    response.widget_info(|| {
        WidgetInfo::labeled(Role::Heading, true, format!("{prompt}: {}", q.subject))
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
    if typed_gap && let Some(gloss) = q.correct_choice().and_then(|c| c.gloss.as_ref()) {
        let style = TextStyle::new(cx.style.font, 17.0);
        let hint = format!("The missing word means “{gloss}”.");
        cx.typesetter
            .mixed_label(ui, &hint, style, cx.palette.muted, true);
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
