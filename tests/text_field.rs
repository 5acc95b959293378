//! The Arabic text field, driven like a user would (headless, egui_kittest): a table of
//! edits (typing, keys, selection, undo, paste, an input method) checked against the text
//! and caret, then flows: focus, Enter, the clipboard, the pointer, the input tools and
//! what screen readers get.

#[path = "text_field/editing.rs"]
mod editing;
#[path = "text_field/flows.rs"]
mod flows;

use std::ops::Range;

use dars::render::Typesetter;
use dars::render::edit::{Caret, TextField, field_selection};
use egui::Modifiers;
use egui_kittest::Harness;

/// A window with one field, and what the field told the caller.
struct Form {
    text: String,
    ts: Typesetter,
    multiline: bool,
    tools: bool,
    focus: bool,
    id: Option<egui::Id>,
    submitted: Vec<Modifiers>,
    changes: usize,
}

fn form(text: &str, multiline: bool, tools: bool) -> Harness<'static, Form> {
    let state = Form {
        text: text.to_owned(),
        ts: Typesetter::default(),
        multiline,
        tools,
        focus: true,
        id: None,
        submitted: Vec::new(),
        changes: 0,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(520.0, 420.0))
        // Frames a sixtieth of a second apart, so two clicks can make a double click.
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
            |ui, f: &mut Form| {
                f.ts.begin_frame(ui.ctx());
                let field = if f.multiline {
                    TextField::multiline(&mut f.text)
                } else {
                    TextField::singleline(&mut f.text)
                };
                let out = field
                    .id_salt("answer")
                    .placeholder("Type the word")
                    .label("Answer")
                    .input_tools(f.tools)
                    .desired_width(400.0)
                    .show(ui, &mut f.ts);
                if f.focus {
                    out.response.request_focus();
                    f.focus = false;
                }
                if out.response.changed() {
                    f.changes += 1;
                }
                f.submitted.extend(out.submitted);
                f.id = Some(out.response.id);
            },
            state,
        );
    h.run();
    h
}

/// The caret's byte offset and the selection.
fn caret(h: &Harness<'_, Form>) -> (Caret, Range<usize>) {
    let id = h.state().id.expect("the field was shown");
    field_selection(&h.ctx, id).expect("the field keeps its state")
}

/// The text with `|` at the caret, or `{` `}` around the selection.
fn marked(h: &Harness<'_, Form>) -> String {
    let (caret, selection) = caret(h);
    let mut text = h.state().text.clone();
    if selection.is_empty() {
        text.insert(caret.offset, '|');
    } else {
        text.insert(selection.end, '}');
        text.insert(selection.start, '{');
    }
    text
}
