//! Fuzzing on stable Rust (proptest) of the importers: text files in any bytes, web pages
//! and e-books as a user may bring them in, whole, garbled or hostile.
//!
//! `cargo test --test fuzz_import` runs a few cases of each; `cargo test --release --test
//! fuzz_import -- --ignored fuzz` runs a million of each and prints the figures.

use std::io::{Cursor, Write as _};
use std::sync::atomic::{AtomicU32, Ordering};

use dars::arabic::script::{has_arabic, is_arabic_letter};
use dars::import::{article_from_html, chapters_from_epub, text_from_file_bytes};
use proptest::prelude::*;

#[path = "common/fuzzing.rs"]
mod fuzzing;
use fuzzing::{MILLION, fuzz};

const QUICK: u32 = 24;

fn quick() -> u32 {
    fuzzing::quick(QUICK)
}

/// Pieces of what text files hold: Arabic words and marks, Latin, digits, byte-order marks,
/// line-ending oddities, NULs, bidi controls and lone bytes of other encodings.
fn text_piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "السلام", "عليكم", " ", "\n", "\r\n", "\r", "\n\n", "مُحَمَّد", "٢٠٢٦", "2026",
            "Hello", ".", "،", "؟", "\u{200f}", "\u{202e}", "\u{feff}", "ﻻ", "\t", "\u{0}",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 0..6),
        1 => prop::sample::select(vec![
            vec![0xEF, 0xBB, 0xBF],
            vec![0xFF, 0xFE],
            vec![0xFE, 0xFF],
            vec![0xC7, 0xE1, 0xD3, 0xE1, 0xC7, 0xE3],
        ]),
    ]
}

/// Half the files are text (UTF-8 pieces only), half anything with text in it.
fn text_bytes() -> impl Strategy<Value = Vec<u8>> {
    let clean = prop::collection::vec(
        prop::sample::select(vec![
            "السلام",
            "عليكم",
            " ",
            "\n",
            "\r\n",
            "\r",
            "مُحَمَّد",
            "٢٠٢٦",
            "Hello",
            "،",
            "\u{200f}",
        ]),
        0..40,
    )
    .prop_map(|pieces| pieces.concat().into_bytes());
    let dirty = prop::collection::vec(text_piece(), 0..40).prop_map(|pieces| pieces.concat());
    prop_oneof![clean, dirty]
}

/// The Arabic letters of a text, in order.
fn arabic_letters(text: &str) -> String {
    text.chars().filter(|&c| is_arabic_letter(c)).collect()
}

/// Fails unless some of the cases were brought in: a fuzzer whose every input is refused
/// checks only the refusal.
fn some_imported(name: &str, imported: &AtomicU32, cases: u32) {
    let imported = imported.load(Ordering::Relaxed);
    eprintln!("{name}: {imported} of {cases} brought in");
    assert!(
        imported * 20 >= cases,
        "{name}: only {imported} of {cases} cases were brought in"
    );
}

fn text_files(cases: u32) {
    let count = AtomicU32::new(0);
    fuzz("text files", cases, text_bytes(), |bytes| {
        let Ok(imported) = text_from_file_bytes("fuzz.txt", &bytes) else {
            return Ok(());
        };
        count.fetch_add(1, Ordering::Relaxed);
        prop_assert!(has_arabic(&imported.text), "imported a text with no Arabic");
        prop_assert!(!imported.text.contains('\r'), "a carriage return was kept");
        prop_assert!(imported.title.chars().count() <= 81, "title too long");
        // Text that was UTF-8 all along comes in with every Arabic letter, in order.
        if let Ok(original) = std::str::from_utf8(&bytes)
            && !original.starts_with('\u{feff}')
            && imported.notice.is_none()
        {
            prop_assert_eq!(arabic_letters(&imported.text), arabic_letters(original));
        }
        Ok(())
    });
    some_imported("text files", &count, cases);
}

/// Pieces of a web page: markup (closed, unclosed, misnested), scripts and styles that must
/// never reach the text, entities, comments and Arabic paragraphs. A stray `<` is followed by
/// a space: before a letter it would open a tag that swallows the next `<script>`, and the
/// script's words would then be text, as they are in a browser.
fn html_piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "<html>",
        "<head>",
        "<title>عنوان الخبر</title>",
        "</head>",
        "<body>",
        "<article>",
        "<h1>عنوان</h1>",
        "<p>",
        "</p>",
        "<p>قال الرئيس إن المحادثات مثمرة.</p>",
        "<div class=\"content\">",
        "</div>",
        "<script>var SCRIPTMARK = 1;</script>",
        "<style>.STYLEMARK{}</style>",
        "<!-- COMMENTMARK -->",
        "&amp;",
        "&nbsp;",
        "&#1587;",
        "&#x0644;",
        "<br>",
        "<img src=x>",
        "<a href=\"/x\">رابط</a>",
        "<ul><li>بند</li>",
        "</body>",
        "</html>",
        "< ",
        ">",
        "<p dir=\"rtl\">",
        "English words here. ",
        "<meta charset=\"windows-1256\">",
        "<table><tr><td>خلية",
        "\u{0}",
        "</article>",
    ])
    .prop_map(str::to_owned)
}

fn html_pages(cases: u32) {
    let page = prop::collection::vec(html_piece(), 0..60).prop_map(|p| p.concat());
    let count = AtomicU32::new(0);
    fuzz("web pages", cases, page, |html| {
        let Ok(imported) = article_from_html("fuzz.html", html.as_bytes(), None, None) else {
            return Ok(());
        };
        count.fetch_add(1, Ordering::Relaxed);
        prop_assert!(has_arabic(&imported.text), "imported a page with no Arabic");
        for mark in ["SCRIPTMARK", "STYLEMARK", "COMMENTMARK", "<script", "<p>"] {
            prop_assert!(!imported.text.contains(mark), "{} reached the text", mark);
        }
        Ok(())
    });
    some_imported("web pages", &count, cases);
}

/// A small e-book: a container, a package with a spine, and chapters.
fn epub(container: &str, package: &str, chapters: &[(String, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let mut add = |path: &str, body: &str| {
        if zip.start_file(path, options).is_ok() {
            let _ = zip.write_all(body.as_bytes());
        }
    };
    add("mimetype", "application/epub+zip");
    add("META-INF/container.xml", container);
    add("OEBPS/content.opf", package);
    for (path, body) in chapters {
        add(path, body);
    }
    zip.finish().map(Cursor::into_inner).unwrap_or_default()
}

const CONTAINER: &str = r#"<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>"#;

fn package(spine: &[usize]) -> String {
    let items: String = spine
        .iter()
        .map(|i| {
            format!(r#"<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>"#)
        })
        .collect();
    let refs: String = spine
        .iter()
        .map(|i| format!(r#"<itemref idref="c{i}"/>"#))
        .collect();
    format!(
        r#"<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf"><metadata><title>كتاب</title></metadata><manifest>{items}</manifest><spine>{refs}</spine></package>"#
    )
}

/// An e-book whose chapters are fuzzed pages, whose spine may name missing chapters, and whose
/// bytes may then be damaged anywhere.
fn epub_bytes() -> impl Strategy<Value = Vec<u8>> {
    let chapters = prop::collection::vec(
        (0usize..6, prop::collection::vec(html_piece(), 0..20)),
        0..4,
    );
    let damage = prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..3);
    (chapters, prop::collection::vec(0usize..6, 0..5), damage).prop_map(
        |(chapters, spine, damage)| {
            let chapters: Vec<(String, String)> = chapters
                .into_iter()
                .map(|(i, body)| (format!("OEBPS/c{i}.xhtml"), body.concat()))
                .collect();
            let mut bytes = epub(CONTAINER, &package(&spine), &chapters);
            if !bytes.is_empty() {
                for (at, byte) in damage {
                    let at = at.index(bytes.len());
                    bytes[at] = byte;
                }
            }
            bytes
        },
    )
}

fn epubs(cases: u32) {
    let count = AtomicU32::new(0);
    fuzz("e-books", cases, epub_bytes(), |bytes| {
        let Ok(chapters) = chapters_from_epub("fuzz.epub", &bytes) else {
            return Ok(());
        };
        count.fetch_add(1, Ordering::Relaxed);
        prop_assert!(!chapters.is_empty());
        for chapter in &chapters {
            prop_assert!(has_arabic(&chapter.text), "a chapter with no Arabic");
            prop_assert!(!chapter.text.contains("SCRIPTMARK"));
        }
        Ok(())
    });
    some_imported("e-books", &count, cases);
}

/// The "billion laughs": entities that expand to gigabytes must be refused, not expanded.
#[test]
fn an_ebook_of_nested_entities_is_refused_quickly() {
    let mut dtd = String::from("<!DOCTYPE container [<!ENTITY l0 \"هههههههههه\">");
    for level in 1..10 {
        let prev = level - 1;
        dtd.push_str(&format!(
            "<!ENTITY l{level} \"{}\">",
            format!("&l{prev};").repeat(10)
        ));
    }
    dtd.push(']');
    dtd.push('>');
    let container = format!(
        r#"<?xml version="1.0"?>{dtd}<container><rootfiles><rootfile full-path="&l9;"/></rootfiles></container>"#
    );
    let bytes = epub(&container, &package(&[1]), &[]);
    let outcome = chapters_from_epub("laughs.epub", &bytes);
    assert!(outcome.is_err(), "a book of nested entities was read");
}

#[test]
fn fuzz_text_files_quick() {
    text_files(quick() * 4);
}

#[test]
fn fuzz_web_pages_quick() {
    html_pages(quick());
}

#[test]
fn fuzz_ebooks_quick() {
    epubs(quick());
}

#[test]
#[ignore = "a million cases: cargo test --release --test fuzz_import -- --ignored fuzz"]
fn fuzz_text_files_a_million() {
    text_files(MILLION);
}

#[test]
#[ignore = "a million cases: cargo test --release --test fuzz_import -- --ignored fuzz"]
fn fuzz_web_pages_a_million() {
    html_pages(MILLION);
}

#[test]
#[ignore = "a million cases: cargo test --release --test fuzz_import -- --ignored fuzz"]
fn fuzz_ebooks_a_million() {
    epubs(MILLION);
}
