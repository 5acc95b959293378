//! The relations panel: the people, states and places of the text and what it says they did to each other.

use egui::Ui;

use super::panel::{Command, PanelContext, PanelUi, coming_soon_ui};
use super::panels::Panel;

/// The relations diagram's state.
#[derive(Default)]
pub struct RelationsPanel {}

impl PanelUi for RelationsPanel {
    fn ui(&mut self, ui: &mut Ui, cx: &mut PanelContext<'_>) -> Vec<Command> {
        let what = format!(
            "A diagram of who did what to whom in this text: {} names, {} relations.",
            cx.analysis.entities.len(),
            cx.analysis.relations.len()
        );
        coming_soon_ui(ui, Panel::Relations, &what)
    }
}
