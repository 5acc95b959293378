//! English translations of sentences, looked up by the sentence's normalized text.

use foldhash::{HashMap, HashMapExt as _, HashSet};
use std::sync::LazyLock;

use super::assets::{AssetError, TRANSLATIONS_TSV, tsv_rows};
use crate::arabic::normalize::{normalize, normalize_phrase};

/// Translations keyed by the normalized Arabic sentence.
#[derive(Debug, Default)]
pub struct Translations {
    by_sentence: HashMap<String, String>,
    /// The normalized first word of every key: a sentence that starts otherwise has no
    /// translation, and is not normalized whole to find that out.
    first_words: HashSet<String>,
}

impl Translations {
    /// Parses a TSV with the header `arabic english`.
    ///
    /// # Errors
    /// A row with an empty Arabic or English side.
    pub fn parse(name: &str, tsv: &str) -> Result<Self, AssetError> {
        let mut by_sentence = HashMap::new();
        for row in tsv_rows(name, tsv, &["arabic", "english"])? {
            let (line, f) = row?;
            let (arabic, english) = (f[0].trim(), f[1].trim());
            if arabic.is_empty() || english.is_empty() {
                return Err(AssetError::new(
                    name,
                    line,
                    "both arabic and english are required",
                ));
            }
            by_sentence.insert(normalize_phrase(arabic), english.to_owned());
        }
        let first_words = by_sentence
            .keys()
            .filter_map(|k| k.split(' ').next())
            .map(str::to_owned)
            .collect();
        Ok(Self {
            by_sentence,
            first_words,
        })
    }

    /// The translations in `assets/translations.tsv`, parsed once.
    ///
    /// # Panics
    /// If the bundled file is malformed; `tests::the_bundled_translations_parse` rules that out.
    #[must_use]
    pub fn bundled() -> &'static Self {
        static TRANSLATIONS: LazyLock<Translations> = LazyLock::new(|| {
            Translations::parse("assets/translations.tsv", TRANSLATIONS_TSV)
                .unwrap_or_else(|e| panic!("bundled translations: {e}"))
        });
        &TRANSLATIONS
    }

    /// The English of an Arabic sentence, whatever its diacritics, tatweel or spacing.
    #[must_use]
    pub fn of(&self, sentence: &str) -> Option<&str> {
        let first = sentence
            .split_whitespace()
            .map(normalize)
            .find(|w| !w.is_empty())?;
        if !self.first_words.contains(&first) {
            return None;
        }
        self.by_sentence
            .get(&normalize_phrase(sentence))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_translations_parse() {
        let parsed = Translations::parse("assets/translations.tsv", TRANSLATIONS_TSV);
        assert!(parsed.is_ok(), "{:?}", parsed.err());
    }

    #[test]
    fn lookup_ignores_diacritics_and_spacing() {
        let t = Translations::bundled();
        assert_eq!(
            t.of("أوّل  قِمّة بين كيم وبوتين لتعزيز العلاقات التاريخية"),
            Some("First summit between Kim and Putin to strengthen historic relations")
        );
        assert_eq!(t.of("جملة لا يعرفها أحد"), None);
    }
}
