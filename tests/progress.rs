//! Saved progress: it survives a restart, SM-2 files of older versions migrate to FSRS with a
//! backup, and a corrupt or unreadable file is set aside and reported.

use std::path::PathBuf;

use dars::analysis::document::BUNDLED_ARTICLE;
use dars::study::{Edit, Order, ProgressStore, Rating, Status, document_key, word_key};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dars-progress-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn progress_survives_a_restart() {
    let dir = scratch("restart");
    let key = document_key(BUNDLED_ARTICLE);
    let summit = word_key("قمة", "noun");
    let putin = word_key("فلاديمير بوتين", "proper_noun");
    let held = word_key("عقد", "verb");
    {
        let store = ProgressStore::in_dir(&dir);
        let loaded = store.load(&key);
        assert!(loaded.problem.is_none());
        let mut progress = loaded.progress;
        progress.set_status(&summit, Status::Known);
        progress.set_status(&putin, Status::Ignored);
        progress.rate(&held, Rating::Good, 1_700_000_000);
        progress.set_edit(
            &summit,
            Edit {
                gloss: Some("summit (meeting)".into()),
                note: "قمم in the plural".into(),
            },
        );
        progress.settings.filter.order = Order::Frequency;
        progress.settings.current = Some(held.clone());
        store.save(&key, &progress).expect("saved");
    }
    // A new store, as after restarting the app.
    let loaded = ProgressStore::in_dir(&dir).load(&key);
    assert!(loaded.problem.is_none());
    let progress = loaded.progress;
    assert_eq!(progress.status(&summit), Status::Known);
    assert_eq!(progress.status(&putin), Status::Ignored);
    assert_eq!(progress.status(&held), Status::Learning);
    assert_eq!(
        progress.status(&word_key("روسيا", "proper_noun")),
        Status::New
    );
    let schedule = progress.schedule(&held).expect("rated");
    // FSRS: a new word answered Good comes back in two days (2.3 rounded).
    assert_eq!(schedule.due, 1_700_000_000 + 2 * 24 * 60 * 60);
    assert_eq!((schedule.reps, schedule.last_review), (1, 1_700_000_000));
    assert_eq!(
        progress.edit(&summit).and_then(|e| e.gloss.as_deref()),
        Some("summit (meeting)")
    );
    assert_eq!(progress.settings.filter.order, Order::Frequency);
    assert_eq!(progress.settings.current.as_deref(), Some(held.as_str()));
    // Only the document's file is there: no temporary file left behind.
    assert_eq!(files_in(&dir.join("progress")), [format!("{key}.json")]);
    std::fs::remove_dir_all(&dir).ok();
}

/// A progress file exactly as Dars wrote it before FSRS (format 1, SM-2 schedules).
fn sm2_file(summit: &str, held: &str) -> String {
    serde_json::json!({
        "format": 1,
        "source": "seeds/000_b18d53c4db9afe0d.txt",
        "words": {
            summit: {
                "status": "known",
                "schedule": {"due": 1_702_000_000_u64, "interval_days": 25, "ease_permille": 2650,
                             "streak": 4, "lapses": 0},
                "reviews": [
                    {"at": 1_699_000_000_u64, "rating": "good"},
                    {"at": 1_699_086_400_u64, "rating": "good"},
                    {"at": 1_699_345_600_u64, "rating": "easy"},
                    {"at": 1_699_840_000_u64, "rating": "good"}
                ],
                "edit": {"gloss": "summit (meeting)"}
            },
            held: {
                "status": "learning",
                "schedule": {"due": 1_700_000_600_u64, "interval_days": 0, "ease_permille": 2300,
                             "streak": 0, "lapses": 1},
                "reviews": [
                    {"at": 1_699_000_000_u64, "rating": "good"},
                    {"at": 1_700_000_000_u64, "rating": "again"}
                ]
            }
        },
        "settings": {"filter": {"order": "frequency"}, "vocalized": false, "sentence": 7}
    })
    .to_string()
}

#[test]
fn sm2_progress_migrates_to_fsrs_and_is_backed_up_once() {
    let dir = scratch("sm2");
    let store = ProgressStore::in_dir(&dir);
    let key = document_key(BUNDLED_ARTICLE);
    let path = store.path_for(&key);
    std::fs::create_dir_all(dir.join("progress")).expect("folder");
    let (summit, held) = (word_key("قمة", "noun"), word_key("عقد", "verb"));
    let old = sm2_file(&summit, &held);
    std::fs::write(&path, &old).expect("written");

    let loaded = store.load(&key);
    assert!(loaded.problem.is_none(), "{:?}", loaded.problem);
    let mut progress = loaded.progress;
    // Nothing lost: statuses, answers, edits, settings, due dates, lapses.
    assert_eq!(progress.status(&summit), Status::Known);
    assert_eq!(progress.status(&held), Status::Learning);
    assert_eq!(progress.words[&summit].reviews.len(), 4);
    assert_eq!(
        progress.edit(&summit).and_then(|e| e.gloss.as_deref()),
        Some("summit (meeting)")
    );
    assert_eq!(progress.settings.filter.order, Order::Frequency);
    assert_eq!(progress.settings.sentence, 7);
    let s = progress.schedule(&summit).expect("migrated");
    assert_eq!((s.due, s.reps, s.lapses), (1_702_000_000, 4, 0));
    // FSRS's estimate from a 25-day SM-2 interval: about 25 days of stability.
    assert!((15.0..40.0).contains(&s.stability), "{}", s.stability);
    assert!((1.0..=10.0).contains(&s.difficulty), "{}", s.difficulty);
    let h = progress.schedule(&held).expect("migrated");
    assert_eq!((h.due, h.lapses, h.reps), (1_700_000_600, 1, 2));
    assert!(
        h.stability < s.stability,
        "a word just forgotten is less stable"
    );

    // The file is untouched until the first save, which keeps the old one as a backup.
    assert_eq!(std::fs::read_to_string(&path).expect("there"), old);
    progress.rate(&held, Rating::Good, 1_700_000_600);
    store.save(&key, &progress).expect("saved");
    let backup = dir.join("progress").join(format!("{key}.json.sm2-backup"));
    assert_eq!(std::fs::read_to_string(&backup).expect("backed up"), old);
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("saved")).expect("json");
    assert_eq!(saved["format"], 2);
    assert!(saved["words"][&summit]["schedule"]["stability"].is_number());
    // A second save keeps the first backup as it was ("once"), and reads back the same.
    store.save(&key, &progress).expect("saved again");
    assert_eq!(std::fs::read_to_string(&backup).expect("kept"), old);
    let again = store.load(&key).progress;
    assert_eq!(again, progress);
    assert_eq!(
        files_in(&dir.join("progress")),
        [format!("{key}.json"), format!("{key}.json.sm2-backup")]
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn each_document_has_its_own_progress() {
    let dir = scratch("per-document");
    let store = ProgressStore::in_dir(&dir);
    let (a, b) = (document_key("نص أول"), document_key("نص ثان"));
    let mut progress = store.load(&a).progress;
    progress.set_status("نص", Status::Known);
    store.save(&a, &progress).expect("saved");
    assert_eq!(store.load(&a).progress.status("نص"), Status::Known);
    assert_eq!(store.load(&b).progress.status("نص"), Status::New);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_corrupt_file_is_set_aside_and_reported() {
    let dir = scratch("corrupt");
    let store = ProgressStore::in_dir(&dir);
    let key = document_key(BUNDLED_ARTICLE);
    let path = store.path_for(&key);
    std::fs::create_dir_all(dir.join("progress")).expect("folder");

    for n in 1..=2 {
        std::fs::write(&path, b"{\"words\": {\"\xD9\x82\": ").expect("written");
        let loaded = store.load(&key);
        let problem = loaded.problem.expect("reported");
        let aside = format!("{key}.json.corrupt-{n}");
        assert!(problem.contains(&aside), "{problem}");
        assert!(problem.contains("fresh progress"), "{problem}");
        assert!(loaded.progress.words.is_empty());
        assert!(!path.exists(), "set aside, not left in place");
    }
    let mut kept = files_in(&dir.join("progress"));
    kept.sort();
    assert_eq!(
        kept,
        [
            format!("{key}.json.corrupt-1"),
            format!("{key}.json.corrupt-2")
        ]
    );
    let aside = std::fs::read(dir.join("progress").join(&kept[0])).expect("kept");
    assert!(aside.starts_with(b"{\"words\""), "kept unchanged");

    // The app goes on: saving and loading work again.
    let mut progress = store.load(&key).progress;
    progress.set_status("قمة", Status::Learning);
    store.save(&key, &progress).expect("saved");
    assert_eq!(store.load(&key).progress.status("قمة"), Status::Learning);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_file_from_a_newer_version_is_set_aside_too() {
    let dir = scratch("newer");
    let store = ProgressStore::in_dir(&dir);
    let path = store.path_for("k");
    std::fs::create_dir_all(dir.join("progress")).expect("folder");
    std::fs::write(&path, br#"{"format": 99, "words": {}}"#).expect("written");
    let problem = store.load("k").problem.expect("reported");
    assert!(problem.contains("newer version"), "{problem}");
    assert!(dir.join("progress").join("k.json.corrupt-1").exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_unreadable_file_is_set_aside_and_reported() {
    let dir = scratch("unreadable");
    let store = ProgressStore::in_dir(&dir);
    // A folder where the file should be: reading it fails for every user, root included.
    std::fs::create_dir_all(store.path_for("k")).expect("folder");
    let loaded = store.load("k");
    let problem = loaded.problem.expect("reported");
    assert!(problem.contains("k.json.corrupt-1"), "{problem}");
    assert!(dir.join("progress").join("k.json.corrupt-1").is_dir());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_store_that_cannot_be_written_says_so() {
    let dir = scratch("unwritable");
    std::fs::create_dir_all(&dir).expect("folder");
    // Its folder would have to live under a file: creating it fails for every user.
    let file = dir.join("a file");
    std::fs::write(&file, "x").expect("written");
    let store = ProgressStore::in_dir(&file);
    let error = store
        .save("k", &store.load("k").progress)
        .expect_err("cannot save");
    assert!(
        error.to_string().contains("Could not save progress"),
        "{error}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
