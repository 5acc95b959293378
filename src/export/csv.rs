//! CSV and TSV export (and reading them back): a header row, then one row per card.
//!
//! Both are UTF-8 with RFC 4180 quoting. CSV starts with a byte-order mark, because without
//! one Excel reads UTF-8 as a legacy code page and garbles the Arabic; other spreadsheets and Google
//! Sheets ignore it. TSV has none: it is the format pasted into Quizlet and imported into Anki,
//! where a BOM could end up in the first field. The first two columns are the Arabic word and
//! its English meaning, the term/definition pair those tools expect. The last columns
//! (`IsName` … `WordEnd`) carry the rest of the card, so a file reads back to the same cards.
//!
//! A cell a spreadsheet would run as a formula (the text of an article can hold
//! `=HYPERLINK(…)`, and a teacher's note anything) starts with `'`, as OWASP recommends
//! against CSV injection: spreadsheets show the text as it was, without running it.

use serde::{Deserialize, Serialize};

use super::ExportError;
use crate::study::{Card, Example};

/// Which character separates the fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Tab,
}

impl Delimiter {
    fn byte(self) -> u8 {
        match self {
            Self::Comma => b',',
            Self::Tab => b'\t',
        }
    }
}

/// The UTF-8 byte-order mark written at the start of a CSV file.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";
/// Separates the forms of a word within the `Forms` column (never part of an Arabic word).
pub const FORMS_SEPARATOR: &str = "|";

/// One row; the field names are the header row.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Row {
    arabic: String,
    english: String,
    vocalized: String,
    transliteration: String,
    root: String,
    part_of_speech: String,
    forms: String,
    example: String,
    example_translation: String,
    note: String,
    is_name: bool,
    count: usize,
    first_position: usize,
    sentence: usize,
    word_start: usize,
    word_end: usize,
}

/// Characters that make a spreadsheet read a cell as a formula: OWASP's list (`=` `+` `-`
/// `@`, tab, carriage return), and the full-width forms some spreadsheets convert to them.
const FORMULA_STARTS: [char; 10] = [
    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// True when a spreadsheet could run `cell` as a formula, or when it is already a
/// neutralized cell (so that neutralizing is undone exactly: `'=x` is written `''=x`).
/// A plain number (`-5`, `+3.25`) is data, not a formula: it is left alone so that it
/// stays a number in the spreadsheet.
fn needs_quote(cell: &str) -> bool {
    match cell.chars().next() {
        Some('\'') => needs_quote(&cell[1..]),
        Some(c) if FORMULA_STARTS.contains(&c) => !is_plain_number(cell),
        _ => false,
    }
}

/// A sign, ASCII digits, and at most one decimal point between digits.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "1"));
    [whole, fraction]
        .iter()
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// The cell as written: prefixed with `'` when a spreadsheet could run it.
fn neutralized(cell: String) -> String {
    if needs_quote(&cell) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// The cell as it was before [`neutralized`].
fn restored(cell: String) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest.to_owned(),
        _ => cell,
    }
}

impl From<&Card> for Row {
    fn from(c: &Card) -> Self {
        let cell = |text: &str| neutralized(text.to_owned());
        Self {
            arabic: cell(&c.lemma),
            english: cell(&c.gloss),
            vocalized: cell(&c.vocalized),
            transliteration: cell(&c.translit),
            root: cell(&c.root),
            part_of_speech: cell(&c.pos),
            forms: cell(&c.forms.join(FORMS_SEPARATOR)),
            example: cell(&c.example.text),
            example_translation: cell(c.example.translation.as_deref().unwrap_or_default()),
            note: cell(&c.note),
            is_name: c.is_name,
            count: c.count,
            first_position: c.first_position,
            sentence: c.example.sentence,
            word_start: c.example.word.start,
            word_end: c.example.word.end,
        }
    }
}

impl From<Row> for Card {
    fn from(r: Row) -> Self {
        let r = Row {
            arabic: restored(r.arabic),
            english: restored(r.english),
            vocalized: restored(r.vocalized),
            transliteration: restored(r.transliteration),
            root: restored(r.root),
            part_of_speech: restored(r.part_of_speech),
            forms: restored(r.forms),
            example: restored(r.example),
            example_translation: restored(r.example_translation),
            note: restored(r.note),
            ..r
        };
        Self {
            lemma: r.arabic,
            vocalized: r.vocalized,
            translit: r.transliteration,
            gloss: r.english,
            note: r.note,
            root: r.root,
            pos: r.part_of_speech,
            forms: r
                .forms
                .split(FORMS_SEPARATOR)
                .filter(|f| !f.is_empty())
                .map(str::to_owned)
                .collect(),
            example: Example {
                sentence: r.sentence,
                start: 0,
                text: r.example,
                translation: Some(r.example_translation).filter(|t| !t.is_empty()),
                word: r.word_start..r.word_end,
            },
            is_name: r.is_name,
            first_position: r.first_position,
            count: r.count,
        }
    }
}

/// `cards` as CSV (with a BOM) or TSV (without).
///
/// # Errors
/// Only if the writer fails, which writing to memory does not.
pub fn to_bytes(cards: &[Card], delimiter: Delimiter) -> Result<Vec<u8>, ExportError> {
    let build = |e: &dyn std::fmt::Display| ExportError::Build {
        format: if delimiter == Delimiter::Tab {
            "TSV"
        } else {
            "CSV"
        },
        reason: e.to_string(),
    };
    let start = if delimiter == Delimiter::Comma {
        BOM.to_vec()
    } else {
        Vec::new()
    };
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(delimiter.byte())
        .from_writer(start);
    for card in cards {
        writer.serialize(Row::from(card)).map_err(|e| build(&e))?;
    }
    writer.into_inner().map_err(|e| build(&e))
}

/// Reads cards back from a file written by [`to_bytes`] (a leading BOM is skipped). An empty
/// `ExampleTranslation` reads as no translation.
///
/// # Errors
/// When a row is missing columns or a number column holds something else.
pub fn from_bytes(bytes: &[u8], delimiter: Delimiter) -> Result<Vec<Card>, ::csv::Error> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    ::csv::ReaderBuilder::new()
        .delimiter(delimiter.byte())
        .from_reader(bytes)
        .deserialize::<Row>()
        .map(|row| row.map(Card::from))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_quoted_and_read_back_as_they_were() {
        for (cell, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("\u{FF1D}1+1", "'\u{FF1D}1+1"),
            ("=قمة", "'=قمة"),
            ("'=x", "''=x"),
            ("''=x", "'''=x"),
            // Left alone: ordinary text, quotes that start no formula, plain numbers.
            ("قمة", "قمة"),
            ("summit (meeting)", "summit (meeting)"),
            ("'quoted'", "'quoted'"),
            ("'", "'"),
            ("-5", "-5"),
            ("+3.25", "+3.25"),
            ("", ""),
        ] {
            assert_eq!(neutralized(cell.to_owned()), written, "{cell:?}");
            assert_eq!(restored(written.to_owned()), cell, "{written:?}");
        }
        for not_number in ["-", "+.5", "-5.", "-1e5", "-5 ", "-٥"] {
            assert!(!is_plain_number(not_number), "{not_number:?}");
        }
    }
}
