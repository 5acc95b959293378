//! Tiny dictd and StarDict dictionaries built here, in both plain and dictzip'ed form, looked up as the word popup will.

use std::path::{Path, PathBuf};

use super::{Dictionaries, Entry, Format, dictzip_bytes};

/// Headwords and definitions shared by every dictionary built here. The first is vocalized,
/// the second spelled with a hamza seat the text may not use.
const ENTRIES: [(&str, &str); 4] = [
    ("قِمَّة", "summit; peak"),
    ("مسؤول", "official; responsible"),
    ("الكتاب", "the book"),
    ("ذهب", "gold; he went"),
];

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("dars-dict-{name}-{}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        std::fs::create_dir_all(&dir).ok();
        Self(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

/// dictd's base 64 numbers.
fn b64(mut n: usize) -> String {
    const DIGITS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[n % 64]);
        n /= 64;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A dictd dictionary as dictfmt lays one out: each entry's text starts with its headword.
fn write_dictd(folder: &Path, name: &str, zipped: bool) {
    let mut data = String::new();
    let mut index = String::new();
    let mut entries: Vec<(String, String)> = vec![(
        "00-database-short".into(),
        format!("00-database-short\n     {name} (dictd)\n"),
    )];
    entries.extend(
        ENTRIES
            .iter()
            .map(|(w, d)| ((*w).to_owned(), format!("{w}\n{d}\n"))),
    );
    for (word, text) in entries {
        index.push_str(&format!(
            "{word}\t{}\t{}\n",
            b64(data.len()),
            b64(text.len())
        ));
        data.push_str(&text);
    }
    std::fs::write(folder.join(format!("{name}.index")), index).ok();
    if zipped {
        std::fs::write(
            folder.join(format!("{name}.dict.dz")),
            dictzip_bytes(data.as_bytes(), 16),
        )
        .ok();
    } else {
        std::fs::write(folder.join(format!("{name}.dict")), data).ok();
    }
}

/// A StarDict dictionary of plain-text (`m`) entries, in its own folder as StarDict keeps
/// them, with a `.syn` giving القمة as another spelling of the first entry.
fn write_stardict(folder: &Path, name: &str, zipped: bool) {
    let folder = folder.join(name);
    std::fs::create_dir_all(&folder).ok();
    let mut data = Vec::new();
    let mut idx = Vec::new();
    for (word, definition) in ENTRIES {
        idx.extend_from_slice(word.as_bytes());
        idx.push(0);
        idx.extend_from_slice(&u32::try_from(data.len()).unwrap_or(0).to_be_bytes());
        idx.extend_from_slice(&u32::try_from(definition.len()).unwrap_or(0).to_be_bytes());
        data.extend_from_slice(definition.as_bytes());
    }
    let ifo = format!(
        "StarDict's dict ifo file\nversion=2.4.2\nwordcount={}\nidxfilesize={}\nbookname={name} (StarDict)\nsametypesequence=m\n",
        ENTRIES.len(),
        idx.len()
    );
    std::fs::write(folder.join(format!("{name}.ifo")), ifo).ok();
    std::fs::write(folder.join(format!("{name}.idx")), idx).ok();
    let mut syn = "القمة".as_bytes().to_vec();
    syn.push(0);
    syn.extend_from_slice(&0_u32.to_be_bytes());
    std::fs::write(folder.join(format!("{name}.syn")), syn).ok();
    if zipped {
        std::fs::write(
            folder.join(format!("{name}.dict.dz")),
            dictzip_bytes(&data, 10),
        )
        .ok();
    } else {
        std::fs::write(folder.join(format!("{name}.dict")), data).ok();
    }
}

fn definitions(entries: &[Entry]) -> Vec<(&str, &str)> {
    entries
        .iter()
        .map(|e| (e.dictionary.as_str(), e.definition.as_str()))
        .collect()
}

#[test]
fn both_formats_plain_and_zipped_are_found_and_named() {
    let scratch = Scratch::new("formats");
    write_dictd(&scratch.0, "plain", false);
    write_dictd(&scratch.0, "zipped", true);
    write_stardict(&scratch.0, "star", false);
    write_stardict(&scratch.0, "starz", true);
    let (found, errors) = Dictionaries::load(std::slice::from_ref(&scratch.0));
    assert_eq!(errors, vec![]);
    let mut names: Vec<(&str, Format)> = found
        .dictionaries
        .iter()
        .map(|d| (d.name.as_str(), d.format))
        .collect();
    names.sort_by_key(|(n, _)| n.to_owned());
    assert_eq!(
        names,
        vec![
            ("plain (dictd)", Format::Dictd),
            ("star (StarDict)", Format::StarDict),
            ("starz (StarDict)", Format::StarDict),
            ("zipped (dictd)", Format::Dictd),
        ]
    );
    // Every definition of every dictionary reads back, zipped or not.
    for dictionary in &found.dictionaries {
        for (word, definition) in ENTRIES {
            let entries = dictionary.lookup(word).map_err(|e| e.to_string());
            let expected = Entry {
                dictionary: dictionary.name.clone(),
                headword: word.to_owned(),
                definition: definition.to_owned(),
            };
            assert_eq!(entries, Ok(vec![expected]), "{} {word}", dictionary.name);
        }
    }
}

#[test]
fn words_match_by_normalized_form_and_by_lemma() {
    let scratch = Scratch::new("matching");
    write_dictd(&scratch.0, "plain", false);
    let (found, _) = Dictionaries::load(std::slice::from_ref(&scratch.0));
    let look = |word: &str, lemma: Option<&str>| found.lookup(word, lemma).entries;
    // Without vowels, with the article, with the other hamza seat: the same entries.
    assert_eq!(
        definitions(&look("قمة", None)),
        vec![("plain (dictd)", "summit; peak")]
    );
    assert_eq!(
        definitions(&look("القمة", None)),
        vec![("plain (dictd)", "summit; peak")]
    );
    assert_eq!(
        definitions(&look("مسئول", None)),
        vec![("plain (dictd)", "official; responsible")]
    );
    assert_eq!(
        definitions(&look("كتاب", None)),
        vec![("plain (dictd)", "the book")]
    );
    // A form the dictionary lacks is found through its lemma.
    assert_eq!(
        definitions(&look("بقممهم", Some("قِمَّة"))),
        vec![("plain (dictd)", "summit; peak")]
    );
    assert_eq!(look("بيت", None), vec![]);
    // The entries about the dictionary itself are not words.
    assert_eq!(look("00-database-short", None), vec![]);
}

#[test]
fn stardict_synonyms_lead_to_their_entry() {
    let scratch = Scratch::new("synonyms");
    write_stardict(&scratch.0, "star", true);
    let (found, _) = Dictionaries::load(std::slice::from_ref(&scratch.0));
    let entries = found.lookup("القمة", None).entries;
    assert_eq!(
        definitions(&entries),
        vec![("star (StarDict)", "summit; peak")]
    );
}

#[test]
fn a_broken_dictionary_is_reported_and_the_others_still_answer() {
    let scratch = Scratch::new("broken");
    write_dictd(&scratch.0, "good", false);
    std::fs::write(scratch.0.join("nodata.index"), "قمة\tA\tB\n").ok();
    std::fs::write(scratch.0.join("bad.index"), "قمة\tnot base64!\n").ok();
    std::fs::write(scratch.0.join("bad.dict"), "x").ok();
    std::fs::write(scratch.0.join("fake.ifo"), "not a StarDict file\n").ok();
    // An index pointing past the end of its data fails at lookup, not at load.
    std::fs::write(scratch.0.join("short.index"), "قمة\tA\tZZ\n").ok();
    std::fs::write(scratch.0.join("short.dict"), "summit").ok();
    let (found, errors) = Dictionaries::load(std::slice::from_ref(&scratch.0));
    let mut reasons: Vec<String> = errors.iter().map(ToString::to_string).collect();
    reasons.sort();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(reasons[0].ends_with("bad.index cannot be read: line 1 of the index is malformed."));
    assert!(
        reasons[1].ends_with(
            "fake.ifo cannot be read: it does not start with “StarDict's dict ifo file”."
        )
    );
    assert!(reasons[2].contains("nodata.index cannot be read: its data file"));
    let lookup = found.lookup("قمة", None);
    assert_eq!(
        definitions(&lookup.entries),
        vec![("good (dictd)", "summit; peak")]
    );
    assert_eq!(lookup.errors.len(), 1);
    assert!(
        lookup.errors[0]
            .to_string()
            .contains("the index points past the end")
    );
}

#[test]
fn missing_folders_are_skipped() {
    let (found, errors) = Dictionaries::load(&[PathBuf::from("/nonexistent-dars-dictionaries")]);
    assert!(found.dictionaries.is_empty());
    assert!(errors.is_empty());
}

mod any_bytes {
    //! Whatever a dictionary's files hold, opening and looking up end in entries or a message.

    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};

    use super::super::{Dictionaries, dictzip_bytes};
    use super::Scratch;

    fn config() -> Config {
        Config {
            cases: 128,
            rng_seed: RngSeed::Fixed(7),
            failure_persistence: None,
            ..Config::default()
        }
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn dictd_files(
            offset in "[A-Za-z0-9+/]{1,11}",
            size in "[A-Za-z0-9+/]{1,11}",
            tail in "[\\u0627-\\u064a0-9A-Za-z+/\\t\\n-]{0,200}",
            data in proptest::collection::vec(any::<u8>(), 0..300),
            zipped in any::<bool>(),
        ) {
            let scratch = Scratch::new("any-dictd");
            let index = format!("قمة\t{offset}\t{size}\n{tail}");
            std::fs::write(scratch.0.join("x.index"), index).ok();
            if zipped {
                std::fs::write(scratch.0.join("x.dict.dz"), dictzip_bytes(&data, 64)).ok();
            } else {
                std::fs::write(scratch.0.join("x.dict"), &data).ok();
            }
            let (found, _) = Dictionaries::load(std::slice::from_ref(&scratch.0));
            let _ = found.lookup("قمة", Some("قمة"));
        }

        #[test]
        fn stardict_files(
            numbers in proptest::collection::vec(any::<u8>(), 8..16),
            tail in proptest::collection::vec(any::<u8>(), 0..200),
            data in proptest::collection::vec(any::<u8>(), 0..300),
            types in "[mhgtxPW]{0,3}",
            wide in any::<bool>(),
        ) {
            let scratch = Scratch::new("any-stardict");
            let bits = if wide { 64 } else { 32 };
            let ifo = format!("StarDict's dict ifo file\nbookname=x\nidxoffsetbits={bits}\nsametypesequence={types}\n");
            let mut idx = "قمة\0".as_bytes().to_vec();
            idx.extend_from_slice(&numbers);
            idx.extend_from_slice(&tail);
            std::fs::write(scratch.0.join("x.ifo"), ifo).ok();
            std::fs::write(scratch.0.join("x.idx"), &idx).ok();
            std::fs::write(scratch.0.join("x.syn"), &tail).ok();
            std::fs::write(scratch.0.join("x.dict.dz"), dictzip_bytes(&data, 32)).ok();
            let (found, _) = Dictionaries::load(std::slice::from_ref(&scratch.0));
            let _ = found.lookup("قمة", None);
        }
    }
}
