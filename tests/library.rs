//! The library database: a new folder, old JSON progress brought in, words known in every text, two processes on one folder, and a writer killed with SIGKILL.

use std::collections::HashSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use dars::analysis::document::BUNDLED_ARTICLE;
use dars::analysis::{Document, analyze};
use dars::library::{DATABASE_FILE, Library, NewText, Source, SourceKind, TextWords};
use dars::study::{Edit, ProgressStore, Rating, Session, Status, document_key, word_key};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dars-library-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn open(dir: &Path) -> Library {
    Library::open_in(dir).expect("the library opens").library
}

/// The `dars` command on the library in `dir`.
fn dars(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dars"));
    command.env("DARS_DATA_DIR", dir);
    command
}

/// A text of `paragraphs` paragraphs that share the bundled article's words, told apart by `tag`.
fn text_like_the_article(tag: &str, paragraphs: usize) -> String {
    let lines: Vec<&str> = BUNDLED_ARTICLE
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    let mut text = format!("نص {tag}\n");
    for i in 0..paragraphs {
        text.push_str(lines[(i + 1) % lines.len()]);
        text.push('\n');
    }
    text
}

fn new_text(title: &str, text: &str) -> NewText {
    let doc = Document::new(title, text);
    NewText {
        title: title.to_owned(),
        text: text.to_owned(),
        source: Source::new(SourceKind::Clipboard, ""),
        words: TextWords::of(&doc, &analyze(&doc)),
    }
}

fn integrity(dir: &Path) -> String {
    let conn = rusqlite::Connection::open(dir.join(DATABASE_FILE)).expect("opens");
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("checked")
}

#[test]
fn a_new_folder_gets_a_library_in_wal_mode_with_the_bundled_article() {
    let dir = scratch("new");
    let opened = Library::open_in(&dir).expect("opens");
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
    let texts = opened.library.texts().expect("listed");
    assert_eq!(texts.len(), 1);
    assert_eq!(texts[0].source.kind, SourceKind::Bundled);
    assert!(texts[0].words.running > 500, "the article's running words");
    let conn = rusqlite::Connection::open(dir.join(DATABASE_FILE)).expect("opens");
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert!(version >= 1);
    // Opening it again adds nothing.
    assert_eq!(open(&dir).texts().expect("listed").len(), 1);
    // A database of a newer Dars is refused with a sentence, and left as it is.
    conn.pragma_update(None, "user_version", version + 1)
        .expect("set");
    let refused = Library::open_in(&dir).err().map(|e| e.to_string());
    assert!(
        refused.as_deref().is_some_and(|e| e.contains("newer Dars")),
        "{refused:?}"
    );
}

#[test]
fn old_json_progress_is_brought_in_once_and_the_files_stay_as_a_backup() {
    let dir = scratch("legacy");
    let summit = word_key("قمة", "noun");
    let held = word_key("عقد", "verb");
    // What an older Dars saved: the bundled article, and a file that is still on disk.
    let store = ProgressStore::in_dir(&dir);
    let mut bundled = store.load(&document_key(BUNDLED_ARTICLE)).progress;
    bundled.set_status(&summit, Status::Known);
    bundled.set_edit(
        &summit,
        Edit {
            gloss: Some("summit (meeting)".into()),
            note: String::new(),
        },
    );
    bundled.settings.sentence = 4;
    store
        .save(&document_key(BUNDLED_ARTICLE), &bundled)
        .expect("saved");
    let file = dir.join("news.txt");
    let news = text_like_the_article("legacy", 3);
    std::fs::write(&file, &news).expect("written");
    let mut other = store.load(&document_key(&news)).progress;
    other.source = file.display().to_string();
    other.rate(&held, Rating::Good, 1_700_000_000);
    store.save(&document_key(&news), &other).expect("saved");
    // And the analysis's own file: meanings and readings by matching form.
    std::fs::write(
        dir.join("user_words.json"),
        r#"{"meanings": {"كورونا": "corona(virus)"}, "readings": {"علم": "lemma-7"}}"#,
    )
    .expect("written");
    let before: Vec<Vec<u8>> = [&document_key(BUNDLED_ARTICLE), &document_key(&news)]
        .iter()
        .map(|k| std::fs::read(store.path_for(k)).expect("read"))
        .collect();

    let opened = Library::open_in(&dir).expect("opens");
    assert!(
        opened.notices.iter().any(|n| n.contains("2 texts")),
        "{:?}",
        opened.notices
    );
    let library = opened.library;
    let titles: Vec<SourceKind> = library
        .texts()
        .expect("listed")
        .iter()
        .map(|t| t.source.kind)
        .collect();
    assert_eq!(
        titles,
        [SourceKind::Bundled, SourceKind::File],
        "the file came back"
    );
    // Words are global now: what either document saved shows in both.
    let progress = library
        .progress_for(&document_key(&news), [summit.as_str(), held.as_str()])
        .expect("read");
    assert_eq!(progress.status(&summit), Status::Known);
    assert_eq!(progress.status(&held), Status::Learning);
    assert_eq!(
        progress
            .edit(&summit)
            .and_then(|e| e.gloss.clone())
            .as_deref(),
        Some("summit (meeting)")
    );
    let settings = library
        .progress_for(&document_key(BUNDLED_ARTICLE), [])
        .expect("read")
        .settings;
    assert_eq!(settings.sentence, 4, "the place in the text came too");
    let forms = library.word_forms().expect("read");
    assert_eq!(
        forms.meanings.get("كورونا").map(String::as_str),
        Some("corona(virus)")
    );
    assert_eq!(
        forms.readings.get("علم").map(String::as_str),
        Some("lemma-7")
    );
    // The old files are untouched, and are not brought in a second time over newer changes.
    let after: Vec<Vec<u8>> = [&document_key(BUNDLED_ARTICLE), &document_key(&news)]
        .iter()
        .map(|k| std::fs::read(store.path_for(k)).expect("read"))
        .collect();
    assert_eq!(before, after);
    let doc = Document::bundled();
    let mut session = Session::open(Some(library), &doc, &analyze(&doc)).session;
    session.set_status(&summit, Status::Ignored);
    session.save().expect("saved");
    let again = Library::open_in(&dir).expect("opens");
    assert!(again.notices.is_empty(), "{:?}", again.notices);
    let progress = again
        .library
        .progress_for(&document_key(BUNDLED_ARTICLE), [summit.as_str()])
        .expect("read");
    assert_eq!(progress.status(&summit), Status::Ignored);
}

#[test]
fn a_word_marked_in_one_text_is_known_in_another_and_in_its_bar() {
    let dir = scratch("global");
    let library = open(&dir);
    let b_text = text_like_the_article("B", 2);
    let b = library.add(&[new_text("B", &b_text)]).expect("added")[0].id;
    let a_doc = Document::bundled();
    let mut a = Session::open(Some(library.clone()), &a_doc, &analyze(&a_doc)).session;
    let b_doc = Document::new("B", b_text.as_str());
    let b_analysis = analyze(&b_doc);
    let b_keys: HashSet<String> = Session::open(None, &b_doc, &b_analysis)
        .session
        .cards()
        .iter()
        .map(|c| c.key())
        .collect();
    let shared = a
        .cards()
        .iter()
        .map(|c| c.key())
        .find(|k| b_keys.contains(k))
        .expect("a word in both texts");
    assert_eq!(library.text(b).expect("B").words.known, 0);
    a.set_status(&shared, Status::Known);
    a.save().expect("saved");
    // B's bar counts it at once, before B is ever opened…
    assert!(library.text(b).expect("B").words.known > 0);
    // …and opening B shows it known.
    let b_session = Session::open(Some(library.clone()), &b_doc, &b_analysis).session;
    let card = b_session.card_index(&shared).expect("in B");
    assert_eq!(b_session.status_of_card(card), Status::Known);
    // Removing A keeps the word's status.
    let a_id = a.text_id().expect("in the library");
    assert!(library.remove(a_id).is_err(), "the bundled article stays");
    library.remove(b).expect("removed");
    let progress = library
        .progress_for(&document_key(&b_text), [shared.as_str()])
        .expect("read");
    assert_eq!(progress.status(&shared), Status::Known);
}

#[test]
fn two_processes_adding_and_saving_on_one_folder_lose_nothing() {
    let dir = scratch("two");
    let library = open(&dir);
    let mut children = Vec::new();
    for i in 0..4 {
        let mut child = dars(&dir)
            .args(["library", "add", "--stdin", "--title"])
            .arg(format!("child {i}"))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("dars runs");
        if let Some(mut stdin) = child.stdin.take() {
            stdin
                .write_all(text_like_the_article(&format!("child {i}"), 4).as_bytes())
                .expect("piped");
        }
        children.push(child);
    }
    // Meanwhile this process marks words, one transaction each.
    let doc = Document::bundled();
    let mut session = Session::open(Some(library.clone()), &doc, &analyze(&doc)).session;
    let keys: Vec<String> = session.cards().iter().take(40).map(|c| c.key()).collect();
    for key in &keys {
        session.set_status(key, Status::Known);
        session.save().expect("saved while another process writes");
    }
    for child in children {
        let out = child.wait_with_output().expect("waited");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let texts = library.texts().expect("listed");
    assert_eq!(texts.len(), 5, "the bundled article and four children's");
    let progress = library
        .progress_for(
            &document_key(BUNDLED_ARTICLE),
            keys.iter().map(String::as_str),
        )
        .expect("read");
    assert!(keys.iter().all(|k| progress.status(k) == Status::Known));
    assert_eq!(integrity(&dir), "ok");
}

#[test]
fn a_writer_killed_with_sigkill_leaves_a_library_with_every_committed_change() {
    let dir = scratch("kill");
    drop(open(&dir));
    let big = dir.join("big.txt");
    let mut committed = 1;
    // Kills at growing delays: some before the write, some during it, some after.
    for step in 0..12u64 {
        std::fs::write(&big, text_like_the_article(&format!("big {step}"), 400)).expect("written");
        let mut child = dars(&dir)
            .args(["library", "add"])
            .arg(&big)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dars runs");
        std::thread::sleep(Duration::from_millis(40 * step));
        // Child::kill sends SIGKILL on Unix: no chance to clean up.
        let _ = child.kill();
        let status = child.wait().expect("waited");
        let library = open(&dir);
        let texts = library.texts().expect("the library opens after a kill");
        let finished = status.success();
        committed += usize::from(finished);
        assert!(
            texts.len() == committed || texts.len() == committed + 1,
            "step {step}: {} texts, {committed} committed",
            texts.len()
        );
        committed = texts.len();
        // A text is there whole (its body and word counts) or not at all.
        for t in &texts {
            let doc = library.document(t.id).expect("its body is there");
            assert!(!doc.text.is_empty());
            assert!(t.words.running > 0);
        }
        assert_eq!(integrity(&dir), "ok");
    }
    // After all those kills, an add that is left to finish is there whole.
    std::fs::write(&big, text_like_the_article("big, finished", 400)).expect("written");
    let status = dars(&dir)
        .args(["library", "add"])
        .arg(&big)
        .stdout(Stdio::null())
        .status()
        .expect("dars runs");
    assert!(status.success());
    assert_eq!(open(&dir).texts().expect("listed").len(), committed + 1);
}

#[test]
fn library_commands_fail_with_a_sentence_and_change_nothing() {
    let dir = scratch("cli");
    let out = dars(&dir)
        .args(["library", "add"])
        .arg(dir.join("missing.txt"))
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Could not read"), "{err}");
    let out = dars(&dir)
        .args(["library", "remove", "1"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bundled"));
    let out = dars(&dir)
        .args(["library", "list", "--json"])
        .output()
        .expect("runs");
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(list[0]["source"]["kind"], "bundled");
}
