//! Wrong vocalizations of a word for the vowelling question: its short vowels changed, one or two at a time.

use super::shuffle::Seeded;
use crate::arabic::normalize::normalize;
use crate::arabic::script::is_arabic_mark;

const FATHA: char = '\u{064E}';
const DAMMA: char = '\u{064F}';
const KASRA: char = '\u{0650}';
const SUKUN: char = '\u{0652}';
/// The short vowels a letter can carry; a sukun may become any of them.
const VOWELS: [char; 3] = [FATHA, DAMMA, KASRA];

/// A short vowel or sukun that may be changed: where it is, which one, and whether the
/// letter it sits on may go vowelless.
#[derive(Clone, Copy)]
struct Slot {
    at: usize,
    vowel: char,
    sukun_allowed: bool,
    /// The letter it sits on: the hamza's seat fixes the vowel of إ (kasra) and of أ (fatha or damma).
    letter: char,
}

/// The vowels of a vocalized word that can change. A vowel before a long vowel (ى, or ا و ي
/// without marks of their own) is fixed by it (a fatha before ا) and is left alone; the first
/// letter and a letter after a long vowel never take a sukun (no Arabic word is said so).
fn vowel_slots(vocalized: &str) -> Vec<Slot> {
    let chars: Vec<(usize, char)> = vocalized.char_indices().collect();
    let is_mark = |i: usize| chars.get(i).is_some_and(|&(_, c)| is_arabic_mark(c));
    // Index in `chars` of the letter each char belongs to (a mark belongs to the letter before).
    let letters: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|&(i, _)| !is_mark(i))
        .map(|(i, _)| i)
        .collect();
    let is_long_vowel = |letter: usize| {
        let c = chars[letter].1;
        c == 'ى' || (matches!(c, 'ا' | 'و' | 'ي') && !is_mark(letter + 1))
    };
    let mut slots = Vec::new();
    for (n, &letter) in letters.iter().enumerate() {
        let next_is_long = letters.get(n + 1).is_some_and(|&l| is_long_vowel(l));
        let after_long = n > 0 && letters.get(n - 1).is_some_and(|&l| is_long_vowel(l));
        let marks = (letter + 1..chars.len()).take_while(|&i| is_mark(i));
        for i in marks {
            let (at, vowel) = chars[i];
            let changeable = VOWELS.contains(&vowel) || vowel == SUKUN;
            if changeable && !next_is_long && chars[letter].1 != 'إ' {
                slots.push(Slot {
                    at,
                    vowel,
                    sukun_allowed: n > 0 && !after_long,
                    letter: chars[letter].1,
                });
            }
        }
    }
    slots
}

/// Every vocalization of `vocalized`'s letters with one vowel changed, and with two.
fn variants(vocalized: &str) -> (Vec<String>, Vec<String>) {
    let slots = vowel_slots(vocalized);
    let others = |slot: Slot| {
        [FATHA, DAMMA, KASRA, SUKUN]
            .into_iter()
            .filter(move |&v| v != slot.vowel && (v != SUKUN || slot.sukun_allowed))
            .filter(move |&v| slot.letter != 'أ' || matches!(v, FATHA | DAMMA))
    };
    let mut one: Vec<String> = Vec::new();
    let mut two: Vec<String> = Vec::new();
    for (i, &slot) in slots.iter().enumerate() {
        for by in others(slot) {
            let changed = with_vowel(vocalized, slot.at, by);
            for &second in &slots[i + 1..] {
                two.extend(others(second).map(|by2| with_vowel(&changed, second.at, by2)));
            }
            one.push(changed);
        }
    }
    (one, two)
}

/// `vocalized` with the vowel at byte `at` replaced by `by`.
fn with_vowel(vocalized: &str, at: usize, by: char) -> String {
    let mut out = String::with_capacity(vocalized.len());
    for (i, c) in vocalized.char_indices() {
        out.push(if i == at { by } else { c });
    }
    out
}

/// A vocalization without its final short vowel or sukun: case endings come and go, so
/// عَقْدَ and عَقْد read as the same word.
fn reading(vocalized: &str) -> &str {
    vocalized.trim_end_matches(|c| VOWELS.contains(&c) || c == SUKUN)
}

/// Whether `vocalized` has a vowel to change: the words a vowelling question can ask about.
#[must_use]
pub fn has_vowels(vocalized: &str) -> bool {
    vowel_slots(vocalized).iter().any(|s| s.vowel != SUKUN)
}

/// `n` vocalizations of the same letters as `vocalized`, each different from it and from every
/// vocalization in `also_correct` (homographs: another word spelled with these letters), one
/// vowel changed first and then two; `None` when the word has too few vowels.
pub fn wrong_vocalizations(
    vocalized: &str,
    also_correct: &[String],
    n: usize,
    rng: &mut Seeded,
) -> Option<Vec<String>> {
    let (mut one, mut two) = variants(vocalized);
    rng.shuffle(&mut one);
    rng.shuffle(&mut two);
    let letters = normalize(vocalized);
    let taken: Vec<&str> = also_correct
        .iter()
        .map(|v| reading(v))
        .chain([reading(vocalized)])
        .collect();
    let mut chosen: Vec<String> = Vec::with_capacity(n);
    for variant in one.into_iter().chain(two) {
        if chosen.len() == n {
            break;
        }
        let fresh = normalize(&variant) == letters
            && !taken.contains(&reading(&variant))
            && !chosen.iter().any(|c| reading(c) == reading(&variant));
        if fresh {
            chosen.push(variant);
        }
    }
    (chosen.len() == n).then_some(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_change_only_the_vowels() {
        let word = "قِمَّة";
        let wrong = wrong_vocalizations(word, &[], 3, &mut Seeded::new(3)).unwrap_or_default();
        assert_eq!(wrong.len(), 3);
        for v in &wrong {
            assert_ne!(v, word);
            assert_eq!(normalize(v), normalize(word));
            assert_eq!(v.chars().count(), word.chars().count());
        }
        // A homograph's vocalization is never offered as wrong.
        let noun = "عَقْد".to_owned();
        let verb_variants =
            wrong_vocalizations("عَقَدَ", std::slice::from_ref(&noun), 3, &mut Seeded::new(0))
                .unwrap_or_default();
        assert_eq!(verb_variants.len(), 3);
        assert!(verb_variants.iter().all(|v| reading(v) != reading(&noun)));
        // Without the noun to avoid, عَقْدَ would be among the candidates.
        assert!(variants("عَقَدَ").0.contains(&"عَقْدَ".to_owned()));
        assert!(!has_vowels("كيم"));
        // The fatha before a long ā is never changed (إِطْلُاق is no word).
        let wrong = wrong_vocalizations("إِطْلَاق", &[], 3, &mut Seeded::new(0)).unwrap_or_default();
        assert!(wrong.iter().all(|v| v.contains("لَا")), "{wrong:?}");
        // إ always has a kasra: its vowel is never changed.
        assert!(wrong.iter().all(|v| v.starts_with("إِ")), "{wrong:?}");
        // Nor does the letter after a long ā lose its vowel (خَارْجِيّ is no word).
        let (one, two) = variants("خَارِجِيّ");
        assert!(!one.iter().chain(&two).any(|v| v.contains("ارْ")), "{one:?}");
        assert!(wrong_vocalizations("كيم", &[], 3, &mut Seeded::new(0)).is_none());
    }
}
