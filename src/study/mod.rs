//! Studying a document's vocabulary: the deck of cards, spaced-repetition scheduling and saved progress.

pub mod deck;
pub mod progress;
pub mod schedule;

pub use deck::{Card, DeckFilter, Example, Names, Order, parts_of_speech};
pub use progress::{
    Edit, Loaded, Progress, ProgressError, ProgressStore, Status, StudySettings, WordProgress,
    document_key,
};
pub use schedule::{Rating, Review, Schedule};
