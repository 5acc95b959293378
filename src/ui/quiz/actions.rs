//! The quiz panel's own actions (choose, submit or go on, end the session) and how it carries them out.

use egui::Key;

use super::QuizPanel;
use crate::ui::actions::{Binding, PanelAction, key, number_key};
use crate::ui::panel::{Command, PanelContext};

/// What the keys do while the quiz has them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuizAction {
    /// Chooses answer 1–4 (0–3 here).
    Choose(u8),
    /// Starts a session; submits the chosen answer; goes on to the next question.
    Submit,
    /// Ends the session (asks first), or leaves the summary.
    End,
}

impl PanelAction for QuizAction {
    fn all() -> Vec<Self> {
        let mut all: Vec<Self> = (0..4).map(Self::Choose).collect();
        all.extend([Self::Submit, Self::End]);
        all
    }

    fn label(self) -> &'static str {
        match self {
            Self::Choose(0) => "Choose answer 1",
            Self::Choose(1) => "Choose answer 2",
            Self::Choose(2) => "Choose answer 3",
            Self::Choose(_) => "Choose answer 4",
            Self::Submit => "Start the session / submit the answer / next question",
            Self::End => "End the session (asks first)",
        }
    }

    fn bindings(self) -> Vec<Binding> {
        match self {
            Self::Choose(i) => vec![key(number_key(usize::from(i)))],
            Self::Submit => vec![key(Key::Enter)],
            Self::End => vec![key(Key::Escape)],
        }
    }
}

impl QuizPanel {
    /// Carries out one of the panel's actions.
    pub(super) fn act_on(&mut self, action: QuizAction, cx: &mut PanelContext<'_>) -> Vec<Command> {
        match action {
            QuizAction::Choose(i) => self.choose(usize::from(i)),
            QuizAction::Submit => self.submit(cx),
            QuizAction::End => self.end(),
        }
        Vec::new()
    }
}
