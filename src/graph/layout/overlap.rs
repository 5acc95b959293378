//! Node boxes pushed apart until none overlaps another, moving only the nodes nobody pinned.

use crate::graph::geometry::{Point, Rect, Size};

/// How many rounds of pairwise pushing before the last resort (placing each node that still
/// overlaps on the nearest free spot).
const PUSH_ROUNDS: usize = 80;
/// The most the whole drawing is spread out before pushing.
const MAX_SPREAD: f32 = 1.8;

/// Moves the free nodes until no two boxes (each grown by `gap / 2`) overlap. Boxes of pinned
/// nodes that overlap each other stay as the user put them.
pub fn remove_overlaps(pos: &mut [Point], sizes: &[Size], pinned: &[bool], gap: f32) {
    if pos.len() < 2 {
        return;
    }
    if !pinned.iter().any(|&p| p) {
        spread(pos, sizes, gap);
    }
    for _ in 0..PUSH_ROUNDS {
        if !push_apart(pos, sizes, pinned, gap) {
            return;
        }
    }
    for i in 0..pos.len() {
        if pinned[i] {
            continue;
        }
        let others: Vec<Rect> = (0..pos.len())
            .filter(|&j| j != i)
            .map(|j| Rect::centered(pos[j], sizes[j]))
            .collect();
        pos[i] = nearest_free(pos[i], sizes[i], &others, gap);
    }
}

/// Scales the drawing about its centre just enough that most overlaps disappear, which keeps
/// its shape (pushing pairs apart does not).
fn spread(pos: &mut [Point], sizes: &[Size], gap: f32) {
    let mut factor: f32 = 1.0;
    for i in 0..pos.len() {
        for j in i + 1..pos.len() {
            let d = pos[i].minus(pos[j]);
            let need_x = (sizes[i].w + sizes[j].w) / 2.0 + gap;
            let need_y = (sizes[i].h + sizes[j].h) / 2.0 + gap;
            if d.x.abs() >= need_x || d.y.abs() >= need_y {
                continue;
            }
            let fx = need_x / d.x.abs().max(1e-3);
            let fy = need_y / d.y.abs().max(1e-3);
            factor = factor.max(fx.min(fy));
        }
    }
    let factor = factor.min(MAX_SPREAD);
    if factor <= 1.0 {
        return;
    }
    #[expect(clippy::cast_precision_loss, reason = "node counts are small")]
    let n = pos.len() as f32;
    let centre = pos
        .iter()
        .fold(Point::default(), |a, &p| a.plus(p))
        .scale(1.0 / n);
    for p in pos.iter_mut() {
        *p = centre.plus(p.minus(centre).scale(factor));
    }
}

/// One round: every overlapping pair moves apart along the axis where it overlaps least.
/// Returns whether anything overlapped.
fn push_apart(pos: &mut [Point], sizes: &[Size], pinned: &[bool], gap: f32) -> bool {
    let mut any = false;
    for i in 0..pos.len() {
        for j in i + 1..pos.len() {
            if pinned[i] && pinned[j] {
                continue;
            }
            let d = pos[j].minus(pos[i]);
            let ox = (sizes[i].w + sizes[j].w) / 2.0 + gap - d.x.abs();
            let oy = (sizes[i].h + sizes[j].h) / 2.0 + gap - d.y.abs();
            if ox <= 0.0 || oy <= 0.0 {
                continue;
            }
            any = true;
            // A little past touching, so rounding never leaves the pair overlapping.
            let shift = if ox < oy {
                Point::new(sign(d.x, i, j) * (ox + 0.01), 0.0)
            } else {
                Point::new(0.0, sign(d.y, i, j) * (oy + 0.01))
            };
            match (pinned[i], pinned[j]) {
                (false, false) => {
                    pos[i] = pos[i].minus(shift.scale(0.5));
                    pos[j] = pos[j].plus(shift.scale(0.5));
                }
                (true, _) => pos[j] = pos[j].plus(shift),
                (_, true) => pos[i] = pos[i].minus(shift),
            }
        }
    }
    any
}

/// Which way `j` goes from `i` along an axis: the side it is on, or by index on a tie.
fn sign(d: f32, i: usize, j: usize) -> f32 {
    if d > 0.0 || (d == 0.0 && j > i) {
        1.0
    } else {
        -1.0
    }
}

/// The centre nearest `want` where a box of `size` overlaps none of `obstacles` (each kept
/// `gap` away), searched on growing rings; beside all of them if the rings find nothing.
#[must_use]
pub fn nearest_free(want: Point, size: Size, obstacles: &[Rect], gap: f32) -> Point {
    let fits = |c: Point| {
        let r = Rect::centered(c, size).expand(gap / 2.0);
        obstacles.iter().all(|o| !o.expand(gap / 2.0).overlaps(&r))
    };
    if fits(want) {
        return want;
    }
    let Some(all) = obstacles.iter().copied().reduce(|a, b| a.union(&b)) else {
        return want;
    };
    let step = (size.h.min(size.w) / 2.0).max(2.0);
    let reach = all
        .union(&Rect::centered(want, size))
        .expand(gap + size.w + size.h);
    let max_radius = reach.width().hypot(reach.height());
    let mut radius = step;
    while radius <= max_radius {
        // About one candidate per `step` of circumference, starting to the right.
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a positive count of a few hundred"
        )]
        let count = ((std::f32::consts::TAU * radius / step).ceil() as u32).max(8);
        let mut best: Option<(f32, Point)> = None;
        for k in 0..count {
            #[expect(clippy::cast_precision_loss, reason = "small counts")]
            let angle = std::f32::consts::TAU * k as f32 / count as f32;
            // Rings are squashed vertically: boxes are wide, so sideways moves cost more room.
            let c = want.plus(Point::new(angle.cos() * radius, angle.sin() * radius * 0.6));
            if fits(c) {
                let d = c.minus(want).length();
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, c));
                }
            }
        }
        if let Some((_, c)) = best {
            return c;
        }
        radius += step;
    }
    Point::new(all.max.x + gap + size.w / 2.0 + 1.0, want.y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlapping(pos: &[Point], sizes: &[Size]) -> usize {
        let mut n = 0;
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                if Rect::centered(pos[i], sizes[i]).overlaps(&Rect::centered(pos[j], sizes[j])) {
                    n += 1;
                }
            }
        }
        n
    }

    #[test]
    fn boxes_on_one_spot_are_parted() {
        let mut pos = vec![Point::default(); 6];
        let sizes = vec![Size::new(120.0, 40.0); 6];
        remove_overlaps(&mut pos, &sizes, &[false; 6], 8.0);
        assert_eq!(overlapping(&pos, &sizes), 0, "{pos:?}");
        assert!(pos.iter().all(|p| p.is_finite()));
    }

    #[test]
    fn a_pinned_box_stays_and_the_other_moves_off_it() {
        let mut pos = vec![Point::new(10.0, 10.0), Point::new(12.0, 11.0)];
        let sizes = vec![Size::new(100.0, 40.0); 2];
        remove_overlaps(&mut pos, &sizes, &[true, false], 8.0);
        assert_eq!(pos[0], Point::new(10.0, 10.0));
        assert_eq!(overlapping(&pos, &sizes), 0);
    }

    #[test]
    fn the_nearest_free_spot_is_beside_the_obstacle() {
        let obstacle = Rect::centered(Point::default(), Size::new(100.0, 40.0));
        let p = nearest_free(Point::default(), Size::new(20.0, 10.0), &[obstacle], 4.0);
        assert!(!Rect::centered(p, Size::new(20.0, 10.0)).overlaps(&obstacle));
        assert!(p.length() < 60.0, "{p:?} is too far");
    }
}
