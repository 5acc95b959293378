//! What the fuzz harnesses share: a seeded proptest runner that writes a failing input to a file and prints its time, the number of cases a normal test run takes, and shards (`DARS_FUZZ_SHARD`) to share a run between processes.

use std::time::Instant;

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};

/// A million cases: the fuzzing run (`cargo test --release -- --ignored fuzz`).
pub const MILLION: u32 = 1_000_000;

/// Runs `check` on `cases` values of `strategy`, and prints how long that took.
pub fn fuzz<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    check: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let (shard, shards) = shard();
    let cases = cases / shards;
    let config = Config {
        cases,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::ChaCha,
        ..Config::default()
    };
    // A fixed seed: the same cases on every run, so a failure can always be replayed. Shard 0
    // is the run without shards; each other shard has its own seed.
    let rng = if shard == 0 {
        TestRng::deterministic_rng(config.rng_algorithm)
    } else {
        let mut seed = [0x5A; 32];
        seed[..4].copy_from_slice(&shard.to_le_bytes());
        TestRng::from_seed(RngAlgorithm::ChaCha, &seed)
    };
    let name = &format!("{name} (shard {shard} of {shards})");
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

/// `DARS_FUZZ_SHARD=k/n`: this process runs shard `k` (from 0) of `n`, a share of the cases
/// with a seed of its own, so that `n` processes share a million cases between the cores.
/// Without it, one shard of one.
fn shard() -> (u32, u32) {
    let Ok(spec) = std::env::var("DARS_FUZZ_SHARD") else {
        return (0, 1);
    };
    let parsed = spec
        .split_once('/')
        .and_then(|(k, n)| Some((k.trim().parse().ok()?, n.trim().parse().ok()?)));
    match parsed {
        Some((k, n)) if k < n => (k, n),
        _ => panic!("DARS_FUZZ_SHARD is k/n with k < n, such as 1/2; not {spec:?}"),
    }
}
