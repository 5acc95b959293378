//! CSV and TSV export (and reading them back): a header row, then one row per card.
//!
//! Both are UTF-8 with RFC 4180 quoting. CSV starts with a byte-order mark, because without
//! one Excel reads UTF-8 as a legacy code page and garbles the Arabic; other spreadsheets and Google
//! Sheets ignore it. TSV has none: it is the format pasted into Quizlet and imported into Anki,
//! where a BOM could end up in the first field. The first two columns are the Arabic word and
//! its English meaning, the term/definition pair those tools expect. The last columns
//! (`IsName` … `WordEnd`) carry the rest of the card, so a file reads back to the same cards.

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

impl From<&Card> for Row {
    fn from(c: &Card) -> Self {
        Self {
            arabic: c.lemma.clone(),
            english: c.gloss.clone(),
            vocalized: c.vocalized.clone(),
            transliteration: c.translit.clone(),
            root: c.root.clone(),
            part_of_speech: c.pos.clone(),
            forms: c.forms.join(FORMS_SEPARATOR),
            example: c.example.text.clone(),
            example_translation: c.example.translation.clone().unwrap_or_default(),
            note: c.note.clone(),
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
