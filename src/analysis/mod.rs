//! Understanding a text: the `Document` built once from it, and loading text files safely.

pub mod document;
pub mod load;

pub use document::{Document, Sentence, SentenceKind, Token};
pub use load::{LoadError, load_text, text_from_bytes};
