//! The Arabic text field, driven like a user would (headless, egui_kittest): typing, keys,
//! selection, undo, paste, an input method, the on-screen keyboard and phonetic typing;
//! its visual order against GNU FriBidi; and property tests of the model and the layout.

use std::ops::Range;

use dars::render::Typesetter;
use dars::render::edit::{Caret, TextField, field_focused, field_selection};
use egui::accesskit::Role;
use egui::{Event, ImeEvent, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

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

#[derive(Clone, Copy, Debug)]
enum Op {
    Type(&'static str),
    Key(Key),
    Shift(Key),
    Ctrl(Key),
    CtrlShift(Key),
    Paste(&'static str),
    Preedit(&'static str),
    Commit(&'static str),
}

fn apply(h: &mut Harness<'_, Form>, op: Op) {
    match op {
        Op::Type(t) => h.event(Event::Text(t.to_owned())),
        Op::Key(k) => h.key_press(k),
        Op::Shift(k) => h.key_press_modifiers(Modifiers::SHIFT, k),
        Op::Ctrl(k) => h.key_press_modifiers(Modifiers::COMMAND, k),
        Op::CtrlShift(k) => h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, k),
        Op::Paste(t) => h.event(Event::Paste(t.to_owned())),
        Op::Preedit(t) => h.event(Event::Ime(ImeEvent::Preedit {
            text: t.to_owned(),
            active_range_chars: None,
        })),
        Op::Commit(t) => h.event(Event::Ime(ImeEvent::Commit(t.to_owned()))),
    }
    h.run();
}

/// Each case: the field's text (caret at its end), the operations, and the field after them
/// (`|` the caret, `{…}` the selection). Arabic reads right to left, so `←` goes forward.
#[test]
fn editing_operations_give_the_text_and_caret_a_browser_would() {
    use Op::{Commit, Ctrl, CtrlShift, Key as K, Paste, Preedit, Shift, Type};
    let cases: Vec<(&str, &str, Vec<Op>, &str)> = vec![
        (
            "typing letter by letter",
            "",
            vec![Type("م"), Type("ف"), Type("ي"), Type("د"), Type("ة")],
            "مفيدة|",
        ),
        (
            "backspace takes the last letter",
            "مفيدة",
            vec![K(Key::Backspace)],
            "مفيد|",
        ),
        (
            "backspace takes a haraka alone",
            "قمةٌ",
            vec![K(Key::Backspace)],
            "قمة|",
        ),
        (
            "delete takes a letter with its marks",
            "قِمَّة",
            vec![K(Key::Home), K(Key::Delete)],
            "|مَّة",
        ),
        (
            "← goes forward in Arabic",
            "قمة",
            vec![K(Key::Home), K(Key::ArrowLeft)],
            "ق|مة",
        ),
        (
            "→ goes back in Arabic",
            "قمة",
            vec![K(Key::ArrowRight)],
            "قم|ة",
        ),
        (
            "a letter with marks is one step",
            "قِمَّة",
            vec![K(Key::Home), K(Key::ArrowLeft), K(Key::ArrowLeft)],
            "قِمَّ|ة",
        ),
        (
            "← inside a number goes left on screen",
            "قمة 2019",
            vec![K(Key::ArrowLeft), K(Key::ArrowLeft)],
            "قمة 20|19",
        ),
        (
            "→ from a number's end crosses the space",
            "قمة 2019",
            vec![K(Key::ArrowRight)],
            "قمة| 2019",
        ),
        (
            "← steps on through the Arabic after Latin",
            "قمة 2019 Putin",
            vec![
                K(Key::Home),
                K(Key::ArrowLeft),
                K(Key::ArrowLeft),
                K(Key::ArrowLeft),
            ],
            "قمة| 2019 Putin",
        ),
        (
            "← in a Latin line goes back",
            "Putin",
            vec![K(Key::ArrowLeft)],
            "Puti|n",
        ),
        (
            "Home and End are the line's start and end",
            "قمة 2019 Putin",
            vec![K(Key::Home)],
            "|قمة 2019 Putin",
        ),
        (
            "End",
            "قمة 2019",
            vec![K(Key::Home), K(Key::End)],
            "قمة 2019|",
        ),
        (
            "Ctrl+← goes to the next word's end",
            "قمة عربية",
            vec![K(Key::Home), Ctrl(Key::ArrowLeft)],
            "قمة| عربية",
        ),
        (
            "Ctrl+→ goes to the word's start",
            "قمة عربية",
            vec![Ctrl(Key::ArrowRight)],
            "قمة |عربية",
        ),
        (
            "Shift+← selects forward",
            "قمة",
            vec![K(Key::Home), Shift(Key::ArrowLeft), Shift(Key::ArrowLeft)],
            "{قم}ة",
        ),
        (
            "typing replaces the selection",
            "قمة",
            vec![
                K(Key::Home),
                Shift(Key::ArrowLeft),
                Shift(Key::ArrowLeft),
                Type("ب"),
            ],
            "ب|ة",
        ),
        (
            "← collapses a selection forward",
            "قمة",
            vec![
                K(Key::Home),
                Shift(Key::ArrowLeft),
                Shift(Key::ArrowLeft),
                K(Key::ArrowLeft),
            ],
            "قم|ة",
        ),
        (
            "Ctrl+A and typing replace everything",
            "قمة 2019",
            vec![Ctrl(Key::A), Type("x")],
            "x|",
        ),
        ("Ctrl+A selects all", "قمة", vec![Ctrl(Key::A)], "{قمة}"),
        (
            "backspace removes a selection",
            "قمة عربية",
            vec![Shift(Key::Home), K(Key::Backspace)],
            "|",
        ),
        (
            "Ctrl+Backspace removes a word",
            "قمة عربية",
            vec![Ctrl(Key::Backspace)],
            "قمة |",
        ),
        (
            "Ctrl+Delete removes the next word",
            "قمة عربية",
            vec![K(Key::Home), Ctrl(Key::Delete)],
            "| عربية",
        ),
        (
            "undo takes back the typing",
            "",
            vec![Type("ق"), Type("م"), Type("ة"), Ctrl(Key::Z)],
            "|",
        ),
        (
            "undo goes back a word at a time",
            "",
            vec![
                Type("ق"),
                Type("م"),
                Type("ة"),
                Type(" "),
                Type("ع"),
                Type("ن"),
                Ctrl(Key::Z),
            ],
            "قمة|",
        ),
        (
            "redo",
            "",
            vec![Type("ق"), Type("م"), Ctrl(Key::Z), CtrlShift(Key::Z)],
            "قم|",
        ),
        (
            "undo a deletion",
            "قمة",
            vec![K(Key::Backspace), K(Key::Backspace), Ctrl(Key::Z)],
            "قمة|",
        ),
        (
            "paste into a single line turns breaks into spaces",
            "",
            vec![Paste("سطر\nآخر")],
            "سطر آخر|",
        ),
        (
            "paste replaces the selection",
            "قمة",
            vec![Ctrl(Key::A), Paste("2019")],
            "2019|",
        ),
        (
            "backspace at the start does nothing",
            "قمة",
            vec![K(Key::Home), K(Key::Backspace)],
            "|قمة",
        ),
        (
            "delete at the end does nothing",
            "قمة",
            vec![K(Key::Delete)],
            "قمة|",
        ),
        (
            "an input method composes, then commits",
            "قمة ",
            vec![Preedit("ك"), Preedit("كت"), Commit("كتب")],
            "قمة كتب|",
        ),
        (
            "an empty commit ends a composition",
            "",
            vec![Preedit("ك"), Commit("")],
            "|",
        ),
    ];
    let mut failures = Vec::new();
    for (name, start, ops, want) in &cases {
        let mut h = form(start, false, false);
        for op in ops {
            apply(&mut h, *op);
        }
        let got = marked(&h);
        if got != *want {
            failures.push(format!(
                "{name}: from {start:?} by {ops:?}\n  want {want}\n  got  {got}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn typing_arabic_shows_in_the_field_value_and_changes_the_callers_text() {
    let mut h = form("", false, false);
    for letter in ["م", "ف", "ي", "د", "ة"] {
        h.event(Event::Text(letter.to_owned()));
        h.run();
    }
    assert_eq!(h.state().text, "مفيدة");
    assert!(h.state().changes >= 5, "every letter is a change");
    let field = h.get_by_role(Role::TextInput);
    assert_eq!(field.value().as_deref(), Some("مفيدة"));
    assert!(field.is_focused());
}

#[test]
fn plain_keys_type_while_the_field_has_focus_and_escape_leaves_it() {
    let mut h = form("", false, false);
    assert!(
        field_focused(&h.ctx),
        "the app's shortcuts see a focused field"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(!field_focused(&h.ctx), "Esc leaves the field");
    h.event(Event::Text("ق".to_owned()));
    h.run();
    assert_eq!(
        h.state().text,
        "",
        "without the focus, typing goes elsewhere"
    );
    h.get_by_role(Role::TextInput).click();
    h.run();
    assert!(field_focused(&h.ctx), "a click gives the focus back");
}

#[test]
fn enter_submits_a_single_line_field_and_breaks_a_multi_line_one() {
    let mut h = form("قمة", false, false);
    h.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    h.run();
    assert_eq!(h.state().submitted, vec![Modifiers::SHIFT]);
    assert_eq!(h.state().text, "قمة");

    let mut m = form("قمة", true, false);
    m.key_press(Key::Enter);
    m.run();
    m.event(Event::Text("عربية".to_owned()));
    m.run();
    assert_eq!(m.state().text, "قمة\nعربية");
    assert!(m.state().submitted.is_empty());
    // ↑ goes to the line above.
    m.key_press(Key::ArrowUp);
    m.run();
    let (caret, _) = caret(&m);
    assert!(caret.offset <= "قمة".len(), "on the first line: {caret:?}");
}

#[test]
fn copy_and_cut_put_the_selection_on_the_clipboard() {
    let mut h = form("قمة عربية", false, false);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.event(Event::Cut);
    h.step();
    let copied: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(copied, vec!["قمة عربية".to_owned()]);
    assert_eq!(h.state().text, "");
}

#[test]
fn the_phonetic_mode_types_arabic_from_latin_keys() {
    let mut h = form("", false, true);
    h.get_by_label("Phonetic typing").click();
    h.run();
    // The table is on screen, Arabic drawn by the text engine.
    assert!(h.query_by_label("ش").is_some(), "the table shows $ → ش");
    for key in ["m", "f", "y", "d", "p"] {
        h.event(Event::Text(key.to_owned()));
        h.run();
    }
    assert_eq!(h.state().text, "مفيدة");
}

#[test]
fn the_on_screen_keyboard_types_at_the_caret_and_keeps_the_focus() {
    let mut h = form("", false, true);
    h.get_by_label("Arabic keyboard").click();
    h.run();
    for letter in ["ق", "م", "ة"] {
        h.get_by_role_and_label(Role::Button, letter).click();
        h.run();
    }
    assert_eq!(h.state().text, "قمة");
    h.get_by_label("Backspace").click();
    h.run();
    assert_eq!(h.state().text, "قم");
    assert!(field_focused(&h.ctx), "the field keeps the keys");
    h.event(Event::Text("ر".to_owned()));
    h.run();
    assert_eq!(h.state().text, "قمر");
}

#[test]
fn screen_readers_get_the_role_value_placeholder_and_selection() {
    let mut h = form("قمة 2019", false, false);
    h.key_press(Key::Home);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    h.run();
    let field = h.get_by_role(Role::TextInput);
    assert_eq!(field.value().as_deref(), Some("قمة 2019"));
    let node = field.accesskit_node();
    assert_eq!(node.label().as_deref(), Some("Answer"));
    let selection = node
        .text_selection()
        .expect("the field reports its selection");
    assert_eq!(selection.text(), "ق", "the first letter is selected");
}

#[test]
fn an_empty_field_shows_its_placeholder_to_screen_readers() {
    let h = form("", false, false);
    let field = h.get_by_role(Role::TextInput);
    assert_eq!(field.accesskit_node().placeholder(), Some("Type the word"));
}

#[test]
fn a_screen_reader_can_set_the_value() {
    let mut h = form("قمة", false, false);
    let field = h.get_by_role(Role::TextInput);
    let (node, tree) = field.accesskit_node().locate();
    h.event(Event::AccessKitActionRequest(
        egui::accesskit::ActionRequest {
            action: egui::accesskit::Action::SetValue,
            target_node: node,
            target_tree: tree,
            data: Some(egui::accesskit::ActionData::Value("عربية".into())),
        },
    ));
    h.run();
    assert_eq!(h.state().text, "عربية");
}

#[test]
fn a_click_places_the_caret_a_double_click_selects_a_word_and_a_drag_selects() {
    let mut h = form("قمة", false, false);
    let rect = h.get_by_role(Role::TextInput).rect();
    // The word sits at the right end of the field; a click left of it puts the caret at
    // its end (its left edge).
    let left_of_word = egui::pos2(rect.left() + 20.0, rect.center().y);
    h.hover_at(left_of_word);
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos: left_of_word,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    assert_eq!(marked(&h), "قمة|");

    let on_word = egui::pos2(rect.right() - 18.0, rect.center().y);
    h.hover_at(on_word);
    for pressed in [true, false, true, false] {
        h.event(Event::PointerButton {
            pos: on_word,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    h.run();
    assert_eq!(marked(&h), "{قمة}", "a double click selects the word");

    // Dragging from the right edge of the text to the left of it selects it all.
    let right_end = egui::pos2(rect.right() - 7.0, rect.center().y);
    h.hover_at(right_end);
    h.run();
    h.event(Event::PointerButton {
        pos: right_end,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.run();
    h.hover_at(left_of_word);
    h.run();
    h.event(Event::PointerButton {
        pos: left_of_word,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    assert_eq!(marked(&h), "{قمة}", "dragging across the word selects it");
}
