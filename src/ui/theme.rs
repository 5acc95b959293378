//! Colours of the reader in the light and dark themes.

use egui::Color32;

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
}

impl Palette {
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
            }
        }
    }
}
