//! A dictd dictionary made by Debian's own dictfmt and dictzip (tests/fixtures/dictd/make.sh), read by Dars.

use std::path::PathBuf;

use dars::dictionary::{Dictionaries, Entry, Format};

fn fixture() -> Dictionaries {
    let (found, errors) = Dictionaries::load(&[PathBuf::from("tests/fixtures/dictd")]);
    assert_eq!(errors, vec![]);
    found
}

#[test]
fn the_dictionary_is_found_under_the_name_it_gives_itself() {
    let found = fixture();
    let names: Vec<(&str, Format, usize)> = found
        .dictionaries
        .iter()
        .map(|d| (d.name.as_str(), d.format, d.len()))
        .collect();
    // 2,504 words and the seven entries dictfmt adds about the dictionary itself.
    assert_eq!(
        names,
        vec![("Dars test dictionary (dictd)", Format::Dictd, 2511)]
    );
}

#[test]
fn entries_in_every_chunk_of_the_dictzip_file_read_back() {
    let found = fixture();
    let lookup = |word: &str| found.lookup(word, None);
    // The first entry, one from the middle and the last one: several dictzip chunks apart.
    let first = lookup("قمة");
    assert_eq!(first.errors, vec![]);
    assert_eq!(
        first.entries.first(),
        Some(&Entry {
            dictionary: "Dars test dictionary (dictd)".into(),
            headword: "قِمَّة".into(),
            definition: "/qimma/\n1. summit (a meeting of leaders)\n2. peak, top".into(),
        })
    );
    // القمة is its own entry, found too (the article taken off and put on).
    let definitions: Vec<&str> = first
        .entries
        .iter()
        .map(|e| e.definition.as_str())
        .collect();
    assert_eq!(definitions.len(), 2);
    assert_eq!(definitions[1], "/al-qimma/\nthe summit");
    let middle = lookup("حشو1250").entries;
    assert_eq!(
        middle.first().map(|e| e.definition.as_str()),
        Some("filler entry number 1250, here only to make the file span several chunks")
    );
    let last = lookup("كتاب").entries;
    assert_eq!(
        last.first().map(|e| e.definition.as_str()),
        Some("/kitaːb/\nbook")
    );
    // The other hamza seat finds مسؤول.
    assert_eq!(lookup("مسئول").entries.len(), 1);
}
