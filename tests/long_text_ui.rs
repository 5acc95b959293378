//! The window on a megabyte of text with no line break (one paragraph): it opens, moves to
//! the end and back, and points at the right words there (headless, egui_kittest).

use dars::analysis::Document;
use dars::study::{Progress, ProgressStore, document_key};
use dars::ui::{DarsApp, Settings};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const SIZE: egui::Vec2 = egui::vec2(1100.0, 800.0);

/// The bundled article's paragraphs joined with spaces, repeated to a megabyte.
fn one_paragraph_megabyte() -> String {
    let article = Document::bundled().text.replace('\n', " ");
    article.repeat(1_048_576 / article.len() + 1)
}

fn harness(text: String) -> Harness<'static, DarsApp> {
    let mut app = DarsApp::with_store(Settings::default(), None, None);
    app.open_text("1 MB, one paragraph", text);
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app);
    harness.run();
    harness
}

/// A left click at a point of the window.
fn click(h: &mut Harness<'_, DarsApp>, at: egui::Pos2) {
    h.input_mut().events.push(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        h.input_mut().events.push(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
}

fn press(h: &mut Harness<'_, DarsApp>, key: Key) {
    h.key_press(key);
    h.run();
    h.run();
}

/// The current sentence's accessible node lies inside the window.
fn current_in_view(h: &Harness<'_, DarsApp>, doc: &Document) -> bool {
    let sentence = doc.sentence_text(h.state().position().sentence).to_owned();
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE);
    // The text repeats: the same sentence may be labelled more than once.
    h.query_all_by_label(&sentence)
        .any(|node| window.contains_rect(node.rect()))
}

#[test]
fn a_megabyte_without_line_breaks_opens_and_its_end_and_start_can_be_reached() {
    let text = one_paragraph_megabyte();
    let doc = Document::new("1 MB, one paragraph", text.clone());
    assert_eq!(doc.paragraphs.len(), 1);
    let mut h = harness(text);
    assert!(
        current_in_view(&h, &doc),
        "the first sentence, at the start"
    );
    press(&mut h, Key::End);
    assert_eq!(h.state().position().sentence, doc.sentences.len() - 1);
    assert!(current_in_view(&h, &doc), "the last sentence, after End");
    for _ in 0..5 {
        press(&mut h, Key::ArrowUp);
        assert!(current_in_view(&h, &doc), "after ↑ near the end");
    }
    press(&mut h, Key::Home);
    assert_eq!(h.state().position().sentence, 0);
    assert!(current_in_view(&h, &doc), "the first sentence, after Home");
}

/// The app on `text`, saved in a file, with saved progress that left the reader at `sentence`.
fn harness_at(
    name: &str,
    text: &str,
    sentence: usize,
) -> (Harness<'static, DarsApp>, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("dars-long-ui-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let file = dir.join("text.txt");
    std::fs::write(&file, text).expect("written");
    let store = ProgressStore::in_dir(dir.join("data"));
    let mut progress = Progress::default();
    progress.settings.sentence = sentence;
    store
        .save(&document_key(text), &progress)
        .expect("progress saved");
    let app = DarsApp::with_store(Settings::default(), Some(file), Some(store));
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app);
    harness.run();
    harness.run();
    (harness, dir)
}

#[test]
fn a_megabyte_paragraph_reopens_at_the_saved_sentence_and_a_click_there_picks_its_word() {
    let text = one_paragraph_megabyte();
    let doc = Document::new("1 MB, one paragraph", text.clone());
    // Far into the text: the pieces above it are estimates, those on screen laid out.
    let saved = doc.sentences.len() * 2 / 3;
    let (mut h, dir) = harness_at("click", &text, saved);
    assert_eq!(h.state().position().sentence, saved);
    assert!(current_in_view(&h, &doc), "the saved sentence, at start");
    // A short sentence just after it, which sits on one line: its box holds only its words.
    let (index, sentence) = doc
        .sentences
        .iter()
        .enumerate()
        .skip(saved + 1)
        .take(12)
        .min_by_key(|(_, s)| s.range.len())
        .map(|(i, s)| (i, s.clone()))
        .expect("sentences after the saved one");
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE);
    let rect = h
        .query_all_by_label(doc.slice(&sentence.range))
        .map(|node| node.rect())
        .find(|r| window.contains_rect(*r))
        .expect("the sentence is on screen");
    let mut hits = 0;
    for step in 1..8 {
        #[expect(clippy::cast_precision_loss, reason = "small numbers")]
        let x = rect.left() + rect.width() * step as f32 / 8.0;
        click(&mut h, egui::pos2(x, rect.center().y));
        let word = h
            .state()
            .position()
            .word
            .map(|w| doc.tokens[w].range.clone());
        if let Some(word) = word.filter(|_| h.state().position().sentence == index) {
            assert!(
                sentence.range.contains(&word.start),
                "{word:?} outside {sentence:?}"
            );
            hits += 1;
        }
    }
    assert!(
        hits >= 3,
        "only {hits} of 7 clicks on sentence {index} picked one of its words"
    );
    let _ = std::fs::remove_dir_all(dir);
}
