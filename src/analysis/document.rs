//! The `Document`: a text split once into paragraphs, sentences and tokens, all as byte ranges.

use std::ops::Range;

use serde::Serialize;

use super::in_order::map_in_order;
use crate::arabic::segment;
use crate::arabic::tokenize::{RawToken, TokenKind, tokenize};

/// What part of an article a sentence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// The headline (the first line of a text with more than one line).
    Title,
    /// A sentence of the body.
    Body,
    /// The closing source line ("المصدر: …").
    Source,
}

/// One sentence (segment) of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub kind: SentenceKind,
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Indices of its tokens in `Document::tokens`.
    pub tokens: Range<usize>,
}

/// One token of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: TokenKind,
    /// Index of its sentence.
    pub sentence: usize,
}

/// A text and its structure. Built once; everything else refers into it by index or byte range.
#[derive(Clone, Debug)]
pub struct Document {
    /// Where the text came from (a path or "bundled article"), for titles and messages.
    pub source: String,
    /// The text exactly as read; every byte range points into it.
    pub text: String,
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

/// Paragraphs split at once, in parallel, before their tokens join the document's.
const PARAGRAPH_WINDOW: usize = 512;

/// The article bundled with the app: opened when no file is given.
pub const BUNDLED_ARTICLE: &str = include_str!("../../seeds/000_b18d53c4db9afe0d.txt");
/// The name the bundled article goes by.
pub const BUNDLED_SOURCE: &str = "seeds/000_b18d53c4db9afe0d.txt";

impl Document {
    /// Splits `text` into paragraphs, sentences and tokens.
    #[must_use]
    pub fn new(source: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let paragraphs = segment::paragraphs(&text);
        let mut sentences = Vec::new();
        let mut tokens = Vec::new();
        let last = paragraphs.len().saturating_sub(1);
        // Each paragraph split and tokenized on its own (on every core), joined in order, a
        // window of paragraphs at a time so that the pieces never hold the whole text's tokens.
        for (window, paras) in paragraphs.chunks(PARAGRAPH_WINDOW).enumerate() {
            let split: Vec<Vec<(Range<usize>, Vec<RawToken>)>> =
                map_in_order(paras.len(), 16, |i| {
                    segment::sentences(&text, paras[i].clone())
                        .into_iter()
                        .map(|range| {
                            let raw = tokenize(&text[range.clone()], range.start);
                            (range, raw)
                        })
                        .collect()
                });
            for (i, (para, para_sentences)) in paras.iter().zip(split).enumerate() {
                let p = window * PARAGRAPH_WINDOW + i;
                let kind = if p == 0 && paragraphs.len() > 1 {
                    SentenceKind::Title
                } else if p == last && p > 0 && is_source_line(&text[para.clone()]) {
                    SentenceKind::Source
                } else {
                    SentenceKind::Body
                };
                for (range, raw) in para_sentences {
                    let index = sentences.len();
                    let first = tokens.len();
                    tokens.extend(raw.into_iter().map(|t| Token {
                        range: t.range,
                        kind: t.kind,
                        sentence: index,
                    }));
                    sentences.push(Sentence {
                        kind,
                        range,
                        paragraph: p,
                        tokens: first..tokens.len(),
                    });
                }
            }
        }
        Self {
            source: source.into(),
            text,
            paragraphs,
            sentences,
            tokens,
        }
    }

    /// The bundled article.
    #[must_use]
    pub fn bundled() -> Self {
        Self::new(BUNDLED_SOURCE, BUNDLED_ARTICLE)
    }

    /// The text of a byte range.
    #[must_use]
    pub fn slice(&self, range: &Range<usize>) -> &str {
        self.text.get(range.clone()).unwrap_or_default()
    }

    /// The text of sentence `index`.
    #[must_use]
    pub fn sentence_text(&self, index: usize) -> &str {
        self.sentences
            .get(index)
            .map_or("", |s| self.slice(&s.range))
    }

    /// The sentence that holds byte `at`, if any.
    #[must_use]
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.end <= at);
        self.sentences
            .get(i)
            .filter(|s| s.range.contains(&at))
            .map(|_| i)
    }

    /// The token that holds byte `at`, if any.
    #[must_use]
    pub fn token_at(&self, at: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.range.end <= at);
        self.tokens
            .get(i)
            .filter(|t| t.range.contains(&at))
            .map(|_| i)
    }

    /// Indices of the word-like tokens (Arabic words, numbers, Latin words) of a sentence,
    /// in reading order: the ones a reader steps through.
    pub fn words_of(&self, sentence: usize) -> impl Iterator<Item = usize> + '_ {
        let range = self
            .sentences
            .get(sentence)
            .map_or(0..0, |s| s.tokens.clone());
        range.filter(|&t| self.tokens[t].kind != TokenKind::Punct)
    }
}

fn is_source_line(line: &str) -> bool {
    let line = line.trim_start();
    ["المصدر", "مصدر", "المصادر", "Source"]
        .iter()
        .any(|p| line.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_article_has_a_title_body_and_source() {
        let doc = Document::bundled();
        assert_eq!(doc.sentences[0].kind, SentenceKind::Title);
        assert_eq!(
            doc.sentence_text(0),
            "أول قمة بين كيم وبوتين لتعزيز العلاقات التاريخية"
        );
        let last = doc.sentences.last().map(|s| s.kind);
        assert_eq!(last, Some(SentenceKind::Source));
        assert!(
            doc.sentences[1..doc.sentences.len() - 1]
                .iter()
                .all(|s| s.kind == SentenceKind::Body)
        );
        // The paragraph "وكان الأخير أكد … وكان كيم جونغ أون أشرف …" holds two sentences.
        let two = doc.sentences.iter().filter(|s| s.paragraph == 12).count();
        assert_eq!(two, 2);
    }

    #[test]
    fn lookups_by_byte() {
        let doc = Document::new("t", "أول قمة. ثانية");
        let at = doc.text.find("قمة").unwrap_or_default();
        assert_eq!(
            doc.token_at(at).map(|t| doc.slice(&doc.tokens[t].range)),
            Some("قمة")
        );
        assert_eq!(doc.sentence_at(at), Some(0));
        assert_eq!(
            doc.sentence_at(doc.text.find("ثانية").unwrap_or_default()),
            Some(1)
        );
        let space = doc.text.find(' ').unwrap_or_default();
        assert_eq!(doc.token_at(space), None);
    }
}
