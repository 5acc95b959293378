//! The analysis as JSON, in the contract of DESIGN.md (byte offsets into the UTF-8 text),
//! written as it is serialized: nothing is built in memory first, so any size streams.
//!
//! Besides the contract's arrays, `spellings` lists each distinct spelling once with every
//! reading of it (lemma, vocalization, root, part of speech, gloss…), and each token names its
//! spelling and the reading chosen for it.
//!
//! The output is cut into pieces (a few thousand sentences, tokens or mentions; a few hundred
//! spellings or words) that every core writes, and that are joined in order
//! ([`write_in_order`]): memory stays a few pieces, whatever the size.

use std::io::Write;
use std::ops::Range;
use std::sync::mpsc::sync_channel;

use serde::Serialize;
use serde_json::Value;

use super::analyze::Analysis;
use super::document::Document;
use super::json_tokens::{TOKENS_PER_PIECE, write_spellings, write_tokens, write_vocabulary};

/// Sentences, spellings and mentions in one piece.
const SENTENCES_PER_PIECE: usize = 1024;
const SPELLINGS_PER_PIECE: usize = 256;
const MENTIONS_PER_PIECE: usize = 4096;
/// Vocabulary entries in one piece: at most so many, or so many occurrences between them.
const WORDS_PER_PIECE: usize = 256;
const OCCURRENCES_PER_PIECE: usize = 32_768;
/// Pieces a helper thread may have written before the caller takes them.
const AHEAD: usize = 4;

/// A sentence as the JSON gives it.
#[derive(serde::Serialize)]
struct SentenceJson<'a> {
    index: usize,
    kind: super::document::SentenceKind,
    start: usize,
    end: usize,
    text: &'a str,
    translation_en: Option<&'a str>,
}

/// An entity, before its mentions.
#[derive(serde::Serialize)]
struct EntityHead<'a> {
    id: &'a str,
    kind: super::EntityKind,
    name_ar: &'a str,
    name_en: &'a str,
}

/// One mention of an entity.
#[derive(serde::Serialize)]
struct MentionJson<'a> {
    sentence: usize,
    start: usize,
    end: usize,
    text: &'a str,
    via: super::entities::MentionVia,
}

/// A relation between two entities.
#[derive(serde::Serialize)]
struct RelationJson<'a> {
    source: &'a str,
    target: &'a str,
    kind: &'a str,
    label_en: &'a str,
    label_ar: &'a str,
    direction: &'static str,
    past: bool,
    count: Option<u32>,
    sentences: &'a [usize],
}

/// A piece of the output, written on its own.
enum Piece {
    /// Punctuation and keys between the arrays.
    Literal(&'static str),
    Source,
    Sentences(Range<usize>),
    Tokens(Range<usize>),
    Spellings(Range<usize>),
    Vocabulary(Range<usize>),
    /// Entity `i`, up to the opening of its mentions.
    EntityOpen(usize),
    /// Mentions of entity `e`.
    Mentions(usize, Range<usize>),
    EntityClose,
    Relations,
}

/// The pieces of the object `{source, sentences, tokens, spellings, vocabulary, entities,
/// relations}`, in order.
fn pieces(doc: &Document, a: &Analysis) -> Vec<Piece> {
    let chunks = |count: usize, size: usize| {
        (0..count)
            .step_by(size)
            .map(move |start| start..(start + size).min(count))
    };
    let mut out = vec![Piece::Literal("{\"source\":"), Piece::Source];
    out.push(Piece::Literal(",\"sentences\":["));
    out.extend(chunks(doc.sentences.len(), SENTENCES_PER_PIECE).map(Piece::Sentences));
    out.push(Piece::Literal("],\"tokens\":["));
    out.extend(chunks(doc.tokens.len(), TOKENS_PER_PIECE).map(Piece::Tokens));
    out.push(Piece::Literal("],\"spellings\":["));
    out.extend(chunks(a.words.spelling_count(), SPELLINGS_PER_PIECE).map(Piece::Spellings));
    out.push(Piece::Literal("],\"vocabulary\":["));
    let mut start = 0;
    let mut occurrences = 0;
    for (i, v) in a.vocabulary.iter().enumerate() {
        occurrences += v.occurrences.len();
        if i + 1 - start >= WORDS_PER_PIECE || occurrences >= OCCURRENCES_PER_PIECE {
            out.push(Piece::Vocabulary(start..i + 1));
            (start, occurrences) = (i + 1, 0);
        }
    }
    if start < a.vocabulary.len() {
        out.push(Piece::Vocabulary(start..a.vocabulary.len()));
    }
    out.push(Piece::Literal("],\"entities\":["));
    for (i, e) in a.entities.iter().enumerate() {
        out.push(Piece::EntityOpen(i));
        out.extend(chunks(e.mentions.len(), MENTIONS_PER_PIECE).map(|r| Piece::Mentions(i, r)));
        out.push(Piece::EntityClose);
    }
    out.push(Piece::Literal("],\"relations\":"));
    out.push(Piece::Relations);
    out.push(Piece::Literal("}\n"));
    out
}

/// Writes `items` as the elements of an array whose first element is at `start`: each after a
/// comma but the array's first.
fn elements<T: Serialize>(buf: &mut Vec<u8>, start: usize, items: impl Iterator<Item = T>) {
    for (i, item) in items.enumerate() {
        if start + i > 0 {
            buf.push(b',');
        }
        // Serializing these types into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *buf, &item);
    }
}

/// The bytes of one piece.
fn write_piece(doc: &Document, a: &Analysis, piece: &Piece, buf: &mut Vec<u8>) {
    match piece {
        Piece::Literal(text) => buf.extend_from_slice(text.as_bytes()),
        Piece::Source => {
            let _ = serde_json::to_writer(&mut *buf, &doc.source);
        }
        Piece::Sentences(range) => {
            let sentences = doc.sentences.get(range.clone()).unwrap_or_default();
            let items = sentences
                .iter()
                .zip(range.clone())
                .map(|(s, i)| SentenceJson {
                    index: i,
                    kind: s.kind,
                    start: s.range.start,
                    end: s.range.end,
                    text: doc.slice(&s.range),
                    translation_en: a.translation(i),
                });
            elements(buf, range.start, items);
        }
        Piece::Tokens(range) => write_tokens(doc, a, range.clone(), buf),
        Piece::Spellings(range) => write_spellings(doc, a, range.clone(), buf),
        Piece::Vocabulary(range) => write_vocabulary(a, range.clone(), buf),
        Piece::EntityOpen(i) => {
            let Some(e) = a.entities.get(*i) else {
                return;
            };
            let head = EntityHead {
                id: &e.id,
                kind: e.kind,
                name_ar: &e.name_ar,
                name_en: &e.name_en,
            };
            elements(buf, *i, std::iter::once(head));
            // The head's closing brace gives way to its mentions.
            buf.pop();
            buf.extend_from_slice(b",\"mentions\":[");
        }
        Piece::Mentions(e, range) => {
            let Some(e) = a.entities.get(*e) else {
                return;
            };
            let mentions = e.mentions.get(range.clone()).unwrap_or_default();
            let items = mentions.iter().map(|m| MentionJson {
                sentence: m.sentence,
                start: m.start,
                end: m.end,
                text: doc.slice(&m.range()),
                via: m.via,
            });
            elements(buf, range.start, items);
        }
        Piece::EntityClose => buf.extend_from_slice(b"]}"),
        Piece::Relations => {
            buf.push(b'[');
            let items = a.relations.iter().map(|r| RelationJson {
                source: &r.source,
                target: &r.target,
                kind: &r.kind,
                label_en: &r.label_en,
                label_ar: &r.label_ar,
                direction: if r.directed { "directed" } else { "mutual" },
                past: r.past,
                count: r.count,
                sentences: &r.sentences,
            });
            elements(buf, 0, items);
            buf.push(b']');
        }
    }
}

impl Analysis {
    /// `{source, sentences, tokens, spellings, vocabulary, entities, relations}` of `doc`,
    /// which must be the document this analysis was made from. Builds the whole tree: for a
    /// large text, [`Self::write_json`] streams instead.
    #[must_use]
    pub fn to_json(&self, doc: &Document) -> Value {
        let mut bytes = Vec::new();
        if self.write_json(doc, &mut bytes).is_err() {
            return Value::Null;
        }
        serde_json::from_slice(&bytes).unwrap_or(Value::Null)
    }

    /// Writes the JSON of [`Self::to_json`] to `out` as it goes (one line; a few pieces at a
    /// time, so memory does not grow with the text).
    ///
    /// # Errors
    /// Whatever writing to `out` says (a closed pipe, a full disk).
    pub fn write_json(&self, doc: &Document, out: impl Write) -> std::io::Result<()> {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
        let pieces = pieces(doc, self);
        // A short text is written on this thread: starting another would cost more.
        let lanes = if doc.tokens.len() > TOKENS_PER_PIECE {
            rayon::current_num_threads().clamp(1, 4)
        } else {
            1
        };
        let write = |piece: &Piece, buf: &mut Vec<u8>| write_piece(doc, self, piece, buf);
        write_in_order(&pieces, lanes, write, &mut out)?;
        out.flush()
    }
}

/// Writes the bytes of every piece to `out`, in order, on `lanes` threads: piece `k` is
/// written by the caller when `k % lanes == 0`, and otherwise by helper thread
/// `k % lanes - 1`, which hands it over through its own channel, up to [`AHEAD`] pieces ahead
/// (pieces take unequal times: one piece ahead, each thread waited on the other for a third
/// of the time). The caller hands each buffer back once written out, for the helper to reuse.
fn write_in_order<P: Sync>(
    pieces: &[P],
    lanes: usize,
    write: impl Fn(&P, &mut Vec<u8>) + Sync,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let lanes = lanes.max(1);
    let write = &write;
    std::thread::scope(|scope| {
        let lanes_back: Vec<_> = (1..lanes)
            .map(|lane| {
                let (send, receive) = sync_channel(AHEAD);
                let (give_back, given_back) = sync_channel::<Vec<u8>>(AHEAD + 1);
                scope.spawn(move || {
                    // A new buffer is made as large as the last piece needed: grown from
                    // nothing, a piece of tokens was copied over a dozen times.
                    let mut size = 0;
                    for piece in pieces.iter().skip(lane).step_by(lanes) {
                        let mut buf = given_back
                            .try_recv()
                            .unwrap_or_else(|_| Vec::with_capacity(size + size / 8));
                        buf.clear();
                        write(piece, &mut buf);
                        size = buf.len();
                        // The caller stopped (a write failed): so does this helper.
                        if send.send(buf).is_err() {
                            return;
                        }
                    }
                });
                (receive, give_back)
            })
            .collect();
        let mut own = Vec::new();
        for (k, piece) in pieces.iter().enumerate() {
            let lane = k % lanes;
            if lane == 0 {
                own.clear();
                write(piece, &mut own);
                out.write_all(&own)?;
            } else {
                let (receive, give_back) = &lanes_back[lane - 1];
                let buf = receive
                    .recv()
                    .map_err(|_| std::io::Error::other("a thread writing the JSON stopped"))?;
                out.write_all(&buf)?;
                // The helper makes a new buffer when this one is not back in time.
                let _ = give_back.try_send(buf);
            }
        }
        Ok(())
    })
}
