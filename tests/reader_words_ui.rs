//! The word popup's other readings and a learner's own meaning, and the word-by-word line on
//! `t`, driven like a user would (headless, egui_kittest).

use std::path::{Path, PathBuf};

use dars::library::{Library, WordForms};
use dars::study::ProgressStore;
use dars::ui::{DarsApp, Settings};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A fresh data folder for one test (tests run in parallel: never `$DARS_DATA_DIR`).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dars-words-ui-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn harness_on(dir: &Path, text: &str) -> Harness<'static, DarsApp> {
    let mut app = DarsApp::with_store(Settings::default(), None, Some(ProgressStore::in_dir(dir)));
    app.open_text("test", text.to_owned());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 760.0))
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app);
    harness.run();
    harness
}

/// What the library in `dir` keeps of the learner's words, read as a second Dars would.
fn saved_forms(dir: &Path) -> WordForms {
    Library::open_in(dir)
        .expect("the library opens")
        .library
        .word_forms()
        .expect("saved words load")
}

fn press(harness: &mut Harness<'_, DarsApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

#[test]
fn t_on_a_sentence_without_translation_shows_it_word_by_word() {
    let dir = scratch("wbw");
    let mut h = harness_on(&dir, "ووقع الرئيس البرازيلي لولا اتفاقا في برازيليا.");
    assert_eq!(h.state().analysis().translation(0), None);
    press(&mut h, Key::T);
    assert!(
        h.query_by_label_contains("Word by word").is_some(),
        "labelled as a word-by-word line"
    );
    assert!(h.query_all_by_label("in").next().is_some(), "في is glossed");
    assert!(
        h.query_all_by_label("Lula").next().is_some(),
        "the name is given as a name"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn another_reading_picked_in_the_popup_is_used_and_saved_for_every_text() {
    let dir = scratch("reading");
    let mut h = harness_on(&dir, "كتب الرئيس رسالة طويلة.");
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::Enter);
    let word = h
        .state()
        .position()
        .word
        .expect("the first word is current");
    let before = h.state().analysis().chosen_reading(word);
    let count = h.state().analysis().readings(word).len();
    assert!(count > 1, "كتب has several readings");
    h.get_by_label_contains("Other readings").click();
    h.run();
    let choose = h.get_all_by_role_and_label(Role::Button, "choose").next();
    choose.expect("a reading to choose").click();
    h.run();
    let after = h.state().analysis().chosen_reading(word);
    assert_ne!(before, after, "the picked reading is now the word's");
    let saved = saved_forms(&dir);
    assert_eq!(saved.readings.len(), 1, "{saved:?}");
    // Another text with the same word reads it the same way.
    let mut again = harness_on(&dir, "ثم كتب الوزير.");
    press(&mut again, Key::ArrowLeft);
    press(&mut again, Key::ArrowLeft);
    let w = again.state().position().word.expect("a word");
    let lemma = |h: &Harness<'_, DarsApp>, t: usize| {
        let a = h.state().analysis();
        a.chosen_reading(t).map(|i| a.readings(t)[i].lemma)
    };
    assert_eq!(lemma(&again, w), lemma(&h, word));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_meaning_typed_for_an_unknown_word_is_shown_and_kept() {
    let dir = scratch("meaning");
    let text = "وقال ماكرون إن ماكرون سيزور باريس.";
    let mut h = harness_on(&dir, text);
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::Enter);
    let word = h.state().position().word.expect("ماكرون is current");
    assert!(
        h.state().analysis().entry_of_token(word).is_none(),
        "no lexicon knows it"
    );
    h.get_by_role(Role::TextInput)
        .set_text_value_accesskit("Macron (French president)");
    h.run();
    h.get_by_label("Save").click();
    h.run();
    let entry = h
        .state()
        .analysis()
        .entry_of_token(word)
        .map(|e| e.gloss_en.clone());
    assert_eq!(entry.as_deref(), Some("Macron (French president)"));
    assert!(h.query_by_label_contains("Saved your meaning").is_some());
    let saved = saved_forms(&dir);
    let form = dars::analysis::UserWords::form_of("ماكرون");
    assert_eq!(
        saved.meanings.get(&form).map(String::as_str),
        Some("Macron (French president)")
    );
    // The card of the word carries it into the deck and exports.
    let cards = h.state().session().cards();
    assert!(cards.iter().any(|c| c.gloss == "Macron (French president)"));
    let _ = std::fs::remove_dir_all(&dir);
}
