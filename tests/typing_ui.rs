//! Typing in the app (headless, egui_kittest): the teacher's gloss and note in Arabic and
//! English, the search bar (`Ctrl+F`) finding a word in any form, stepping through its
//! matches and closing, and shortcuts that never fire while a field has the keys.

use std::path::PathBuf;

use dars::analysis::search::SearchIndex;
use dars::study::ProgressStore;
use dars::ui::{DarsApp, Settings};
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A fresh folder for one test's saved progress (tests run in parallel: never `$DARS_DATA_DIR`).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dars-typing-ui-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn harness(name: &str) -> Harness<'static, DarsApp> {
    let app = DarsApp::with_store(
        Settings::default(),
        None,
        Some(ProgressStore::in_dir(scratch(name))),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1300.0, 850.0))
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app);
    h.run();
    h
}

fn type_letters(h: &mut Harness<'_, DarsApp>, word: &str) {
    for letter in word.chars() {
        h.event(Event::Text(letter.to_string()));
        h.run();
    }
}

fn press(h: &mut Harness<'_, DarsApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

#[test]
fn a_gloss_typed_in_arabic_and_english_is_saved_with_enter() {
    let mut h = harness("gloss");
    press(&mut h, Modifiers::NONE, Key::F3);
    let card = h.state().panels().cards.current(h.state().session());
    let key = card
        .map(|i| h.state().session().cards()[i].key())
        .expect("a card");
    h.get_by_label("Teacher's edit").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Meaning").click();
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::A);
    type_letters(&mut h, "first, as in ");
    type_letters(&mut h, "أول قمة");
    let field = h.get_by_role_and_label(Role::TextInput, "Meaning");
    assert_eq!(field.value().as_deref(), Some("first, as in أول قمة"));
    // Plain keys typed into the field: the theme did not switch on the d of "as in".
    assert!(!h.state().settings().dark);
    press(&mut h, Modifiers::NONE, Key::Enter);
    let saved = h
        .state()
        .session()
        .progress()
        .edit(&key)
        .and_then(|e| e.gloss.clone());
    assert_eq!(saved.as_deref(), Some("first, as in أول قمة"));
}

#[test]
fn ctrl_f_finds_a_word_in_any_form_steps_through_the_matches_and_esc_closes() {
    let mut h = harness("search");
    press(&mut h, Modifiers::COMMAND, Key::F);
    assert!(h.state().panels().reader.search.open);
    let field = h.get_by_role_and_label(Role::TextInput, "Find in the text");
    assert!(
        field.is_focused(),
        "Ctrl+F puts the keys in the search field"
    );
    type_letters(&mut h, "قمة");
    let index = SearchIndex::new(h.state().doc(), h.state().analysis());
    let expected = index.find("قمة");
    assert!(
        expected.len() > 2,
        "the article names the summit several times"
    );
    assert_eq!(h.state().panels().reader.search.matches(), &expected[..]);
    let count = format!("1 of {}", expected.len());
    assert!(h.query_by_label(&count).is_some(), "{count} is shown");
    // Every match holds the word in some form: القمة, قمة, والقمة …
    let doc = h.state().doc();
    for found in &expected {
        let text = dars::arabic::normalize::normalize(doc.slice(found));
        assert!(text.contains("قمه"), "{text}");
    }
    let word_start = |h: &Harness<'_, DarsApp>| {
        let w = h.state().position().word.expect("a current word");
        h.state().doc().tokens[w].range.start
    };
    assert_eq!(
        word_start(&h),
        expected[0].start,
        "the first match is current"
    );
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(word_start(&h), expected[1].start, "Enter: the next match");
    assert!(
        h.query_by_label(&format!("2 of {}", expected.len()))
            .is_some()
    );
    press(&mut h, Modifiers::SHIFT, Key::Enter);
    press(&mut h, Modifiers::SHIFT, Key::Enter);
    assert_eq!(
        word_start(&h),
        expected[expected.len() - 1].start,
        "Shift+Enter goes back, round to the last"
    );
    // ← typed into the field moves its caret, not the reader's word.
    let before = h.state().position();
    press(&mut h, Modifiers::NONE, Key::ArrowLeft);
    assert_eq!(h.state().position(), before);
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(!h.state().panels().reader.search.open, "Esc closes the bar");
    assert!(h.state().panels().reader.search.matches().is_empty());
}

#[test]
fn an_english_gloss_finds_its_arabic_words() {
    let mut h = harness("gloss-search");
    press(&mut h, Modifiers::COMMAND, Key::F);
    type_letters(&mut h, "summit");
    let index = SearchIndex::new(h.state().doc(), h.state().analysis());
    let by_gloss = h.state().panels().reader.search.matches().to_vec();
    assert!(!by_gloss.is_empty());
    assert_eq!(by_gloss, index.find("قمة"), "summit finds what قمة finds");
}
