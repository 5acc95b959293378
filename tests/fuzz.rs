//! Fuzzing on stable Rust (proptest) of what users feed in: the text engine and the page,
//! and the saved-state loader.
//!
//! `cargo test --test fuzz` runs a few cases of each; `cargo test --release -- --ignored fuzz`
//! runs a million of each (minutes in release, and printed figures for the record).

use std::cell::RefCell;
use std::path::PathBuf;

use cosmic_text::FontSystem;
use dars::analysis::Document;
use dars::render::chunked::{MAX_PIECE_BYTES, piece_ranges};
use dars::render::fonts::bundled_font_system;
use dars::render::page::{PageError, PageOptions, render_page};
use dars::render::{ChunkedParagraph, Direction, FontChoice, Paragraph, TextStyle};
use dars::study::progress::ProgressStore;
use proptest::prelude::*;

#[path = "common/fuzzing.rs"]
mod fuzzing;
use fuzzing::{MILLION, fuzz};
use proptest::test_runner::TestCaseError;

/// Cases in the normal test run (`DARS_FUZZ_CASES` changes it, to explore more while
/// working), and in the fuzzing run.
const QUICK: u32 = 32;

// --- The text engine ---------------------------------------------------------------------

/// Letters, marks, digits, bidi controls, brackets, spaces, sentence ends and line-ending
/// oddities: what a text file a user opens may hold.
fn awkward_piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
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
        "  ",
        "\t",
        "\r",
        "\u{200F}",
        "\u{202E}",
        "\u{2067}",
        "\u{2069}",
        "\u{200D}",
        "\u{FEFF}",
        "\u{2029}",
        "abc",
        "é",
        "👍🏽",
        "\u{0301}",
        "\u{064B}",
        "\u{0651}",
        ".",
        "؟",
        ". ",
        "! ",
        "ﻻ",
        "ﷺ",
    ])
}

fn awkward_text(pieces: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(awkward_piece(), pieces).prop_map(|v| v.concat())
}

/// Mostly short texts; one in twenty long enough to be cut into pieces.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        10 => awkward_text(0..40),
        9 => any::<String>(),
        1 => awkward_text(0..80).prop_map(|t| t.repeat(MAX_PIECE_BYTES * 2 / t.len().max(1))),
    ]
}

/// The document offset is a character boundary of the text, inside it.
fn inside(offset: usize, base: usize, text: &str) -> Result<(), TestCaseError> {
    prop_assert!(offset >= base && offset <= base + text.len(), "{offset}");
    prop_assert!(
        text.is_char_boundary(offset - base),
        "{offset} splits a character"
    );
    Ok(())
}

fn check_paragraph(
    fonts: &mut FontSystem,
    text: &str,
    width: Option<f32>,
    point: (f32, f32),
) -> Result<(), TestCaseError> {
    let base = 7;
    let style = TextStyle::new(FontChoice::Naskh, 18.0);
    let p = Paragraph::new(fonts, text, base, style, Direction::Rtl, width);
    prop_assert!(p.height().is_finite() && p.height() >= 0.0);
    for run in p.runs() {
        for g in run.glyphs {
            inside(p.to_document(g.start), base, text)?;
        }
    }
    for [x, y, w, h] in p.highlight(&(base..base + text.len())) {
        prop_assert!(x.is_finite() && y.is_finite() && w >= 0.0 && h > 0.0);
    }
    let (x, y) = (point.0 * p.content_width(), point.1 * p.height());
    if let Some(at) = p.glyph_at(x, y) {
        inside(at, base, text)?;
    }
    if let Some(at) = p.cursor_at(x, y) {
        inside(at, base, text)?;
    }
    Ok(())
}

fn check_chunked(
    fonts: &mut FontSystem,
    text: &str,
    width: f32,
    window: (f32, f32),
) -> Result<(), TestCaseError> {
    let pieces = piece_ranges(text);
    prop_assert_eq!(pieces.first().map(|r| r.start), Some(0));
    prop_assert_eq!(pieces.last().map(|r| r.end), Some(text.len()));
    for pair in pieces.windows(2) {
        prop_assert_eq!(pair[0].end, pair[1].start);
    }
    for piece in &pieces {
        prop_assert!(piece.len() <= MAX_PIECE_BYTES);
        prop_assert!(text.is_char_boundary(piece.start) && text.is_char_boundary(piece.end));
    }
    let base = 3;
    let style = TextStyle::new(FontChoice::Amiri, 20.0);
    let mut c = ChunkedParagraph::new(text, base, style, width);
    let top = window.0 * c.height();
    c.lay_out(fonts, top..top + window.1 * 2000.0);
    prop_assert!(c.height().is_finite() && c.height() >= 0.0);
    let shown = c.bytes_in(top..top + 800.0);
    for [x, y, w, h] in c.highlight(&shown) {
        prop_assert!(x.is_finite() && y.is_finite() && w >= 0.0 && h > 0.0);
        if let Some(at) = c.glyph_at(x + w / 2.0, y + h / 2.0) {
            inside(at, base, text)?;
        }
        if let Some(at) = c.cursor_at(x, y) {
            inside(at, base, text)?;
        }
    }
    Ok(())
}

fn text_engine(cases: u32) {
    let fonts = RefCell::new(bundled_font_system());
    let strategy = (
        any_text(),
        prop_oneof![Just(None), (1.0f32..900.0).prop_map(Some)],
        (0.0f32..1.2, 0.0f32..1.2),
    );
    fuzz("text engine", cases, strategy, |(text, width, point)| {
        let fonts = &mut fonts.borrow_mut();
        check_paragraph(fonts, &text, width, point)?;
        check_chunked(fonts, &text, width.unwrap_or(300.0), point)
    });
}

fn page(cases: u32) {
    // Texts the loader would accept (there is Arabic), at any size and width in range.
    let strategy = (
        any_text().prop_map(|t| format!("{t}\nقمة {t}")),
        // Narrower than the widest pages: a million PNGs of 10,000 pixels would take hours.
        200u32..=1600,
        0.0f32..=1.0,
        prop::bool::ANY,
    );
    fuzz("page", cases, strategy, |(text, width, fraction, amiri)| {
        // Any size the options accept for this width.
        #[expect(clippy::cast_precision_loss, reason = "small widths")]
        let largest = (width as f32 / 8.0).min(60.0);
        let size = 6.0 + fraction * (largest - 6.0);
        let font = if amiri {
            FontChoice::Amiri
        } else {
            FontChoice::Naskh
        };
        let doc = Document::new("fuzz", text);
        let options = PageOptions { width, font, size };
        let mut page = match render_page(&doc, options) {
            Ok(page) => page,
            // A text too long for one page at a large size: refused, as it should be.
            Err(PageError::TooTall(_)) => return Ok(()),
            Err(e) => return Err(TestCaseError::fail(e.to_string())),
        };
        let png = page
            .to_png()
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(png.starts_with(b"\x89PNG"));
        Ok(())
    });
}

fn quick() -> u32 {
    fuzzing::quick(QUICK)
}

#[test]
fn fuzz_text_engine_quick() {
    text_engine(quick());
}

#[test]
fn fuzz_page_quick() {
    page(quick() / 4);
}

#[test]
#[ignore = "a million cases: cargo test --release -- --ignored fuzz"]
fn fuzz_text_engine_a_million() {
    text_engine(MILLION);
}

#[test]
#[ignore = "a million cases: cargo test --release -- --ignored fuzz"]
fn fuzz_page_a_million() {
    page(MILLION);
}

// --- The saved-state loader ------------------------------------------------------------

/// A saved file as this build writes it, with words, a schedule, edits and settings.
const SAVED: &str = r#"{
  "format": 1,
  "source": "خبر.txt",
  "words": {
    "قمة/noun": {"status": "learning", "schedule": {"due": 1700000000, "interval_days": 3,
      "ease_permille": 2500, "streak": 1, "lapses": 0},
      "reviews": [{"at": 1700000000, "rating": "good"}], "edit": {"gloss": "summit", "note": "n"}},
    "في": {"status": "known"}
  },
  "settings": {"vocalized": true, "current": "قمة/noun", "sentence": 3}
}"#;

/// Any JSON value, nested a few levels.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".*".prop_map(Value::String),
        Just(Value::String("learning".into())),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Bytes a progress file might hold after a crash, a bad disk or a hand edit.
fn saved_bytes() -> impl Strategy<Value = Vec<u8>> {
    let edits = prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..8);
    prop_oneof![
        // Anything at all.
        prop::collection::vec(any::<u8>(), 0..600),
        // The real format, damaged: bytes changed, inserted, removed, or cut off.
        edits.prop_map(|edits| {
            let mut bytes = SAVED.as_bytes().to_vec();
            for (at, byte, kind) in edits {
                let i = at.index(bytes.len().max(1));
                match kind {
                    0 if i < bytes.len() => bytes[i] = byte,
                    1 => bytes.insert(i.min(bytes.len()), byte),
                    _ => bytes.truncate(i),
                }
            }
            bytes
        }),
        // The real format with one part replaced by any JSON value.
        (
            prop::sample::select(vec![
                "format",
                "source",
                "words",
                "settings",
                "قمة/noun",
                "status",
                "schedule",
                "reviews",
                "edit",
                "due",
                "sentence",
                "current"
            ]),
            any_json(),
        )
            .prop_map(|(key, value)| replace_value(key, &value).into_bytes()),
    ]
}

/// `SAVED` with the first value of `key` replaced by `value`.
fn replace_value(key: &str, value: &serde_json::Value) -> String {
    let mut saved: serde_json::Value = serde_json::from_str(SAVED).unwrap_or_default();
    replace_in(&mut saved, key, value);
    saved.to_string()
}

fn replace_in(json: &mut serde_json::Value, key: &str, value: &serde_json::Value) -> bool {
    match json {
        serde_json::Value::Object(map) => {
            if let Some(slot) = map.get_mut(key) {
                *slot = value.clone();
                return true;
            }
            map.values_mut().any(|child| replace_in(child, key, value))
        }
        _ => false,
    }
}

/// A folder on a RAM disk where there is one (a million writes).
fn scratch_dir() -> PathBuf {
    let shm = PathBuf::from("/dev/shm");
    let root = if shm.is_dir() {
        shm
    } else {
        std::env::temp_dir()
    };
    let dir = root.join(format!("dars-fuzz-progress-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn saved_state(cases: u32) {
    let dir = scratch_dir();
    let store = ProgressStore::in_dir(&dir);
    let key = "fuzz";
    let path = store.path_for(key);
    let folder = path.parent().map(PathBuf::from).unwrap_or_default();
    fuzz("saved-state loader", cases, saved_bytes(), |bytes| {
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).map_err(|e| TestCaseError::fail(e.to_string()))?;
        std::fs::write(&path, &bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let loaded = store.load(key);
        if loaded.problem.is_some() {
            // Set aside whole, never lost.
            prop_assert!(!path.exists());
            let aside = folder.join(format!("{key}.json.corrupt-1"));
            prop_assert_eq!(std::fs::read(&aside).ok(), Some(bytes));
        } else {
            prop_assert_eq!(std::fs::read(&path).ok(), Some(bytes), "untouched");
        }
        // Whatever was loaded saves and loads back the same.
        store
            .save(key, &loaded.progress)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let again = store.load(key);
        prop_assert!(again.problem.is_none(), "{:?}", again.problem);
        prop_assert_eq!(again.progress, loaded.progress);
        Ok(())
    });
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fuzz_saved_state_quick() {
    saved_state(quick() * 4);
}

#[test]
#[ignore = "a million cases: cargo test --release -- --ignored fuzz"]
fn fuzz_saved_state_a_million() {
    saved_state(MILLION);
}
