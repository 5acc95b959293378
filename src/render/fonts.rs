//! The bundled fonts, the only ones Dars ever loads, so text looks the same on every machine.

use std::sync::Arc;

use cosmic_text::{FontSystem, fontdb};
use serde::{Deserialize, Serialize};

/// Which Arabic typeface the text is set in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FontChoice {
    /// Noto Naskh Arabic: clear, modern naskh, good on screens.
    #[default]
    Naskh,
    /// Amiri: classical naskh in the tradition of the Bulaq press, with rich ligatures.
    Amiri,
}

impl FontChoice {
    /// The family name in the font files.
    #[must_use]
    pub fn family(self) -> &'static str {
        match self {
            Self::Naskh => "Noto Naskh Arabic",
            Self::Amiri => "Amiri",
        }
    }

    /// A name for menus.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Naskh => "Noto Naskh Arabic",
            Self::Amiri => "Amiri",
        }
    }

    /// The other choice.
    #[must_use]
    pub fn toggled(self) -> Self {
        match self {
            Self::Naskh => Self::Amiri,
            Self::Amiri => Self::Naskh,
        }
    }

    /// The regular-weight file's bytes (for tools that need the file itself, like shaping checks).
    #[must_use]
    pub fn regular_bytes(self) -> &'static [u8] {
        match self {
            Self::Naskh => NASKH_REGULAR,
            Self::Amiri => AMIRI_REGULAR,
        }
    }
}

const NASKH_REGULAR: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf");
const NASKH_BOLD: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf");
const AMIRI_REGULAR: &[u8] = include_bytes!("../../fonts/Amiri-Regular.ttf");
const AMIRI_BOLD: &[u8] = include_bytes!("../../fonts/Amiri-Bold.ttf");
// Noto Naskh Arabic has no Latin letters, curly quotes or brackets; cosmic-text falls back to Noto Sans.
const SANS_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");
const SANS_BOLD: &[u8] = include_bytes!("../../fonts/NotoSans-Bold.ttf");

/// Noto Sans, for egui's own (English) text: its default font lacks the letters of
/// transliteration (ʿ ʾ ā ī ū ṯ ḥ …).
#[must_use]
pub fn latin_ui_font() -> &'static [u8] {
    SANS_REGULAR
}

/// A font system holding only the bundled faces: no system scan (fast, and deterministic).
#[must_use]
pub fn bundled_font_system() -> FontSystem {
    let mut db = fontdb::Database::new();
    for bytes in [
        NASKH_REGULAR,
        NASKH_BOLD,
        AMIRI_REGULAR,
        AMIRI_BOLD,
        SANS_REGULAR,
        SANS_BOLD,
    ] {
        db.load_font_source(fontdb::Source::Binary(Arc::new(bytes)));
    }
    // cosmic-text falls back to "Noto Sans Arabic" for Arabic letters in a Latin face's text:
    // let that name find the bundled Noto Naskh Arabic.
    let naskh: Vec<fontdb::FaceInfo> = db
        .faces()
        .filter(|f| {
            f.families
                .iter()
                .any(|(name, _)| name == "Noto Naskh Arabic")
        })
        .cloned()
        .collect();
    for mut face in naskh {
        face.families = vec![(
            "Noto Sans Arabic".to_owned(),
            fontdb::Language::English_UnitedStates,
        )];
        db.push_face_info(face);
    }
    db.set_sans_serif_family("Noto Sans");
    db.set_serif_family("Noto Naskh Arabic");
    FontSystem::new_with_locale_and_db("ar".to_owned(), db)
}
