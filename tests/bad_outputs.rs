//! Bad output paths (`--out`) and exports of `tests/bad_inputs.md`, tried on the real `dars`
//! binary: nothing but a regular file is ever replaced, and every refusal says why.
#![cfg(unix)]

mod common;

use std::os::unix::fs::FileTypeExt as _;
use std::process::Output;

use common::{Scratch, assert_refused, is_root, mkfifo, mknod, path_str, run, stderr};

// --- Where the output goes (--out) ------------------------------------------------------

/// `dars export --format csv --out PATH` on the bundled article.
fn export_to(dir: &Scratch, out: &std::path::Path) -> Output {
    run(dir, &["export", "--format", "csv", "--out", path_str(out)])
}

#[test]
fn an_output_in_a_missing_folder_is_refused() {
    let dir = Scratch::new("bad-out-missing");
    let out = dir.join("no such folder").join("deck.csv");
    assert_refused(&export_to(&dir, &out), 1, "the folder does not exist");
    assert!(!out.exists());
}

#[test]
fn an_output_that_is_a_folder_is_refused_and_kept() {
    let dir = Scratch::new("bad-out-folder");
    let folder = dir.join("deck.csv");
    std::fs::create_dir(&folder).expect("folder");
    assert_refused(&export_to(&dir, &folder), 1, "it is a folder, not a file");
    assert!(folder.is_dir());
}

#[test]
fn an_output_fifo_nobody_reads_is_refused_at_once_and_kept() {
    let dir = Scratch::new("bad-out-fifo");
    let fifo = dir.join("pipe");
    mkfifo(&fifo);
    let out = export_to(&dir, &fifo);
    assert_refused(&out, 1, "no program is reading from");
    assert!(
        std::fs::metadata(&fifo)
            .expect("meta")
            .file_type()
            .is_fifo()
    );
}

#[test]
fn an_output_fifo_a_program_reads_gets_the_export() {
    let dir = Scratch::new("bad-out-fifo-read");
    let fifo = dir.join("pipe");
    mkfifo(&fifo);
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || std::fs::read(reader_path).expect("read"));
    // The reader may not have opened the FIFO yet: a refusal then is right, so try again.
    let mut out = export_to(&dir, &fifo);
    for _ in 0..50 {
        if out.status.success() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        out = export_to(&dir, &fifo);
    }
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = reader.join().expect("reader");
    let cards = dars::export::csv::from_bytes(&bytes, dars::export::csv::Delimiter::Comma);
    assert!(cards.is_ok_and(|c| c.len() > 100));
    assert!(
        std::fs::metadata(&fifo)
            .expect("meta")
            .file_type()
            .is_fifo()
    );
}

#[test]
fn an_output_device_is_written_through_and_stays_a_device() {
    let dir = Scratch::new("bad-out-device");
    let device = if is_root() {
        // As root a regression would replace the machine's /dev/null: use a copy of it.
        let null = dir.join("null");
        if !mknod(&null, rustix::fs::FileType::CharacterDevice, 1, 3) {
            return;
        }
        null
    } else {
        std::path::PathBuf::from("/dev/null")
    };
    let out = export_to(&dir, &device);
    assert!(out.status.success(), "{}", stderr(&out));
    let kind = std::fs::metadata(&device).expect("meta").file_type();
    assert!(kind.is_char_device());
}

#[test]
fn an_output_block_device_is_refused() {
    let dir = Scratch::new("bad-out-block");
    let disk = dir.join("disk");
    // Major 240 is for local use: no real disk answers there even if a bug opened it.
    if !mknod(&disk, rustix::fs::FileType::BlockDevice, 240, 0) {
        return;
    }
    assert_refused(&export_to(&dir, &disk), 1, "never writes to");
}

#[test]
fn an_output_symlink_is_followed_and_its_target_replaced() {
    let dir = Scratch::new("bad-out-link");
    let target = dir.join("target.csv");
    std::fs::write(&target, "old").expect("written");
    let link = dir.join("deck.csv");
    std::os::unix::fs::symlink("target.csv", &link).expect("link");
    let out = export_to(&dir, &link);
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = std::fs::symlink_metadata(&link).expect("meta");
    assert!(meta.file_type().is_symlink());
    assert!(std::fs::read(&target).expect("read").len() > 1000);
}

#[test]
fn an_output_on_a_full_disk_is_an_error() {
    let dir = Scratch::new("bad-out-full");
    let out = export_to(&dir, std::path::Path::new("/dev/full"));
    assert_refused(&out, 1, "the disk is full");
}

// --- Exports ------------------------------------------------------------------------------

#[test]
fn an_export_with_no_cards_says_why_in_command_line_words() {
    let dir = Scratch::new("bad-no-cards");
    let file = dir.join("unknown.txt");
    std::fs::write(&file, "زقزقزق بلببل\n").expect("written");
    let csv = dir.join("deck.csv");
    let args = [
        "export",
        path_str(&file),
        "--format",
        "csv",
        "--out",
        path_str(&csv),
    ];
    let out = run(&dir, &args);
    assert_refused(&out, 1, "no word of");
    assert!(!stderr(&out).contains("tick"), "no window wording");
    assert!(!csv.exists());
}

#[test]
fn formulas_in_the_text_are_not_formulas_in_the_csv() {
    let dir = Scratch::new("bad-formulas");
    let file = dir.join("formulas.txt");
    let sentences = [
        "=HYPERLINK(\"http://example.com\") عقد الرئيس قمة.",
        "+cmd|' /C calc'!A0 زار موسكو.",
        "@SUM(1+1) قال الزعيم.",
        "-2+3 في العاصمة.",
    ];
    std::fs::write(&file, sentences.join("\n")).expect("written");
    for (format, delimiter) in [
        ("csv", dars::export::csv::Delimiter::Comma),
        ("tsv", dars::export::csv::Delimiter::Tab),
    ] {
        let out_path = dir.join(&format!("deck.{format}"));
        let args = [
            "export",
            path_str(&file),
            "--format",
            format,
            "--out",
            path_str(&out_path),
        ];
        let out = run(&dir, &args);
        assert!(out.status.success(), "{}", stderr(&out));
        let bytes = std::fs::read(&out_path).expect("written");
        let text = String::from_utf8_lossy(&bytes);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(if format == "csv" { b',' } else { b'\t' })
            .from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
        let mut examples = Vec::new();
        for record in reader.records() {
            let record = record.expect("a row");
            for cell in &record {
                let first = cell.chars().next();
                let plain_number = cell.trim_start_matches(['-', '+']).parse::<f64>().is_ok();
                assert!(
                    !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')) || plain_number,
                    "a live formula: {cell:?}"
                );
            }
            examples.push(record.get(7).unwrap_or_default().to_owned());
        }
        for sentence in &sentences {
            assert!(
                examples.contains(&format!("'{sentence}")),
                "{sentence} is not an example cell with its quote: {examples:?}"
            );
        }
        // Dars reads its own file back to the sentences as they are in the text.
        let cards = dars::export::csv::from_bytes(&bytes, delimiter).expect("read back");
        for sentence in &sentences {
            assert!(
                cards.iter().any(|c| c.example.text == *sentence),
                "{sentence}"
            );
        }
    }
}
