#!/usr/bin/env python3
"""Writes bidi_expected.tsv: for each case (bidi_cases.txt, then every line of the seed
article), the characters in visual order from left to right as GNU FriBidi orders them
with a right-to-left base direction, mirrored characters mirrored.

Run from the repository root:  python3 tests/reference/make_bidi.py
Needs the `fribidi` command (Debian: libfribidi-bin)."""
import glob, subprocess, sys

MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹"))

def visual(line):
    out = subprocess.run(["fribidi", "--rtl", "--nobreak", "--novisual", "--vtol", "--levels"],
                         input=line + "\n", capture_output=True, text=True, check=True).stdout.split("\n")
    vtol = [int(x) for x in out[0].split()]
    levels = [int(x) for x in out[1].split()]
    chars = list(line)
    return "".join(MIRROR.get(chars[i], chars[i]) if levels[i] % 2 else chars[i] for i in vtol)

cases = [l.rstrip("\n") for l in open("tests/reference/bidi_cases.txt", encoding="utf-8") if l.strip()]
seed = sorted(glob.glob("seeds/*.txt"))[0]
cases += [l.strip() for l in open(seed, encoding="utf-8-sig") if l.strip()]
with open("tests/reference/bidi_expected.tsv", "w", encoding="utf-8") as f:
    for c in cases:
        f.write(f"{c}\t{visual(c)}\n")
print(f"wrote {len(cases)} cases", file=sys.stderr)
