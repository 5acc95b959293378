//! The curated language data bundled in `assets/`, and the error a malformed line of it gives.

use thiserror::Error;

/// The lexicon: one row per lemma (and part of speech).
pub const LEXICON_TSV: &str = include_str!("../../assets/lexicon.tsv");
/// Names of people, states, places, organizations, documents and events.
pub const GAZETTEER_TSV: &str = include_str!("../../assets/gazetteer.tsv");
/// Triggers and patterns of the relations between entities.
pub const RELATION_RULES_TSV: &str = include_str!("../../assets/relation_rules.tsv");
/// English translations of the bundled article, one row per sentence.
pub const TRANSLATIONS_TSV: &str = include_str!("../../assets/translations.tsv");

/// A line of an asset file that cannot be understood.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{asset}, line {line}: {message}")]
pub struct AssetError {
    pub asset: String,
    pub line: usize,
    pub message: String,
}

impl AssetError {
    pub(crate) fn new(asset: &str, line: usize, message: impl Into<String>) -> Self {
        Self {
            asset: asset.to_owned(),
            line,
            message: message.into(),
        }
    }
}

/// The data rows of a tab-separated file: `(line number, fields)`, skipping the header
/// (the first line), blank lines and `#` comments; every row must have `columns` fields
/// (trailing empty fields may be left out).
///
/// # Errors
/// A row with more fields than `columns`.
pub(crate) fn tsv_rows<'a>(
    asset: &'a str,
    text: &'a str,
    columns: usize,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), AssetError>> + 'a {
    text.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(move |(i, line)| {
            let mut fields: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
            if fields.len() > columns {
                return Err(AssetError::new(
                    asset,
                    i + 1,
                    format!("{} fields, expected {columns}", fields.len()),
                ));
            }
            fields.resize(columns, "");
            Ok((i + 1, fields))
        })
}

/// The non-empty items of a `|`-separated field.
pub(crate) fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}
