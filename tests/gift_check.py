"""Reads a GIFT quiz written by `dars quiz --format gift` with pygiftparser (an independent GIFT
parser from PyPI) and checks it against the same quiz written as JSON: every question parses and
is valid, multiple choice comes out as a SelectSet with exactly one right answer (the quiz's),
typed answers as a ShortSet accepting every spelling, and Arabic text arrives intact.

Usage: python gift_check.py QUIZ.gift QUIZ.json
"""

import json
import re
import sys

from html import unescape as html_unescape

from pygiftparser import parser


def fail(message):
    print(f"gift-check: {message}", file=sys.stderr)
    sys.exit(1)


def unescape(text):
    """The plain text: pygiftparser keeps GIFT's backslash escapes and our HTML entities."""
    return html_unescape(re.sub(r"\\([~=#{}:\\])", r"\1", text))


def main(gift_path, json_path):
    with open(json_path, encoding="utf-8") as f:
        quiz = json.load(f)
    with open(gift_path, encoding="utf-8") as f:
        parsed = parser.parseFile(f)
    # pygiftparser returns the $CATEGORY line as no question; keep the real ones.
    parsed = [q for q in parsed if q.answers is not None]
    expected = quiz["questions"]
    if len(parsed) != len(expected):
        fail(f"{len(parsed)} questions parsed, {len(expected)} written")
    for n, (got, want) in enumerate(zip(parsed, expected), start=1):
        if not got.valid:
            fail(f"question {n} is not valid GIFT: {got.full!r}")
        kind = type(got.answers).__name__
        answers = got.answers.answers
        if want["choices"]:
            if kind != "SelectSet":
                fail(f"question {n}: {kind}, expected multiple choice")
            right = [a for a in answers if a.fraction == 100]
            if len(answers) != len(want["choices"]) or len(right) != 1:
                fail(f"question {n}: {len(answers)} answers, {len(right)} right")
            correct = want["choices"][want["correct"]]["text"]
            if correct not in unescape(right[0].answer):
                fail(f"question {n}: right answer {right[0].answer!r}, expected {correct!r}")
        else:
            if kind != "ShortSet":
                fail(f"question {n}: {kind}, expected short answer")
            got_answers = {unescape(a.answer) for a in answers}
            if got_answers != set(want["accepted"]):
                fail(f"question {n}: accepts {got_answers}, expected {want['accepted']}")
        if want["subject_arabic"] and want["subject"] not in unescape(got.text):
            fail(f"question {n}: Arabic subject {want['subject']!r} not in {got.text!r}")
    print(f"gift-check: {len(parsed)} questions parsed back by pygiftparser")


if __name__ == "__main__":
    main(*sys.argv[1:3])
