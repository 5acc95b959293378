//! What the fuzz harnesses share: a seeded proptest runner that writes a failing input to a file and prints its time, and the number of cases a normal test run takes.

use std::time::Instant;

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRng, TestRunner};

/// A million cases: the fuzzing run (`cargo test --release -- --ignored fuzz`).
pub const MILLION: u32 = 1_000_000;

/// Runs `check` on `cases` values of `strategy`, and prints how long that took.
pub fn fuzz<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    check: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    // A fixed seed: the same cases on every run, so a failure can always be replayed.
    let rng = TestRng::deterministic_rng(config.rng_algorithm);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let start = Instant::now();
    match runner.run(&strategy, check) {
        Ok(()) => {}
        // The smallest failing input can be megabytes: it goes to a file, not the terminal.
        Err(TestError::Fail(reason, input)) => {
            let file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
                .join(format!("fuzz-{}.txt", name.replace(' ', "-")));
            let _ = std::fs::write(&file, format!("{reason}\n{input:?}\n"));
            panic!("{name}: {reason}; the input is in {}", file.display());
        }
        Err(TestError::Abort(reason)) => panic!("{name}: aborted: {reason}"),
    }
    eprintln!(
        "{name}: {cases} cases in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

/// `default`, or `DARS_FUZZ_CASES` (to explore more while working).
pub fn quick(default: u32) -> u32 {
    std::env::var("DARS_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}
