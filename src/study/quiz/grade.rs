//! Grading an answer: a choice is right or wrong; typed Arabic in tiers, with a letter-by-letter diff; each maps to a rating.
//!
//! Typed answers, first tier that holds:
//! 1. exact (spaces at the ends and between words aside);
//! 2. equal once diacritics, tatweel, zero-width characters and bidi marks are removed: correct;
//! 3. equal once أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي are folded: correct, "mind the
//!    spelling", with the difference;
//! 4. one letter off (one letter added, missing or replaced, in a word of three letters or
//!    more): almost, counts as Hard;
//! 5. otherwise wrong, with the diff.
//!
//! Ratings, as on a card: wrong = Again, almost = Hard, right = Good, right and fast = Easy.
//! Fast means within [`FAST_CHOICE`] for a choice and [`FAST_TYPED`] for a typed answer: about
//! the time it takes to read the question and the choices (or type a word) without having to
//! think; "mind the spelling" is never Easy.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation as _;

use super::Question;
use crate::arabic::script::{is_arabic_mark, is_word_joiner};
use crate::arabic::tokenize::is_invisible;
use crate::study::schedule::Rating;

/// A choice answered this fast (or faster) and right counts as Easy.
pub const FAST_CHOICE: Duration = Duration::from_secs(5);
/// A typed answer this fast (or faster) and right counts as Easy.
pub const FAST_TYPED: Duration = Duration::from_secs(10);

/// What the learner answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The index of a choice.
    Choice(usize),
    /// Arabic typed in.
    Typed(String),
}

/// How an answer was judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The right choice.
    Right,
    /// Typed exactly.
    Exact,
    /// Typed right, marks (vowels, tatweel, invisible characters) aside.
    WithoutMarks,
    /// Typed right once hamza seats, final ى/ي and ة/ه are folded: mind the spelling.
    MindTheSpelling,
    /// One letter off.
    Almost,
    Wrong,
}

impl Verdict {
    /// Whether it counts as right.
    #[must_use]
    pub fn is_right(self) -> bool {
        !matches!(self, Self::Almost | Self::Wrong)
    }

    /// What the learner is told (the panel adds how it counts: "(counts as Hard)").
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Right => "Right",
            Self::Exact => "Exact",
            Self::WithoutMarks => "Correct, the vowel marks aside",
            Self::MindTheSpelling => "Correct — mind the spelling",
            Self::Almost => "Almost: one letter off",
            Self::Wrong => "Wrong",
        }
    }
}

/// How one grapheme cluster (a letter with its marks) of a typed answer compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// As it should be (the cluster is the expected one, with its vowels).
    Same,
    /// Should be there and was not typed (the cluster is the expected one).
    Missing,
    /// Typed and should not be there.
    Extra,
    /// Typed in place of another (the cluster is the typed one; `expected` the right one).
    Wrong,
}

/// One cluster of the diff, in logical (reading) order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffPart {
    pub cluster: String,
    pub kind: DiffKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
}

/// An answer graded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Graded {
    pub verdict: Verdict,
    /// How it counts in the word's schedule.
    pub rating: Rating,
    /// The right answer (for a typed one, the accepted spelling closest to what was typed).
    pub expected: String,
    /// Typed answers that were not exact: what was typed against `expected`, letter by letter.
    pub diff: Vec<DiffPart>,
}

/// Grades `answer` to `question`, given in `elapsed`. A typed answer to a multiple-choice
/// question is graded against its correct choice (a cloze typed at a higher level).
#[must_use]
pub fn grade(question: &Question, answer: &Answer, elapsed: Duration) -> Graded {
    match answer {
        Answer::Choice(i) => {
            let verdict = if !question.is_typed() && *i == question.correct {
                Verdict::Right
            } else {
                Verdict::Wrong
            };
            Graded {
                verdict,
                rating: rating(verdict, elapsed <= FAST_CHOICE),
                expected: question.answer.clone(),
                diff: Vec::new(),
            }
        }
        Answer::Typed(typed) => {
            let accepted: Vec<&str> = if question.accepted.is_empty() {
                question
                    .correct_choice()
                    .map_or(vec![question.answer.as_str()], |c| vec![c.text.as_str()])
            } else {
                question.accepted.iter().map(String::as_str).collect()
            };
            let (verdict, expected) = grade_typed(typed, &accepted);
            let diff = if verdict == Verdict::Exact {
                Vec::new()
            } else {
                diff(typed, expected)
            };
            Graded {
                verdict,
                rating: rating(verdict, elapsed <= FAST_TYPED),
                expected: expected.to_owned(),
                diff,
            }
        }
    }
}

/// The rating a verdict counts as.
#[must_use]
pub fn rating(verdict: Verdict, fast: bool) -> Rating {
    match verdict {
        Verdict::Wrong => Rating::Again,
        Verdict::Almost => Rating::Hard,
        Verdict::MindTheSpelling => Rating::Good,
        Verdict::Right | Verdict::Exact | Verdict::WithoutMarks if fast => Rating::Easy,
        Verdict::Right | Verdict::Exact | Verdict::WithoutMarks => Rating::Good,
    }
}

/// The tier `typed` reaches against the accepted spellings, and the spelling it reached it with
/// (the closest one when wrong).
#[must_use]
pub fn grade_typed<'a>(typed: &str, accepted: &[&'a str]) -> (Verdict, &'a str) {
    let first = accepted.first().copied().unwrap_or_default();
    let find = |same: &dyn Fn(&str) -> bool| accepted.iter().copied().find(|a| same(a));
    let spaced = collapse_spaces(typed);
    if let Some(a) = find(&|a| collapse_spaces(a) == spaced) {
        return (Verdict::Exact, a);
    }
    let bare = without_marks(typed);
    if bare.is_empty() {
        return (Verdict::Wrong, first);
    }
    if let Some(a) = find(&|a| without_marks(a) == bare) {
        return (Verdict::WithoutMarks, a);
    }
    let folded = fold(&bare);
    if let Some(a) = find(&|a| fold(&without_marks(a)) == folded) {
        return (Verdict::MindTheSpelling, a);
    }
    let typed_letters: Vec<char> = folded.chars().collect();
    let closest = accepted
        .iter()
        .copied()
        .map(|a| {
            let letters: Vec<char> = fold(&without_marks(a)).chars().collect();
            (
                distance(&typed_letters, &letters, |x, y| x == y),
                letters.len(),
                a,
            )
        })
        .min_by_key(|&(d, _, _)| d);
    match closest {
        Some((1, len, a)) if len >= 3 => (Verdict::Almost, a),
        Some((_, _, a)) => (Verdict::Wrong, a),
        None => (Verdict::Wrong, first),
    }
}

/// Spaces at the ends dropped, runs of white space made one space.
fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `c` is never part of how a word is spelled: tatweel, zero-width and bidi
/// characters (the Arabic letter mark too).
fn is_invisible_in_answers(c: char) -> bool {
    c == '\u{0640}' || c == '\u{061C}' || is_invisible(c) || is_word_joiner(c)
}

/// The letters alone: diacritics, tatweel, zero-width characters and bidi marks removed.
#[must_use]
pub fn without_marks(text: &str) -> String {
    collapse_spaces(
        &text
            .chars()
            .filter(|&c| !is_arabic_mark(c) && !is_invisible_in_answers(c))
            .collect::<String>(),
    )
}

/// The spelling folds of the grading tiers: أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي.
#[must_use]
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' | 'ئ' => 'ي',
            'ة' => 'ه',
            'ؤ' => 'و',
            other => other,
        })
        .collect()
}

/// Levenshtein distance between two sequences, items compared by `same`.
fn distance<T>(a: &[T], b: &[T], same: impl Fn(&T, &T) -> bool) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(!same(x, y));
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

/// The grapheme clusters of an answer as shown: marks kept on their letter, tatweel and
/// invisible characters dropped, white space made one space. The diff's typed side is these
/// clusters of the typed text, in order.
#[must_use]
pub fn clusters(text: &str) -> Vec<String> {
    let shown: String = text
        .chars()
        .filter(|&c| !is_invisible_in_answers(c))
        .collect();
    collapse_spaces(&shown)
        .graphemes(true)
        .map(str::to_owned)
        .collect()
}

/// `typed` against `expected`, cluster by cluster, in reading order: the fewest missing,
/// extra and wrong letters. Letters compare without their marks and without folding, so
/// ا for أ shows as wrong (the spelling to mind).
#[must_use]
pub fn diff(typed: &str, expected: &str) -> Vec<DiffPart> {
    let (a, b) = (clusters(typed), clusters(expected));
    let key = |c: &String| without_marks(c);
    let (ka, kb): (Vec<String>, Vec<String>) =
        (a.iter().map(key).collect(), b.iter().map(key).collect());
    // cost[i][j]: the distance between a[i..] and b[j..].
    let (n, m) = (a.len(), b.len());
    let mut cost = vec![vec![0_usize; m + 1]; n + 1];
    for i in (0..=n).rev() {
        for j in (0..=m).rev() {
            cost[i][j] = match (i < n, j < m) {
                (false, false) => 0,
                (true, false) => cost[i + 1][j] + 1,
                (false, true) => cost[i][j + 1] + 1,
                (true, true) => (cost[i + 1][j + 1] + usize::from(ka[i] != kb[j]))
                    .min(cost[i + 1][j] + 1)
                    .min(cost[i][j + 1] + 1),
            };
        }
    }
    let mut parts = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        let part = |cluster: &String, kind, expected: Option<&String>| DiffPart {
            cluster: cluster.clone(),
            kind,
            expected: expected.cloned(),
        };
        if i < n && j < m && cost[i][j] == cost[i + 1][j + 1] + usize::from(ka[i] != kb[j]) {
            parts.push(if ka[i] == kb[j] {
                part(&b[j], DiffKind::Same, None)
            } else {
                part(&a[i], DiffKind::Wrong, Some(&b[j]))
            });
            (i, j) = (i + 1, j + 1);
        } else if j < m && cost[i][j] == cost[i][j + 1] + 1 {
            parts.push(part(&b[j], DiffKind::Missing, None));
            j += 1;
        } else {
            parts.push(part(&a[i], DiffKind::Extra, None));
            i += 1;
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(parts: &[DiffPart]) -> String {
        parts
            .iter()
            .map(|p| match p.kind {
                DiffKind::Same => '=',
                DiffKind::Missing => '-',
                DiffKind::Extra => '+',
                DiffKind::Wrong => '~',
            })
            .collect()
    }

    #[test]
    fn the_diff_keeps_marks_on_their_letter() {
        let parts = diff("قمه", "قِمَّة");
        assert_eq!(kinds(&parts), "==~");
        assert_eq!(parts[0].cluster, "قِ");
        assert_eq!(parts[1].cluster, "مَّ");
        assert_eq!(parts[2].expected.as_deref(), Some("ة"));
        assert_eq!(kinds(&diff("قمم", "قمة")), "==~");
        assert_eq!(kinds(&diff("قة", "قمة")), "=-=");
        assert_eq!(kinds(&diff("قممة", "قمة")), "==+=");
        assert_eq!(kinds(&diff("", "قمة")), "---");
    }

    #[test]
    fn levenshtein() {
        let d = |a: &str, b: &str| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            distance(&a, &b, |x, y| x == y)
        };
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("قمة", "قمة"), 0);
    }
}
