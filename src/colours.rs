//! Colours shared by the window and the exported pictures, as plain RGB so GUI-free code can use them.

use crate::analysis::EntityKind;

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// Every kind of entity, in the order the legend lists them.
pub const ENTITY_KINDS: [EntityKind; 6] = [
    EntityKind::Person,
    EntityKind::State,
    EntityKind::Place,
    EntityKind::Organization,
    EntityKind::Document,
    EntityKind::Event,
];

/// A name for an entity kind, for the legend.
#[must_use]
pub fn entity_kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::State => "state",
        EntityKind::Place => "place",
        EntityKind::Organization => "organization",
        EntityKind::Document => "document",
        EntityKind::Event => "event",
    }
}

/// The colour of an entity's kind (the reader's name colours): distinct hues, dark enough to
/// read on the light theme and light enough on the dark one.
#[must_use]
pub fn entity_rgb(kind: EntityKind, dark: bool) -> Rgb {
    let (light, on_dark) = match kind {
        EntityKind::Person => ([150, 40, 150], [230, 140, 230]),
        EntityKind::State => ([20, 90, 190], [120, 175, 255]),
        EntityKind::Place => ([20, 125, 60], [110, 210, 140]),
        EntityKind::Organization => ([190, 90, 0], [255, 170, 80]),
        EntityKind::Document => ([120, 85, 40], [215, 180, 130]),
        EntityKind::Event => ([190, 30, 50], [255, 120, 130]),
    };
    if dark { on_dark } else { light }
}

/// `a` moved towards `b` by `t` (0 = `a`, 1 = `b`).
#[must_use]
pub fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let t = t.clamp(0.0, 1.0);
    let channel = |x: u8, y: u8| {
        let v = f32::from(x) + (f32::from(y) - f32::from(x)) * t;
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clamped to 0..=255"
        )]
        let v = v.round().clamp(0.0, 255.0) as u8;
        v
    };
    [
        channel(a[0], b[0]),
        channel(a[1], b[1]),
        channel(a[2], b[2]),
    ]
}

/// `#rrggbb`, for SVG and Graphviz.
#[must_use]
pub fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}
