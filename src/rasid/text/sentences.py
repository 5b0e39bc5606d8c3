"""Sentence splitting that survives numbers, abbreviations and quotations.

News sentences end at . ! ? ؟ or a line break. A full stop is not an end between digits (3.5),
after a one-letter abbreviation (د. م. أ.) or a known title abbreviation, and a sentence whose
end mark sits inside a quotation ends after the closing quote instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLOSERS = "\"'”’»)]}›"
# an end mark (possibly repeated), then any closing quotes/brackets
_END_RE = re.compile(r"[.!?؟…]+[" + re.escape(_CLOSERS) + r"]*|\n+")
_ABBREV = {"د", "م", "أ", "ا", "ص", "ج", "ق", "هـ", "ه", "س", "ت", "ب", "ك", "ش", "mr", "dr", "st",
           "no", "vs", "etc", "gen", "col", "lt", "sgt", "u.s", "u.n", "ج.م.ع"}


@dataclass(slots=True)
class Sentence:
    i: int
    start: int
    end: int
    tok_start: int = 0
    tok_end: int = 0


def _is_abbreviation(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(«“\"":
        j -= 1
    word = text[j:dot].lower()
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[Sentence]:
    """Sentences as (start, end) offsets into ``text``, trimmed of surrounding spaces."""
    bounds: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _END_RE.finditer(text):
        s, e = m.span()
        mark = text[s]
        if mark == ".":
            prev_digit = s > 0 and text[s - 1].isdigit()
            next_digit = e < n and text[e].isdigit()
            if prev_digit and next_digit:
                continue
            if m.group() == "." and _is_abbreviation(text, s) and e < n and text[e] != "\n":
                continue
            if e < n and not text[e].isspace() and text[e] not in _CLOSERS and text[e] != "\n":
                # "a.b" inside a word, a URL or a number like 1.000: not an end
                continue
        bounds.append((start, e))
        start = e
    if start < n:
        bounds.append((start, n))
    out: list[Sentence] = []
    for s, e in bounds:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(len(out), s, e))
    return out
