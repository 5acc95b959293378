//! Studying a document's vocabulary: the deck of cards, spaced-repetition scheduling and saved progress.

pub mod deck;
pub mod progress;
pub mod schedule;
pub mod selection;
pub mod session;
pub mod vocabulary;

pub use deck::{Card, DeckFilter, Example, Names, Order, parts_of_speech, word_key};
pub use progress::{
    Edit, Loaded, Progress, ProgressError, ProgressStore, Status, StudySettings, WordProgress,
    apply_saved_edits, document_key,
};
pub use schedule::{Rating, Review, Schedule};
pub use selection::{Which, count_cards, read_saved_progress, select_cards};
pub use session::{Opened, Session};
pub use vocabulary::deck_from_analysis;

/// Now, in Unix seconds: the scheduler's clock.
#[must_use]
pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
