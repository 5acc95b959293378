//! A small SM-2 style spaced-repetition scheduler: deterministic, integer-only, told the time.
//!
//! Rules (like Anki's classic scheduler, without learning steps or random fuzz):
//! - Again: the word is forgotten: due again in 10 minutes, interval back to 0, ease −0.20.
//! - Hard: interval × 1.2 (at least 1 day), ease −0.15.
//! - Good: 1 day, then 3 days, then interval × ease (at least one day more than before).
//! - Easy: the Good interval × 1.3 (4 days the first time), ease +0.15.
//!
//! Ease starts at 2.5 and never drops below 1.3. Time is Unix seconds, passed in by the caller.

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

/// One answer, kept in the saved history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// When (Unix seconds).
    pub at: u64,
    pub rating: Rating,
}

/// When a card is next due and how its intervals grow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Schedule {
    /// When the card is next due (Unix seconds).
    pub due: u64,
    /// Days between the last review and `due`; 0 while the word is being (re)learned.
    pub interval_days: u32,
    /// Interval growth factor in thousandths (2500 = ×2.5).
    pub ease_permille: u32,
    /// Successful reviews in a row.
    pub streak: u32,
    /// Times the word was forgotten after having been learned.
    pub lapses: u32,
}

pub const DAY: u64 = 24 * 60 * 60;
/// How soon a forgotten card comes back.
pub const RELEARN_DELAY: u64 = 10 * 60;
const START_EASE: u32 = 2500;
const MIN_EASE: u32 = 1300;

impl Default for Schedule {
    fn default() -> Self {
        Self {
            due: 0,
            interval_days: 0,
            ease_permille: START_EASE,
            streak: 0,
            lapses: 0,
        }
    }
}

impl Schedule {
    /// The schedule after answering `rating` at time `now`.
    #[must_use]
    pub fn rate(self, rating: Rating, now: u64) -> Self {
        let mut next = self;
        match rating {
            Rating::Again => {
                if self.interval_days > 0 {
                    next.lapses += 1;
                }
                next.streak = 0;
                next.interval_days = 0;
                next.ease_permille = self.ease_permille.saturating_sub(200).max(MIN_EASE);
                next.due = now + RELEARN_DELAY;
                return next;
            }
            Rating::Hard => {
                next.interval_days = scale(self.interval_days, 1200).max(1);
                next.ease_permille = self.ease_permille.saturating_sub(150).max(MIN_EASE);
            }
            Rating::Good => next.interval_days = self.good_interval(),
            Rating::Easy => {
                next.interval_days = if self.streak == 0 {
                    4
                } else {
                    let good = self.good_interval();
                    scale(good, 1300).max(good + 1)
                };
                next.ease_permille = self.ease_permille + 150;
            }
        }
        next.streak += 1;
        next.due = now + u64::from(next.interval_days) * DAY;
        next
    }

    fn good_interval(self) -> u32 {
        match self.streak {
            0 => 1,
            1 => 3,
            _ => scale(self.interval_days, self.ease_permille).max(self.interval_days + 1),
        }
    }

    /// Whether the card is due at `now`.
    #[must_use]
    pub fn is_due(&self, now: u64) -> bool {
        self.due <= now
    }
}

/// `days × permille / 1000`, rounded to the nearest day.
fn scale(days: u32, permille: u32) -> u32 {
    let scaled = (u64::from(days) * u64::from(permille) + 500) / 1000;
    u32::try_from(scaled).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_700_000_000;

    fn answer(ratings: &[Rating]) -> Schedule {
        ratings
            .iter()
            .fold(Schedule::default(), |s, &r| s.rate(r, NOW))
    }

    #[test]
    fn good_answers_space_out_the_reviews() {
        use Rating::Good;
        let days: Vec<u32> = (1..=5)
            .map(|n| answer(&vec![Good; n]).interval_days)
            .collect();
        assert_eq!(days, vec![1, 3, 8, 20, 50]);
        assert_eq!(answer(&[Good]).due, NOW + DAY);
    }

    #[test]
    fn again_brings_the_card_back_soon_and_counts_a_lapse() {
        use Rating::{Again, Good};
        let s = answer(&[Good, Good, Again]);
        assert_eq!(s.due, NOW + RELEARN_DELAY);
        assert_eq!((s.interval_days, s.streak, s.lapses), (0, 0, 1));
        assert_eq!(s.ease_permille, 2300);
        assert!(!s.is_due(NOW) && s.is_due(NOW + RELEARN_DELAY));
        // Forgetting a card never learned is not a lapse.
        assert_eq!(answer(&[Again]).lapses, 0);
    }

    #[test]
    fn hard_and_easy_move_the_ease() {
        use Rating::{Easy, Good, Hard};
        assert_eq!(answer(&[Easy]).interval_days, 4);
        assert_eq!(answer(&[Good, Hard]).interval_days, 1);
        assert_eq!(answer(&[Good, Good, Hard]).interval_days, 4);
        assert!(answer(&[Good, Easy]).interval_days > answer(&[Good, Good]).interval_days);
        let floor = answer(&[Rating::Again; 20]);
        assert_eq!(floor.ease_permille, MIN_EASE);
    }

    #[test]
    fn keys_map_to_ratings() {
        assert_eq!(Rating::from_key(1), Some(Rating::Again));
        assert_eq!(Rating::from_key(4), Some(Rating::Easy));
        assert_eq!(Rating::from_key(0), None);
        assert_eq!(Rating::from_key(5), None);
    }
}
