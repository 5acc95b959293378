//! Splits text into words, numbers, Latin words and punctuation, as byte ranges.

use std::ops::Range;

use serde::Serialize;

use super::script::{is_arabic_letter, is_arabic_mark, is_digit, is_word_joiner};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// An Arabic word, with its diacritics.
    Word,
    /// Digits, with the separators between them (`2.5`, `10,000`, `٣٫٥`).
    Number,
    /// A word in Latin (or any other non-Arabic) letters.
    Latin,
    /// One punctuation mark or symbol.
    Punct,
}

/// One token: a byte range into the text and its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawToken {
    pub range: Range<usize>,
    pub kind: TokenKind,
}

/// Tokens of `text` in logical order, offset by `base` (the text's position in a larger string).
/// White space and invisible format characters belong to no token; every letter, digit
/// and mark belongs to exactly one.
#[must_use]
pub fn tokenize(text: &str, base: usize) -> Vec<RawToken> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let kind = if is_arabic_letter(c) || is_arabic_mark(c) {
            TokenKind::Word
        } else if is_digit(c) {
            TokenKind::Number
        } else if c.is_alphanumeric() || (c.is_alphabetic()) {
            TokenKind::Latin
        } else if c.is_whitespace() || is_invisible(c) {
            i += 1;
            continue;
        } else {
            TokenKind::Punct
        };
        let mut j = i + 1;
        if kind != TokenKind::Punct {
            while j < chars.len() && continues(kind, &chars, j) {
                j += 1;
            }
        } else {
            // A mark that follows punctuation still belongs to it (never a token alone).
            while j < chars.len() && (is_arabic_mark(chars[j].1) || is_word_joiner(chars[j].1)) {
                j += 1;
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(at, _)| at);
        tokens.push(RawToken {
            range: base + start..base + end,
            kind,
        });
        i = j;
    }
    tokens
}

fn continues(kind: TokenKind, chars: &[(usize, char)], j: usize) -> bool {
    let c = chars[j].1;
    match kind {
        TokenKind::Word => is_arabic_letter(c) || is_arabic_mark(c) || is_word_joiner(c),
        TokenKind::Number => {
            is_digit(c)
                || (matches!(c, '.' | ',' | '\u{066B}' | '\u{066C}')
                    && chars.get(j + 1).is_some_and(|&(_, n)| is_digit(n))
                    && chars
                        .get(j.wrapping_sub(1))
                        .is_some_and(|&(_, p)| is_digit(p)))
        }
        TokenKind::Latin => {
            (c.is_alphanumeric() && !is_arabic_letter(c) && !is_digit(c))
                || is_combining_latin(c)
                || (matches!(c, '\'' | '’')
                    && chars
                        .get(j + 1)
                        .is_some_and(|&(_, n)| n.is_alphabetic() && !is_arabic_letter(n)))
        }
        TokenKind::Punct => false,
    }
}

fn is_combining_latin(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Format characters with no visible form: direction marks, the BOM, soft hyphen.
#[must_use]
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{FEFF}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{00AD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text, 0)
            .into_iter()
            .map(|t| (&text[t.range], t.kind))
            .collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        use TokenKind::{Latin, Number, Punct, Word};
        assert_eq!(
            kinds("منذ مطلع 2018، قال “كيم” (CNN) 35.5%"),
            vec![
                ("منذ", Word),
                ("مطلع", Word),
                ("2018", Number),
                ("،", Punct),
                ("قال", Word),
                ("“", Punct),
                ("كيم", Word),
                ("”", Punct),
                ("(", Punct),
                ("CNN", Latin),
                (")", Punct),
                ("35.5", Number),
                ("%", Punct),
            ]
        );
    }

    #[test]
    fn diacritics_and_tatweel_never_split_a_word() {
        let toks = kinds("قِمَّةٌ عـــربية");
        assert_eq!(toks.len(), 2);
        assert_eq!(toks[0].0, "قِمَّةٌ");
        assert_eq!(toks[1].0, "عـــربية");
    }

    #[test]
    fn hyphen_splits_compounds_and_a_final_dot_is_not_a_decimal() {
        let toks = kinds("جاي-ان في 2017.");
        let texts: Vec<&str> = toks.iter().map(|t| t.0).collect();
        assert_eq!(texts, vec!["جاي", "-", "ان", "في", "2017", "."]);
    }

    #[test]
    fn offsets_are_shifted_by_base() {
        let toks = tokenize("في", 10);
        assert_eq!(toks[0].range, 10..14);
    }
}
