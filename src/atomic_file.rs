//! Writes files so that a crash, a full disk or a read-only folder never leaves a half-written one.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk, then renames it
/// over `path`. On any failure the temporary file is removed and `path` is untouched.
///
/// # Errors
/// Whatever the file system says (no such folder, permission denied, disk full…).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temp = temp_path(path);
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
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
}
