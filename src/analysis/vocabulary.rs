//! The document's vocabulary: one entry per lemma chosen for its words, with where it occurs.

use super::document::Document;
use super::in_order::map_in_order;
use super::lemma_table::LemmaTable;
use super::lemmas::LemmaRef;
use super::lexicon::Pos;
use super::readings::{NONE, Words};

/// One lemma of the document's vocabulary, with where it occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VocabEntry {
    pub lemma_id: LemmaRef,
    pub lemma: String,
    pub vocalized: String,
    pub root: String,
    pub pos: Pos,
    pub gloss_en: String,
    pub plural_or_present: Option<String>,
    /// DIN 31635, computed from `vocalized`.
    pub translit: String,
    pub count: usize,
    /// The words as the text writes them (with their clitics), in order of first use.
    pub forms: Vec<String>,
    /// Sentences it occurs in, ascending.
    pub sentences: Vec<usize>,
    /// Token indices of its occurrences, ascending.
    pub occurrences: Vec<usize>,
}

/// Entries whose facts one core makes at a time.
const ENTRIES_PER_PIECE: usize = 256;

/// The vocabulary in order of first occurrence, and for each token its entry (or [`NONE`]).
/// `lemmas` are those of `words`' readings.
///
/// Three passes: which token is which entry (in order); each entry's facts, on every core
/// (seven strings apiece, for some 10,000 entries in 1 MB of varied words, were most of the
/// time on one core); then where each entry occurs, into lists made as long as needed.
#[must_use]
pub fn vocabulary(
    doc: &Document,
    words: &Words,
    lemmas: &LemmaTable,
) -> (Vec<VocabEntry>, Vec<u32>) {
    // Per lemma (its number in `lemmas`) its entry; per entry its lemma, first reading and
    // count.
    let mut entry_of_lemma = vec![NONE; lemmas.len()];
    let mut firsts: Vec<(LemmaRef, u32, usize)> = Vec::new();
    let mut of_token = vec![NONE; doc.tokens.len()];
    for (t, at) in of_token.iter_mut().enumerate() {
        let r = words.chosen.get(t).copied().unwrap_or(NONE);
        let Some(reading) = words.reading(r) else {
            continue;
        };
        let Some(cell) = entry_of_lemma.get_mut(lemmas.number_of_reading(r) as usize) else {
            continue;
        };
        if *cell == NONE {
            firsts.push((reading.lemma, r, 0));
            *cell = u32::try_from(firsts.len() - 1).unwrap_or(NONE);
        }
        if let Some((_, _, count)) = firsts.get_mut(*cell as usize) {
            *count += 1;
            *at = *cell;
        }
    }
    let mut entries = map_in_order(firsts.len(), ENTRIES_PER_PIECE, |i| {
        let (lemma_id, r, count) = firsts[i];
        let shown = lemmas.of_reading(r);
        let facts = shown.map(|l| l.facts()).unwrap_or_default();
        VocabEntry {
            lemma_id,
            translit: shown.map(|l| l.translit().to_owned()).unwrap_or_default(),
            lemma: facts.lemma,
            vocalized: facts.vocalized,
            root: facts.root,
            pos: facts.pos,
            gloss_en: facts.gloss_en,
            plural_or_present: facts.plural_or_present,
            count: 0,
            forms: Vec::new(),
            sentences: Vec::new(),
            occurrences: Vec::with_capacity(count),
        }
    });
    // Per spelling the entry its form was last added to: most words of a text are ones it
    // used before, and each then costs a lookup in a list.
    let mut form_added_to = vec![NONE; words.spelling_count()];
    for (t, (token, &at)) in doc.tokens.iter().zip(&of_token).enumerate() {
        let Some(v) = entries.get_mut(at as usize) else {
            continue;
        };
        v.count += 1;
        v.occurrences.push(t);
        if v.sentences.last() != Some(&token.sentence) {
            v.sentences.push(token.sentence);
        }
        // A spelling is one form: once added to this entry, it is there.
        let added = words
            .spelling(t)
            .and_then(|s| form_added_to.get_mut(s as usize));
        if added.as_deref() != Some(&at) {
            let form = doc.slice(&token.range);
            if !v.forms.iter().any(|f| f == form) {
                v.forms.push(form.to_owned());
            }
            if let Some(cell) = added {
                *cell = at;
            }
        }
    }
    (entries, of_token)
}
