//! Pictures of the text field (kittest's wgpu renderer on lavapipe), compared with the
//! reviewed PNGs in `tests/snapshots/`: مفيدة at each step of typing, mixed text with a
//! selection and the caret, a placeholder, a wrapped multi-line note, and the input tools.
//! After a deliberate change of the look: `UPDATE_SNAPSHOTS=1 cargo test --test text_field_snapshots`,
//! then look at the new PNGs before committing them.

use dars::render::Typesetter;
use dars::render::edit::{BaseDirection, TextField};
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct Fields {
    ts: Typesetter,
    /// The word at each step of typing it.
    steps: Vec<String>,
    mixed: String,
    empty: String,
    latin: String,
    note: String,
    focus_mixed: bool,
}

fn fields_ui(ui: &mut egui::Ui, f: &mut Fields) {
    f.ts.begin_frame(ui.ctx());
    ui.spacing_mut().item_spacing.y = 6.0;
    for (i, step) in f.steps.iter_mut().enumerate() {
        TextField::singleline(step)
            .id_salt(("step", i))
            .label(format!("Step {}", i + 1))
            .desired_width(220.0)
            .show(ui, &mut f.ts);
    }
    let mixed = TextField::singleline(&mut f.mixed)
        .id_salt("mixed")
        .label("Mixed")
        .show(ui, &mut f.ts);
    if f.focus_mixed {
        mixed.response.request_focus();
        f.focus_mixed = false;
    }
    TextField::singleline(&mut f.empty)
        .id_salt("empty")
        .label("Empty")
        .placeholder("اكتب الكلمة")
        .show(ui, &mut f.ts);
    TextField::singleline(&mut f.latin)
        .id_salt("latin")
        .label("Deck name")
        .direction(BaseDirection::Ltr)
        .placeholder("Deck name")
        .show(ui, &mut f.ts);
    TextField::multiline(&mut f.note)
        .id_salt("note")
        .label("Note")
        .desired_width(300.0)
        .show(ui, &mut f.ts);
}

#[test]
fn field_typing() {
    let word = ["م", "مف", "مفي", "مفيد", "مفيدة"];
    let fields = Fields {
        ts: Typesetter::default(),
        steps: word.iter().map(|s| (*s).to_owned()).collect(),
        mixed: String::new(),
        empty: String::new(),
        latin: String::new(),
        note: "قالت وكالة الأنباء إن القمة انتهت أمس في موسكو (2019) بعد محادثات طويلة\nسطر ثان"
            .to_owned(),
        focus_mixed: true,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(420.0, 560.0))
        .wgpu()
        .build_ui_state(fields_ui, fields);
    h.run();
    // Typed into the focused field, then 2019 selected: from the start, Ctrl+← twice to the
    // end of 2019 (← goes forward in Arabic), Ctrl+Shift+→ back to its start.
    for piece in ["قمة", " ", "2019", " ", "Putin"] {
        h.event(Event::Text(piece.to_owned()));
        h.run();
    }
    h.key_press(Key::Home);
    h.run();
    for _ in 0..2 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowLeft);
        h.run();
    }
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowRight);
    h.run();
    assert_eq!(h.state().mixed, "قمة 2019 Putin");
    h.snapshot("field_typing");
}

struct Tools {
    ts: Typesetter,
    text: String,
}

#[test]
fn field_tools() {
    let tools = Tools {
        ts: Typesetter::default(),
        text: "قمة".to_owned(),
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(760.0, 560.0))
        .wgpu()
        .build_ui_state(
            |ui, t: &mut Tools| {
                t.ts.begin_frame(ui.ctx());
                TextField::singleline(&mut t.text)
                    .id_salt("tools")
                    .label("Answer")
                    .input_tools(true)
                    .desired_width(400.0)
                    .show(ui, &mut t.ts);
            },
            tools,
        );
    h.run();
    h.get_by_label("Arabic keyboard").click();
    h.run();
    h.get_by_label("Phonetic typing").click();
    h.run();
    h.snapshot("field_tools");
}
