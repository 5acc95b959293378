//! A focused field's keyboard, clipboard, input-method and accessibility events, applied to
//! its model as a browser's `<input dir=auto>` would.

use cosmic_text::FontSystem;
use egui::{Event, ImeEvent, Key, Modifiers, accesskit};

use super::model::Caret;
use super::phonetic;
use super::state::{FieldState, Setting};
use super::units;

/// What the events did that the widget must pass on.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The text changed.
    pub changed: bool,
    /// `Enter` in a single-line field, with its modifiers.
    pub submitted: Option<Modifiers>,
    /// `Esc`: the field is left.
    pub cancelled: bool,
    /// Text for the clipboard (copy or cut).
    pub copied: Option<String>,
}

/// Applies a frame's events to a field that has the keyboard focus.
pub fn apply(
    state: &mut FieldState,
    fonts: &mut FontSystem,
    setting: Setting,
    events: &[Event],
    field: accesskit::NodeId,
) -> Outcome {
    let mut out = Outcome::default();
    for event in events {
        let revision = state.model.revision();
        match event {
            Event::Text(typed) if typed != "\n" && typed != "\r" => {
                if state.phonetic {
                    state.model.type_text(&phonetic::to_arabic(typed));
                } else {
                    state.model.type_text(typed);
                }
            }
            Event::Paste(pasted) => state.model.paste(pasted),
            Event::Copy if !state.model.selection().is_empty() => {
                out.copied = Some(state.model.selected_text().to_owned());
            }
            Event::Cut => {
                if let Some(cut) = state.model.cut() {
                    out.copied = Some(cut);
                }
            }
            Event::Ime(ime) => apply_ime(state, ime),
            Event::Key {
                key: Key::Escape,
                pressed: true,
                ..
            } => {
                state.model.leave();
                out.cancelled = true;
            }
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } => {
                if let Some(submitted) = apply_key(state, fonts, setting, *key, *modifiers) {
                    out.submitted = Some(submitted);
                }
            }
            Event::AccessKitActionRequest(request) if request.target_node == field => {
                apply_accesskit(state, request);
            }
            _ => {}
        }
        out.changed |= state.model.revision() != revision;
    }
    out
}

fn apply_ime(state: &mut FieldState, ime: &ImeEvent) {
    match ime {
        ImeEvent::Preedit { text, .. } => state.model.set_preedit(text),
        ImeEvent::Commit(text) => state.model.commit(text),
        ImeEvent::DeleteSurrounding {
            before_chars,
            after_chars,
        } => state.model.delete_surrounding(*before_chars, *after_chars),
        #[expect(
            deprecated,
            reason = "egui no longer sends these, but the enum still has them"
        )]
        ImeEvent::Enabled | ImeEvent::Disabled => {}
    }
}

fn apply_accesskit(state: &mut FieldState, request: &accesskit::ActionRequest) {
    let Some(accesskit::ActionData::Value(value)) = &request.data else {
        return;
    };
    match request.action {
        accesskit::Action::SetValue => {
            state.model.select_all();
            state.model.paste(value);
        }
        accesskit::Action::ReplaceSelectedText => state.model.paste(value),
        _ => {}
    }
}

/// Applies one key press; returns the modifiers when it was `Enter` in a single-line field.
fn apply_key(
    state: &mut FieldState,
    fonts: &mut FontSystem,
    setting: Setting,
    key: Key,
    modifiers: Modifiers,
) -> Option<Modifiers> {
    let command = modifiers.command || modifiers.ctrl;
    let shift = modifiers.shift;
    let caret = state.model.caret();
    match key {
        Key::ArrowLeft | Key::ArrowRight => {
            let left = key == Key::ArrowLeft;
            let to = horizontal(state, fonts, setting, left, command, shift);
            state.move_caret(to, shift);
        }
        Key::ArrowUp | Key::ArrowDown if state.model.is_multiline() => {
            let down = key == Key::ArrowDown;
            // Past the first or last line, to the start or end of the text.
            let past = if down {
                Caret::before(state.model.text().len())
            } else {
                Caret::after(0)
            };
            let goal_x = state.goal_x;
            let layout = state.layout(fonts, setting);
            let goal = goal_x.unwrap_or_else(|| layout.caret_position(caret).1);
            let to = layout.vertical(caret, goal, down).unwrap_or(past);
            state.model.move_caret(to, shift);
            state.goal_x = Some(goal);
        }
        Key::Home | Key::End => {
            let home = key == Key::Home;
            let to = if command {
                if home {
                    Caret::after(0)
                } else {
                    Caret::before(state.model.text().len())
                }
            } else {
                let layout = state.layout(fonts, setting);
                if home {
                    layout.line_start(caret)
                } else {
                    layout.line_end(caret)
                }
            };
            state.move_caret(to, shift);
        }
        Key::Backspace if command => state.model.delete_word_backward(),
        Key::Backspace => state.model.backspace(),
        Key::Delete if command => state.model.delete_word_forward(),
        Key::Delete => state.model.delete_forward(),
        Key::Enter if state.model.is_multiline() && !command => state.model.type_text("\n"),
        Key::Enter => return Some(modifiers),
        Key::A if command => state.model.select_all(),
        Key::Z if command && shift => {
            state.model.redo();
        }
        Key::Z | Key::Y if command => {
            if key == Key::Z {
                state.model.undo();
            } else {
                state.model.redo();
            }
        }
        _ => {}
    }
    None
}

/// Where `←` (`left`) or `→` takes the caret: one cluster on screen; with `Ctrl`, a word
/// forward or back in reading order (in a right-to-left line `←` is forward); without
/// `Shift`, a selection collapses to its end that way.
fn horizontal(
    state: &mut FieldState,
    fonts: &mut FontSystem,
    setting: Setting,
    left: bool,
    command: bool,
    shift: bool,
) -> Caret {
    let caret = state.model.caret();
    let selection = state.model.selection();
    let next_word_end = units::next_word_end(state.model.text(), caret.offset);
    let previous_word_start = units::previous_word_start(state.model.text(), caret.offset);
    let layout = state.layout(fonts, setting);
    let forward = left == layout.is_rtl_at(caret);
    if command {
        if forward {
            Caret::before(next_word_end)
        } else {
            Caret::after(previous_word_start)
        }
    } else if !shift && !selection.is_empty() {
        if forward {
            Caret::before(selection.end)
        } else {
            Caret::after(selection.start)
        }
    } else {
        layout.step(caret, left)
    }
}
