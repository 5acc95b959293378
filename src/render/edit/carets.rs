//! Where a caret is drawn, which caret a point picks, and where the arrow keys take it, on a
//! laid-out field: visual movement across bidi runs, as in a browser.

use super::field_layout::{FieldLayout, Unit, VisualLine};
use super::model::{Affinity, Caret};

/// A side of a unit on screen.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// The caret standing at one side of a unit: the left edge of a right-to-left cluster is
/// where its text ends, the left edge of a left-to-right one where it starts.
fn edge(unit: &Unit, side: Side) -> Caret {
    match (side, unit.rtl) {
        (Side::Left, true) | (Side::Right, false) => Caret::before(unit.end),
        (Side::Left, false) | (Side::Right, true) => Caret::after(unit.start),
    }
}

/// An edge of a unit in reading order: where its text starts, or where it ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Leading,
    Trailing,
}

/// A caret's place on screen: which visual line, and which boundary between its units
/// (0 is the left end, `units.len()` the right end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stop {
    line: usize,
    boundary: usize,
}

impl FieldLayout {
    /// The caret's x and the visual line it is drawn on: at the trailing edge of the character
    /// before it (where the last typed letter ends) or the leading edge of the one after it,
    /// by its affinity; on an empty line, at the line's start edge.
    #[must_use]
    pub fn caret_position(&self, caret: Caret) -> (usize, f32) {
        match self.stop_of(caret) {
            Some(stop) => (stop.line, self.boundary_x(stop)),
            None => (0, self.lines.first().map_or(0.0, |l| l.start_edge)),
        }
    }

    /// The caret as a rectangle `[x, y, w, h]` one point wide, relative to the text area.
    #[must_use]
    pub fn caret_rect(&self, caret: Caret) -> [f32; 4] {
        let (line, x) = self.caret_position(caret);
        let (top, height) = self
            .lines
            .get(line)
            .map_or((0.0, 0.0), |l| (l.top, l.height));
        [x, top, 1.0, height]
    }

    /// Whether the paragraph the caret is in runs right to left (so `←` goes forward in it).
    #[must_use]
    pub fn is_rtl_at(&self, caret: Caret) -> bool {
        let (line, _) = self.caret_position(caret);
        self.lines.get(line).is_some_and(|l| l.rtl)
    }

    /// The caret nearest a point relative to the text area (a click, a drag).
    #[must_use]
    pub fn hit(&self, x: f32, y: f32) -> Caret {
        let line = self
            .lines
            .iter()
            .position(|l| y < l.top + l.height)
            .unwrap_or(self.lines.len().saturating_sub(1));
        self.hit_in_line(line, x)
    }

    /// The caret one grapheme cluster to the left (`left`) or right on screen, whatever the
    /// direction of the text there; off the end of a line, onto the next line in reading order.
    #[must_use]
    pub fn step(&self, caret: Caret, left: bool) -> Caret {
        let Some(Stop { line, boundary }) = self.stop_of(caret) else {
            return caret;
        };
        let Some(here) = self.lines.get(line) else {
            return caret;
        };
        if left && boundary > 0 {
            return edge(&here.units[boundary - 1], Side::Left);
        }
        if !left && boundary < here.units.len() {
            return edge(&here.units[boundary], Side::Right);
        }
        // Off the end: the next line in reading order when the line reads away from that end.
        let onward = left == here.rtl;
        let target = if onward {
            line.checked_add(1).filter(|&l| l < self.lines.len())
        } else {
            line.checked_sub(1)
        };
        let Some(next) = target.and_then(|l| self.lines.get(l)) else {
            return caret;
        };
        let unit = if left {
            next.units.last().map(|u| (u, Side::Right))
        } else {
            next.units.first().map(|u| (u, Side::Left))
        };
        unit.map_or(Caret::after(next.start), |(u, side)| edge(u, side))
    }

    /// The caret on the line above or below at `goal_x`; `None` on the first or last line.
    #[must_use]
    pub fn vertical(&self, caret: Caret, goal_x: f32, down: bool) -> Option<Caret> {
        let (line, _) = self.caret_position(caret);
        let target = if down {
            line.checked_add(1).filter(|&l| l < self.lines.len())?
        } else {
            line.checked_sub(1)?
        };
        Some(self.hit_in_line(target, goal_x))
    }

    /// `Home`: the logical start of the caret's visual line.
    #[must_use]
    pub fn line_start(&self, caret: Caret) -> Caret {
        let (line, _) = self.caret_position(caret);
        self.lines
            .get(line)
            .map_or(Caret::after(0), |l| Caret::after(l.start))
    }

    /// `End`: the logical end of the caret's visual line.
    #[must_use]
    pub fn line_end(&self, caret: Caret) -> Caret {
        let (line, _) = self.caret_position(caret);
        self.lines.get(line).map_or(caret, |l| Caret::before(l.end))
    }

    fn hit_in_line(&self, line: usize, x: f32) -> Caret {
        let Some(here) = self.lines.get(line) else {
            return Caret::after(0);
        };
        let (Some(first), Some(last)) = (here.units.first(), here.units.last()) else {
            return Caret::after(here.start);
        };
        if x < first.left {
            return edge(first, Side::Left);
        }
        if x >= last.right {
            return edge(last, Side::Right);
        }
        // The unit under the point, or else the nearest edge of any.
        let mut best = (f32::INFINITY, edge(last, Side::Right));
        for unit in &here.units {
            if x >= unit.left && x < unit.right {
                let side = if x < (unit.left + unit.right) / 2.0 {
                    Side::Left
                } else {
                    Side::Right
                };
                return edge(unit, side);
            }
            for (side, at) in [(Side::Left, unit.left), (Side::Right, unit.right)] {
                let distance = (x - at).abs();
                if distance < best.0 {
                    best = (distance, edge(unit, side));
                }
            }
        }
        best.1
    }

    /// Where a caret stands, found from the character it sticks to (or the other one when
    /// that is missing: at the start of the text, or after a line break).
    fn stop_of(&self, caret: Caret) -> Option<Stop> {
        let before = || self.find(|u| u.end == caret.offset, Edge::Trailing);
        let after = || self.find(|u| u.start == caret.offset, Edge::Leading);
        let found = match caret.affinity {
            Affinity::Before => before().or_else(after),
            Affinity::After => after().or_else(before),
        };
        found
            .or_else(|| {
                // An empty line, or a caret inside a cluster (never left there by the model).
                self.lines
                    .iter()
                    .position(|l| l.units.is_empty() && l.start == caret.offset)
                    .map(|line| Stop { line, boundary: 0 })
            })
            .or_else(|| {
                self.find(
                    |u| u.start < caret.offset && caret.offset < u.end,
                    Edge::Trailing,
                )
            })
    }

    /// The stop at one edge of the first unit matching `wanted`.
    fn find(&self, wanted: impl Fn(&Unit) -> bool, at: Edge) -> Option<Stop> {
        self.lines.iter().enumerate().find_map(|(line, l)| {
            let i = l.units.iter().position(&wanted)?;
            // A right-to-left unit's text ends at its left edge and starts at its right edge.
            let right_edge = match at {
                Edge::Trailing => !l.units[i].rtl,
                Edge::Leading => l.units[i].rtl,
            };
            Some(Stop {
                line,
                boundary: if right_edge { i + 1 } else { i },
            })
        })
    }

    fn boundary_x(&self, stop: Stop) -> f32 {
        let Some(line): Option<&VisualLine> = self.lines.get(stop.line) else {
            return 0.0;
        };
        match stop.boundary.checked_sub(1) {
            None => line.units.first().map_or(line.start_edge, |u| u.left),
            Some(i) => line.units.get(i).map_or(line.start_edge, |u| u.right),
        }
    }
}
