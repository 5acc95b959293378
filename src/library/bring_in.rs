//! Texts made ready for the library from a file, a web address, piped bytes or a paste: imported, analysed and counted, before one short transaction adds them.
//!
//! The GUI runs these on a thread (analysis takes a while for a book) and adds the result on
//! the window's thread; `dars library add` calls the same functions.

use std::path::Path;

use super::{LibraryError, NewText, Source, SourceKind, TextWords};
use crate::analysis::{Document, analyze};
use crate::arabic::script::has_arabic;
use crate::import::{
    FetchOptions, ImportError, Imported, import_file, import_url, text_from_file_bytes,
    title_from_text,
};

/// Texts ready to add, with what the person should know about how they were read
/// ("Converted from windows-1256 to UTF-8.").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub texts: Vec<NewText>,
    pub notices: Vec<String>,
}

/// Analyses an imported text and counts its words. `title`, when given and not blank,
/// replaces the imported one.
#[must_use]
pub fn prepare(imported: Imported, source: Source, title: Option<&str>) -> NewText {
    let doc = Document::new(source.document_source(), imported.text);
    let words = TextWords::of(&doc, &analyze(&doc));
    let title = title
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map_or(imported.title, str::to_owned);
    NewText {
        title,
        text: doc.text,
        source,
        words,
    }
}

fn prepared(texts: Vec<Imported>, source: &Source, title: Option<&str>) -> Prepared {
    let mut notices: Vec<String> = texts.iter().filter_map(|t| t.notice.clone()).collect();
    notices.dedup();
    let several = texts.len() > 1;
    let texts = texts
        .into_iter()
        .map(|imported| {
            // A title given for a book names each of its chapters: "Title: chapter".
            let title = title.map(str::trim).filter(|t| !t.is_empty()).map(|t| {
                if several {
                    format!("{t}: {}", imported.title)
                } else {
                    t.to_owned()
                }
            });
            prepare(imported, source.clone(), title.as_deref())
        })
        .collect();
    Prepared { texts, notices }
}

/// A text file, a saved web page, or every chapter of an e-book.
///
/// # Errors
/// What [`import_file`] says: unreadable, not a kind Dars imports, no Arabic.
pub fn texts_from_file(path: &Path, title: Option<&str>) -> Result<Prepared, ImportError> {
    let texts = import_file(path)?;
    let source = Source::new(SourceKind::File, path.display().to_string());
    Ok(prepared(texts, &source, title))
}

/// The article of a web page.
///
/// # Errors
/// What [`import_url`] says: every way a fetch fails, and pages with no article.
pub fn texts_from_url(
    url: &str,
    options: &FetchOptions,
    title: Option<&str>,
) -> Result<Prepared, ImportError> {
    let text = import_url(url, options)?;
    let source = Source::new(SourceKind::Web, url.trim());
    Ok(prepared(vec![text], &source, title))
}

/// Bytes piped in (`dars library add --stdin`), in any encoding a text file may have.
///
/// # Errors
/// Empty, binary, or without Arabic.
pub fn texts_from_stdin(bytes: &[u8], title: Option<&str>) -> Result<Prepared, ImportError> {
    let text = text_from_file_bytes("standard input", bytes)?;
    Ok(prepared(
        vec![text],
        &Source::new(SourceKind::Stdin, ""),
        title,
    ))
}

/// A pasted text with the title typed for it (the first line's when blank).
///
/// # Errors
/// Nothing Arabic to add.
pub fn text_from_paste(title: &str, text: &str) -> Result<NewText, LibraryError> {
    let text: String = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    if !has_arabic(&text) {
        return Err(LibraryError::NothingToAdd(
            "the pasted text has no Arabic in it. Copy an Arabic article and paste again.".into(),
        ));
    }
    let title = if title.trim().is_empty() {
        title_from_text(&text)
    } else {
        title.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let imported = Imported {
        title,
        text,
        notice: None,
    };
    Ok(prepare(
        imported,
        Source::new(SourceKind::Clipboard, ""),
        None,
    ))
}
