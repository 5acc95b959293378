//! Spaced repetition with FSRS (the `fsrs` crate, Anki's own scheduler): when each word is next due.
//!
//! FSRS keeps two numbers per word — stability (days until recall drops to 90 %) and
//! difficulty (1–10) — and schedules the next review when the chance of recalling the word
//! falls to the desired retention (0.9 by default, a setting saved with the progress). The
//! default FSRS-6 parameters are used; training them on the learner's history stays unused.
//!
//! On top of FSRS, like Anki: a forgotten word (Again) comes back in ten minutes rather than in
//! FSRS's fraction of a day; other answers are due a whole number of days later (at least one),
//! and for a word already reviewed Hard < Good < Easy always. Time is Unix seconds, passed in by
//! the caller, so everything here is deterministic.

use std::sync::LazyLock;

use fsrs::{FSRS, MemoryState, NextStates};
use serde::{Deserialize, Serialize};

/// How well the learner knew a card (keys `1`–`4`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Again,
    Hard,
    Good,
    Easy,
}

impl Rating {
    /// All ratings, in key order (`1`–`4`).
    pub const ALL: [Self; 4] = [Self::Again, Self::Hard, Self::Good, Self::Easy];

    /// The rating of key `1`–`4`.
    #[must_use]
    pub fn from_key(key: u8) -> Option<Self> {
        Self::ALL.get(usize::from(key.checked_sub(1)?)).copied()
    }

    /// The label shown on its button.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Again => "Again",
            Self::Hard => "Hard",
            Self::Good => "Good",
            Self::Easy => "Easy",
        }
    }
}

/// Where an answer was given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewSource {
    /// Rated on a card (keys `1`–`4` in the cards panel).
    #[default]
    Card,
    /// Answered in the quiz.
    Quiz,
}

/// One answer, kept in the saved history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// When (Unix seconds).
    pub at: u64,
    pub rating: Rating,
    /// Cards and quiz share one schedule; the history says which one it was.
    #[serde(default, skip_serializing_if = "ReviewSource::is_card")]
    pub source: ReviewSource,
}

impl ReviewSource {
    fn is_card(&self) -> bool {
        *self == Self::Card
    }
}

/// What FSRS knows about one word, and when it is next due.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    /// When the word is next due (Unix seconds).
    pub due: u64,
    /// When it was last answered (Unix seconds).
    pub last_review: u64,
    /// Days until the chance of recalling it falls to 90 %.
    pub stability: f32,
    /// How hard the word is for this learner, 1 (easy) to 10.
    pub difficulty: f32,
    /// How many times it was answered.
    pub reps: u32,
    /// Times it was forgotten after having been learned.
    pub lapses: u32,
}

pub const DAY: u64 = 24 * 60 * 60;
/// How soon a forgotten word comes back.
pub const RELEARN_DELAY: u64 = 10 * 60;
/// The desired retention when none is set: FSRS's and Anki's default.
pub const DEFAULT_RETENTION: f32 = 0.9;

/// FSRS with its default (FSRS-6) parameters, made once.
static SCHEDULER: LazyLock<FSRS> = LazyLock::new(FSRS::default);

/// `retention` made safe to schedule with: between 0.70 and 0.99 (FSRS's sensible range; 1.0
/// would mean reviewing every day forever), the default when it is not a number.
#[must_use]
pub fn usable_retention(retention: f32) -> f32 {
    if retention.is_finite() {
        retention.clamp(0.70, 0.99)
    } else {
        DEFAULT_RETENTION
    }
}

impl Schedule {
    /// The schedule of a word after answering `rating` at `now`, given its schedule so far
    /// (`None` for a word never answered) and the desired retention.
    #[must_use]
    pub fn after(previous: Option<&Self>, rating: Rating, now: u64, retention: f32) -> Self {
        let retention = usable_retention(retention);
        let elapsed = previous.map_or(0, |p| now.saturating_sub(p.last_review) / DAY);
        let elapsed = u32::try_from(elapsed).unwrap_or(u32::MAX);
        let memory = previous.map(|p| MemoryState {
            stability: p.stability,
            difficulty: p.difficulty,
        });
        let states = SCHEDULER
            .next_states(memory, retention, elapsed)
            // A state FSRS refuses (a hand-edited file) is started afresh rather than lost.
            .or_else(|_| SCHEDULER.next_states(None, retention, 0))
            .ok();
        let (memory, days) = match states {
            Some(states) => pick(&states, rating, previous.is_some()),
            None => fallback(rating),
        };
        let due = if rating == Rating::Again {
            now + RELEARN_DELAY
        } else {
            now + u64::from(days) * DAY
        };
        let was_learned = previous.is_some_and(|p| p.interval_days() >= 1);
        Self {
            due,
            last_review: now,
            stability: memory.stability,
            difficulty: memory.difficulty,
            reps: previous.map_or(0, |p| p.reps).saturating_add(1),
            lapses: previous
                .map_or(0, |p| p.lapses)
                .saturating_add(u32::from(rating == Rating::Again && was_learned)),
        }
    }

    /// Whether the word is due at `now`.
    #[must_use]
    pub fn is_due(&self, now: u64) -> bool {
        self.due <= now
    }

    /// Whole days from the last answer to the next review (0 while the word is relearned).
    #[must_use]
    pub fn interval_days(&self) -> u32 {
        let days = self.due.saturating_sub(self.last_review) / DAY;
        u32::try_from(days).unwrap_or(u32::MAX)
    }
}

/// The memory state and whole-day interval of `rating`. For a word already reviewed the
/// intervals are kept apart (Hard < Good < Easy), as Anki does.
fn pick(states: &NextStates, rating: Rating, reviewed: bool) -> (MemoryState, u32) {
    let days = |interval: f32| {
        // Rounded whole days, at least one; an absurd interval is capped at a century.
        let rounded = interval.round().clamp(1.0, 36_500.0);
        rounded as u32
    };
    let hard = days(states.hard.interval);
    let mut good = days(states.good.interval);
    let mut easy = days(states.easy.interval);
    if reviewed {
        good = good.max(hard + 1);
        easy = easy.max(good + 1);
    }
    match rating {
        Rating::Again => (states.again.memory, 0),
        Rating::Hard => (states.hard.memory, hard),
        Rating::Good => (states.good.memory, good),
        Rating::Easy => (states.easy.memory, easy.max(good)),
    }
}

/// What a new word gets if FSRS itself fails (it does not with its default parameters).
fn fallback(rating: Rating) -> (MemoryState, u32) {
    let days = match rating {
        Rating::Again => 0,
        Rating::Hard => 1,
        Rating::Good => 2,
        Rating::Easy => 8,
    };
    let memory = MemoryState {
        stability: f32::from(u8::try_from(days.max(1)).unwrap_or(1)),
        difficulty: 5.0,
    };
    (memory, days)
}

/// The memory state FSRS estimates for a word the old SM-2 scheduler had at `ease` (×, e.g.
/// 2.5) and `interval_days`, assuming SM-2 kept 90 % of its words; `None` when FSRS cannot tell.
#[must_use]
pub fn memory_from_sm2(ease: f32, interval_days: u32) -> Option<(f32, f32)> {
    #[expect(
        clippy::cast_precision_loss,
        reason = "an interval of more than 2^24 days does not occur"
    )]
    let interval = interval_days as f32;
    SCHEDULER
        .memory_state_from_sm2(ease, interval, DEFAULT_RETENTION)
        .ok()
        .map(|m| (m.stability, m.difficulty))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_700_000_000;

    /// Answers `ratings` in turn, each one when the word is due.
    fn answer(ratings: &[Rating]) -> Schedule {
        let mut schedule: Option<Schedule> = None;
        let mut at = NOW;
        for &rating in ratings {
            let next = Schedule::after(schedule.as_ref(), rating, at, DEFAULT_RETENTION);
            at = next.due;
            schedule = Some(next);
        }
        schedule.unwrap_or_else(|| Schedule::after(None, Rating::Good, NOW, 0.9))
    }

    #[test]
    fn a_new_word_gets_fsrs_first_intervals() {
        let days = |r| answer(&[r]).interval_days();
        // FSRS-6 defaults: Hard 1.3 days, Good 2.3, Easy 8.3.
        assert_eq!(
            (days(Rating::Hard), days(Rating::Good), days(Rating::Easy)),
            (1, 2, 8)
        );
        let first = answer(&[Rating::Good]);
        assert_eq!(first.due, NOW + 2 * DAY);
        assert_eq!((first.reps, first.lapses), (1, 0));
    }

    #[test]
    fn good_answers_space_out_the_reviews() {
        use Rating::Good;
        let days: Vec<u32> = (1..=5)
            .map(|n| answer(&vec![Good; n]).interval_days())
            .collect();
        assert!(days.windows(2).all(|w| w[1] > w[0]), "{days:?}");
        assert!(days[4] > 30, "{days:?}");
    }

    #[test]
    fn again_brings_the_word_back_soon_and_counts_a_lapse() {
        use Rating::{Again, Good};
        let s = answer(&[Good, Good, Again]);
        assert_eq!(s.due, s.last_review + RELEARN_DELAY);
        assert_eq!((s.interval_days(), s.reps, s.lapses), (0, 3, 1));
        assert!(s.stability < answer(&[Good, Good]).stability);
        assert!(!s.is_due(s.last_review) && s.is_due(s.last_review + RELEARN_DELAY));
        // Forgetting a word never learned is not a lapse.
        assert_eq!(answer(&[Again]).lapses, 0);
    }

    #[test]
    fn hard_good_easy_are_kept_apart_and_retention_matters() {
        use Rating::{Easy, Good, Hard};
        let days = |r| answer(&[Good, Good, r]).interval_days();
        assert!(days(Hard) < days(Good) && days(Good) < days(Easy));
        let reviewed = answer(&[Good]);
        let at = reviewed.due;
        let strict = Schedule::after(Some(&reviewed), Good, at, 0.97);
        let relaxed = Schedule::after(Some(&reviewed), Good, at, 0.80);
        assert!(strict.interval_days() < relaxed.interval_days());
        assert!((usable_retention(f32::NAN) - 0.9).abs() < f32::EPSILON);
        assert!((usable_retention(5.0) - 0.99).abs() < f32::EPSILON);
    }

    #[test]
    fn a_broken_saved_state_starts_afresh() {
        let broken = Schedule {
            stability: f32::NAN,
            difficulty: -3.0,
            ..answer(&[Rating::Good])
        };
        let next = Schedule::after(Some(&broken), Rating::Good, broken.due, 0.9);
        assert!(next.stability.is_finite() && next.interval_days() >= 1);
    }

    #[test]
    fn sm2_cards_get_a_memory_state() {
        let (stability, difficulty) = memory_from_sm2(2.5, 20).unwrap_or_default();
        // A 20-day SM-2 interval at 90 % retention is a stability of about 20 days.
        assert!((15.0..25.0).contains(&stability), "{stability}");
        assert!((1.0..=10.0).contains(&difficulty), "{difficulty}");
        let hard = memory_from_sm2(1.3, 20).unwrap_or_default().1;
        assert!(hard > difficulty, "a low ease is a harder word");
    }

    #[test]
    fn keys_map_to_ratings() {
        assert_eq!(Rating::from_key(1), Some(Rating::Again));
        assert_eq!(Rating::from_key(4), Some(Rating::Easy));
        assert_eq!(Rating::from_key(0), None);
        assert_eq!(Rating::from_key(5), None);
    }
}
