//! Reads a text file, turning every way it can be unusable into a message a person can act on.

use std::io::Read as _;
use std::path::Path;

use thiserror::Error;

use crate::arabic::script::has_arabic;

/// Texts larger than this are refused: a news article is a few kilobytes, a long book a few
/// megabytes; past this the analysis and the window would keep a person waiting for minutes.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Why a file cannot be opened as a text.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum LoadError {
    #[error("Could not read {path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path} is {what}, not a file. Open a plain-text (.txt) file.")]
    NotAFile { path: String, what: &'static str },
    #[error("{path} is empty: there is nothing to read.")]
    Empty { path: String },
    #[error("{path} looks like a binary file, not text. Open a plain-text (.txt) file.")]
    Binary { path: String },
    #[error(
        "{path} is not UTF-8 text (invalid byte at offset {offset}). Save it as UTF-8 and open it again."
    )]
    NotUtf8 { path: String, offset: usize },
    #[error(
        "{path} is too large ({} MB; Dars opens texts of up to {} MB). Open a part of it.",
        megabytes(*size),
        megabytes(MAX_TEXT_BYTES as u64)
    )]
    TooLarge { path: String, size: u64 },
    #[error("{path} has no Arabic text in it. Dars reads Arabic: open an Arabic text file.")]
    NoArabic { path: String },
}

/// A size in megabytes, rounded up, for messages.
fn megabytes(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}

/// Reads and checks a text file. Only a regular file is opened: a named pipe, a device or a
/// socket could make the read wait forever or never end, and a folder has no text.
///
/// # Errors
/// Any reason the file is not a usable Arabic text (see [`LoadError`]).
pub fn load_text(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let bytes = read_regular_file(path, &name, MAX_TEXT_BYTES as u64)?;
    text_from_bytes(&name, bytes)
}

/// The bytes of a regular file of at most `limit` bytes (`name` is how messages call it).
/// Folders, pipes, devices and sockets are refused before anything is opened; the open
/// never blocks, and the file is checked again once open, so swapping it for a pipe in
/// between cannot make the read wait; a file that grows meanwhile is read only one byte
/// past the limit.
///
/// # Errors
/// Not a regular file, larger than `limit`, or unreadable.
pub fn read_regular_file(path: &Path, name: &str, limit: u64) -> Result<Vec<u8>, LoadError> {
    let unreadable = |e: std::io::Error| LoadError::Unreadable {
        path: name.to_owned(),
        reason: e.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    check_regular_file(name, &meta, limit)?;
    let file = open_without_waiting(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    check_regular_file(name, &meta, limit)?;
    // Sized for the file as it is now: grown by doubling, a 1 MB text held 2 MB.
    let size = usize::try_from(meta.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(size);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge {
            path: name.to_owned(),
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// Refuses anything but a regular file of at most `limit` bytes.
fn check_regular_file(name: &str, meta: &std::fs::Metadata, limit: u64) -> Result<(), LoadError> {
    let not_a_file = |what| {
        Err(LoadError::NotAFile {
            path: name.to_owned(),
            what,
        })
    };
    let kind = meta.file_type();
    if kind.is_dir() {
        return not_a_file("a folder");
    }
    if !kind.is_file() {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if kind.is_fifo() {
                return not_a_file("a named pipe (FIFO)");
            }
            if kind.is_char_device() || kind.is_block_device() {
                return not_a_file("a device");
            }
            if kind.is_socket() {
                return not_a_file("a socket");
            }
        }
        return not_a_file("a special file");
    }
    if meta.len() > limit {
        return Err(LoadError::TooLarge {
            path: name.to_owned(),
            size: meta.len(),
        });
    }
    Ok(())
}

/// Opens for reading without ever waiting: were the file swapped for a named pipe after it
/// was checked, a blocking open would wait for a writer forever.
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        #[expect(
            clippy::cast_possible_wrap,
            reason = "open(2) flags are small positive bits"
        )]
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    options.open(path)
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
