//! Under the diagram: what its colours, dashes, arrows and counts mean; and the sentence shown
//! instead of it when the text states no relations.

use egui::{Color32, Sense, Shape, Stroke, Ui, vec2};

use crate::colours::{ENTITY_KINDS, entity_kind_label};
use crate::graph::scene::{NO_RELATIONS_AR, NO_RELATIONS_EN};
use crate::graph::style::Colours;
use crate::graph::{Arrows, Graph, Group};
use crate::render::TextStyle;
use crate::ui::panel::PanelContext;

fn colour([r, g, b]: [u8; 3]) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// A short line in `color` (dashed, or with an arrowhead), as the diagram draws its edges.
fn line_sample(ui: &mut Ui, color: Color32, dashed: bool, arrow: bool) {
    let (rect, _) = ui.allocate_exact_size(vec2(26.0, 12.0), Sense::hover());
    let (a, b) = (rect.left_center(), rect.right_center());
    let stroke = Stroke::new(2.5, color);
    if dashed {
        ui.painter()
            .extend(Shape::dashed_line(&[a, b], stroke, 5.0, 3.0));
    } else {
        ui.painter().line_segment([a, b], stroke);
    }
    if arrow {
        let tip = b;
        let points = vec![tip, tip + vec2(-8.0, -4.0), tip + vec2(-8.0, 4.0)];
        ui.painter()
            .add(Shape::convex_polygon(points, color, Stroke::NONE));
    }
}

/// The legend: only what the diagram shows.
pub(super) fn legend_ui(ui: &mut Ui, cx: &mut PanelContext<'_>, graph: &Graph) {
    let colours = Colours::new(cx.palette.text.r() > 128);
    let muted = cx.palette.muted;
    let small = TextStyle {
        size: 13.0,
        ..cx.style
    };
    ui.horizontal_wrapped(|ui| {
        for group in Group::ALL {
            if graph.edges.iter().any(|e| e.group == group) {
                line_sample(ui, colour(colours.group(group)), false, false);
                ui.label(group.label_en());
                cx.typesetter
                    .label(ui, group.label_ar(), small, muted, false);
                ui.add_space(6.0);
            }
        }
        if graph.edges.iter().any(|e| e.past) {
            line_sample(ui, muted, true, false);
            ui.label("former");
        }
        if graph.edges.iter().any(|e| e.arrows != Arrows::None) {
            line_sample(ui, muted, false, true);
            ui.label("one way");
        }
        if graph.edges.iter().any(|e| e.count.is_some()) {
            ui.strong("×3");
            ui.label("times");
        }
        for kind in ENTITY_KINDS {
            if graph.nodes.iter().any(|n| n.kind == kind) {
                let (rect, _) = ui.allocate_exact_size(vec2(18.0, 12.0), Sense::hover());
                let stroke = Stroke::new(1.5, colour(colours.entity(kind)));
                ui.painter().rect(
                    rect,
                    3.0,
                    colour(colours.entity_fill(kind)),
                    stroke,
                    egui::StrokeKind::Inside,
                );
                ui.label(entity_kind_label(kind));
            }
        }
        ui.weak("larger: named more often");
    });
}

/// What the panel shows when the text states no relation between the names it knows.
pub(super) fn empty_ui(ui: &mut Ui, cx: &mut PanelContext<'_>) {
    ui.add_space(12.0);
    let style = TextStyle {
        size: 20.0,
        ..cx.style
    };
    cx.typesetter
        .label(ui, NO_RELATIONS_AR, style, cx.palette.text, true);
    ui.label(NO_RELATIONS_EN);
    ui.add_space(6.0);
    let names = cx.analysis.entities.len();
    if names == 0 {
        ui.weak("Dars knows none of the people, states or places it names.");
    } else {
        ui.weak(format!(
            "It names {names} people, states, places or organizations Dars knows \
             (\"Names in no relation\" shows them); what the text says they did appears here."
        ));
    }
}
