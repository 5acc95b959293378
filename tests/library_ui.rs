//! The library in the window, driven like a user would (headless, egui_kittest): Ctrl+L, a word known in one text shown known in another, a paste, a web page fetched from a local server, Ctrl+O through Dars's own chooser.

use std::collections::HashSet;
use std::io::{Read as _, Write as _};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

use dars::analysis::{Document, analyze};
use dars::library::{Library, NewText, Source, SourceKind, TextWords};
use dars::study::{ProgressStore, Session, Status};
use dars::ui::{DarsApp, Settings};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dars-library-ui-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn harness(dir: &Path) -> Harness<'static, DarsApp> {
    let app = DarsApp::with_store(Settings::default(), None, Some(ProgressStore::in_dir(dir)));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1300.0, 850.0))
        .build_ui_state(|ui, app: &mut DarsApp| app.ui(ui), app);
    harness.run();
    harness
}

fn press(h: &mut Harness<'_, DarsApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// Types `text` into the field that has the focus, as a paste or an input method would.
fn type_text(h: &mut Harness<'_, DarsApp>, text: &str) {
    h.input_mut()
        .events
        .push(egui::Event::Text(text.to_owned()));
    h.run();
}

/// Runs frames until the import on a thread is in (at most a few seconds).
fn run_until_imported(h: &mut Harness<'_, DarsApp>) {
    for _ in 0..500 {
        h.step();
        if h.state().importing().is_none() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the import did not finish");
}

/// A text with a title line and one sentence.
const CAIRO: &str =
    "مدينة القاهرة\nزار الوزير مدينة القاهرة أمس، وتحدث مع الرئيس عن العلاقات بين البلدين.\n";

/// A text whose words are not all in the bundled article.
const FAIR: &str = "اجتماع في العاصمة
عقد الوزير اجتماعا مع شقيقه أمس في العاصمة، وقال إن الاجتماع كان مفيدا.
";

fn add(dir: &Path, title: &str, text: &str) -> i64 {
    let library = Library::open_in(dir).expect("opens").library;
    let doc = Document::new(title, text);
    let words = TextWords::of(&doc, &analyze(&doc));
    library
        .add(&[NewText {
            title: title.to_owned(),
            text: text.to_owned(),
            source: Source::new(SourceKind::Clipboard, ""),
            words,
        }])
        .expect("added")[0]
        .id
}

#[test]
fn ctrl_l_lists_the_texts_and_opens_removes_them() {
    let dir = scratch("window");
    let cairo = add(&dir, "مدينة القاهرة", CAIRO);
    add(
        &dir,
        "نص آخر",
        "نص آخر\nقال الرئيس إن الوزير زار المدينة.\n",
    );
    let mut h = harness(&dir);
    press(&mut h, Modifiers::COMMAND, Key::L);
    assert!(
        h.query_by_label("مدينة القاهرة").is_some(),
        "the titles are listed"
    );
    assert!(h.query_by_label("نص آخر").is_some());
    assert!(h.query_by_label_contains("3 texts").is_some());
    // ↑ ↓ choose, Enter opens.
    for _ in 0..3 {
        press(&mut h, Modifiers::NONE, Key::ArrowDown);
    }
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(
        h.state().doc().text.trim_end(),
        CAIRO.trim_end(),
        "the last row: the first text added"
    );
    assert_eq!(h.state().session().text_id(), Some(cairo));
    // Remove asks first; Keep it keeps it, Remove removes it.
    press(&mut h, Modifiers::COMMAND, Key::L);
    press(&mut h, Modifiers::NONE, Key::Delete);
    assert!(h.query_by_label_contains("from the library?").is_some());
    h.get_by_label("Keep it").click();
    h.run();
    assert!(h.query_by_label_contains("3 texts").is_some());
    press(&mut h, Modifiers::NONE, Key::Delete);
    assert!(h.query_by_label_contains("from the library?").is_some());
    h.get_by_label("Remove it").click();
    h.run();
    assert!(
        h.query_by_label_contains("2 texts").is_some(),
        "{:?} {}",
        h.state().message(),
        h.state().doc().source
    );
    assert!(h.query_by_label("مدينة القاهرة").is_none());
    // The text read is gone: the reader is on the bundled article.
    assert_eq!(
        h.state().doc().source,
        dars::analysis::document::BUNDLED_SOURCE
    );
}

#[test]
fn a_word_marked_known_in_one_text_shows_known_in_another() {
    let dir = scratch("known");
    let cairo = add(&dir, "مدينة القاهرة", CAIRO);
    let mut h = harness(&dir);
    // In the bundled article, ← walks to the first word the Cairo text has too; 3: known.
    let cairo_doc = Document::new("", CAIRO);
    let cairo_keys: HashSet<String> = Session::open(None, &cairo_doc, &analyze(&cairo_doc))
        .session
        .cards()
        .iter()
        .map(|c| c.key())
        .collect();
    let mut found = None;
    for _ in 0..20 {
        press(&mut h, Modifiers::NONE, Key::ArrowLeft);
        let app = h.state();
        let word = app.position().word.and_then(|w| {
            let card = app.session().card_of_token(w)?;
            Some((w, app.session().cards()[card].key()))
        });
        if let Some((token, key)) = word.filter(|(_, k)| cairo_keys.contains(k)) {
            found = Some((token, key));
            break;
        }
    }
    let (token, shared) = found.expect("a word of the first sentence is in the Cairo text");
    press(&mut h, Modifiers::NONE, Key::Num3);
    assert_eq!(
        h.state().session().status_of_token(token),
        Some(Status::Known)
    );
    // Open the other text from the library: the word is known there at once.
    h.state_mut().open_text_id(cairo);
    h.run();
    let session = h.state().session();
    let card = session.card_index(&shared).expect("in the Cairo text");
    assert_eq!(session.status_of_card(card), Status::Known);
}

#[test]
fn ctrl_shift_v_edits_a_pasted_text_and_its_title_before_adding_it() {
    let dir = scratch("paste");
    let mut h = harness(&dir);
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::V);
    assert!(h.query_by_label("New text from the clipboard").is_some());
    // The clipboard arrives in the text field (kittest has no system clipboard).
    h.input_mut().events.push(egui::Event::Paste(
        "English only, nothing Arabic.".to_owned(),
    ));
    h.run();
    h.get_by_label("Add to the library").click();
    h.run();
    assert!(
        h.query_by_label_contains("no Arabic").is_some(),
        "refused, and the editor stays open"
    );
    h.get_by_label("Text of the new text").click();
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::A);
    h.input_mut()
        .events
        .push(egui::Event::Paste(CAIRO.to_owned()));
    h.run();
    h.get_by_label("Title of the new text").click();
    h.run();
    type_text(&mut h, "زيارة");
    h.get_by_label("Add to the library").click();
    h.run();
    assert_eq!(h.state().doc().text.trim_end(), CAIRO.trim_end());
    assert!(h.query_by_label_contains("Added").is_some());
    let library = Library::open_in(&dir).expect("opens").library;
    let titles: Vec<String> = library
        .texts()
        .expect("listed")
        .into_iter()
        .map(|t| t.title)
        .collect();
    assert!(titles.contains(&"زيارة".to_owned()), "{titles:?}");
}

/// Serves `page` as HTML to every request on 127.0.0.1, on a thread; returns its address.
fn serve(page: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let address = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let reply = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                page.len()
            );
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    format!("http://{address}/news.html")
}

const PAGE: &str = "<!DOCTYPE html><html lang=\"ar\"><head><meta charset=\"utf-8\"><title>معرض الكتاب</title></head><body><nav><a href=\"/\">الرئيسية</a></nav><article><h1>افتتاح معرض الكتاب</h1><p>افتتح وزير الثقافة أمس معرض الكتاب بمشاركة أكثر من ألف دار نشر من ثلاثين دولة.</p><p>وقال الوزير إن المعرض يقدم هذا العام برنامجا ثقافيا واسعا يشمل ندوات وأمسيات شعرية.</p></article><footer>جميع الحقوق محفوظة</footer></body></html>";

#[test]
fn a_web_page_is_fetched_on_a_thread_and_its_article_added() {
    let dir = scratch("web");
    let url = serve(PAGE);
    let mut h = harness(&dir);
    press(&mut h, Modifiers::COMMAND, Key::U);
    type_text(&mut h, &url);
    h.key_press(Key::Enter);
    run_until_imported(&mut h);
    let text = &h.state().doc().text;
    assert!(text.contains("افتتح وزير الثقافة"), "{text}");
    assert!(
        !text.contains("جميع الحقوق"),
        "the page's footer is left out"
    );
    // An address nobody answers is a message, and the text read stays.
    let dead = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("port");
        listener.local_addr().expect("address")
    };
    press(&mut h, Modifiers::COMMAND, Key::U);
    type_text(&mut h, &format!("http://{dead}/gone"));
    h.key_press(Key::Enter);
    run_until_imported(&mut h);
    assert!(h.state().message().is_some_and(|m| m.is_error));
    assert!(h.state().doc().text.contains("افتتح وزير الثقافة"));
}

#[test]
fn ctrl_o_with_no_desktop_dialog_opens_through_dars_own_chooser() {
    let dir = scratch("open");
    std::fs::create_dir_all(&dir).expect("folder");
    let file = dir.join("خبر.txt");
    std::fs::write(&file, CAIRO).expect("written");
    let mut h = harness(&dir);
    h.state_mut()
        .use_in_app_dialogs("No desktop file dialog answered (test)");
    press(&mut h, Modifiers::COMMAND, Key::O);
    assert!(h.state().file_dialog_open());
    // While the chooser is open, the app's shortcuts wait: F3 does not open the cards.
    press(&mut h, Modifiers::NONE, Key::F3);
    assert!(!h.state().shows(dars::ui::Panel::Cards));
    h.get_by_label("Go to").focus();
    h.run();
    type_text(&mut h, &file.display().to_string());
    h.key_press(Key::Enter);
    run_until_imported(&mut h);
    assert!(!h.state().file_dialog_open());
    assert_eq!(h.state().doc().text.trim_end(), CAIRO.trim_end());
}

#[test]
fn the_export_dialog_takes_the_cards_of_the_whole_library() {
    let dir = scratch("scope");
    add(&dir, "اجتماع في العاصمة", FAIR);
    // A word of another text that the bundled article does not have, marked there.
    let bundled = Document::bundled();
    let bundled_keys: HashSet<String> = Session::open(None, &bundled, &analyze(&bundled))
        .session
        .cards()
        .iter()
        .map(|c| c.key())
        .collect();
    let cairo_doc = Document::new("", FAIR);
    let library = Library::open_in(&dir).expect("opens").library;
    let mut cairo = Session::open(Some(library.clone()), &cairo_doc, &analyze(&cairo_doc)).session;
    let only_cairo = cairo
        .cards()
        .iter()
        .map(|c| c.key())
        .find(|k| !bundled_keys.contains(k))
        .expect("a word the article does not have");
    cairo.set_status(&only_cairo, Status::Learning);
    cairo.save().expect("saved");
    let mut h = harness(&dir);
    h.state_mut().open_text_id(1);
    h.run();
    assert!(h.state().session().card_index(&only_cairo).is_none());
    press(&mut h, Modifiers::COMMAND, Key::E);
    h.get_by_label("The whole library (every word you marked or rated)")
        .click();
    h.run();
    let session = h.state().session();
    let card = session
        .card_index(&only_cairo)
        .expect("brought from the other text");
    assert!(!session.is_own_card(card));
    assert_eq!(session.status_of_card(card), Status::Learning);
    assert!(
        h.state()
            .cards_to_export()
            .iter()
            .any(|c| c.key() == only_cairo),
        "and exported"
    );
}

#[test]
fn the_word_popup_shows_the_installed_dictionaries_entries_and_the_sites() {
    let dir = scratch("dictionaries");
    let mut h = harness(&dir);
    h.state_mut()
        .load_dictionaries(&[PathBuf::from("tests/fixtures/dictd")]);
    // ← walks the first sentence to قمة ("summit"); Enter opens its popup.
    for _ in 0..6 {
        press(&mut h, Modifiers::NONE, Key::ArrowLeft);
        let app = h.state();
        let word = app
            .position()
            .word
            .map(|w| app.doc().slice(&app.doc().tokens[w].range));
        if word == Some("قمة") {
            break;
        }
    }
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert!(
        h.query_by_label_contains("summit (a meeting of leaders)")
            .is_some(),
        "the dictd entry is in the popup"
    );
    assert_eq!(
        h.query_all_by_label_contains("Dars test dictionary (dictd)")
            .count(),
        2,
        "قمة and القمة, each under its dictionary's name"
    );
    assert!(h.query_by_label("Look up on Wiktionary").is_some());
}
