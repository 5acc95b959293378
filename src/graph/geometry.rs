//! Points, sizes, boxes and edge curves of the diagram, in points (the GUI's unit); y grows downwards.

/// A position.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// A width and height.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Size {
    pub w: f32,
    pub h: f32,
}

/// An axis-aligned box.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub min: Point,
    pub max: Point,
}

impl Point {
    #[must_use]
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    #[must_use]
    pub fn plus(self, o: Self) -> Self {
        Self::new(self.x + o.x, self.y + o.y)
    }

    #[must_use]
    pub fn minus(self, o: Self) -> Self {
        Self::new(self.x - o.x, self.y - o.y)
    }

    #[must_use]
    pub fn scale(self, s: f32) -> Self {
        Self::new(self.x * s, self.y * s)
    }

    #[must_use]
    pub fn length(self) -> f32 {
        self.x.hypot(self.y)
    }

    /// The same direction with length 1 (or zero for the zero vector).
    #[must_use]
    pub fn normalized(self) -> Self {
        let l = self.length();
        if l > f32::EPSILON {
            self.scale(1.0 / l)
        } else {
            Self::default()
        }
    }

    /// Turned a quarter to the left (in y-down coordinates: counter-clockwise on screen).
    #[must_use]
    pub fn perpendicular(self) -> Self {
        Self::new(self.y, -self.x)
    }

    #[must_use]
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

impl Size {
    #[must_use]
    pub const fn new(w: f32, h: f32) -> Self {
        Self { w, h }
    }
}

impl Rect {
    /// The box of `size` centred on `center`.
    #[must_use]
    pub fn centered(center: Point, size: Size) -> Self {
        let half = Point::new(size.w / 2.0, size.h / 2.0);
        Self {
            min: center.minus(half),
            max: center.plus(half),
        }
    }

    #[must_use]
    pub fn center(&self) -> Point {
        Point::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }

    #[must_use]
    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    #[must_use]
    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    /// Grown by `margin` on every side.
    #[must_use]
    pub fn expand(&self, margin: f32) -> Self {
        Self {
            min: self.min.minus(Point::new(margin, margin)),
            max: self.max.plus(Point::new(margin, margin)),
        }
    }

    /// The smallest box holding both.
    #[must_use]
    pub fn union(&self, o: &Self) -> Self {
        Self {
            min: Point::new(self.min.x.min(o.min.x), self.min.y.min(o.min.y)),
            max: Point::new(self.max.x.max(o.max.x), self.max.y.max(o.max.y)),
        }
    }

    /// True when the two boxes share more than an edge.
    #[must_use]
    pub fn overlaps(&self, o: &Self) -> bool {
        self.min.x < o.max.x && o.min.x < self.max.x && self.min.y < o.max.y && o.min.y < self.max.y
    }

    #[must_use]
    pub fn contains(&self, p: Point) -> bool {
        (self.min.x..=self.max.x).contains(&p.x) && (self.min.y..=self.max.y).contains(&p.y)
    }

    #[must_use]
    pub fn translate(&self, by: Point) -> Self {
        Self {
            min: self.min.plus(by),
            max: self.max.plus(by),
        }
    }

    /// True when the segment `a`–`b` passes through the box.
    #[must_use]
    pub fn meets_segment(&self, a: Point, b: Point) -> bool {
        if self.contains(a) || self.contains(b) {
            return true;
        }
        let corners = [
            self.min,
            Point::new(self.max.x, self.min.y),
            self.max,
            Point::new(self.min.x, self.max.y),
        ];
        (0..4).any(|i| segments_cross(a, b, corners[i], corners[(i + 1) % 4]))
    }

    /// Where the ray from the centre towards `toward` leaves the box (for edge ends).
    #[must_use]
    pub fn boundary_toward(&self, toward: Point) -> Point {
        let c = self.center();
        let d = toward.minus(c);
        let (hw, hh) = (self.width() / 2.0, self.height() / 2.0);
        let tx = if d.x.abs() > f32::EPSILON {
            hw / d.x.abs()
        } else {
            f32::INFINITY
        };
        let ty = if d.y.abs() > f32::EPSILON {
            hh / d.y.abs()
        } else {
            f32::INFINITY
        };
        let t = tx.min(ty);
        if t.is_finite() {
            c.plus(d.scale(t.min(1.0)))
        } else {
            c
        }
    }
}

/// True when segments `a`–`b` and `c`–`d` cross at a point inside both.
#[must_use]
pub fn segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool {
    fn side(p: Point, q: Point, r: Point) -> f32 {
        (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
    }
    let (d1, d2) = (side(c, d, a), side(c, d, b));
    let (d3, d4) = (side(a, b, c), side(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// An edge drawn as a quadratic Bézier curve (straight when `control` is the midpoint).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Curve {
    pub from: Point,
    pub control: Point,
    pub to: Point,
}

impl Curve {
    /// The curve from `from` to `to` whose middle passes `bend` to the left of the chord.
    #[must_use]
    pub fn bent(from: Point, to: Point, bend: f32) -> Self {
        let mid = from.plus(to).scale(0.5);
        let normal = to.minus(from).normalized().perpendicular();
        // A quadratic's midpoint lies halfway between the chord's midpoint and the control point.
        Self {
            from,
            control: mid.plus(normal.scale(2.0 * bend)),
            to,
        }
    }

    /// The point at parameter `t` in 0..=1.
    #[must_use]
    pub fn at(&self, t: f32) -> Point {
        let u = 1.0 - t;
        self.from
            .scale(u * u)
            .plus(self.control.scale(2.0 * u * t))
            .plus(self.to.scale(t * t))
    }

    /// The direction of travel at `t` (unit length).
    #[must_use]
    pub fn tangent(&self, t: f32) -> Point {
        let a = self.control.minus(self.from).scale(2.0 * (1.0 - t));
        let b = self.to.minus(self.control).scale(2.0 * t);
        let d = a.plus(b).normalized();
        if d == Point::default() {
            self.to.minus(self.from).normalized()
        } else {
            d
        }
    }

    /// The curve as `segments` straight pieces.
    #[must_use]
    pub fn polyline(&self, segments: usize) -> Vec<Point> {
        let n = segments.max(1);
        #[expect(clippy::cast_precision_loss, reason = "a handful of segments")]
        (0..=n).map(|i| self.at(i as f32 / n as f32)).collect()
    }

    /// True when the curve passes through `rect`.
    #[must_use]
    pub fn meets(&self, rect: &Rect) -> bool {
        self.polyline(8)
            .windows(2)
            .any(|w| rect.meets_segment(w[0], w[1]))
    }

    /// The same curve, trimmed to run from the edge of box `a` to the edge of box `b`.
    #[must_use]
    pub fn clipped(&self, a: &Rect, b: &Rect) -> Self {
        let t0 = leave_parameter(self, a, false);
        let t1 = leave_parameter(self, b, true);
        if t1 <= t0 {
            return *self;
        }
        // The piece between t0 and t1 of a quadratic is again a quadratic (de Casteljau).
        let p0 = self.at(t0);
        let p2 = self.at(t1);
        let tangent_start = self
            .control
            .minus(self.from)
            .scale(1.0 - t0)
            .plus(self.to.minus(self.control).scale(t0));
        let control = p0.plus(tangent_start.scale(t1 - t0));
        Self {
            from: p0,
            control,
            to: p2,
        }
    }
}

/// The parameter where the curve leaves `rect` (from the start, or from the end going back).
fn leave_parameter(curve: &Curve, rect: &Rect, from_end: bool) -> f32 {
    const STEPS: u16 = 48;
    let mut last = if from_end { 1.0 } else { 0.0 };
    for i in 0..=STEPS {
        let s = f32::from(i) / f32::from(STEPS);
        let t = if from_end { 1.0 - s } else { s };
        if !rect.contains(curve.at(t)) {
            return t;
        }
        last = t;
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bent_curve_passes_its_bend_at_the_middle() {
        let c = Curve::bent(Point::new(0.0, 0.0), Point::new(100.0, 0.0), 10.0);
        let mid = c.at(0.5);
        assert!((mid.x - 50.0).abs() < 1e-4);
        assert!((mid.y.abs() - 10.0).abs() < 1e-4);
    }

    #[test]
    fn a_clipped_curve_starts_and_ends_on_the_boxes() {
        let a = Rect::centered(Point::new(0.0, 0.0), Size::new(40.0, 20.0));
        let b = Rect::centered(Point::new(200.0, 0.0), Size::new(40.0, 20.0));
        let c = Curve::bent(a.center(), b.center(), 0.0).clipped(&a, &b);
        assert!((c.from.x - 20.0).abs() < 5.0, "{c:?}");
        assert!((c.to.x - 180.0).abs() < 5.0, "{c:?}");
    }

    #[test]
    fn crossing_segments() {
        let (a, b) = (Point::new(0.0, 0.0), Point::new(10.0, 10.0));
        assert!(segments_cross(
            a,
            b,
            Point::new(0.0, 10.0),
            Point::new(10.0, 0.0)
        ));
        assert!(!segments_cross(
            a,
            b,
            Point::new(20.0, 0.0),
            Point::new(30.0, 10.0)
        ));
    }
}
