//! What the tests of bad inputs share: scratch folders, FIFOs and devices, and running `dars` with a deadline.

#![allow(dead_code, reason = "each test file uses some of these")]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A fresh folder for one test, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("dars-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        Self(dir)
    }

    pub fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// The names in the folder, sorted.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Makes a named pipe.
pub fn mkfifo(path: &Path) {
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        path,
        rustix::fs::Mode::from_raw_mode(0o600),
    )
    .expect("mkfifo");
}

/// Makes a device node, as only root may; `false` (and a note on stderr) otherwise.
pub fn mknod(path: &Path, file_type: rustix::fs::FileType, major: u32, minor: u32) -> bool {
    match rustix::fs::mknodat(
        rustix::fs::CWD,
        path,
        file_type,
        rustix::fs::Mode::from_raw_mode(0o666),
        rustix::fs::makedev(major, minor),
    ) {
        Ok(()) => true,
        Err(e) => {
            eprintln!("skipped: cannot make a device node here ({e}); run the tests as root");
            false
        }
    }
}

/// True when the tests run as root (the owner of `/proc/self` is the process's user).
pub fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// `dars` with these arguments, its data folder in `data` (never the user's), stdin empty.
pub fn dars_command(args: &[&str], data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dars"));
    command
        .args(args)
        .env("DARS_DATA_DIR", data)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// How long a command may take before it counts as hung (debug builds on a busy machine).
pub const DEADLINE: Duration = Duration::from_secs(60);

/// Runs `dars`; a run that outlives [`DEADLINE`] is killed and fails the test.
pub fn dars(args: &[&str], data: &Path) -> Output {
    let child = dars_command(args, data).spawn().expect("dars runs");
    finish(child, args)
}

/// Waits for a child with the deadline, collecting its output.
pub fn finish(mut child: Child, what: &[&str]) -> Output {
    let start = Instant::now();
    // Drain the pipes on threads, so a child writing a lot never blocks on them.
    let stdout = child.stdout.take().map(drain);
    let stderr = child.stderr.take().map(drain);
    loop {
        match child.try_wait().expect("wait") {
            Some(status) => {
                let take = |h: Option<std::thread::JoinHandle<Vec<u8>>>| {
                    h.map(|h| h.join().unwrap_or_default()).unwrap_or_default()
                };
                return Output {
                    status,
                    stdout: take(stdout),
                    stderr: take(stderr),
                };
            }
            None if start.elapsed() > DEADLINE => {
                let _ = child.kill();
                panic!("dars {what:?} hung: killed after {DEADLINE:?}");
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}

fn drain(mut pipe: impl std::io::Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A short Arabic text (two sentences the lexicon knows).
pub const ARABIC: &str = "عقد الرئيس الروسي قمة في موسكو. وقال إن القمة مفيدة.\n";

/// Runs `dars` with a data folder inside `dir`.
pub fn run(dir: &Scratch, args: &[&str]) -> Output {
    dars(args, &dir.join("data"))
}

/// The run failed with exit code `code` and said `words` on stderr, and nothing on stdout.
pub fn assert_refused(output: &Output, code: i32, words: &str) {
    let said = stderr(output);
    assert_eq!(output.status.code(), Some(code), "{said}");
    assert!(said.contains(words), "expected {words:?} in: {said}");
    assert!(output.stdout.is_empty());
}

pub fn path_str(path: &std::path::Path) -> &str {
    path.to_str().expect("UTF-8 path")
}
