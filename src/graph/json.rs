//! The diagram as JSON for scripts: nodes with their names, kind, position and box; edges with
//! their kind, group, labels, count and the sentences that state them (with byte ranges).

use serde::Serialize;

use crate::analysis::{Analysis, Document, EntityKind};
use crate::graph::geometry::{Point, Rect};
use crate::graph::scene::{NO_RELATIONS_EN, Scene};
use crate::graph::{Arrows, Diagram};

#[derive(Serialize)]
struct GraphJson<'a> {
    source: &'a str,
    /// The picture's size in points (the SVG's and, times the scale, the PNG's).
    width: f32,
    height: f32,
    /// Why the diagram is empty, when it is.
    message: Option<&'static str>,
    nodes: Vec<NodeJson<'a>>,
    edges: Vec<EdgeJson<'a>>,
}

#[derive(Serialize)]
struct NodeJson<'a> {
    id: &'a str,
    name_ar: &'a str,
    name_en: &'a str,
    kind: EntityKind,
    mentions: usize,
    degree: usize,
    /// The centre of its box.
    position: PointJson,
    #[serde(rename = "box")]
    rect: BoxJson,
}

#[derive(Serialize)]
struct EdgeJson<'a> {
    source: &'a str,
    target: &'a str,
    kind: &'a str,
    group: &'static str,
    label_ar: &'a str,
    label_en: &'a str,
    count: Option<u32>,
    past: bool,
    directed: bool,
    /// The text states it each way (arrows at both ends).
    both_ways: bool,
    label_box: BoxJson,
    sentences: Vec<SentenceJson<'a>>,
}

#[derive(Serialize)]
struct SentenceJson<'a> {
    index: usize,
    text: &'a str,
    translation_en: Option<&'a str>,
    /// The two entities' mentions in it, as byte ranges of the document.
    marks: Vec<MarkJson<'a>>,
}

#[derive(Serialize)]
struct MarkJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct PointJson {
    x: f32,
    y: f32,
}

#[derive(Serialize)]
struct BoxJson {
    x: f32,
    y: f32,
    w: f32,
    h: f32,
}

fn point(p: Point) -> PointJson {
    PointJson {
        x: round(p.x),
        y: round(p.y),
    }
}

fn rect(r: Rect) -> BoxJson {
    BoxJson {
        x: round(r.min.x),
        y: round(r.min.y),
        w: round(r.width()),
        h: round(r.height()),
    }
}

/// To a tenth of a point: finer means nothing on screen and only makes diffs noisy.
fn round(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}

/// `diagram` as pretty-printed JSON, positions in the coordinates of `scene` (the SVG's).
#[must_use]
pub fn diagram_json(
    doc: &Document,
    analysis: &Analysis,
    diagram: &Diagram,
    scene: &Scene,
) -> String {
    let graph = &diagram.graph;
    let at = |r: Rect| r.translate(scene.offset);
    let nodes = graph
        .nodes
        .iter()
        .zip(&diagram.layout.nodes)
        .map(|(n, &r)| NodeJson {
            id: &n.id,
            name_ar: &n.name_ar,
            name_en: &n.name_en,
            kind: n.kind,
            mentions: n.mentions,
            degree: n.degree,
            position: point(at(r).center()),
            rect: rect(at(r)),
        })
        .collect();
    let edges = graph
        .edges
        .iter()
        .zip(&diagram.layout.labels)
        .map(|(e, &label)| EdgeJson {
            source: graph.nodes.get(e.source).map_or("", |n| n.id.as_str()),
            target: graph.nodes.get(e.target).map_or("", |n| n.id.as_str()),
            kind: &e.kind,
            group: e.group.id(),
            label_ar: &e.label_ar,
            label_en: &e.label_en,
            count: e.count,
            past: e.past,
            directed: e.directed(),
            both_ways: e.arrows == Arrows::Both,
            label_box: rect(at(label)),
            sentences: e
                .evidence
                .iter()
                .map(|v| SentenceJson {
                    index: v.sentence,
                    text: doc.sentence_text(v.sentence),
                    translation_en: analysis.translation(v.sentence),
                    marks: v
                        .marks
                        .iter()
                        .map(|m| MarkJson {
                            start: m.start,
                            end: m.end,
                            text: doc.slice(m),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let json = GraphJson {
        source: &doc.source,
        width: scene.size.w,
        height: scene.size.h,
        message: graph.is_empty().then_some(NO_RELATIONS_EN),
        nodes,
        edges,
    };
    serde_json::to_string_pretty(&json).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}")) + "\n"
}
