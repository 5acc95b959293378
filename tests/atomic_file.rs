//! Writing a file never destroys what is at its path: devices and FIFOs are written through,
//! links followed, folders and disks refused, a full disk keeps the old file.
#![cfg(unix)]

mod common;

use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _};
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use common::{Scratch, is_root, mkfifo, mknod};
use dars::atomic_file::{STALE_TEMP_AGE, explain, write_atomically};

/// Runs `write` on a thread and fails the test if it has not returned within a few seconds
/// (a blocking open of a FIFO would otherwise hang the test run).
fn within_seconds<T: Send + 'static>(write: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(write());
    });
    rx.recv_timeout(Duration::from_secs(20))
        .expect("the write returned instead of waiting")
}

#[test]
fn a_regular_file_is_replaced_and_keeps_its_permissions() {
    let dir = Scratch::new("atomic-mode");
    let path = dir.join("progress.json");
    std::fs::write(&path, "old").expect("written");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    write_atomically(&path, b"new").expect("replaced");
    assert_eq!(std::fs::read(&path).expect("read"), b"new");
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(dir.names(), vec!["progress.json"]);
}

#[test]
fn a_fifo_a_program_reads_is_written_through_and_stays_a_fifo() {
    let dir = Scratch::new("atomic-fifo");
    let fifo = dir.join("pipe");
    mkfifo(&fifo);
    // The reader has the FIFO open before the write starts (as `cat pipe` would be waiting):
    // opened without blocking, then made to block for the read.
    let (opened, ready) = std::sync::mpsc::channel();
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || {
        use std::io::Read as _;
        use std::os::unix::fs::OpenOptionsExt as _;
        let nonblocking = rustix::fs::OFlags::NONBLOCK;
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(i32::try_from(nonblocking.bits()).expect("flag"))
            .open(reader_path)
            .expect("open the FIFO");
        let flags = rustix::fs::fcntl_getfl(&file).expect("flags");
        rustix::fs::fcntl_setfl(&file, flags.difference(nonblocking)).expect("blocking");
        opened.send(()).expect("signal");
        // With no writer yet, a FIFO reads as ended: wait for the first bytes, then read to
        // the writer's close.
        let mut bytes = Vec::new();
        for _ in 0..2000 {
            file.read_to_end(&mut bytes).expect("read the FIFO");
            if !bytes.is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        file.read_to_end(&mut bytes).expect("read the FIFO");
        bytes
    });
    ready.recv().expect("the reader opened the FIFO");
    // Bigger than a pipe's buffer: the writer must wait for the reader, not fail.
    let bytes = vec![b'x'; 300_000];
    let target = fifo.clone();
    let written = bytes.clone();
    within_seconds(move || write_atomically(&target, &written)).expect("written through");
    assert_eq!(reader.join().expect("reader"), bytes);
    assert!(
        std::fs::metadata(&fifo)
            .expect("meta")
            .file_type()
            .is_fifo()
    );
    assert_eq!(dir.names(), vec!["pipe"]);
}

#[test]
fn a_fifo_nobody_reads_is_refused_at_once() {
    let dir = Scratch::new("atomic-fifo-alone");
    let fifo = dir.join("pipe");
    mkfifo(&fifo);
    let target = fifo.clone();
    let error = within_seconds(move || write_atomically(&target, b"x")).expect_err("refused");
    assert!(explain(&error).contains("no program is reading"), "{error}");
    assert!(
        std::fs::metadata(&fifo)
            .expect("meta")
            .file_type()
            .is_fifo()
    );
}

#[test]
fn dev_null_is_written_through_and_stays_a_device() {
    if is_root() {
        // A regression would replace the machine's /dev/null: as root, the mknod test
        // below checks the same on a device of its own.
        eprintln!("skipped as root: see a_character_device_made_with_mknod_is_written_through");
        return;
    }
    write_atomically(Path::new("/dev/null"), b"nothing").expect("written through");
    let meta = std::fs::metadata("/dev/null").expect("meta");
    assert!(meta.file_type().is_char_device());
}

#[test]
fn a_character_device_made_with_mknod_is_written_through() {
    let dir = Scratch::new("atomic-mknod");
    let null = dir.join("null");
    // 1:3 is /dev/null on Linux.
    if !mknod(&null, rustix::fs::FileType::CharacterDevice, 1, 3) {
        return;
    }
    write_atomically(&null, b"nothing").expect("written through");
    assert!(
        std::fs::metadata(&null)
            .expect("meta")
            .file_type()
            .is_char_device()
    );
    assert_eq!(dir.names(), vec!["null"]);
}

#[test]
fn a_block_device_is_refused_and_never_opened() {
    let dir = Scratch::new("atomic-block");
    let disk = dir.join("disk");
    // Major 240 is for local use: no real disk answers there even if a bug opened it.
    if !mknod(&disk, rustix::fs::FileType::BlockDevice, 240, 0) {
        return;
    }
    let error = write_atomically(&disk, b"x").expect_err("refused");
    assert!(explain(&error).contains("disk"), "{error}");
    assert!(
        std::fs::metadata(&disk)
            .expect("meta")
            .file_type()
            .is_block_device()
    );
}

#[test]
fn a_symlink_is_followed_and_its_target_replaced_beside_it() {
    let dir = Scratch::new("atomic-link");
    std::fs::create_dir_all(dir.join("real")).expect("folder");
    let target = dir.join("real").join("deck.csv");
    std::fs::write(&target, "old").expect("written");
    let link = dir.join("deck.csv");
    std::os::unix::fs::symlink("real/deck.csv", &link).expect("link");
    write_atomically(&link, b"new").expect("written");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&target).expect("read"), b"new");
    assert_eq!(dir.names(), vec!["deck.csv", "real"]);
    let beside_target = std::fs::read_dir(dir.join("real")).map_or(0, Iterator::count);
    assert_eq!(beside_target, 1, "no temporary file left beside the target");
}

#[test]
fn a_dangling_symlink_gets_its_target_created() {
    let dir = Scratch::new("atomic-dangling");
    let link = dir.join("deck.csv");
    std::os::unix::fs::symlink("made.csv", &link).expect("link");
    write_atomically(&link, b"new").expect("written");
    assert_eq!(std::fs::read(dir.join("made.csv")).expect("read"), b"new");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_folder_is_refused_and_left_as_it_is() {
    let dir = Scratch::new("atomic-folder");
    let folder = dir.join("deck.csv");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::write(folder.join("inside"), "kept").expect("written");
    let error = write_atomically(&folder, b"x").expect_err("refused");
    assert!(explain(&error).contains("folder"), "{error}");
    assert_eq!(std::fs::read(folder.join("inside")).expect("kept"), b"kept");
}

#[test]
fn stale_temporary_files_of_ours_are_removed_and_nothing_else() {
    let dir = Scratch::new("atomic-stale");
    let long_ago = SystemTime::now() - STALE_TEMP_AGE - Duration::from_secs(3600);
    let make = |name: &str, old: bool| {
        let file = std::fs::File::create(dir.join(name)).expect("created");
        if old {
            file.set_modified(long_ago).expect("mtime");
        }
    };
    make(".deck.csv.4242.tmp", true); // a crash's leftover: removed
    make(".deck.csv.4242.3.tmp", true); // likewise
    make(".deck.csv.5151.tmp", false); // recent: another writer may be at work
    make(".deck.csv.tmp", true); // not our pattern
    make(".other.csv.4242.tmp", true); // another file's
    make("notes.txt", true);
    write_atomically(&dir.join("deck.csv"), b"new").expect("written");
    assert_eq!(
        dir.names(),
        vec![
            ".deck.csv.5151.tmp",
            ".deck.csv.tmp",
            ".other.csv.4242.tmp",
            "deck.csv",
            "notes.txt"
        ]
    );
}

/// A tiny tmpfs, unmounted when dropped.
struct TinyDisk(Scratch);

impl TinyDisk {
    fn mount() -> Option<Self> {
        let dir = Scratch::new("atomic-full");
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
            .arg(&dir.0)
            .status()
            .is_ok_and(|s| s.success());
        if mounted {
            Some(Self(dir))
        } else {
            eprintln!("skipped: cannot mount a small tmpfs here (needs root)");
            None
        }
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0.0).status();
    }
}

#[test]
fn a_full_disk_keeps_the_old_file_and_says_so() {
    let Some(disk) = TinyDisk::mount() else {
        return;
    };
    let path = disk.0.join("deck.csv");
    std::fs::write(&path, "old deck").expect("written");
    let error = write_atomically(&path, &vec![b'x'; 1_000_000]).expect_err("disk full");
    assert!(explain(&error).contains("disk is full"), "{error}");
    assert_eq!(std::fs::read(&path).expect("kept"), b"old deck");
    assert_eq!(disk.0.names(), vec!["deck.csv"], "no temporary file left");
}

#[test]
fn dev_full_reports_a_full_disk() {
    let error = write_atomically(Path::new("/dev/full"), b"x").expect_err("disk full");
    assert!(explain(&error).contains("disk is full"), "{error}");
}

#[test]
fn opening_the_progress_store_removes_stale_temporaries_of_any_progress_file() {
    let dir = Scratch::new("atomic-store");
    let progress = dir.join("progress");
    std::fs::create_dir_all(&progress).expect("folder");
    let long_ago = SystemTime::now() - STALE_TEMP_AGE - Duration::from_secs(3600);
    for (name, old) in [
        (".0f3a.json.4242.tmp", true),  // a crash's leftover: removed
        (".9bc1.json.77.2.tmp", true),  // likewise
        (".0f3a.json.5151.tmp", false), // recent: a save may be at work
        ("0f3a.json", true),            // the progress itself
        ("0f3a.json.corrupt-1", true),  // set aside, kept for the user
        (".notes.tmp", true),           // not our pattern
    ] {
        let file = std::fs::File::create(progress.join(name)).expect("created");
        if old {
            file.set_modified(long_ago).expect("mtime");
        }
    }
    let _store = dars::study::ProgressStore::in_dir(&dir.0);
    let mut left: Vec<String> = std::fs::read_dir(&progress)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    left.sort();
    assert_eq!(
        left,
        vec![
            ".0f3a.json.5151.tmp",
            ".notes.tmp",
            "0f3a.json",
            "0f3a.json.corrupt-1"
        ]
    );
}
