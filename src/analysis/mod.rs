//! Understanding a text: the `Document` built once from it, loading text files safely, and
//! the analysis of it (lemmas, vocabulary, translations, entities, relations).

pub mod analyze;
pub mod assets;
pub mod document;
pub mod entities;
pub mod json;
pub mod lexicon;
pub mod load;
pub mod morphology;
pub mod relation_rules;
pub mod relations;
pub mod search;
pub mod translations;

pub use analyze::{Analysis, Relation, TokenInfo, VocabEntry, analyze};
pub use document::{Document, Sentence, SentenceKind, Token};
pub use entities::{Entity, EntityKind, Mention};
pub use load::{LoadError, load_text, text_from_bytes};
