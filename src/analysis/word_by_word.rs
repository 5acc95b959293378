//! A word-by-word English line for a sentence with no translation, as interlinear texts give
//! one (the Quranic Arabic Corpus does): each word's chosen gloss in reading order, with its
//! clitics ("and the summit"), names as names.

use std::ops::Range;

use super::analyze::Analysis;
use super::document::Document;
use super::lemmas::LemmaRef;
use super::readings::Reading;
use crate::analysis::bama::Tables;
use crate::arabic::tokenize::TokenKind;

/// What a word-by-word item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GlossKind {
    /// A word with its gloss.
    Word,
    /// A name (one item for all its words), given in English.
    Name,
    /// A number or a word in Latin letters, given as written.
    AsWritten,
    /// A word no lexicon analyses: shown as "?".
    Unknown,
}

/// One item of the line: the bytes of the text it glosses and its English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordGloss {
    pub range: Range<usize>,
    pub gloss: String,
    pub kind: GlossKind,
}

/// The first sense of a gloss, without its notes: "to hold (a meeting)" → "to hold",
/// "write; be fated" → "write".
#[must_use]
pub fn first_sense(gloss: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in gloss.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ';' | ',' if depth == 0 && !out.trim().is_empty() => break,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn proclitic_gloss(clitic: &str) -> &'static str {
    match clitic {
        "و" => "and",
        "ف" => "so",
        "ب" => "with",
        "ل" => "for",
        "ك" => "like",
        "س" => "will",
        "ال" => "the",
        _ => "",
    }
}

fn enclitic_gloss(clitic: &str) -> &'static str {
    match clitic {
        "ه" => "his",
        "ها" => "her",
        "هما" | "هم" | "هن" => "their",
        "ك" | "كما" | "كم" | "كن" => "your",
        "ي" | "ني" => "my",
        "نا" => "our",
        _ => "",
    }
}

impl Analysis {
    fn gloss_of(&self, r: &Reading) -> String {
        // BAMA's gloss of the very stem read (كتب as "books", not "book") where it has one.
        let stem = r
            .solution
            .map(|s| s.glosses(Tables::bundled())[1].to_owned())
            .filter(|g| {
                !g.is_empty() && !matches!(r.lemma, LemmaRef::Curated(_) | LemmaRef::User(_))
            });
        let core = stem
            .or_else(|| self.lemma_facts(r.lemma).map(|f| f.gloss_en))
            .unwrap_or_default();
        let mut parts: Vec<&str> = r.proclitics().map(proclitic_gloss).collect();
        let core = first_sense(&core);
        parts.push(&core);
        let suffix = r.enclitic().map(enclitic_gloss).unwrap_or_default();
        let mut text = parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if !suffix.is_empty() {
            text = format!("{text} ({suffix})");
        }
        text
    }

    /// The word-by-word line of sentence `sentence` of `doc`, in reading order: one item per
    /// word, number or Latin word, and one per name (whatever its length).
    #[must_use]
    pub fn word_by_word(&self, doc: &Document, sentence: usize) -> Vec<WordGloss> {
        let Some(s) = doc.sentences.get(sentence) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut t = s.tokens.start;
        while t < s.tokens.end {
            let token = &doc.tokens[t];
            let mention = self.mention_spans().find(|(range, _)| {
                range.contains(&token.range.start)
                    || (range.start > token.range.start && range.start < token.range.end)
            });
            if let Some((range, e)) = mention {
                let entity = &self.entities[e];
                out.push(WordGloss {
                    range: range.clone(),
                    gloss: entity.name_en.clone(),
                    kind: GlossKind::Name,
                });
                while t < s.tokens.end && doc.tokens[t].range.start < range.end {
                    t += 1;
                }
                continue;
            }
            let item = match token.kind {
                TokenKind::Punct => None,
                TokenKind::Number | TokenKind::Latin => {
                    Some((doc.slice(&token.range).to_owned(), GlossKind::AsWritten))
                }
                TokenKind::Word => Some(match self.words.chosen(t) {
                    Some(r) => (self.gloss_of(r), GlossKind::Word),
                    None => ("?".to_owned(), GlossKind::Unknown),
                }),
            };
            if let Some((gloss, kind)) = item {
                out.push(WordGloss {
                    range: token.range.clone(),
                    gloss,
                    kind,
                });
            }
            t += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    #[test]
    fn first_senses() {
        assert_eq!(first_sense("to hold (a meeting)"), "to hold");
        assert_eq!(first_sense("write; be fated"), "write");
        assert_eq!(first_sense("(with past verb) has, already"), "has");
    }

    #[test]
    fn a_sentence_word_by_word_with_clitics_and_names() {
        let doc = Document::new("t", "ووقع الرئيس البرازيلي لولا والكتاب في برازيليا 2025.");
        let a = analyze(&doc);
        let line: Vec<(String, GlossKind)> = a
            .word_by_word(&doc, 0)
            .into_iter()
            .map(|w| (w.gloss, w.kind))
            .collect();
        let glosses: Vec<&str> = line.iter().map(|(g, _)| g.as_str()).collect();
        assert_eq!(glosses[0].split(' ').next(), Some("and"), "{glosses:?}");
        assert!(
            line.iter()
                .any(|(g, k)| *k == GlossKind::Name && g == "Lula"),
            "{line:?}"
        );
        assert!(glosses.contains(&"and the book"), "{glosses:?}");
        assert!(glosses.contains(&"in"), "{glosses:?}");
        assert_eq!(
            line.last(),
            Some(&("2025".to_owned(), GlossKind::AsWritten))
        );
    }
}
