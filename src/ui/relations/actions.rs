//! The relations panel's own actions (step through edges, show one in the reader, filters,
//! zoom) and how it carries them out.

use egui::Key;

use super::RelationsPanel;
use crate::analysis::EntityKind;
use crate::colours::ENTITY_KINDS;
use crate::graph::Group;
use crate::ui::actions::{Binding, PanelAction, key, number_key, shift};
use crate::ui::panel::{Command, PanelContext};

/// What the keys do while the diagram has them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelationsAction {
    /// The next relation in the order the text states them.
    NextEdge,
    PreviousEdge,
    /// Shows the current relation's sentence in the reader (again: its next sentence).
    ShowEdge,
    /// No current relation.
    Clear,
    /// Hides or shows the relations of a group.
    ToggleGroup(Group),
    /// Hides or shows the names of a kind.
    ToggleKind(EntityKind),
    /// Shows the names in no relation too (or not).
    ToggleUnrelated,
    ZoomIn,
    ZoomOut,
    /// The whole diagram in view.
    Fit,
    /// Forgets where nodes were dragged.
    ResetLayout,
}

/// The key of each kind's filter: the first letter of its English name, where free.
fn kind_key(kind: EntityKind) -> Key {
    match kind {
        EntityKind::Person => Key::P,
        EntityKind::State => Key::T,
        EntityKind::Place => Key::L,
        EntityKind::Organization => Key::O,
        EntityKind::Document => Key::M,
        EntityKind::Event => Key::V,
    }
}

impl PanelAction for RelationsAction {
    fn all() -> Vec<Self> {
        let mut all = vec![
            Self::NextEdge,
            Self::PreviousEdge,
            Self::ShowEdge,
            Self::Clear,
        ];
        all.extend(Group::ALL.map(Self::ToggleGroup));
        all.extend(ENTITY_KINDS.map(Self::ToggleKind));
        all.extend([
            Self::ToggleUnrelated,
            Self::ZoomIn,
            Self::ZoomOut,
            Self::Fit,
            Self::ResetLayout,
        ]);
        all
    }

    fn label(self) -> &'static str {
        match self {
            Self::NextEdge => "Next relation, in the order the text states them",
            Self::PreviousEdge => "Previous relation",
            Self::ShowEdge => "Show the relation's sentence in the reader (again: its next one)",
            Self::Clear => "No current relation",
            Self::ToggleGroup(Group::Cooperation) => {
                "Hide / show cooperation (met, allied, visited…)"
            }
            Self::ToggleGroup(Group::Conflict) => {
                "Hide / show conflict (accused, attacked, dispute…)"
            }
            Self::ToggleGroup(Group::FamilyOffice) => {
                "Hide / show family and office (leader of, father of…)"
            }
            Self::ToggleGroup(Group::Other) => "Hide / show other relations",
            Self::ToggleKind(EntityKind::Person) => "Hide / show people",
            Self::ToggleKind(EntityKind::State) => "Hide / show states",
            Self::ToggleKind(EntityKind::Place) => "Hide / show places",
            Self::ToggleKind(EntityKind::Organization) => "Hide / show organizations",
            Self::ToggleKind(EntityKind::Document) => "Hide / show documents",
            Self::ToggleKind(EntityKind::Event) => "Hide / show events",
            Self::ToggleUnrelated => "Show / hide the names in no relation",
            Self::ZoomIn => "Zoom in (or Ctrl+wheel)",
            Self::ZoomOut => "Zoom out",
            Self::Fit => "Fit the whole diagram in view",
            Self::ResetLayout => "Reset the layout (forget where nodes were dragged)",
        }
    }

    /// `Tab` steps like `↓`: the panel takes it from egui's focus moves while it has the keys.
    fn bindings(self) -> Vec<Binding> {
        match self {
            Self::NextEdge => vec![key(Key::Tab), key(Key::ArrowDown), key(Key::J)],
            Self::PreviousEdge => vec![shift(Key::Tab), key(Key::ArrowUp), key(Key::K)],
            Self::ShowEdge => vec![key(Key::Enter)],
            Self::Clear => vec![key(Key::Escape)],
            Self::ToggleGroup(g) => vec![key(number_key(g as usize))],
            Self::ToggleKind(kind) => vec![key(kind_key(kind))],
            Self::ToggleUnrelated => vec![key(Key::A)],
            Self::ZoomIn => vec![key(Key::Equals), key(Key::Plus)],
            Self::ZoomOut => vec![key(Key::Minus)],
            Self::Fit => vec![key(Key::Num0)],
            Self::ResetLayout => vec![shift(Key::R)],
        }
    }
}

impl RelationsPanel {
    /// Carries out one of the panel's actions.
    pub(super) fn act_on(
        &mut self,
        action: RelationsAction,
        cx: &mut PanelContext<'_>,
    ) -> Vec<Command> {
        match action {
            RelationsAction::NextEdge => self.step_edge(true),
            RelationsAction::PreviousEdge => self.step_edge(false),
            RelationsAction::ShowEdge => {
                return self
                    .current
                    .map_or_else(Vec::new, |e| self.show_edge(e, cx));
            }
            RelationsAction::Clear => self.current = None,
            RelationsAction::ToggleGroup(group) => {
                if !self.hidden_groups.remove(&group) {
                    self.hidden_groups.insert(group);
                }
            }
            RelationsAction::ToggleKind(kind) => {
                if let Some(at) = self.hidden_kinds.iter().position(|&k| k == kind) {
                    self.hidden_kinds.remove(at);
                } else {
                    self.hidden_kinds.push(kind);
                }
            }
            RelationsAction::ToggleUnrelated => self.show_unrelated = !self.show_unrelated,
            RelationsAction::ZoomIn => self.view.zoom_by(1.2),
            RelationsAction::ZoomOut => self.view.zoom_by(1.0 / 1.2),
            RelationsAction::Fit => self.view.fitted = false,
            RelationsAction::ResetLayout => {
                cx.session.change_settings(|s| s.diagram.clear());
                self.view.fitted = false;
            }
        }
        Vec::new()
    }
}
