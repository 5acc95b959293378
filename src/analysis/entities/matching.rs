//! Finding the gazetteer's names in a sentence: runs of words between punctuation, the
//! proclitics a name's first word may carry, and the longest alias at each word.

use foldhash::HashMap;
use std::ops::Range;
use std::rc::Rc;

use super::MentionVia;
use super::gazetteer::{Gazetteer, name_key};
use crate::analysis::document::Document;
use crate::analysis::morphology::prefixes;
use crate::arabic::normalize::letter_offsets;
use crate::arabic::tokenize::TokenKind;

/// A word of the document as names are matched: a token index, its name key, and the keys
/// its first word can have once proclitics are set aside (see [`first_word_keys`]).
pub(crate) struct Unit {
    pub token: usize,
    pub key: Rc<str>,
    pub first: Rc<[(String, usize)]>,
}

/// A word's name key, and the keys of its first word with the letters each sets aside.
pub(crate) type WordKeys = (Rc<str>, Rc<[(String, usize)]>);

/// The keys of each spelling met so far: news repeat their words, so each is worked out once.
#[derive(Default)]
pub(crate) struct KeyCache<'d> {
    by_text: HashMap<&'d str, WordKeys>,
}

impl<'d> KeyCache<'d> {
    /// The name key of a word and the keys of its first word (see [`first_word_keys`]).
    pub(crate) fn keys(&mut self, text: &'d str) -> &WordKeys {
        self.by_text.entry(text).or_insert_with(|| {
            let key = name_key(text);
            let first = first_word_keys(&key).into();
            (key.into(), first)
        })
    }
}

/// A mention before short forms are resolved: it may name one of several entries.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub entries: Vec<usize>,
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
pub(crate) fn runs<'d>(doc: &'d Document, s: usize, cache: &mut KeyCache<'d>) -> Vec<Vec<Unit>> {
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
        let (key, first) = cache.keys(text);
        run.push(Unit {
            token: t,
            key: Rc::clone(key),
            first: Rc::clone(first),
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
) -> Option<(usize, Vec<usize>, MentionVia, usize)> {
    let mut best: Option<(usize, Vec<usize>, MentionVia, usize)> = None;
    let unit = run.get(i)?;
    for (key, skipped) in unit.first.iter() {
        let (key, skipped) = (key.as_str(), *skipped);
        for &a in g.by_first_word.get(key).map_or(&[][..], Vec::as_slice) {
            let alias = &g.aliases[a];
            let len = alias.words.len();
            let fits = i + len <= run.len()
                && alias.words[1..]
                    .iter()
                    .zip(&run[i + 1..])
                    .all(|(w, u)| inner_word_matches(&u.key, w));
            let better = best
                .as_ref()
                .is_none_or(|b| len > b.0 || (len == b.0 && alias.via < b.2));
            if fits && better {
                best = Some((len, alias.entries.clone(), alias.via, skipped));
            }
        }
        // An office and "current": الزعيم الحالي.
        if best.is_none()
            && let Some(next) = run.get(i + 1)
            && CURRENT_KEYS.contains(&*next.key)
        {
            let holders = g.holders_of(key);
            if !holders.is_empty() {
                best = Some((2, holders, MentionVia::Office, skipped));
            }
        }
    }
    best
}
