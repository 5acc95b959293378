//! Typed answers in the quiz panel (headless, egui_kittest): Arabic typed into the answer field and graded by tier, the letter diff of a wrong answer, and where Esc goes while the field has the keys.

use std::path::{Path, PathBuf};

use dars::render::edit::field_focused;
use dars::study::QuestionKind;
use dars::study::quiz::Verdict;
use dars::study::quiz::grade::{clusters, fold, without_marks};
use dars::study::{ProgressStore, Rating};
use dars::ui::{DarsApp, Settings};
use egui::accesskit::Role;
use egui::{Event, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A fresh folder for one test's saved progress (tests run in parallel: never `$DARS_DATA_DIR`).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dars-quiz-typing-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn app_in(dir: &Path) -> DarsApp {
    DarsApp::with_store(Settings::default(), None, Some(ProgressStore::in_dir(dir)))
}

fn harness(app: DarsApp) -> Harness<'static, DarsApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 950.0))
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app);
    h.run();
    h
}

fn press(h: &mut Harness<'_, DarsApp>, key: Key) {
    h.key_press(key);
    h.run();
}

/// Types `word` letter by letter, as a keyboard with an Arabic layout sends it.
fn type_letters(h: &mut Harness<'_, DarsApp>, word: &str) {
    for letter in word.chars() {
        h.event(Event::Text(letter.to_string()));
        h.run();
    }
}

/// Opens the quiz and leaves only `kind` ticked, as a learner would.
fn only(h: &mut Harness<'_, DarsApp>, kind: QuestionKind) {
    press(h, Key::F4);
    for other in dars::ui::quiz::PANEL_KINDS {
        if other != kind {
            h.get_by_label(other.label()).click();
            h.run();
        }
    }
}

/// The spelling the question shown takes as exact, without its vowel marks.
fn bare_answer(h: &Harness<'_, DarsApp>) -> String {
    let run = h.state().panels().quiz.run.as_ref().expect("a session");
    let q = run.question().expect("a question");
    assert!(
        run.answers_by_typing(),
        "the question is answered by typing"
    );
    without_marks(q.accepted.first().unwrap_or(&q.answer))
}

/// The answer field has the keys.
fn field_has_keys(h: &Harness<'_, DarsApp>) -> bool {
    field_focused(&h.ctx)
}

fn verdicts(h: &Harness<'_, DarsApp>) -> Vec<Verdict> {
    let progress = h.state().session().progress();
    progress.quiz.iter().map(|a| a.verdict).collect()
}

#[test]
fn the_arabic_word_typed_right_is_graded_exact_and_counted_like_a_card() {
    let dir = scratch("right");
    let mut h = harness(app_in(&dir));
    only(&mut h, QuestionKind::Typed);
    press(&mut h, Key::Enter);
    // The field is there, right to left, and has the keys without a click.
    h.get_by_role_and_label(Role::TextInput, "Your answer");
    assert!(
        field_has_keys(&h),
        "the field takes the keys with the question"
    );
    let run = h.state().panels().quiz.run.as_ref().expect("a session");
    let q = run.question().expect("a question").clone();
    assert_eq!(q.kind, QuestionKind::Typed);
    let exact = q.accepted.first().expect("accepted spellings").clone();
    type_letters(&mut h, &exact);
    let field = h.get_by_role_and_label(Role::TextInput, "Your answer");
    assert_eq!(field.value().as_deref(), Some(exact.as_str()));
    // Letters typed into the field did not choose, submit or switch anything.
    assert!(
        h.state()
            .panels()
            .quiz
            .run
            .as_ref()
            .is_some_and(|r| r.graded.is_none())
    );
    press(&mut h, Key::Enter);
    h.get_by_label_contains("Exact (counts as");
    h.get_by_label_contains("1 right so far");
    assert_eq!(verdicts(&h), [Verdict::Exact]);
    if let Some(word) = &q.word {
        assert!(h.state().session().progress().schedule(word).is_some());
    }
    // Enter goes on; the next question's field has the keys again.
    press(&mut h, Key::Enter);
    assert_eq!(
        h.state().panels().quiz.run.as_ref().map(|r| r.index),
        Some(1)
    );
    assert!(field_has_keys(&h));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_folded_spelling_is_correct_but_told_to_mind_the_spelling() {
    let dir = scratch("folded");
    let mut h = harness(app_in(&dir));
    only(&mut h, QuestionKind::Typed);
    press(&mut h, Key::Enter);
    // Answer until a word has a hamza seat, ى or ة: typed folded, it is "mind the spelling".
    let total = h
        .state()
        .panels()
        .quiz
        .run
        .as_ref()
        .map_or(0, |r| r.quiz.questions.len());
    let mut folded_once = false;
    for _ in 0..total {
        let bare = bare_answer(&h);
        let folded = fold(&bare);
        if folded == bare || folded_once {
            type_letters(&mut h, &bare);
            press(&mut h, Key::Enter);
        } else {
            type_letters(&mut h, &folded);
            press(&mut h, Key::Enter);
            h.get_by_label_contains("Correct — mind the spelling (counts as Good)");
            // The difference is drawn: what was typed over the answer, and what to change.
            h.get_by_label(&format!("You typed {folded}"));
            h.get_by_label_contains("The answer ");
            h.get_by_label_contains("write ");
            folded_once = true;
        }
        press(&mut h, Key::Enter);
    }
    assert!(folded_once, "no word in the session could be typed folded");
    let verdicts = verdicts(&h);
    assert!(verdicts.contains(&Verdict::MindTheSpelling));
    assert!(verdicts.iter().all(|v| v.is_right()), "{verdicts:?}");
    std::fs::remove_dir_all(&dir).ok();
}

/// A misspelling of `bare` two letters off: its second letter left out, its last one changed.
fn misspelled(bare: &str) -> String {
    let mut letters = clusters(bare);
    let last = letters.len() - 1;
    letters[last] = if letters[last] == "ب" { "ت" } else { "ب" }.to_owned();
    letters.remove(1);
    letters.concat()
}

/// Answers right until the question shown asks for a word of four letters or more.
fn skip_to_a_long_word(h: &mut Harness<'_, DarsApp>) -> String {
    loop {
        let bare = bare_answer(h);
        if clusters(&bare).len() >= 4 && !bare.contains(' ') {
            return bare;
        }
        type_letters(h, &bare);
        press(h, Key::Enter);
        press(h, Key::Enter);
    }
}

#[test]
fn a_wrong_answer_shows_the_letters_to_change_and_counts_as_again() {
    let dir = scratch("wrong");
    let mut h = harness(app_in(&dir));
    only(&mut h, QuestionKind::Typed);
    press(&mut h, Key::Enter);
    let bare = skip_to_a_long_word(&mut h);
    let typed = misspelled(&bare);
    type_letters(&mut h, &typed);
    press(&mut h, Key::Enter);
    h.get_by_label_contains("Wrong (counts as Again)");
    h.get_by_label(&format!("You typed {typed}"));
    h.get_by_label_contains("The answer ");
    let second = &clusters(&bare)[1];
    h.get_by_label_contains(&format!("add {second}"));
    let answers = &h.state().session().progress().quiz;
    assert_eq!(answers.last().map(|a| a.verdict), Some(Verdict::Wrong));
    assert_eq!(answers.last().map(|a| a.rating), Some(Rating::Again));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn one_letter_off_is_almost_and_counts_as_hard() {
    let dir = scratch("almost");
    let mut h = harness(app_in(&dir));
    only(&mut h, QuestionKind::Typed);
    press(&mut h, Key::Enter);
    let bare = skip_to_a_long_word(&mut h);
    let mut letters = clusters(&bare);
    letters.remove(1);
    type_letters(&mut h, &letters.concat());
    press(&mut h, Key::Enter);
    h.get_by_label_contains("Almost: one letter off (counts as Hard)");
    assert_eq!(verdicts(&h).last(), Some(&Verdict::Almost));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn esc_leaves_the_field_then_asks_before_ending() {
    let dir = scratch("esc");
    let mut h = harness(app_in(&dir));
    only(&mut h, QuestionKind::Typed);
    press(&mut h, Key::Enter);
    // One answer first: with nothing answered, Esc ends at once (there is nothing to lose).
    let bare = bare_answer(&h);
    type_letters(&mut h, &bare);
    press(&mut h, Key::Enter);
    press(&mut h, Key::Enter);
    type_letters(&mut h, "قم");
    assert!(field_has_keys(&h));
    // The first Esc only leaves the field: nothing asked, the letters kept.
    press(&mut h, Key::Escape);
    assert!(!field_has_keys(&h));
    assert!(h.query_by_label_contains("End the session?").is_none());
    let run = h.state().panels().quiz.run.as_ref().expect("a session");
    assert_eq!((run.typed.as_str(), run.finished), ("قم", false));
    // The second asks; Enter goes on, and the field has the keys again where it was.
    press(&mut h, Key::Escape);
    h.get_by_label_contains("End the session?");
    press(&mut h, Key::Enter);
    assert!(h.query_by_label_contains("End the session?").is_none());
    assert!(field_has_keys(&h));
    type_letters(&mut h, "ة");
    let field = h.get_by_role_and_label(Role::TextInput, "Your answer");
    assert_eq!(field.value().as_deref(), Some("قمة"));
    // Esc, Esc, Esc: out of the field, asked, ended; the unsubmitted letters count for nothing.
    press(&mut h, Key::Escape);
    press(&mut h, Key::Escape);
    press(&mut h, Key::Escape);
    h.get_by_label("1 right out of 1");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn enter_with_nothing_typed_asks_then_shows_the_answer_as_again() {
    let dir = scratch("nothing");
    let mut h = harness(app_in(&dir));
    only(&mut h, QuestionKind::Typed);
    press(&mut h, Key::Enter);
    press(&mut h, Key::Enter);
    h.get_by_label_contains("Nothing typed: Enter again shows the answer");
    assert!(verdicts(&h).is_empty(), "a stray Enter is not an answer");
    // Typing takes the question back; Enter on an empty field asks again.
    type_letters(&mut h, "ق");
    assert!(h.query_by_label_contains("Nothing typed").is_none());
    press(&mut h, Key::Backspace);
    press(&mut h, Key::Enter);
    h.get_by_label_contains("Nothing typed");
    assert!(verdicts(&h).is_empty());
    press(&mut h, Key::Enter);
    h.get_by_label_contains("Wrong (counts as Again)");
    h.get_by_label_contains("The answer ");
    assert_eq!(verdicts(&h), [Verdict::Wrong]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_gap_filled_by_typing_is_graded_like_a_typed_word() {
    let dir = scratch("gap");
    let mut h = harness(app_in(&dir));
    only(&mut h, QuestionKind::Cloze);
    h.get_by_label("typing it (harder)").click();
    h.run();
    press(&mut h, Key::Enter);
    h.get_by_label_contains("Type the word that fills the gap.");
    // No numbered choices: the gap is typed.
    assert_eq!(h.query_all_by_role(Role::RadioButton).count(), 0);
    let bare = bare_answer(&h);
    type_letters(&mut h, &bare);
    press(&mut h, Key::Enter);
    let verdict = verdicts(&h).last().copied();
    assert!(verdict.is_some_and(Verdict::is_right), "{verdict:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn typed_diff_snapshot() {
    let dir = scratch("snapshot");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 950.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app_in(&dir));
    h.run();
    only(&mut h, QuestionKind::Typed);
    press(&mut h, Key::Enter);
    let bare = skip_to_a_long_word(&mut h);
    type_letters(&mut h, &misspelled(&bare));
    press(&mut h, Key::Enter);
    // The pointer, left where the last type was unticked, would sit on the words.
    h.event(Event::PointerGone);
    h.run();
    h.snapshot("quiz_typed_diff");
    std::fs::remove_dir_all(&dir).ok();
}
