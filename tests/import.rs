//! Importing files: encodings, a saved news page, an e-book, and files Dars cannot import.

use std::io::Write;
use std::path::{Path, PathBuf};

use dars::import::{ImportError, Imported, import_file};

const NEWS_PAGE: &str = "tests/fixtures/import/news-page.html";

const HEADLINE: &str = "افتتاح أكبر محطة لتحلية مياه البحر في المنطقة الساحلية";

/// The article's paragraphs, as a reader sees them in the page.
const PARAGRAPH_STARTS: [&str; 6] = [
    "افتتح وزير المياه والطاقة",
    "وقال الوزير في كلمة",
    "وأوضح مدير المشروع",
    "وبلغت تكلفة المشروع",
    "ورحب سكان المنطقة",
    "ويرى خبراء أن تحلية المياه",
];

/// What surrounds the article on the page: menus, ads, the sidebar, related links, comments.
const NOT_THE_ARTICLE: [&str; 9] = [
    "تكنولوجيا",
    "إعلان",
    "احجز الآن",
    "الأكثر قراءة",
    "اقرأ أيضا",
    "تعليقات القراء",
    "خطوة ممتازة",
    "جميع الحقوق محفوظة",
    "dataLayer",
];

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("dars-import-{name}-{}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        std::fs::create_dir_all(&dir).ok();
        Self(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).ok();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

fn one(result: Result<Vec<Imported>, ImportError>) -> Imported {
    match result {
        Ok(mut texts) if texts.len() == 1 => texts.remove(0),
        other => panic!("expected one text, got {other:?}"),
    }
}

fn assert_is_the_article(imported: &Imported) {
    assert_eq!(imported.title, HEADLINE);
    let lines: Vec<&str> = imported.text.lines().collect();
    assert_eq!(lines.first(), Some(&HEADLINE), "{}", imported.text);
    // Every paragraph is there, on a line of its own, in the page's order.
    let mut at = 0;
    for start in PARAGRAPH_STARTS {
        let found = lines[at..].iter().position(|line| line.starts_with(start));
        assert!(
            found.is_some(),
            "missing or out of order: {start}\n{}",
            imported.text
        );
        at += found.unwrap_or(0) + 1;
    }
    for junk in NOT_THE_ARTICLE {
        assert!(
            !imported.text.contains(junk),
            "kept “{junk}”:\n{}",
            imported.text
        );
    }
}

#[test]
fn a_saved_news_page_gives_its_article_and_nothing_around_it() {
    let imported = one(import_file(Path::new(NEWS_PAGE)));
    assert_is_the_article(&imported);
    assert_eq!(imported.notice, None);
}

#[test]
fn a_page_saved_in_windows_1256_is_converted_with_a_notice() {
    let scratch = Scratch::new("html1256");
    let page = std::fs::read_to_string(NEWS_PAGE).unwrap_or_default();
    let page = page.replace(
        "<meta charset=\"utf-8\">",
        "<meta charset=\"windows-1256\">",
    );
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&page);
    assert!(!unmappable);
    let imported = one(import_file(&scratch.file("page.htm", &bytes)));
    assert_is_the_article(&imported);
    assert_eq!(
        imported.notice.as_deref(),
        Some("Converted from windows-1256 to UTF-8.")
    );
}

#[test]
fn text_files_in_each_encoding_read_the_same() {
    let scratch = Scratch::new("encodings");
    let text = "عنوان الخبر\r\nافتتح وزير المياه والطاقة محطة جديدة لتحلية مياه البحر.\r\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(text);
    let cases = [
        ("utf8.txt", text.as_bytes().to_vec(), None),
        (
            "utf16.txt",
            utf16,
            Some("Converted from UTF-16LE to UTF-8."),
        ),
        (
            "cp1256.txt",
            cp1256.into_owned(),
            Some("Converted from windows-1256 to UTF-8."),
        ),
    ];
    for (name, bytes, notice) in cases {
        let imported = one(import_file(&scratch.file(name, &bytes)));
        assert_eq!(
            imported,
            Imported {
                title: "عنوان الخبر".into(),
                text: "عنوان الخبر\nافتتح وزير المياه والطاقة محطة جديدة لتحلية مياه البحر.".into(),
                notice: notice.map(String::from),
            },
            "{name}"
        );
    }
}

#[test]
fn files_that_are_none_of_the_kinds_say_so() {
    let scratch = Scratch::new("unsupported");
    let pdf = scratch.file("paper.pdf", b"%PDF-1.7\n\x00\x01\x02\x03binary stream\x00");
    let message = import_file(&pdf).err().map(|e| e.to_string());
    assert_eq!(
        message,
        Some(format!(
            "{} is not a file Dars can import: it reads plain text (.txt), web pages (.html) and e-books (.epub).",
            pdf.display()
        ))
    );
    let english = scratch.file("notes.txt", b"Only English here.\n");
    let message = import_file(&english).err().map(|e| e.to_string());
    assert!(message.is_some_and(|m| m.contains("has no Arabic text")));
    let broken = scratch.file("book.epub", b"PK\x03\x04 not really a zip");
    let message = import_file(&broken).err().map(|e| e.to_string());
    assert!(
        message
            .is_some_and(|m| m.contains("is not a readable EPUB e-book: it is not a zip archive"))
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let scratch = Scratch::new("fifo");
    let fifo = scratch.0.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()));
    assert!(matches!(
        import_file(&fifo),
        Err(ImportError::NotAFile { .. })
    ));
}

/// An EPUB as e-book makers write one: the spine lists a cover (no text), the table of
/// contents (EPUB 3 nav), then two chapters in an order different from the manifest's.
fn sample_epub() -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default();
    let page = |title: &str, body: &str| {
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"ar\" dir=\"rtl\"><head><title>{title}</title><style>p {{ margin: 0 }}</style></head><body>{body}</body></html>"
        )
    };
    let files = [
        ("META-INF/container.xml", "<?xml version=\"1.0\"?>\n<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>".to_owned()),
        ("OEBPS/content.opf", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:identifier id=\"id\">dars-test</dc:identifier><dc:title>قصص قصيرة</dc:title><dc:language>ar</dc:language></metadata><manifest><item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/><item id=\"cover\" href=\"Text/cover.xhtml\" media-type=\"application/xhtml+xml\"/><item id=\"c1\" href=\"Text/chapter%201.xhtml\" media-type=\"application/xhtml+xml\"/><item id=\"c2\" href=\"Text/chapter2.xhtml\" media-type=\"application/xhtml+xml\"/><item id=\"css\" href=\"style.css\" media-type=\"text/css\"/></manifest><spine><itemref idref=\"cover\"/><itemref idref=\"nav\"/><itemref idref=\"c2\"/><itemref idref=\"c1\"/></spine></package>".to_owned()),
        ("OEBPS/nav.xhtml", page("المحتويات", "<nav epub:type=\"toc\"><ol><li><a href=\"Text/chapter2.xhtml\">الفصل الأول: البحر</a></li><li><a href=\"Text/chapter%201.xhtml\">الفصل الثاني: المدينة</a></li></ol></nav>")),
        ("OEBPS/Text/cover.xhtml", page("Cover", "<div><img src=\"../cover.jpg\" alt=\"cover\"/></div>")),
        ("OEBPS/Text/chapter2.xhtml", page("البحر", "<h1>الفصل الأول: البحر</h1><p>كان البحر هادئا في ذلك الصباح.</p><p>جلس الصياد على الشاطئ ينتظر.</p>")),
        ("OEBPS/Text/chapter 1.xhtml", page("المدينة", "<h2>الفصل الثاني: المدينة</h2><p>في المدينة كانت الشوارع مزدحمة.</p><script>var x = 1;</script>")),
        ("OEBPS/style.css", "p { text-align: justify }".to_owned()),
    ];
    zip.start_file("mimetype", stored).ok();
    zip.write_all(b"application/epub+zip").ok();
    for (name, content) in files {
        zip.start_file(name, deflated).ok();
        zip.write_all(content.as_bytes()).ok();
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .unwrap_or_default()
}

#[test]
fn an_epub_gives_one_text_per_chapter_in_reading_order() {
    let scratch = Scratch::new("epub");
    let chapters = import_file(&scratch.file("book.epub", &sample_epub()));
    assert_eq!(
        chapters,
        Ok(vec![
            Imported {
                title: "الفصل الأول: البحر".into(),
                text: "الفصل الأول: البحر\nكان البحر هادئا في ذلك الصباح.\nجلس الصياد على الشاطئ ينتظر.".into(),
                notice: None,
            },
            Imported {
                title: "الفصل الثاني: المدينة".into(),
                text: "الفصل الثاني: المدينة\nفي المدينة كانت الشوارع مزدحمة.".into(),
                notice: None,
            },
        ])
    );
    // Recognised by its content too, whatever it is called.
    let renamed = import_file(&scratch.file("book.bin", &sample_epub()));
    assert_eq!(renamed.map(|c| c.len()), Ok(2));
}

mod any_bytes {
    //! Whatever a file holds, importing it ends in texts or a message, never a panic.

    use dars::import::{article_from_html, chapters_from_epub, text_from_file_bytes};
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};

    fn config() -> Config {
        Config {
            cases: 256,
            rng_seed: RngSeed::Fixed(12),
            failure_persistence: None,
            ..Config::default()
        }
    }

    /// Bytes that look a little like each kind of file, so the parsers get past their first checks.
    fn bytes_like(prefix: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(any::<u8>(), 0..400).prop_map(move |mut tail| {
            let mut bytes = prefix.to_vec();
            bytes.append(&mut tail);
            bytes
        })
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn text(bytes in bytes_like(b"")) {
            let _ = text_from_file_bytes("t.txt", &bytes);
        }

        #[test]
        fn utf16_text(bytes in bytes_like(b"\xff\xfe")) {
            let _ = text_from_file_bytes("t.txt", &bytes);
        }

        #[test]
        fn html(bytes in bytes_like(b"<html><meta charset=windows-1256><body><p>")) {
            let _ = article_from_html("p.html", &bytes, None, None);
        }

        #[test]
        fn arabic_markup(page in "[<>/pdivh1 =\"\\u0627-\\u064a\\n]{0,400}") {
            let _ = article_from_html("p.html", page.as_bytes(), Some("utf-8"), Some("http://127.0.0.1/"));
        }

        #[test]
        fn epub(bytes in bytes_like(b"PK\x03\x04\x14\0\0\0\0\0")) {
            let _ = chapters_from_epub("b.epub", &bytes);
        }
    }
}
