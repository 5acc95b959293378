//! The table of edits: each from a starting text, by keys and events, to the text and caret a browser gives.

use egui::{Event, ImeEvent, Key, Modifiers};
use egui_kittest::Harness;

use super::{Form, form, marked};

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
