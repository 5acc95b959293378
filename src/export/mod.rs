//! Exporting for other tools: vocabulary cards (an Anki package, CSV, TSV, JSON) and quizzes (see [`quiz`]).

pub mod anki;
pub mod csv;
pub mod json;
pub mod quiz;

use std::path::Path;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::atomic_file::write_atomically;
use crate::study::Card;

/// A file format cards can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// An Anki package (`.apkg`) with its own note type and both card directions.
    Apkg,
    /// Comma-separated, UTF-8 with a byte-order mark (so spreadsheets see UTF-8).
    Csv,
    /// Tab-separated, UTF-8 without a byte-order mark (as Anki and Quizlet import it).
    Tsv,
    /// Every field of every card, for other tools.
    Json,
}

impl Format {
    pub const ALL: [Self; 4] = [Self::Apkg, Self::Csv, Self::Tsv, Self::Json];

    /// The file name extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Apkg => "apkg",
            Self::Csv => "csv",
            Self::Tsv => "tsv",
            Self::Json => "json",
        }
    }

    /// The label shown in the export dialog.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Apkg => "Anki package (.apkg)",
            Self::Csv => "CSV (.csv)",
            Self::Tsv => "TSV (.tsv)",
            Self::Json => "JSON (.json)",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    /// Reads a format name (`apkg`, `csv`, `tsv`, `json`, any case), as the command line takes it.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|f| f.extension().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| format!("unknown format \"{name}\": choose apkg, csv, tsv or json"))
    }
}

/// What an export is called and where its cards come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// The deck name (Anki: `::` makes subdecks). Also part of each note's stable id.
    pub deck: String,
    /// Where the cards come from (a file name), kept as a tag.
    pub source: String,
    /// When the export happens (Unix seconds): Anki updates a note only from a newer one.
    pub now: u64,
}

/// The deck name used when the user gives none.
pub const DEFAULT_DECK: &str = "Dars";

impl ExportOptions {
    /// Options for an export happening now, by the system clock.
    #[must_use]
    pub fn now(deck: impl Into<String>, source: impl Into<String>) -> Self {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self {
            deck: deck.into(),
            source: source.into(),
            now,
        }
    }
}

/// Why an export failed.
#[derive(Debug, Error)]
pub enum ExportError {
    /// Said the same way to the command line and the window: each adds how to choose cards there.
    #[error("There are no cards to export.")]
    NoCards,
    #[error("The deck needs a name. Type one (for example \"Arabic news\").")]
    NoDeckName,
    #[error("Could not build the {format} file: {reason}")]
    Build {
        format: &'static str,
        reason: String,
    },
    /// `reason` says what to do (see [`crate::atomic_file::explain`]); a file that was at
    /// `path` is unchanged.
    #[error("Could not write {path}: {reason}.")]
    Write { path: String, reason: String },
}

/// The bytes of `cards` exported in `format`.
///
/// # Errors
/// No cards, no deck name, or a failure building the file.
pub fn export_bytes(
    cards: &[Card],
    format: Format,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    if cards.is_empty() {
        return Err(ExportError::NoCards);
    }
    if options.deck.trim().is_empty() {
        return Err(ExportError::NoDeckName);
    }
    match format {
        Format::Apkg => anki::package(cards, options),
        Format::Csv => csv::to_bytes(cards, csv::Delimiter::Comma),
        Format::Tsv => csv::to_bytes(cards, csv::Delimiter::Tab),
        Format::Json => json::to_bytes(cards, options),
    }
}

/// Exports `cards` to `path`. The file appears whole or not at all: it is written to a
/// temporary file beside `path`, then renamed.
///
/// # Errors
/// As [`export_bytes`], or when `path` cannot be written.
pub fn export_to_file(
    cards: &[Card],
    format: Format,
    options: &ExportOptions,
    path: &Path,
) -> Result<(), ExportError> {
    let bytes = export_bytes(cards, format, options)?;
    write_atomically(path, &bytes).map_err(|e| ExportError::Write {
        path: path.display().to_string(),
        reason: crate::atomic_file::explain(&e),
    })
}
