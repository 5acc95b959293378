//! Finding words in a document, for the reader's search bar: by their matching form (no
//! diacritics, unified letters), with or without clitics, by lemma, or by an English gloss.

use std::ops::Range;

use super::lemmas::LemmaRef;
use super::lexicon::{LemmaId, Lexicon};
use super::morphology::{analyze_word, prefixes};
use super::{Analysis, Document};
use crate::arabic::normalize::normalize;
use crate::arabic::script::has_arabic;
use crate::arabic::tokenize::TokenKind;

/// Fewest letters a word may keep once proclitics are taken off it: fewer, and a word
/// like كما would be found as ما.
const MIN_STEM_LETTERS: usize = 2;

/// What one token is found by.
#[derive(Clone, Debug)]
struct Entry {
    range: Range<usize>,
    sentence: usize,
    /// Its matching forms: the whole word, and the word without its clitics (the analysis'
    /// stem for a word the lexicon knows; each legal split for one it does not).
    forms: Vec<String>,
    lemma: Option<LemmaId>,
    /// The words of its lemma's English gloss, lowercase.
    gloss: Vec<String>,
    /// The token itself lowercase, for Latin words and numbers.
    lower: String,
}

/// A document's tokens with what they are found by, worked out once per document.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    /// Every token but punctuation, in text order.
    entries: Vec<Entry>,
}

impl SearchIndex {
    #[must_use]
    pub fn new(doc: &Document, analysis: &Analysis) -> Self {
        let entries = doc
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind != TokenKind::Punct)
            .map(|(i, token)| {
                let text = doc.slice(&token.range);
                let info = analysis.token(doc, i);
                let whole = normalize(text);
                let mut forms = vec![whole.clone()];
                match info.as_ref().filter(|info| info.lemma.is_some()) {
                    Some(info) => forms.push(normalize(doc.slice(&info.stem))),
                    None => forms.extend(without_proclitics(&whole)),
                }
                forms.dedup();
                Entry {
                    range: token.range.clone(),
                    sentence: token.sentence,
                    forms,
                    // The query's lemma is the curated lexicon's, so only those can match.
                    lemma: info.and_then(|info| match info.lemma {
                        Some(LemmaRef::Curated(l)) => LemmaId::try_from(l).ok(),
                        _ => None,
                    }),
                    gloss: analysis
                        .entry_of_token(i)
                        .map(|e| words_of(&e.gloss_en))
                        .unwrap_or_default(),
                    lower: text.to_lowercase(),
                }
            })
            .collect();
        Self { entries }
    }

    /// The byte ranges `query` finds, in text order. Arabic words are found in any form:
    /// without diacritics, with clitics (قمة finds القمة and والقمة), and by lemma; several
    /// words find the same words one after another in a sentence. A query with no Arabic
    /// finds Latin words and numbers as written (any case) and Arabic words whose English
    /// gloss holds it (summit finds قمة).
    #[must_use]
    pub fn find(&self, query: &str) -> Vec<Range<usize>> {
        let words: Vec<&str> = query.split_whitespace().collect();
        if words.is_empty() {
            return Vec::new();
        }
        if has_arabic(query) {
            let wanted: Vec<Wanted> = words.iter().map(|w| Wanted::arabic(w)).collect();
            self.sequences(&wanted)
        } else {
            self.latin(&words)
        }
    }

    /// Runs of consecutive words of one sentence, each found by its word of the query.
    fn sequences(&self, wanted: &[Wanted]) -> Vec<Range<usize>> {
        let n = wanted.len();
        self.entries
            .windows(n)
            .filter(|run| {
                run.iter().all(|e| e.sentence == run[0].sentence)
                    && run.iter().zip(wanted).all(|(e, w)| w.finds(e))
            })
            .map(|run| run[0].range.start..run[n - 1].range.end)
            .collect()
    }

    fn latin(&self, words: &[&str]) -> Vec<Range<usize>> {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let phrase = lower.join(" ");
        self.entries
            .iter()
            .filter(|e| {
                e.lower == phrase
                    || e.gloss
                        .windows(lower.len())
                        .any(|window| window.iter().zip(&lower).all(|(g, q)| g == q))
            })
            .map(|e| e.range.clone())
            .collect()
    }
}

/// What one Arabic word of a query finds.
struct Wanted {
    form: String,
    lemma: Option<LemmaId>,
}

impl Wanted {
    fn arabic(word: &str) -> Self {
        Self {
            form: normalize(word),
            lemma: analyze_word(word, Lexicon::bundled()).lemma,
        }
    }

    fn finds(&self, entry: &Entry) -> bool {
        (self.lemma.is_some() && self.lemma == entry.lemma) || entry.forms.contains(&self.form)
    }
}

/// A normalized word without each legal sequence of proclitics (و, ف, ب, ل, ك, س, ال).
fn without_proclitics(word: &str) -> Vec<String> {
    prefixes(word)
        .into_iter()
        .filter(|p| p.letters > 0)
        .filter_map(|p| {
            let rest: String = word.chars().skip(p.letters).collect();
            (rest.chars().count() >= MIN_STEM_LETTERS).then_some(rest)
        })
        .collect()
}

/// The words of an English gloss, lowercase ("summit; peak" → summit, peak).
fn words_of(gloss: &str) -> Vec<String> {
    gloss
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn index(text: &str) -> (Document, SearchIndex) {
        let doc = Document::new("test", text);
        let analysis = analyze(&doc);
        let index = SearchIndex::new(&doc, &analysis);
        (doc, index)
    }

    fn found<'a>(doc: &'a Document, index: &SearchIndex, query: &str) -> Vec<&'a str> {
        index.find(query).iter().map(|r| doc.slice(r)).collect()
    }

    const TEXT: &str =
        "عقدت القمة في موسكو. والقمة مهمة، وقِمَّةٌ أخرى للقمة. قال بوتين إن وبوتين زار CNN في 2019.";

    #[test]
    fn a_word_is_found_with_its_clitics_and_without_diacritics() {
        let (doc, index) = index(TEXT);
        let want = vec!["القمة", "والقمة", "وقِمَّةٌ", "للقمة"];
        assert_eq!(found(&doc, &index, "قمة"), want);
        assert_eq!(found(&doc, &index, "قِمَّة"), want, "diacritics never matter");
        assert_eq!(found(&doc, &index, "القمة"), want, "by lemma");
    }

    #[test]
    fn a_word_the_lexicon_does_not_know_is_found_after_its_clitics() {
        let (doc, index) = index(TEXT);
        assert_eq!(found(&doc, &index, "بوتين"), vec!["بوتين", "وبوتين"]);
        assert!(
            found(&doc, &index, "ين").is_empty(),
            "a clitic is never all but one letter"
        );
    }

    #[test]
    fn an_english_gloss_latin_words_and_numbers_are_found() {
        let (doc, index) = index(TEXT);
        assert_eq!(found(&doc, &index, "Summit"), found(&doc, &index, "قمة"));
        assert_eq!(found(&doc, &index, "cnn"), vec!["CNN"]);
        assert_eq!(found(&doc, &index, "2019"), vec!["2019"]);
    }

    #[test]
    fn several_words_are_found_together_in_one_sentence() {
        let (doc, index) = index(TEXT);
        assert_eq!(found(&doc, &index, "القمة في"), vec!["القمة في"]);
        // "للقمة. قال" spans two sentences: not a match.
        assert!(found(&doc, &index, "قمة قال").is_empty());
        assert!(found(&doc, &index, "   ").is_empty());
    }
}
