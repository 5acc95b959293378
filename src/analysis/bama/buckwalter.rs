//! Buckwalter's ASCII transliteration of Arabic, in which BAMA's tables are written.

/// The Arabic character of a Buckwalter character (extended with P چ J V G for the Persian
/// letters); `None` for a character the scheme does not use.
#[must_use]
pub fn arabic_of(c: u8) -> Option<char> {
    Some(match c {
        b'\'' => 'ء',
        b'|' => 'آ',
        b'>' => 'أ',
        b'&' => 'ؤ',
        b'<' => 'إ',
        b'}' => 'ئ',
        b'A' => 'ا',
        b'b' => 'ب',
        b'p' => 'ة',
        b't' => 'ت',
        b'v' => 'ث',
        b'j' => 'ج',
        b'H' => 'ح',
        b'x' => 'خ',
        b'd' => 'د',
        b'*' => 'ذ',
        b'r' => 'ر',
        b'z' => 'ز',
        b's' => 'س',
        b'$' => 'ش',
        b'S' => 'ص',
        b'D' => 'ض',
        b'T' => 'ط',
        b'Z' => 'ظ',
        b'E' => 'ع',
        b'g' => 'غ',
        b'_' => 'ـ',
        b'f' => 'ف',
        b'q' => 'ق',
        b'k' => 'ك',
        b'l' => 'ل',
        b'm' => 'م',
        b'n' => 'ن',
        b'h' => 'ه',
        b'w' => 'و',
        b'Y' => 'ى',
        b'y' => 'ي',
        b'F' => '\u{064B}',
        b'N' => '\u{064C}',
        b'K' => '\u{064D}',
        b'a' => '\u{064E}',
        b'u' => '\u{064F}',
        b'i' => '\u{0650}',
        b'~' => '\u{0651}',
        b'o' => '\u{0652}',
        b'`' => '\u{0670}',
        // Alef wasla: written as a plain alef, which is how any text spells it.
        b'{' => 'ا',
        b'P' => 'پ',
        b'J' => 'چ',
        b'V' => 'ڤ',
        b'G' => 'گ',
        _ => return None,
    })
}

/// Arabic script for a Buckwalter string (characters outside the scheme are left out). A
/// vowel after a shadda is put before it, in Unicode's canonical order (as NFC writes قِمَّة),
/// so the result compares equal to text typed or normalized elsewhere.
#[must_use]
pub fn to_arabic(buckwalter: &str) -> String {
    let mut out = String::with_capacity(buckwalter.len() * 2);
    push_arabic(&mut out, buckwalter);
    out
}

/// [`to_arabic`], appended to `out`.
pub fn push_arabic(out: &mut String, buckwalter: &str) {
    let bytes = buckwalter.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'~'
            && let Some(&next) = bytes.get(i + 1)
            && matches!(next, b'a' | b'u' | b'i' | b'F' | b'N' | b'K')
        {
            out.extend(arabic_of(next));
            out.push('\u{0651}');
            i += 2;
            continue;
        }
        out.extend(arabic_of(bytes[i]));
        i += 1;
    }
}

/// Arabic script without the short vowels, shadda, sukun and tanwin: how a text writes it.
#[must_use]
pub fn to_bare_arabic(buckwalter: &str) -> String {
    buckwalter
        .bytes()
        .filter(|&b| !is_vowel_mark(b))
        .filter_map(arabic_of)
        .collect()
}

/// A Buckwalter character that writes a mark (a vowel, shadda, sukun, tanwin, dagger alef).
#[must_use]
pub fn is_vowel_mark(c: u8) -> bool {
    matches!(
        c,
        b'a' | b'u' | b'i' | b'o' | b'~' | b'F' | b'N' | b'K' | b'`'
    )
}

/// The matching key of one letter: Buckwalter with every alef spelled `A` and every hamza seat
/// `'` (texts drop and move hamzas; BAMA's tables list such spellings anyway). ة and ى keep
/// their own letters, as BAMA does: "القمة" is never read as "ألقمه" (he fed him); a text that
/// writes ه for ة or ي for ى at the end of a word is read again with them (see
/// [`super::solutions`]). `None` for a character BAMA has no letter for.
#[must_use]
pub fn key_of(c: char) -> Option<u8> {
    Some(match c {
        'ء' | 'ؤ' | 'ئ' => b'\'',
        'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' => b'A',
        'ب' => b'b',
        'ت' => b't',
        'ث' => b'v',
        'ج' => b'j',
        'ح' => b'H',
        'خ' => b'x',
        'د' => b'd',
        'ذ' => b'*',
        'ر' => b'r',
        'ز' => b'z',
        'س' => b's',
        'ش' => b'$',
        'ص' => b'S',
        'ض' => b'D',
        'ط' => b'T',
        'ظ' => b'Z',
        'ع' => b'E',
        'غ' => b'g',
        'ف' => b'f',
        'ق' => b'q',
        'ك' | 'ک' => b'k',
        'ل' => b'l',
        'م' => b'm',
        'ن' => b'n',
        'ه' => b'h',
        'ة' => b'p',
        'و' => b'w',
        'ي' | 'ی' => b'y',
        'ى' => b'Y',
        'پ' => b'P',
        'چ' => b'J',
        'ڤ' => b'V',
        'گ' => b'G',
        _ => return None,
    })
}

/// The matching key of a Buckwalter string as BAMA writes it without vowels, appended to
/// `out`: the same folding as [`key_of`], so a table entry and a word of the text meet.
pub fn fold_key_into(buckwalter: &str, out: &mut Vec<u8>) {
    out.extend(
        buckwalter
            .bytes()
            .filter(|&b| !is_vowel_mark(b))
            .map(|b| match b {
                b'>' | b'<' | b'|' | b'{' => b'A',
                b'&' | b'}' => b'\'',
                other => other,
            }),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold_key(buckwalter: &str) -> String {
        let mut key = Vec::new();
        fold_key_into(buckwalter, &mut key);
        String::from_utf8_lossy(&key).into_owned()
    }

    #[test]
    fn vocalized_and_bare_arabic() {
        assert_eq!(to_arabic("kataba"), "كَتَبَ");
        assert_eq!(to_arabic("qim~ap"), "قِمَّة");
        assert_eq!(to_bare_arabic("{iltaqaY"), "التقى");
        assert_eq!(to_bare_arabic(">abAbap"), "أبابة");
    }

    #[test]
    fn keys_of_text_and_tables_meet() {
        let text: String = "مسؤولية"
            .chars()
            .filter_map(key_of)
            .map(char::from)
            .collect();
        assert_eq!(text, fold_key("mas&uwliy~ap"));
        assert_eq!(fold_key(">akal"), fold_key("Akl"));
        assert_eq!(fold_key("ElY"), "ElY");
    }
}
