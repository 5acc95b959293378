//! Studying a document: the deck of cards, FSRS scheduling, the quiz and saved progress.

pub mod deck;
pub mod progress;
pub mod quiz;
pub mod schedule;
pub mod selection;
pub mod session;
pub mod status;
pub mod vocabulary;

pub use deck::{Card, DeckFilter, Example, Names, Order, parts_of_speech, word_key};
pub use progress::{
    Edit, Loaded, Progress, ProgressError, ProgressStore, Status, StudySettings, WordProgress,
    apply_saved_edits, document_key,
};
pub use quiz::{Answer, Graded, Practise, Question, QuestionKind, Quiz, QuizSpec, Verdict};
pub use schedule::{Rating, Review, ReviewSource, Schedule};
pub use selection::{Which, count_cards, select_cards};
pub use session::{Opened, Session};
pub use status::{due_label, status_label};
pub use vocabulary::deck_from_analysis;

/// Now, in Unix seconds: the scheduler's clock.
#[must_use]
pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
