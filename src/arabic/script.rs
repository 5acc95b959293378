//! Character classes of Arabic script that tokenizing and layout rely on.

/// A base letter of the Arabic script (not a mark, digit or punctuation).
#[must_use]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFC}')
}

/// A mark that belongs to the letter before it: tashkeel, shadda, tanwin,
/// superscript alef, Quranic marks, and tatweel (which stretches a word, never splits it).
#[must_use]
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{0640}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08CA}'..='\u{08FF}')
}

/// Marks that never change which word a letter belongs to: the joiners and
/// variation selectors keep a word whole.
#[must_use]
pub fn is_word_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}')
}

/// A decimal digit, Western or Arabic-Indic.
#[must_use]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// True when the text has at least one Arabic letter.
#[must_use]
pub fn has_arabic(text: &str) -> bool {
    text.chars().any(is_arabic_letter)
}
