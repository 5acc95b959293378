//! Reads a text file, turning every way it can be unusable into a message a person can act on.

use std::path::Path;

use thiserror::Error;

use crate::arabic::script::has_arabic;

/// Texts larger than this are refused: a news article is a few kilobytes, a book a few megabytes.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Why a file cannot be opened as a text.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum LoadError {
    #[error("Could not read {path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path} is empty: there is nothing to read.")]
    Empty { path: String },
    #[error("{path} looks like a binary file, not text. Open a plain-text (.txt) file.")]
    Binary { path: String },
    #[error(
        "{path} is not UTF-8 text (invalid byte at offset {offset}). Save it as UTF-8 and open it again."
    )]
    NotUtf8 { path: String, offset: usize },
    #[error("{path} is too large ({size} bytes; at most {max} bytes).", max = MAX_TEXT_BYTES)]
    TooLarge { path: String, size: u64 },
    #[error("{path} has no Arabic text in it. Dars reads Arabic: open an Arabic text file.")]
    NoArabic { path: String },
}

/// Reads and checks a text file.
///
/// # Errors
/// Any reason the file is not a usable Arabic text (see [`LoadError`]).
pub fn load_text(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let unreadable = |e: std::io::Error| LoadError::Unreadable {
        path: name.clone(),
        reason: e.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(LoadError::Unreadable {
            path: name,
            reason: "it is a folder, not a file".into(),
        });
    }
    if meta.len() > MAX_TEXT_BYTES as u64 {
        return Err(LoadError::TooLarge {
            path: name,
            size: meta.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    text_from_bytes(&name, bytes)
}

/// Checks bytes that claim to be an Arabic text.
///
/// # Errors
/// Empty, binary, non-UTF-8, oversized, or without Arabic.
pub fn text_from_bytes(name: &str, bytes: Vec<u8>) -> Result<String, LoadError> {
    let path = name.to_owned();
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(LoadError::TooLarge {
            path,
            size: bytes.len() as u64,
        });
    }
    if looks_binary(&bytes) {
        return Err(LoadError::Binary { path });
    }
    let text = String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        path: path.clone(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .is_empty()
    {
        return Err(LoadError::Empty { path });
    }
    if !has_arabic(&text) {
        return Err(LoadError::NoArabic { path });
    }
    Ok(text)
}

/// NUL bytes, or many control characters in the first few kilobytes, mean binary data.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    head.contains(&0) || controls * 20 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bad_input_has_its_message() {
        let err = |b: &[u8]| text_from_bytes("f.txt", b.to_vec()).err();
        assert_eq!(
            err(b""),
            Some(LoadError::Empty {
                path: "f.txt".into()
            })
        );
        assert_eq!(
            err(b"  \n\r\n"),
            Some(LoadError::Empty {
                path: "f.txt".into()
            })
        );
        assert_eq!(
            err(b"\x89PNG\r\n\x1a\n\0\0\0"),
            Some(LoadError::Binary {
                path: "f.txt".into()
            })
        );
        assert_eq!(
            err(b"abc \xff\xfe"),
            Some(LoadError::NotUtf8 {
                path: "f.txt".into(),
                offset: 4
            })
        );
        assert_eq!(
            err(b"hello world"),
            Some(LoadError::NoArabic {
                path: "f.txt".into()
            })
        );
        assert_eq!(err("\u{FEFF}مرحبا\r\n".as_bytes()), None);
    }

    #[test]
    fn a_missing_file_says_why() {
        let e = load_text(Path::new("/nonexistent/x.txt"))
            .err()
            .map(|e| e.to_string());
        assert!(e.is_some_and(|m| m.contains("Could not read /nonexistent/x.txt")));
    }
}
