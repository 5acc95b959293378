//! The text field's layout and editing model on their own: visual order against GNU FriBidi
//! for every state of typing the reference cases, and property tests (any edits on any text
//! keep the caret on a grapheme boundary, never panic, and the arrows reach every position).

use dars::render::edit::units::is_grapheme_boundary;
use dars::render::edit::{BaseDirection, Caret, EditModel, FieldLayout};
use dars::render::fonts::bundled_font_system;
use dars::render::{FontChoice, TextStyle};
use proptest::prelude::*;

fn style() -> TextStyle {
    TextStyle::new(FontChoice::Naskh, 20.0)
}

/// `field_expected.tsv` was written by `make_field_bidi.py` (it runs `fribidi --wrtl`) from
/// `field_cases.txt`: each case and each of its prefixes, as it stands while being typed.
#[test]
fn visual_order_equals_fribidi_at_every_step_of_typing() {
    let path = format!(
        "{}/tests/reference/field_expected.tsv",
        env!("CARGO_MANIFEST_DIR")
    );
    let reference = std::fs::read_to_string(&path).expect("reference file is committed");
    let cases: Vec<(&str, &str)> = reference
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .collect();
    assert!(cases.len() > 50, "every prefix of every case");
    let mut fonts = bundled_font_system();
    let mut failures = Vec::new();
    for (typed, expected) in &cases {
        let layout = FieldLayout::new(&mut fonts, typed, style(), BaseDirection::Rtl, 400.0, false);
        let lines = layout.visual_lines();
        if lines != vec![(*expected).to_owned()] {
            failures.push(format!(
                "typed:    {typed:?}\nexpected: {expected:?}\nactual:   {lines:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn an_empty_arabic_field_puts_its_caret_on_the_right_and_a_latin_one_on_the_left() {
    let mut fonts = bundled_font_system();
    let rtl = FieldLayout::new(&mut fonts, "", style(), BaseDirection::Rtl, 300.0, false);
    assert_eq!(rtl.caret_position(Caret::after(0)).1, 300.0);
    let ltr = FieldLayout::new(&mut fonts, "", style(), BaseDirection::Ltr, 300.0, false);
    assert_eq!(ltr.caret_position(Caret::after(0)).1, 0.0);
    // Digits alone follow the declared direction; a Latin letter first makes the line LTR.
    let digits = FieldLayout::new(
        &mut fonts,
        "2019",
        style(),
        BaseDirection::Rtl,
        300.0,
        false,
    );
    assert!(digits.lines()[0].rtl);
    let latin = FieldLayout::new(
        &mut fonts,
        "Putin قال",
        style(),
        BaseDirection::Rtl,
        300.0,
        false,
    );
    assert!(!latin.lines()[0].rtl);
}

#[test]
fn the_caret_follows_the_letters_as_they_are_typed() {
    // Typing مفيدة, the caret is always left of the last letter (Arabic grows leftwards);
    // typing 2019 after Arabic, it is right of the last digit, where the next one goes.
    let mut fonts = bundled_font_system();
    let mut last_x = f32::INFINITY;
    for typed in ["م", "مف", "مفي", "مفيد", "مفيدة"] {
        let layout = FieldLayout::new(&mut fonts, typed, style(), BaseDirection::Rtl, 300.0, false);
        let (_, x) = layout.caret_position(Caret::before(typed.len()));
        let leftmost = layout.lines()[0]
            .units
            .iter()
            .map(|u| u.left)
            .fold(f32::INFINITY, f32::min);
        assert!(
            (x - leftmost).abs() < 0.5,
            "{typed}: caret at the text's left end"
        );
        assert!(x < last_x, "{typed}: the caret moved left");
        last_x = x;
    }
    for typed in ["قمة 2", "قمة 20", "قمة 201", "قمة 2019"] {
        let layout = FieldLayout::new(&mut fonts, typed, style(), BaseDirection::Rtl, 300.0, false);
        let (_, x) = layout.caret_position(Caret::before(typed.len()));
        let last_digit = layout.lines()[0]
            .units
            .iter()
            .find(|u| u.end == typed.len())
            .expect("the last digit is laid out");
        assert!(
            (x - last_digit.right).abs() < 0.5,
            "{typed}: right of the last digit"
        );
    }
}

#[test]
fn a_long_line_wraps_in_a_multi_line_field_and_down_reaches_the_next_line() {
    let mut fonts = bundled_font_system();
    let text = "قالت وكالة الأنباء إن القمة انتهت أمس في موسكو بعد محادثات طويلة";
    let layout = FieldLayout::new(&mut fonts, text, style(), BaseDirection::Rtl, 180.0, true);
    assert!(layout.lines().len() >= 3, "wrapped at 180 points");
    let first = Caret::after(0);
    let (_, x) = layout.caret_position(first);
    let below = layout.vertical(first, x, true).expect("a line below");
    assert_eq!(layout.caret_position(below).0, 1);
    assert!(below.offset > 0);
}

/// Letters, marks, digits, Latin, bidi controls, line breaks and emoji: what a user may
/// type or paste.
fn awkward_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "قِمَّةٌ",
        "بوتين",
        "لا",
        "ـ",
        "2019",
        "35%",
        "(",
        ")",
        " ",
        "\n",
        "\r\n",
        "\r",
        "\u{200F}",
        "\u{202E}",
        "\u{200D}",
        "abc",
        "é",
        "\u{0301}",
        "\u{064B}",
        "👍🏽",
        "👨‍👩‍👧",
        "؟",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

#[derive(Clone, Debug)]
enum Edit {
    Type(String),
    Paste(String),
    Backspace,
    Delete,
    WordBack,
    WordForward,
    Move(usize, bool),
    SelectWord(usize),
    SelectAll,
    Cut,
    Undo,
    Redo,
    Preedit(String),
    Commit(String),
    Surrounding(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        awkward_text().prop_map(Edit::Type),
        awkward_text().prop_map(Edit::Paste),
        Just(Edit::Backspace),
        Just(Edit::Delete),
        Just(Edit::WordBack),
        Just(Edit::WordForward),
        (0usize..200, any::<bool>()).prop_map(|(a, b)| Edit::Move(a, b)),
        (0usize..200).prop_map(Edit::SelectWord),
        Just(Edit::SelectAll),
        Just(Edit::Cut),
        Just(Edit::Undo),
        Just(Edit::Redo),
        awkward_text().prop_map(Edit::Preedit),
        awkward_text().prop_map(Edit::Commit),
        (0usize..5, 0usize..5).prop_map(|(a, b)| Edit::Surrounding(a, b)),
    ]
}

fn apply(model: &mut EditModel, edit: &Edit) {
    match edit {
        Edit::Type(t) => model.type_text(t),
        Edit::Paste(t) => model.paste(t),
        Edit::Backspace => model.backspace(),
        Edit::Delete => model.delete_forward(),
        Edit::WordBack => model.delete_word_backward(),
        Edit::WordForward => model.delete_word_forward(),
        Edit::Move(to, extend) => model.move_caret(Caret::before(*to), *extend),
        Edit::SelectWord(at) => model.select_word_at(*at),
        Edit::SelectAll => model.select_all(),
        Edit::Cut => {
            let _ = model.cut();
        }
        Edit::Undo => {
            model.undo();
        }
        Edit::Redo => {
            model.redo();
        }
        Edit::Preedit(t) => model.set_preedit(t),
        Edit::Commit(t) => model.commit(t),
        Edit::Surrounding(a, b) => model.delete_surrounding(*a, *b),
    }
}

fn assert_sound(model: &EditModel) -> Result<(), TestCaseError> {
    let text = model.text();
    for at in [model.caret().offset, model.anchor()] {
        prop_assert!(
            at <= text.len() && text.is_char_boundary(at),
            "{at} in {text:?}"
        );
        prop_assert!(
            is_grapheme_boundary(text, at),
            "{at} splits a cluster of {text:?}"
        );
    }
    if let Some(c) = model.composition() {
        prop_assert!(
            text.get(c.clone()).is_some(),
            "composition {c:?} in {text:?}"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_edits_on_any_text_keep_the_caret_on_a_grapheme_boundary(
        start in prop_oneof![awkward_text(), any::<String>()],
        multiline in any::<bool>(),
        edits in prop::collection::vec(edit(), 0..30),
    ) {
        let mut model = EditModel::new(&start, multiline);
        assert_sound(&model)?;
        for e in &edits {
            apply(&mut model, e);
            assert_sound(&model)?;
        }
        // Undo all the way back gives the starting text again.
        while model.undo() {}
        prop_assert_eq!(model.text(), start.as_str());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_arrows_reach_every_position_of_a_line_and_clicks_land_on_boundaries(
        text in awkward_text().prop_map(|t| t.replace(['\n', '\r'], " ")),
        rtl in any::<bool>(),
        points in prop::collection::vec((-50.0f32..450.0, -20.0f32..80.0), 0..10),
    ) {
        let mut fonts = bundled_font_system();
        let base = if rtl { BaseDirection::Rtl } else { BaseDirection::Ltr };
        let layout = FieldLayout::new(&mut fonts, &text, style(), base, 400.0, false);
        let units = layout.lines()[0].units.len();
        // From the right end, ← visits every boundary once and stops at the left end.
        let mut caret = layout.hit(10_000.0, 1.0);
        let mut seen = vec![caret];
        for _ in 0..units + 2 {
            let next = layout.step(caret, true);
            if next == caret {
                break;
            }
            prop_assert!(!seen.contains(&next), "{next:?} visited twice in {text:?}");
            seen.push(next);
            caret = next;
        }
        prop_assert_eq!(seen.len(), units + 1, "{:?}", text);
        for (x, y) in points {
            let hit = layout.hit(x, y);
            prop_assert!(text.is_char_boundary(hit.offset) && hit.offset <= text.len());
            let right = layout.step(hit, false);
            prop_assert!(text.is_char_boundary(right.offset));
        }
    }
}

#[test]
fn the_readme_lists_every_key_of_the_phonetic_table() {
    let path = format!("{}/README.md", env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(path).expect("README.md is committed");
    for (key, arabic, name) in dars::render::edit::phonetic::TABLE {
        // Markdown tables need `|` escaped; marks stand on a dotted circle, as on screen.
        let key = if key == '|' {
            "\\|".to_owned()
        } else {
            key.to_string()
        };
        let shown = if dars::render::edit::phonetic::is_mark(arabic) {
            format!("\u{25CC}{arabic}")
        } else {
            arabic.to_owned()
        };
        let cell = format!("`{key}` {shown} {name}");
        assert!(readme.contains(&cell), "README.md lacks {cell}");
    }
}
