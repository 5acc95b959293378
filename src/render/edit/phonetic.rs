//! Phonetic typing: Latin keys type Arabic letters by Tim Buckwalter's transliteration (the
//! table is shown beside the field), for learners without an Arabic keyboard layout.

/// Each key, the Arabic it types, and a short name shown in the table. Buckwalter's
/// transliteration, which is case-sensitive (`s` س, `S` ص), plus the three Arabic
/// punctuation marks on their Latin keys. Keys not in the table type themselves.
pub const TABLE: [(char, &str, &str); 48] = [
    ('A', "ا", "alif"),
    ('b', "ب", "bā'"),
    ('t', "ت", "tā'"),
    ('v', "ث", "thā'"),
    ('j', "ج", "jīm"),
    ('H', "ح", "ḥā'"),
    ('x', "خ", "khā'"),
    ('d', "د", "dāl"),
    ('*', "ذ", "dhāl"),
    ('r', "ر", "rā'"),
    ('z', "ز", "zāy"),
    ('s', "س", "sīn"),
    ('$', "ش", "shīn"),
    ('S', "ص", "ṣād"),
    ('D', "ض", "ḍād"),
    ('T', "ط", "ṭā'"),
    ('Z', "ظ", "ẓā'"),
    ('E', "ع", "ʿayn"),
    ('g', "غ", "ghayn"),
    ('f', "ف", "fā'"),
    ('q', "ق", "qāf"),
    ('k', "ك", "kāf"),
    ('l', "ل", "lām"),
    ('m', "م", "mīm"),
    ('n', "ن", "nūn"),
    ('h', "ه", "hā'"),
    ('w', "و", "wāw"),
    ('y', "ي", "yā'"),
    ('Y', "ى", "alif maqṣūra"),
    ('p', "ة", "tā' marbūṭa"),
    ('\'', "ء", "hamza"),
    ('>', "أ", "hamza on alif"),
    ('<', "إ", "hamza under alif"),
    ('&', "ؤ", "hamza on wāw"),
    ('}', "ئ", "hamza on yā'"),
    ('|', "آ", "alif madda"),
    ('{', "ٱ", "alif waṣla"),
    ('a', "\u{064E}", "fatḥa"),
    ('u', "\u{064F}", "ḍamma"),
    ('i', "\u{0650}", "kasra"),
    ('o', "\u{0652}", "sukūn"),
    ('~', "\u{0651}", "shadda"),
    ('F', "\u{064B}", "tanwīn fatḥ"),
    ('N', "\u{064C}", "tanwīn ḍamm"),
    ('K', "\u{064D}", "tanwīn kasr"),
    (',', "،", "comma"),
    ('?', "؟", "question mark"),
    (';', "؛", "semicolon"),
];

/// The Arabic a typed Latin text stands for, key by key.
#[must_use]
pub fn to_arabic(typed: &str) -> String {
    typed
        .chars()
        .map(|c| {
            TABLE
                .iter()
                .find(|(key, _, _)| *key == c)
                .map_or_else(|| c.to_string(), |(_, arabic, _)| (*arabic).to_owned())
        })
        .collect()
}

/// Whether a character is a mark shown on a dotted circle in the table (it has no shape alone).
#[must_use]
pub fn is_mark(arabic: &str) -> bool {
    arabic.chars().all(crate::arabic::script::is_arabic_mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckwalter_keys_type_arabic() {
        assert_eq!(to_arabic("mfydp"), "مفيدة");
        assert_eq!(to_arabic("qimap"), "قِمَة");
        assert_eq!(to_arabic("$ms 2019"), "شمس 2019");
        assert_eq!(to_arabic("kyf?"), "كيف؟");
    }

    #[test]
    fn every_key_types_one_thing() {
        let mut keys: Vec<char> = TABLE.iter().map(|(k, _, _)| *k).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), TABLE.len());
    }
}
