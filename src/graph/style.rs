//! How the diagram looks, the same in the panel and the pictures: text sizes, padding, colours.

use crate::analysis::EntityKind;
use crate::colours::{Rgb, entity_rgb, mix};
use crate::graph::model::Group;
use crate::render::{FontChoice, TextStyle};

/// Arabic name of a node (before scaling by how often the text names it), in points.
pub const NAME_SIZE: f32 = 17.0;
/// English name under it.
pub const NAME_EN_SIZE: f32 = 10.5;
/// Arabic label of an edge.
pub const LABEL_SIZE: f32 = 13.0;
/// English label of an edge, and the legend.
pub const LABEL_EN_SIZE: f32 = 9.5;
/// Space between a node's text and its border.
pub const NODE_PADDING: [f32; 2] = [10.0, 5.0];
/// Space between an edge label's text and its border.
pub const LABEL_PADDING: [f32; 2] = [4.0, 2.0];

/// How much larger a node's text is for how often the text names the entity: a little
/// per doubling, up to 1.6 times.
#[must_use]
pub fn node_scale(mentions: usize) -> f32 {
    #[expect(clippy::cast_precision_loss, reason = "mention counts are small")]
    let m = mentions as f32;
    (1.0 + 0.16 * (1.0 + m).log2() * 0.7).min(1.6)
}

/// The Arabic text style of a node's name.
#[must_use]
pub fn name_style(font: FontChoice, mentions: usize) -> TextStyle {
    tight(TextStyle::new(
        font,
        (NAME_SIZE * node_scale(mentions)).round(),
    ))
}

/// The English text style of a node's name.
#[must_use]
pub fn name_en_style(font: FontChoice) -> TextStyle {
    latin(tight(TextStyle::new(font, NAME_EN_SIZE)))
}

/// The Arabic text style of an edge's label.
#[must_use]
pub fn label_style(font: FontChoice) -> TextStyle {
    tight(TextStyle::new(font, LABEL_SIZE))
}

/// The English text style of an edge's label and of the legend.
#[must_use]
pub fn label_en_style(font: FontChoice) -> TextStyle {
    latin(tight(TextStyle::new(font, LABEL_EN_SIZE)))
}

/// Lines packed closer than in running text: names and labels are single lines.
fn tight(mut style: TextStyle) -> TextStyle {
    style.line_height = 1.45;
    style
}

fn latin(mut style: TextStyle) -> TextStyle {
    style.latin = true;
    style
}

/// The diagram's colours in the light or dark theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colours {
    pub dark: bool,
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    /// The fill of an edge label, so the line under it does not cross the letters.
    pub label_fill: Rgb,
}

impl Colours {
    #[must_use]
    pub fn new(dark: bool) -> Self {
        if dark {
            Self {
                dark,
                background: [30, 30, 32],
                text: [232, 230, 225],
                muted: [165, 165, 165],
                label_fill: [30, 30, 32],
            }
        } else {
            Self {
                dark,
                background: [255, 255, 255],
                text: [24, 24, 24],
                muted: [95, 95, 95],
                label_fill: [255, 255, 255],
            }
        }
    }

    /// The border and name colour of a node of `kind` (the reader's colour for the kind).
    #[must_use]
    pub fn entity(&self, kind: EntityKind) -> Rgb {
        entity_rgb(kind, self.dark)
    }

    /// The fill of a node of `kind`: its colour, faint.
    #[must_use]
    pub fn entity_fill(&self, kind: EntityKind) -> Rgb {
        mix(self.entity(kind), self.background, 0.88)
    }

    /// The colour of an edge of `group`.
    #[must_use]
    pub fn group(&self, group: Group) -> Rgb {
        let (light, dark) = match group {
            Group::Cooperation => ([0, 135, 110], [80, 205, 175]),
            Group::Conflict => ([205, 35, 35], [255, 110, 105]),
            Group::FamilyOffice => ([95, 95, 150], [170, 170, 230]),
            Group::Other => ([130, 130, 130], [150, 150, 150]),
        };
        if self.dark { dark } else { light }
    }
}

/// How thick an edge is drawn: thicker the more sentences state it.
#[must_use]
pub fn edge_width(sentences: usize) -> f32 {
    #[expect(clippy::cast_precision_loss, reason = "sentence counts are small")]
    let s = sentences.min(4) as f32;
    1.2 + 0.45 * s
}
