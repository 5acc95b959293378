//! The diagram on screen: pan, zoom and fit, the picture drawn with egui's painter and the app's
//! text engine, nodes and edges as widgets (hover, click, drag, screen readers).

use std::collections::HashMap;

use egui::{
    Color32, Pos2, Response, Role, Sense, Shape, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, vec2,
};

use super::RelationsPanel;
use crate::colours::Rgb;
use crate::graph::diagram::MeasuredText;
use crate::graph::geometry::{Point, Rect};
use crate::graph::scene::{Item, Part, arrow_corners, drawing};
use crate::graph::style::Colours;
use crate::render::{GlyphMesh, Paragraph, TextStyle};
use crate::ui::panel::{Command, PanelContext};

/// The smallest zoom the diagram opens at: its names still readable.
const READABLE_ZOOM: f32 = 0.55;
/// How far the diagram can be zoomed out and in.
const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.15..=4.0;

/// Where the diagram is on screen: screen = canvas centre + `pan` + layout point × `zoom`.
#[derive(Clone, Copy, Debug)]
pub(super) struct View {
    pub zoom: f32,
    pub pan: Vec2,
    /// False until the diagram has been fitted to the canvas (again after "Fit").
    pub fitted: bool,
    /// The diagram has been shown once.
    pub opened: bool,
    /// Pan, if need be, so that the current relation is in view (after the keys moved to it).
    pub reveal: bool,
}

impl Default for View {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            pan: Vec2::ZERO,
            fitted: false,
            opened: false,
            reveal: false,
        }
    }
}

impl View {
    /// Zooms about the canvas centre.
    pub fn zoom_by(&mut self, factor: f32) {
        let zoom = (self.zoom * factor).clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
        self.pan *= zoom / self.zoom;
        self.zoom = zoom;
    }

    /// Zooms about a point of the screen, which stays where it is.
    fn zoom_at(&mut self, centre: Pos2, pointer: Pos2, factor: f32) {
        let under = self.to_layout(centre, pointer);
        self.zoom = (self.zoom * factor).clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
        self.pan = pointer - centre - vec2(under.x, under.y) * self.zoom;
    }

    fn to_screen(self, centre: Pos2, p: Point) -> Pos2 {
        centre + self.pan + vec2(p.x, p.y) * self.zoom
    }

    fn to_layout(self, centre: Pos2, s: Pos2) -> Point {
        let d = (s - centre - self.pan) / self.zoom;
        Point::new(d.x, d.y)
    }

    fn rect(self, centre: Pos2, r: &Rect) -> egui::Rect {
        egui::Rect::from_min_max(self.to_screen(centre, r.min), self.to_screen(centre, r.max))
    }

    /// `bounds` centred in `canvas`, as large as fits but no larger than its own size and no
    /// smaller than `smallest` (a big diagram in a narrow panel stays readable, and pans).
    fn fit(&mut self, bounds: Rect, canvas: egui::Rect, smallest: f32) {
        let margin = 16.0;
        let zx = (canvas.width() - 2.0 * margin) / bounds.width().max(1.0);
        let zy = (canvas.height() - 2.0 * margin) / bounds.height().max(1.0);
        self.zoom = zx.min(zy).clamp(smallest.max(*ZOOM_RANGE.start()), 1.0);
        let c = bounds.center();
        self.pan = -vec2(c.x, c.y) * self.zoom;
        self.fitted = true;
    }
}

/// A text laid out at a zoom, kept while the zoom stays.
#[derive(Clone, PartialEq, Eq, Hash)]
struct TextKey {
    text: String,
    size: u32,
    bold: bool,
    latin: bool,
    rtl: bool,
}

/// Texts laid out for the current zoom, with their glyph meshes.
#[derive(Default)]
pub(super) struct Texts {
    zoom: u32,
    laid: HashMap<TextKey, (Paragraph, f32, GlyphMesh)>,
}

fn colour([r, g, b]: Rgb) -> Color32 {
    Color32::from_rgb(r, g, b)
}

impl RelationsPanel {
    /// The canvas: handles pan, zoom, hover, clicks and drags, then draws the diagram.
    pub(super) fn canvas_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut PanelContext<'_>,
        size: Vec2,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let (canvas, background) = ui.allocate_exact_size(size, Sense::click_and_drag());
        let dark = cx.palette.text.r() > 128;
        let colours = Colours::new(dark);
        ui.painter_at(canvas)
            .rect_filled(canvas, 4.0, colour(colours.background));
        let Some(built) = &self.built else {
            return commands;
        };
        if !self.view.fitted {
            // On opening, readable first; "Fit" shows the whole of it however small.
            let smallest = if self.view.opened { 0.0 } else { READABLE_ZOOM };
            self.view
                .fit(built.diagram.layout.bounds(), canvas, smallest);
            self.view.opened = true;
        }
        if cx.has_keys {
            // The canvas holds egui's keyboard focus with Tab and the arrows its own, so that
            // Tab steps through relations instead of moving the focus through the window.
            background.request_focus();
            let filter = egui::EventFilter {
                tab: true,
                horizontal_arrows: true,
                vertical_arrows: true,
                escape: true,
            };
            ui.memory_mut(|m| m.set_focus_lock_filter(background.id, filter));
        }
        let centre = canvas.center();
        if std::mem::take(&mut self.view.reveal) {
            let label = self
                .current
                .and_then(|e| built.diagram.layout.labels.get(e));
            if let Some(label) = label {
                let on_screen = self.view.rect(centre, label);
                if !canvas.shrink(8.0).contains_rect(on_screen) {
                    self.view.pan += centre - on_screen.center();
                }
            }
        }
        if background.dragged() && self.drag.is_none() {
            self.view.pan += background.drag_delta();
        }
        if ui.rect_contains_pointer(canvas) {
            let zoom = ui.input(egui::InputState::zoom_delta);
            if let Some(pointer) = ui.input(|i| i.pointer.hover_pos()).filter(|_| zoom != 1.0) {
                self.view.zoom_at(centre, pointer, zoom);
            }
        }
        let layout = built.diagram.layout.clone();
        let graph = built.diagram.graph.clone();
        // Edges first and nodes last: a node's widget is on top where they meet.
        for (e, edge) in graph.edges.iter().enumerate() {
            let Some(label) = layout.labels.get(e).filter(|r| r.width() > 0.0) else {
                continue;
            };
            if !self.edge_shown(e) {
                continue;
            }
            let rect = self.view.rect(centre, label);
            let response =
                ui.interact(rect, ui.make_persistent_id(("relation", e)), Sense::click());
            let name = |n: usize| graph.nodes.get(n).map_or("", |x| x.name_en.as_str());
            let text = format!(
                "{} — {} — {}",
                name(edge.source),
                edge.label_en,
                name(edge.target)
            );
            response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &text));
            if response.clicked() {
                commands.extend(self.show_edge(e, cx));
            }
            if response.hovered() {
                edge_tooltip(&response, cx, &text, &edge.evidence);
            }
        }
        for (n, node) in graph.nodes.iter().enumerate() {
            let Some(rect) = layout.nodes.get(n) else {
                continue;
            };
            if !self.node_shown(n) {
                continue;
            }
            let rect = self.view.rect(centre, rect);
            let response = ui.interact(
                rect,
                ui.make_persistent_id(("entity", n)),
                Sense::click_and_drag(),
            );
            let text = format!(
                "{} ({}), named {} times",
                node.name_en,
                crate::colours::entity_kind_label(node.kind),
                node.mentions
            );
            response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &text));
            if response.clicked() {
                commands.extend(self.show_node(n, cx));
            }
            self.drag_node(n, &response, cx);
            if response.hovered() && !response.dragged() {
                node_tooltip(&response, cx, node.entity);
            }
        }
        self.paint(ui, cx, canvas);
        commands
    }

    /// Moves node `n` while it is dragged (the others stay), and pins it where it is dropped.
    fn drag_node(&mut self, n: usize, response: &Response, cx: &mut PanelContext<'_>) {
        let zoom = self.view.zoom;
        if response.drag_started() {
            let at = self
                .built
                .as_ref()
                .and_then(|b| b.diagram.layout.nodes.get(n))
                .map(Rect::center);
            self.drag = at.map(|p| (n, p));
        }
        let Some((dragged, at)) = self.drag.filter(|d| d.0 == n) else {
            return;
        };
        if response.dragged() {
            let delta = response.drag_delta() / zoom;
            let to = Point::new(at.x + delta.x, at.y + delta.y);
            self.drag = Some((dragged, to));
            if let Some(built) = self.built.as_mut() {
                // Everything pinned where it is: only the dragged node, its edges and labels move.
                let mut pins: Vec<Option<Point>> =
                    built.diagram.centres().into_iter().map(Some).collect();
                pins[n] = Some(to);
                built.diagram.relayout(&pins);
                built.items = drawing(&built.diagram, Colours::new(built.dark));
            }
        }
        if response.drag_stopped() {
            self.pin(n, at, cx);
            self.drag = None;
        }
    }

    /// Draws the picture: the halos of what the reader's sentence and the keys are on, then
    /// the items the filters let through.
    fn paint(&mut self, ui: &Ui, cx: &mut PanelContext<'_>, canvas: egui::Rect) {
        let Some(built) = &self.built else { return };
        let painter = ui.painter_at(canvas);
        let centre = canvas.center();
        let view = self.view;
        let graph = &built.diagram.graph;
        let layout = &built.diagram.layout;
        let reading = self.lit_edges(cx.reading.sentence);
        let mut halos: Vec<(usize, Color32)> =
            reading.iter().map(|&e| (e, cx.palette.word)).collect();
        if let Some(e) = self.current {
            halos.push((e, cx.palette.word_line));
        }
        for &(e, halo) in &halos {
            if !self.edge_shown(e) {
                continue;
            }
            let (Some(edge), Some(curve)) = (graph.edges.get(e), layout.curves.get(e)) else {
                continue;
            };
            let points: Vec<Pos2> = curve
                .polyline(16)
                .into_iter()
                .map(|p| view.to_screen(centre, p))
                .collect();
            painter.add(Shape::line(
                points,
                Stroke::new(10.0 * view.zoom.max(0.5), halo),
            ));
            for n in [edge.source, edge.target] {
                if let Some(r) = layout.nodes.get(n) {
                    let r = view.rect(centre, r).expand(5.0 * view.zoom.max(0.5));
                    painter.rect_filled(r, 9.0 * view.zoom, halo);
                }
            }
            if let Some(label) = layout.labels.get(e) {
                painter.rect_filled(view.rect(centre, label).expand(3.0), 4.0, halo);
            }
        }
        let zoom_bits = view.zoom.to_bits();
        if self.texts.zoom != zoom_bits {
            self.texts = Texts {
                zoom: zoom_bits,
                ..Texts::default()
            };
        }
        for (part, item) in &built.items {
            let shown = match *part {
                Part::Edge(e) | Part::Label(e) => self.edge_shown(e),
                Part::Node(n) => self.node_shown(n),
                _ => true,
            };
            if shown {
                paint_item(&painter, cx, &mut self.texts, view, centre, item);
            }
        }
    }
}

fn paint_item(
    painter: &egui::Painter,
    cx: &mut PanelContext<'_>,
    texts: &mut Texts,
    view: View,
    centre: Pos2,
    item: &Item,
) {
    let z = view.zoom;
    match item {
        Item::Box {
            rect,
            fill,
            stroke,
            width,
            radius,
        } => {
            let stroke = Stroke::new(width * z.max(0.6), colour(*stroke));
            painter.rect(
                view.rect(centre, rect),
                radius * z,
                colour(*fill),
                stroke,
                StrokeKind::Inside,
            );
        }
        Item::Curve {
            curve,
            colour: c,
            width,
            dashed,
        } => {
            let points: Vec<Pos2> = curve
                .polyline(16)
                .into_iter()
                .map(|p| view.to_screen(centre, p))
                .collect();
            let stroke = Stroke::new(width * z.max(0.6), colour(*c));
            if *dashed {
                painter.extend(Shape::dashed_line(&points, stroke, 6.0 * z, 4.0 * z));
            } else {
                painter.add(Shape::line(points, stroke));
            }
        }
        Item::Arrow {
            tip,
            direction,
            colour: c,
        } => {
            let points = arrow_corners(*tip, *direction)
                .map(|p| view.to_screen(centre, p))
                .to_vec();
            painter.add(Shape::convex_polygon(points, colour(*c), Stroke::NONE));
        }
        Item::Text {
            text,
            at,
            colour: c,
        } => {
            paint_text(
                painter,
                cx,
                texts,
                view.zoom,
                view.to_screen(centre, *at),
                text,
                colour(*c),
            );
        }
    }
}

/// Lays a measured text out again at the zoomed size (once per zoom) and paints it with its
/// box's top-left corner at `at`.
fn paint_text(
    painter: &egui::Painter,
    cx: &mut PanelContext<'_>,
    texts: &mut Texts,
    zoom: f32,
    at: Pos2,
    text: &MeasuredText,
    color: Color32,
) {
    if text.text.is_empty() || text.style.size * zoom < 3.0 {
        return;
    }
    let style = TextStyle {
        size: text.style.size * zoom,
        ..text.style
    };
    let key = TextKey {
        text: text.text.clone(),
        size: style.size.to_bits(),
        bold: style.bold,
        latin: style.latin,
        rtl: text.direction == crate::render::Direction::Rtl,
    };
    let (paragraph, left, mesh) = texts.laid.entry(key).or_insert_with(|| {
        let p = cx
            .typesetter
            .layout(&text.text, 0, style, text.direction, None);
        // A right-to-left line with no width limit may start left of zero.
        let left = p
            .runs()
            .flat_map(|r| r.glyphs.iter().map(|g| g.x))
            .fold(0.0, f32::min);
        (p, left, GlyphMesh::default())
    });
    let origin = at - vec2(*left, 0.0);
    cx.typesetter
        .paint_cached(painter, paragraph, origin, color, &[], mesh);
}

/// The sentences that state a relation, in Arabic (shaped) with their translations.
fn edge_tooltip(
    response: &Response,
    cx: &mut PanelContext<'_>,
    title: &str,
    evidence: &[crate::graph::Evidence],
) {
    response.clone().on_hover_ui(|ui| {
        ui.set_max_width(460.0);
        ui.strong(title);
        for v in evidence.iter().take(3) {
            sentence_ui(ui, cx, v.sentence);
        }
        if evidence.len() > 3 {
            ui.weak(format!("…and {} more sentences", evidence.len() - 3));
        }
        ui.weak("Click: show it in the text (again: the next sentence)");
    });
}

/// An entity's first mention, with its sentence.
fn node_tooltip(response: &Response, cx: &mut PanelContext<'_>, entity: usize) {
    let Some(e) = cx.analysis.entities.get(entity) else {
        return;
    };
    let (name, count, first) = (
        e.name_en.clone(),
        e.mentions.len(),
        e.mentions.first().map(|m| m.sentence),
    );
    response.clone().on_hover_ui(|ui| {
        ui.set_max_width(460.0);
        ui.strong(format!("{name}: named {count} times"));
        if let Some(s) = first {
            sentence_ui(ui, cx, s);
            ui.weak("Click: show it in the text (again: the next time it is named)");
        } else {
            ui.weak("The text implies it without naming it.");
        }
    });
}

fn sentence_ui(ui: &mut Ui, cx: &mut PanelContext<'_>, sentence: usize) {
    let style = TextStyle {
        size: 18.0,
        ..cx.style
    };
    let text = cx.doc.sentence_text(sentence).to_owned();
    cx.typesetter.label(ui, &text, style, cx.palette.text, true);
    if let Some(en) = cx.analysis.translation(sentence) {
        ui.label(egui::RichText::new(en).italics());
    }
}
