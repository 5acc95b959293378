//! Every user action, defined once with its label and keys; menus, buttons, the shortcut overlay, the README's key tables and tests use it.

use egui::{Event, Key, Modifiers};

use super::cards::CardsAction;
use super::panels::Panel;
use super::quiz::QuizAction;
use super::reader::ReaderAction;
use super::relations::RelationsAction;

/// Something the user can do. Actions of one panel are that panel's own enum, so the same key
/// can mean one thing in the reader and another on the cards (`1` sets the word's status in
/// one, rates the card in the other).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Shows a panel and gives it the keys (a side panel that has them already is hidden).
    Show(Panel),
    Export,
    /// Saves the relations diagram as a PNG or SVG picture.
    ExportDiagram,
    Open,
    /// The list of the learner's texts.
    Library,
    /// A new text from the clipboard, edited before it is added.
    Paste,
    /// A new text from a web page's address.
    ImportWeb,
    /// The search bar above the reader.
    Find,
    Shortcuts,
    Quit,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    SwitchFont,
    SwitchTheme,
    TintNames,
    StatusTints,
    Reader(ReaderAction),
    Relations(RelationsAction),
    Cards(CardsAction),
    Quiz(QuizAction),
}

/// A panel's own actions: listed, labelled and bound to keys in the panel's file.
pub trait PanelAction: Copy + Sized + 'static {
    /// Every action of the panel, in the order the shortcut overlay lists them.
    fn all() -> Vec<Self>;
    fn label(self) -> &'static str;
    fn bindings(self) -> Vec<Binding>;
}

/// A key with the modifiers it needs. Keys are matched by their physical position too,
/// so shortcuts work whatever keyboard layout is active (an Arabic one included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    pub key: Key,
    pub command: bool,
    pub shift: bool,
}

/// A plain key.
#[must_use]
pub const fn key(key: Key) -> Binding {
    Binding {
        key,
        command: false,
        shift: false,
    }
}

/// `Ctrl` (`Cmd` on a Mac) and a key.
#[must_use]
pub const fn ctrl(key: Key) -> Binding {
    Binding {
        key,
        command: true,
        shift: false,
    }
}

/// `Ctrl` (`Cmd` on a Mac), `Shift` and a key.
#[must_use]
pub const fn ctrl_shift(key: Key) -> Binding {
    Binding {
        key,
        command: true,
        shift: true,
    }
}

/// `Shift` and a key.
#[must_use]
pub const fn shift(key: Key) -> Binding {
    Binding {
        key,
        command: false,
        shift: true,
    }
}

/// `1`–`4` for the first to fourth status, rating or choice.
#[must_use]
pub fn number_key(index: usize) -> Key {
    [Key::Num1, Key::Num2, Key::Num3, Key::Num4][index.min(3)]
}

/// The actions that work in every panel, in the order the overlay lists them.
const EVERYWHERE: &[Action] = &[
    Action::Library,
    Action::Open,
    Action::Paste,
    Action::ImportWeb,
    Action::Find,
    Action::Export,
    Action::ExportDiagram,
    Action::ZoomIn,
    Action::ZoomOut,
    Action::ZoomReset,
    Action::SwitchFont,
    Action::SwitchTheme,
    Action::TintNames,
    Action::StatusTints,
    Action::Shortcuts,
    Action::Quit,
];

impl Action {
    /// Every action: those that work everywhere, the panel keys, then each panel's own.
    #[must_use]
    pub fn all() -> Vec<Self> {
        let mut all: Vec<Self> = Panel::ALL.iter().map(|&p| Self::Show(p)).collect();
        all.extend(EVERYWHERE);
        all.extend(ReaderAction::all().into_iter().map(Self::Reader));
        all.extend(RelationsAction::all().into_iter().map(Self::Relations));
        all.extend(CardsAction::all().into_iter().map(Self::Cards));
        all.extend(QuizAction::all().into_iter().map(Self::Quiz));
        all
    }

    /// The panel this action belongs to; `None` for actions that work everywhere.
    #[must_use]
    pub fn panel(self) -> Option<Panel> {
        match self {
            Self::Reader(_) => Some(Panel::Reader),
            Self::Relations(_) => Some(Panel::Relations),
            Self::Cards(_) => Some(Panel::Cards),
            Self::Quiz(_) => Some(Panel::Quiz),
            _ => None,
        }
    }

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Show(panel) => panel.show_label(),
            Self::Export => "Export cards (Anki, CSV, TSV, JSON)…",
            Self::ExportDiagram => "Export the relations diagram (PNG picture, SVG drawing)…",
            Self::Open => {
                "Open a text, web page or e-book file… (or drop one on the window): added to the library"
            }
            Self::Library => "Library: your texts, how much of each you know; open, rename, remove",
            Self::Paste => "New text from the clipboard (edit it and its title, then add it)",
            Self::ImportWeb => "Import a web page's article by its address…",
            Self::Find => "Find in the text: an Arabic word in any form, or an English gloss",
            Self::Shortcuts => "Show keyboard shortcuts",
            Self::Quit => "Quit (settings, window size and progress are saved)",
            Self::ZoomIn => "Larger text",
            Self::ZoomOut => "Smaller text",
            Self::ZoomReset => "Default text size",
            Self::SwitchFont => "Switch font (Noto Naskh Arabic / Amiri)",
            Self::SwitchTheme => "Switch light / dark theme",
            Self::TintNames => "Colour names of people, states and places by kind (on / off)",
            Self::StatusTints => "Tint words by status (new: blue, learning: amber)",
            Self::Reader(a) => a.label(),
            Self::Relations(a) => a.label(),
            Self::Cards(a) => a.label(),
            Self::Quiz(a) => a.label(),
        }
    }

    /// The default keys.
    #[must_use]
    pub fn bindings(self) -> Vec<Binding> {
        match self {
            Self::Show(panel) => vec![key(panel.key())],
            Self::Export => vec![ctrl(Key::E)],
            Self::ExportDiagram => vec![ctrl(Key::G)],
            Self::Open => vec![ctrl(Key::O)],
            Self::Library => vec![ctrl(Key::L)],
            Self::Paste => vec![ctrl_shift(Key::V)],
            Self::ImportWeb => vec![ctrl(Key::U)],
            Self::Find => vec![ctrl(Key::F)],
            Self::Shortcuts => vec![shift(Key::Slash), key(Key::Questionmark)],
            Self::Quit => vec![ctrl(Key::Q)],
            Self::ZoomIn => vec![ctrl(Key::Equals), ctrl(Key::Plus)],
            Self::ZoomOut => vec![ctrl(Key::Minus)],
            Self::ZoomReset => vec![ctrl(Key::Num0)],
            Self::SwitchFont => vec![key(Key::F)],
            Self::SwitchTheme => vec![key(Key::D)],
            Self::TintNames => vec![key(Key::N)],
            Self::StatusTints => vec![key(Key::S)],
            Self::Reader(a) => a.bindings(),
            Self::Relations(a) => a.bindings(),
            Self::Cards(a) => a.bindings(),
            Self::Quiz(a) => a.bindings(),
        }
    }

    /// The keys as people write them, for menus, buttons and the overlay ("↓  j").
    #[must_use]
    pub fn keys_text(self) -> String {
        self.bindings()
            .into_iter()
            // `?` is Shift+/ on most layouts: one name is enough.
            .filter(|b| !(self == Self::Shortcuts && b.key == Key::Slash))
            .map(binding_text)
            .collect::<Vec<_>>()
            .join("  ")
    }

    /// The first key as people write it, for a button's hint ("Space").
    #[must_use]
    pub fn key_text(self) -> String {
        self.bindings()
            .into_iter()
            .find(|b| !(self == Self::Shortcuts && b.key == Key::Slash))
            .map(binding_text)
            .unwrap_or_default()
    }

    /// Whether the action may run while `active` has the keys.
    #[must_use]
    pub fn acts_in(self, active: Panel) -> bool {
        self.panel().is_none_or(|p| p == active)
    }

    fn matches(self, key: Key, physical: Option<Key>, modifiers: Modifiers) -> bool {
        self.bindings().into_iter().any(|b| {
            let same_key = b.key == key || physical == Some(b.key);
            let command_ok = b.command == (modifiers.command || modifiers.ctrl);
            // `?` is typed with Shift; other plain keys must not have it (Shift+↓ is not ↓).
            // A Ctrl shortcut takes Shift too (Ctrl++ is Ctrl+Shift+= on many layouts), unless
            // it is a Ctrl+Shift one, which needs it.
            let shift_ok =
                b.shift == modifiers.shift || b.key == Key::Questionmark || (b.command && !b.shift);
            same_key && command_ok && shift_ok && !modifiers.alt
        })
    }
}

/// A key binding as people write it: `Ctrl+E`, `↓`, `j`, `Shift+Tab`.
fn binding_text(b: Binding) -> String {
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
        Key::Escape => "Esc".to_owned(),
        other if other.name().len() == 1 => other.name().to_lowercase(),
        other => other.name().to_owned(),
    };
    match (b.command, b.shift) {
        (true, true) => format!("Ctrl+Shift+{}", name.to_uppercase()),
        (true, false) => format!("Ctrl+{}", name.to_uppercase()),
        (false, true) if name.chars().count() > 1 => format!("Shift+{name}"),
        (false, true) => name.to_uppercase(),
        (false, false) => name,
    }
}

/// Every key as Markdown tables: one for the keys that work everywhere, one per panel with keys
/// of its own. The README's key tables are this text (a test checks them).
#[must_use]
pub fn keys_markdown() -> String {
    let all = Action::all();
    let mut out = String::new();
    let groups = std::iter::once((None, "everywhere".to_owned())).chain(
        Panel::ALL
            .iter()
            .filter(|&&p| all.iter().any(|a| a.panel() == Some(p)))
            .map(|&p| {
                let key = Action::Show(p).key_text();
                (Some(p), format!("{} (`{key}`)", p.label().to_lowercase()))
            }),
    );
    for (panel, title) in groups {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("| {title} | action |\n|---|---|\n"));
        for action in all.iter().filter(|a| a.panel() == panel) {
            let keys: Vec<String> = action
                .keys_text()
                .split("  ")
                .map(|k| format!("`{k}`"))
                .collect();
            out.push_str(&format!("| {} | {} |\n", keys.join(" "), action.label()));
        }
    }
    out
}

/// Whether a key press may go to a text field being typed in instead of being a shortcut:
/// plain keys do (`Esc` too: it leaves the field); `Ctrl` shortcuts and the panel keys stay
/// shortcuts.
fn is_typing(key: Key, modifiers: Modifiers) -> bool {
    let panel_key = Panel::ALL.iter().any(|p| p.key() == key);
    !(modifiers.command || modifiers.ctrl || panel_key)
}

/// Which shortcuts wait while a window is open over the panels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hold {
    Nothing,
    /// Plain keys (arrows, letters, `Enter`) belong to the window; `Ctrl` shortcuts still work.
    PlainKeys,
    /// Every key belongs to the window (a file being chosen).
    All,
}

/// Takes the key presses (and copy requests) that are shortcuts for the `active` panel out
/// of this frame's input, so no other widget acts on them too, and returns their actions in
/// order. While a text field has the focus, plain keys are left to it; `hold` leaves keys
/// to a window open over the panels.
pub fn take_actions(ctx: &egui::Context, active: Panel, hold: Hold) -> Vec<Action> {
    if hold == Hold::All {
        return Vec::new();
    }
    let typing = ctx.text_edit_focused()
        || crate::render::edit::field_focused(ctx)
        || hold == Hold::PlainKeys;
    let all = Action::all();
    let mut actions = Vec::new();
    let copy = Action::Reader(ReaderAction::CopySentence);
    ctx.input_mut(|input| {
        input.events.retain(|event| match event {
            Event::Key {
                key,
                physical_key,
                pressed: true,
                modifiers,
                ..
            } if !(typing && is_typing(*key, *modifiers)) => {
                match all
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
            Event::Copy if !typing && copy.acts_in(active) => {
                actions.push(copy);
                false
            }
            _ => true,
        });
    });
    actions.dedup_by(|a, b| *a == copy && *b == copy);
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::{Rating, Status};

    #[test]
    fn physical_keys_match_under_any_layout() {
        // An Arabic layout: the J key types "ت", egui reports the logical key it can, and the physical J.
        let none = Modifiers::NONE;
        let next = Action::Reader(ReaderAction::NextSentence);
        assert!(next.matches(Key::J, Some(Key::J), none));
        assert!(next.matches(Key::Questionmark, Some(Key::J), none));
        assert!(Action::Shortcuts.matches(Key::Slash, Some(Key::Slash), Modifiers::SHIFT));
        assert!(!next.matches(Key::ArrowDown, Some(Key::ArrowDown), Modifiers::SHIFT));
        assert!(Action::ZoomIn.matches(Key::Equals, Some(Key::Equals), Modifiers::COMMAND));
        assert!(!Action::ZoomIn.matches(Key::Equals, Some(Key::Equals), none));
    }

    fn found(key: Key, panel: Panel) -> Option<Action> {
        Action::all()
            .into_iter()
            .find(|a| a.acts_in(panel) && a.matches(key, Some(key), Modifiers::NONE))
    }

    #[test]
    fn the_same_key_means_one_thing_per_panel() {
        assert_eq!(
            found(Key::Num2, Panel::Reader),
            Some(Action::Reader(ReaderAction::SetStatus(Status::Learning)))
        );
        assert_eq!(
            found(Key::Num2, Panel::Cards),
            Some(Action::Cards(CardsAction::Rate(Rating::Hard)))
        );
        assert_eq!(
            found(Key::ArrowLeft, Panel::Reader),
            Some(Action::Reader(ReaderAction::NextWord))
        );
        assert_eq!(
            found(Key::ArrowLeft, Panel::Cards),
            Some(Action::Cards(CardsAction::Next))
        );
        assert_eq!(found(Key::Space, Panel::Reader), None);
    }

    #[test]
    fn f1_to_f4_show_the_four_panels_from_anywhere() {
        let keys = [Key::F1, Key::F2, Key::F3, Key::F4];
        assert_eq!(Panel::ALL.len(), keys.len());
        for (&panel, key) in Panel::ALL.iter().zip(keys) {
            assert_eq!(panel.key(), key);
            for &active in Panel::ALL {
                assert_eq!(
                    found(key, active),
                    Some(Action::Show(panel)),
                    "{key:?} in {active:?}"
                );
            }
        }
    }

    #[test]
    fn ctrl_f_finds_from_every_panel_and_f_still_switches_the_font() {
        for &panel in Panel::ALL {
            let with_ctrl = Action::all()
                .into_iter()
                .find(|a| a.acts_in(panel) && a.matches(Key::F, Some(Key::F), Modifiers::COMMAND));
            assert_eq!(with_ctrl, Some(Action::Find), "{panel:?}");
            assert_eq!(found(Key::F, panel), Some(Action::SwitchFont), "{panel:?}");
        }
        assert_eq!(Action::Find.keys_text(), "Ctrl+F");
    }

    #[test]
    fn no_key_is_bound_twice_in_one_panel() {
        for &panel in Panel::ALL {
            let mut seen: Vec<(Binding, Action)> = Vec::new();
            for action in Action::all().into_iter().filter(|a| a.acts_in(panel)) {
                for binding in action.bindings() {
                    if let Some((_, other)) = seen.iter().find(|(b, _)| *b == binding) {
                        panic!("{binding:?} is bound to {other:?} and {action:?} in {panel:?}");
                    }
                    seen.push((binding, action));
                }
            }
        }
    }

    #[test]
    fn every_action_has_a_label_a_key_and_a_place_in_the_list() {
        let all = Action::all();
        for (i, action) in all.iter().enumerate() {
            assert!(!action.label().is_empty(), "{action:?}");
            assert!(!action.keys_text().is_empty(), "{action:?}");
            assert!(!all[..i].contains(action), "{action:?} listed twice");
        }
        for &panel in Panel::ALL {
            assert!(all.contains(&Action::Show(panel)), "{panel:?} has no key");
        }
    }

    #[test]
    fn keys_are_written_as_people_write_them() {
        assert_eq!(Action::Export.keys_text(), "Ctrl+E");
        assert_eq!(Action::Show(Panel::Cards).keys_text(), "F3");
        assert_eq!(
            Action::Reader(ReaderAction::NextSentence).keys_text(),
            "↓  j"
        );
        assert_eq!(Action::Shortcuts.keys_text(), "?");
        assert_eq!(binding_text(shift(Key::Tab)), "Shift+Tab");
        assert_eq!(Action::Paste.keys_text(), "Ctrl+Shift+V");
    }

    #[test]
    fn ctrl_shift_v_pastes_a_new_text_and_ctrl_v_alone_does_not() {
        let paste = |m| Action::Paste.matches(Key::V, Some(Key::V), m);
        assert!(paste(Modifiers::COMMAND | Modifiers::SHIFT));
        assert!(!paste(Modifiers::COMMAND), "Ctrl+V pastes into a field");
        // Ctrl shortcuts still take Shift: Ctrl++ is Ctrl+Shift+= on a US keyboard.
        let plus = Action::ZoomIn.matches(Key::Equals, None, Modifiers::COMMAND | Modifiers::SHIFT);
        assert!(plus);
    }
}
