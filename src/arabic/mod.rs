//! Facts about Arabic script, free of any GUI: character classes, tokens and sentences.

pub mod script;
pub mod segment;
pub mod tokenize;
