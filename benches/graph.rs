//! Speed of the relations diagram's layout on the bundled article, next to a baseline in the
//! same run: fjadra (a d3-force port) laying out the same graph with the same box sizes.

use criterion::{Criterion, criterion_group, criterion_main};
use dars::analysis::{Document, analyze};
use dars::graph::diagram::{LabelText, NodeText};
use dars::graph::geometry::{Point, Rect, Size, segments_cross};
use dars::graph::{Diagram, Graph, LayoutInput, Nodes, layout};
use dars::render::FontChoice;
use dars::render::fonts::bundled_font_system;
use fjadra::{Collide, Link, ManyBody, Node, SimulationBuilder};

/// The d3-force layout of the same graph: links as long as the diagram's, boxes as circles
/// that collide, run until it cools down (300 ticks, d3's default).
fn force_layout(sizes: &[Size], pairs: &[(usize, usize)], labels: &[Size]) -> Vec<Point> {
    let radii: Vec<f64> = sizes
        .iter()
        .map(|s| f64::from(s.w.hypot(s.h)) / 2.0)
        .collect();
    let lengths: Vec<f64> = pairs
        .iter()
        .zip(labels)
        .map(|(&(a, b), l)| radii[a] + radii[b] + f64::from(l.w))
        .collect();
    let collide_radii = radii.clone();
    let mut sim = SimulationBuilder::default()
        .build(sizes.iter().map(|_| Node::default()))
        .add_force(
            "link",
            Link::new(pairs.iter().copied()).distance(move |_: &_, i: usize| lengths[i]),
        )
        .add_force("charge", ManyBody::new())
        .add_force("collide", Collide::new().radius(move |i| collide_radii[i]));
    sim.tick(300);
    #[expect(clippy::cast_possible_truncation, reason = "screen coordinates")]
    sim.positions()
        .map(|[x, y]| Point::new(x as f32, y as f32))
        .collect()
}

fn overlapping_pairs(sizes: &[Size], centres: &[Point]) -> usize {
    let boxes: Vec<Rect> = centres
        .iter()
        .zip(sizes)
        .map(|(&c, &s)| Rect::centered(c, s))
        .collect();
    let mut n = 0;
    for i in 0..boxes.len() {
        for j in i + 1..boxes.len() {
            n += usize::from(boxes[i].overlaps(&boxes[j]));
        }
    }
    n
}

fn straight_crossings(centres: &[Point], pairs: &[(usize, usize)]) -> usize {
    let mut n = 0;
    for (i, &(a, b)) in pairs.iter().enumerate() {
        for &(c, d) in &pairs[i + 1..] {
            let shared = a == c || a == d || b == c || b == d;
            n += usize::from(
                !shared && segments_cross(centres[a], centres[b], centres[c], centres[d]),
            );
        }
    }
    n
}

fn graph_layout(c: &mut Criterion) {
    let doc = Document::bundled();
    let analysis = analyze(&doc);
    let graph = Graph::from_analysis(&doc, &analysis, Nodes::Related);
    let mut fonts = bundled_font_system();
    let diagram = Diagram::new(graph.clone(), &mut fonts, FontChoice::Naskh, &[]);
    let sizes: Vec<Size> = diagram.nodes.iter().map(NodeText::box_size).collect();
    let labels: Vec<Size> = diagram.labels.iter().map(LabelText::box_size).collect();
    let pairs = graph.pairs();
    let input = LayoutInput {
        node_sizes: &sizes,
        edges: &pairs,
        label_sizes: &labels,
        pinned: &[],
    };

    // What each layout looks like, printed once beside the timings.
    let ours = layout(&input);
    let ours_centres: Vec<Point> = ours.nodes.iter().map(Rect::center).collect();
    let force = force_layout(&sizes, &pairs, &labels);
    eprintln!(
        "bundled article, {} nodes, {} edges: overlapping node boxes dars {} / d3-force {}; \
         crossings dars {} / d3-force {}",
        sizes.len(),
        pairs.len(),
        overlapping_pairs(&sizes, &ours_centres),
        overlapping_pairs(&sizes, &force),
        straight_crossings(&ours_centres, &pairs),
        straight_crossings(&force, &pairs),
    );

    let mut group = c.benchmark_group("graph layout of the bundled article");
    group.bench_function(
        "dars: stress SGD, overlap removal, packing, edge labels",
        |b| {
            b.iter(|| layout(&input));
        },
    );
    group.bench_function(
        "baseline: fjadra d3-force, 300 ticks (node positions only)",
        |b| {
            b.iter(|| force_layout(&sizes, &pairs, &labels));
        },
    );
    group.bench_function(
        "dars: measure every name and label, then lay out (Diagram::new)",
        |b| {
            b.iter(|| Diagram::new(graph.clone(), &mut fonts, FontChoice::Naskh, &[]));
        },
    );
    group.finish();
}

criterion_group!(benches, graph_layout);
criterion_main!(benches);
