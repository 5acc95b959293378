//! The `tokens`, `spellings` and `vocabulary` arrays of the analysis JSON, written by hand:
//! they are nearly all of the output (one record per word, number and mark; one per distinct
//! word with each of its readings; one per lemma with all its occurrences), and writing them
//! through serde's generic machinery, with a string made for every field of every reading,
//! took a third of `dars analyze`. The records are the
//! contract's, byte for byte what serde wrote before (`tests/analysis.rs` checks them against
//! the analysis).

use std::ops::Range;

use serde::Serialize;

use super::analyze::Analysis;
use super::bama::Tables;
use super::document::Document;
use super::lemmas::LemmaRef;
use super::lexicon::Pos;
use crate::arabic::tokenize::TokenKind;

/// Tokens in one piece of the output: about 350 KB of JSON (a few pieces are in memory at
/// once, which on a 1 MB text is a fifth of the peak).
pub(super) const TOKENS_PER_PIECE: usize = 2048;

/// The records of `tokens`, each after a comma but the very first.
pub(super) fn write_tokens(doc: &Document, a: &Analysis, tokens: Range<usize>, buf: &mut Vec<u8>) {
    let mut numbers = itoa::Buffer::new();
    let mut kinds = Memo::<TokenKind>::default();
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
        kinds.write(buf, t.kind);
        buf.extend_from_slice(b",\"sentence\":");
        buf.extend_from_slice(numbers.format(t.sentence).as_bytes());
        buf.extend_from_slice(b",\"lemma\":");
        match a.entry_of_token(i) {
            Some(entry) => string(buf, &entry.lemma),
            None => buf.extend_from_slice(b"null"),
        }
        buf.extend_from_slice(b",\"proclitics\":[");
        if let Some(r) = chosen {
            string_elements(buf, r.proclitics());
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

/// The records of `spellings`, each after a comma but the very first: the spelling's first
/// text and every reading of it, with its lemma's facts.
pub(super) fn write_spellings(
    doc: &Document,
    a: &Analysis,
    spellings: Range<usize>,
    buf: &mut Vec<u8>,
) {
    let mut numbers = itoa::Buffer::new();
    let mut parts = Memo::<Pos>::default();
    let mut vocalized = String::new();
    for s in spellings {
        let Ok(s) = u32::try_from(s) else {
            break;
        };
        if s > 0 {
            buf.push(b',');
        }
        let text = a
            .words
            .first_token_of(s)
            .and_then(|t| doc.tokens.get(t))
            .map_or("", |t| doc.slice(&t.range));
        buf.extend_from_slice(b"{\"index\":");
        buf.extend_from_slice(numbers.format(s).as_bytes());
        buf.extend_from_slice(b",\"text\":");
        string(buf, text);
        buf.extend_from_slice(b",\"readings\":[");
        for (n, r) in a.words.readings_of_spelling(s).enumerate() {
            let Some(reading) = a.words.reading(r) else {
                continue;
            };
            let lemma = a.lemmas.of_reading(r).unwrap_or_default();
            if n > 0 {
                buf.push(b',');
            }
            buf.extend_from_slice(b"{\"lemma\":");
            string(buf, lemma.lemma());
            buf.extend_from_slice(b",\"lemma_id\":");
            optional(buf, lemma.stable_id());
            buf.extend_from_slice(b",\"lemma_vocalized\":");
            string(buf, lemma.vocalized());
            buf.extend_from_slice(b",\"translit\":");
            string(buf, lemma.translit());
            buf.extend_from_slice(b",\"vocalized\":");
            match reading.solution {
                Some(solution) => {
                    vocalized.clear();
                    solution.push_vocalized(Tables::bundled(), &mut vocalized);
                    string(buf, &vocalized);
                }
                None => buf.extend_from_slice(b"null"),
            }
            buf.extend_from_slice(b",\"root\":");
            string(buf, lemma.root());
            buf.extend_from_slice(b",\"pos\":");
            parts.write(buf, reading.pos);
            buf.extend_from_slice(b",\"gloss_en\":");
            string(buf, lemma.gloss_en());
            buf.extend_from_slice(b",\"plural_or_present\":");
            optional(buf, lemma.plural_or_present());
            buf.extend_from_slice(b",\"proclitics\":[");
            string_elements(buf, reading.proclitics());
            buf.extend_from_slice(b"],\"enclitics\":[");
            if let Some(clitic) = reading.enclitic() {
                string(buf, clitic);
            }
            buf.extend_from_slice(b"],\"source\":");
            string(
                buf,
                match reading.lemma {
                    LemmaRef::Curated(_) => "lexicon",
                    LemmaRef::Bama(_) => "bama",
                    LemmaRef::User(_) => "user",
                },
            );
            buf.push(b'}');
        }
        buf.extend_from_slice(b"]}");
    }
}

/// The records of `vocabulary`, each after a comma but the very first.
pub(super) fn write_vocabulary(a: &Analysis, words: Range<usize>, buf: &mut Vec<u8>) {
    let mut numbers = itoa::Buffer::new();
    let mut parts = Memo::<Pos>::default();
    let start = words.start;
    for (i, v) in a
        .vocabulary
        .get(words)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        if start + i > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"{\"lemma\":");
        string(buf, &v.lemma);
        buf.extend_from_slice(b",\"lemma_id\":");
        // The table made each id once; a lemma it lacks (none should) makes its own.
        match a.lemmas.find(v.lemma_id) {
            Some(lemma) => optional(buf, lemma.stable_id()),
            None => optional(buf, v.lemma_id.stable_id().as_deref()),
        }
        buf.extend_from_slice(b",\"vocalized\":");
        string(buf, &v.vocalized);
        buf.extend_from_slice(b",\"root\":");
        string(buf, &v.root);
        buf.extend_from_slice(b",\"pos\":");
        parts.write(buf, v.pos);
        buf.extend_from_slice(b",\"gloss_en\":");
        string(buf, &v.gloss_en);
        buf.extend_from_slice(b",\"plural_or_present\":");
        optional(buf, v.plural_or_present.as_deref());
        buf.extend_from_slice(b",\"translit\":");
        string(buf, &v.translit);
        buf.extend_from_slice(b",\"count\":");
        buf.extend_from_slice(numbers.format(v.count).as_bytes());
        buf.extend_from_slice(b",\"forms\":[");
        string_elements(buf, v.forms.iter().map(String::as_str));
        buf.extend_from_slice(b"],\"sentences\":");
        numbers_array(buf, &mut numbers, &v.sentences);
        buf.extend_from_slice(b",\"occurrences\":");
        numbers_array(buf, &mut numbers, &v.occurrences);
        buf.push(b'}');
    }
}

/// The elements of an array of strings, a comma between each two.
fn string_elements<'s>(buf: &mut Vec<u8>, items: impl Iterator<Item = &'s str>) {
    for (n, item) in items.enumerate() {
        if n > 0 {
            buf.push(b',');
        }
        string(buf, item);
    }
}

/// `[1,2,3]`.
fn numbers_array(buf: &mut Vec<u8>, numbers: &mut itoa::Buffer, list: &[usize]) {
    buf.push(b'[');
    for (n, &x) in list.iter().enumerate() {
        if n > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(numbers.format(x).as_bytes());
    }
    buf.push(b']');
}

/// The JSON of each value of an enum (a token's kind, a part of speech), made by serde the
/// first time it comes (serde's `rename_all` names them, so they cannot drift from the
/// contract) and copied after.
struct Memo<T>(Vec<(T, Vec<u8>)>);

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T: Serialize + PartialEq + Copy> Memo<T> {
    fn write(&mut self, buf: &mut Vec<u8>, value: T) {
        if let Some((_, json)) = self.0.iter().find(|(v, _)| *v == value) {
            buf.extend_from_slice(json);
        } else {
            let json = serde_json::to_vec(&value).unwrap_or_default();
            buf.extend_from_slice(&json);
            self.0.push((value, json));
        }
    }
}

/// `s` as a JSON string, or `null`.
fn optional(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

/// `s` as a JSON string: copied as it is when nothing in it needs escaping (any Arabic word),
/// and escaped by serde_json otherwise (a quotation mark, a backslash, a control character).
fn string(buf: &mut Vec<u8>, s: &str) {
    // Every byte looked at, without stopping at the first that needs escaping: the compiler
    // then checks many at once, and such a byte is rare.
    let plain = s.bytes().fold(true, |plain, b| {
        plain & (b >= 0x20) & (b != b'"') & (b != b'\\')
    });
    if plain {
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    } else {
        // Writing into a Vec cannot fail, and a &str always serializes.
        let _ = serde_json::to_writer(&mut *buf, s);
    }
}
