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
    /// Background and underline of the search bar's matches.
    pub search: Color32,
    pub search_line: Color32,
}

pub use crate::colours::{ENTITY_KINDS, entity_kind_label};

impl Palette {
    /// The text colour of an entity's mentions: distinct hues, dark enough to read on the
    /// light theme and light enough on the dark one.
    #[must_use]
    pub fn entity(&self, kind: EntityKind) -> Color32 {
        let [r, g, b] = crate::colours::entity_rgb(kind, self.text.r() > 128);
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
                search: Color32::from_rgb(28, 76, 46),
                search_line: Color32::from_rgb(110, 215, 140),
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
                search: Color32::from_rgb(196, 238, 204),
                search_line: Color32::from_rgb(30, 130, 70),
            }
        }
    }
}
