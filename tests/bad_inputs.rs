//! The bad inputs of `tests/bad_inputs.md` (text files, numbers, standard output, scale),
//! tried on the real `dars` binary: a clear message, the right exit code, no hang. Bad
//! output paths and exports are in `bad_outputs.rs`; the list and both files are kept in
//! step by the last test.
#![cfg(unix)]

mod common;

use std::io::Read as _;

use common::{
    ARABIC, Scratch, assert_refused, dars_command, finish, mkfifo, path_str, run, stderr,
};

// --- The text file ---------------------------------------------------------------------

#[test]
fn a_missing_file_says_it_could_not_be_read() {
    let dir = Scratch::new("bad-missing");
    let out = run(&dir, &["analyze", path_str(&dir.join("nowhere.txt"))]);
    assert_refused(&out, 1, "Could not read");
}

#[test]
fn an_empty_or_blank_file_is_refused() {
    let dir = Scratch::new("bad-empty");
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", b"  \n\r\n\t")] {
        let file = dir.join(name);
        std::fs::write(&file, bytes).expect("written");
        assert_refused(&run(&dir, &["analyze", path_str(&file)]), 1, "is empty");
    }
}

#[test]
fn a_binary_file_is_refused() {
    let dir = Scratch::new("bad-binary");
    let file = dir.join("picture.png");
    std::fs::write(&file, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("written");
    assert_refused(&run(&dir, &["analyze", path_str(&file)]), 1, "binary");
}

#[test]
fn a_file_not_in_utf8_is_refused_with_the_offset() {
    let dir = Scratch::new("bad-latin1");
    let file = dir.join("latin1.txt");
    // "café" in Latin-1, then Windows-1256 Arabic bytes.
    std::fs::write(&file, b"caf\xe9 \xc7\xe1").expect("written");
    let out = run(&dir, &["analyze", path_str(&file)]);
    assert_refused(&out, 1, "is not UTF-8 text (invalid byte at offset 3)");
}

#[test]
fn a_file_without_arabic_is_refused() {
    let dir = Scratch::new("bad-english");
    let file = dir.join("english.txt");
    std::fs::write(&file, "Only English here.\n").expect("written");
    assert_refused(&run(&dir, &["analyze", path_str(&file)]), 1, "no Arabic");
}

#[test]
fn a_folder_as_file_is_refused() {
    let dir = Scratch::new("bad-folder");
    let out = run(&dir, &["analyze", path_str(&dir.0)]);
    assert_refused(&out, 1, "is a folder, not a file");
}

#[test]
fn a_fifo_as_file_is_refused_by_analyze_export_and_render_without_waiting() {
    let dir = Scratch::new("bad-fifo-in");
    let fifo = dir.join("pipe.txt");
    mkfifo(&fifo);
    let out = dir.join("out");
    for args in [
        vec!["analyze", path_str(&fifo)],
        vec![
            "export",
            path_str(&fifo),
            "--format",
            "csv",
            "--out",
            path_str(&out),
        ],
        vec!["render", path_str(&fifo), "--out", path_str(&out)],
    ] {
        // A hang fails inside `dars` (the deadline), not by blocking the test run.
        assert_refused(&run(&dir, &args), 1, "is a named pipe (FIFO), not a file");
    }
    assert!(!out.exists());
}

#[test]
fn a_device_as_file_is_refused() {
    let dir = Scratch::new("bad-device-in");
    // Reading /dev/zero would never end.
    let out = run(&dir, &["analyze", "/dev/zero"]);
    assert_refused(&out, 1, "is a device, not a file");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = Scratch::new("bad-huge");
    let file = dir.join("huge.txt");
    // Sparse: no disk space is used, and a read would take 64 MB of memory.
    let handle = std::fs::File::create(&file).expect("created");
    let limit = dars::analysis::load::MAX_TEXT_BYTES as u64;
    handle.set_len(limit + 1).expect("sized");
    let out = run(&dir, &["analyze", path_str(&file)]);
    assert_refused(
        &out,
        1,
        "is too large (65 MB; Dars opens texts of up to 64 MB)",
    );
}

#[test]
fn the_window_refuses_a_fifo_with_a_message_instead_of_freezing() {
    let dir = Scratch::new("bad-fifo-window");
    let fifo = dir.join("pipe.txt");
    mkfifo(&fifo);
    let mut app = dars::ui::DarsApp::with_store(dars::ui::Settings::default(), None, None);
    app.open_path(&fifo);
    let message = app.message().map(|m| m.text.clone());
    assert!(
        // The window opens files through the importers, which say it their way.
        message
            .as_deref()
            .is_some_and(|m| m.contains("not a regular file (a pipe")),
        "{message:?}"
    );
    assert_eq!(
        app.doc().source,
        dars::analysis::document::BUNDLED_SOURCE,
        "the open text stays"
    );
}

#[test]
fn old_mac_line_ends_are_read_and_rendered() {
    let dir = Scratch::new("bad-cr");
    let file = dir.join("mac.txt");
    std::fs::write(&file, ARABIC.replace('\n', "\r").repeat(3)).expect("written");
    let out = run(&dir, &["analyze", "--json", path_str(&file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let png = dir.join("mac.png");
    let out = run(&dir, &["render", path_str(&file), "--out", path_str(&png)]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn paragraph_separators_and_deep_bidi_nesting_are_rendered() {
    // Both made cosmic-text panic inside the layout (exit 101).
    let dir = Scratch::new("bad-bidi");
    let file = dir.join("bidi.txt");
    let deep = format!("{}قمة 2018", "\u{2067}".repeat(130));
    std::fs::write(&file, format!("قمة\u{2029}2018\n{deep}\n")).expect("written");
    let png = dir.join("bidi.png");
    let args = [
        "render",
        path_str(&file),
        "--out",
        path_str(&png),
        "--width",
        "200",
        "--size",
        "20",
    ];
    let out = run(&dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(png.exists());
}

// --- Numbers on the command line --------------------------------------------------------

#[test]
fn every_numeric_option_out_of_range_is_refused_with_its_range() {
    let dir = Scratch::new("bad-numbers");
    let png = dir.join("page.png");
    for size in ["0", "0.5", "0.01", "nan", "-1", "inf", "1e9", "abc", ""] {
        let flag = format!("--size={size}");
        let out = run(&dir, &["render", "--out", path_str(&png), &flag]);
        let said = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{size}: {said}");
        assert!(
            said.contains("between 6 and 300 pixels") || said.contains("is not a number"),
            "{size}: {said}"
        );
    }
    for width in ["0", "199", "10001", "-5", "99999999999", "wide"] {
        let flag = format!("--width={width}");
        let out = run(&dir, &["render", "--out", path_str(&png), &flag]);
        let said = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{width}: {said}");
        assert!(
            said.contains("between 200 and 10000 pixels") || said.contains("not a whole number"),
            "{width}: {said}"
        );
    }
    assert!(!png.exists());
}

#[test]
fn a_size_too_large_for_the_width_is_refused() {
    let dir = Scratch::new("bad-size-width");
    let png = dir.join("page.png");
    let args = [
        "render",
        "--out",
        path_str(&png),
        "--width",
        "400",
        "--size",
        "100",
    ];
    let out = run(&dir, &args);
    assert_refused(&out, 1, "too large for a page 400 pixels wide (at most 50)");
    assert!(!png.exists());
}

// --- Standard output --------------------------------------------------------------------

#[test]
fn a_closed_pipe_ends_analyze_quietly() {
    let dir = Scratch::new("bad-pipe");
    // `dars analyze --json | head -c 10`: the JSON (430 KB) is far more than a pipe holds.
    let mut child = dars_command(&["analyze", "--json"], &dir.join("data"))
        .spawn()
        .expect("dars runs");
    // The JSON is one streamed line: read its first bytes only, then hang up.
    let mut stdout = child.stdout.take().expect("piped");
    let mut first = [0u8; 10];
    stdout.read_exact(&mut first).expect("first bytes");
    assert_eq!(&first, b"{\"source\":");
    drop(stdout);
    // The reader is gone (the pipe was dropped).
    let out = finish(child, &["analyze", "--json"]);
    assert!(out.status.success(), "exit {:?}", out.status);
    assert_eq!(stderr(&out), "", "no message, no panic");
}

#[test]
fn a_full_disk_on_standard_output_is_an_error_not_a_panic() {
    let dir = Scratch::new("bad-dev-full");
    for args in [&["analyze", "--json"][..], &["--help"]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let child = dars_command(args, &dir.join("data"))
            .stdout(full)
            .spawn()
            .expect("dars runs");
        let out = finish(child, args);
        assert_refused(
            &out,
            1,
            "could not write the output: No space left on device",
        );
        assert!(!stderr(&out).contains("panicked"));
    }
}

// --- Scale ----------------------------------------------------------------------------------

#[test]
fn render_of_500k_short_lines_is_refused_as_too_tall_and_writes_nothing() {
    let dir = Scratch::new("bad-tall");
    let file = dir.join("lines.txt");
    std::fs::write(&file, "قمة\n".repeat(500_000)).expect("written");
    let png = dir.join("page.png");
    let out = run(&dir, &["render", path_str(&file), "--out", path_str(&png)]);
    assert_refused(&out, 1, "the page would be too tall");
    assert!(!png.exists());
}

#[test]
fn render_of_one_long_paragraph_works() {
    let dir = Scratch::new("bad-long-paragraph");
    let file = dir.join("paragraph.txt");
    let one_line = ARABIC.replace('\n', " ").repeat(1500);
    std::fs::write(&file, &one_line).expect("written");
    let png = dir.join("page.png");
    let out = run(&dir, &["render", path_str(&file), "--out", path_str(&png)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("1200×"), "{said}");
    let decoder = png::Decoder::new(std::fs::File::open(&png).expect("png"));
    let info = decoder.read_info().expect("a PNG").info().clone();
    assert_eq!(info.width, 1200);
    assert!(info.height > 10_000, "{} rows", info.height);
}

// --- The list -------------------------------------------------------------------------------

#[test]
fn the_written_list_and_the_tests_agree() {
    let root = env!("CARGO_MANIFEST_DIR");
    let list = std::fs::read_to_string(format!("{root}/tests/bad_inputs.md")).expect("list");
    // Every `file::test` the list names exists in that test file…
    let mut named = Vec::new();
    for cell in list.split('`').skip(1).step_by(2) {
        let Some((file, test)) = cell.split_once("::") else {
            continue;
        };
        let source = std::fs::read_to_string(format!("{root}/tests/{file}.rs"))
            .or_else(|_| std::fs::read_to_string(format!("{root}/src/{file}.rs")))
            .unwrap_or_default();
        assert!(
            source.contains(&format!("fn {test}(")),
            "{file}::{test} is not a test"
        );
        named.push(cell.to_owned());
    }
    // …and every test of this file and of bad_outputs.rs is in the list.
    for file in ["bad_inputs", "bad_outputs"] {
        let source = std::fs::read_to_string(format!("{root}/tests/{file}.rs")).expect("test file");
        for test in source.split("#[test]\nfn ").skip(1) {
            let name = test.split('(').next().unwrap_or_default();
            if name == "the_written_list_and_the_tests_agree" {
                continue;
            }
            assert!(
                named.contains(&format!("{file}::{name}")),
                "{file}::{name} is missing from tests/bad_inputs.md"
            );
        }
    }
}
