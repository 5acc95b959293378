//! Disconnected parts of the graph packed side by side in rows, the largest first, from the
//! right (where an Arabic reader starts).

use crate::graph::geometry::{Point, Rect, Size};

/// Moves each component (a list of node indices) as a whole so that none overlaps another.
/// Components holding a pinned node stay where they are; the others go in rows below them.
pub fn pack(
    pos: &mut [Point],
    sizes: &[Size],
    components: &[Vec<usize>],
    pinned: &[bool],
    gap: f32,
) {
    let bounds = |nodes: &[usize], pos: &[Point]| {
        nodes
            .iter()
            .map(|&i| Rect::centered(pos[i], sizes[i]))
            .reduce(|a, b| a.union(&b))
    };
    let (fixed, mut free): (Vec<&Vec<usize>>, Vec<&Vec<usize>>) = components
        .iter()
        .filter(|c| !c.is_empty())
        .partition(|c| c.iter().any(|&i| pinned[i]));
    // Largest first; `sort_by_key` is stable, so equal sizes keep their order in the text.
    free.sort_by_key(|c| std::cmp::Reverse(c.len()));
    let anchor = fixed
        .iter()
        .filter_map(|c| bounds(c, pos))
        .reduce(|a, b| a.union(&b));
    let boxes: Vec<Rect> = free.iter().filter_map(|c| bounds(c, pos)).collect();
    let area: f32 = boxes
        .iter()
        .map(|b| (b.width() + gap) * (b.height() + gap))
        .sum();
    let widest = boxes.iter().map(Rect::width).fold(0.0, f32::max);
    // Rows about three times as wide as the packed parts are tall: a landscape picture.
    let row_width = widest
        .max((area * 3.0).sqrt())
        .max(anchor.map_or(0.0, |a| a.width()));
    let right = anchor.map_or(0.0, |a| a.max.x);
    let mut x = right;
    let mut y = anchor.map_or(0.0, |a| a.max.y + gap);
    let mut row_height: f32 = 0.0;
    for (k, (nodes, b)) in free.iter().zip(&boxes).enumerate() {
        // A real network (three nodes or more) keeps its row to itself: the loose pairs and
        // lone names go in rows under it rather than in a corner beside it.
        let after_network = k == 1 && free[0].len() >= 3;
        if x < right && (after_network || right - (x - b.width()) > row_width) {
            x = right;
            y += row_height + gap;
            row_height = 0.0;
        }
        let shift = Point::new(x - b.max.x, y - b.min.y);
        for &i in nodes.iter() {
            pos[i] = pos[i].plus(shift);
        }
        x -= b.width() + gap;
        row_height = row_height.max(b.height());
    }
    if anchor.is_none() {
        centre_on_origin(pos, sizes);
    }
}

/// Puts the middle of the drawing at (0, 0), so a viewer can centre it without measuring.
fn centre_on_origin(pos: &mut [Point], sizes: &[Size]) {
    let Some(all) = pos
        .iter()
        .zip(sizes)
        .map(|(&p, &s)| Rect::centered(p, s))
        .reduce(|a, b| a.union(&b))
    else {
        return;
    };
    let c = all.center();
    for p in pos.iter_mut() {
        *p = p.minus(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_on_one_spot_end_up_side_by_side() {
        let mut pos = vec![Point::default(); 3];
        let sizes = vec![Size::new(50.0, 20.0); 3];
        let comps = vec![vec![0], vec![1], vec![2]];
        pack(&mut pos, &sizes, &comps, &[false; 3], 10.0);
        for i in 0..3 {
            for j in i + 1..3 {
                let (a, b) = (
                    Rect::centered(pos[i], sizes[i]),
                    Rect::centered(pos[j], sizes[j]),
                );
                assert!(!a.overlaps(&b), "{pos:?}");
            }
        }
        // The first two side by side, the first on the right; the third on the next row.
        assert!(
            pos[0].x > pos[1].x && (pos[0].y - pos[1].y).abs() < 1e-3,
            "{pos:?}"
        );
        assert!(pos[2].y > pos[0].y, "{pos:?}");
    }
}
