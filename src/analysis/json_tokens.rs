//! The `tokens` array of the analysis JSON, written by hand: it is nine tenths of the output
//! (one record per word, number and mark), and writing it through serde's generic machinery
//! took a third of `dars analyze`. The records are the contract's, byte for byte what serde
//! wrote before (`tests/analysis.rs` checks each against the analysis).

use std::ops::Range;

use super::analyze::Analysis;
use super::document::Document;
use crate::arabic::tokenize::TokenKind;

/// Tokens in one piece of the output: about 350 KB of JSON (a few pieces are in memory at
/// once, which on a 1 MB text is a fifth of the peak).
pub(super) const TOKENS_PER_PIECE: usize = 2048;

/// The records of `tokens`, each after a comma but the very first.
pub(super) fn write_tokens(doc: &Document, a: &Analysis, tokens: Range<usize>, buf: &mut Vec<u8>) {
    let mut numbers = itoa::Buffer::new();
    // Each kind's JSON, made by serde the first time it comes (serde's `rename_all` names
    // them, so they cannot drift from the contract) and copied after.
    let mut kinds: Vec<(TokenKind, Vec<u8>)> = Vec::with_capacity(4);
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
        buf.extend_from_slice(b",\"kind\":");
        if let Some((_, json)) = kinds.iter().find(|(k, _)| *k == t.kind) {
            buf.extend_from_slice(json);
        } else {
            let json = serde_json::to_vec(&t.kind).unwrap_or_default();
            buf.extend_from_slice(&json);
            kinds.push((t.kind, json));
        }
        buf.extend_from_slice(b",\"sentence\":");
        buf.extend_from_slice(numbers.format(t.sentence).as_bytes());
        buf.extend_from_slice(b",\"lemma\":");
        match a.entry_of_token(i) {
            Some(entry) => string(buf, &entry.lemma),
            None => buf.extend_from_slice(b"null"),
        }
        buf.extend_from_slice(b",\"proclitics\":[");
        if let Some(r) = chosen {
            for (n, clitic) in r.proclitics().enumerate() {
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
