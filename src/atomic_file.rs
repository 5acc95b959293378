//! Writes files whole or not at all, and never replaces anything but a regular file.
//!
//! A regular file (or a new one) is written to a temporary file beside it and renamed over
//! it, so a crash or a full disk leaves the old file as it was. A symbolic link is followed
//! and its target replaced that way. A character device or a named pipe (`/dev/null`, a
//! FIFO another program reads) is written through, as `cp` does: renaming over one would
//! replace the device itself. Folders, block devices (disks) and sockets are refused.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A temporary file of ours older than this, beside a file being written, was left by a
/// crash: no write takes this long.
pub const STALE_TEMP_AGE: Duration = Duration::from_secs(60 * 60);

/// How many symbolic links are followed before giving up (as the kernel's `ELOOP` limit).
const MAX_LINKS: usize = 40;

/// Writes `bytes` to `path` (see the module's description for what happens to each kind of
/// file). On failure a regular file at `path` is untouched and no temporary file is left.
///
/// # Errors
/// Whatever the file system says (no such folder, permission denied, disk full…), or a
/// refusal when `path` is a folder, a disk or a socket.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// Like [`write_atomically`], for output produced piece by piece (a PNG written row by row):
/// `write` gets a buffered writer, and any error it returns aborts the write.
///
/// # Errors
/// As [`write_atomically`], or the error `write` returned.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    match destination(path)? {
        Destination::Replace(real) => replace(&real, write),
        Destination::WriteThrough => write_through(path, write),
    }
}

/// What writing to a path means.
enum Destination {
    /// A regular file, or nothing yet, at this path (symbolic links resolved): replace it.
    Replace(PathBuf),
    /// A character device or a named pipe: open it and write into it.
    WriteThrough,
}

fn destination(path: &Path) -> io::Result<Destination> {
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::metadata(&path) {
            Ok(meta) => return existing_destination(&path, &meta.file_type()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        // Nothing there, or a symbolic link to nothing: the file is created where it points.
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(Destination::Replace(path)),
        }
    }
    Err(io::Error::other("it is a chain of too many symbolic links"))
}

fn existing_destination(path: &Path, kind: &std::fs::FileType) -> io::Result<Destination> {
    let refuse = |kind, what: &str| Err(io::Error::new(kind, what.to_owned()));
    if kind.is_file() {
        // Through a link, the rename must happen beside the file itself.
        let linked = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        let real = if linked {
            std::fs::canonicalize(path)?
        } else {
            path.to_path_buf()
        };
        return Ok(Destination::Replace(real));
    }
    if kind.is_dir() {
        return refuse(io::ErrorKind::IsADirectory, "it is a folder, not a file");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() || kind.is_char_device() {
            return Ok(Destination::WriteThrough);
        }
        if kind.is_block_device() {
            return refuse(
                io::ErrorKind::InvalidInput,
                "it is a disk (a block device), which Dars never writes to",
            );
        }
        if kind.is_socket() {
            return refuse(io::ErrorKind::InvalidInput, "it is a socket, not a file");
        }
    }
    refuse(io::ErrorKind::InvalidInput, "it is not a regular file")
}

/// Writes a temporary file beside `real`, flushes it to disk and renames it over `real`.
fn replace(real: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    remove_stale_temps(real, SystemTime::now());
    let (file, temp) = create_temp(real)?;
    let result = (|| {
        if let Ok(old) = std::fs::metadata(real) {
            // The new file keeps the old one's permissions (a private file stays private).
            file.set_permissions(old.permissions())?;
        }
        let mut out = BufWriter::new(file);
        write(&mut out)?;
        let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, real)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Creates a new temporary file beside `path`. `create_new` never opens what is already
/// there: a link planted at the temporary name cannot redirect the write.
fn create_temp(path: &Path) -> io::Result<(File, PathBuf)> {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let pid = std::process::id();
    loop {
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        // The pattern `is_our_temp` recognises; the first of a process has no counter,
        // which is also the name earlier versions used.
        let temp_name = if n == 0 {
            format!(".{name}.{pid}.tmp")
        } else {
            format!(".{name}.{pid}.{n}.tmp")
        };
        let temp = path.with_file_name(temp_name);
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((file, temp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => {}
            Err(e) => return Err(e),
        }
    }
}

/// True for `.NAME.DIGITS.tmp` and `.NAME.DIGITS.DIGITS.tmp`: the temporary files Dars
/// writes beside `NAME`.
fn is_our_temp(file: &str, name: &str) -> bool {
    let Some(middle) = file
        .strip_prefix('.')
        .and_then(|f| f.strip_prefix(name))
        .and_then(|f| f.strip_prefix('.'))
        .and_then(|f| f.strip_suffix(".tmp"))
    else {
        return false;
    };
    let parts: Vec<&str> = middle.split('.').collect();
    parts.len() <= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Removes our temporary files beside `path` that a crash left (older than
/// [`STALE_TEMP_AGE`] at `now`). Anything else, and anything recent, is left alone.
pub fn remove_stale_temps(path: &Path, now: SystemTime) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let name = name.to_string_lossy();
    remove_old_temps(dir, now, |file| is_our_temp(file, &name));
}

/// Removes our temporary files in `dir`, whatever file they were for, that a crash left
/// (older than [`STALE_TEMP_AGE`] at `now`): for a folder Dars owns, such as saved progress.
pub fn remove_stale_temps_in(dir: &Path, now: SystemTime) {
    remove_old_temps(dir, now, |file| {
        // `.NAME.DIGITS.tmp` or `.NAME.DIGITS.DIGITS.tmp`, whatever NAME is.
        let Some(inner) = file.strip_prefix('.').and_then(|f| f.strip_suffix(".tmp")) else {
            return false;
        };
        let mut parts = inner.rsplitn(3, '.');
        let (Some(last), Some(before)) = (parts.next(), parts.next()) else {
            return false;
        };
        let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        let name = if digits(before) {
            parts.next()
        } else {
            Some(before)
        };
        digits(last) && name.is_some_and(|n| !n.is_empty())
    });
}

fn remove_old_temps(dir: &Path, now: SystemTime, ours: impl Fn(&str) -> bool) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        if !ours(&file.to_string_lossy()) {
            continue;
        }
        // symlink_metadata: only our own regular files, never what a link points to.
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > STALE_TEMP_AGE);
        if meta.file_type().is_file() && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes into a character device or a named pipe, as `cp` does.
fn write_through(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let file = open_for_writing_through(path)?;
    let mut out = BufWriter::new(file);
    write(&mut out)?;
    out.flush()
}

#[cfg(unix)]
fn open_for_writing_through(path: &Path) -> io::Result<File> {
    use rustix::fs::OFlags;
    use std::os::unix::fs::{FileTypeExt as _, OpenOptionsExt as _};
    // Opening a pipe nobody reads would wait forever; non-blocking, it fails at once (ENXIO).
    #[expect(
        clippy::cast_possible_wrap,
        reason = "open(2) flags are small positive bits"
    )]
    let nonblocking = OFlags::NONBLOCK.bits() as i32;
    let file = OpenOptions::new()
        .write(true)
        .custom_flags(nonblocking)
        .open(path)
        .map_err(|e| {
            if e.raw_os_error() == Some(rustix::io::Errno::NXIO.raw_os_error()) {
                io::Error::new(
                    io::ErrorKind::BrokenPipe,
                    "it is a named pipe (FIFO) that no program is reading from",
                )
            } else {
                e
            }
        })?;
    // It may have been replaced between the check and the open.
    let kind = file.metadata()?.file_type();
    if !(kind.is_fifo() || kind.is_char_device()) {
        return Err(io::Error::other("it changed while being opened: try again"));
    }
    // Writes then wait for the reader, as they would on an ordinary pipe.
    let flags = rustix::fs::fcntl_getfl(&file)?;
    rustix::fs::fcntl_setfl(&file, flags.difference(OFlags::NONBLOCK))?;
    Ok(file)
}

#[cfg(not(unix))]
fn open_for_writing_through(path: &Path) -> io::Result<File> {
    OpenOptions::new().write(true).open(path)
}

/// Why a write failed, in words that say what to do about it.
#[must_use]
pub fn explain(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "the disk is full. Free some space or choose another disk".into()
        }
        io::ErrorKind::PermissionDenied => {
            "permission denied. Choose a folder that you may write to".into()
        }
        io::ErrorKind::NotFound => "the folder does not exist. Choose a folder that exists".into(),
        io::ErrorKind::NotADirectory => {
            "part of the path is a file, not a folder. Choose a folder that exists".into()
        }
        io::ErrorKind::ReadOnlyFilesystem => {
            "the disk is read-only. Choose a folder that you may write to".into()
        }
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces() {
        let dir = std::env::temp_dir().join(format!("dars-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok();
        let path = dir.join("a.txt");
        write_atomically(&path, b"one").ok();
        write_atomically(&path, b"two").ok();
        assert_eq!(std::fs::read(&path).ok(), Some(b"two".to_vec()));
        let leftovers = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        assert_eq!(leftovers, 1);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_missing_folder_fails_and_leaves_nothing() {
        let path = Path::new("/nonexistent-dars-dir/x.png");
        assert!(write_atomically(path, b"x").is_err());
        assert!(!path.exists());
    }

    #[test]
    fn only_our_own_temporary_names_are_recognised() {
        assert!(is_our_temp(".deck.csv.1234.tmp", "deck.csv"));
        assert!(is_our_temp(".deck.csv.1234.7.tmp", "deck.csv"));
        assert!(!is_our_temp(".deck.csv.tmp", "deck.csv"));
        assert!(!is_our_temp(".deck.csv.12a.tmp", "deck.csv"));
        assert!(!is_our_temp(".deck.csv.1.2.3.tmp", "deck.csv"));
        assert!(!is_our_temp("deck.csv.1234.tmp", "deck.csv"));
        assert!(!is_our_temp(".other.csv.1234.tmp", "deck.csv"));
        assert!(!is_our_temp(".deck.csv.1234.tmp.bak", "deck.csv"));
    }
}
