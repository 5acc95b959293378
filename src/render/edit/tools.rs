//! The input tools under a field: switches for the on-screen Arabic keyboard and phonetic
//! typing, the keyboard itself, and the phonetic table.

use egui::{Color32, Response, Sense, StrokeKind, Ui, WidgetInfo, accesskit::Role, vec2};

use super::phonetic;
use super::state::FieldState;
use crate::render::layout::{Direction, Paragraph, TextStyle};
use crate::render::widget::Typesetter;

/// The Arabic (101) keyboard's letters, row by row as on the physical keys (ض on the Q key),
/// then the hamza forms, punctuation and the marks a learner types.
const ROWS: [&[&str]; 6] = [
    &["ذ", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩", "٠"],
    &["ض", "ص", "ث", "ق", "ف", "غ", "ع", "ه", "خ", "ح", "ج", "د"],
    &["ش", "س", "ي", "ب", "ل", "ا", "ت", "ن", "م", "ك", "ط"],
    &["ئ", "ء", "ؤ", "ر", "لا", "ى", "ة", "و", "ز", "ظ"],
    &["أ", "إ", "آ", "ٱ", "ـ", "،", "؛", "؟"],
    &[
        "\u{064E}", "\u{064F}", "\u{0650}", "\u{064B}", "\u{064C}", "\u{064D}", "\u{0651}",
        "\u{0652}",
    ],
];

/// A press on the on-screen keyboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyPress {
    Text(String),
    Backspace,
}

/// The switches, and under them the keyboard and the table when they are on. Returns a
/// key pressed on the keyboard, and whether any of it was clicked (the field takes the
/// focus back).
pub fn tools_ui(
    ui: &mut Ui,
    ts: &mut Typesetter,
    state: &mut FieldState,
    style: TextStyle,
) -> (Option<KeyPress>, bool) {
    let mut clicked = false;
    let mut pressed = None;
    ui.horizontal(|ui| {
        let small = |t: &str| egui::RichText::new(t).small();
        let keyboard = ui
            .selectable_label(state.keyboard, small("Arabic keyboard"))
            .on_hover_text("Type by clicking the letters of an Arabic keyboard");
        if keyboard.clicked() {
            state.keyboard = !state.keyboard;
            clicked = true;
        }
        let phonetic = ui
            .selectable_label(state.phonetic, small("Phonetic typing"))
            .on_hover_text("Latin keys type Arabic letters (Buckwalter's transliteration)");
        if phonetic.clicked() {
            state.phonetic = !state.phonetic;
            clicked = true;
        }
    });
    if state.keyboard {
        let (key, any) = keyboard_ui(ui, ts, state, style);
        pressed = key;
        clicked |= any;
    }
    if state.phonetic {
        phonetic_table_ui(ui, ts, style);
    }
    (pressed, clicked)
}

/// What a key cap shows: a mark stands on a dotted circle, as in a font's own specimen.
fn cap_text(key: &str) -> String {
    if phonetic::is_mark(key) && key != "ـ" {
        format!("\u{25CC}{key}")
    } else {
        key.to_owned()
    }
}

fn keyboard_ui(
    ui: &mut Ui,
    ts: &mut Typesetter,
    state: &mut FieldState,
    style: TextStyle,
) -> (Option<KeyPress>, bool) {
    let cap_style = TextStyle {
        line_height: 1.4,
        ..style
    };
    if state.keycaps.as_ref().is_none_or(|(s, _)| *s != cap_style) {
        let caps = ROWS
            .iter()
            .flat_map(|row| row.iter())
            .map(|key| {
                Paragraph::new(
                    &mut ts.fonts,
                    &cap_text(key),
                    0,
                    cap_style,
                    Direction::Rtl,
                    None,
                )
            })
            .collect();
        state.keycaps = Some((cap_style, caps));
    }
    let Some((_, caps)) = &state.keycaps else {
        return (None, false);
    };
    let mut pressed = None;
    let mut clicked = false;
    let key_size = vec2(style.size * 2.0, (style.size * 1.9).ceil());
    let mut cap = caps.iter();
    ui.spacing_mut().item_spacing = vec2(3.0, 3.0);
    for row in ROWS {
        ui.horizontal(|ui| {
            for key in row {
                let Some(paragraph) = cap.next() else { return };
                let response = key_ui(ui, ts, paragraph, key, key_size);
                if response.clicked() {
                    pressed = Some(KeyPress::Text((*key).to_owned()));
                }
            }
        });
    }
    ui.horizontal(|ui| {
        let space = ui.add_sized(
            vec2(key_size.x * 6.0, key_size.y),
            egui::Button::new("Space"),
        );
        if space.clicked() {
            pressed = Some(KeyPress::Text(" ".to_owned()));
        }
        let back = ui.add_sized(
            vec2(key_size.x * 3.0, key_size.y),
            egui::Button::new("Backspace"),
        );
        if back.clicked() {
            pressed = Some(KeyPress::Backspace);
        }
    });
    clicked |= pressed.is_some();
    (pressed, clicked)
}

/// One key: a button whose cap is drawn by the text engine; screen readers hear the letter.
fn key_ui(
    ui: &mut Ui,
    ts: &mut Typesetter,
    paragraph: &Paragraph,
    key: &str,
    size: egui::Vec2,
) -> Response {
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let visuals = ui.style().interact(&response);
    ui.painter().rect(
        rect,
        visuals.corner_radius,
        visuals.weak_bg_fill,
        visuals.bg_stroke,
        StrokeKind::Inside,
    );
    let cap = vec2(paragraph.content_width(), paragraph.height());
    let origin = rect.center() - cap / 2.0;
    let color = visuals.text_color();
    ts.paint(ui.painter(), paragraph, origin, color, &[]);
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, key));
    response
}

/// The phonetic table: each Latin key beside the Arabic it types.
fn phonetic_table_ui(ui: &mut Ui, ts: &mut Typesetter, style: TextStyle) {
    let letter_style = TextStyle {
        line_height: 1.4,
        ..style
    };
    let name_style = TextStyle {
        size: (style.size * 0.6).round(),
        line_height: 1.4,
        ..style
    };
    let color = ui.visuals().text_color();
    let weak: Color32 = ui.visuals().weak_text_color();
    egui::Grid::new(ui.scope_id().with("phonetic table"))
        .spacing(vec2(10.0, 0.0))
        .show(ui, |ui| {
            for (i, (key, arabic, name)) in phonetic::TABLE.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(key.to_string()).monospace().strong());
                    ts.label(ui, &cap_text(arabic), letter_style, color, false);
                    // Names like ḥā' need letters egui's own fonts may lack.
                    ts.mixed_label(ui, name, name_style, weak, false);
                });
                if i % 6 == 5 {
                    ui.end_row();
                }
            }
        });
}
