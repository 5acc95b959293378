//! The quiz panel: questions on the text's words, sentences and relations.

use egui::Ui;

use super::panel::{Command, PanelContext, PanelUi, coming_soon_ui};
use super::panels::Panel;

/// The quiz's state.
#[derive(Default)]
pub struct QuizPanel {}

impl PanelUi for QuizPanel {
    fn ui(&mut self, ui: &mut Ui, cx: &mut PanelContext<'_>) -> Vec<Command> {
        let what = format!(
            "Questions on the {} words of this text's vocabulary and its relations, scheduled like the cards.",
            cx.session.cards().len()
        );
        coming_soon_ui(ui, Panel::Quiz, &what)
    }
}
