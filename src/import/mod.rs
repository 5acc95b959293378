//! Brings texts in from plain-text files, web pages (saved or fetched) and e-books, free of any GUI.
//!
//! Every importer returns [`Imported`] texts — a title, the text with one paragraph a
//! line, and a notice when something was converted — or an [`ImportError`] whose message
//! says what the person can do about it.

mod epub;
mod html;
mod text;
mod web;

use std::io::Read;
use std::path::Path;

use thiserror::Error;

use crate::analysis::load::{LoadError, MAX_TEXT_BYTES};

pub use epub::chapters_from_epub;
pub use html::article_from_html;
pub use text::{Decoded, decode_text, text_from_file_bytes};
pub use web::{FetchError, FetchOptions, import_url};

/// An e-book may carry images and fonts besides its chapters: it may be larger than a text.
pub const MAX_EPUB_BYTES: u64 = 4 * MAX_TEXT_BYTES as u64;

/// Titles longer than this are cut at a word boundary (a first line may be a whole paragraph).
const MAX_TITLE_CHARS: usize = 80;

/// One text brought in, ready to be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The headline, the chapter's heading, or the first line.
    pub title: String,
    /// The text, one paragraph a line; for a web page or chapter, the headline first.
    pub text: String,
    /// Something the person should know about how the text was read, such as
    /// "Converted from windows-1256 to UTF-8.", for the caller to show.
    pub notice: Option<String>,
}

/// Why a file or page could not be brought in. Nothing is imported when this is returned.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(
        "{name} is not a file Dars can import: it reads plain text (.txt), web pages (.html) and e-books (.epub)."
    )]
    Unsupported { name: String },
    #[error("{name} is not a regular file (a pipe, device or socket): open a file saved on disk.")]
    NotAFile { name: String },
    #[error(
        "{name} is not readable as {encoding}: {detail}. Save it as UTF-8 and import it again."
    )]
    BadEncoding {
        name: String,
        encoding: &'static str,
        detail: String,
    },
    #[error(
        "No article was found in {name}: the page has no block of Arabic text. Copy the article's text and paste it instead."
    )]
    NoArticle { name: String },
    #[error("{name} is not a readable EPUB e-book: {reason}.")]
    BadEpub { name: String, reason: String },
    #[error("{name} has no chapter with Arabic text in it.")]
    NoArabicChapter { name: String },
    #[error(transparent)]
    Fetch(#[from] FetchError),
}

/// The kinds of file Dars imports, told by the extension or, failing that, the first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Text,
    Html,
    Epub,
}

/// Imports a file: a text, a saved web page, or each chapter of an e-book, in reading order.
///
/// # Errors
/// The file cannot be read, is none of the kinds Dars imports, or has no Arabic text.
pub fn import_file(path: &Path) -> Result<Vec<Imported>, ImportError> {
    let name = path.display().to_string();
    let kind_by_name = kind_from_extension(path);
    let limit = if kind_by_name == Some(FileKind::Epub) {
        MAX_EPUB_BYTES
    } else {
        MAX_TEXT_BYTES as u64
    };
    let bytes = read_regular_file(path, &name, limit)?;
    match kind_by_name.or_else(|| kind_from_content(&bytes)) {
        Some(FileKind::Epub) => chapters_from_epub(&name, &bytes),
        Some(FileKind::Html) => article_from_html(&name, &bytes, None, None).map(|t| vec![t]),
        Some(FileKind::Text) | None => match text_from_file_bytes(&name, &bytes) {
            Err(ImportError::Load(LoadError::Binary { .. })) => {
                Err(ImportError::Unsupported { name })
            }
            other => other.map(|t| vec![t]),
        },
    }
}

/// Reads a whole file, refusing folders, pipes and devices (opening a pipe would wait for a
/// writer forever) and anything over `limit` bytes, even one that grows while it is read.
fn read_regular_file(path: &Path, name: &str, limit: u64) -> Result<Vec<u8>, ImportError> {
    let unreadable = |e: std::io::Error| LoadError::Unreadable {
        path: name.to_owned(),
        reason: e.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(LoadError::Unreadable {
            path: name.to_owned(),
            reason: "it is a folder, not a file".into(),
        }
        .into());
    }
    if !meta.is_file() {
        return Err(ImportError::NotAFile {
            name: name.to_owned(),
        });
    }
    let too_large = |size: u64| LoadError::TooLarge {
        path: name.to_owned(),
        size,
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()).into());
    }
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64).into());
    }
    Ok(bytes)
}

fn kind_from_extension(path: &Path) -> Option<FileKind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" | "md" => Some(FileKind::Text),
        "html" | "htm" | "xhtml" | "xht" => Some(FileKind::Html),
        "epub" => Some(FileKind::Epub),
        _ => None,
    }
}

/// A file with another extension (or none) is recognised by how it starts.
fn kind_from_content(bytes: &[u8]) -> Option<FileKind> {
    if bytes.starts_with(b"PK\x03\x04")
        && bytes.get(30..58) == Some(b"mimetypeapplication/epub+zip")
    {
        return Some(FileKind::Epub);
    }
    let head = &bytes[..bytes.len().min(512)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let head = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    (head.starts_with("<!doctype html") || head.starts_with("<html")).then_some(FileKind::Html)
}

/// A title from the first line that has any letters, cut at a word boundary when long.
#[must_use]
pub fn title_from_text(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|line| line.chars().any(char::is_alphanumeric))
        .unwrap_or_default();
    shorten_title(line)
}

/// Cuts a long title after the last whole word that fits, and marks the cut with "…".
fn shorten_title(title: &str) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.chars().count() <= MAX_TITLE_CHARS {
        return title;
    }
    let mut out = String::new();
    for word in title.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > MAX_TITLE_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = title.chars().take(MAX_TITLE_CHARS).collect();
    }
    out.push('…');
    out
}

/// One paragraph a line, trimmed, with no empty lines: the shape of the texts Dars reads.
fn one_paragraph_a_line(text: &str) -> String {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The headline followed by the body, unless the body already starts with it.
fn with_headline(title: &str, body: &str) -> String {
    let first_line = body.lines().next().unwrap_or_default();
    if title.is_empty() || first_line.trim() == title.trim() {
        body.to_owned()
    } else {
        format!("{title}\n{body}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_first_line_makes_a_short_title() {
        let line = "كلمة ".repeat(40);
        let title = title_from_text(&format!("\n  \n{line}\nالثاني"));
        assert!(title.ends_with('…'));
        assert!(title.chars().count() <= MAX_TITLE_CHARS + 1);
        assert!(title.starts_with("كلمة كلمة"));
        assert_eq!(title_from_text("---\nعنوان قصير\nنص"), "عنوان قصير");
    }

    #[test]
    fn paragraphs_become_lines() {
        assert_eq!(one_paragraph_a_line("  أ  ب \n\n\n ج\t د \n"), "أ ب\nج د");
        assert_eq!(with_headline("عنوان", "عنوان\nنص"), "عنوان\nنص");
        assert_eq!(with_headline("عنوان", "نص"), "عنوان\nنص");
    }
}
