"""Numbers in text: digits (any script) and Arabic number words, as token ranges with values.

"خمسة وعشرين" → 25, "ثلاثة عشر" → 13, "١٥" → 15, "عشرات" → 10 (vague). Counts of dead, wounded
and arrested are read from these by the events stage (CODEBOOK section 9).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..text.normalize import fold
from ..text.tokens import WordMemo, cached_forms, columns
from .lexicon import DATA_DIR, read_tsv

_DIGITS = re.compile(r"^\d{1,7}$")
_MULTIPLIERS = {"thousand": 1000, "million": 1_000_000}


@dataclass(slots=True)
class Number:
    tok_start: int
    tok_end: int
    value: int
    vague: bool = False


@cache
def number_words() -> dict[str, tuple[int, str]]:
    rows = read_tsv(DATA_DIR / "numbers" / "number_words.tsv")
    out: dict[str, tuple[int, str]] = {}
    for r in rows:
        out.setdefault(fold(r["word"]), (int(r["value"]), r["kind"]))
    return out


@cache
def count_nouns() -> dict[str, tuple[str, int]]:
    rows = read_tsv(DATA_DIR / "numbers" / "count_nouns.tsv")
    return {fold(r["word"]): (r["role"], int(r["value"])) for r in rows}


def _word_value(tok) -> tuple[int, str] | None:
    words = number_words()
    for f in tok.forms[:2]:  # the word, or the word after a conjunction و
        v = words.get(f)
        if v is not None:
            return v
    return None


def _may_start(norm: str) -> bool:
    if norm[:1] in ("و", "ف", "ب", "ل") and norm[1:2].isdigit():
        norm = norm[1:]
    if norm.isdigit() and _DIGITS.match(norm):
        return True
    words = number_words()
    return any(f in words for f in cached_forms(norm)[:2])


_MAY_START = WordMemo(_may_start)  # folded word -> can a number start there


def number_starts(tokens, start: int, end: int) -> list[int]:
    """Positions in tokens[start:end] where a number can start (digits, or a number word): the
    only ones find_numbers() needs to look at. Each word is checked once per process."""
    return [k for k, _ in _MAY_START.hits(columns(tokens).norms, start, end)]


def find_numbers(tokens, start: int = 0, end: int | None = None) -> list[Number]:
    """Numbers among tokens[start:end], longest readings, left to right, read only where one
    can start (number_starts())."""
    end = len(tokens) if end is None else end
    out: list[Number] = []
    i = start
    for p in number_starts(tokens, start, end):
        if p < i:
            continue  # inside the number just read
        n = number_at(tokens, p, end)
        if n is not None:
            out.append(n)
            i = n.tok_end
    return out


def number_at(tokens, i: int, end: int) -> Number | None:
    """The longest number reading that starts at tokens[i] and ends by ``end``, or None."""
    tok = tokens[i]
    norm = tok.norm
    if norm[:1] in ("و", "ف", "ب", "ل") and norm[1:2].isdigit():
        norm = norm[1:]  # و15، ب3
    if norm.isdigit() and _DIGITS.match(norm):
        j = i + 1
        value = int(norm)
        # 1,200 or 1.200 written as thousands
        if j + 1 < end and tokens[j].norm in (",", ".") and tokens[j + 1].norm.isdigit() \
                and len(tokens[j + 1].norm) == 3 and tokens[j].end == tokens[j + 1].start:
            value = value * 1000 + int(tokens[j + 1].norm)
            j += 2
        # "80 ألف قتيل"، "3 آلاف"، "1.5 مليون": digits then a multiplier word
        if j < end and value < 1000:
            mult = _word_value(tokens[j])
            if mult is not None and mult[1] in _MULTIPLIERS:
                value *= _MULTIPLIERS[mult[1]]
                j += 1
        return Number(i, j, value)
    wv = _word_value(tok)
    if wv is None:
        return None
    value, kind = wv
    vague = kind == "vague"
    j = i + 1
    if kind == "teen_unit":
        # أحد عشر، إحدى عشرة: "أحد" alone is "one of" or Sunday, not a number here
        nxt = _word_value(tokens[j]) if j < end else None
        if nxt is None or nxt[1] != "teen" and nxt[0] != 10:
            return None
        return Number(i, j + 1, 11)
    if not vague:
        # compounds: unit + عشر (teens), unit و ten, hundred و ..., N ألف
        while j < end:
            nxt = _word_value(tokens[j])
            if nxt is None:
                break
            nv, nk = nxt
            if nk == "vague":
                break
            if nk == "teen" and value < 10:
                value += 10
            elif nk in _MULTIPLIERS and value < 1000:
                value *= _MULTIPLIERS[nk]
            elif nk in ("unit", "ten", "hundred") and tokens[j].norm.startswith("و"):
                value += nv
            else:
                break
            j += 1
    return Number(i, j, value, vague)
