//! The diagram as a list of boxes, curves, arrows and measured texts on a page: what the PNG
//! and the SVG draw, item by item, so both show the same picture.

use cosmic_text::FontSystem;

use crate::colours::{Rgb, mix};
use crate::graph::diagram::{Diagram, MeasuredText};
use crate::graph::geometry::{Curve, Point, Rect, Size};
use crate::graph::legend::legend;
use crate::graph::model::Arrows;
use crate::graph::style::{self, Colours};
use crate::render::{Direction, TextStyle};

/// Space around the picture.
pub const MARGIN: f32 = 24.0;
/// Length of an arrowhead.
pub const ARROW: f32 = 10.0;

/// Which part of the diagram an item draws (SVG groups and names its items by it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Title,
    /// The sentence shown when there is nothing to draw.
    Empty,
    Edge(usize),
    Label(usize),
    Node(usize),
    Legend,
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A rounded box.
    Box {
        rect: Rect,
        fill: Rgb,
        stroke: Rgb,
        width: f32,
        radius: f32,
    },
    /// An edge or a line sample.
    Curve {
        curve: Curve,
        colour: Rgb,
        width: f32,
        dashed: bool,
    },
    /// A filled arrowhead whose tip is at `tip`, pointing along `direction` (unit length).
    Arrow {
        tip: Point,
        direction: Point,
        colour: Rgb,
    },
    /// Text whose box's top-left corner is `at`.
    Text {
        text: MeasuredText,
        at: Point,
        colour: Rgb,
    },
}

/// A picture: its size in points, background and items, back to front.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub size: Size,
    pub colours: Colours,
    pub items: Vec<(Part, Item)>,
    /// What was added to the layout's coordinates to place the drawing on the page.
    pub offset: Point,
}

/// What the picture of an empty diagram says, in English and Arabic.
pub const NO_RELATIONS_EN: &str =
    "This text states no relations between the people, states and places it names.";
pub const NO_RELATIONS_AR: &str = "لا يذكر هذا النص علاقات بين الأشخاص والدول والأماكن التي يسمّيها.";

impl Scene {
    /// The picture of `diagram`, with `title` (the article's headline) over it and a legend
    /// under it; a sentence saying there is nothing to draw when the graph is empty.
    #[must_use]
    pub fn new(
        diagram: &Diagram,
        title: Option<&str>,
        colours: Colours,
        fonts: &mut FontSystem,
    ) -> Self {
        let mut items: Vec<(Part, Item)> = Vec::new();
        let title = title.filter(|t| !t.trim().is_empty()).map(|t| {
            MeasuredText::new(
                fonts,
                t.trim(),
                TextStyle::new(diagram.font, 20.0).bold(),
                Direction::Rtl,
            )
        });
        let title_height = title.as_ref().map_or(0.0, |t| t.size.h + 12.0);
        let body = if diagram.graph.is_empty() {
            empty_message(diagram, fonts, colours)
        } else {
            drawing(diagram, colours)
        };
        let body_bounds = bounds(&body).unwrap_or_default();
        let legend_items = legend(diagram, colours, fonts);
        let legend_bounds = bounds(&legend_items);
        let width = [
            body_bounds.width(),
            title.as_ref().map_or(0.0, |t| t.size.w),
            legend_bounds.map_or(0.0, |b| b.width()),
        ]
        .into_iter()
        .fold(0.0, f32::max)
            + 2.0 * MARGIN;
        // The drawing centred under the title; the legend under it, from the left.
        let body_shift = Point::new(
            (width - body_bounds.width()) / 2.0 - body_bounds.min.x,
            MARGIN + title_height - body_bounds.min.y,
        );
        let mut height = MARGIN + title_height + body_bounds.height() + MARGIN;
        if let Some(t) = title {
            let at = Point::new(width - MARGIN - t.size.w, MARGIN);
            items.push((
                Part::Title,
                Item::Text {
                    text: t,
                    at,
                    colour: colours.text,
                },
            ));
        }
        items.extend(body.into_iter().map(|(p, i)| (p, shifted(i, body_shift))));
        if let Some(b) = legend_bounds {
            let shift = Point::new(MARGIN - b.min.x, height - b.min.y);
            items.extend(
                legend_items
                    .into_iter()
                    .map(|(p, i)| (p, shifted(i, shift))),
            );
            height += b.height() + MARGIN;
        }
        Self {
            size: Size::new(width.ceil(), height.ceil()),
            colours,
            items,
            offset: body_shift,
        }
    }
}

/// The sentence of an empty diagram, in English over Arabic.
fn empty_message(diagram: &Diagram, fonts: &mut FontSystem, colours: Colours) -> Vec<(Part, Item)> {
    let en = MeasuredText::new(
        fonts,
        NO_RELATIONS_EN,
        TextStyle {
            size: 15.0,
            ..style::name_en_style(diagram.font)
        },
        Direction::Auto,
    );
    let ar = MeasuredText::new(
        fonts,
        NO_RELATIONS_AR,
        TextStyle {
            size: 19.0,
            ..style::label_style(diagram.font)
        },
        Direction::Rtl,
    );
    let width = en.size.w.max(ar.size.w);
    let ar_at = Point::new((width - ar.size.w) / 2.0, 0.0);
    let en_at = Point::new((width - en.size.w) / 2.0, ar.size.h + 6.0);
    vec![
        (
            Part::Empty,
            Item::Text {
                text: ar,
                at: ar_at,
                colour: colours.text,
            },
        ),
        (
            Part::Empty,
            Item::Text {
                text: en,
                at: en_at,
                colour: colours.muted,
            },
        ),
    ]
}

/// Edges, their labels, the arrowheads (a label never hides which way an edge points), then
/// the nodes on top, in layout coordinates: the picture without title or legend, as the
/// panel draws it.
#[must_use]
pub fn drawing(diagram: &Diagram, colours: Colours) -> Vec<(Part, Item)> {
    let mut items = Vec::new();
    let mut arrows = Vec::new();
    let layout = &diagram.layout;
    for (e, edge) in diagram.graph.edges.iter().enumerate() {
        let Some(curve) = layout.curves.get(e) else {
            continue;
        };
        let colour = colours.group(edge.group);
        items.push((
            Part::Edge(e),
            Item::Curve {
                curve: *curve,
                colour,
                width: style::edge_width(edge.evidence.len()),
                dashed: edge.past,
            },
        ));
        if edge.arrows != Arrows::None {
            arrows.push((
                Part::Edge(e),
                Item::Arrow {
                    tip: curve.to,
                    direction: curve.tangent(1.0),
                    colour,
                },
            ));
        }
        if edge.arrows == Arrows::Both {
            let back = curve.tangent(0.0).scale(-1.0);
            arrows.push((
                Part::Edge(e),
                Item::Arrow {
                    tip: curve.from,
                    direction: back,
                    colour,
                },
            ));
        }
    }
    for (e, edge) in diagram.graph.edges.iter().enumerate() {
        let (Some(rect), Some(text), Some(&anchor)) = (
            layout.labels.get(e),
            diagram.labels.get(e),
            layout.anchors.get(e),
        ) else {
            continue;
        };
        if rect.width() <= 0.0 {
            continue;
        }
        let colour = colours.group(edge.group);
        if !rect.contains(anchor) {
            // The label had to move off its edge: a thin line leads back to it.
            let to = rect.boundary_toward(anchor);
            items.push((
                Part::Label(e),
                Item::Curve {
                    curve: Curve::bent(anchor, to, 0.0),
                    colour: mix(colour, colours.background, 0.4),
                    width: 0.8,
                    dashed: true,
                },
            ));
        }
        items.push((
            Part::Label(e),
            Item::Box {
                rect: *rect,
                fill: colours.label_fill,
                stroke: mix(colour, colours.background, 0.55),
                width: 0.8,
                radius: 3.0,
            },
        ));
        let [_, py] = style::LABEL_PADDING;
        let top = rect.min.y + py;
        if let Some(count) = &text.count {
            let at = Point::new(rect.min.x + text.count_offset(), top);
            items.push((
                Part::Label(e),
                Item::Text {
                    text: count.clone(),
                    at,
                    colour,
                },
            ));
        }
        let ar_at = Point::new(rect.min.x + text.label_ar_offset(), top);
        items.push((
            Part::Label(e),
            Item::Text {
                text: text.label_ar.clone(),
                at: ar_at,
                colour: colours.text,
            },
        ));
        let first = text
            .label_ar
            .size
            .h
            .max(text.count.as_ref().map_or(0.0, |c| c.size.h));
        let en_at = Point::new(rect.center().x - text.label_en.size.w / 2.0, top + first);
        items.push((
            Part::Label(e),
            Item::Text {
                text: text.label_en.clone(),
                at: en_at,
                colour: colours.muted,
            },
        ));
    }
    items.append(&mut arrows);
    for (n, node) in diagram.graph.nodes.iter().enumerate() {
        let (Some(rect), Some(text)) = (layout.nodes.get(n), diagram.nodes.get(n)) else {
            continue;
        };
        let colour = colours.entity(node.kind);
        items.push((
            Part::Node(n),
            Item::Box {
                rect: *rect,
                fill: colours.entity_fill(node.kind),
                stroke: colour,
                width: 1.5,
                radius: 6.0,
            },
        ));
        let [_, py] = style::NODE_PADDING;
        let cx = rect.center().x;
        let ar_at = Point::new(cx - text.name_ar.size.w / 2.0, rect.min.y + py);
        let en_at = Point::new(
            cx - text.name_en.size.w / 2.0,
            ar_at.y + text.name_ar.size.h,
        );
        items.push((
            Part::Node(n),
            Item::Text {
                text: text.name_ar.clone(),
                at: ar_at,
                colour,
            },
        ));
        items.push((
            Part::Node(n),
            Item::Text {
                text: text.name_en.clone(),
                at: en_at,
                colour: colours.muted,
            },
        ));
    }
    items
}

/// The box holding every item.
fn bounds<'a>(items: impl IntoIterator<Item = &'a (Part, Item)>) -> Option<Rect> {
    items
        .into_iter()
        .map(|(_, i)| item_bounds(i))
        .reduce(|a, b| a.union(&b))
}

fn item_bounds(item: &Item) -> Rect {
    match item {
        Item::Box { rect, .. } => *rect,
        Item::Curve { curve, width, .. } => {
            let p = curve.polyline(8);
            p.iter()
                .map(|&q| Rect::centered(q, Size::new(*width, *width)))
                .fold(Rect::centered(curve.from, Size::default()), |a, b| {
                    a.union(&b)
                })
        }
        Item::Arrow { tip, .. } => Rect::centered(*tip, Size::new(2.0 * ARROW, 2.0 * ARROW)),
        Item::Text { text, at, .. } => Rect {
            min: *at,
            max: at.plus(Point::new(text.size.w, text.size.h)),
        },
    }
}

/// The item moved by `by`.
#[must_use]
pub fn shifted(item: Item, by: Point) -> Item {
    match item {
        Item::Box {
            rect,
            fill,
            stroke,
            width,
            radius,
        } => Item::Box {
            rect: rect.translate(by),
            fill,
            stroke,
            width,
            radius,
        },
        Item::Curve {
            curve,
            colour,
            width,
            dashed,
        } => Item::Curve {
            curve: Curve {
                from: curve.from.plus(by),
                control: curve.control.plus(by),
                to: curve.to.plus(by),
            },
            colour,
            width,
            dashed,
        },
        Item::Arrow {
            tip,
            direction,
            colour,
        } => Item::Arrow {
            tip: tip.plus(by),
            direction,
            colour,
        },
        Item::Text { text, at, colour } => Item::Text {
            text,
            at: at.plus(by),
            colour,
        },
    }
}

/// The three corners of an arrowhead: the tip and the two barbs.
#[must_use]
pub fn arrow_corners(tip: Point, direction: Point) -> [Point; 3] {
    let back = tip.minus(direction.scale(ARROW));
    let side = direction.perpendicular().scale(ARROW * 0.45);
    [tip, back.plus(side), back.minus(side)]
}
