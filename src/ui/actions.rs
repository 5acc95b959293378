//! Every user action, defined once with its label and keys; menus, buttons, the shortcut overlay and tests use it.

use egui::{Event, Key, Modifiers};

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
    pub const ALL: [Self; 19] = [
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
        Self::Shortcuts,
        Self::Quit,
    ];

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
            Self::Quit => "Quit (settings and window size are saved)",
        }
    }

    /// The default keys. `←` is the next word: Arabic reads leftwards.
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

/// Takes the key presses (and copy requests) that are shortcuts out of this frame's input,
/// so no other widget acts on them too, and returns their actions in order.
pub fn take_actions(ctx: &egui::Context) -> Vec<Action> {
    let mut actions = Vec::new();
    ctx.input_mut(|input| {
        input.events.retain(|event| match event {
            Event::Key {
                key,
                physical_key,
                pressed: true,
                modifiers,
                ..
            } => {
                match Action::ALL
                    .iter()
                    .find(|a| a.matches(*key, *physical_key, *modifiers))
                {
                    Some(action) => {
                        actions.push(*action);
                        false
                    }
                    None => true,
                }
            }
            Event::Copy => {
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
    fn every_action_has_a_label_and_a_key() {
        for action in Action::ALL {
            assert!(!action.label().is_empty());
            assert!(!action.keys_text().is_empty(), "{action:?}");
        }
    }
}
