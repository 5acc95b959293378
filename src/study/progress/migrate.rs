//! Reading saved words of every format: the SM-2 schedules of format 1 become FSRS memory states.
//!
//! Format 1 kept, per word, SM-2's ease (in thousandths) and interval in days. FSRS estimates a
//! memory state from those two numbers (`memory_state_from_sm2`, as Anki does when it turns
//! FSRS on); the due date, lapses, status, answers and edits are kept as they were, so nothing
//! the learner did is lost and no word comes due earlier or later than SM-2 had it.

use serde::Deserialize;

use super::{Edit, Status, WordProgress};
use crate::study::schedule::{DAY, Review, Schedule, memory_from_sm2};

/// One word as any version of Dars saved it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SavedWord {
    status: Status,
    schedule: Option<SavedSchedule>,
    reviews: Vec<Review>,
    edit: Edit,
}

/// A schedule as saved: FSRS (format 2) or SM-2 (format 1), told apart by their fields.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum SavedSchedule {
    Fsrs(Schedule),
    Sm2(Sm2Schedule),
}

/// The SM-2 schedule of format 1.
#[derive(Debug, Deserialize)]
struct Sm2Schedule {
    due: u64,
    #[serde(default)]
    interval_days: u32,
    ease_permille: u32,
    #[serde(default)]
    lapses: u32,
}

/// The ease SM-2 starts a word at (×2.5), for a file that says something absurd.
const SM2_START_EASE: f32 = 2.5;

impl From<SavedWord> for WordProgress {
    fn from(saved: SavedWord) -> Self {
        let schedule = saved.schedule.map(|s| match s {
            SavedSchedule::Fsrs(schedule) => schedule,
            SavedSchedule::Sm2(old) => from_sm2(&old, &saved.reviews),
        });
        Self {
            status: saved.status,
            schedule,
            reviews: saved.reviews,
            edit: saved.edit,
        }
    }
}

/// The FSRS schedule of a word SM-2 had scheduled as `old`, answered `reviews`.
fn from_sm2(old: &Sm2Schedule, reviews: &[Review]) -> Schedule {
    #[expect(
        clippy::cast_precision_loss,
        reason = "an ease in thousandths is far below 2^24"
    )]
    let ease = old.ease_permille as f32 / 1000.0;
    let ease = if (1.3..=5.0).contains(&ease) {
        ease
    } else {
        SM2_START_EASE
    };
    // SM-2 relearned a forgotten word with an interval of 0; FSRS's floor stands for that.
    let (stability, difficulty) = memory_from_sm2(ease, old.interval_days)
        .or_else(|| memory_from_sm2(SM2_START_EASE, 1))
        .unwrap_or((1.0, 5.0));
    let last_review = reviews.last().map_or_else(
        || old.due.saturating_sub(u64::from(old.interval_days) * DAY),
        |r| r.at,
    );
    Schedule {
        due: old.due,
        last_review,
        stability,
        difficulty,
        reps: u32::try_from(reviews.len()).unwrap_or(u32::MAX),
        lapses: old.lapses,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::schedule::Rating;

    #[test]
    fn an_sm2_word_keeps_its_due_date_answers_and_lapses() {
        let json = r#"{"status": "learning",
            "schedule": {"due": 1700864000, "interval_days": 10, "ease_permille": 2300,
                         "streak": 3, "lapses": 1},
            "reviews": [{"at": 1700000000, "rating": "good"}],
            "edit": {"note": "n"}}"#;
        let word: WordProgress = serde_json::from_str(json).unwrap_or_default();
        let s = word
            .schedule
            .unwrap_or_else(|| Schedule::after(None, Rating::Good, 0, 0.9));
        assert_eq!((s.due, s.lapses, s.reps), (1_700_864_000, 1, 1));
        assert_eq!(s.last_review, 1_700_000_000);
        assert!((5.0..15.0).contains(&s.stability), "{}", s.stability);
        assert_eq!(word.status, Status::Learning);
        assert_eq!(word.edit.note, "n");
    }

    #[test]
    fn an_fsrs_word_reads_back_as_written() {
        let schedule = Schedule::after(None, Rating::Good, 1_700_000_000, 0.9);
        let word = WordProgress {
            schedule: Some(schedule),
            ..WordProgress::default()
        };
        let json = serde_json::to_string(&word).unwrap_or_default();
        let back: WordProgress = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, word);
    }
}
