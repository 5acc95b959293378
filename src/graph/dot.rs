//! The diagram in Graphviz DOT: Arabic names and labels as UTF-8 HTML-like labels that `dot`
//! lays out itself, and the app's own positions as `pos` for `neato -n`.

use std::fmt::Write as _;

use crate::colours::hex;
use crate::graph::Diagram;
use crate::graph::model::Arrows;
use crate::graph::scene::{NO_RELATIONS_AR, NO_RELATIONS_EN};
use crate::graph::style::{self, Colours};
use crate::graph::svg::escape;

/// `diagram` as a DOT digraph (undirected relations have `dir=none`).
#[must_use]
pub fn diagram_dot(diagram: &Diagram, title: Option<&str>) -> String {
    let colours = Colours::new(false);
    let arabic = diagram.font.family();
    let mut out = String::new();
    out.push_str("digraph relations {\n");
    let _ = writeln!(
        out,
        r#"  graph [charset="UTF-8", fontname="{arabic}", labelloc=t, fontsize=20];"#
    );
    let _ = writeln!(
        out,
        r#"  node [shape=box, style="rounded,filled", fontname="{arabic}", margin="0.15,0.06"];"#
    );
    let _ = writeln!(
        out,
        r#"  edge [fontname="{arabic}", fontsize={}];"#,
        style::LABEL_SIZE
    );
    let heading = if diagram.graph.is_empty() {
        Some(two_lines(NO_RELATIONS_AR, NO_RELATIONS_EN, colours))
    } else {
        title.map(escape)
    };
    if let Some(heading) = heading {
        let _ = writeln!(out, "  label=<{heading}>;");
    }
    for (n, node) in diagram.graph.nodes.iter().enumerate() {
        let colour = colours.entity(node.kind);
        let size = style::name_style(diagram.font, node.mentions).size;
        let _ = write!(
            out,
            r#"  "{}" [label=<{}>, color="{}", fillcolor="{}", fontcolor="{}", fontsize={size}"#,
            id(&node.id),
            two_lines(&escape(&node.name_ar), &node.name_en, colours),
            hex(colour),
            hex(colours.entity_fill(node.kind)),
            hex(colour),
        );
        if let Some(rect) = diagram.layout.nodes.get(n) {
            // Graphviz's y axis points up.
            let c = rect.center();
            let _ = write!(out, r#", pos="{:.1},{:.1}""#, c.x, -c.y);
        }
        out.push_str("];\n");
    }
    for edge in &diagram.graph.edges {
        let (Some(source), Some(target)) = (
            diagram.graph.nodes.get(edge.source),
            diagram.graph.nodes.get(edge.target),
        ) else {
            continue;
        };
        // Graphviz's SVG text is left to right: the count goes first, in the same run as the
        // Arabic (a run of its own would be placed by Graphviz's guess at the Arabic's width),
        // so that it stands left of the Arabic, where a right-to-left line ends.
        let count = edge.count.map_or_else(String::new, |n| format!("×{n} "));
        let dir = match edge.arrows {
            Arrows::None => "none",
            Arrows::Forward => "forward",
            Arrows::Both => "both",
        };
        let style = if edge.past { "dashed" } else { "solid" };
        let _ = writeln!(
            out,
            r#"  "{}" -> "{}" [label=<{}>, color="{}", fontcolor="{}", dir={dir}, style={style}, penwidth={:.2}, class="{}"];"#,
            id(&source.id),
            id(&target.id),
            two_lines(
                &format!("{count}{}", escape(&edge.label_ar)),
                &edge.label_en,
                colours
            ),
            hex(colours.group(edge.group)),
            hex(colours.text),
            style::edge_width(edge.evidence.len()),
            edge.group.id(),
        );
    }
    out.push_str("}\n");
    out
}

/// An id inside DOT's double quotes.
fn id(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// An Arabic line (already HTML) over English words in a smaller Latin face. A table rather
/// than a line break: Graphviz underestimates the height of Naskh lines, and a cell per line
/// keeps the English from running into the Arabic.
fn two_lines(arabic: &str, english: &str, colours: Colours) -> String {
    format!(
        r#"<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1"><TR><TD>{arabic}</TD></TR><TR><TD><FONT FACE="Noto Sans" POINT-SIZE="{}" COLOR="{}">{}</FONT></TD></TR></TABLE>"#,
        style::NAME_EN_SIZE,
        hex(colours.muted),
        escape(english)
    )
}
