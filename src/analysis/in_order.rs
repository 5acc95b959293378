//! The analysis's passes that take one sentence, paragraph, spelling or word at a time, on
//! every core: results come back in order, so they are the same on one core or many.

use rayon::prelude::*;

/// Sentences in a piece of a pass that takes one sentence at a time (names, relations, the
/// choice of readings, translations).
pub(crate) const SENTENCES_PER_PIECE: usize = 64;

/// `f(i)` for every `i` in `0..n`, in order. Runs on the pool's threads in pieces of at least
/// `piece` items when there are more than that; on the caller's thread otherwise, since
/// handing a small job to the pool (waking a thread, waiting for it) costs more than the job:
/// a short article is analysed without leaving its thread.
pub(crate) fn map_in_order<T: Send>(
    n: usize,
    piece: usize,
    f: impl Fn(usize) -> T + Sync + Send,
) -> Vec<T> {
    if n <= piece || rayon::current_num_threads() < 2 {
        (0..n).map(f).collect()
    } else {
        (0..n).into_par_iter().with_min_len(piece).map(f).collect()
    }
}

/// `(a(), b())`: side by side on the pool when `large` (two passes that need nothing of each
/// other, where one has stretches on a single core), one after the other on the caller's
/// thread otherwise, as [`map_in_order`] does for a short text.
pub(crate) fn both<A: Send, B: Send>(
    large: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if large && rayon::current_num_threads() >= 2 {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}
