//! The cards panel, word statuses, saved progress and the export dialog, driven like a user would (headless, egui_kittest).

use std::path::{Path, PathBuf};

use dars::analysis::document::BUNDLED_ARTICLE;
use dars::export::Format;
use dars::library::{DATABASE_FILE, Library};
use dars::study::{ProgressStore, Status, document_key};
use dars::ui::export_dialog::Which;
use dars::ui::{DarsApp, Panel, Settings};
use egui::accesskit::{Role, Toggled};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

/// A fresh folder for one test's saved progress (tests run in parallel: never `$DARS_DATA_DIR`).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dars-cards-ui-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn app_in(dir: &Path) -> DarsApp {
    DarsApp::with_store(Settings::default(), None, Some(ProgressStore::in_dir(dir)))
}

/// The status of `word` as the library in `dir` has it saved (as another Dars would read it).
fn saved_status(dir: &Path, word: &str) -> Status {
    let library = Library::open_in(dir).expect("the library opens").library;
    library
        .progress_for(&document_key(BUNDLED_ARTICLE), [word])
        .expect("read")
        .status(word)
}

fn harness(app: DarsApp) -> Harness<'static, DarsApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1300.0, 850.0))
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app);
    harness.run();
    harness
}

fn press(harness: &mut Harness<'_, DarsApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// The key of the card the panel shows.
fn current_card(app: &DarsApp) -> String {
    app.panels()
        .cards
        .current(app.session())
        .map(|i| app.session().cards()[i].key())
        .unwrap_or_default()
}

/// Whether the status button `label` (on the card, or in the word popup) is the selected one.
fn is_selected(harness: &Harness<'_, DarsApp>, label: &str) -> bool {
    harness
        .get_by_role_and_label(Role::Button, label)
        .accesskit_node()
        .toggled()
        .is_some_and(|t| t == Toggled::True)
}

#[test]
fn f3_shows_the_cards_beside_the_reader_and_gives_them_the_keys() {
    let dir = scratch("f3");
    let mut h = harness(app_in(&dir));
    press(&mut h, Key::F3);
    assert!(h.state().is_open(Panel::Cards));
    assert_eq!(h.state().active(), Panel::Cards);
    assert!(h.query_by_label_contains("1 of ").is_some());
    // The reader is still there, beside the cards.
    let title = dars::analysis::Document::bundled()
        .sentence_text(0)
        .to_owned();
    assert!(h.query_by_label(&title).is_some());
    press(&mut h, Key::F1);
    assert_eq!(h.state().active(), Panel::Reader);
    assert!(h.state().is_open(Panel::Cards));
    press(&mut h, Key::F3);
    press(&mut h, Key::F3);
    assert!(
        !h.state().is_open(Panel::Cards),
        "F3 on the cards hides them"
    );
    assert_eq!(h.state().active(), Panel::Reader);
}

#[test]
fn space_flips_and_arrows_move_through_the_cards() {
    let dir = scratch("flip");
    let mut h = harness(app_in(&dir));
    press(&mut h, Key::F3);
    let first = current_card(h.state());
    let gloss = {
        let app = h.state();
        let i = app
            .panels()
            .cards
            .current(app.session())
            .unwrap_or_default();
        app.session().cards()[i].gloss.clone()
    };
    assert!(!h.state().panels().cards.flipped);
    assert!(
        h.query_by_label(&gloss).is_none(),
        "the front hides the gloss"
    );
    press(&mut h, Key::Space);
    assert!(h.state().panels().cards.flipped);
    assert!(h.query_by_label(&gloss).is_some(), "the back shows it");

    press(&mut h, Key::ArrowLeft);
    let second = current_card(h.state());
    assert_ne!(second, first, "← is the next card, as the Arabic reads");
    assert!(
        !h.state().panels().cards.flipped,
        "a new card comes face down"
    );
    press(&mut h, Key::ArrowRight);
    assert_eq!(current_card(h.state()), first);
    press(&mut h, Key::ArrowRight);
    assert_eq!(current_card(h.state()), first, "the first card stays first");
    // The reader's word did not move meanwhile.
    assert_eq!(h.state().position().word, None);
}

#[test]
fn number_keys_rate_the_card_move_on_and_save() {
    let dir = scratch("rate");
    let mut h = harness(app_in(&dir));
    press(&mut h, Key::F3);
    let first = current_card(h.state());
    press(&mut h, Key::Space);
    press(&mut h, Key::Num3);
    let app = h.state();
    assert_eq!(app.session().progress().status(&first), Status::Learning);
    assert!(app.session().progress().schedule(&first).is_some());
    assert_ne!(current_card(app), first, "rating moves on");
    assert!(!app.panels().cards.flipped);
    assert!(!app.session().is_unsaved());
    assert_eq!(
        saved_status(&dir, &first),
        Status::Learning,
        "saved at once"
    );
}

#[test]
fn a_status_set_on_a_card_shows_in_the_reader() {
    let dir = scratch("card-to-reader");
    let mut h = harness(app_in(&dir));
    press(&mut h, Key::F3);
    let first = current_card(h.state());
    h.get_by_role_and_label(Role::Button, "Known").click();
    h.run();
    assert_eq!(h.state().session().progress().status(&first), Status::Known);
    // Hide the cards, go to the text's first word (the first card's word) and open its details.
    press(&mut h, Key::F3);
    press(&mut h, Key::ArrowLeft);
    let app = h.state();
    let word = app.position().word.unwrap_or_default();
    let card = app.session().card_of_token(word).unwrap_or_default();
    assert_eq!(app.session().cards()[card].key(), first);
    assert_eq!(app.session().status_of_token(word), Some(Status::Known));
    press(&mut h, Key::Enter);
    assert!(is_selected(&h, "Known"), "the word popup shows the status");
    assert!(!is_selected(&h, "New"));
}

#[test]
fn keys_in_the_reader_set_the_word_status_and_the_card_shows_it() {
    let dir = scratch("reader-to-card");
    let mut h = harness(app_in(&dir));
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::Num2);
    let app = h.state();
    let word = app.position().word.unwrap_or_default();
    assert_eq!(app.session().status_of_token(word), Some(Status::Learning));
    press(&mut h, Key::Num4);
    assert_eq!(
        h.state().session().status_of_token(word),
        Some(Status::Ignored)
    );
    press(&mut h, Key::Num2);
    // The first card is this word's, and shows the status.
    press(&mut h, Key::F3);
    assert!(is_selected(&h, "Learning"));
    assert!(!is_selected(&h, "New"));
}

#[test]
fn a_teachers_edit_is_kept_after_a_restart() {
    let dir = scratch("edit");
    let mut h = harness(app_in(&dir));
    press(&mut h, Key::F3);
    let first = current_card(h.state());
    h.get_by_label("Teacher's edit").click();
    h.run();
    h.get_by_role(Role::TextInput)
        .set_text_value_accesskit("the very first");
    h.run();
    h.get_by_role(Role::MultilineTextInput)
        .set_text_value_accesskit("أول comes before its noun");
    h.run();
    h.get_by_label("Save edit").click();
    h.run();
    assert_eq!(
        h.state()
            .session()
            .progress()
            .edit(&first)
            .and_then(|e| e.gloss.clone()),
        Some("the very first".to_owned())
    );
    drop(h);

    // A new app on the same folder, as after a restart.
    let mut h = harness(app_in(&dir));
    press(&mut h, Key::F3);
    assert_eq!(current_card(h.state()), first);
    press(&mut h, Key::Space);
    assert!(
        h.query_by_label("the very first").is_some(),
        "the edit wins"
    );
    assert!(h.query_by_label("أول comes before its noun").is_some());
    let exported = h.state().cards_to_export();
    assert!(exported.iter().any(|c| c.gloss == "the very first"));
}

#[test]
fn typing_in_a_text_field_is_not_taken_for_shortcuts() {
    let dir = scratch("typing");
    let mut h = harness(app_in(&dir));
    press(&mut h, Key::F3);
    h.get_by_label("Teacher's edit").click();
    h.run();
    h.get_by_role(Role::TextInput).focus();
    h.run();
    let card = current_card(h.state());
    for key in [Key::D, Key::Space, Key::ArrowLeft, Key::Num1] {
        press(&mut h, key);
    }
    let app = h.state();
    assert!(!app.settings().dark, "d typed, not the theme switched");
    assert!(!app.panels().cards.flipped);
    assert_eq!(current_card(app), card);
}

#[test]
fn a_damaged_library_is_set_aside_reported_and_the_app_still_opens() {
    let dir = scratch("corrupt");
    std::fs::create_dir_all(&dir).expect("folder");
    std::fs::write(
        dir.join(DATABASE_FILE),
        b"{ not a database, but long enough to be read as one }",
    )
    .expect("written");
    let mut h = harness(app_in(&dir));
    let message = h.state().message().cloned().expect("a message");
    assert!(
        message.text.contains("could not be read"),
        "{}",
        message.text
    );
    assert!(h.query_by_label_contains("could not be read").is_some());
    // The app works and saves in a new library; the damaged file is kept aside as it was.
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::Num3);
    let aside = dir.join(format!("{DATABASE_FILE}.corrupt-1"));
    assert_eq!(
        std::fs::read(&aside).ok().as_deref(),
        Some(&b"{ not a database, but long enough to be read as one }"[..])
    );
    let word = h.state().position().word.unwrap_or_default();
    let card = h.state().session().card_of_token(word).unwrap_or_default();
    let key = h.state().session().cards()[card].key();
    assert_eq!(saved_status(&dir, &key), Status::Known);
}

#[test]
fn a_failed_save_is_reported_and_nothing_is_lost() {
    let dir = scratch("unwritable");
    drop(Library::open_in(&dir).expect("a new library"));
    // Another program refuses every change to the words (as a full disk would).
    let conn = rusqlite::Connection::open(dir.join(DATABASE_FILE)).expect("opened");
    conn.execute_batch(
        "CREATE TRIGGER full BEFORE INSERT ON words BEGIN SELECT RAISE(FAIL, 'disk full'); END;",
    )
    .expect("trigger");
    let mut h = harness(app_in(&dir));
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::Num2);
    let app = h.state();
    let message = app.message().cloned().expect("a message");
    assert!(
        message.is_error && message.text.contains("disk full"),
        "{}",
        message.text
    );
    let word = app.position().word.unwrap_or_default();
    assert_eq!(app.session().status_of_token(word), Some(Status::Learning));
    let card = app.session().card_of_token(word).unwrap_or_default();
    let first = app.session().cards()[card].key();
    assert!(app.session().is_unsaved(), "kept for the next try");
    // Once the library takes changes again, the next try (every few seconds) saves it.
    conn.execute_batch("DROP TRIGGER full;").expect("dropped");
    assert!(h.state_mut().save_progress());
    assert_eq!(saved_status(&dir, &first), Status::Learning);
}

#[test]
fn ctrl_e_opens_the_export_dialog_and_its_save_writes_the_file() {
    let dir = scratch("export");
    let mut h = harness(app_in(&dir));
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(h.state().export_dialog().open);
    assert!(h.query_by_label("Save…").is_some());
    h.get_by_label("CSV (.csv)").click();
    h.run();
    assert_eq!(h.state().export_dialog().format, Format::Csv);

    // What the Save button does once the save dialog returns a path.
    std::fs::create_dir_all(&dir).expect("folder");
    let written = h.state_mut().export_to(&dir.join("my deck"));
    let path = written.expect("exported");
    assert_eq!(path, dir.join("my deck.csv"));
    let text = std::fs::read_to_string(&path).expect("read back");
    assert!(text.contains("قمة"));
    let app = h.state();
    let message = app.message().cloned().expect("a confirmation");
    assert!(!message.is_error);
    assert!(message.text.contains(&path.display().to_string()));
    assert!(!app.export_dialog().open);
}

#[test]
fn ticked_cards_export_alone_and_a_bad_folder_is_reported() {
    let dir = scratch("ticked");
    let mut h = harness(app_in(&dir));
    press(&mut h, Key::F3);
    h.get_by_label_contains("Cards in the filter").click();
    h.run();
    assert!(h.get_all_by_label_contains("Tick to export").count() >= 2);
    for _ in 0..2 {
        let node = h
            .get_all_by_role(Role::CheckBox)
            .find(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.starts_with("Tick to export"))
                    && n.accesskit_node().toggled() == Some(Toggled::False)
            })
            .expect("an unticked card");
        node.click();
        h.run();
    }
    assert_eq!(h.state().panels().cards.ticked.len(), 2);
    let app = h.state_mut();
    app.export_dialog_mut().which = Which::Ticked;
    app.export_dialog_mut().format = Format::Json;
    std::fs::create_dir_all(&dir).expect("folder");
    let path = app.export_to(&dir.join("ticked.json")).expect("exported");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).expect("read")).expect("json");
    let cards = json["cards"].as_array().map_or(0, Vec::len);
    assert_eq!(cards, 2);

    let missing = dir.join("no such folder").join("deck.json");
    assert!(app.export_to(&missing).is_none());
    let message = app.message().cloned().expect("a message");
    assert!(
        message.is_error && message.text.contains("Could not write"),
        "{}",
        message.text
    );
    assert!(!missing.exists());
}

#[test]
fn clicking_the_example_shows_its_sentence_in_the_reader() {
    let dir = scratch("example");
    let mut h = harness(app_in(&dir));
    press(&mut h, Key::F3);
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::Space);
    let (sentence, text, word) = {
        let app = h.state();
        let card = &app.session().cards()[app
            .panels()
            .cards
            .current(app.session())
            .unwrap_or_default()];
        (
            card.example.sentence,
            card.example.text.clone(),
            card.example.parts().1.to_owned(),
        )
    };
    h.get_by_role_and_label(Role::Link, &text).click();
    h.run();
    let app = h.state();
    assert_eq!(app.position().sentence, sentence);
    let current = app
        .position()
        .word
        .map(|w| app.doc().slice(&app.doc().tokens[w].range).to_owned());
    assert_eq!(current.as_deref(), Some(word.as_str()));
}

/// A picture of the cards panel, back up, with the teacher's edit, the filter and the card list
/// open (reviewed PNG in `tests/snapshots/`; see tests/snapshots.rs to update it).
#[test]
fn cards_panel_snapshot() {
    let dir = scratch("snapshot");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1200.0, 1000.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app_in(&dir));
    h.run();
    press(&mut h, Key::F3);
    press(&mut h, Key::Space);
    for header in ["Teacher's edit", "Order and filter"] {
        h.get_by_label(header).click();
        h.run();
    }
    h.get_by_label_contains("Cards in the filter").click();
    h.run();
    h.snapshot("cards_light");
}

#[test]
fn the_reader_reopens_where_it_was() {
    let dir = scratch("place");
    let mut h = harness(app_in(&dir));
    for _ in 0..3 {
        press(&mut h, Key::ArrowDown);
    }
    h.state_mut().save_progress();
    drop(h);
    let h = harness(app_in(&dir));
    assert_eq!(h.state().position().sentence, 3);
}

#[test]
fn w_marks_the_sentences_remaining_new_words_known_and_keeps_the_others() {
    let dir = scratch("know-rest");
    let mut h = harness(app_in(&dir));
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::Num2); // the sentence's first word: learning
    press(&mut h, Key::W);
    let app = h.state();
    let sentence = app.position().sentence;
    let first = app.position().word.unwrap_or_default();
    assert_eq!(
        app.session().status_of_token(first),
        Some(Status::Learning),
        "a word already marked keeps its status"
    );
    let others: Vec<Option<Status>> = app
        .doc()
        .words_of(sentence)
        .filter(|&t| t != first)
        .map(|t| app.session().status_of_token(t))
        .collect();
    assert!(
        others.iter().flatten().count() > 10,
        "the sentence's words have cards"
    );
    assert!(
        others
            .iter()
            .flatten()
            .all(|&s| s == Status::Known || s == Status::Learning)
    );
    // The next sentence is untouched (unless it shares words with this one).
    let next: Vec<usize> = app.doc().words_of(sentence + 1).collect();
    assert!(
        next.iter()
            .any(|&t| app.session().status_of_token(t) == Some(Status::New))
    );
    // Saved at once.
    let word = app
        .doc()
        .words_of(sentence)
        .nth(3)
        .and_then(|t| app.session().card_of_token(t))
        .unwrap_or_default();
    assert_eq!(
        saved_status(&dir, &app.session().cards()[word].key()),
        Status::Known
    );
}
