//! How well the learner knows a word, and the words every panel uses to say it ("Learning · due in 3 days").

use serde::{Deserialize, Serialize};

use super::schedule::{DAY, Schedule};

/// How well the learner knows a word (the reader tints new and learning words).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    New,
    Learning,
    Known,
    /// Not worth studying (a name, a word the learner does not care about).
    Ignored,
}

impl Status {
    /// All statuses, in key order (`1`–`4` in the reader).
    pub const ALL: [Self; 4] = [Self::New, Self::Learning, Self::Known, Self::Ignored];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Learning => "Learning",
            Self::Known => "Known",
            Self::Ignored => "Ignored",
        }
    }
}

/// When a word is next due, in words: "due now", "due in 10 minutes", "due in 3 days",
/// "due in 2 months"; "not scheduled yet" for a word never answered.
#[must_use]
pub fn due_label(schedule: Option<&Schedule>, now: u64) -> String {
    let Some(schedule) = schedule else {
        return "not scheduled yet".to_owned();
    };
    if schedule.is_due(now) {
        return "due now".to_owned();
    }
    let left = schedule.due - now;
    let (n, unit) = match left {
        s if s < 60 * 60 => (s.div_ceil(60), "minute"),
        s if s < DAY => (s.div_ceil(60 * 60), "hour"),
        s if s < 60 * DAY => (s.div_ceil(DAY), "day"),
        s if s < 730 * DAY => (s.div_ceil(30 * DAY), "month"),
        s => (s.div_ceil(365 * DAY), "year"),
    };
    format!("due in {n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// A word's status and, when it was answered, when it is next due: "New", "Known",
/// "Learning · due in 3 days". Ignored words say nothing of a schedule.
#[must_use]
pub fn status_label(status: Status, schedule: Option<&Schedule>, now: u64) -> String {
    match (status, schedule) {
        (Status::Ignored, _) | (_, None) => status.label().to_owned(),
        (_, Some(_)) => format!("{} · {}", status.label(), due_label(schedule, now)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due_at(due: u64) -> Schedule {
        Schedule {
            due,
            last_review: 0,
            stability: 1.0,
            difficulty: 5.0,
            reps: 1,
            lapses: 0,
        }
    }

    #[test]
    fn due_dates_read_like_a_person_says_them() {
        let now = 1_000_000;
        let label = |after| due_label(Some(&due_at(now + after)), now);
        assert_eq!(due_label(None, now), "not scheduled yet");
        assert_eq!(due_label(Some(&due_at(now - 5)), now), "due now");
        assert_eq!(label(0), "due now");
        assert_eq!(label(10 * 60), "due in 10 minutes");
        assert_eq!(label(60), "due in 1 minute");
        assert_eq!(label(5 * 60 * 60), "due in 5 hours");
        assert_eq!(label(3 * DAY), "due in 3 days");
        assert_eq!(label(90 * DAY), "due in 3 months");
        assert_eq!(label(800 * DAY), "due in 3 years");
    }

    #[test]
    fn status_labels_add_the_due_date_when_there_is_one() {
        let s = due_at(3 * DAY);
        assert_eq!(status_label(Status::New, None, 0), "New");
        assert_eq!(
            status_label(Status::Learning, Some(&s), 0),
            "Learning · due in 3 days"
        );
        assert_eq!(status_label(Status::Ignored, Some(&s), 0), "Ignored");
    }
}
