//! Understanding a text: the `Document` built once from it, loading text files safely, and
//! the analysis of it (lemmas, vocabulary, translations, entities, relations).

pub mod analyze;
pub mod assets;
pub mod bama;
pub mod choose;
pub mod document;
pub mod entities;
mod in_order;
pub mod json;
mod json_tokens;
pub mod lemma_table;
pub mod lemmas;
pub mod lexicon;
pub mod load;
pub mod morphology;
pub mod readings;
pub mod relation_rules;
pub mod relations;
pub mod search;
pub mod translations;
pub mod user_words;
pub mod vocabulary;
pub mod word_by_word;
pub mod word_facts;

pub use analyze::{
    Analysis, AnalysisOptions, Relation, TokenInfo, VocabEntry, analyze, analyze_with, preload,
};
pub use document::{Document, Sentence, SentenceKind, Token};
pub use entities::{Entity, EntityKind, Mention};
pub use lemmas::{LemmaFacts, LemmaRef};
pub use load::{LoadError, load_text, text_from_bytes};
pub use readings::Reading;
pub use user_words::{UserWords, UserWordsStore};
pub use word_by_word::{GlossKind, WordGloss};
