//! The legend under the picture: what the edge colours, dashes, arrows, counts and node colours mean.

use cosmic_text::FontSystem;

use crate::colours::{ENTITY_KINDS, entity_kind_label};
use crate::graph::diagram::{Diagram, MeasuredText};
use crate::graph::geometry::{Curve, Point, Rect, Size};
use crate::graph::model::{Arrows, Group};
use crate::graph::scene::{Item, Part};
use crate::graph::style::{self, Colours};
use crate::render::Direction;

/// Width of a sample (a line, a box) in front of its words.
const SAMPLE: f32 = 30.0;
/// Space between entries.
const SPACING: f32 = 18.0;
/// The legend wraps at this width, or at the drawing's if that is wider.
const MIN_ROW: f32 = 620.0;

enum Sample {
    Line {
        group: Group,
        dashed: bool,
        arrow: bool,
    },
    Count,
    Kind(crate::analysis::EntityKind),
    /// Words only: what they explain is the drawing itself.
    None,
}

/// The legend's items (top-left at the origin), listing only what the diagram shows; none for
/// an empty diagram.
#[must_use]
pub fn legend(diagram: &Diagram, colours: Colours, fonts: &mut FontSystem) -> Vec<(Part, Item)> {
    let graph = &diagram.graph;
    if graph.is_empty() {
        return Vec::new();
    }
    let mut entries: Vec<(Sample, String)> = Vec::new();
    for group in Group::ALL {
        if graph.edges.iter().any(|e| e.group == group) {
            let words = format!("{} · {}", group.label_en(), group.label_ar());
            entries.push((
                Sample::Line {
                    group,
                    dashed: false,
                    arrow: false,
                },
                words,
            ));
        }
    }
    if graph.edges.iter().any(|e| e.past) {
        let line = Sample::Line {
            group: Group::Other,
            dashed: true,
            arrow: false,
        };
        entries.push((line, "former relation".to_owned()));
    }
    if graph.edges.iter().any(|e| e.arrows != Arrows::None) {
        let line = Sample::Line {
            group: Group::Other,
            dashed: false,
            arrow: true,
        };
        entries.push((line, "one way: from who did it to whom".to_owned()));
    }
    if graph.edges.iter().any(|e| e.count.is_some()) {
        entries.push((Sample::Count, "times, as the text counts them".to_owned()));
    }
    for kind in ENTITY_KINDS {
        if graph.nodes.iter().any(|n| n.kind == kind) {
            entries.push((Sample::Kind(kind), entity_kind_label(kind).to_owned()));
        }
    }
    entries.push((Sample::None, "larger name: named more often".to_owned()));
    let row_width = MIN_ROW.max(diagram.layout.bounds().width());
    let words_style = style::label_en_style(diagram.font);
    let words_style = crate::render::TextStyle {
        size: 11.0,
        ..words_style
    };
    let mut items = Vec::new();
    let (mut x, mut y, mut row_height) = (0.0, 0.0, 0.0_f32);
    for (sample, words) in entries {
        let text = MeasuredText::new(fonts, &words, words_style, Direction::Auto);
        let width = SAMPLE + 6.0 + text.size.w;
        if x > 0.0 && x + width > row_width {
            x = 0.0;
            y += row_height + 6.0;
            row_height = 0.0;
        }
        let middle = y + text.size.h / 2.0;
        sample_items(
            &sample,
            Point::new(x, middle),
            colours,
            diagram,
            fonts,
            &mut items,
        );
        row_height = row_height.max(text.size.h);
        let at = Point::new(x + SAMPLE + 6.0, y);
        items.push((
            Part::Legend,
            Item::Text {
                text,
                at,
                colour: colours.muted,
            },
        ));
        x += width + SPACING;
    }
    items
}

/// The sample of an entry, its left end at `left` and centred on `left.y`.
fn sample_items(
    sample: &Sample,
    left: Point,
    colours: Colours,
    diagram: &Diagram,
    fonts: &mut FontSystem,
    items: &mut Vec<(Part, Item)>,
) {
    match *sample {
        Sample::Line {
            group,
            dashed,
            arrow,
        } => {
            let colour = if dashed || arrow {
                colours.muted
            } else {
                colours.group(group)
            };
            let to = left.plus(Point::new(SAMPLE, 0.0));
            items.push((
                Part::Legend,
                Item::Curve {
                    curve: Curve::bent(left, to, 0.0),
                    colour,
                    width: 2.5,
                    dashed,
                },
            ));
            if arrow {
                items.push((
                    Part::Legend,
                    Item::Arrow {
                        tip: to,
                        direction: Point::new(1.0, 0.0),
                        colour,
                    },
                ));
            }
        }
        Sample::Count => {
            let style = style::label_en_style(diagram.font).bold();
            let text = MeasuredText::new(fonts, "×3", style, Direction::Auto);
            let at = Point::new(
                left.x + (SAMPLE - text.size.w) / 2.0,
                left.y - text.size.h / 2.0,
            );
            items.push((
                Part::Legend,
                Item::Text {
                    text,
                    at,
                    colour: colours.text,
                },
            ));
        }
        Sample::Kind(kind) => {
            let rect = Rect::centered(
                left.plus(Point::new(SAMPLE / 2.0, 0.0)),
                Size::new(22.0, 13.0),
            );
            items.push((
                Part::Legend,
                Item::Box {
                    rect,
                    fill: colours.entity_fill(kind),
                    stroke: colours.entity(kind),
                    width: 1.5,
                    radius: 3.0,
                },
            ));
        }
        Sample::None => {}
    }
}
