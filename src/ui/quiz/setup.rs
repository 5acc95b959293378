//! Before and after a quiz session: choosing what to practise and how many questions; the summary with the words missed.

use std::collections::BTreeMap;
use std::ops::Range;

use egui::{RichText, Sense, Ui, WidgetInfo};

use super::{PANEL_KINDS, QuizPanel};
use crate::render::TextStyle;
use crate::study::quiz::{Practise, Question, QuestionKind};
use crate::study::{Status, parts_of_speech};
use crate::ui::actions::Action;
use crate::ui::panel::{Command, PanelContext};
use crate::ui::quiz::QuizAction;
use crate::ui::words::pos_label;

/// The choices of what to practise, with the current sentence and the parts of speech of the deck.
fn practise_choices(cx: &PanelContext<'_>) -> Vec<Practise> {
    let mut choices = vec![
        Practise::Due,
        Practise::All,
        Practise::New,
        Practise::Learning,
        Practise::Sentence(cx.reading.sentence),
        Practise::Relations,
    ];
    choices.extend(
        parts_of_speech(cx.session.cards())
            .into_iter()
            .map(Practise::PartOfSpeech),
    );
    choices
}

fn practise_label(practise: &Practise, cx: &PanelContext<'_>) -> String {
    match practise {
        Practise::Sentence(s) if *s == cx.reading.sentence => {
            "the words of the reader's current sentence".to_owned()
        }
        Practise::PartOfSpeech(pos) => format!("{}s", pos_label(pos)),
        other => other.label(),
    }
}

/// Where the word a question asks about is in the document (bytes), to show it in the reader:
/// where the question's sentence has it, else (a question with no sentence, such as typing the
/// word) where its card's example sentence does.
pub(super) fn word_in_document(question: &Question, cx: &PanelContext<'_>) -> Option<Range<usize>> {
    let Some(context) = question.context.as_ref() else {
        let key = question.word.as_ref()?;
        let card = cx.session.cards().iter().find(|c| c.key() == *key)?;
        let (start, word) = (card.example.start, &card.example.word);
        return Some(start + word.start..start + word.end);
    };
    let start = cx.doc.sentences.get(context.sentence)?.range.start;
    // A cloze's blank stands where the answer is written in the text.
    let len = if question.kind == QuestionKind::Cloze {
        question.answer.len()
    } else {
        context.mark.len()
    };
    Some(start + context.mark.start..start + context.mark.start + len)
}

impl QuizPanel {
    pub(super) fn setup_ui(&mut self, ui: &mut Ui, cx: &mut PanelContext<'_>) {
        let label = ui.label("Practise");
        let choices = practise_choices(cx);
        let current = practise_label(&self.spec.practise, cx);
        egui::ComboBox::from_id_salt("quiz-practise")
            .selected_text(current)
            .width(ui.available_width().min(320.0))
            .show_ui(ui, |ui| {
                for choice in choices {
                    let label = practise_label(&choice, cx);
                    ui.selectable_value(&mut self.spec.practise, choice, label);
                }
            })
            .response
            .labelled_by(label.id);
        ui.horizontal(|ui| {
            let label = ui.label("Questions");
            ui.add(egui::DragValue::new(&mut self.spec.count).range(1..=50))
                .labelled_by(label.id);
        });
        ui.label("Question types");
        ui.horizontal_wrapped(|ui| {
            for kind in PANEL_KINDS {
                let mut on = self.spec.kinds.contains(&kind);
                if ui.checkbox(&mut on, kind.label()).changed() {
                    if on {
                        self.spec.kinds.push(kind);
                    } else {
                        self.spec.kinds.retain(|k| *k != kind);
                    }
                }
            }
        });
        if self.spec.kinds.contains(&QuestionKind::Cloze) {
            ui.horizontal_wrapped(|ui| {
                ui.label("Fill the gap by");
                ui.radio_value(&mut self.typed_gaps, false, "choosing the word");
                ui.radio_value(&mut self.typed_gaps, true, "typing it (harder)");
            });
        }
        if self.spec.kinds.contains(&QuestionKind::Typed) || self.typed_gaps {
            ui.weak(
                "Typed answers: an Arabic keyboard layout, or the Arabic keyboard and phonetic typing under the answer field.",
            );
        }
        let due = cx
            .session
            .cards()
            .iter()
            .filter(|c| !c.is_name && cx.session.progress().is_due(&c.key(), cx.now))
            .count();
        ui.label(format!("{due} words are due now."));
        let answers = &cx.session.progress().quiz;
        if !answers.is_empty() {
            let right = answers.iter().filter(|a| a.verdict.is_right()).count();
            ui.label(format!(
                "Answered so far on this text: {} ({right} right).",
                answers.len()
            ));
        }
        ui.add_space(6.0);
        let start = Action::Quiz(QuizAction::Submit).key_text();
        if ui
            .button(format!("Start ({start})"))
            .on_hover_text("Questions on this text, from its words, names and relations")
            .clicked()
        {
            self.start(cx);
        }
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
    }

    /// The end of a session: the score per question type, the words missed (a click shows
    /// one in the reader), practising the missed ones again, or a new session.
    pub(super) fn summary_ui(&mut self, ui: &mut Ui, cx: &mut PanelContext<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(run) = &self.run else {
            return commands;
        };
        let asked = run.outcomes.len();
        ui.heading(format!("{} right out of {asked}", run.score()));
        let mut per_kind: BTreeMap<QuestionKind, (usize, usize)> = BTreeMap::new();
        for o in &run.outcomes {
            let entry = per_kind.entry(o.kind).or_default();
            if o.verdict.is_right() {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
        egui::Grid::new("quiz-summary")
            .striped(true)
            .show(ui, |ui| {
                ui.strong("Type");
                ui.strong("Right");
                ui.strong("Wrong");
                ui.end_row();
                for (kind, (right, wrong)) in &per_kind {
                    ui.label(kind.label());
                    ui.label(right.to_string());
                    ui.label(wrong.to_string());
                    ui.end_row();
                }
            });
        let missed: Vec<Question> = run
            .outcomes
            .iter()
            .filter(|o| !o.verdict.is_right())
            .filter_map(|o| run.quiz.questions.get(o.question).cloned())
            .collect();
        if !missed.is_empty() {
            ui.add_space(6.0);
            ui.label("Missed (click one to see it in the text)");
            let style = TextStyle::new(cx.style.font, 20.0);
            for q in &missed {
                ui.horizontal(|ui| {
                    let shown = if q.subject.is_empty() {
                        &q.answer
                    } else {
                        &q.subject
                    };
                    let detail = q
                        .correct_choice()
                        .and_then(|c| c.gloss.clone())
                        .filter(|g| g != shown)
                        .or_else(|| (q.answer != *shown).then(|| q.answer.clone()));
                    let response =
                        cx.typesetter
                            .mixed_label(ui, shown, style, cx.palette.text, false);
                    let response = ui
                        .interact(response.rect, response.id.with("missed"), Sense::click())
                        .on_hover_cursor(egui::CursorIcon::PointingHand)
                        .on_hover_text("Show it in the text");
                    response.widget_info(|| {
                        WidgetInfo::labeled(
                            egui::accesskit::Role::Link,
                            true,
                            format!("Missed: {shown}"),
                        )
                    });
                    if response.clicked() {
                        if let Some(range) = word_in_document(q, cx) {
                            commands.push(Command::show_in_reader(range));
                        } else if let Some(s) = q
                            .evidence
                            .as_ref()
                            .and_then(|e| cx.doc.sentences.get(e.sentence))
                        {
                            commands.push(Command::show_in_reader(s.range.clone()));
                        }
                    }
                    if let Some(detail) = detail {
                        let style = TextStyle::new(cx.style.font, 15.0);
                        let detail = format!("— {detail}");
                        cx.typesetter
                            .mixed_label(ui, &detail, style, cx.palette.muted, false);
                    }
                });
            }
        }
        ui.add_space(8.0);
        let (mut again, mut new) = (false, false);
        ui.horizontal(|ui| {
            again = !missed.is_empty() && ui.button("Practise the missed ones again").clicked();
            let end = Action::Quiz(QuizAction::End).key_text();
            new = ui.button(format!("New session ({end})")).clicked();
        });
        if again {
            self.practise_missed();
        } else if new {
            self.run = None;
        }
        let learning = cx
            .session
            .cards()
            .iter()
            .filter(|c| cx.session.progress().status(&c.key()) == Status::Learning)
            .count();
        ui.label(
            RichText::new(format!(
                "Answers are saved; {learning} words are being learned."
            ))
            .weak(),
        );
        commands
    }
}
