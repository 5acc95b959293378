//! Transliteration of fully vocalized Arabic into Latin letters by DIN 31635.
//!
//! The scheme, as applied here (one rule per line of [`consonant`] and [`transliterate`]):
//! - consonants: ب b, ت t, ث ṯ, ج ǧ, ح ḥ, خ ḫ, د d, ذ ḏ, ر r, ز z, س s, ش š, ص ṣ, ض ḍ,
//!   ط ṭ, ظ ẓ, ع ʿ, غ ġ, ف f, ق q, ك k, ل l, م m, ن n, ه h, و w, ي y, hamza ʾ;
//! - short vowels fatha a, kasra i, damma u; sukun writes nothing; shadda doubles;
//! - long vowels: fatha + ا or ى ā, kasra + ي ī, damma + و ū, superscript alef ā;
//!   fatha + sukun'd و or ي the diphthongs aw, ay;
//! - hamza at the start of a word (also after the article) is not written (أَوَّل awwal),
//!   elsewhere ʾ; madda آ is ʾā inside a word (ā at the start);
//! - tanwin an, in, un (the alef or alef maqsura carrying it is silent);
//! - teh marbuta a in pause, t when it carries a vowel;
//! - the article al-, assimilated before sun letters (الشَّمْس aš-šams);
//! - a nisba ending ـِيّ in pause ī.
//!
//! Letters without a vowel mark are written as their consonant only, so a word that is
//! not vocalized comes out as a consonant skeleton rather than a guess.

use super::script::is_arabic_letter;

const FATHA: char = '\u{064E}';
const DAMMA: char = '\u{064F}';
const KASRA: char = '\u{0650}';
const FATHATAN: char = '\u{064B}';
const DAMMATAN: char = '\u{064C}';
const KASRATAN: char = '\u{064D}';
const SHADDA: char = '\u{0651}';
const SUKUN: char = '\u{0652}';
const SUPERSCRIPT_ALEF: char = '\u{0670}';

/// One letter of a vocalized word with its marks.
#[derive(Clone, Copy, Default)]
struct Letter {
    base: char,
    vowel: Option<char>,
    shadda: bool,
    sukun: bool,
    dagger_alef: bool,
}

/// The DIN 31635 transliteration of a vocalized Arabic word or phrase (words separated by
/// spaces stay separated; characters that are not Arabic are copied).
#[must_use]
pub fn transliterate(vocalized: &str) -> String {
    vocalized
        .split(' ')
        .map(transliterate_word)
        .collect::<Vec<_>>()
        .join(" ")
}

fn letters_of(word: &str) -> Vec<Letter> {
    let mut letters: Vec<Letter> = Vec::new();
    for c in word.chars() {
        match (c, letters.last_mut()) {
            (FATHA | DAMMA | KASRA | FATHATAN | DAMMATAN | KASRATAN, Some(l)) => l.vowel = Some(c),
            (SHADDA, Some(l)) => l.shadda = true,
            (SUKUN, Some(l)) => l.sukun = true,
            (SUPERSCRIPT_ALEF, Some(l)) => l.dagger_alef = true,
            ('\u{0640}', _) => {}
            _ => letters.push(Letter {
                base: c,
                ..Letter::default()
            }),
        }
    }
    letters
}

fn transliterate_word(word: &str) -> String {
    let letters = letters_of(word);
    let mut out = String::new();
    let mut i = 0;
    let mut assimilated = false;
    if let [first, lam, next, ..] = letters.as_slice()
        && first.base == 'ا'
        && first.vowel.is_none()
        && lam.base == 'ل'
        && !lam.shadda
        && lam.vowel.is_none()
    {
        // The article: assimilated to a following sun letter (which then carries the shadda).
        if next.shadda && is_sun_letter(next.base) {
            out.push('a');
            out.push_str(consonant(next.base));
            // The article's half of the doubled letter is written already.
            assimilated = true;
        } else {
            out.push_str("al");
        }
        out.push('-');
        i = 2;
    }
    let start = i;
    while i < letters.len() {
        let l = letters[i];
        let prev_vowel = i.checked_sub(1).and_then(|p| letters[p].vowel);
        let at_start = i == start;
        let last = i + 1 == letters.len();
        match l.base {
            'ا' | 'ى' if !at_start && l.vowel.is_none() && !l.shadda => {
                // A lengthening alef, or the silent seat of tanwin.
                if prev_vowel == Some(FATHA) {
                    lengthen(&mut out, 'a', 'ā');
                } else if prev_vowel.is_none() && !out.ends_with('n') {
                    out.push('ā');
                }
            }
            'ا' | 'أ' | 'إ' | 'ٱ' if at_start => {
                // Hamza (or wasla) at the start of a word is not written: only its vowel.
                let vowel = l.vowel.or(match l.base {
                    'إ' => Some(KASRA),
                    _ => Some(FATHA),
                });
                push_vowel(&mut out, vowel, false);
            }
            'آ' => out.push_str(if at_start { "ā" } else { "ʾā" }),
            'ي' if prev_vowel == Some(KASRA) && l.vowel.is_none() => {
                // Long ī; a nisba ـِيّ is ī in pause.
                lengthen(&mut out, 'i', 'ī');
                if l.shadda && !last {
                    out.push('y');
                }
            }
            'و' if prev_vowel == Some(DAMMA) && l.vowel.is_none() && !l.shadda => {
                lengthen(&mut out, 'u', 'ū');
            }
            'ة' => {
                if l.vowel.is_some() {
                    out.push('t');
                    push_vowel(&mut out, l.vowel, false);
                } else if !out.ends_with('a') && !out.ends_with('ā') {
                    out.push('a');
                }
            }
            base => {
                let c = consonant(base);
                out.push_str(c);
                if l.shadda && !(assimilated && i == start) {
                    out.push_str(c);
                }
                push_vowel(&mut out, l.vowel, l.dagger_alef);
                if l.dagger_alef && l.vowel.is_none() {
                    out.push('ā');
                }
            }
        }
        i += 1;
    }
    out
}

/// Turns the short vowel just written into its long form.
fn lengthen(out: &mut String, short: char, long: char) {
    if out.ends_with(short) {
        out.pop();
    }
    out.push(long);
}

fn push_vowel(out: &mut String, vowel: Option<char>, dagger_alef: bool) {
    let text = match vowel {
        Some(FATHA) if dagger_alef => "ā",
        Some(FATHA) => "a",
        Some(KASRA) => "i",
        Some(DAMMA) => "u",
        Some(FATHATAN) => "an",
        Some(KASRATAN) => "in",
        Some(DAMMATAN) => "un",
        _ => "",
    };
    out.push_str(text);
}

/// The consonant a letter stands for (hamza on any seat is ʾ); a character that is not an
/// Arabic letter stands for nothing here.
fn consonant(c: char) -> &'static str {
    match c {
        'ب' => "b",
        'ت' => "t",
        'ث' => "ṯ",
        'ج' => "ǧ",
        'ح' => "ḥ",
        'خ' => "ḫ",
        'د' => "d",
        'ذ' => "ḏ",
        'ر' => "r",
        'ز' => "z",
        'س' => "s",
        'ش' => "š",
        'ص' => "ṣ",
        'ض' => "ḍ",
        'ط' => "ṭ",
        'ظ' => "ẓ",
        'ع' => "ʿ",
        'غ' => "ġ",
        'ف' | 'ڤ' => "f",
        'ق' => "q",
        'ك' | 'ک' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'ه' => "h",
        'و' => "w",
        'ي' | 'ی' => "y",
        'ء' | 'أ' | 'إ' | 'ؤ' | 'ئ' => "ʾ",
        'ا' | 'ى' | 'ٱ' => "",
        c if is_arabic_letter(c) => "",
        _ => "",
    }
}

fn is_sun_letter(c: char) -> bool {
    "تثدذرزسشصضطظلن".contains(c)
}

/// An English spelling of a name written without vowels (a foreign name in Arabic script, as
/// news write them): long-vowel letters give vowels, the rest their usual consonant, and the
/// result is capitalized (بلينكن → Blinkn, لولا → Lula, فييرا → Fiyira). It cannot restore
/// the short vowels the script leaves out; it gives a name to call the person by.
#[must_use]
pub fn romanize_name(word: &str) -> String {
    match crate::arabic::normalize::normalize(word).as_str() {
        "بن" => return "bin".into(),
        "ابن" => return "ibn".into(),
        "بنت" => return "bint".into(),
        "ابو" => return "Abu".into(),
        "ال" => return "Al".into(),
        "عبد" => return "Abd".into(),
        _ => {}
    }
    let letters: Vec<char> = word.chars().filter(|&c| is_arabic_letter(c)).collect();
    let mut out = String::new();
    for (i, &c) in letters.iter().enumerate() {
        let first = i == 0;
        let last = i + 1 == letters.len();
        let part = match c {
            'ا' | 'أ' | 'آ' | 'ٱ' | 'ى' | 'ة' => "a",
            'إ' => "i",
            'و' if first => "w",
            'و' if last => "o",
            'و' => "u",
            'ي' if first => "y",
            // إي: the kasra's long vowel, written once.
            'ي' if out == "i" => "",
            'ي' if out.ends_with('i') => "y",
            'ي' => "i",
            'ع' if first => "a",
            'ع' | 'ء' | 'ؤ' | 'ئ' => "",
            'ث' => "th",
            'خ' => "kh",
            'ذ' => "dh",
            'ش' => "sh",
            'غ' | 'گ' => "g",
            'ح' => "h",
            'ص' => "s",
            'ض' => "d",
            'ط' => "t",
            'ظ' => "z",
            'ڤ' => "v",
            'پ' => "p",
            'چ' => "ch",
            other => consonant(other),
        };
        out.push_str(part);
    }
    let mut chars = out.chars();
    chars
        .next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::transliterate;

    #[test]
    fn names_without_vowels_get_an_english_spelling() {
        use super::romanize_name;
        assert_eq!(romanize_name("بلينكن"), "Blinkn");
        assert_eq!(romanize_name("لولا"), "Lula");
        assert_eq!(romanize_name("روبيو"), "Rubio");
        assert_eq!(romanize_name("بن"), "bin");
        assert_eq!(romanize_name("إيناسيو"), "Inasio");
        assert_eq!(romanize_name("فييرا"), "Fiyra");
    }

    #[test]
    fn short_and_long_vowels_and_shadda() {
        assert_eq!(transliterate("قِمَّة"), "qimma");
        assert_eq!(transliterate("قَالَ"), "qāla");
        assert_eq!(transliterate("بُوتِين"), "būtīn");
        assert_eq!(transliterate("فِي"), "fī");
        assert_eq!(transliterate("عَلَى"), "ʿalā");
        assert_eq!(transliterate("يَوْم"), "yawm");
    }

    #[test]
    fn hamza_at_the_start_is_not_written_elsewhere_it_is() {
        assert_eq!(transliterate("أَوَّل"), "awwal");
        assert_eq!(transliterate("إِلَى"), "ilā");
        assert_eq!(transliterate("مُؤَسِّس"), "muʾassis");
        assert_eq!(transliterate("لِقَاء"), "liqāʾ");
        assert_eq!(transliterate("اِلْتَقَى"), "iltaqā");
    }

    #[test]
    fn tanwin_nisba_article_and_dagger_alef() {
        assert_eq!(transliterate("جِدًّا"), "ǧiddan");
        assert_eq!(transliterate("مُسْتَوًى"), "mustawan");
        assert_eq!(transliterate("تَارِيخِيّ"), "tārīḫī");
        assert_eq!(transliterate("جُمْهُورِيَّة"), "ǧumhūriyya");
        assert_eq!(transliterate("الْآنَ"), "al-āna");
        assert_eq!(transliterate("الشَّمْس"), "aš-šams");
        assert_eq!(transliterate("هٰذَا"), "hāḏā");
        assert_eq!(transliterate("لٰكِنْ"), "lākin");
    }
}
