//! The quiz panel: choose what to practise, answer questions on the text with the keyboard, see the summary.

use std::time::Duration;

use egui::{Id, ScrollArea, Ui};

use super::actions::Action;
use super::panel::{Command, PanelContext, PanelUi, title_bar_ui};
use super::panels::Panel;
use crate::study::quiz::{Answer, Graded, Question, QuestionKind, Quiz, QuizSpec, Verdict};

mod actions;
pub mod diff;
mod feedback;
mod question;
mod setup;
mod typing;

pub use actions::QuizAction;

/// The kinds the panel asks: every kind, the typed ones in the Arabic text field.
pub const PANEL_KINDS: [QuestionKind; 8] = QuestionKind::ALL;

/// One answered question of a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Index of the question in the session's quiz.
    pub question: usize,
    pub kind: QuestionKind,
    pub verdict: Verdict,
}

/// A session under way (or finished: then the summary shows).
#[derive(Clone, Debug)]
pub struct Run {
    pub quiz: Quiz,
    /// The question shown.
    pub index: usize,
    /// The choice made and not yet submitted.
    pub chosen: Option<usize>,
    /// The current question's grade, once submitted.
    pub graded: Option<Graded>,
    pub outcomes: Vec<Outcome>,
    /// When the current question was shown (egui's clock, seconds).
    shown_at: f64,
    /// Esc was pressed once: the next Esc ends the session, Enter goes on.
    pub confirm_end: bool,
    pub finished: bool,
    /// The answer typed to the current question (typed questions, and gaps filled by typing).
    pub typed: String,
    /// Gaps are filled by typing the word rather than choosing it (the higher level).
    pub typed_gaps: bool,
    /// Enter was pressed with nothing typed: the next Enter shows the answer (counts as Again).
    pub nothing_typed: bool,
    /// The answer field takes the keys when it is next shown (a new question).
    focus_answer: bool,
}

impl Run {
    fn new(quiz: Quiz, now: f64, typed_gaps: bool) -> Self {
        Self {
            quiz,
            index: 0,
            chosen: None,
            graded: None,
            outcomes: Vec::new(),
            shown_at: now,
            confirm_end: false,
            finished: false,
            typed: String::new(),
            typed_gaps,
            nothing_typed: false,
            focus_answer: true,
        }
    }

    /// The question shown.
    #[must_use]
    pub fn question(&self) -> Option<&Question> {
        self.quiz.questions.get(self.index)
    }

    /// Whether the question shown is answered by typing the Arabic word.
    #[must_use]
    pub fn answers_by_typing(&self) -> bool {
        self.question()
            .is_some_and(|q| q.is_typed() || self.typed_gaps && q.kind == QuestionKind::Cloze)
    }

    /// How many answers were right so far.
    #[must_use]
    pub fn score(&self) -> usize {
        self.outcomes
            .iter()
            .filter(|o| o.verdict.is_right())
            .count()
    }
}

/// The quiz panel's state (not saved: answers are, with the progress).
pub struct QuizPanel {
    /// What the next session practises.
    pub spec: QuizSpec,
    pub run: Option<Run>,
    /// Why the last session could not start (no question), for the setup view.
    pub problem: Option<String>,
    /// egui's clock at the last frame, to time answers.
    clock: f64,
    /// Sessions started, so each gets its own seed (and so its own choices and order).
    sessions: u64,
    /// Gaps in sentences are filled by typing the word (the higher level), not by choosing it.
    pub typed_gaps: bool,
    /// Whether the panel had the keys in the last frame: the answer field gives them up when
    /// another panel takes them, and takes them back when the quiz gets them again.
    had_keys: bool,
    /// The answer field's id once shown, to know whether it has the keys.
    answer_field: Option<Id>,
}

impl Default for QuizPanel {
    fn default() -> Self {
        Self {
            spec: QuizSpec {
                kinds: PANEL_KINDS.to_vec(),
                ..QuizSpec::default()
            },
            run: None,
            problem: None,
            clock: 0.0,
            sessions: 0,
            typed_gaps: false,
            had_keys: false,
            answer_field: None,
        }
    }
}

impl QuizPanel {
    /// Starts a session on the document as `spec` says.
    pub fn start(&mut self, cx: &PanelContext<'_>) {
        self.sessions += 1;
        // A new seed for every session, from what was answered so far (not the clock): the
        // same progress always gives the same session, so tests and bug reports can replay it.
        let answered = u64::try_from(cx.session.progress().quiz.len()).unwrap_or(0);
        let spec = QuizSpec {
            seed: answered.wrapping_mul(1_000_003) ^ self.sessions,
            ..self.spec.clone()
        };
        let quiz = cx.session.quiz(cx.doc, cx.analysis, &spec, cx.now);
        self.start_with(quiz);
    }

    /// Starts a session on `quiz` (a new one, the questions missed last time, or one a test
    /// chose from a generated quiz).
    pub fn start_with(&mut self, quiz: Quiz) {
        if quiz.questions.is_empty() {
            let reasons: Vec<String> = quiz
                .left_out
                .iter()
                .map(|l| format!("{}: {}", l.kind.label(), l.reason))
                .collect();
            self.problem = Some(if reasons.is_empty() {
                format!("Nothing to ask among the {}.", self.spec.practise.label())
            } else {
                format!("No questions: {}.", reasons.join("; "))
            });
            self.run = None;
            return;
        }
        self.problem = None;
        self.run = Some(Run::new(quiz, self.clock, self.typed_gaps));
    }

    /// The questions of the last session that were not answered right, asked again.
    pub fn practise_missed(&mut self) {
        let Some(run) = &self.run else { return };
        let missed: Vec<_> = run
            .outcomes
            .iter()
            .filter(|o| !o.verdict.is_right())
            .filter_map(|o| run.quiz.questions.get(o.question).cloned())
            .collect();
        let quiz = Quiz {
            questions: missed,
            left_out: Vec::new(),
            ..run.quiz.clone()
        };
        // Asked the way they were missed.
        let typed_gaps = run.typed_gaps;
        self.start_with(quiz);
        if let Some(run) = &mut self.run {
            run.typed_gaps = typed_gaps;
        }
    }

    /// Chooses answer `i` of the current question (before it is submitted; not when the
    /// answer is typed).
    pub fn choose(&mut self, i: usize) {
        let Some(run) = self
            .run
            .as_mut()
            .filter(|r| !r.finished && r.graded.is_none() && !r.answers_by_typing())
        else {
            return;
        };
        let count = run
            .quiz
            .questions
            .get(run.index)
            .map_or(0, |q| q.choices.len());
        if i < count {
            run.chosen = Some(i);
            run.confirm_end = false;
        }
    }

    /// Enter: starts a session, submits the chosen or typed answer, or goes on to the next
    /// question. Enter with nothing typed asks first; again, it shows the answer.
    pub fn submit(&mut self, cx: &mut PanelContext<'_>) {
        let clock = self.clock;
        let Some(run) = self.run.as_mut().filter(|r| !r.finished) else {
            if self.run.is_none() {
                self.start(cx);
            }
            return;
        };
        if run.confirm_end {
            run.confirm_end = false;
            run.focus_answer = true;
            return;
        }
        if run.graded.is_some() {
            run.index += 1;
            run.chosen = None;
            run.graded = None;
            run.typed.clear();
            run.nothing_typed = false;
            run.focus_answer = true;
            run.shown_at = clock;
            run.finished = run.index >= run.quiz.questions.len();
            return;
        }
        let answer = if run.answers_by_typing() {
            if run.typed.trim().is_empty() && !run.nothing_typed {
                run.nothing_typed = true;
                return;
            }
            Answer::Typed(run.typed.clone())
        } else {
            let Some(chosen) = run.chosen else { return };
            Answer::Choice(chosen)
        };
        let Some(question) = run.quiz.questions.get(run.index) else {
            return;
        };
        let elapsed = Duration::from_secs_f64((clock - run.shown_at).max(0.0));
        let graded = cx.session.answer(question, &answer, elapsed, cx.now);
        run.outcomes.push(Outcome {
            question: run.index,
            kind: question.kind,
            verdict: graded.verdict,
        });
        run.graded = Some(graded);
    }

    /// Esc: asks before ending a session; a second Esc ends it (the summary shows); on the
    /// summary, goes back to choosing a new session.
    pub fn end(&mut self) {
        match &mut self.run {
            Some(run) if run.finished => self.run = None,
            Some(run) if run.confirm_end || run.outcomes.is_empty() && run.graded.is_none() => {
                run.confirm_end = false;
                run.finished = true;
            }
            Some(run) => run.confirm_end = true,
            None => {}
        }
    }
}

impl PanelUi for QuizPanel {
    fn ui(&mut self, ui: &mut Ui, cx: &mut PanelContext<'_>) -> Vec<Command> {
        self.clock = ui.input(|i| i.time);
        self.follow_the_keys(ui, cx.has_keys);
        let mut commands = title_bar_ui(ui, Panel::Quiz, |_| {});
        ui.separator();
        ScrollArea::vertical()
            .id_salt("quiz")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_width(ui.available_width() - 12.0);
                let finished = self.run.as_ref().map(|r| r.finished);
                match finished {
                    None => self.setup_ui(ui, cx),
                    Some(false) => self.question_ui(ui, cx),
                    Some(true) => commands.extend(self.summary_ui(ui, cx)),
                }
            });
        commands
    }

    fn act(&mut self, action: Action, cx: &mut PanelContext<'_>) -> Vec<Command> {
        match action {
            Action::Quiz(a) => self.act_on(a, cx),
            _ => Vec::new(),
        }
    }
}
