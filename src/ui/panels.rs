//! The list of the window's panels: adding a panel is a file with a type that implements `PanelUi`, and a line here.

use serde::{Deserialize, Serialize};

use super::cards::CardsPanel;
use super::panel::PanelUi;
use super::quiz::QuizPanel;
use super::reader::Reader;
use super::relations::RelationsPanel;

/// Makes, from one line per panel, the `Panel` enum (its keys are `F1`, `F2`, … in this
/// order), the list of all panels, their titles, and the `Panels` struct that holds their
/// states with a lookup by `Panel`.
macro_rules! panels {
    ($( $(#[$doc:meta])* $variant:ident => $field:ident: $ty:ty, $title:literal, $show:literal; )+) => {
        /// A panel of the window. The first is the reader, in the middle of the window; the
        /// others open beside it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Panel {
            $( $(#[$doc])* $variant, )+
        }

        impl Panel {
            /// Every panel, in the order of their keys.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The panel's name, for menus, tabs and the status bar.
            #[must_use]
            pub fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $title,)+
                }
            }

            /// What its key does, for the menus and the shortcut overlay.
            #[must_use]
            pub fn show_label(self) -> &'static str {
                match self {
                    $(Self::$variant => $show,)+
                }
            }
        }

        /// The state of every panel, one field each.
        #[derive(Default)]
        pub struct Panels {
            $( pub $field: $ty, )+
        }

        impl Panels {
            /// The panel `panel`, to draw it or give it an action.
            pub fn get_mut(&mut self, panel: Panel) -> &mut dyn PanelUi {
                match panel {
                    $(Panel::$variant => &mut self.$field,)+
                }
            }
        }
    };
}

panels! {
    /// The text, right to left, sentence by sentence.
    Reader => reader: Reader, "Reader", "Reader: the keys act on the text";
    /// Who did what to whom: the people, states and places of the text and their relations.
    Relations => relations: RelationsPanel, "Relations",
        "Relations diagram: show it, keys act on it (again: hide it)";
    /// One vocabulary card at a time.
    Cards => cards: CardsPanel, "Cards", "Cards: show them, keys act on them (again: hide them)";
    /// Questions on the text's words, sentences and relations.
    Quiz => quiz: QuizPanel, "Quiz", "Quiz: show it, keys act on it (again: hide it)";
}

#[expect(
    clippy::derivable_impls,
    reason = "the enum is made by the panels! macro, which cannot mark its first variant #[default]"
)]
impl Default for Panel {
    fn default() -> Self {
        Self::Reader
    }
}

impl Panel {
    /// The panels that open beside the reader.
    pub fn sides() -> impl Iterator<Item = Self> {
        Self::ALL.iter().copied().filter(|p| p.is_side())
    }

    /// Whether the panel opens beside the reader (every panel but the reader).
    #[must_use]
    pub fn is_side(self) -> bool {
        self != Self::Reader
    }

    /// The function key that shows the panel: `F1` for the first, `F2` for the second, …
    #[must_use]
    pub fn key(self) -> egui::Key {
        use egui::Key;
        const KEYS: [Key; 12] = [
            Key::F1,
            Key::F2,
            Key::F3,
            Key::F4,
            Key::F5,
            Key::F6,
            Key::F7,
            Key::F8,
            Key::F9,
            Key::F10,
            Key::F11,
            Key::F12,
        ];
        let index = Self::ALL.iter().position(|&p| p == self).unwrap_or(0);
        KEYS[index.min(KEYS.len() - 1)]
    }
}
