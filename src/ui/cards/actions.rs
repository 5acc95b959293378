//! The cards panel's own actions (flip, next, previous, rate) and how it carries them out.

use egui::Key;

use super::CardsPanel;
use crate::study::Rating;
use crate::ui::actions::{Binding, PanelAction, key, number_key};
use crate::ui::panel::{Command, PanelContext};

/// What the keys do while the cards have them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CardsAction {
    Flip,
    /// The next card: leftwards, like the Arabic text.
    Next,
    Previous,
    /// Rates the current card and moves on.
    Rate(Rating),
}

impl PanelAction for CardsAction {
    fn all() -> Vec<Self> {
        let mut all = vec![Self::Flip, Self::Next, Self::Previous];
        all.extend(Rating::ALL.map(Self::Rate));
        all
    }

    fn label(self) -> &'static str {
        match self {
            Self::Flip => "Flip the card",
            Self::Next => "Next card (leftwards, like the Arabic text)",
            Self::Previous => "Previous card",
            Self::Rate(Rating::Again) => "Again: forgotten, show it again soon; next card",
            Self::Rate(Rating::Hard) => "Hard: remembered with effort; next card",
            Self::Rate(Rating::Good) => "Good: remembered; next card",
            Self::Rate(Rating::Easy) => "Easy: remembered at once; next card",
        }
    }

    /// `←` is the next card, as it is the next word in the reader.
    fn bindings(self) -> Vec<Binding> {
        match self {
            Self::Flip => vec![key(Key::Space)],
            Self::Next => vec![key(Key::ArrowLeft)],
            Self::Previous => vec![key(Key::ArrowRight)],
            Self::Rate(rating) => vec![key(number_key(rating as usize))],
        }
    }
}

impl CardsPanel {
    /// Carries out one of the panel's actions.
    pub(super) fn act_on(
        &mut self,
        action: CardsAction,
        cx: &mut PanelContext<'_>,
    ) -> Vec<Command> {
        match action {
            CardsAction::Flip => self.flip(),
            CardsAction::Next => self.step(cx.session, true),
            CardsAction::Previous => self.step(cx.session, false),
            CardsAction::Rate(rating) => self.rate(cx.session, rating, cx.now),
        }
        Vec::new()
    }
}
