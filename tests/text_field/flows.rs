//! Flows through the field: typing into it, focus and Esc, Enter, the clipboard, the pointer, the input tools and screen readers.

use dars::render::edit::field_focused;
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable};

use super::{caret, form, marked};

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
