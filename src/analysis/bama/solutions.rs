//! BAMA's algorithm: every split of a word into prefix + stem + suffix that the tables list and
//! whose three categories are pairwise compatible, with what each solution says of the word.

use std::ops::Range;

use super::buckwalter::{is_vowel_mark, key_of, push_arabic};
use super::tables::{Affix, AffixClitics, Stem, Tables};
use crate::analysis::lexicon::Pos;
use crate::arabic::normalize::base_letters;

/// The longest prefix and suffix BAMA's tables hold, in letters.
const MAX_PREFIX: usize = 4;
const MAX_SUFFIX: usize = 6;
/// No Arabic word is longer; longer runs of letters are not looked up.
const MAX_LETTERS: usize = 40;

/// One analysis of a word: indices into [`Tables::prefixes`], [`Tables::stems`] and
/// [`Tables::suffixes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Solution {
    pub prefix: u16,
    pub stem: u32,
    pub suffix: u16,
}

/// The matching key of a word (one ASCII byte per letter, see
/// [`super::buckwalter::key_of`]), or `None` when it has a letter BAMA does not know.
#[must_use]
pub fn word_key(word: &str) -> Option<String> {
    let mut key = String::with_capacity(word.len() / 2);
    let mut known = true;
    for c in word.chars() {
        base_letters(c, |l| match key_of(l) {
            Some(k) => key.push(char::from(k)),
            None => known = false,
        });
    }
    (known && !key.is_empty() && key.len() <= MAX_LETTERS).then_some(key)
}

/// All solutions of `word` (see [`solutions`]); a word ending in ه or ي with none is read
/// again as ending in ة or ى, which many texts write that way.
#[must_use]
pub fn solutions_of_word(t: &Tables, word: &str) -> Vec<Solution> {
    let Some(mut key) = word_key(word) else {
        return Vec::new();
    };
    let found = solutions(t, &key);
    if !found.is_empty() {
        return found;
    }
    let again = match key.pop() {
        Some('h') => 'p',
        Some('y') => 'Y',
        _ => return found,
    };
    key.push(again);
    solutions(t, &key)
}

/// All solutions of a word given by its key, in BAMA's order (shortest prefix first, then
/// shortest suffix, then table order).
#[must_use]
pub fn solutions(t: &Tables, key: &str) -> Vec<Solution> {
    let n = key.len();
    let mut out = Vec::new();
    // The suffixes each ending can be, looked up once rather than once per prefix.
    let suffixes_by_length: Vec<&[u16]> = (0..=MAX_SUFFIX.min(n.saturating_sub(1)))
        .map(|s| t.suffixes_of(&key[n - s..]))
        .collect();
    for p in 0..=MAX_PREFIX.min(n.saturating_sub(1)) {
        let prefixes = t.prefixes_of(&key[..p]);
        if prefixes.is_empty() {
            continue;
        }
        for s in 0..=MAX_SUFFIX.min(n - p - 1) {
            let suffixes = suffixes_by_length.get(s).copied().unwrap_or_default();
            if suffixes.is_empty() {
                continue;
            }
            let stems = t.stems_of(&key[p..n - s]);
            for &a in prefixes {
                let ca = t.prefixes[usize::from(a)].category;
                for &b in stems {
                    let cb = t.stems[b as usize].category;
                    if !t.ab(ca, cb) {
                        continue;
                    }
                    for &c in suffixes {
                        let cc = t.suffixes[usize::from(c)].category;
                        if t.ac(ca, cc) && t.bc(cb, cc) {
                            out.push(Solution {
                                prefix: a,
                                stem: b,
                                suffix: c,
                            });
                        }
                    }
                }
            }
        }
    }
    out
}

/// Clitics in the order they are written, as a bit set (a word has each at most once).
pub const PROCLITICS: [&str; 8] = ["أ", "و", "ف", "ل", "ب", "ك", "س", "ال"];
/// Pronoun enclitics; a reading stores the index + 1 (0: none).
pub const ENCLITICS: [&str; 12] = [
    "ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "ي", "ني", "نا",
];

/// The parts of a tag string: `(vocalized, TAG)`.
fn parts(tags: &str) -> impl Iterator<Item = (&str, &str)> {
    tags.split('+')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('/').unwrap_or(("", p)))
}

fn letters(voc: &str) -> u8 {
    let n = voc.bytes().filter(|&b| !is_vowel_mark(b)).count();
    u8::try_from(n).unwrap_or(u8::MAX)
}

/// The proclitic a prefix part is, if it is one (the imperfect's person markers are not).
fn proclitic(voc: &str, tag: &str) -> Option<usize> {
    let arabic = match (tag, voc) {
        ("CONJ", v) if v.starts_with('w') => "و",
        ("CONJ", v) if v.starts_with('f') => "ف",
        ("PREP", v) if v.starts_with('b') => "ب",
        ("PREP", v) if v.starts_with('k') => "ك",
        ("PREP" | "EMPHATIC_PARTICLE" | "RESULT_CLAUSE_PARTICLE" | "SUBJUNC", v)
            if v.starts_with('l') =>
        {
            "ل"
        }
        ("FUT" | "FUT_PART", _) => "س",
        ("DET", _) => "ال",
        ("INTERROG_PART", ">a") => "أ",
        _ => return None,
    };
    PROCLITICS.iter().position(|&p| p == arabic)
}

/// The enclitic a suffix part is, if it is a pronoun.
fn enclitic(voc: &str, tag: &str) -> Option<usize> {
    if !(tag.contains("PRON") || tag.contains("_DO:")) {
        return None;
    }
    let bare: String = voc
        .bytes()
        .filter(|&b| !is_vowel_mark(b))
        .map(char::from)
        .collect();
    let arabic = match bare.as_str() {
        "h" => "ه",
        "hA" => "ها",
        "hmA" => "هما",
        "hm" => "هم",
        "hn" => "هن",
        "k" => "ك",
        "kmA" => "كما",
        "km" => "كم",
        "kn" => "كن",
        "y" => "ي",
        "ny" => "ني",
        "nA" => "نا",
        _ => return None,
    };
    ENCLITICS.iter().position(|&e| e == arabic)
}

/// The clitics of a solution and where its stem lies, in letters of the word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Split {
    /// Bit `i` set: [`PROCLITICS`]`[i]` is there.
    pub proclitics: u8,
    /// Index + 1 into [`ENCLITICS`], 0 for none.
    pub enclitic: u8,
    /// Letters the proclitics take, and letters the enclitic takes.
    pub before: u8,
    pub after: u8,
}

/// The clitics of an affix with tags `tags` that takes `letters` letters of the word (a prefix
/// when `prefix`, a suffix otherwise), and whether it makes a form news rarely use.
#[must_use]
pub fn affix_clitics(tags: &str, letters: u8, prefix: bool) -> AffixClitics {
    let person = ["IV1", "IV2", "SUBJ:1", "SUBJ:2", "CVSUFF"]
        .iter()
        .any(|p| tags.contains(p));
    if prefix {
        let mut mask = 0u8;
        let mut inflection = 0u8;
        let mut person_prefix = 0u8;
        for (voc, tag) in parts(tags) {
            match proclitic(voc, tag) {
                Some(i) => mask |= 1 << i,
                None => inflection = inflection.saturating_add(self::letters(voc)),
            }
            let imperfect = tag
                .strip_prefix("IV")
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
            if imperfect {
                person_prefix = person_prefix.saturating_add(self::letters(voc));
            }
        }
        return AffixClitics {
            clitics: mask,
            letters: letters.saturating_sub(inflection),
            rare: person,
            person: person_prefix,
        };
    }
    // "you", "your", and "my", "me": a foreign name in ـي (ميلي) is no "inclination of mine".
    let you = tags.split('+').any(|p| {
        (p.contains("PRON") || p.contains("_DO:")) && (p.contains('2') || p.contains("1S"))
    });
    let (enclitic, after) = parts(tags)
        .find_map(|(voc, tag)| {
            let i = enclitic(voc, tag)?;
            let n = self::letters(voc).min(letters);
            Some((u8::try_from(i + 1).unwrap_or(0), n))
        })
        .unwrap_or((0, 0));
    AffixClitics {
        clitics: enclitic,
        letters: after,
        rare: person || you,
        person: 0,
    }
}

/// A prefix's clitics with those of a stem that carries its own (لله: li/PREP+All~`h/NOUN_PROP).
fn prefix_split(affix: &Affix, stem_tags: &str) -> (u8, u8) {
    let (mut mask, mut before) = (affix.clitics.clitics, affix.clitics.letters);
    if !stem_tags.contains('+') {
        return (mask, before);
    }
    let stem_parts: Vec<(&str, &str)> = parts(stem_tags).collect();
    if stem_parts.len() > 1 {
        for &(voc, tag) in &stem_parts[..stem_parts.len() - 1] {
            if let Some(i) = proclitic(voc, tag) {
                mask |= 1 << i;
                // ل + ال is written لل: the article's alef is not written.
                before += if tag == "DET" && mask & (1 << 3) != 0 {
                    1
                } else {
                    letters(voc)
                };
            } else {
                break;
            }
        }
    }
    (mask, before)
}

impl Solution {
    #[must_use]
    pub fn stem_entry<'t>(&self, t: &'t Tables) -> &'t Stem {
        &t.stems[self.stem as usize]
    }

    /// Its clitics, and how many letters they take at either end.
    #[must_use]
    pub fn split(&self, t: &Tables) -> Split {
        let prefix = &t.prefixes[usize::from(self.prefix)];
        let suffix = &t.suffixes[usize::from(self.suffix)];
        let (proclitics, before) = prefix_split(prefix, t.str(self.stem_entry(t).tags));
        let (enclitic, after) = (suffix.clitics.clitics, suffix.clitics.letters);
        Split {
            proclitics,
            enclitic,
            before,
            after,
        }
    }

    /// The whole word with its vowels, in Arabic script.
    #[must_use]
    pub fn vocalized(&self, t: &Tables) -> String {
        let mut out = String::new();
        self.push_vocalized(t, &mut out);
        out
    }

    /// [`Self::vocalized`], appended to `out`.
    pub fn push_vocalized(&self, t: &Tables, out: &mut String) {
        let prefix = &t.prefixes[usize::from(self.prefix)];
        let suffix = &t.suffixes[usize::from(self.suffix)];
        let stem = t.str(self.stem_entry(t).voc);
        out.reserve(2 * (prefix.voc.len() + stem.len() + suffix.voc.len()));
        push_arabic(out, &prefix.voc);
        push_arabic(out, stem);
        push_arabic(out, &suffix.voc);
    }

    /// The part of speech of the stem.
    #[must_use]
    pub fn pos(&self, t: &Tables) -> Pos {
        pos_of_tags(t.str(self.stem_entry(t).tags))
    }

    /// The English of the prefix, the stem and the suffix (BAMA's glosses; "" where none).
    #[must_use]
    pub fn glosses<'t>(&self, t: &'t Tables) -> [&'t str; 3] {
        [
            &t.prefixes[usize::from(self.prefix)].gloss,
            t.str(self.stem_entry(t).gloss),
            &t.suffixes[usize::from(self.suffix)].gloss,
        ]
    }
}

/// The stem's byte range in a word for a split, from the word's
/// [`letter_offsets`](crate::arabic::normalize::letter_offsets), found once for all its splits
/// (letters counted on the normalized word).
#[must_use]
pub fn stem_at(offsets: &[usize], split: Split) -> Range<usize> {
    let letters = offsets.len().saturating_sub(1);
    let start = usize::from(split.before).min(letters);
    let end = letters.saturating_sub(usize::from(split.after)).max(start);
    match (offsets.get(start), offsets.get(end)) {
        (Some(&a), Some(&b)) => a..b,
        _ => 0..0,
    }
}

/// The project's part of speech for BAMA's tags (the main one of a compound tag).
#[must_use]
pub fn pos_of_tags(tags: &str) -> Pos {
    let main = parts(tags)
        .map(|(_, tag)| tag)
        .find(|tag| !matches!(*tag, "CONJ" | "DET" | "FUT" | "EMPHATIC_PARTICLE"))
        .or_else(|| parts(tags).map(|(_, tag)| tag).next())
        .unwrap_or("");
    match main {
        "NOUN" | "ABBREV" => Pos::Noun,
        "NOUN_PROP" => Pos::ProperNoun,
        "ADJ" => Pos::Adjective,
        "NUM" => Pos::Number,
        "ADV" => Pos::Adverb,
        "PREP" => Pos::Preposition,
        "CONJ" | "SUB_CONJ" => Pos::Conjunction,
        "REL_PRON" => Pos::Relative,
        t if t.starts_with("VERB") => Pos::Verb,
        t if t.starts_with("DEM_PRON") => Pos::Demonstrative,
        t if t.starts_with("PRON") => Pos::Pronoun,
        _ => Pos::Particle,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arabic::normalize::letter_offsets;

    fn analyses(word: &str) -> Vec<(String, String, Pos)> {
        let t = Tables::bundled();
        let key = word_key(word).expect("an Arabic word");
        solutions(t, &key)
            .into_iter()
            .map(|s| {
                let lemma = t
                    .str(t.lemmas[s.stem_entry(t).lemma as usize].id)
                    .to_owned();
                (s.vocalized(t), lemma, s.pos(t))
            })
            .collect()
    }

    #[test]
    fn a_verb_and_a_plural_noun_spelled_alike() {
        let all = analyses("كتب");
        assert!(
            all.contains(&("كَتَبَ".into(), "katab-u_1".into(), Pos::Verb)),
            "{all:?}"
        );
        assert!(
            all.contains(&("كُتُب".into(), "kitAb_1".into(), Pos::Noun)),
            "{all:?}"
        );
    }

    #[test]
    fn clitics_and_compatibility() {
        let t = Tables::bundled();
        let key = word_key("وبالمكتب").expect("Arabic");
        let all = solutions(t, &key);
        assert!(!all.is_empty());
        for s in &all {
            let split = s.split(t);
            let clitics: Vec<&str> = (0..PROCLITICS.len())
                .filter(|i| split.proclitics & (1 << i) != 0)
                .map(|i| PROCLITICS[i])
                .collect();
            assert_eq!(clitics, ["و", "ب", "ال"]);
            assert_eq!(
                &"وبالمكتب"[stem_at(&letter_offsets("وبالمكتب"), split)],
                "مكتب"
            );
        }
        // A preposition never goes with a verb: no solution reads بكتب as "with he wrote".
        let key = word_key("بكتب").expect("Arabic");
        assert!(solutions(t, &key).iter().all(|s| s.pos(t) != Pos::Verb));
    }

    #[test]
    fn a_pronoun_suffix_after_teh_marbuta() {
        let t = Tables::bundled();
        let key = word_key("زيارتهم").expect("Arabic");
        let all = solutions(t, &key);
        let split = all.first().map(|s| s.split(t)).unwrap_or_default();
        assert_eq!(ENCLITICS[usize::from(split.enclitic) - 1], "هم");
        assert_eq!(
            &"زيارتهم"[stem_at(&letter_offsets("زيارتهم"), split)],
            "زيارت"
        );
    }

    #[test]
    fn letters_outside_the_tables_give_no_key() {
        assert_eq!(word_key("abc"), None);
        assert_eq!(word_key(""), None);
    }
}
