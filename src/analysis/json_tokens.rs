//! The `tokens` array of the analysis JSON, written by hand: it is nine tenths of the output
//! (one record per word, number and mark), and writing it through serde's generic machinery
//! took a third of `dars analyze`. The records are the contract's, byte for byte what serde
//! wrote before (`tests/analysis.rs` checks each against the analysis). Blocks of tokens are written on
//! as many threads as the machine has, and joined in order, so memory stays a few blocks.

use std::io::Write;
use std::ops::Range;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use super::analyze::Analysis;
use super::document::Document;
use crate::arabic::tokenize::TokenKind;

/// Tokens per block: about 3 MB of JSON.
const BLOCK: usize = 16_384;

/// At most this many threads besides the caller's.
const MAX_HELPERS: usize = 3;

/// Writes `[…]`, the JSON array of every token of `doc`.
pub(super) fn write_tokens(
    doc: &Document,
    analysis: &Analysis,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let count = doc.tokens.len();
    let blocks: Vec<Range<usize>> = (0..count)
        .step_by(BLOCK)
        .map(|start| start..(start + BLOCK).min(count))
        .collect();
    // As many threads as the rest of the analysis uses (`RAYON_NUM_THREADS` sets it).
    let helpers = rayon::current_num_threads()
        .saturating_sub(1)
        .min(MAX_HELPERS)
        .min(blocks.len().saturating_sub(1));
    out.write_all(b"[")?;
    if helpers == 0 {
        let mut buf = Vec::new();
        for block in blocks {
            buf.clear();
            write_block(doc, analysis, block, &mut buf);
            out.write_all(&buf)?;
        }
    } else {
        write_in_parallel(doc, analysis, &blocks, helpers, out)?;
    }
    out.write_all(b"]")
}

/// Block `k` is written by the caller when `k % (helpers + 1) == 0`, and otherwise by helper
/// `k % (helpers + 1) - 1`, which hands it over through its own channel, one block ahead.
fn write_in_parallel(
    doc: &Document,
    analysis: &Analysis,
    blocks: &[Range<usize>],
    helpers: usize,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let lanes = helpers + 1;
    std::thread::scope(|scope| {
        let receivers: Vec<Receiver<Vec<u8>>> = (1..lanes)
            .map(|lane| {
                let (send, receive): (SyncSender<Vec<u8>>, _) = sync_channel(1);
                scope.spawn(move || {
                    for block in blocks.iter().skip(lane).step_by(lanes) {
                        let mut buf = Vec::with_capacity(BLOCK * 200);
                        write_block(doc, analysis, block.clone(), &mut buf);
                        // The caller stopped (a write failed): so does this helper.
                        if send.send(buf).is_err() {
                            return;
                        }
                    }
                });
                receive
            })
            .collect();
        let mut own = Vec::new();
        for (k, block) in blocks.iter().enumerate() {
            let lane = k % lanes;
            if lane == 0 {
                own.clear();
                write_block(doc, analysis, block.clone(), &mut own);
                out.write_all(&own)?;
            } else {
                let buf = receivers[lane - 1]
                    .recv()
                    .map_err(|_| std::io::Error::other("a thread writing the tokens stopped"))?;
                out.write_all(&buf)?;
            }
        }
        Ok(())
    })
}

/// The records of `tokens`, each after a comma but the very first.
fn write_block(doc: &Document, a: &Analysis, tokens: Range<usize>, buf: &mut Vec<u8>) {
    let mut numbers = itoa::Buffer::new();
    for i in tokens {
        let Some(t) = doc.tokens.get(i) else {
            break;
        };
        let chosen = a.words.chosen(i);
        if i > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"{\"start\":");
        buf.extend_from_slice(numbers.format(t.range.start).as_bytes());
        buf.extend_from_slice(b",\"end\":");
        buf.extend_from_slice(numbers.format(t.range.end).as_bytes());
        buf.extend_from_slice(b",\"text\":");
        string(buf, doc.slice(&t.range));
        buf.extend_from_slice(b",\"kind\":\"");
        buf.extend_from_slice(kind_name(t.kind).as_bytes());
        buf.extend_from_slice(b"\",\"sentence\":");
        buf.extend_from_slice(numbers.format(t.sentence).as_bytes());
        buf.extend_from_slice(b",\"lemma\":");
        match a.entry_of_token(i) {
            Some(entry) => string(buf, &entry.lemma),
            None => buf.extend_from_slice(b"null"),
        }
        buf.extend_from_slice(b",\"proclitics\":[");
        if let Some(r) = chosen {
            for (n, clitic) in r.proclitics().into_iter().enumerate() {
                if n > 0 {
                    buf.push(b',');
                }
                string(buf, clitic);
            }
        }
        buf.extend_from_slice(b"],\"enclitics\":[");
        if let Some(clitic) = chosen.and_then(super::readings::Reading::enclitic) {
            string(buf, clitic);
        }
        buf.extend_from_slice(b"],\"spelling\":");
        match a.words.spelling(i) {
            Some(s) => buf.extend_from_slice(numbers.format(s).as_bytes()),
            None => buf.extend_from_slice(b"null"),
        }
        buf.extend_from_slice(b",\"reading\":");
        match a.chosen_reading(i) {
            Some(r) => buf.extend_from_slice(numbers.format(r).as_bytes()),
            None => buf.extend_from_slice(b"null"),
        }
        buf.push(b'}');
    }
}

/// The name serde gives a kind (`rename_all = "lowercase"`).
fn kind_name(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Word => "word",
        TokenKind::Number => "number",
        TokenKind::Latin => "latin",
        TokenKind::Punct => "punct",
    }
}

/// `s` as a JSON string: copied as it is when nothing in it needs escaping (any Arabic word),
/// and escaped by serde_json otherwise (a quotation mark, a backslash, a control character).
fn string(buf: &mut Vec<u8>, s: &str) {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    } else {
        // Writing into a Vec cannot fail, and a &str always serializes.
        let _ = serde_json::to_writer(&mut *buf, s);
    }
}
