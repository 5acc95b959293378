//! The reader driven like a user would: keys, clicks, copying, and opening bad files (headless, egui_kittest).

use dars::analysis::Document;
use dars::ui::{DarsApp, Settings};
use egui::accesskit::Toggled;
use egui::{Key, Modifiers, OutputCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

fn harness() -> Harness<'static, DarsApp> {
    // No saved progress: what a user saved must not move the reader in a test.
    let app = DarsApp::with_store(Settings::default(), None, None);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 700.0))
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app);
    harness.run();
    harness
}

fn current_word(app: &DarsApp) -> &str {
    app.panels()
        .reader
        .position
        .word
        .map_or("", |w| app.doc().slice(&app.doc().tokens[w].range))
}

fn press(harness: &mut Harness<'_, DarsApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// Runs frames until the file being imported on a thread is in (at most a few seconds).
fn run_until_imported(harness: &mut Harness<'_, DarsApp>) {
    for _ in 0..500 {
        // `step`: the status bar's spinner repaints while the import runs.
        harness.step();
        if harness.state().importing().is_none() {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the import did not finish");
}

#[test]
fn arrow_and_vim_keys_move_the_current_sentence() {
    let mut h = harness();
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::ArrowDown);
    assert_eq!(h.state().position().sentence, 2);
    press(&mut h, Key::J);
    assert_eq!(h.state().position().sentence, 3);
    press(&mut h, Key::K);
    press(&mut h, Key::ArrowUp);
    assert_eq!(h.state().position().sentence, 1);
    press(&mut h, Key::End);
    assert_eq!(
        h.state().position().sentence,
        h.state().doc().sentences.len() - 1
    );
    press(&mut h, Key::Home);
    assert_eq!(h.state().position().sentence, 0);
}

#[test]
fn left_arrow_moves_forward_through_the_words_in_reading_order() {
    let mut h = harness();
    press(&mut h, Key::ArrowLeft);
    assert_eq!(current_word(h.state()), "أول");
    press(&mut h, Key::ArrowLeft);
    assert_eq!(current_word(h.state()), "قمة");
    press(&mut h, Key::ArrowLeft);
    assert_eq!(current_word(h.state()), "بين");
    press(&mut h, Key::ArrowRight);
    assert_eq!(current_word(h.state()), "قمة");
}

#[test]
fn the_current_sentence_is_exposed_to_screen_readers() {
    let mut h = harness();
    press(&mut h, Key::ArrowDown);
    let doc = Document::bundled();
    let second = doc.sentence_text(1);
    let node = h.get_by_label(second);
    assert_eq!(
        node.accesskit_node().toggled(),
        Some(Toggled::True),
        "the current sentence is marked"
    );
    let first = h.get_by_label(doc.sentence_text(0));
    assert_eq!(first.accesskit_node().toggled(), Some(Toggled::False));
}

#[test]
fn clicking_a_word_makes_it_current_and_opens_its_details() {
    let mut h = harness();
    let doc = Document::bundled();
    let rect = h.get_by_label(doc.sentence_text(3)).rect();
    // Walk along the sentence's first line from its right end (where it starts) until a word is hit.
    let y = rect.top() + 10.0;
    let mut x = rect.right() - 5.0;
    while h.state().position().word.is_none() && x > rect.left() {
        h.hover_at(egui::pos2(x, y));
        h.run();
        h.input_mut().events.push(egui::Event::PointerButton {
            pos: egui::pos2(x, y),
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::NONE,
        });
        h.input_mut().events.push(egui::Event::PointerButton {
            pos: egui::pos2(x, y),
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::NONE,
        });
        h.run();
        x -= 4.0;
    }
    let app = h.state();
    assert_eq!(app.position().sentence, 3);
    assert_eq!(
        current_word(app),
        "ورغم",
        "the first word of the sentence, at its right end"
    );
    assert!(app.panels().reader.details_open);
    // The popup shows the word.
    let word = current_word(h.state()).to_owned();
    assert!(h.query_all_by_label(&word).count() >= 1);
    press(&mut h, Key::Escape);
    assert!(!h.state().panels().reader.details_open);
}

#[test]
fn enter_opens_the_details_of_the_current_word() {
    let mut h = harness();
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::Enter);
    assert!(h.state().panels().reader.details_open);
    assert_eq!(current_word(h.state()), "عقد");
    assert!(h.query_by_label_contains("Sentence 2 of").is_some());
}

#[test]
fn ctrl_c_copies_the_current_sentence_in_logical_order() {
    let mut h = harness();
    press(&mut h, Key::ArrowDown);
    // One step with the key press in it: the copy command is in that step's output.
    h.input_mut().events.push(egui::Event::Key {
        key: Key::C,
        physical_key: Some(Key::C),
        pressed: true,
        repeat: false,
        modifiers: Modifiers::COMMAND,
    });
    h.step();
    let copied: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        copied,
        vec![Document::bundled().sentence_text(1).to_owned()]
    );
}

#[test]
fn text_size_keys_change_the_size_within_limits() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    h.run();
    assert!(h.state().settings().text_size > 22.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert!((h.state().settings().text_size - 22.0).abs() < 0.01);
    for _ in 0..40 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    }
    h.run();
    assert!((h.state().settings().text_size - 12.0).abs() < 0.01);
}

#[test]
fn opening_bad_files_shows_why_and_keeps_the_document() {
    let dir = std::env::temp_dir().join(format!("dars-ui-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", Vec::new(), "is empty"),
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "not a file Dars can import",
        ),
        ("latin1.txt", b"caf\xe9 \xe0 Paris".to_vec(), "not UTF-8"),
        ("english.txt", b"Only English here.".to_vec(), "no Arabic"),
    ];
    let mut h = harness();
    press(&mut h, Key::ArrowDown);
    for (name, bytes, says) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write test file");
        h.state_mut().open_path(&path);
        h.run();
        let message = h.state().message().cloned().expect("a message");
        assert!(
            message.is_error && message.text.contains(says),
            "{name}: {}",
            message.text
        );
        assert!(
            h.query_by_label_contains(says).is_some(),
            "{name}: the message is on screen"
        );
        assert_eq!(
            h.state().doc().source,
            dars::analysis::document::BUNDLED_SOURCE
        );
        assert_eq!(
            h.state().position().sentence,
            1,
            "the reader keeps its place"
        );
    }
    h.state_mut().open_path(&dir.join("missing.txt"));
    h.run();
    assert!(h.query_by_label_contains("Could not read").is_some());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_file_with_a_bom_and_crlf_opens_and_reads_right_to_left() {
    let dir = std::env::temp_dir().join(format!("dars-ui-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bom.txt");
    std::fs::write(&path, "\u{FEFF}عنوان الخبر\r\nجملة أولى. جملة ثانية.\r\n").expect("write");
    let mut h = harness();
    h.state_mut().open_path(&path);
    h.run();
    assert!(h.state().message().is_none());
    assert_eq!(h.state().doc().sentences.len(), 3);
    assert!(h.query_by_label("جملة ثانية.").is_some());
    press(&mut h, Key::End);
    assert_eq!(h.state().position().sentence, 2);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn dragging_selects_text_and_ctrl_c_copies_it_in_logical_order() {
    let mut h = harness();
    let doc = Document::bundled();
    let rect = h.get_by_label(doc.sentence_text(1)).rect();
    let (from, to) = (
        egui::pos2(rect.right() - 2.0, rect.top() + 12.0),
        egui::pos2(rect.center().x, rect.top() + 12.0),
    );
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    h.input_mut().events.push(egui::Event::PointerMoved(from));
    h.input_mut().events.push(button(from, true));
    h.step();
    for i in 1..=10 {
        let p = from + (to - from) * (i as f32 / 10.0);
        h.input_mut().events.push(egui::Event::PointerMoved(p));
        h.step();
    }
    h.input_mut().events.push(button(to, false));
    h.run();
    let copied = h.state().panels().reader.copy_text(h.state().doc());
    // The first half of the first line, read from its right end: the sentence's beginning.
    assert!(
        copied.chars().count() > 10,
        "something was selected: {copied:?}"
    );
    assert!(
        doc.sentence_text(1).starts_with(&copied),
        "{copied:?} is the start of the sentence in logical order"
    );
}

#[test]
fn t_shows_the_current_sentences_translation_and_the_popup_shows_the_gloss() {
    let mut h = harness();
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::T);
    assert!(h.state().panels().reader.show_translation);
    let english = h
        .state()
        .analysis()
        .translation(1)
        .expect("the seed's sentences are translated")
        .to_owned();
    assert!(
        h.query_by_label(&english).is_some(),
        "the translation is on screen"
    );
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::Enter);
    let gloss = h
        .state()
        .analysis()
        .entry_of_token(h.state().position().word.expect("a word"))
        .map(|e| e.gloss_en.clone());
    let gloss = gloss.expect("the first word of sentence 2 is in the lexicon");
    assert!(
        h.query_by_label(&gloss).is_some(),
        "the popup shows the gloss {gloss:?}"
    );
}

#[test]
fn names_are_tinted_with_a_legend_and_n_turns_it_off() {
    let mut h = harness();
    assert!(
        h.query_by_label("person").is_some(),
        "the legend names the kinds"
    );
    press(&mut h, Key::N);
    assert!(!h.state().settings().tint_entities);
    assert!(
        h.query_by_label("person").is_none(),
        "no legend without tints"
    );
}

#[test]
fn the_popup_names_the_entity_and_jumps_to_the_next_occurrence_of_a_word() {
    let mut h = harness();
    // The headline: "أول قمة بين كيم وبوتين …"; وبوتين is Putin behind a clitic.
    for _ in 0..5 {
        press(&mut h, Key::ArrowLeft);
    }
    press(&mut h, Key::Enter);
    assert_eq!(current_word(h.state()), "وبوتين");
    assert!(
        h.query_by_label_contains("Vladimir Putin").is_some(),
        "the popup names the person"
    );
    press(&mut h, Key::Home);
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::Enter);
    assert_eq!(current_word(h.state()), "قمة");
    h.get_by_label("Next occurrence").click();
    h.run();
    let app = h.state();
    assert!(app.position().sentence > 0, "moved on to a later sentence");
    let lemma = app
        .position()
        .word
        .and_then(|w| app.analysis().entry_of_token(w))
        .map(|e| e.lemma.clone());
    assert_eq!(lemma.as_deref(), Some("قمة"));
}

/// A file dropped on the window, as the windowing integration hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_on_the_window_opens_it_or_says_why_not() {
    let dir = std::env::temp_dir().join(format!("dars-ui-drop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let good = dir.join("خبر.txt");
    std::fs::write(&good, "عنوان\nزار الرئيس موسكو أمس.\n").expect("write");
    let bad = dir.join("data.bin");
    std::fs::write(&bad, [0u8, 159, 146, 150, 0, 1, 2]).expect("write");
    let mut h = harness();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(bad)));
    run_until_imported(&mut h);
    assert!(
        h.state()
            .message()
            .as_ref()
            .is_some_and(|m| m.text.contains("not a file Dars can import")),
        "{:?}",
        h.state().message()
    );
    assert_eq!(
        h.state().doc().source,
        dars::analysis::document::BUNDLED_SOURCE
    );
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(good.clone())));
    run_until_imported(&mut h);
    assert_eq!(h.state().doc().source, good.display().to_string());
    assert!(
        h.state().message().is_none(),
        "opening a good file clears the old message"
    );
    assert!(h.query_by_label("زار الرئيس موسكو أمس.").is_some());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn awkward_texts_open_and_can_be_walked_through_without_a_panic() {
    let dir = std::env::temp_dir().join(format!("dars-ui-awkward-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let texts = [
        // One 200 KB line of Arabic without a single space: wrapped by letters.
        "ب".repeat(100_000),
        // Marks with no letter to sit on, bidi overrides and isolates left open.
        "\u{064B}\u{0651} \u{202E}قال \u{2067}CNN 35% (\u{200F}\n\u{FEFF}\u{0301}ـــ\n".to_owned(),
        // Only punctuation and digits around one Arabic letter.
        "؟!... 2018 ٣٫٥ «»“” ب".to_owned(),
        // Many tiny paragraphs.
        "و\n".repeat(5_000),
    ];
    let mut h = harness();
    for (i, text) in texts.iter().enumerate() {
        let path = dir.join(format!("{i}.txt"));
        std::fs::write(&path, text).expect("write");
        h.state_mut().open_path(&path);
        h.run();
        assert!(
            h.state().message().is_none(),
            "text {i} opened: {:?}",
            h.state().message()
        );
        for key in [
            Key::End,
            Key::ArrowLeft,
            Key::ArrowLeft,
            Key::Enter,
            Key::T,
            Key::Home,
            Key::ArrowDown,
        ] {
            press(&mut h, key);
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}
