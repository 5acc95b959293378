//! Colours of the reader in the light and dark themes.

use egui::Color32;

use crate::analysis::entities::EntityKind;

/// The colours the reader paints with.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub text: Color32,
    pub muted: Color32,
    pub sentence: Color32,
    pub word: Color32,
    pub word_line: Color32,
    pub hover: Color32,
    pub selection: Color32,
    /// Background of words whose status is new (light blue, as in LWT and Lute).
    pub status_new: Color32,
    /// Background of words being learned.
    pub status_learning: Color32,
    /// Background and underline of ranges another panel marks in the reader (a relation's names).
    pub mark: Color32,
    pub mark_line: Color32,
}

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

impl Palette {
    /// The text colour of an entity's mentions: distinct hues, dark enough to read on the
    /// light theme and light enough on the dark one.
    #[must_use]
    pub fn entity(&self, kind: EntityKind) -> Color32 {
        let dark = self.text.r() > 128;
        let (light_rgb, dark_rgb) = match kind {
            EntityKind::Person => ((150, 40, 150), (230, 140, 230)),
            EntityKind::State => ((20, 90, 190), (120, 175, 255)),
            EntityKind::Place => ((20, 125, 60), (110, 210, 140)),
            EntityKind::Organization => ((190, 90, 0), (255, 170, 80)),
            EntityKind::Document => ((120, 85, 40), (215, 180, 130)),
            EntityKind::Event => ((190, 30, 50), (255, 120, 130)),
        };
        let (r, g, b) = if dark { dark_rgb } else { light_rgb };
        Color32::from_rgb(r, g, b)
    }

    #[must_use]
    pub fn new(dark: bool) -> Self {
        if dark {
            Self {
                text: Color32::from_rgb(232, 230, 225),
                muted: Color32::from_rgb(160, 160, 160),
                sentence: Color32::from_rgb(58, 54, 36),
                word: Color32::from_rgb(110, 92, 30),
                word_line: Color32::from_rgb(240, 190, 60),
                hover: Color32::from_rgb(44, 58, 82),
                selection: Color32::from_rgb(38, 79, 140),
                status_new: Color32::from_rgb(30, 52, 74),
                status_learning: Color32::from_rgb(78, 58, 24),
                mark: Color32::from_rgb(70, 40, 90),
                mark_line: Color32::from_rgb(220, 140, 255),
            }
        } else {
            Self {
                text: Color32::from_rgb(24, 24, 24),
                muted: Color32::from_rgb(100, 100, 100),
                sentence: Color32::from_rgb(255, 244, 200),
                word: Color32::from_rgb(255, 218, 110),
                word_line: Color32::from_rgb(200, 120, 0),
                hover: Color32::from_rgb(222, 234, 255),
                selection: Color32::from_rgb(176, 206, 255),
                status_new: Color32::from_rgb(214, 234, 250),
                status_learning: Color32::from_rgb(252, 222, 186),
                mark: Color32::from_rgb(236, 214, 255),
                mark_line: Color32::from_rgb(130, 60, 180),
            }
        }
    }
}
