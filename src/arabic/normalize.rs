//! Normalization of Arabic words for matching (lexicon, gazetteer, translations), never for display.
//!
//! Each normalized letter comes from one character of the original word, so a position in
//! the normalized form maps back to a byte range of the original (see [`letter_offsets`]):
//! that is how clitics and entity mentions get byte ranges. A presentation form (ﻻ, ﺑ, as
//! text pasted from old PDFs has them) gives the letters of its compatibility decomposition
//! (NFKC), all pointing at that one character.

use super::script::{is_arabic_mark, is_word_joiner};
use super::tokenize::is_invisible;

/// Arabic presentation forms A and B: ligatures and contextual shapes of letters.
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Calls `letter` with each letter of `c` as matching sees it, before folding: none for a
/// mark, tatweel, joiner or invisible character; the letters of its NFKC decomposition for a
/// presentation form (ﻻ: ل then ا; its marks and spaces dropped); else `c` itself.
pub fn base_letters(c: char, mut letter: impl FnMut(char)) {
    if is_presentation_form(c) {
        unicode_normalization::char::decompose_compatible(c, |d| {
            if !(d.is_whitespace() || is_arabic_mark(d) || is_word_joiner(d) || is_invisible(d)) {
                letter(d);
            }
        });
    } else if !(is_arabic_mark(c) || is_word_joiner(c) || is_invisible(c)) {
        letter(c);
    }
}

/// The matching form of one character: `None` drops it (tashkeel, tatweel, joiners),
/// otherwise its unified letter (a presentation form is unified as its first letter; whole
/// words go through [`normalize`], which keeps all of them).
///
/// - alef with hamza above or below, madda, and wasla (أ إ آ ٱ) → bare alef ا;
/// - hamza on waw or yeh (ؤ ئ) → the lone hamza ء, so one word spelled with either seat
///   (مسؤول / مسئول, and حلفاء / حلفائه) matches;
/// - alef maqsura ى → yeh ي (writers use them interchangeably at the end of a word);
/// - teh marbuta ة → heh ه (the same letter in pause; many texts write ه);
/// - Persian keheh and yeh (ک ی), common in text typed on Persian keyboards → ك ي.
#[must_use]
pub fn fold_char(c: char) -> Option<char> {
    let mut first = None;
    base_letters(c, |l| {
        first.get_or_insert(l);
    });
    first.map(fold_letter)
}

/// The unified form of a base letter (see [`fold_char`]).
#[must_use]
pub fn fold_letter(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ؤ' | 'ئ' => 'ء',
        'ى' | 'ی' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        other => other,
    }
}

/// The matching form of a word or phrase: see [`fold_char`].
#[must_use]
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        base_letters(c, |l| out.push(fold_letter(l)));
    }
    out
}

/// The matching form of a whole phrase: each white-space separated word normalized,
/// joined by one space (how gazetteer aliases and translation keys are compared).
#[must_use]
pub fn normalize_phrase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        // Each word's letters straight into `out` (a phrase per sentence: no copy per word);
        // a word with no letters takes back its space.
        let before = out.len();
        if before > 0 {
            out.push(' ');
        }
        let letters = out.len();
        for c in word.chars() {
            base_letters(c, |l| out.push(fold_letter(l)));
        }
        if out.len() == letters {
            out.truncate(before);
        }
    }
    out
}

/// Byte offsets in `word` where each letter kept by [`normalize`] starts, followed by
/// `word.len()`: letter `i` of the normalized form, with the marks that follow it, is
/// `word[offsets[i]..offsets[i + 1]]`.
#[must_use]
pub fn letter_offsets(word: &str) -> Vec<usize> {
    let mut offsets: Vec<usize> = Vec::with_capacity(word.len() / 2 + 1);
    for (at, c) in word.char_indices() {
        base_letters(c, |_| offsets.push(at));
    }
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
    fn presentation_forms_match_the_letters_they_show() {
        // "السلام" as an old PDF encodes it: alef, lam-alef ligature pieces, final forms.
        assert_eq!(
            normalize("\u{FE8D}\u{FEDF}\u{FEB4}\u{FEFC}\u{FEE1}"),
            "السلام"
        );
        assert_eq!(normalize("\u{FEEB}\u{FEAC}\u{FE8E}"), normalize("هذا"));
        assert_eq!(normalize("\u{FE94}"), normalize("ة"));
        // A ligature of two letters gives both, each mapping back to the ligature.
        let word = "\u{FEDF}\u{FEFC}";
        assert_eq!(letter_offsets(word), vec![0, 3, 3, 6]);
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
