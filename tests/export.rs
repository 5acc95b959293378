//! Exports: CSV/TSV and JSON read back to the same cards, the .apkg holds what Anki needs,
//! and a failed export leaves nothing behind.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use dars::export::csv::{BOM, Delimiter};
use dars::export::{ExportError, ExportOptions, Format, anki, export_bytes, export_to_file};
use dars::study::{Card, Example};

const DECK: &str = "Arabic news::Kim and Putin";
const SOURCE: &str = "seeds/000_b18d53c4db9afe0d.txt";

fn options() -> ExportOptions {
    ExportOptions {
        deck: DECK.into(),
        source: SOURCE.into(),
        now: 1_700_000_000,
    }
}

fn example(text: &str, word: &str, translation: Option<&str>) -> Example {
    let start = text.find(word).unwrap_or_default();
    Example {
        sentence: 1,
        start: 0,
        text: text.into(),
        translation: translation.map(str::to_owned),
        word: start..start + word.len(),
    }
}

/// Cards with everything that is hard to carry: Arabic with tashkeel, quotes (curly and
/// straight), commas, tabs and newlines, HTML-like text, an empty translation.
fn cards() -> Vec<Card> {
    let sentence = "عقد الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونج اون، اليوم الخميس، أول قمة بينهما لتعزيز “العلاقات التاريخية” بين موسكو وبيونج يانج";
    vec![
        Card {
            lemma: "قمة".into(),
            vocalized: "قِمَّة".into(),
            translit: "qimma".into(),
            gloss: "summit, \"top\" meeting".into(),
            note: "Plural: قمم.\nSee also\tقمم".into(),
            root: "ق م م".into(),
            pos: "noun".into(),
            forms: vec!["قمة".into(), "القمة".into()],
            example: example(
                sentence,
                "قمة",
                Some("Putin and Kim held their first summit, to strengthen “historic relations”."),
            ),
            is_name: false,
            first_position: 80,
            count: 4,
        },
        Card {
            lemma: "بوتين".into(),
            vocalized: "بوتين".into(),
            translit: "būtīn".into(),
            gloss: "Putin <Vladimir>".into(),
            root: String::new(),
            pos: "name".into(),
            forms: vec!["بوتين".into(), "وبوتين".into()],
            example: example(sentence, "بوتين", None),
            is_name: true,
            first_position: 50,
            count: 6,
            ..Card::default()
        },
        Card {
            lemma: "عقد".into(),
            vocalized: "عَقَدَ".into(),
            translit: "ʿaqada".into(),
            gloss: "to hold (a meeting), to conclude".into(),
            root: "ع ق د".into(),
            pos: "verb".into(),
            forms: vec!["عقد".into()],
            example: example(sentence, "عقد", Some("They held a summit.")),
            first_position: 0,
            count: 1,
            ..Card::default()
        },
    ]
}

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dars-export-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).ok();
    dir
}

#[test]
fn csv_and_tsv_read_back_to_the_same_cards() {
    for delimiter in [Delimiter::Comma, Delimiter::Tab] {
        let bytes = dars::export::csv::to_bytes(&cards(), delimiter).expect("written");
        let back = dars::export::csv::from_bytes(&bytes, delimiter).expect("read back");
        assert_eq!(back, cards(), "{delimiter:?}");
    }
}

#[test]
fn csv_has_a_bom_and_a_header_and_tsv_has_no_bom() {
    let csv = export_bytes(&cards(), Format::Csv, &options()).expect("csv");
    assert!(csv.starts_with(BOM));
    let text = std::str::from_utf8(&csv[BOM.len()..]).expect("UTF-8");
    assert!(text.starts_with("Arabic,English,Vocalized,Transliteration,Root,PartOfSpeech,"));
    // Arabic is written as is, and a field holding a quote is quoted with the quote doubled.
    assert!(text.contains("\nقمة,\"summit, \"\"top\"\" meeting\",قِمَّة,qimma,ق م م,noun,"));

    let tsv = export_bytes(&cards(), Format::Tsv, &options()).expect("tsv");
    let text = std::str::from_utf8(&tsv).expect("UTF-8");
    assert!(text.starts_with("Arabic\tEnglish\t"));
    assert_eq!(text.lines().filter(|l| l.starts_with("عقد\t")).count(), 1);
}

#[test]
fn json_round_trips_everything() {
    let bytes = export_bytes(&cards(), Format::Json, &options()).expect("json");
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    assert!(text.contains("\"lemma\": \"قمة\""), "Arabic is not escaped");
    let file = dars::export::json::from_bytes(&bytes).expect("read back");
    assert_eq!(file.cards, cards());
    assert_eq!((file.deck.as_str(), file.source.as_str()), (DECK, SOURCE));
    assert_eq!(file.format, "dars-cards");
}

/// The files of a zip, by name.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("an entry");
            let mut data = Vec::new();
            file.read_to_end(&mut data).expect("readable");
            (file.name().expect("a UTF-8 name").into_owned(), data)
        })
        .collect()
}

fn open_collection(apkg: &[u8]) -> rusqlite::Connection {
    let files = unzip(apkg);
    let (_, collection) = files
        .iter()
        .find(|(name, _)| name == "collection.anki2")
        .expect("collection.anki2 in the package");
    let mut db = rusqlite::Connection::open_in_memory().expect("sqlite");
    db.deserialize_read_exact(
        rusqlite::MAIN_DB,
        collection.as_slice(),
        collection.len(),
        false,
    )
    .expect("a SQLite database");
    db
}

fn query_strings(db: &rusqlite::Connection, sql: &str) -> Vec<String> {
    let mut statement = db.prepare(sql).expect("valid SQL");
    statement
        .query_map([], |row| row.get::<_, String>(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn the_apkg_holds_the_notes_cards_deck_note_type_and_font() {
    let apkg = export_bytes(&cards(), Format::Apkg, &options()).expect("apkg");
    let files = unzip(&apkg);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["collection.anki2", "media", "0"]);
    assert_eq!(files[1].1, br#"{"0":"_NotoNaskhArabic-Regular.ttf"}"#);
    let font = std::fs::read("fonts/NotoNaskhArabic-Regular.ttf").expect("bundled font");
    assert_eq!(files[2].1, font);

    let db = open_collection(&apkg);
    let version: i64 = db
        .query_row("select ver from col", [], |r| r.get(0))
        .expect("col row");
    assert_eq!(version, 11);
    let fields = query_strings(&db, "select flds from notes order by id");
    assert_eq!(fields.len(), 3);
    let first: Vec<&str> = fields[0].split('\u{1f}').collect();
    assert_eq!(first[0], "قمة");
    assert_eq!(first[1], "قِمَّة");
    assert_eq!(first[3], "summit, \"top\" meeting");
    assert!(first[6].contains("أول <b>قمة</b> بينهما"), "{}", first[6]);
    assert_eq!(first[9], "Plural: قمم.<br>See also\tقمم");
    let second: Vec<&str> = fields[1].split('\u{1f}').collect();
    assert_eq!(second[3], "Putin &lt;Vladimir&gt;");

    let cards_per_note: Vec<i64> = {
        let mut s = db
            .prepare("select count(*) from cards group by nid order by nid")
            .expect("sql");
        s.query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    assert_eq!(cards_per_note, [2, 2, 2]);

    let tags = query_strings(&db, "select tags from notes order by id");
    assert_eq!(tags[0], " dars pos::noun source::000_b18d53c4db9afe0d ");
    assert!(tags[1].ends_with(" name "));

    let decks = query_strings(&db, "select decks from col");
    let decks: serde_json::Value = serde_json::from_str(&decks[0]).expect("decks JSON");
    let names: Vec<&str> = decks
        .as_object()
        .expect("object")
        .values()
        .filter_map(|d| d["name"].as_str())
        .collect();
    assert!(names.contains(&DECK), "{names:?}");

    let models = query_strings(&db, "select models from col");
    let models: serde_json::Value = serde_json::from_str(&models[0]).expect("models JSON");
    let model = models
        .as_object()
        .and_then(|m| m.values().next())
        .expect("one note type");
    let field_names: Vec<&str> = model["flds"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|f| f["name"].as_str())
        .collect();
    assert_eq!(
        &field_names[..8],
        [
            "Arabic",
            "Vocalized",
            "Transliteration",
            "English",
            "Root",
            "PartOfSpeech",
            "Example",
            "ExampleTranslation"
        ]
    );
    assert_eq!(model["flds"][0]["rtl"], true);
    assert_eq!(model["tmpls"].as_array().map(Vec::len), Some(2));
    let css = model["css"].as_str().expect("css");
    assert!(css.contains("@font-face") && css.contains(anki::FONT_FILE));
    assert!(css.contains("direction: rtl"));
}

#[test]
fn guids_are_stable_per_lemma_and_deck() {
    let guids = |deck: &str, now: u64| {
        let options = ExportOptions {
            deck: deck.into(),
            now,
            ..options()
        };
        let apkg = export_bytes(&cards(), Format::Apkg, &options).expect("apkg");
        query_strings(
            &open_collection(&apkg),
            "select guid from notes order by id",
        )
    };
    let first = guids(DECK, 1_700_000_000);
    assert_eq!(
        first,
        guids(DECK, 1_800_000_000),
        "a later export, same guids"
    );
    assert_ne!(first, guids("Another deck", 1_700_000_000));
    assert_eq!(first[0], anki::guid(DECK, "قمة/noun"));
}

#[test]
fn every_format_writes_a_file() {
    let dir = scratch("formats");
    for format in Format::ALL {
        let path = dir.join(format!("deck.{}", format.extension()));
        export_to_file(&cards(), format, &options(), &path).expect("exported");
        assert!(path.metadata().is_ok_and(|m| m.len() > 0), "{format:?}");
    }
    let count = std::fs::read_dir(&dir).map_or(0, Iterator::count);
    assert_eq!(count, 4, "no temporary files left");
    std::fs::remove_dir_all(&dir).ok();
}

fn assert_fails_and_leaves_nothing(path: &Path) {
    for format in Format::ALL {
        let error = export_to_file(&cards(), format, &options(), path).expect_err("must fail");
        assert!(matches!(error, ExportError::Write { .. }), "{error:?}");
        let message = error.to_string();
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(message.contains("Choose a folder"), "{message}");
        assert!(!path.exists());
    }
}

#[test]
fn an_export_into_a_missing_folder_fails_with_a_message_and_leaves_nothing() {
    let dir = scratch("missing");
    assert_fails_and_leaves_nothing(&dir.join("no such folder").join("deck.apkg"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_export_under_a_file_fails_with_a_message_and_leaves_nothing() {
    let dir = scratch("under-file");
    let file = dir.join("a file");
    std::fs::write(&file, "not a folder").expect("written");
    assert_fails_and_leaves_nothing(&file.join("deck.csv"));
    let count = std::fs::read_dir(&dir).map_or(0, Iterator::count);
    assert_eq!(count, 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn an_export_into_a_read_only_folder_fails_and_leaves_nothing() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = scratch("read-only");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).ok();
    let probe = dir.join("probe");
    if std::fs::write(&probe, "x").is_ok() {
        // Root writes through permissions: the other failure tests cover this case there.
        eprintln!("skipped: this user can write into read-only folders");
    } else {
        assert_fails_and_leaves_nothing(&dir.join("deck.tsv"));
        assert_eq!(std::fs::read_dir(&dir).map_or(0, Iterator::count), 0);
    }
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).ok();
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn nothing_to_export_and_no_deck_name_are_refused() {
    let none = export_bytes(&[], Format::Csv, &options()).expect_err("no cards");
    assert!(none.to_string().contains("no cards"));
    let unnamed = ExportOptions {
        deck: "  ".into(),
        ..options()
    };
    let error = export_bytes(&cards(), Format::Apkg, &unnamed).expect_err("no name");
    assert!(error.to_string().contains("needs a name"));
}

mod command_line {
    //! `dars export`: the real binary, on the bundled article.

    use std::process::{Command, Output};

    use dars::analysis::{Document, analyze};
    use dars::study::{
        Edit, Names, ProgressStore, Status, deck_from_analysis, document_key, word_key,
    };

    use super::scratch;

    fn dars(data_dir: &std::path::Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_dars"))
            .args(args)
            .env("DARS_DATA_DIR", data_dir)
            .output()
            .expect("dars runs")
    }

    #[test]
    fn exports_the_bundled_article_with_saved_edits() {
        let dir = scratch("cli");
        let doc = Document::bundled();
        let expected = deck_from_analysis(&doc, &analyze(&doc));
        let store = ProgressStore::in_dir(dir.join("data"));
        let key = document_key(&doc.text);
        let mut progress = store.load(&key).progress;
        let summit = word_key("قمة", "noun");
        progress.set_edit(
            &summit,
            Edit {
                gloss: Some("summit meeting (edited)".into()),
                note: String::new(),
            },
        );
        store.save(&key, &progress).expect("saved");

        let out = dir.join("deck.json");
        let path = out.to_str().expect("a UTF-8 path");
        let run = dars(
            &dir.join("data"),
            &[
                "export", "--format", "json", "--out", path, "--deck", "Test",
            ],
        );
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let file = dars::export::json::from_bytes(&std::fs::read(&out).expect("written"))
            .expect("JSON cards");
        assert_eq!(file.deck, "Test");
        assert_eq!(file.cards.len(), expected.len());
        let edited = file.cards.iter().find(|c| c.key() == summit).expect("قمة");
        assert_eq!(edited.gloss, "summit meeting (edited)");

        let csv = dir.join("deck.csv");
        let run = dars(
            &dir.join("data"),
            &[
                "export",
                "--format",
                "csv",
                "--out",
                csv.to_str().expect("UTF-8"),
            ],
        );
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let bytes = std::fs::read(&csv).expect("written");
        let cards = dars::export::csv::from_bytes(&bytes, super::Delimiter::Comma).expect("CSV");
        assert_eq!(cards.len(), expected.len());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn the_command_line_takes_the_same_choice_of_cards_as_the_export_dialog() {
        let dir = scratch("cli-choice");
        let doc = Document::bundled();
        let all = deck_from_analysis(&doc, &analyze(&doc));
        let store = ProgressStore::in_dir(dir.join("data"));
        let key = document_key(&doc.text);
        let mut progress = store.load(&key).progress;
        let summit = word_key("قمة", "noun");
        progress.set_status(&summit, Status::Learning);
        // The cards panel's saved filter: names only.
        progress.settings.filter.names = Names::Only;
        store.save(&key, &progress).expect("saved");
        let export = |flags: &[&str]| -> Vec<dars::study::Card> {
            let out = dir.join("deck.json");
            let path = out.to_str().expect("UTF-8").to_owned();
            let mut args = vec!["export", "--format", "json", "--out", path.as_str()];
            args.extend(flags);
            let run = dars(&dir.join("data"), &args);
            assert!(
                run.status.success(),
                "{}",
                String::from_utf8_lossy(&run.stderr)
            );
            let bytes = std::fs::read(&out).expect("written");
            dars::export::json::from_bytes(&bytes).expect("JSON").cards
        };
        let learning = export(&["--status", "learning"]);
        assert_eq!(learning.len(), 1);
        assert_eq!(learning[0].key(), summit);
        let names = export(&["--filter"]);
        assert!(!names.is_empty() && names.iter().all(|c| c.is_name));
        let nouns = export(&["--pos", "noun", "--names", "exclude"]);
        assert!(nouns.iter().all(|c| c.pos == "noun" && !c.is_name));
        assert!(nouns.len() < all.len());
        assert_eq!(export(&[]).len(), all.len(), "no flag: every card");

        // A filter that keeps nothing says so in the command line's words, and writes nothing.
        let out = dir.join("none.csv");
        let run = dars(
            &dir.join("data"),
            &[
                "export",
                "--format",
                "csv",
                "--out",
                out.to_str().expect("UTF-8"),
                "--status",
                "ignored",
            ],
        );
        assert!(!run.status.success());
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains("no card of this text matches"), "{stderr}");
        assert!(!stderr.contains("tick"), "{stderr}");
        assert!(!out.exists());
        let run = dars(
            &dir.join("data"),
            &[
                "export", "--format", "csv", "--out", "x.csv", "--status", "sleepy",
            ],
        );
        assert!(String::from_utf8_lossy(&run.stderr).contains("new, learning, known or ignored"));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_bad_target_or_format_fails_with_a_message() {
        let dir = scratch("cli-fail");
        let out = dir.join("missing").join("deck.apkg");
        let run = dars(
            &dir,
            &[
                "export",
                "--format",
                "apkg",
                "--out",
                out.to_str().expect("UTF-8"),
            ],
        );
        assert!(!run.status.success());
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(
            stderr.contains("Could not write") && stderr.contains("Choose a folder"),
            "{stderr}"
        );
        assert!(!out.exists());

        let run = dars(&dir, &["export", "--format", "docx", "--out", "x"]);
        assert!(!run.status.success());
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains("choose apkg, csv, tsv or json"), "{stderr}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
