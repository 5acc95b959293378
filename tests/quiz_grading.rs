//! Grading typed Arabic in tiers (a table of what learners type), the ratings they count as, and the diff shown.

use std::time::Duration;

use dars::study::Rating;
use dars::study::quiz::grade::{DiffKind, FAST_TYPED, grade_typed};
use dars::study::quiz::{Answer, Choice, Question, QuestionKind, Verdict, grade};

fn typed_question(accepted: &[&str]) -> Question {
    Question {
        kind: QuestionKind::Typed,
        answer: accepted[0].to_owned(),
        accepted: accepted.iter().map(|a| (*a).to_owned()).collect(),
        ..Question::default()
    }
}

#[test]
fn typed_answers_are_graded_in_tiers() {
    use Verdict::{Almost, Exact, MindTheSpelling, WithoutMarks, Wrong};
    // (typed, accepted spellings, tier, rating when fast, rating when slow)
    let table: &[(&str, &[&str], Verdict, Rating, Rating)] = &[
        ("قِمَّة", &["قِمَّة", "قمة"], Exact, Rating::Easy, Rating::Good),
        (" قمة ", &["قِمَّة", "قمة"], Exact, Rating::Easy, Rating::Good),
        ("قِمَّة", &["قمة"], WithoutMarks, Rating::Easy, Rating::Good),
        ("قَمة", &["قِمَّة"], WithoutMarks, Rating::Easy, Rating::Good),
        ("قمـــة", &["قِمَّة"], WithoutMarks, Rating::Easy, Rating::Good),
        (
            "\u{200F}قمة\u{200C}",
            &["قِمَّة"],
            WithoutMarks,
            Rating::Easy,
            Rating::Good,
        ),
        (
            "\u{202B}كوريا  الشمالية\u{202C}",
            &["كوريا الشمالية"],
            WithoutMarks,
            Rating::Easy,
            Rating::Good,
        ),
        ("قمه", &["قِمَّة"], MindTheSpelling, Rating::Good, Rating::Good),
        ("اول", &["أَوَّل"], MindTheSpelling, Rating::Good, Rating::Good),
        ("علي", &["عَلَى"], MindTheSpelling, Rating::Good, Rating::Good),
        (
            "مسوول",
            &["مَسْؤُول"],
            MindTheSpelling,
            Rating::Good,
            Rating::Good,
        ),
        (
            "رييس",
            &["رَئِيس"],
            MindTheSpelling,
            Rating::Good,
            Rating::Good,
        ),
        ("قمم", &["قِمَّة"], Almost, Rating::Hard, Rating::Hard),
        ("قم", &["قِمَّة"], Almost, Rating::Hard, Rating::Hard),
        ("قمتة", &["قِمَّة"], Almost, Rating::Hard, Rating::Hard),
        // ئ folds to ي and ء stays: one letter apart, not the same spelling.
        ("مسءول", &["مَسْؤُول"], Almost, Rating::Hard, Rating::Hard),
        // Two letters: one off is a different word.
        ("من", &["مَعَ"], Wrong, Rating::Again, Rating::Again),
        ("بيت", &["قِمَّة"], Wrong, Rating::Again, Rating::Again),
        ("", &["قِمَّة"], Wrong, Rating::Again, Rating::Again),
        (
            "\u{064E}\u{0640}",
            &["قِمَّة"],
            Wrong,
            Rating::Again,
            Rating::Again,
        ),
    ];
    for &(typed, accepted, tier, fast, slow) in table {
        let q = typed_question(accepted);
        let answer = Answer::Typed(typed.to_owned());
        let quick = grade(&q, &answer, Duration::from_secs(3));
        assert_eq!(quick.verdict, tier, "{typed:?} against {accepted:?}");
        assert_eq!(quick.rating, fast, "{typed:?} answered fast");
        let late = grade(&q, &answer, FAST_TYPED + Duration::from_secs(1));
        assert_eq!(late.rating, slow, "{typed:?} answered slowly");
        assert_eq!(tier.is_right(), !matches!(tier, Almost | Wrong));
    }
}

#[test]
fn the_closest_accepted_spelling_is_the_one_shown() {
    let (verdict, expected) = grade_typed("عقد", &["عَقَدَ", "عقد"]);
    assert_eq!((verdict, expected), (Verdict::Exact, "عقد"));
    let (verdict, expected) = grade_typed("انعقد", &["قِمَّة", "اِنْعَقَدَ"]);
    assert_eq!((verdict, expected), (Verdict::WithoutMarks, "اِنْعَقَدَ"));
}

#[test]
fn the_diff_shows_the_spelling_to_mind_letter_by_letter() {
    let graded = grade(
        &typed_question(&["مَسْؤُول"]),
        &Answer::Typed("مسوول".into()),
        Duration::from_secs(1),
    );
    assert_eq!(graded.verdict, Verdict::MindTheSpelling);
    let wrong: Vec<_> = graded
        .diff
        .iter()
        .filter(|p| p.kind != DiffKind::Same)
        .collect();
    assert_eq!(wrong.len(), 1, "{:?}", graded.diff);
    assert_eq!(wrong[0].cluster, "و");
    assert_eq!(
        wrong[0].expected.as_deref(),
        Some("ؤُ"),
        "the mark stays on its letter"
    );
    // Same letters are shown as they should be, with their vowels.
    assert_eq!(graded.diff[0].cluster, "مَ");

    let wrong = grade(
        &typed_question(&["قِمَّة"]),
        &Answer::Typed("قمتة".into()),
        Duration::from_secs(1),
    );
    let kinds: Vec<DiffKind> = wrong.diff.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            DiffKind::Same,
            DiffKind::Same,
            DiffKind::Extra,
            DiffKind::Same
        ]
    );
    assert_eq!(wrong.diff[2].cluster, "ت");
    assert!(
        grade(
            &typed_question(&["قِمَّة"]),
            &Answer::Typed("قِمَّة".into()),
            Duration::ZERO
        )
        .diff
        .is_empty()
    );
}

#[test]
fn choices_are_right_or_wrong_and_fast_ones_are_easy() {
    let choice = |text: &str| Choice {
        text: text.into(),
        ..Choice::default()
    };
    let q = Question {
        choices: vec![
            choice("summit"),
            choice("leader"),
            choice("year"),
            choice("war"),
        ],
        correct: 0,
        answer: "summit".into(),
        ..Question::default()
    };
    let at = |secs| Duration::from_secs(secs);
    assert_eq!(grade(&q, &Answer::Choice(0), at(2)).rating, Rating::Easy);
    assert_eq!(grade(&q, &Answer::Choice(0), at(20)).rating, Rating::Good);
    let wrong = grade(&q, &Answer::Choice(2), at(2));
    assert_eq!(
        (wrong.verdict, wrong.rating),
        (Verdict::Wrong, Rating::Again)
    );
    assert_eq!(wrong.expected, "summit");
    assert_eq!(grade(&q, &Answer::Choice(9), at(2)).verdict, Verdict::Wrong);
    // A cloze typed at a higher level is graded against its correct choice.
    let typed = grade(&q, &Answer::Typed("summit".into()), at(2));
    assert_eq!(typed.verdict, Verdict::Exact);
}
