#!/usr/bin/env python3
"""Writes field_expected.tsv: for every case of field_cases.txt and each of its prefixes
(the field as it is typed, letter by letter), the characters in visual order from left to
right as GNU FriBidi orders them with the text field's rule: the direction of the first
strong character, right to left when there is none (an Arabic field), mirrored characters
mirrored.

Run from the repository root:  python3 tests/reference/make_field_bidi.py
Needs the `fribidi` command (Debian: libfribidi-bin)."""
import subprocess, sys

MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹"))

def visual(line):
    out = subprocess.run(["fribidi", "--wrtl", "--nobreak", "--novisual", "--vtol", "--levels"],
                         input=line + "\n", capture_output=True, text=True, check=True).stdout.split("\n")
    vtol = [int(x) for x in out[0].split()]
    levels = [int(x) for x in out[1].split()]
    chars = list(line)
    return "".join(MIRROR.get(chars[i], chars[i]) if levels[i] % 2 else chars[i] for i in vtol)

cases = [l.rstrip("\n") for l in open("tests/reference/field_cases.txt", encoding="utf-8") if l.strip()]
typed = []
for case in cases:
    for end in range(1, len(case) + 1):
        prefix = case[:end]
        if prefix not in typed:
            typed.append(prefix)
with open("tests/reference/field_expected.tsv", "w", encoding="utf-8") as f:
    for t in typed:
        f.write(f"{t}\t{visual(t)}\n")
print(f"wrote {len(typed)} typed states of {len(cases)} cases", file=sys.stderr)
