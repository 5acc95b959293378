//! The relations panel: the people, states and places of the text and what it says they did to
//! each other, as a diagram joined to the reader.

use std::collections::BTreeSet;

use egui::{Color32, RichText, Ui};

use super::actions::Action;
use super::panel::{Command, PanelContext, PanelUi, title_bar_ui};
use super::panels::Panel;
use crate::analysis::EntityKind;
use crate::colours::{ENTITY_KINDS, entity_kind_label};
use crate::graph::scene::{Item, Part, drawing};
use crate::graph::style::Colours;
use crate::graph::{Diagram, Graph, Group, Nodes, Point};
use crate::render::FontChoice;

mod actions;
mod canvas;
mod legend;

pub use actions::RelationsAction;
use canvas::{Texts, View};

/// The diagram as built: what it was built from, and its picture in layout coordinates.
struct Built {
    font: FontChoice,
    unrelated: bool,
    dark: bool,
    pins: Vec<Option<Point>>,
    diagram: Diagram,
    items: Vec<(Part, Item)>,
}

/// The relations panel's state (none of it is saved but the dragged positions, which live
/// in the document's progress).
#[derive(Default)]
pub struct RelationsPanel {
    built: Option<Built>,
    /// Also show the names in no relation.
    pub show_unrelated: bool,
    pub hidden_groups: BTreeSet<Group>,
    pub hidden_kinds: Vec<EntityKind>,
    /// The relation the keys are on (an index of the graph's edges, which are in text order).
    pub current: Option<usize>,
    /// Which evidence sentence of which edge the reader was last sent to.
    shown_edge: Option<(usize, usize)>,
    /// Which mention of which node the reader was last sent to.
    shown_node: Option<(usize, usize)>,
    view: View,
    /// The node being dragged, and where it is now (layout coordinates).
    drag: Option<(usize, Point)>,
    texts: Texts,
}

impl RelationsPanel {
    /// The diagram on screen, if it has been drawn.
    #[must_use]
    pub fn diagram(&self) -> Option<&Diagram> {
        self.built.as_ref().map(|b| &b.diagram)
    }

    /// How far the diagram is zoomed (1 = its own size).
    #[must_use]
    pub fn zoom(&self) -> f32 {
        self.view.zoom
    }

    /// Builds (or rebuilds) the diagram when the text's font, the node choice, the theme or
    /// the saved positions changed.
    fn build(&mut self, cx: &mut PanelContext<'_>) {
        let dark = cx.palette.text.r() > 128;
        let font = cx.style.font;
        let saved = &cx.session.study_settings().diagram;
        let fresh = self.built.as_ref().is_some_and(|b| {
            b.font == font && b.unrelated == self.show_unrelated && b.dark == dark
        });
        if fresh && self.drag.is_none() {
            let pins = self
                .built
                .as_ref()
                .map(|b| pins_of(&b.diagram.graph, saved));
            if pins.as_ref() == self.built.as_ref().map(|b| &b.pins) {
                return;
            }
            if let (Some(built), Some(pins)) = (self.built.as_mut(), pins) {
                built.diagram.relayout(&pins);
                built.items = drawing(&built.diagram, Colours::new(dark));
                built.pins = pins;
            }
            return;
        }
        if fresh {
            return;
        }
        let which = if self.show_unrelated {
            Nodes::All
        } else {
            Nodes::Related
        };
        let graph = Graph::from_analysis(cx.doc, cx.analysis, which);
        let pins = pins_of(&graph, saved);
        let diagram = Diagram::new(graph, &mut cx.typesetter.fonts, font, &pins);
        let items = drawing(&diagram, Colours::new(dark));
        self.built = Some(Built {
            font,
            unrelated: self.show_unrelated,
            dark,
            pins,
            diagram,
            items,
        });
        self.view.fitted = false;
        self.current = self.current.filter(|&e| self.edge_count() > e);
    }

    /// The relations the reader's sentence states that the filters show: lit up in the diagram.
    #[must_use]
    pub fn lit_edges(&self, sentence: usize) -> Vec<usize> {
        self.diagram()
            .map(|d| {
                d.graph
                    .edges_in_sentence(sentence)
                    .filter(|&e| self.edge_shown(e))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn edge_count(&self) -> usize {
        self.diagram().map_or(0, |d| d.graph.edges.len())
    }

    /// True when the filters let edge `e` show.
    fn edge_shown(&self, e: usize) -> bool {
        let Some(d) = self.diagram() else {
            return false;
        };
        d.graph.edges.get(e).is_some_and(|edge| {
            !self.hidden_groups.contains(&edge.group)
                && self.node_shown(edge.source)
                && self.node_shown(edge.target)
        })
    }

    /// True when the filters let node `n` show.
    fn node_shown(&self, n: usize) -> bool {
        self.diagram()
            .and_then(|d| d.graph.nodes.get(n))
            .is_some_and(|node| !self.hidden_kinds.contains(&node.kind))
    }

    /// Moves the current relation to the next (or previous) one the filters show, in text
    /// order; from none, to the first (or last).
    fn step_edge(&mut self, forward: bool) {
        let shown: Vec<usize> = (0..self.edge_count())
            .filter(|&e| self.edge_shown(e))
            .collect();
        let at = self
            .current
            .and_then(|c| shown.iter().position(|&e| e == c));
        self.current = match (at, forward) {
            (None, true) => shown.first().copied(),
            (None, false) => shown.last().copied(),
            (Some(i), true) => shown.get(i + 1).or(shown.last()).copied(),
            (Some(i), false) => shown.get(i.saturating_sub(1)).copied(),
        };
        self.view.reveal = true;
    }

    /// Sends the reader to edge `e`'s first evidence sentence, or to its next one when the
    /// reader was sent to this edge last; both entities' mentions are marked.
    fn show_edge(&mut self, e: usize, cx: &PanelContext<'_>) -> Vec<Command> {
        let Some(edge) = self.diagram().and_then(|d| d.graph.edges.get(e)) else {
            return Vec::new();
        };
        let step = match self.shown_edge {
            Some((last, i)) if last == e => (i + 1) % edge.evidence.len().max(1),
            _ => 0,
        };
        let Some(evidence) = edge.evidence.get(step) else {
            return Vec::new();
        };
        let Some(sentence) = cx.doc.sentences.get(evidence.sentence) else {
            return Vec::new();
        };
        let command = Command::ShowInReader {
            range: sentence.range.clone(),
            marks: evidence.marks.clone(),
        };
        self.shown_edge = Some((e, step));
        self.current = Some(e);
        vec![command]
    }

    /// Sends the reader to node `n`'s next mention (the first, the first time), marked.
    fn show_node(&mut self, n: usize, cx: &PanelContext<'_>) -> Vec<Command> {
        let Some(node) = self.diagram().and_then(|d| d.graph.nodes.get(n)) else {
            return Vec::new();
        };
        let Some(entity) = cx.analysis.entities.get(node.entity) else {
            return Vec::new();
        };
        if entity.mentions.is_empty() {
            return vec![Command::Inform(format!(
                "The text does not name {}: a relation implies it.",
                entity.name_en
            ))];
        }
        let step = match self.shown_node {
            Some((last, i)) if last == n => (i + 1) % entity.mentions.len(),
            _ => 0,
        };
        self.shown_node = Some((n, step));
        let range = entity.mentions[step].range();
        vec![Command::ShowInReader {
            range: range.clone(),
            marks: vec![range],
        }]
    }

    /// Remembers where node `n` was dropped, so the layout keeps it there from now on.
    fn pin(&self, n: usize, at: Point, cx: &mut PanelContext<'_>) {
        let Some(node) = self.diagram().and_then(|d| d.graph.nodes.get(n)) else {
            return;
        };
        let id = node.id.clone();
        #[expect(
            clippy::cast_possible_truncation,
            reason = "rounded positions on screen"
        )]
        let spot = [at.x.round() as i32, at.y.round() as i32];
        cx.session.change_settings(|s| {
            s.diagram.insert(id, spot);
        });
    }

    fn toolbar_ui(&mut self, ui: &mut Ui, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
        let colours = Colours::new(cx.palette.text.r() > 128);
        let present = |g: Group| {
            self.diagram()
                .is_some_and(|d| d.graph.edges.iter().any(|e| e.group == g))
        };
        ui.horizontal_wrapped(|ui| {
            for group in Group::ALL.into_iter().filter(|&g| present(g)) {
                let [r, g, b] = colours.group(group);
                let mut shown = !self.hidden_groups.contains(&group);
                let text = RichText::new(group.label_en()).color(Color32::from_rgb(r, g, b));
                let action = Action::Relations(RelationsAction::ToggleGroup(group));
                if ui
                    .checkbox(&mut shown, text)
                    .on_hover_text(hint(action))
                    .changed()
                {
                    commands.push(Command::Act(action));
                }
            }
            ui.separator();
            let kinds: Vec<EntityKind> = ENTITY_KINDS
                .into_iter()
                .filter(|&k| {
                    self.diagram()
                        .is_some_and(|d| d.graph.nodes.iter().any(|n| n.kind == k))
                })
                .collect();
            for kind in kinds {
                let mut shown = !self.hidden_kinds.contains(&kind);
                let [r, g, b] = colours.entity(kind);
                let text = RichText::new(entity_kind_label(kind)).color(Color32::from_rgb(r, g, b));
                let action = Action::Relations(RelationsAction::ToggleKind(kind));
                if ui
                    .checkbox(&mut shown, text)
                    .on_hover_text(hint(action))
                    .changed()
                {
                    commands.push(Command::Act(action));
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            let mut all = self.show_unrelated;
            let action = Action::Relations(RelationsAction::ToggleUnrelated);
            if ui
                .checkbox(&mut all, "Names in no relation")
                .on_hover_text(hint(action))
                .changed()
            {
                commands.push(Command::Act(action));
            }
            for (text, action) in [
                ("Fit", RelationsAction::Fit),
                ("−", RelationsAction::ZoomOut),
                ("+", RelationsAction::ZoomIn),
                ("Reset layout", RelationsAction::ResetLayout),
            ] {
                let action = Action::Relations(action);
                if ui.button(text).on_hover_text(hint(action)).clicked() {
                    commands.push(Command::Act(action));
                }
            }
            if ui
                .button("Export…")
                .on_hover_text(hint(Action::ExportDiagram))
                .clicked()
            {
                commands.push(Command::Act(Action::ExportDiagram));
            }
        });
    }
}

/// A button's tooltip: what its action does, and its key.
fn hint(action: Action) -> String {
    format!("{} ({})", action.label(), action.keys_text())
}

/// The saved positions of the graph's nodes, by node index.
fn pins_of(
    graph: &Graph,
    saved: &std::collections::BTreeMap<String, [i32; 2]>,
) -> Vec<Option<Point>> {
    #[expect(clippy::cast_precision_loss, reason = "positions on screen are small")]
    graph
        .nodes
        .iter()
        .map(|n| {
            saved
                .get(&n.id)
                .map(|&[x, y]| Point::new(x as f32, y as f32))
        })
        .collect()
}

impl PanelUi for RelationsPanel {
    fn ui(&mut self, ui: &mut Ui, cx: &mut PanelContext<'_>) -> Vec<Command> {
        self.build(cx);
        let mut commands = title_bar_ui(ui, Panel::Relations, |_| {});
        if self.diagram().is_some_and(|d| d.graph.is_empty()) && !self.show_unrelated {
            ui.separator();
            legend::empty_ui(ui, cx);
            if !cx.analysis.entities.is_empty() {
                let mut all = false;
                let action = Action::Relations(RelationsAction::ToggleUnrelated);
                if ui
                    .checkbox(&mut all, "Names in no relation")
                    .on_hover_text(hint(action))
                    .changed()
                {
                    commands.push(Command::Act(action));
                }
            }
            return commands;
        }
        self.toolbar_ui(ui, cx, &mut commands);
        let legend_height = 44.0;
        let size = egui::vec2(
            ui.available_width(),
            (ui.available_height() - legend_height).max(120.0),
        );
        commands.extend(self.canvas_ui(ui, cx, size));
        if let Some(d) = self.diagram() {
            legend::legend_ui(ui, cx, &d.graph);
        }
        commands
    }

    fn act(&mut self, action: Action, cx: &mut PanelContext<'_>) -> Vec<Command> {
        match action {
            Action::Relations(a) => self.act_on(a, cx),
            _ => Vec::new(),
        }
    }
}
