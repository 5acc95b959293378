//! Anki package (`.apkg`) export: a legacy `collection.anki2` (schema 11), zipped with its media.
//!
//! Current Anki desktop still imports this format. The package holds one deck, one note type
//! of our own ("Dars Arabic vocabulary") with named fields and two card types (Arabic→English,
//! English→Arabic), and the Arabic font as media (`_`-prefixed, so Anki's media check keeps it
//! although no field refers to it). Each note's guid comes from its word (lemma and part of
//! speech) and the deck name, so importing a newer export of the same deck updates the notes
//! instead of adding copies.

use std::fmt::Write as _;
use std::io::Write as _;

use rusqlite::{Connection, params};
use serde_json::json;
use sha1::Sha1;
use sha2::{Digest as _, Sha256};

use super::{ExportError, ExportOptions};
use crate::study::Card;

/// The bundled Arabic font, shipped in the package as media.
pub const FONT_FILE: &str = "_NotoNaskhArabic-Regular.ttf";
const FONT: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf");

/// The note type's name as Anki shows it.
pub const NOTE_TYPE_NAME: &str = "Dars Arabic vocabulary";
/// Fixed, so that every export refers to the same note type and re-imports reuse it.
const NOTE_TYPE_ID: i64 = 1_716_000_000_000;

/// The note type's fields, in order; `true` marks the right-to-left ones.
pub const FIELDS: [(&str, bool); 10] = [
    ("Arabic", true),
    ("Vocalized", true),
    ("Transliteration", false),
    ("English", false),
    ("Root", true),
    ("PartOfSpeech", false),
    ("Example", true),
    ("ExampleTranslation", false),
    ("Forms", true),
    ("Note", false),
];

/// The card types: (name, front, back).
pub const TEMPLATES: [(&str, &str, &str); 2] = [
    ("Arabic → English", ARABIC_FRONT, ARABIC_BACK),
    ("English → Arabic", ENGLISH_FRONT, ENGLISH_BACK),
];

const ARABIC_FRONT: &str = r#"<div class="ar word" dir="rtl" lang="ar">{{Arabic}}</div>"#;
const ARABIC_BACK: &str = r#"{{FrontSide}}
<hr id="answer">
<div class="ar vocalized" dir="rtl" lang="ar">{{Vocalized}}</div>
<div class="translit">{{Transliteration}}</div>
<div class="english">{{English}}</div>
"#;
const ENGLISH_FRONT: &str = r#"<div class="english big">{{English}}</div>
{{#PartOfSpeech}}<div class="pos">{{PartOfSpeech}}</div>{{/PartOfSpeech}}"#;
const ENGLISH_BACK: &str = r#"{{FrontSide}}
<hr id="answer">
<div class="ar word" dir="rtl" lang="ar">{{Vocalized}}</div>
<div class="translit">{{Transliteration}}</div>
"#;
/// The part of both backs below the answer.
const DETAILS: &str = r#"<div class="details">{{#PartOfSpeech}}<span class="pos">{{PartOfSpeech}}</span>{{/PartOfSpeech}}
{{#Root}} · root <span class="ar" dir="rtl" lang="ar">{{Root}}</span>{{/Root}}</div>
{{#Forms}}<div class="ar forms" dir="rtl" lang="ar">{{Forms}}</div>{{/Forms}}
{{#Example}}<div class="ar example" dir="rtl" lang="ar">{{Example}}</div>{{/Example}}
{{#ExampleTranslation}}<div class="example-en">{{ExampleTranslation}}</div>{{/ExampleTranslation}}
{{#Note}}<div class="note">{{Note}}</div>{{/Note}}"#;

/// Arabic right to left in the bundled font; `unicode-bidi: isolate` keeps Arabic and Latin
/// from reordering each other where they meet.
pub const CSS: &str = r#"@font-face { font-family: "Dars Naskh"; src: url("_NotoNaskhArabic-Regular.ttf"); }
.card { font-family: system-ui, sans-serif; font-size: 20px; line-height: 1.5; text-align: center; color: #1d1d1f; background: #fffdf8; }
.card.nightMode { color: #eeeeee; background: #2b2b2d; }
.ar { font-family: "Dars Naskh", "Noto Naskh Arabic", serif; direction: rtl; unicode-bidi: isolate; }
.word { font-size: 56px; }
.vocalized { font-size: 36px; }
.big { font-size: 32px; }
.translit { font-style: italic; opacity: 0.75; }
.english { font-size: 26px; margin: 0.3em 0; }
.pos, .details { font-size: 16px; opacity: 0.75; }
.forms { font-size: 24px; }
.example { font-size: 26px; text-align: right; margin-top: 0.8em; }
.example b { color: #b3541e; }
.example-en { font-size: 17px; text-align: left; opacity: 0.85; }
.note { font-size: 17px; margin-top: 0.8em; font-style: italic; }
"#;

/// The `.apkg` bytes of `cards`.
///
/// # Errors
/// If `SQLite` or the zip writer fails (out of memory, in practice).
pub fn package(cards: &[Card], options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let collection = collection(cards, options).map_err(|e| build_error(&e))?;
    zip_package(&collection).map_err(|e| build_error(&e))
}

fn build_error(e: &dyn std::fmt::Display) -> ExportError {
    ExportError::Build {
        format: "Anki package",
        reason: e.to_string(),
    }
}

/// The stable guid of a note from the card's [`Card::key`] (lemma and part of speech): the
/// same word in the same deck always gets the same one.
#[must_use]
pub fn guid(deck: &str, key: &str) -> String {
    let digest = Sha256::digest(format!("dars\u{1f}{deck}\u{1f}{key}").as_bytes());
    digest.iter().take(10).fold(String::new(), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    })
}

/// The deck's id, stable for a deck name (Anki matches decks by name on import anyway).
fn deck_id(deck: &str) -> i64 {
    let digest = Sha256::digest(format!("dars deck\u{1f}{deck}").as_bytes());
    let mut bytes = [0u8; 8];
    bytes[2..].copy_from_slice(&digest[..6]);
    // Above 1 (the Default deck) and in the range of Anki's millisecond ids.
    1_000_000_000_000 + i64::from_be_bytes(bytes)
}

/// The fields of a card's note, as HTML, in [`FIELDS`] order.
#[must_use]
pub fn note_fields(card: &Card) -> [String; 10] {
    let (before, word, after) = card.example.parts();
    let example = if word.is_empty() {
        escape(before)
    } else {
        format!("{}<b>{}</b>{}", escape(before), escape(word), escape(after))
    };
    [
        escape(&card.lemma),
        escape(&card.vocalized),
        escape(&card.translit),
        escape(&card.gloss),
        escape(&card.root),
        escape(&card.pos),
        example,
        escape(card.example.translation.as_deref().unwrap_or_default()),
        escape(&card.forms.join("، ")),
        escape(&card.note).replace('\n', "<br>"),
    ]
}

/// The note's tags: `dars`, its part of speech, its source, and `name` for names.
#[must_use]
pub fn note_tags(card: &Card, source: &str) -> Vec<String> {
    let mut tags = vec!["dars".to_owned()];
    if !card.pos.is_empty() {
        tags.push(format!("pos::{}", tag_word(&card.pos)));
    }
    let stem = std::path::Path::new(source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !stem.trim().is_empty() {
        tags.push(format!("source::{}", tag_word(&stem)));
    }
    if card.is_name {
        tags.push("name".to_owned());
    }
    tags
}

/// Anki tags cannot hold spaces (they separate tags) nor `"`.
fn tag_word(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| {
            if c.is_whitespace() || c == '"' {
                '_'
            } else {
                c
            }
        })
        .collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Anki's duplicate-check checksum: the first 32 bits of SHA-1 of the plain first field.
fn checksum(plain: &str) -> i64 {
    let digest = Sha1::digest(plain.as_bytes());
    i64::from(u32::from_be_bytes([
        digest[0], digest[1], digest[2], digest[3],
    ]))
}

fn collection(cards: &[Card], options: &ExportOptions) -> rusqlite::Result<Vec<u8>> {
    let mut db = Connection::open_in_memory()?;
    db.execute_batch(SCHEMA)?;
    let now = i64::try_from(options.now).unwrap_or(0);
    let now_ms = now.saturating_mul(1000);
    let deck = deck_id(&options.deck);
    db.execute(
        "insert into col values (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        params![
            now - now % 86_400,
            now_ms,
            collection_config(cards.len()).to_string(),
            note_type(deck, now).to_string(),
            decks(deck, options, now).to_string(),
            json!({ "1": deck_config() }).to_string(),
        ],
    )?;
    let mut add_note =
        db.prepare("insert into notes values (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')")?;
    let mut add_card = db.prepare(
        "insert into cards values (?1, ?2, ?3, ?4, ?5, -1, 0, 0, ?6, 0, 0, 0, 0, 0, 0, 0, 0, '')",
    )?;
    for (i, card) in (0_i64..).zip(cards) {
        let note_id = now_ms + i;
        let tags = note_tags(card, &options.source);
        add_note.execute(params![
            note_id,
            guid(&options.deck, &card.key()),
            NOTE_TYPE_ID,
            now,
            format!(" {} ", tags.join(" ")),
            note_fields(card).join("\u{1f}"),
            card.lemma,
            checksum(&card.lemma),
        ])?;
        for ord in 0..2_i64 {
            add_card.execute(params![
                now_ms + 2 * i + ord,
                note_id,
                deck,
                ord,
                now,
                i + 1
            ])?;
        }
    }
    drop((add_note, add_card));
    Ok(db.serialize(rusqlite::MAIN_DB)?.to_vec())
}

fn zip_package(collection: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let deflate = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("collection.anki2", deflate)?;
    zip.write_all(collection)?;
    zip.start_file("media", deflate)?;
    zip.write_all(json!({ "0": FONT_FILE }).to_string().as_bytes())?;
    zip.start_file("0", deflate)?;
    zip.write_all(FONT)?;
    Ok(zip.finish()?.into_inner())
}

fn collection_config(card_count: usize) -> serde_json::Value {
    json!({
        "nextPos": card_count + 1, "estTimes": true, "activeDecks": [1], "sortType": "noteFld",
        "timeLim": 0, "sortBackwards": false, "addToCur": true, "curDeck": 1, "newBury": true,
        "newSpread": 0, "dueCounts": true, "curModel": NOTE_TYPE_ID.to_string(),
        "collapseTime": 1200
    })
}

fn note_type(deck: i64, now: i64) -> serde_json::Value {
    let fields: Vec<_> = (0..)
        .zip(FIELDS)
        .map(|(ord, (name, rtl))| {
            json!({
                "name": name, "ord": ord, "sticky": false, "rtl": rtl,
                "font": if rtl { "Noto Naskh Arabic" } else { "Arial" },
                "size": if rtl { 28 } else { 20 }, "media": []
            })
        })
        .collect();
    let templates: Vec<_> = (0..)
        .zip(TEMPLATES)
        .map(|(ord, (name, front, back))| {
            json!({
                "name": name, "ord": ord, "qfmt": front, "afmt": format!("{back}{DETAILS}"),
                "bqfmt": "", "bafmt": "", "did": null, "bfont": "", "bsize": 0
            })
        })
        .collect();
    json!({
        NOTE_TYPE_ID.to_string(): {
            "id": NOTE_TYPE_ID, "name": NOTE_TYPE_NAME, "type": 0, "mod": now, "usn": -1,
            "sortf": 0, "did": deck, "tmpls": templates, "flds": fields, "css": CSS,
            "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
            "latexPost": "\\end{document}", "latexsvg": false,
            "req": [[0, "any", [0]], [1, "any", [3]]], "tags": [], "vers": []
        }
    })
}

fn decks(deck: i64, options: &ExportOptions, now: i64) -> serde_json::Value {
    let entry = |id: i64, name: &str, desc: String| {
        json!({
            "id": id, "name": name, "desc": desc, "mod": now, "usn": -1, "conf": 1, "dyn": 0,
            "collapsed": false, "browserCollapsed": false, "extendNew": 0, "extendRev": 0,
            "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0]
        })
    };
    let desc = format!(
        "Arabic vocabulary from {}, made with Dars.",
        escape(&options.source)
    );
    json!({
        "1": entry(1, "Default", String::new()),
        deck.to_string(): entry(deck, options.deck.trim(), desc),
    })
}

fn deck_config() -> serde_json::Value {
    json!({
        "id": 1, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60, "autoplay": true,
        "timer": 0, "replayq": true, "dyn": false,
        "new": { "bury": false, "delays": [1.0, 10.0], "initialFactor": 2500,
                 "ints": [1, 4, 0], "order": 1, "perDay": 20 },
        "lapse": { "delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1,
                   "mult": 0.0 },
        "rev": { "bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200,
                 "hardFactor": 1.2 }
    })
}

/// The tables of Anki's schema 11, as its own `schema11.sql` creates them.
const SCHEMA: &str = "
create table col (
    id integer primary key, crt integer not null, mod integer not null,
    scm integer not null, ver integer not null, dty integer not null,
    usn integer not null, ls integer not null, conf text not null,
    models text not null, decks text not null, dconf text not null, tags text not null
);
create table notes (
    id integer primary key, guid text not null, mid integer not null,
    mod integer not null, usn integer not null, tags text not null,
    flds text not null, sfld integer not null, csum integer not null,
    flags integer not null, data text not null
);
create table cards (
    id integer primary key, nid integer not null, did integer not null,
    ord integer not null, mod integer not null, usn integer not null,
    type integer not null, queue integer not null, due integer not null,
    ivl integer not null, factor integer not null, reps integer not null,
    lapses integer not null, left integer not null, odue integer not null,
    odid integer not null, flags integer not null, data text not null
);
create table revlog (
    id integer primary key, cid integer not null, usn integer not null,
    ease integer not null, ivl integer not null, lastIvl integer not null,
    factor integer not null, time integer not null, type integer not null
);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
";
