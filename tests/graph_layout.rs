//! The diagram's layout on random graphs: node boxes never overlap, labels sit on no node and no
//! other label, coordinates are finite, the same input gives the same picture, and it never
//! panics, from the empty graph to 200 nodes.

use dars::graph::geometry::{Point, Rect, Size};
use dars::graph::{Layout, LayoutInput, layout};
use proptest::prelude::*;

/// What a test graph is made of.
#[derive(Clone, Debug)]
struct Case {
    nodes: Vec<Size>,
    edges: Vec<(usize, usize)>,
    labels: Vec<Size>,
}

impl Case {
    fn layout(&self, pinned: &[Option<Point>]) -> Layout {
        layout(&LayoutInput {
            node_sizes: &self.nodes,
            edges: &self.edges,
            label_sizes: &self.labels,
            pinned,
        })
    }
}

fn case(max_nodes: usize) -> impl Strategy<Value = Case> {
    (0..=max_nodes)
        .prop_flat_map(|n| {
            let size = (20.0f32..220.0, 14.0f32..60.0).prop_map(|(w, h)| Size::new(w, h));
            let label = (0.0f32..160.0, 10.0f32..34.0).prop_map(|(w, h)| Size::new(w, h));
            let edge = (0..n.max(1), 0..n.max(1));
            (
                proptest::collection::vec(size, n),
                proptest::collection::vec((edge, label), 0..(2 * n + 1)),
            )
        })
        .prop_map(|(nodes, edges)| Case {
            nodes,
            labels: edges.iter().map(|e| e.1).collect(),
            edges: edges.into_iter().map(|e| e.0).collect(),
        })
}

/// Pairs of boxes that overlap, as indices.
fn overlaps(boxes: &[Rect]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..boxes.len() {
        for j in i + 1..boxes.len() {
            if boxes[i].width() > 0.0 && boxes[j].width() > 0.0 && boxes[i].overlaps(&boxes[j]) {
                out.push((i, j));
            }
        }
    }
    out
}

fn all_finite(l: &Layout) -> bool {
    let rect = |r: &Rect| r.min.is_finite() && r.max.is_finite();
    l.nodes.iter().all(rect)
        && l.labels.iter().all(rect)
        && l.anchors.iter().all(|p| p.is_finite())
        && l.curves
            .iter()
            .all(|c| c.from.is_finite() && c.control.is_finite() && c.to.is_finite())
}

/// Checks everything a reader of the diagram would notice, and says what failed.
fn check(case: &Case, l: &Layout) -> Result<(), TestCaseError> {
    prop_assert!(all_finite(l), "a coordinate is not finite");
    prop_assert_eq!(l.nodes.len(), case.nodes.len());
    prop_assert_eq!(l.labels.len(), case.edges.len());
    for (r, s) in l.nodes.iter().zip(&case.nodes) {
        prop_assert!((r.width() - s.w).abs() < 0.01 && (r.height() - s.h).abs() < 0.01);
    }
    let nodes = overlaps(&l.nodes);
    prop_assert!(nodes.is_empty(), "node boxes overlap: {:?}", nodes);
    let mut all: Vec<Rect> = l.nodes.clone();
    all.extend(l.labels.iter().copied());
    let covered = overlaps(&all);
    prop_assert!(
        covered.is_empty(),
        "a label covers a node or a label: {:?}",
        covered
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_graphs_are_laid_out_without_overlaps(case in case(40)) {
        let l = case.layout(&[]);
        check(&case, &l)?;
        prop_assert_eq!(&l, &case.layout(&[]), "the same graph gave another layout");
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn pinned_nodes_stay_where_the_user_put_them(case in case(20), pick in 0usize..1000) {
        prop_assume!(!case.nodes.is_empty());
        let first = case.layout(&[]);
        // The user drags one node 300 points to the right, onto empty space.
        let moved = pick % case.nodes.len();
        let to = Point::new(first.bounds().max.x + 300.0, first.nodes[moved].center().y);
        let mut pinned = vec![None; case.nodes.len()];
        pinned[moved] = Some(to);
        let again = case.layout(&pinned);
        // To rounding: the box is stored by its corners.
        let off = again.nodes[moved].center().minus(to).length();
        prop_assert!(off < 1e-3, "the dragged node moved by {}", off);
        check(&case, &again)?;
    }
}

fn sizes(n: usize) -> Vec<Size> {
    (0..n)
        .map(|i| Size::new(60.0 + (i % 7) as f32 * 20.0, 40.0))
        .collect()
}

#[test]
fn no_nodes_one_node_and_two_nodes_give_finite_layouts() {
    for n in 0..=2 {
        let edges: Vec<(usize, usize)> = if n == 2 { vec![(0, 1)] } else { vec![] };
        let case = Case {
            nodes: sizes(n),
            labels: vec![Size::new(80.0, 20.0); edges.len()],
            edges,
        };
        let l = case.layout(&[]);
        check(&case, &l).unwrap_or_else(|e| panic!("{n} nodes: {e}"));
    }
}

#[test]
fn two_hundred_nodes_are_laid_out_without_overlaps() {
    // A sparse random graph of 200 nodes: a tree plus a few extra edges, fixed seed.
    let mut rng = dars::graph::layout::SplitMix::new(200);
    let mut edges: Vec<(usize, usize)> = (1..200).map(|i| (rng.below(i), i)).collect();
    edges.extend((0..40).map(|_| (rng.below(200), rng.below(200))));
    let case = Case {
        nodes: sizes(200),
        labels: vec![Size::new(90.0, 24.0); edges.len()],
        edges,
    };
    let l = case.layout(&[]);
    check(&case, &l).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn absurd_sizes_and_edges_out_of_range_do_not_break_the_layout() {
    let nodes = vec![
        Size::new(f32::NAN, 10.0),
        Size::new(-5.0, f32::INFINITY),
        Size::new(50.0, 20.0),
    ];
    let edges = vec![(0, 1), (1, 7), (2, 2), (2, 0)];
    let pinned = vec![Some(Point::new(f32::NAN, 0.0))];
    let l = layout(&LayoutInput {
        node_sizes: &nodes,
        edges: &edges,
        label_sizes: &[],
        pinned: &pinned,
    });
    assert!(all_finite(&l));
    assert_eq!(l.curves.len(), 4);
}

#[test]
fn disconnected_parts_are_packed_side_by_side() {
    // Three separate pairs: each pair's box is apart from the others'.
    let case = Case {
        nodes: sizes(6),
        edges: vec![(0, 1), (2, 3), (4, 5)],
        labels: vec![Size::new(70.0, 22.0); 3],
    };
    let l = case.layout(&[]);
    let part = |a: usize, b: usize| l.nodes[a].union(&l.nodes[b]);
    let parts = [part(0, 1), part(2, 3), part(4, 5)];
    assert!(overlaps(&parts).is_empty(), "{parts:?}");
    // Side by side, not stacked far apart: the whole is wider than tall.
    let all = l.bounds();
    assert!(all.width() > all.height(), "{all:?}");
}

#[test]
fn the_most_connected_node_is_near_the_middle() {
    // A hub with eight spokes, two of which continue outwards.
    let mut edges: Vec<(usize, usize)> = (1..9).map(|i| (0, i)).collect();
    edges.extend([(1, 9), (2, 10)]);
    let case = Case {
        nodes: sizes(11),
        labels: vec![Size::new(60.0, 20.0); edges.len()],
        edges,
    };
    let l = case.layout(&[]);
    let centre = l.bounds().center();
    let from_centre: Vec<f32> = l
        .nodes
        .iter()
        .map(|r| r.center().minus(centre).length())
        .collect();
    let hub = from_centre[0];
    let nearer = from_centre.iter().filter(|&&d| d < hub).count();
    assert!(
        nearer <= 1,
        "{nearer} nodes are nearer the middle than the hub: {from_centre:?}"
    );
}

#[test]
fn a_planar_graph_is_drawn_without_crossings() {
    // A wheel: a hub and a ring of seven; stress layout draws it as a wheel, with no crossing.
    let mut edges: Vec<(usize, usize)> = (1..8).map(|i| (0, i)).collect();
    edges.extend((1..8).map(|i| (i, i % 7 + 1)));
    let case = Case {
        nodes: sizes(8),
        labels: vec![Size::new(50.0, 18.0); edges.len()],
        edges,
    };
    let l = case.layout(&[]);
    assert_eq!(l.crossings(&case.edges), 0);
}
