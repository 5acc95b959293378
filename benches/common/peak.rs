//! Peak memory of one run of something, for the scale benches (Linux; unknown elsewhere).

use std::time::Instant;

/// A line of `/proc/self/status` in kilobytes.
fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs `f` once: its result, the seconds it took, and the peak resident memory above what
/// the process held before, in MB.
pub fn once<T>(f: impl FnOnce() -> T) -> (T, f64, Option<f64>) {
    // Writing 5 to clear_refs resets the peak (VmHWM) to the current resident size.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = status_kb("VmRSS:");
    let start = Instant::now();
    let out = f();
    let seconds = start.elapsed().as_secs_f64();
    #[expect(clippy::cast_precision_loss, reason = "a figure to print")]
    let peak = match (status_kb("VmHWM:"), before) {
        (Some(peak), Some(before)) => Some(peak.saturating_sub(before) as f64 / 1024.0),
        _ => None,
    };
    (out, seconds, peak)
}
