//! Every user action, defined once with its label and keys; menus, buttons, the shortcut overlay and tests use it.

use egui::{Event, Key, Modifiers};

use crate::study::{Rating, Status};

/// The panel the keys act on: the same key can mean one thing in the reader and another on
/// the cards (`1` sets the word's status in one, rates the card in the other).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Panel {
    #[default]
    Reader,
    Cards,
}

impl Panel {
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Reader => "Reader",
            Self::Cards => "Cards",
        }
    }
}

/// Something the user can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    NextSentence,
    PreviousSentence,
    FirstSentence,
    LastSentence,
    NextWord,
    PreviousWord,
    WordDetails,
    CloseDetails,
    Translation,
    CopySentence,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    SwitchFont,
    SwitchTheme,
    TintNames,
    Open,
    Shortcuts,
    Quit,
    ShowReader,
    ShowCards,
    Export,
    StatusTints,
    /// The current word's status (reader).
    SetStatus(Status),
    /// Every word of the current sentence still marked new becomes known (reader).
    KnowRestOfSentence,
    FlipCard,
    NextCard,
    PreviousCard,
    /// Rates the current card and moves on (cards).
    Rate(Rating),
}

/// A key with the modifiers it needs. Keys are matched by their physical position too,
/// so shortcuts work whatever keyboard layout is active (an Arabic one included).
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub key: Key,
    pub command: bool,
    pub shift: bool,
}

const fn key(key: Key) -> Binding {
    Binding {
        key,
        command: false,
        shift: false,
    }
}
const fn ctrl(key: Key) -> Binding {
    Binding {
        key,
        command: true,
        shift: false,
    }
}
const fn shift(key: Key) -> Binding {
    Binding {
        key,
        command: false,
        shift: true,
    }
}

impl Action {
    pub const ALL: [Self; 35] = [
        Self::ShowReader,
        Self::ShowCards,
        Self::Export,
        Self::NextSentence,
        Self::PreviousSentence,
        Self::FirstSentence,
        Self::LastSentence,
        Self::NextWord,
        Self::PreviousWord,
        Self::WordDetails,
        Self::CloseDetails,
        Self::Translation,
        Self::CopySentence,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::SwitchFont,
        Self::SwitchTheme,
        Self::TintNames,
        Self::Open,
        Self::StatusTints,
        Self::Shortcuts,
        Self::Quit,
        Self::SetStatus(Status::New),
        Self::SetStatus(Status::Learning),
        Self::SetStatus(Status::Known),
        Self::SetStatus(Status::Ignored),
        Self::KnowRestOfSentence,
        Self::FlipCard,
        Self::NextCard,
        Self::PreviousCard,
        Self::Rate(Rating::Again),
        Self::Rate(Rating::Hard),
        Self::Rate(Rating::Good),
        Self::Rate(Rating::Easy),
    ];

    /// The panel this action belongs to; `None` for actions that work everywhere.
    #[must_use]
    pub fn panel(self) -> Option<Panel> {
        match self {
            Self::NextSentence
            | Self::PreviousSentence
            | Self::FirstSentence
            | Self::LastSentence
            | Self::NextWord
            | Self::PreviousWord
            | Self::WordDetails
            | Self::Translation
            | Self::CopySentence
            | Self::SetStatus(_)
            | Self::KnowRestOfSentence => Some(Panel::Reader),
            Self::FlipCard | Self::NextCard | Self::PreviousCard | Self::Rate(_) => {
                Some(Panel::Cards)
            }
            _ => None,
        }
    }

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::NextSentence => "Next sentence",
            Self::PreviousSentence => "Previous sentence",
            Self::FirstSentence => "First sentence",
            Self::LastSentence => "Last sentence",
            Self::NextWord => "Next word (reading order: leftwards in Arabic)",
            Self::PreviousWord => "Previous word",
            Self::WordDetails => "Details of the current word",
            Self::CloseDetails => "Close the details",
            Self::Translation => "Show / hide the sentence's English translation",
            Self::CopySentence => "Copy the selection, or the current sentence",
            Self::ZoomIn => "Larger text",
            Self::ZoomOut => "Smaller text",
            Self::ZoomReset => "Default text size",
            Self::SwitchFont => "Switch font (Noto Naskh Arabic / Amiri)",
            Self::SwitchTheme => "Switch light / dark theme",
            Self::TintNames => "Colour names of people, states and places by kind (on / off)",
            Self::Open => "Open a text file…",
            Self::Shortcuts => "Show keyboard shortcuts",
            Self::Quit => "Quit (settings, window size and progress are saved)",
            Self::ShowReader => "Reader: keys act on the text",
            Self::ShowCards => "Cards: show them, keys act on them (again: hide them)",
            Self::Export => "Export cards (Anki, CSV, TSV, JSON)…",
            Self::StatusTints => "Tint words by status (new: blue, learning: amber)",
            Self::SetStatus(Status::New) => "Mark the current word new",
            Self::SetStatus(Status::Learning) => "Mark the current word learning",
            Self::SetStatus(Status::Known) => "Mark the current word known",
            Self::SetStatus(Status::Ignored) => "Mark the current word ignored",
            Self::KnowRestOfSentence => "Mark the sentence's remaining new words known",
            Self::FlipCard => "Flip the card",
            Self::NextCard => "Next card (leftwards, like the Arabic text)",
            Self::PreviousCard => "Previous card",
            Self::Rate(Rating::Again) => "Again: forgotten, show it again soon; next card",
            Self::Rate(Rating::Hard) => "Hard: remembered with effort; next card",
            Self::Rate(Rating::Good) => "Good: remembered; next card",
            Self::Rate(Rating::Easy) => "Easy: remembered at once; next card",
        }
    }

    /// The default keys. `←` is the next word, and the next card: Arabic reads leftwards.
    #[must_use]
    pub fn bindings(self) -> Vec<Binding> {
        match self {
            Self::NextSentence => vec![key(Key::ArrowDown), key(Key::J)],
            Self::PreviousSentence => vec![key(Key::ArrowUp), key(Key::K)],
            Self::FirstSentence => vec![key(Key::Home)],
            Self::LastSentence => vec![key(Key::End)],
            Self::NextWord => vec![key(Key::ArrowLeft)],
            Self::PreviousWord => vec![key(Key::ArrowRight)],
            Self::WordDetails => vec![key(Key::Enter)],
            Self::CloseDetails => vec![key(Key::Escape)],
            Self::Translation => vec![key(Key::T)],
            Self::CopySentence => vec![ctrl(Key::C)],
            Self::ZoomIn => vec![ctrl(Key::Equals), ctrl(Key::Plus)],
            Self::ZoomOut => vec![ctrl(Key::Minus)],
            Self::ZoomReset => vec![ctrl(Key::Num0)],
            Self::SwitchFont => vec![key(Key::F)],
            Self::SwitchTheme => vec![key(Key::D)],
            Self::TintNames => vec![key(Key::N)],
            Self::Open => vec![ctrl(Key::O)],
            Self::Quit => vec![ctrl(Key::Q)],
            Self::Shortcuts => vec![shift(Key::Slash), key(Key::Questionmark)],
            Self::ShowReader => vec![key(Key::F1)],
            Self::ShowCards => vec![key(Key::F3)],
            Self::Export => vec![ctrl(Key::E)],
            Self::StatusTints => vec![key(Key::S)],
            Self::SetStatus(status) => vec![key(number_key(status as usize))],
            // `w` for "well known", as in LWT.
            Self::KnowRestOfSentence => vec![key(Key::W)],
            Self::FlipCard => vec![key(Key::Space)],
            Self::NextCard => vec![key(Key::ArrowLeft)],
            Self::PreviousCard => vec![key(Key::ArrowRight)],
            Self::Rate(rating) => vec![key(number_key(rating as usize))],
        }
    }

    /// The keys as people write them, for menus and the overlay.
    #[must_use]
    pub fn keys_text(self) -> String {
        let names: Vec<String> = self
            .bindings()
            .into_iter()
            .filter(|b| !(self == Self::Shortcuts && b.key == Key::Slash))
            .map(|b| {
                let name = match b.key {
                    Key::ArrowDown => "↓".to_owned(),
                    Key::ArrowUp => "↑".to_owned(),
                    Key::ArrowLeft => "←".to_owned(),
                    Key::ArrowRight => "→".to_owned(),
                    Key::Equals => "=".to_owned(),
                    Key::Plus => "+".to_owned(),
                    Key::Minus => "-".to_owned(),
                    Key::Num0 => "0".to_owned(),
                    Key::Questionmark => "?".to_owned(),
                    Key::Space => "Space".to_owned(),
                    other => other.name().to_owned(),
                };
                let name = if b.key.name().len() == 1 {
                    name.to_lowercase()
                } else {
                    name
                };
                if b.command {
                    format!("Ctrl+{}", name.to_uppercase())
                } else {
                    name
                }
            })
            .collect();
        names.join("  ")
    }

    /// Whether the action may run while `active` has the keys.
    fn acts_in(self, active: Panel) -> bool {
        self.panel().is_none_or(|p| p == active)
    }

    fn matches(self, key: Key, physical: Option<Key>, modifiers: Modifiers) -> bool {
        self.bindings().into_iter().any(|b| {
            let same_key = b.key == key || physical == Some(b.key);
            let command_ok = b.command == (modifiers.command || modifiers.ctrl);
            // `?` is typed with Shift; other plain keys must not have it (Shift+↓ is not ↓).
            let shift_ok = b.shift == modifiers.shift || b.key == Key::Questionmark || b.command;
            same_key && command_ok && shift_ok && !modifiers.alt
        })
    }
}

/// `1`–`4` for the first to fourth status or rating.
fn number_key(index: usize) -> Key {
    [Key::Num1, Key::Num2, Key::Num3, Key::Num4][index.min(3)]
}

/// Whether a key press may go to a text field being typed in instead of being a shortcut:
/// plain keys do (`Esc` too: it leaves the field); `Ctrl` shortcuts and the panel keys stay
/// shortcuts.
fn is_typing(key: Key, modifiers: Modifiers) -> bool {
    let panel_key = matches!(key, Key::F1 | Key::F2 | Key::F3 | Key::F4);
    !(modifiers.command || modifiers.ctrl || panel_key)
}

/// Takes the key presses (and copy requests) that are shortcuts for the `active` panel out
/// of this frame's input, so no other widget acts on them too, and returns their actions in
/// order. While a text field has the focus, plain keys are left to it.
pub fn take_actions(ctx: &egui::Context, active: Panel) -> Vec<Action> {
    let typing = ctx.text_edit_focused() || crate::render::edit::field_focused(ctx);
    let mut actions = Vec::new();
    ctx.input_mut(|input| {
        input.events.retain(|event| match event {
            Event::Key {
                key,
                physical_key,
                pressed: true,
                modifiers,
                ..
            } if !(typing && is_typing(*key, *modifiers)) => {
                match Action::ALL
                    .iter()
                    .find(|a| a.acts_in(active) && a.matches(*key, *physical_key, *modifiers))
                {
                    Some(action) => {
                        actions.push(*action);
                        false
                    }
                    None => true,
                }
            }
            Event::Copy if !typing && active == Panel::Reader => {
                actions.push(Action::CopySentence);
                false
            }
            _ => true,
        });
    });
    actions.dedup_by(|a, b| *a == Action::CopySentence && *b == Action::CopySentence);
    actions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn physical_keys_match_under_any_layout() {
        // An Arabic layout: the J key types "ت", egui reports the logical key it can, and the physical J.
        let none = Modifiers::NONE;
        assert!(Action::NextSentence.matches(Key::J, Some(Key::J), none));
        assert!(Action::NextSentence.matches(Key::Questionmark, Some(Key::J), none));
        assert!(Action::Shortcuts.matches(Key::Slash, Some(Key::Slash), Modifiers::SHIFT));
        assert!(!Action::NextSentence.matches(
            Key::ArrowDown,
            Some(Key::ArrowDown),
            Modifiers::SHIFT
        ));
        assert!(Action::ZoomIn.matches(Key::Equals, Some(Key::Equals), Modifiers::COMMAND));
        assert!(!Action::ZoomIn.matches(Key::Equals, Some(Key::Equals), none));
    }

    #[test]
    fn the_same_key_means_one_thing_per_panel() {
        let found = |key: Key, panel: Panel| {
            Action::ALL
                .into_iter()
                .find(|a| a.acts_in(panel) && a.matches(key, Some(key), Modifiers::NONE))
        };
        assert_eq!(
            found(Key::Num2, Panel::Reader),
            Some(Action::SetStatus(Status::Learning))
        );
        assert_eq!(
            found(Key::Num2, Panel::Cards),
            Some(Action::Rate(Rating::Hard))
        );
        assert_eq!(found(Key::ArrowLeft, Panel::Reader), Some(Action::NextWord));
        assert_eq!(found(Key::ArrowLeft, Panel::Cards), Some(Action::NextCard));
        assert_eq!(found(Key::Space, Panel::Reader), None);
        assert_eq!(found(Key::F3, Panel::Reader), Some(Action::ShowCards));
        assert_eq!(found(Key::F1, Panel::Cards), Some(Action::ShowReader));
    }

    #[test]
    fn every_action_has_a_label_and_a_key() {
        for action in Action::ALL {
            assert!(!action.label().is_empty());
            assert!(!action.keys_text().is_empty(), "{action:?}");
        }
    }
}
