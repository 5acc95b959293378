//! Stress majorization by stochastic gradient descent (Zheng, Pawar and Goodman 2017) on
//! shortest-path distances: deterministic for a seed, and good on small graphs.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::graph::geometry::Point;

/// A fixed pseudo-random sequence (SplitMix64). Written out rather than taken from `rand`
/// because the layout must not move when a dependency changes its generator: the same
/// text gives the same picture, release after release.
pub struct SplitMix(u64);

impl SplitMix {
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0.0..1.0`.
    pub fn unit(&mut self) -> f32 {
        #[expect(
            clippy::cast_precision_loss,
            reason = "24 random bits fit an f32 exactly"
        )]
        let bits = (self.next_u64() >> 40) as f32;
        bits / 16_777_216.0
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        #[expect(
            clippy::cast_possible_truncation,
            reason = "the remainder is below n, a usize"
        )]
        let r = (self.next_u64() % (n.max(1) as u64)) as usize;
        r
    }
}

/// Shortest-path distances between the nodes of one connected component, in points.
/// `adjacency[i]` lists `(neighbour, length)` with local indices.
#[must_use]
pub fn distances(adjacency: &[Vec<(usize, f32)>]) -> Vec<Vec<f32>> {
    (0..adjacency.len())
        .map(|source| dijkstra(adjacency, source))
        .collect()
}

#[derive(PartialEq)]
struct Visit(f32, usize);

impl Eq for Visit {}

impl Ord for Visit {
    fn cmp(&self, other: &Self) -> Ordering {
        // The smallest distance first (BinaryHeap is a max-heap); ties by index, for determinism.
        other
            .0
            .total_cmp(&self.0)
            .then_with(|| other.1.cmp(&self.1))
    }
}

impl PartialOrd for Visit {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn dijkstra(adjacency: &[Vec<(usize, f32)>], source: usize) -> Vec<f32> {
    let mut dist = vec![f32::INFINITY; adjacency.len()];
    let mut heap = BinaryHeap::new();
    dist[source] = 0.0;
    heap.push(Visit(0.0, source));
    while let Some(Visit(d, u)) = heap.pop() {
        if d > dist[u] {
            continue;
        }
        for &(v, len) in &adjacency[u] {
            let nd = d + len;
            if nd < dist[v] {
                dist[v] = nd;
                heap.push(Visit(nd, v));
            }
        }
    }
    dist
}

/// How much more an edge's own length counts than the distance between two nodes it does
/// not join: a reader sees edges, not graph distances.
const EDGE_WEIGHT: f32 = 2.5;

/// Moves the free nodes of `positions` so that their distances approach `dist` (edges, listed
/// in `adjacency`, count more); nodes with `pinned[i]` stay where they are.
pub fn stress_sgd(
    positions: &mut [Point],
    dist: &[Vec<f32>],
    adjacency: &[Vec<(usize, f32)>],
    pinned: &[bool],
    rng: &mut SplitMix,
) {
    let n = positions.len();
    let mut pairs: Vec<(usize, usize, f32, f32)> = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for i in 0..n {
        for j in i + 1..n {
            let d = dist[i][j];
            if d.is_finite() && d > 0.0 && !(pinned[i] && pinned[j]) {
                let edge = adjacency
                    .get(i)
                    .is_some_and(|a| a.iter().any(|&(k, _)| k == j));
                let w = if edge { EDGE_WEIGHT } else { 1.0 } / (d * d);
                pairs.push((i, j, d, w));
            }
        }
    }
    let Some(d_min) = pairs.iter().map(|p| p.2).min_by(f32::total_cmp) else {
        return;
    };
    let d_max = pairs.iter().map(|p| p.2).fold(d_min, f32::max);
    // Weights are about d^-2: the step schedule runs from 1/w_min down to a tenth of 1/w_max,
    // as in the paper, then stays there a few rounds to settle.
    let eta_max = d_max * d_max;
    let eta_min = 0.1 * d_min * d_min / EDGE_WEIGHT;
    const ANNEALING: u16 = 30;
    const SETTLING: u16 = 10;
    let decay = (eta_max / eta_min).ln() / f32::from(ANNEALING - 1);
    for t in 0..ANNEALING + SETTLING {
        let eta = eta_max * (-decay * f32::from(t.min(ANNEALING - 1))).exp();
        shuffle(&mut pairs, rng);
        for &(i, j, d, w) in &pairs {
            let mu = (w * eta).min(1.0);
            let delta = positions[i].minus(positions[j]);
            let mut len = delta.length();
            let dir = if len > 1e-3 {
                delta.scale(1.0 / len)
            } else {
                // Two nodes on one spot: part them in a seeded direction.
                len = 0.0;
                let a = rng.unit() * std::f32::consts::TAU;
                Point::new(a.cos(), a.sin())
            };
            let r = dir.scale((len - d) / 2.0 * mu);
            match (pinned[i], pinned[j]) {
                (false, false) => {
                    positions[i] = positions[i].minus(r);
                    positions[j] = positions[j].plus(r);
                }
                (true, false) => positions[j] = positions[j].plus(r.scale(2.0)),
                (false, true) => positions[i] = positions[i].minus(r.scale(2.0)),
                (true, true) => {}
            }
        }
    }
}

/// The stress of a drawing: how far its distances are from the graph's (lower is better).
#[must_use]
pub fn stress(positions: &[Point], dist: &[Vec<f32>]) -> f32 {
    let mut total = 0.0;
    for i in 0..positions.len() {
        for j in i + 1..positions.len() {
            let d = dist[i][j];
            if d.is_finite() && d > 0.0 {
                let e = positions[i].minus(positions[j]).length() - d;
                total += e * e / (d * d);
            }
        }
    }
    total
}

fn shuffle<T>(items: &mut [T], rng: &mut SplitMix) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_laid_out_straight_with_its_lengths() {
        // 0 – 1 – 2, each edge 100 long: the ends end up 200 apart.
        let adjacency = vec![
            vec![(1, 100.0)],
            vec![(0, 100.0), (2, 100.0)],
            vec![(1, 100.0)],
        ];
        let dist = distances(&adjacency);
        let mut rng = SplitMix::new(7);
        let mut p: Vec<Point> = (0..3)
            .map(|_| Point::new(rng.unit() * 50.0, rng.unit() * 50.0))
            .collect();
        stress_sgd(&mut p, &dist, &adjacency, &[false; 3], &mut rng);
        let ends = p[0].minus(p[2]).length();
        // Within a few percent: the last steps are small on purpose, so the drawing settles.
        assert!((ends - 200.0).abs() < 8.0, "ends {ends} apart");
        assert!(stress(&p, &dist) < 1e-2);
    }

    #[test]
    fn pinned_nodes_do_not_move() {
        let adjacency = vec![vec![(1, 100.0)], vec![(0, 100.0)]];
        let dist = distances(&adjacency);
        let mut p = vec![Point::new(5.0, 5.0), Point::new(6.0, 5.0)];
        stress_sgd(
            &mut p,
            &dist,
            &adjacency,
            &[true, false],
            &mut SplitMix::new(1),
        );
        assert_eq!(p[0], Point::new(5.0, 5.0));
        assert!((p[1].minus(p[0]).length() - 100.0).abs() < 1.0);
    }
}
