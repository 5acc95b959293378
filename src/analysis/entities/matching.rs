//! Finding the gazetteer's names in a sentence: runs of words between punctuation, the
//! proclitics a name's first word may carry, and the longest alias at each word.

use foldhash::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::MentionVia;
use super::gazetteer::{Gazetteer, name_key};
use crate::analysis::document::Document;
use crate::analysis::in_order::map_in_order;
use crate::analysis::morphology::prefixes;
use crate::analysis::readings::{NONE, Words};
use crate::arabic::normalize::letter_offsets;
use crate::arabic::tokenize::TokenKind;

/// A word of the document as names are matched: a token index, its name key, and the keys
/// its first word can have once proclitics are set aside (see [`first_word_keys`]).
#[derive(Clone, Copy)]
pub(crate) struct Unit<'k> {
    pub token: usize,
    pub key: &'k str,
    pub first: FirstKeys<'k>,
}

/// The keys a word's first word can have, each with the letters it sets aside (see
/// [`first_word_keys`]), as the [`KeyTable`] keeps them.
#[derive(Clone, Copy)]
pub(crate) struct FirstKeys<'k> {
    text: &'k str,
    keys: &'k [(u32, u32, u32)],
}

impl<'k> FirstKeys<'k> {
    /// `(key, letters set aside)`, in order.
    pub(crate) fn iter(self) -> impl Iterator<Item = (&'k str, usize)> {
        let text = self.text;
        self.keys.iter().map(move |&(start, end, skipped)| {
            (
                text.get(start as usize..end as usize).unwrap_or_default(),
                skipped as usize,
            )
        })
    }
}

/// The name keys of every word of a document, worked out once per spelling: news repeat
/// their words. Read-only once made, so every thread of the analysis shares it.
pub(crate) struct KeyTable {
    /// Per token: its row of `keys`, or [`NONE`] for punctuation.
    of_token: Vec<u32>,
    keys: Keys,
}

/// Rows of name keys, as ranges of one string: a text with 50,000 spellings has some 300,000
/// keys, and a `String` each held several times their letters.
#[derive(Default)]
struct Keys {
    /// Per row, a word's name key and its first word's keys: `(key start, key end, first
    /// keys start, first keys end)`, ranges of `text` and of `firsts`.
    rows: Vec<(u32, u32, u32, u32)>,
    /// `(start, end, letters set aside)` of every first-word key, ranges of `text`.
    firsts: Vec<(u32, u32, u32)>,
    text: String,
}

/// How many spellings a thread works out the keys of at a time.
const KEY_ROWS_PER_PIECE: usize = 256;

/// A length or position as the key rows keep it.
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Keys {
    /// Adds the row of a word.
    fn push(&mut self, word: &str) {
        let key = name_key(word);
        let key_start = offset(self.text.len());
        self.text.push_str(&key);
        let key_end = offset(self.text.len());
        let first_start = offset(self.firsts.len());
        for (first, skipped) in first_word_keys(&key) {
            let start = offset(self.text.len());
            self.text.push_str(&first);
            self.firsts
                .push((start, offset(self.text.len()), offset(skipped)));
        }
        self.rows
            .push((key_start, key_end, first_start, offset(self.firsts.len())));
    }

    /// Adds the rows of `piece` after these.
    fn append(&mut self, piece: &Self) {
        let (text, firsts) = (offset(self.text.len()), offset(self.firsts.len()));
        self.text.push_str(&piece.text);
        self.firsts.extend(
            piece
                .firsts
                .iter()
                .map(|&(start, end, skipped)| (start + text, end + text, skipped)),
        );
        self.rows.extend(
            piece
                .rows
                .iter()
                .map(|&(a, b, c, d)| (a + text, b + text, c + firsts, d + firsts)),
        );
    }
}

impl KeyTable {
    /// The keys of the words of `doc`: a row per spelling the readings know (by its index),
    /// then one per other spelling of a number or a Latin word.
    pub(crate) fn new(doc: &Document, words: &Words) -> Self {
        let mut texts: Vec<&str> = (0..words.spelling_count())
            .map(|s| {
                let first = u32::try_from(s).ok().and_then(|s| words.first_token_of(s));
                first
                    .and_then(|t| doc.tokens.get(t))
                    .map_or("", |t| doc.slice(&t.range))
            })
            .collect();
        let mut others: HashMap<&str, u32> = HashMap::default();
        let of_token = doc
            .tokens
            .iter()
            .enumerate()
            .map(|(t, token)| {
                if token.kind == TokenKind::Punct {
                    return NONE;
                }
                if let Some(s) = words.spelling(t) {
                    return s;
                }
                let text = doc.slice(&token.range);
                *others.entry(text).or_insert_with(|| {
                    texts.push(text);
                    u32::try_from(texts.len() - 1).unwrap_or(NONE)
                })
            })
            .collect();
        // Each piece its own rows (on every core), joined in order.
        let pieces = map_in_order(texts.len().div_ceil(KEY_ROWS_PER_PIECE), 1, |piece| {
            let start = piece * KEY_ROWS_PER_PIECE;
            let mut keys = Keys::default();
            for text in &texts[start..(start + KEY_ROWS_PER_PIECE).min(texts.len())] {
                keys.push(text);
            }
            keys
        });
        let mut keys = Keys {
            rows: Vec::with_capacity(texts.len()),
            firsts: Vec::with_capacity(pieces.iter().map(|p| p.firsts.len()).sum()),
            text: String::with_capacity(pieces.iter().map(|p| p.text.len()).sum()),
        };
        for piece in &pieces {
            keys.append(piece);
        }
        Self { of_token, keys }
    }

    /// The name key of token `t` and the keys of its first word (see [`first_word_keys`]);
    /// none for punctuation.
    pub(crate) fn keys(&self, t: usize) -> Option<(&str, FirstKeys<'_>)> {
        let row = *self.of_token.get(t)?;
        let keys = &self.keys;
        let &(start, end, first_start, first_end) = keys.rows.get(row as usize)?;
        Some((
            keys.text.get(start as usize..end as usize)?,
            FirstKeys {
                text: &keys.text,
                keys: keys.firsts.get(first_start as usize..first_end as usize)?,
            },
        ))
    }
}

/// A mention before short forms are resolved: it may name one of several entries.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    /// Shared: every mention of a surname several people have holds the same list.
    pub entries: Arc<[usize]>,
    pub sentence: usize,
    pub tokens: Range<usize>,
    pub start: usize,
    pub end: usize,
    pub via: MentionVia,
}

/// Words that make an office name its current holder (الزعيم الحالي).
const CURRENT: [&str; 2] = ["الحالي", "الحالية"];
static CURRENT_KEYS: std::sync::LazyLock<foldhash::HashSet<String>> =
    std::sync::LazyLock::new(|| super::gazetteer::key_set(&CURRENT));

/// The runs of words of sentence `s` that a name can span: the words between punctuation (a
/// hyphen joins, as in مون جاي-ان).
pub(crate) fn runs<'k>(doc: &Document, s: usize, keys: &'k KeyTable) -> Vec<Vec<Unit<'k>>> {
    let mut out = Vec::new();
    let mut run = Vec::new();
    let tokens = doc.sentences.get(s).map_or(0..0, |x| x.tokens.clone());
    for t in tokens {
        let token = &doc.tokens[t];
        let text = doc.slice(&token.range);
        if token.kind == TokenKind::Punct {
            if !matches!(text, "-" | "‐" | "–") && !run.is_empty() {
                out.push(std::mem::take(&mut run));
            }
            continue;
        }
        let Some((key, first)) = keys.keys(t) else {
            continue;
        };
        run.push(Unit {
            token: t,
            key,
            first,
        });
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

/// The keys the first word of a name can have once proclitics are set aside, with the
/// number of letters set aside: للصين → الصين (ل + ال), وبيونج → بيونج.
pub(crate) fn first_word_keys(key: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for p in prefixes(key) {
        if p.particle == Some("س") {
            continue;
        }
        let rest: String = key.chars().skip(p.letters).collect();
        if rest.is_empty() {
            continue;
        }
        if p.article {
            // The article belongs to the name: the mention starts at it (at its lam after ل).
            let article = if p.particle == Some("ل") { 1 } else { 2 };
            out.push((format!("ال{rest}"), p.letters - article));
            out.push((rest, p.letters - article));
        } else {
            out.push((rest, p.letters));
        }
    }
    out
}

/// Whether a later word of a name matches: as listed, or with the article (الكوري الشمالي
/// for the nisba كوري شمالي).
pub(crate) fn inner_word_matches(unit: &str, word: &str) -> bool {
    unit == word || unit.strip_prefix("ال") == Some(word)
}

/// Byte where a mention starting at `token` begins once `skipped` proclitic letters are left out.
pub(crate) fn start_after(doc: &Document, token: usize, skipped: usize) -> usize {
    let range = &doc.tokens[token].range;
    let offsets = letter_offsets(doc.slice(range));
    range.start + offsets.get(skipped).copied().unwrap_or_default()
}

/// The gazetteer's names in the runs of sentence `s`, longest first at each word.
pub(crate) fn find_candidates(
    doc: &Document,
    s: usize,
    runs: &[Vec<Unit>],
    g: &Gazetteer,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for run in runs {
        let mut i = 0;
        while i < run.len() {
            let Some((len, entries, via, skipped)) = best_match_at(run, i, g) else {
                i += 1;
                continue;
            };
            let last = &doc.tokens[run[i + len - 1].token];
            out.push(Candidate {
                entries,
                sentence: s,
                tokens: run[i].token..run[i + len - 1].token + 1,
                start: start_after(doc, run[i].token, skipped),
                end: last.range.end,
                via,
            });
            i += len;
        }
    }
    out
}

/// The longest name starting at word `i` of a run: `(words, entries, how, proclitic letters)`.
pub(crate) fn best_match_at(
    run: &[Unit],
    i: usize,
    g: &Gazetteer,
) -> Option<(usize, Arc<[usize]>, MentionVia, usize)> {
    let mut best: Option<(usize, Arc<[usize]>, MentionVia, usize)> = None;
    let unit = run.get(i)?;
    for (key, skipped) in unit.first.iter() {
        for &a in g.by_first_word.get(key).map_or(&[][..], Vec::as_slice) {
            let alias = &g.aliases[a];
            let len = alias.words.len();
            let fits = i + len <= run.len()
                && alias.words[1..]
                    .iter()
                    .zip(&run[i + 1..])
                    .all(|(w, u)| inner_word_matches(u.key, w));
            let better = best
                .as_ref()
                .is_none_or(|b| len > b.0 || (len == b.0 && alias.via < b.2));
            if fits && better {
                best = Some((len, alias.entries.as_slice().into(), alias.via, skipped));
            }
        }
        // An office and "current": الزعيم الحالي.
        if best.is_none()
            && let Some(next) = run.get(i + 1)
            && CURRENT_KEYS.contains(next.key)
        {
            let holders = g.holders_of(key);
            if !holders.is_empty() {
                best = Some((2, holders.into(), MentionVia::Office, skipped));
            }
        }
    }
    best
}
