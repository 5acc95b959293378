//! dictd dictionaries: a tab-separated `.index` (headword, offset, length in dictd's base 64)
//! over a `.dict` or dictzip'ed `.dict.dz` file.

use std::path::Path;

use super::local::{Data, Dictionary, Format, Headword, matching_form};

/// dictd's own base 64 digits, most significant first.
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The headword of the entry that names the dictionary, in its two spellings.
const SHORT_NAME_ENTRIES: [&str; 2] = ["00-database-short", "00databaseshort"];

/// Opens the dictionary whose index is at `index` (`NAME.index`, beside `NAME.dict[.dz]`).
///
/// # Errors
/// The index or the data file is missing or unreadable, or a line of the index is malformed.
pub fn open(index: &Path) -> Result<Dictionary, String> {
    let text = std::fs::read_to_string(index).map_err(|e| e.to_string())?;
    let data = Data::beside(index, "index")?;
    let mut headwords = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let headword = parse_line(line)
            .ok_or_else(|| format!("line {} of the index is malformed", number + 1))?;
        headwords.push(headword);
    }
    let mut dictionary = Dictionary::new(Format::Dictd, index, data, headwords);
    let name = SHORT_NAME_ENTRIES
        .iter()
        .find_map(|entry| dictionary.raw_definition(entry))
        .and_then(|raw| {
            raw.lines()
                .map(str::trim)
                .rfind(|line| !line.is_empty() && !SHORT_NAME_ENTRIES.contains(line))
                .map(str::to_owned)
        });
    if let Some(name) = name {
        dictionary.name = name;
    }
    dictionary
        .hide_headwords(|word| word.starts_with("00-database-") || word.starts_with("00database"));
    Ok(dictionary)
}

fn parse_line(line: &str) -> Option<Headword> {
    let mut fields = line.split('\t');
    let text = fields.next()?.to_owned();
    let offset = base64_number(fields.next()?)?;
    let size = base64_number(fields.next()?)?;
    Some(Headword { text, offset, size })
}

/// A number in dictd's base 64 (`B` is 1, `BA` is 64).
fn base64_number(digits: &str) -> Option<u64> {
    if digits.is_empty() || digits.len() > 10 {
        return None;
    }
    digits.bytes().try_fold(0_u64, |value, digit| {
        let d = DIGITS.iter().position(|&c| c == digit)?;
        Some(value * 64 + d as u64)
    })
}

/// A dictd entry's text starts with its headword (and often a pronunciation) on a line of
/// its own, perhaps with vowel marks the index lacks: that line becomes the entry's heading,
/// the rest its definition.
#[must_use]
pub fn split_heading(raw: &str, headword: &str) -> (String, String) {
    let raw = raw.trim_matches('\n');
    let starts_with_headword = |line: &str| {
        let words = headword.split_whitespace().count().max(1);
        let start: Vec<&str> = line.split_whitespace().take(words).collect();
        matching_form(&start.join(" ")) == matching_form(headword)
    };
    match raw.split_once('\n') {
        Some((first, rest)) if starts_with_headword(first) => {
            (first.trim().to_owned(), rest.trim_end().to_owned())
        }
        _ => (headword.to_owned(), raw.trim_end().to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictd_numbers_are_base_64() {
        assert_eq!(base64_number("A"), Some(0));
        assert_eq!(base64_number("B"), Some(1));
        assert_eq!(base64_number("BA"), Some(64));
        assert_eq!(base64_number("/"), Some(63));
        assert_eq!(
            base64_number("IhAH"),
            Some(8 * 64 * 64 * 64 + 33 * 64 * 64 + 7)
        );
        assert_eq!(base64_number("a-b"), None);
        assert_eq!(base64_number(""), None);
    }

    #[test]
    fn the_first_line_is_the_heading() {
        assert_eq!(
            split_heading("القمة /ʔalqˈimma/\n1. Cusps\n2. Crest\n", "القمة"),
            ("القمة /ʔalqˈimma/".into(), "1. Cusps\n2. Crest".into())
        );
        assert_eq!(
            split_heading("القمّة /ʔˈalqmmt/\n1. Acme\n", "القمة"),
            ("القمّة /ʔˈalqmmt/".into(), "1. Acme".into())
        );
        assert_eq!(
            split_heading("summit\n", "قمة"),
            ("قمة".into(), "summit".into())
        );
    }
}
