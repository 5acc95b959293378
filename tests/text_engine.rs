//! The text engine against reference tools: visual order equals GNU FriBidi's, glyphs equal HarfBuzz's.
//!
//! The expected files in `tests/reference/` were written by the scripts beside them
//! (`make_bidi.py` runs `fribidi`, `make_shaping.py` runs `hb-shape`), from the same inputs.

use dars::analysis::Document;
use dars::arabic::tokenize::TokenKind;
use dars::render::fonts::bundled_font_system;
use dars::render::{Direction, FontChoice, Paragraph, TextStyle};

fn reference(name: &str) -> Vec<(String, String)> {
    let path = format!("{}/tests/reference/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("reference file is committed");
    text.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect()
}

#[test]
fn visual_order_equals_fribidi_for_mixed_text_and_every_line_of_the_article() {
    let mut fonts = bundled_font_system();
    let cases = reference("bidi_expected.tsv");
    assert!(cases.len() >= 30, "cases and the article's lines");
    let mut failures = Vec::new();
    for (input, expected) in &cases {
        let style = TextStyle::new(FontChoice::Naskh, 20.0);
        let p = Paragraph::new(&mut fonts, input, 0, style, Direction::Rtl, None);
        let lines = p.visual_lines();
        if lines != vec![expected.clone()] {
            failures.push(format!(
                "input:    {input}\nexpected: {expected}\nactual:   {lines:?}"
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

fn check_shaping(font: FontChoice, file: &str) {
    let mut fonts = bundled_font_system();
    let expected = reference(file);
    let mut failures = Vec::new();
    for (word, ids) in &expected {
        let want: Vec<u16> = ids
            .split(' ')
            .map(|n| n.parse().expect("glyph id"))
            .collect();
        let p = Paragraph::new(
            &mut fonts,
            word,
            0,
            TextStyle::new(font, 20.0),
            Direction::Rtl,
            None,
        );
        let got = p.visual_glyph_ids();
        if got != vec![want.clone()] {
            failures.push(format!("{word}: harfbuzz {want:?}, ours {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} words differ:\n{}",
        failures.len(),
        expected.len(),
        failures.join("\n")
    );
    // The reference covers every Arabic word of the article.
    let doc = Document::bundled();
    let known: std::collections::HashSet<&str> = expected.iter().map(|(w, _)| w.as_str()).collect();
    for t in doc.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        assert!(
            known.contains(doc.slice(&t.range)),
            "{} is not in {file}",
            doc.slice(&t.range)
        );
    }
}

#[test]
fn glyphs_equal_harfbuzz_for_every_word_of_the_article_in_noto_naskh() {
    check_shaping(FontChoice::Naskh, "shaping_naskh.tsv");
}

#[test]
fn glyphs_equal_harfbuzz_for_every_word_of_the_article_in_amiri() {
    check_shaping(FontChoice::Amiri, "shaping_amiri.tsv");
}

#[test]
fn a_number_and_its_percent_sign_stay_on_one_line() {
    let mut fonts = bundled_font_system();
    let text = "ارتفعت الأسعار بنسبة 35% في العام الماضي";
    let style = TextStyle::new(FontChoice::Naskh, 20.0);
    for width in (60..400).step_by(5) {
        #[expect(clippy::cast_precision_loss, reason = "small widths")]
        let p = Paragraph::new(
            &mut fonts,
            text,
            0,
            style,
            Direction::Rtl,
            Some(width as f32),
        );
        for line in p.visual_lines() {
            let has_digits = line.contains("35");
            let has_percent = line.contains('%');
            assert_eq!(
                has_digits,
                has_percent,
                "35 and % split at width {width}: {:?}",
                p.visual_lines()
            );
        }
    }
}

#[test]
fn wrapped_lines_of_an_rtl_paragraph_are_right_aligned() {
    let mut fonts = bundled_font_system();
    let doc = Document::bundled();
    let range = doc.paragraphs[1].clone();
    let p = Paragraph::new(
        &mut fonts,
        doc.slice(&range),
        range.start,
        TextStyle::new(FontChoice::Naskh, 20.0),
        Direction::Rtl,
        Some(400.0),
    );
    let runs: Vec<_> = p.runs().collect();
    assert!(runs.len() > 2, "the paragraph wraps");
    for run in &runs {
        assert!(run.rtl);
        let right = run.glyphs.iter().map(|g| g.x + g.w).fold(0.0_f32, f32::max);
        assert!(
            (right - 400.0).abs() < 2.0,
            "a line ends at {right}, not at the right edge"
        );
    }
}

#[test]
fn hit_testing_and_highlights_use_document_bytes() {
    let mut fonts = bundled_font_system();
    let doc = Document::bundled();
    let range = doc.paragraphs[1].clone();
    let p = Paragraph::new(
        &mut fonts,
        doc.slice(&range),
        range.start,
        TextStyle::new(FontChoice::Naskh, 20.0),
        Direction::Rtl,
        Some(500.0),
    );
    for t in doc
        .tokens
        .iter()
        .filter(|t| t.sentence == 1 && t.kind == TokenKind::Word)
    {
        let rects = p.highlight(&t.range);
        assert_eq!(rects.len(), 1, "a word is one rectangle");
        let [x, y, w, h] = rects[0];
        let hit = p
            .glyph_at(x + w / 2.0, y + h / 2.0)
            .and_then(|b| doc.token_at(b));
        assert_eq!(
            hit.map(|i| doc.slice(&doc.tokens[i].range)),
            Some(doc.slice(&t.range))
        );
    }
}

#[test]
fn an_english_gloss_quoting_arabic_keeps_latin_punctuation_and_shapes_the_arabic() {
    let mut fonts = bundled_font_system();
    let style = TextStyle {
        latin: true,
        ..TextStyle::new(FontChoice::Naskh, 16.0)
    };
    let p = Paragraph::new(
        &mut fonts,
        "first (fem. أولى)",
        0,
        style,
        Direction::Auto,
        None,
    );
    // FriBidi: `fribidi --ltr` orders it "first (fem. ىلوأ)".
    assert_eq!(p.visual_lines(), vec!["first (fem. ىلوأ)".to_owned()]);
    let run = p.runs().next().expect("one line");
    let face = |byte: usize| {
        run.glyphs
            .iter()
            .find(|g| g.start == byte)
            .map(|g| g.font_id)
    };
    let period = face("first (fem".len());
    let letter_f = face(0);
    let alef = face("first (fem. ".len());
    assert_eq!(period, letter_f, "the period comes from the Latin face");
    assert_ne!(alef, letter_f, "the Arabic comes from the Arabic face");
    let db = fonts.db();
    let family = alef
        .and_then(|id| db.face(id))
        .map(|f| f.families[0].0.clone());
    assert_eq!(
        family.as_deref(),
        Some("Noto Sans Arabic"),
        "Noto Naskh Arabic, under the name cosmic-text falls back to"
    );
}

mod any_text {
    use super::*;
    use proptest::prelude::*;

    /// Letters, marks, digits, bidi controls, brackets, spaces and line-ending oddities: the
    /// kinds of characters a text file a user opens may hold.
    fn awkward_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "قِمَّةٌ",
            "بوتين",
            "ـــ",
            "لا",
            "2018",
            "35%",
            "٣٫٥",
            "(",
            ")",
            "“",
            "”",
            "«",
            "»",
            " ",
            "\t",
            "\u{200F}",
            "\u{202E}",
            "\u{2067}",
            "\u{2069}",
            "\u{200D}",
            "\u{FEFF}",
            "abc",
            "é",
            "👍🏽",
            "\u{0301}",
            "\u{064B}",
            ".",
            "؟",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        #[test]
        fn laying_out_any_text_never_panics_and_maps_back_into_it(
            text in prop_oneof![awkward_text(), any::<String>()],
            width in prop_oneof![Just(None), (20.0f32..600.0).prop_map(Some)],
        ) {
            let mut fonts = bundled_font_system();
            let base = 7;
            let p = Paragraph::new(&mut fonts, &text, base, TextStyle::new(FontChoice::Naskh, 18.0), Direction::Rtl, width);
            let _ = p.visual_lines();
            for run in p.runs() {
                for g in run.glyphs {
                    let at = p.to_document(g.start);
                    prop_assert!(at >= base && at <= base + text.len());
                }
            }
            let whole = base..base + text.len();
            for [x, y, w, h] in p.highlight(&whole) {
                prop_assert!(w >= 0.0 && h > 0.0);
                let _ = p.glyph_at(x + w / 2.0, y + h / 2.0);
                let _ = p.cursor_at(x, y);
            }
        }
    }
}
