//! Dictionary web sites: lookup addresses with `{word}` and `{lemma}` placeholders, opened in
//! the browser.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::arabic::script::is_arabic_mark;

/// Everything but RFC 3986's unreserved characters is escaped, so a word is safe in a path
/// segment and in a query alike.
const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A dictionary site: its name (shown in the word popup) and its lookup address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupSite {
    pub name: String,
    /// An http(s) address with `{word}` (the word as in the text) and/or `{lemma}`.
    pub template: String,
}

/// Why a lookup address is not accepted.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum SiteError {
    #[error(
        "“{template}” must start with https:// or http://, so that o opens a web page and nothing else."
    )]
    NotWeb { template: String },
    #[error(
        "“{template}” has neither {{word}} nor {{lemma}} in it: Dars would open the same page for every word."
    )]
    NoPlaceholder { template: String },
    #[error("Could not open the browser for {url}: {reason}")]
    NoBrowser { url: String, reason: String },
}

impl LookupSite {
    /// A site with a checked address.
    ///
    /// # Errors
    /// The address is not http(s), or has no placeholder.
    pub fn new(name: &str, template: &str) -> Result<Self, SiteError> {
        let site = Self {
            name: name.trim().to_owned(),
            template: template.trim().to_owned(),
        };
        site.check()?;
        Ok(site)
    }

    /// Checks an address loaded from settings (which a person may have edited by hand).
    ///
    /// # Errors
    /// See [`LookupSite::new`].
    pub fn check(&self) -> Result<(), SiteError> {
        let lower = self.template.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) {
            return Err(SiteError::NotWeb {
                template: self.template.clone(),
            });
        }
        if !(self.template.contains("{word}") || self.template.contains("{lemma}")) {
            return Err(SiteError::NoPlaceholder {
                template: self.template.clone(),
            });
        }
        Ok(())
    }

    /// The address for a word: placeholders replaced by the word and its lemma without vowel
    /// marks (dictionary sites list bare spellings), percent-encoded. Without a lemma,
    /// `{lemma}` is the word.
    #[must_use]
    pub fn url_for(&self, word: &str, lemma: Option<&str>) -> String {
        let word = bare(word);
        let lemma = lemma
            .map(bare)
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| word.clone());
        let encode = |s: &str| utf8_percent_encode(s, ESCAPED).to_string();
        self.template
            .replace("{word}", &encode(&word))
            .replace("{lemma}", &encode(&lemma))
    }
}

/// The word without tashkeel and tatweel, trimmed; its letters are kept as written.
fn bare(word: &str) -> String {
    word.trim()
        .chars()
        .filter(|&c| !is_arabic_mark(c) && c != '\u{0640}')
        .collect()
}

/// The sites a new user starts with: an encyclopaedic dictionary (Wiktionary's Arabic
/// section, by lemma), a large Arabic–English one (Almaany) and a translator (by the form).
#[must_use]
pub fn default_sites() -> Vec<LookupSite> {
    [
        (
            "Wiktionary",
            "https://en.wiktionary.org/wiki/{lemma}#Arabic",
        ),
        ("Almaany", "https://www.almaany.com/en/dict/ar-en/{word}/"),
        (
            "Google Translate",
            "https://translate.google.com/?sl=ar&tl=en&op=translate&text={word}",
        ),
    ]
    .into_iter()
    .map(|(name, template)| LookupSite {
        name: name.into(),
        template: template.into(),
    })
    .collect()
}

/// Opens an address in the user's browser without waiting for it.
///
/// # Errors
/// No browser could be started.
pub fn open_in_browser(url: &str) -> Result<(), SiteError> {
    open::that_detached(url).map_err(|e| SiteError::NoBrowser {
        url: url.to_owned(),
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_bare_and_encoded() {
        let site = LookupSite::new("W", "https://example.org/{lemma}?q={word}&x=1");
        let url = site.map(|s| s.url_for("والقِمَّةُ", Some("قِمَّة")));
        assert_eq!(
            url,
            Ok(format!(
                "https://example.org/{}?q={}&x=1",
                "%D9%82%D9%85%D8%A9", "%D9%88%D8%A7%D9%84%D9%82%D9%85%D8%A9"
            ))
        );
    }

    #[test]
    fn without_a_lemma_the_word_stands_in() {
        let url = default_sites()[0].url_for("كتاب", None);
        assert_eq!(
            url,
            "https://en.wiktionary.org/wiki/%D9%83%D8%AA%D8%A7%D8%A8#Arabic"
        );
    }

    #[test]
    fn an_address_that_is_not_a_web_page_is_refused() {
        assert!(matches!(
            LookupSite::new("x", "file:///etc/passwd?{word}"),
            Err(SiteError::NotWeb { .. })
        ));
        assert!(matches!(
            LookupSite::new("x", "https://example.org/"),
            Err(SiteError::NoPlaceholder { .. })
        ));
        for site in default_sites() {
            assert_eq!(site.check(), Ok(()), "{}", site.name);
        }
    }
}
