//! Normalization of Arabic words for matching (lexicon, gazetteer, translations), never for display.
//!
//! One normalized letter stands for exactly one base letter of the original word, so a
//! position in the normalized form maps back to a byte range of the original (see
//! [`letter_offsets`]): that is how clitics and entity mentions get byte ranges.

use super::script::{is_arabic_mark, is_word_joiner};
use super::tokenize::is_invisible;

/// The matching form of one character: `None` drops it (tashkeel, tatweel, joiners),
/// otherwise its unified letter.
///
/// - alef with hamza above or below, madda, and wasla (أ إ آ ٱ) → bare alef ا;
/// - hamza on waw or yeh (ؤ ئ) → the lone hamza ء, so one word spelled with either seat
///   (مسؤول / مسئول, and حلفاء / حلفائه) matches;
/// - alef maqsura ى → yeh ي (writers use them interchangeably at the end of a word);
/// - teh marbuta ة → heh ه (the same letter in pause; many texts write ه);
/// - Persian keheh and yeh (ک ی), common in text typed on Persian keyboards → ك ي.
#[must_use]
pub fn fold_char(c: char) -> Option<char> {
    if is_arabic_mark(c) || is_word_joiner(c) || is_invisible(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ؤ' | 'ئ' => 'ء',
        'ى' | 'ی' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        other => other,
    })
}

/// The matching form of a word or phrase: see [`fold_char`].
#[must_use]
pub fn normalize(text: &str) -> String {
    text.chars().filter_map(fold_char).collect()
}

/// The matching form of a whole phrase: each white-space separated word normalized,
/// joined by one space (how gazetteer aliases and translation keys are compared).
#[must_use]
pub fn normalize_phrase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let word = normalize(word);
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

/// Byte offsets in `word` where each letter kept by [`normalize`] starts, followed by
/// `word.len()`: letter `i` of the normalized form, with the marks that follow it, is
/// `word[offsets[i]..offsets[i + 1]]`.
#[must_use]
pub fn letter_offsets(word: &str) -> Vec<usize> {
    let mut offsets: Vec<usize> = word
        .char_indices()
        .filter(|&(_, c)| fold_char(c).is_some())
        .map(|(at, _)| at)
        .collect();
    offsets.push(word.len());
    offsets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tashkeel_and_tatweel_are_dropped() {
        assert_eq!(normalize("قِمَّةٌ"), normalize("قمة"));
        assert_eq!(normalize("عـــربية"), "عربيه");
        assert_eq!(normalize("جِدًّا"), "جدا");
        assert_eq!(normalize("هٰذَا"), "هذا");
    }

    #[test]
    fn alef_variants_become_bare_alef() {
        for word in ["أون", "إون", "آون", "ٱون", "اون"] {
            assert_eq!(normalize(word), "اون", "{word}");
        }
        assert_eq!(normalize("الإلتفاف"), normalize("الالتفاف"));
    }

    #[test]
    fn hamza_seats_are_unified() {
        assert_eq!(normalize("مسؤول"), normalize("مسئول"));
        assert_eq!(normalize("حلفائه"), "حلفاءه");
    }

    #[test]
    fn final_yeh_and_teh_marbuta_are_unified() {
        assert_eq!(normalize("على"), normalize("علي"));
        assert_eq!(normalize("حوالى"), "حوالي");
        assert_eq!(normalize("قمة"), normalize("قمه"));
    }

    #[test]
    fn phrases_normalize_word_by_word() {
        assert_eq!(
            normalize_phrase("  الرئيسُ   الروسيّ "),
            format!("{} {}", normalize("الرئيس"), normalize("الروسي"))
        );
    }

    #[test]
    fn offsets_map_letters_back_to_the_original() {
        let word = "وَبُوتين";
        let offsets = letter_offsets(word);
        assert_eq!(offsets.len(), normalize(word).chars().count() + 1);
        // The first letter keeps its fatha.
        assert_eq!(&word[offsets[0]..offsets[1]], "وَ");
        assert_eq!(&word[offsets[1]..], "بُوتين");
    }
}
