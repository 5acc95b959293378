#!/usr/bin/env python3
"""Writes shaping_<font>.tsv: every distinct Arabic word of the seed article, and the glyph
ids HarfBuzz gives it with the bundled font file, in visual order (left to right).

Run from the repository root:  python3 tests/reference/make_shaping.py
Needs `hb-shape` (Debian: libharfbuzz-bin)."""
import glob, re, subprocess, sys, tempfile

FONTS = {"naskh": "fonts/NotoNaskhArabic-Regular.ttf", "amiri": "fonts/Amiri-Regular.ttf"}
# Arabic letters with their marks and tatweel: the same span as a word token in src/arabic.
WORD = re.compile("[\u0620-\u063F\u0641-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u0610-\u061A\u0640\u064B-\u065F\u0670]+")

seed = sorted(glob.glob("seeds/*.txt"))[0]
words = sorted(set(WORD.findall(open(seed, encoding="utf-8-sig").read())))
with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
    f.write("\n".join(words) + "\n")
    text_file = f.name
for name, font in FONTS.items():
    out = subprocess.run(["hb-shape", "--no-glyph-names", "--no-positions", "--no-clusters",
                          "--direction=rtl", "--script=arab", f"--text-file={text_file}", font],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(out) == len(words), (len(out), len(words))
    with open(f"tests/reference/shaping_{name}.tsv", "w", encoding="utf-8") as g:
        for w, glyphs in zip(words, out):
            g.write(f"{w}\t{glyphs.strip('[]').replace('|', ' ')}\n")
print(f"wrote {len(words)} words for {len(FONTS)} fonts", file=sys.stderr)
