#!/usr/bin/env python3
"""Imports Dars' .apkg exports into a fresh collection with Anki's own library, and checks them.

usage: anki_import.py FIRST.apkg SECOND.apkg CARDS.json

FIRST and SECOND are two exports of the same deck (SECOND made later); CARDS.json is the JSON
export of the same cards, which says what every note must hold. Checks: note count, every
field (Arabic byte for byte), deck name, note type, two cards per note, tags, the font in the
media folder; then that importing SECOND adds no note, and that a newer copy of a note
updates it instead of adding one.
"""

import html
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import zipfile

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER as IF_NEWER

try:
    from anki.buildinfo import version as anki_version
except ImportError:  # very old versions
    anki_version = "unknown"

FIELDS = ["Arabic", "Vocalized", "Transliteration", "English", "Root", "PartOfSpeech",
          "Example", "ExampleTranslation", "Forms", "Note"]
FONT = "_NotoNaskhArabic-Regular.ttf"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def esc(text):
    return html.escape(text or "", quote=False)


def expected_fields(card):
    """The fields Dars writes for a card (see src/export/anki.rs `note_fields`)."""
    example = card["example"]
    text = example["text"].encode("utf-8")
    start, end = example["word"]["start"], example["word"]["end"]
    before, word, after = (text[:start].decode(), text[start:end].decode(), text[end:].decode())
    marked = f"{esc(before)}<b>{esc(word)}</b>{esc(after)}" if word else esc(example["text"])
    return {
        "Arabic": esc(card["lemma"]),
        "Vocalized": esc(card["vocalized"]),
        "Transliteration": esc(card["translit"]),
        "English": esc(card["gloss"]),
        "Root": esc(card["root"]),
        "PartOfSpeech": esc(card["pos"]),
        "Example": marked,
        "ExampleTranslation": esc(example.get("translation")),
        "Forms": esc("، ".join(card["forms"])),
        "Note": esc(card["note"]).replace("\n", "<br>"),
    }


def check_rendering(card, note):
    """Anki renders both card types: the prompt on the front, Arabic right to left in our font."""
    output = card.render_output()
    prompt = note["Arabic"] if card.ord == 0 else note["English"]
    check(prompt in output.question_text, f"{note['Arabic']}: card {card.ord} front lacks {prompt!r}")
    for part in ('dir="rtl"', note["Vocalized"], note["Example"]):
        check(part in output.answer_text, f"{note['Arabic']}: card {card.ord} back lacks {part!r}")
    check(f'url("{FONT}")' in output.css and "direction: rtl" in output.css,
          "the card CSS loads the bundled font and sets Arabic right to left")


def import_package(col, path):
    options = ImportAnkiPackageOptions(
        merge_notetypes=True,
        update_notes=IF_NEWER,
        update_notetypes=IF_NEWER,
        with_scheduling=False,
        with_deck_configs=False,
    )
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=path, options=options)).log


def newer_copy(apkg, out, english):
    """A copy of `apkg` whose first note has another English field and a later mod time;
    returns that note's guid."""
    work = tempfile.mkdtemp()
    with zipfile.ZipFile(apkg) as z:
        z.extractall(work)
    db = sqlite3.connect(os.path.join(work, "collection.anki2"))
    nid, guid, flds = db.execute("select id, guid, flds from notes order by id limit 1").fetchone()
    fields = flds.split("\x1f")
    fields[FIELDS.index("English")] = english
    db.execute("update notes set flds = ?, mod = mod + 100 where id = ?", ("\x1f".join(fields), nid))
    db.commit()
    db.close()
    with zipfile.ZipFile(apkg) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            dst.write(os.path.join(work, name), name)
    shutil.rmtree(work)
    return guid


def main():
    first, second, cards_json = sys.argv[1:4]
    with open(cards_json, encoding="utf-8") as f:
        exported = json.load(f)
    cards, deck = exported["cards"], exported["deck"]
    print(f"anki {anki_version}: importing {len(cards)} cards into a fresh collection, deck {deck!r}")

    work = tempfile.mkdtemp(prefix="dars-anki-")
    col = Collection(os.path.join(work, "collection.anki2"))
    try:
        log = import_package(col, first)
        check(len(log.new) == len(cards), f"first import: {len(log.new)} new notes, expected {len(cards)}")
        check(col.note_count() == len(cards), f"note count {col.note_count()}, expected {len(cards)}")
        check(col.card_count() == 2 * len(cards), f"card count {col.card_count()}, expected {2 * len(cards)}")

        deck_id = col.decks.id_for_name(deck)
        check(deck_id is not None, f"no deck named {deck!r}: {col.decks.all_names_and_ids()}")
        notes = {}
        for nid in col.find_notes(""):
            note = col.get_note(nid)
            notes[(note["Arabic"], note["PartOfSpeech"])] = note
        check(len(notes) == len(cards), f"{len(notes)} distinct words, expected {len(cards)}")
        for card in cards:
            note = notes.get((esc(card["lemma"]), esc(card["pos"])))
            check(note is not None, f"no note for {card['lemma']!r}")
            if note is None:
                continue
            check(note["Arabic"].encode("utf-8") == card["lemma"].encode("utf-8"),
                  f"Arabic changed: {note['Arabic']!r} != {card['lemma']!r}")
            notetype = note.note_type()
            check(notetype["name"] == "Dars Arabic vocabulary", f"note type {notetype['name']!r}")
            check([f["name"] for f in notetype["flds"]] == FIELDS, "note type fields")
            check(len(notetype["tmpls"]) == 2, "two card types")
            check(notetype["flds"][0]["rtl"], "the Arabic field is right to left")
            for name, value in expected_fields(card).items():
                check(note[name] == value, f"{card['lemma']}: {name} is {note[name]!r}, expected {value!r}")
            note_cards = note.cards()
            check(len(note_cards) == 2, f"{card['lemma']}: {len(note_cards)} cards")
            check(sorted(c.ord for c in note_cards) == [0, 1], f"{card['lemma']}: card types")
            for c in note_cards:
                check(col.decks.name(c.did) == deck, f"{card['lemma']}: card in deck {col.decks.name(c.did)!r}")
                check_rendering(c, note)
            check("dars" in note.tags, f"{card['lemma']}: tags {note.tags}")
            if card["pos"]:
                check(f"pos::{card['pos']}" in note.tags, f"{card['lemma']}: tags {note.tags}")
            check(any(t.startswith("source::") for t in note.tags), f"{card['lemma']}: no source tag")
        check(os.path.exists(os.path.join(col.media.dir(), FONT)), "the font is in the media folder")

        log = import_package(col, second)
        check(len(log.new) == 0, f"second import added {len(log.new)} notes")
        check(col.note_count() == len(cards), f"after the second import: {col.note_count()} notes")
        check(col.card_count() == 2 * len(cards), f"after the second import: {col.card_count()} cards")

        newer = os.path.join(work, "newer.apkg")
        guid = newer_copy(first, newer, "changed by the teacher")
        log = import_package(col, newer)
        check(len(log.new) == 0 and len(log.updated) == 1,
              f"newer copy: {len(log.new)} new, {len(log.updated)} updated (expected 0 and 1)")
        updated = [col.get_note(n) for n in col.find_notes("") if col.get_note(n).guid == guid]
        check(len(updated) == 1 and updated[0]["English"] == "changed by the teacher",
              "the newer copy updated the note in place")
        check(col.note_count() == len(cards), f"after the update: {col.note_count()} notes")
    finally:
        col.close()
        shutil.rmtree(work, ignore_errors=True)

    if failures:
        print(f"anki import check: {len(failures)} failed")
        sys.exit(1)
    print(f"anki import check: OK ({len(cards)} notes, {2 * len(cards)} cards, deck {deck!r})")


if __name__ == "__main__":
    main()
