//! Tim Buckwalter's Arabic Morphological Analyzer 1.0 (BAMA): its tables and its algorithm.

pub mod buckwalter;
mod key_index;
pub mod lemma;
pub mod solutions;
pub mod tables;

pub use lemma::LemmaFacts;
pub use solutions::{Solution, solutions, word_key};
pub use tables::Tables;
