//! Where the diagram's nodes, edges and labels go: stress layout on graph distances, node boxes
//! pushed apart, parts packed side by side, then labels placed clear of nodes and each other.
//!
//! The caller measures every box (node names, edge labels) with the app's text engine and
//! passes the sizes in, so the panel, the PNG and the SVG lay out the same picture.

mod labels;
mod overlap;
mod pack;
mod stress;

pub use stress::SplitMix;

use crate::graph::geometry::{Curve, Point, Rect, Size, segments_cross};
use stress::{distances, stress, stress_sgd};

/// Space kept between any two boxes, in points.
pub const GAP: f32 = 14.0;
/// How far apart edges between the same two nodes bow.
const PARALLEL_SPACING: f32 = 36.0;
/// Starts tried for a component of at most this many nodes (the drawing with fewest
/// crossings wins); larger ones get one.
const MULTI_START_LIMIT: usize = 60;
const STARTS: u64 = 4;

/// What the layout needs to know.
#[derive(Clone, Copy, Debug, Default)]
pub struct LayoutInput<'a> {
    /// The box of each node (its measured names plus padding).
    pub node_sizes: &'a [Size],
    /// `(source, target)` node indices of each edge; pairs out of range are left undrawn.
    pub edges: &'a [(usize, usize)],
    /// The box of each edge's label (zero for an edge without one); as many as `edges`,
    /// missing ones count as zero.
    pub label_sizes: &'a [Size],
    /// Where the user put a node (`Some`) to keep it there; may be shorter than `node_sizes`.
    pub pinned: &'a [Option<Point>],
}

/// The laid-out diagram, in points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Each node's box.
    pub nodes: Vec<Rect>,
    /// Each edge from the border of its source's box to its target's.
    pub curves: Vec<Curve>,
    /// Each edge's label box.
    pub labels: Vec<Rect>,
    /// The point on each edge its label belongs to (draw a leader line when the label is not on it).
    pub anchors: Vec<Point>,
}

impl Layout {
    /// The box holding every node and label (empty at the origin for an empty graph).
    #[must_use]
    pub fn bounds(&self) -> Rect {
        self.nodes
            .iter()
            .chain(self.labels.iter().filter(|l| l.width() > 0.0))
            .copied()
            .reduce(|a, b| a.union(&b))
            .unwrap_or_default()
    }

    /// How many pairs of edges cross (edges that share a node never count).
    #[must_use]
    pub fn crossings(&self, edges: &[(usize, usize)]) -> usize {
        let lines: Vec<Vec<Point>> = self.curves.iter().map(|c| c.polyline(6)).collect();
        let mut count = 0;
        for i in 0..lines.len().min(edges.len()) {
            for j in i + 1..lines.len().min(edges.len()) {
                let (a, b) = (edges[i], edges[j]);
                if a.0 == b.0 || a.0 == b.1 || a.1 == b.0 || a.1 == b.1 {
                    continue;
                }
                let crosses = lines[i].windows(2).any(|p| {
                    lines[j]
                        .windows(2)
                        .any(|q| segments_cross(p[0], p[1], q[0], q[1]))
                });
                count += usize::from(crosses);
            }
        }
        count
    }
}

/// Lays out a graph. Deterministic: the same input gives the same layout. Never panics;
/// every coordinate is finite whatever the sizes (non-finite or negative ones count as zero).
#[must_use]
pub fn layout(input: &LayoutInput<'_>) -> Layout {
    let n = input.node_sizes.len();
    let sizes: Vec<Size> = input.node_sizes.iter().map(|&s| sane(s)).collect();
    let pinned: Vec<Option<Point>> = (0..n)
        .map(|i| {
            input
                .pinned
                .get(i)
                .copied()
                .flatten()
                .filter(|p| p.is_finite())
        })
        .collect();
    let is_pinned: Vec<bool> = pinned.iter().map(Option::is_some).collect();
    let edges: Vec<Option<(usize, usize)>> = input
        .edges
        .iter()
        .map(|&(s, t)| (s < n && t < n).then_some((s, t)))
        .collect();
    let label_sizes: Vec<Size> = (0..edges.len())
        .map(|e| sane(input.label_sizes.get(e).copied().unwrap_or_default()))
        .collect();

    let adjacency = adjacency(n, &edges, &sizes, &label_sizes);
    let components = components(&adjacency);
    let mut pos: Vec<Point> = pinned.iter().map(|p| p.unwrap_or_default()).collect();
    for component in &components {
        place_component(component, &adjacency, &sizes, &pinned, &mut pos);
    }
    pack::pack(&mut pos, &sizes, &components, &is_pinned, GAP);

    let nodes: Vec<Rect> = pos
        .iter()
        .zip(&sizes)
        .map(|(&p, &s)| Rect::centered(p, s))
        .collect();
    let pairs: Vec<(usize, usize)> = edges.iter().map(|e| e.unwrap_or((0, 0))).collect();
    let bends = labels::bends(&pairs, PARALLEL_SPACING);
    let curves: Vec<Curve> = edges
        .iter()
        .zip(&bends)
        .map(|(edge, &bend)| match *edge {
            Some((s, t)) => Curve::bent(pos[s], pos[t], bend).clipped(&nodes[s], &nodes[t]),
            None => Curve::default(),
        })
        .collect();
    // Labels may come closer to boxes than boxes to each other: they belong to the line between.
    let labels = labels::place_labels(&curves, &label_sizes, &nodes, GAP / 2.0);
    let anchors = curves.iter().map(labels::anchor).collect();
    Layout {
        nodes,
        curves,
        labels,
        anchors,
    }
}

/// A size with every non-finite or negative side made zero, and absurd ones capped.
fn sane(s: Size) -> Size {
    let side = |v: f32| {
        if v.is_finite() && v > 0.0 {
            v.min(10_000.0)
        } else {
            0.0
        }
    };
    Size::new(side(s.w), side(s.h))
}

/// Neighbours of every node with the length an edge between them should have: room for both
/// boxes and the labels of every edge between them (parallel edges' labels stack along it).
fn adjacency(
    n: usize,
    edges: &[Option<(usize, usize)>],
    sizes: &[Size],
    labels: &[Size],
) -> Vec<Vec<(usize, f32)>> {
    let reach = |s: Size| 0.42 * s.w + 0.2 * s.h;
    // Per node pair: the widest label, and the labels' heights added up.
    let mut room: Vec<((usize, usize), f32, f32)> = Vec::new();
    for (e, edge) in edges.iter().enumerate() {
        let Some((s, t)) = *edge else { continue };
        if s == t {
            continue;
        }
        let key = (s.min(t), s.max(t));
        let label = labels[e];
        match room.iter_mut().find(|(k, _, _)| *k == key) {
            Some(entry) => {
                entry.1 = entry.1.max(label.w);
                entry.2 += label.h + GAP;
            }
            None => room.push((key, label.w, 0.0)),
        }
    }
    let mut adjacency: Vec<Vec<(usize, f32)>> = vec![Vec::new(); n];
    for ((s, t), widest, stacked) in room {
        let length = reach(sizes[s]) + reach(sizes[t]) + widest + stacked + 2.0 * GAP;
        adjacency[s].push((t, length));
        adjacency[t].push((s, length));
    }
    adjacency
}

/// The connected components, each in ascending node order, ordered by their first node.
fn components(adjacency: &[Vec<(usize, f32)>]) -> Vec<Vec<usize>> {
    let mut seen = vec![false; adjacency.len()];
    let mut out = Vec::new();
    for start in 0..adjacency.len() {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut component = vec![start];
        let mut next = 0;
        while next < component.len() {
            for &(v, _) in &adjacency[component[next]] {
                if !seen[v] {
                    seen[v] = true;
                    component.push(v);
                }
            }
            next += 1;
        }
        component.sort_unstable();
        out.push(component);
    }
    out
}

/// Lays out one component in place: a few seeded stress layouts, the one with the fewest
/// crossings (then the least stress) kept, turned so its long side is horizontal, and its
/// boxes pushed apart.
fn place_component(
    component: &[usize],
    adjacency: &[Vec<(usize, f32)>],
    sizes: &[Size],
    pinned: &[Option<Point>],
    pos: &mut [Point],
) {
    let local_of = |v: usize| component.binary_search(&v).ok();
    let local_adjacency: Vec<Vec<(usize, f32)>> = component
        .iter()
        .map(|&v| {
            adjacency[v]
                .iter()
                .filter_map(|&(w, len)| local_of(w).map(|l| (l, len)))
                .collect()
        })
        .collect();
    let dist = distances(&local_adjacency);
    let local_pins: Vec<Option<Point>> = component.iter().map(|&v| pinned[v]).collect();
    let fixed: Vec<bool> = local_pins.iter().map(Option::is_some).collect();
    let local_edges: Vec<(usize, usize)> = local_adjacency
        .iter()
        .enumerate()
        .flat_map(|(a, ns)| {
            ns.iter()
                .filter(move |&&(b, _)| a < b)
                .map(move |&(b, _)| (a, b))
        })
        .collect();
    let starts = if component.len() <= MULTI_START_LIMIT {
        STARTS
    } else {
        1
    };
    let mut best: Option<((usize, f32), Vec<Point>)> = None;
    for seed in 0..starts {
        let mut rng = SplitMix::new(0x0D1A_6EA4 + seed);
        let mut p = initial_positions(&local_pins, &dist, &mut rng);
        stress_sgd(&mut p, &dist, &local_adjacency, &fixed, &mut rng);
        let score = (straight_crossings(&p, &local_edges), stress(&p, &dist));
        if best
            .as_ref()
            .is_none_or(|(s, _)| score.0 < s.0 || (score.0 == s.0 && score.1 < s.1))
        {
            best = Some((score, p));
        }
    }
    let Some((_, mut p)) = best else { return };
    if !fixed.iter().any(|&f| f) {
        turn_level(&mut p);
    }
    let local_sizes: Vec<Size> = component.iter().map(|&v| sizes[v]).collect();
    overlap::remove_overlaps(&mut p, &local_sizes, &fixed, GAP);
    for (l, &v) in component.iter().enumerate() {
        pos[v] = if p[l].is_finite() {
            p[l]
        } else {
            Point::default()
        };
    }
}

/// Pinned nodes where they are; the others scattered (seeded) around them, over an area
/// the size of the graph.
fn initial_positions(pins: &[Option<Point>], dist: &[Vec<f32>], rng: &mut SplitMix) -> Vec<Point> {
    let pinned: Vec<Point> = pins.iter().flatten().copied().collect();
    #[expect(clippy::cast_precision_loss, reason = "node counts are small")]
    let centre = if pinned.is_empty() {
        Point::default()
    } else {
        pinned
            .iter()
            .fold(Point::default(), |a, &p| a.plus(p))
            .scale(1.0 / pinned.len() as f32)
    };
    let span = dist
        .iter()
        .flatten()
        .copied()
        .filter(|d| d.is_finite())
        .fold(1.0, f32::max);
    pins.iter()
        .map(|pin| {
            pin.unwrap_or_else(|| {
                centre.plus(Point::new(rng.unit() - 0.5, rng.unit() - 0.5).scale(span))
            })
        })
        .collect()
}

fn straight_crossings(p: &[Point], edges: &[(usize, usize)]) -> usize {
    let mut count = 0;
    for (i, &(a, b)) in edges.iter().enumerate() {
        for &(c, d) in &edges[i + 1..] {
            if a != c && a != d && b != c && b != d && segments_cross(p[a], p[b], p[c], p[d]) {
                count += 1;
            }
        }
    }
    count
}

/// Rotates the drawing about its centre so that its widest spread is horizontal: boxes of
/// names are wide, and pages and screens are too.
fn turn_level(p: &mut [Point]) {
    if p.len() < 2 {
        return;
    }
    #[expect(clippy::cast_precision_loss, reason = "node counts are small")]
    let n = p.len() as f32;
    let c = p
        .iter()
        .fold(Point::default(), |a, &q| a.plus(q))
        .scale(1.0 / n);
    let (mut xx, mut xy, mut yy) = (0.0, 0.0, 0.0);
    for q in p.iter() {
        let d = q.minus(c);
        xx += d.x * d.x;
        xy += d.x * d.y;
        yy += d.y * d.y;
    }
    // The angle of the principal axis of the spread.
    let angle = 0.5 * (2.0 * xy).atan2(xx - yy);
    let (sin, cos) = (-angle).sin_cos();
    for q in p.iter_mut() {
        let d = q.minus(c);
        *q = Point::new(d.x * cos - d.y * sin, d.x * sin + d.y * cos);
    }
}
