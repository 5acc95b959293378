//! JSON export: the deck's name and source, and every field of every card, for other tools.

use serde::{Deserialize, Serialize};

use super::{ExportError, ExportOptions};
use crate::study::Card;

/// The top level of an exported JSON file. `example.word` is a byte range into
/// `example.text` (UTF-8), as everywhere in Dars.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardFile {
    /// Always "dars-cards", so a tool can tell what it reads.
    pub format: String,
    pub version: u32,
    pub deck: String,
    pub source: String,
    pub cards: Vec<Card>,
}

pub const FORMAT_NAME: &str = "dars-cards";
pub const VERSION: u32 = 1;

/// `cards` as pretty-printed UTF-8 JSON (Arabic written as is, not as `\u` escapes).
///
/// # Errors
/// Only if serialization fails, which plain strings and numbers do not.
pub fn to_bytes(cards: &[Card], options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let file = CardFile {
        format: FORMAT_NAME.into(),
        version: VERSION,
        deck: options.deck.clone(),
        source: options.source.clone(),
        cards: cards.to_vec(),
    };
    let mut bytes = serde_json::to_vec_pretty(&file).map_err(|e| ExportError::Build {
        format: "JSON",
        reason: e.to_string(),
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Reads a file written by [`to_bytes`].
///
/// # Errors
/// When the bytes are not such a file.
pub fn from_bytes(bytes: &[u8]) -> Result<CardFile, serde_json::Error> {
    serde_json::from_slice(bytes)
}
