//! The diagram as SVG with its text as real text (font families named, right-to-left where
//! Arabic), so a browser shapes it and a teacher can edit it.

use std::fmt::Write as _;

use crate::colours::{Rgb, hex};
use crate::graph::diagram::{Diagram, MeasuredText};
use crate::graph::geometry::{Curve, Rect};
use crate::graph::scene::{Item, Part, Scene, arrow_corners};
use crate::render::Direction;

/// The scene as an SVG document. `diagram` names the groups (node and edge titles show as
/// tooltips in a browser).
#[must_use]
pub fn scene_svg(scene: &Scene, diagram: &Diagram) -> String {
    let (w, h) = (scene.size.w, scene.size.h);
    let mut out = String::new();
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="'Noto Sans', 'DejaVu Sans', sans-serif">"#
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&title_of(diagram)));
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        hex(scene.colours.background)
    );
    let mut open: Option<Part> = None;
    let mut seen: Vec<Part> = Vec::new();
    for (part, item) in &scene.items {
        if open != Some(*part) {
            if open.is_some() {
                out.push_str("</g>\n");
            }
            // A part drawn in two places (an edge's line and its arrowhead) is named once.
            let first = !seen.contains(part);
            open_group(&mut out, *part, diagram, first);
            seen.push(*part);
            open = Some(*part);
        }
        item_svg(&mut out, item);
    }
    if open.is_some() {
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

fn title_of(diagram: &Diagram) -> String {
    if diagram.graph.is_empty() {
        "Relations: none stated".to_owned()
    } else {
        format!(
            "Relations: {} entities, {} relations",
            diagram.graph.nodes.len(),
            diagram.graph.edges.len()
        )
    }
}

fn open_group(out: &mut String, part: Part, diagram: &Diagram, first: bool) {
    let graph = &diagram.graph;
    let (class, id, tip) = match part {
        Part::Title => ("title", String::new(), None),
        Part::Empty => ("empty", String::new(), None),
        Part::Legend => ("legend", String::new(), None),
        Part::Node(n) => (
            "node",
            graph
                .nodes
                .get(n)
                .map_or_else(String::new, |x| format!("node-{}", x.id)),
            graph
                .nodes
                .get(n)
                .map(|x| format!("{} ({})", x.name_en, x.name_ar)),
        ),
        Part::Edge(e) | Part::Label(e) => (
            if matches!(part, Part::Edge(_)) {
                "edge"
            } else {
                "edge-label"
            },
            format!(
                "{}-{e}",
                if matches!(part, Part::Edge(_)) {
                    "edge"
                } else {
                    "label"
                }
            ),
            graph.edges.get(e).map(|x| {
                let name = |i: usize| graph.nodes.get(i).map_or("", |n| n.name_en.as_str());
                format!("{} — {} — {}", name(x.source), x.label_en, name(x.target))
            }),
        ),
    };
    let _ = write!(out, r#"<g class="{class}""#);
    if !id.is_empty() && first {
        let _ = write!(out, r#" id="{}""#, escape(&id));
    }
    out.push_str(">\n");
    if let Some(tip) = tip.filter(|_| first) {
        let _ = writeln!(out, "<title>{}</title>", escape(&tip));
    }
}

fn item_svg(out: &mut String, item: &Item) {
    match item {
        Item::Box {
            rect,
            fill,
            stroke,
            width,
            radius,
        } => {
            let Rect { min, .. } = rect;
            let _ = writeln!(
                out,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{radius}" fill="{}" stroke="{}" stroke-width="{width}"/>"#,
                min.x,
                min.y,
                rect.width(),
                rect.height(),
                hex(*fill),
                hex(*stroke)
            );
        }
        Item::Curve {
            curve,
            colour,
            width,
            dashed,
        } => {
            let Curve { from, control, to } = curve;
            let dash = if *dashed {
                r#" stroke-dasharray="6 4""#
            } else {
                ""
            };
            let _ = writeln!(
                out,
                r#"<path d="M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}" fill="none" stroke="{}" stroke-width="{width:.2}" stroke-linecap="round"{dash}/>"#,
                from.x,
                from.y,
                control.x,
                control.y,
                to.x,
                to.y,
                hex(*colour)
            );
        }
        Item::Arrow {
            tip,
            direction,
            colour,
        } => {
            let [a, b, c] = arrow_corners(*tip, *direction);
            let _ = writeln!(
                out,
                r#"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{}"/>"#,
                a.x,
                a.y,
                b.x,
                b.y,
                c.x,
                c.y,
                hex(*colour)
            );
        }
        Item::Text { text, at, colour } => text_svg(out, text, at.x, at.y, *colour),
    }
}

/// One line of text, centred on its measured box, on the baseline the app's engine found.
/// Arabic gets `direction="rtl"` so a browser orders it (and any numbers in it) as the app does.
fn text_svg(out: &mut String, text: &MeasuredText, x: f32, y: f32, colour: Rgb) {
    if text.text.is_empty() {
        return;
    }
    let family = if text.style.latin {
        "'Noto Sans', 'DejaVu Sans', sans-serif".to_owned()
    } else {
        // The chosen face first, then the other bundled one (both are Debian packages).
        let other = text.style.font.toggled().family();
        format!("'{}', '{other}', serif", text.style.font.family())
    };
    let rtl = text.direction == Direction::Rtl;
    let bidi = if rtl {
        r#" direction="rtl" unicode-bidi="embed""#
    } else {
        ""
    };
    let weight = if text.style.bold {
        r#" font-weight="bold""#
    } else {
        ""
    };
    let _ = writeln!(
        out,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-family="{family}" font-size="{}"{weight} fill="{}"{bidi}>{}</text>"#,
        x + text.size.w / 2.0,
        y + text.baseline,
        text.style.size,
        hex(colour),
        escape(&text.text)
    );
}

/// Text made safe for XML content and attribute values.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids outright (controls other than tab and newlines).
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}
