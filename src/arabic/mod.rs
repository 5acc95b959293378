//! Facts about Arabic script, free of any GUI: character classes, tokens and sentences.

pub mod normalize;
pub mod script;
pub mod segment;
pub mod tokenize;
pub mod translit;
