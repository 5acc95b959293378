//! The quiz panel driven like a learner would, with the keyboard only (headless, egui_kittest): a whole session, ending early, the summary, answers kept across a restart.

use std::path::{Path, PathBuf};

use dars::study::quiz::Verdict;
use dars::study::{ProgressStore, Status};
use dars::ui::{DarsApp, Settings};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A fresh folder for one test's saved progress (tests run in parallel: never `$DARS_DATA_DIR`).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dars-quiz-ui-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn app_in(dir: &Path) -> DarsApp {
    DarsApp::with_store(Settings::default(), None, Some(ProgressStore::in_dir(dir)))
}

fn harness(app: DarsApp) -> Harness<'static, DarsApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 950.0))
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app);
    harness.run();
    harness
}

fn press(h: &mut Harness<'_, DarsApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn number(i: usize) -> Key {
    [Key::Num1, Key::Num2, Key::Num3, Key::Num4][i]
}

/// The correct choice of the question shown, and how many choices it has.
fn shown(h: &Harness<'_, DarsApp>) -> Option<(usize, usize)> {
    let run = h.state().panels().quiz.run.as_ref()?;
    let q = run.quiz.questions.get(run.index)?;
    Some((q.correct, q.choices.len()))
}

/// What the question shown takes typed when the answer is typed: its first accepted spelling.
fn typed_answer(h: &Harness<'_, DarsApp>) -> Option<String> {
    let run = h.state().panels().quiz.run.as_ref()?;
    let q = run.question()?;
    run.answers_by_typing()
        .then(|| q.accepted.first().unwrap_or(&q.answer).clone())
}

/// Answers the question shown with the keyboard: right or wrong, then Enter to submit. A typed
/// answer is typed into the field, which has the keys (wrong: a word that is none of the
/// answers, nor one letter off one). Returns the verdict shown for a right answer.
fn answer(h: &mut Harness<'_, DarsApp>, right: bool) -> &'static str {
    if let Some(typed) = typed_answer(h) {
        let text = if right {
            typed.as_str()
        } else {
            "ظظظظظظظظ"
        };
        for letter in text.chars() {
            h.event(egui::Event::Text(letter.to_string()));
            h.run();
        }
        press(h, Key::Enter);
        return "Exact (counts as";
    }
    let (correct, count) = shown(h).expect("a question is shown");
    let choice = if right {
        correct
    } else {
        (correct + 1) % count
    };
    press(h, number(choice));
    press(h, Key::Enter);
    "Right (counts as"
}

/// Unticks every question type but "Meaning (Arabic → English)", as a learner would.
fn only_meaning(h: &mut Harness<'_, DarsApp>) {
    for kind in dars::ui::quiz::PANEL_KINDS {
        if kind != dars::study::QuestionKind::Meaning {
            h.get_by_label(kind.label()).click();
            h.run();
        }
    }
}

#[test]
fn a_whole_session_with_the_keyboard() {
    let dir = scratch("session");
    let mut h = harness(app_in(&dir));
    press(&mut h, Key::F4);
    h.get_by_label_contains("words are due now");
    press(&mut h, Key::Enter);
    let total = h
        .state()
        .panels()
        .quiz
        .run
        .as_ref()
        .map_or(0, |r| r.quiz.questions.len());
    assert_eq!(total, 10, "ten questions by default");
    // Each question and choice (or the answer field) is a node screen readers (and this test) find.
    h.get_by_role(Role::Heading);
    assert!(
        h.query_all_by_role(Role::RadioButton).count() >= 2
            || h.query_by_role_and_label(Role::TextInput, "Your answer")
                .is_some()
    );
    for n in 0..total {
        let right = n != 3;
        let said = answer(&mut h, right);
        let feedback = if right {
            said
        } else {
            "Wrong (counts as Again)"
        };
        h.get_by_label_contains(feedback);
        h.get_by_label_contains(&format!("{} right so far", if n < 3 { n + 1 } else { n }));
        press(&mut h, Key::Enter);
    }
    let run = h.state().panels().quiz.run.clone().expect("the summary");
    assert!(run.finished);
    h.get_by_label("9 right out of 10");
    h.get_by_label_contains("Missed:");
    // Every answer is in the progress, and the words count in their schedule.
    let progress = h.state().session().progress().clone();
    assert_eq!(progress.quiz.len(), 10);
    assert_eq!(
        progress
            .quiz
            .iter()
            .filter(|a| a.verdict == Verdict::Wrong)
            .count(),
        1
    );
    for answer in progress.quiz.iter().filter_map(|a| a.word.as_deref()) {
        assert_eq!(progress.status(answer), Status::Learning, "{answer}");
        assert!(progress.schedule(answer).is_some());
    }
    // Practise the missed one again: one question.
    h.get_by_label("Practise the missed ones again").click();
    h.run();
    let again = h.state().panels().quiz.run.clone().expect("a new run");
    assert_eq!((again.quiz.questions.len(), again.finished), (1, false));
    answer(&mut h, true);
    press(&mut h, Key::Enter);
    h.get_by_label("1 right out of 1");
    // Esc on the summary: back to choosing a session.
    press(&mut h, Key::Escape);
    assert!(h.state().panels().quiz.run.is_none());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn esc_asks_before_ending_and_the_answers_are_kept_across_a_restart() {
    let dir = scratch("restart");
    let word = {
        let mut h = harness(app_in(&dir));
        press(&mut h, Key::F4);
        press(&mut h, Key::Enter);
        answer(&mut h, false);
        press(&mut h, Key::Enter);
        press(&mut h, Key::Escape);
        h.get_by_label_contains("End the session?");
        // Enter goes on with the session.
        press(&mut h, Key::Enter);
        assert!(
            !h.state()
                .panels()
                .quiz
                .run
                .as_ref()
                .is_some_and(|r| r.finished)
        );
        press(&mut h, Key::Escape);
        press(&mut h, Key::Escape);
        h.get_by_label("0 right out of 1");
        h.state_mut().save_progress();
        h.state().session().progress().quiz[0].word.clone()
    };
    // A new window on the same folder, as after a restart.
    let h = harness(app_in(&dir));
    let progress = h.state().session().progress();
    assert_eq!(progress.quiz.len(), 1);
    assert_eq!(progress.quiz[0].verdict, Verdict::Wrong);
    if let Some(word) = word {
        assert_eq!(progress.status(&word), Status::Learning);
        let schedule = progress.schedule(&word).expect("scheduled");
        assert_eq!(
            schedule.due,
            schedule.last_review + 10 * 60,
            "wrong: back in ten minutes"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn clicking_a_missed_word_shows_it_in_the_reader() {
    let dir = scratch("missed");
    let mut h = harness(app_in(&dir));
    press(&mut h, Key::F4);
    only_meaning(&mut h);
    press(&mut h, Key::Enter);
    answer(&mut h, false);
    press(&mut h, Key::Enter);
    press(&mut h, Key::Escape);
    press(&mut h, Key::Escape);
    let run = h.state().panels().quiz.run.clone().expect("summary");
    let context = run.quiz.questions[0].context.clone().expect("a sentence");
    h.get_by_label_contains("Missed:").click();
    h.run();
    assert_eq!(h.state().position().sentence, context.sentence);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn quiz_question_snapshot() {
    let dir = scratch("snapshot");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 950.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app_in(&dir));
    h.run();
    press(&mut h, Key::F4);
    only_meaning(&mut h);
    press(&mut h, Key::Enter);
    let (correct, _) = shown(&h).expect("a question");
    press(&mut h, number(correct));
    h.snapshot("quiz_light");
    std::fs::remove_dir_all(&dir).ok();
}
