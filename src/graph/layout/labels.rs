//! Edges as curves (parallel ones fanned out) and their labels placed on or beside them, never
//! on a node or on another label.

use super::overlap::nearest_free;
use crate::graph::geometry::{Curve, Point, Rect, Size};

/// Where along an edge a label may go, best first.
const ALONG: [f32; 13] = [
    0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8, 0.14, 0.86,
];
/// On the line (0), just clear of it on either side (±1), or a label's breadth further out (±3),
/// in half-breadths of the label across the line.
const SIDES: [f32; 5] = [0.0, 1.0, -1.0, 3.0, -3.0];
/// What a label costs for every other edge it covers, in points of displacement.
const COVERS_EDGE: f32 = 40.0;

/// How far each edge bows to the left of its chord: edges between the same two nodes fan
/// out `spacing` apart, symmetrically, so none hides another.
#[must_use]
pub fn bends(pairs: &[(usize, usize)], spacing: f32) -> Vec<f32> {
    let mut out = vec![0.0; pairs.len()];
    let mut done = vec![false; pairs.len()];
    for i in 0..pairs.len() {
        if done[i] {
            continue;
        }
        let key = unordered(pairs[i]);
        let group: Vec<usize> = (i..pairs.len())
            .filter(|&j| unordered(pairs[j]) == key)
            .collect();
        #[expect(clippy::cast_precision_loss, reason = "a handful of parallel edges")]
        let middle = (group.len() as f32 - 1.0) / 2.0;
        for (k, &j) in group.iter().enumerate() {
            done[j] = true;
            #[expect(clippy::cast_precision_loss, reason = "a handful of parallel edges")]
            let offset = (k as f32 - middle) * spacing;
            // Measured against the edge's own direction, so reversed edges bow the same way.
            out[j] = if pairs[j].0 <= pairs[j].1 {
                offset
            } else {
                -offset
            };
        }
    }
    out
}

fn unordered((a, b): (usize, usize)) -> (usize, usize) {
    (a.min(b), a.max(b))
}

/// A box for every edge's label (of `sizes[e]`), as near the middle of its curve as it can be
/// without covering a node box or a label placed before it (each kept `gap` apart).
#[must_use]
pub fn place_labels(curves: &[Curve], sizes: &[Size], nodes: &[Rect], gap: f32) -> Vec<Rect> {
    let mut placed: Vec<Option<Rect>> = vec![None; curves.len()];
    let mut order: Vec<usize> = (0..curves.len()).collect();
    // The widest labels first: they have the fewest places to go.
    order.sort_by(|&a, &b| sizes[b].w.total_cmp(&sizes[a].w));
    let mut obstacles: Vec<Rect> = nodes.to_vec();
    for e in order {
        let size = sizes[e];
        let curve = &curves[e];
        let rect = if size.w <= 0.0 || size.h <= 0.0 {
            Rect::centered(curve.at(0.5), Size::default())
        } else {
            best_on_curve(curves, e, size, &obstacles, gap).unwrap_or_else(|| {
                Rect::centered(nearest_free(curve.at(0.5), size, &obstacles, gap), size)
            })
        };
        if size.w > 0.0 && size.h > 0.0 {
            obstacles.push(rect);
        }
        placed[e] = Some(rect);
    }
    placed.into_iter().map(Option::unwrap_or_default).collect()
}

/// The cheapest free spot on or beside edge `e`, if any.
fn best_on_curve(
    curves: &[Curve],
    e: usize,
    size: Size,
    obstacles: &[Rect],
    gap: f32,
) -> Option<Rect> {
    let curve = &curves[e];
    let chord = curve.to.minus(curve.from).length();
    let mut best: Option<(f32, Rect)> = None;
    for t in ALONG {
        let at = curve.at(t);
        let normal = curve.tangent(t).perpendicular();
        // How far the box reaches across the line from its centre.
        let extent = normal.x.abs() * size.w / 2.0 + normal.y.abs() * size.h / 2.0;
        for k in SIDES {
            let offset = if k == 0.0 {
                0.0
            } else {
                k * extent + k.signum() * gap / 2.0
            };
            let rect = Rect::centered(at.plus(normal.scale(offset)), size);
            let grown = rect.expand(gap / 2.0);
            if obstacles
                .iter()
                .any(|o| o.expand(gap / 2.0).overlaps(&grown))
            {
                continue;
            }
            #[expect(clippy::cast_precision_loss, reason = "edge counts are small")]
            let covered = curves
                .iter()
                .enumerate()
                .filter(|&(i, c)| i != e && c.meets(&rect))
                .count() as f32;
            let cost = (t - 0.5).abs() * chord + offset.abs() * 0.5 + covered * COVERS_EDGE;
            if best.is_none_or(|(c, _)| cost < c) {
                best = Some((cost, rect));
            }
        }
    }
    best.map(|(_, r)| r)
}

/// The point a label belongs to: the middle of its edge (a viewer draws a leader line to it
/// when the label had to move off the edge).
#[must_use]
pub fn anchor(curve: &Curve) -> Point {
    curve.at(0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_edges_bow_apart_and_single_ones_stay_straight() {
        let b = bends(&[(0, 1), (1, 0), (1, 2)], 20.0);
        assert_eq!(b[2], 0.0);
        // The same sign, but a reversed edge's left is the other side of the screen: they part.
        assert!(
            (b[0] + 10.0).abs() < 1e-6 && (b[1] + 10.0).abs() < 1e-6,
            "{b:?}"
        );
    }

    #[test]
    fn a_label_sits_on_its_edge_when_there_is_room() {
        let c = Curve::bent(Point::new(0.0, 0.0), Point::new(300.0, 0.0), 0.0);
        let rects = place_labels(&[c], &[Size::new(60.0, 20.0)], &[], 4.0);
        assert!(rects[0].contains(Point::new(150.0, 0.0)), "{rects:?}");
    }
}
