//! Studying a document's vocabulary: the deck of cards, spaced-repetition scheduling and saved progress.

pub mod deck;
pub mod progress;
pub mod schedule;
pub mod session;
pub mod vocabulary;

pub use deck::{Card, DeckFilter, Example, Names, Order, parts_of_speech, word_key};
pub use progress::{
    Edit, Loaded, Progress, ProgressError, ProgressStore, Status, StudySettings, WordProgress,
    apply_saved_edits, document_key,
};
pub use schedule::{Rating, Review, Schedule};
pub use session::{Opened, Session};
pub use vocabulary::deck_from_analysis;
