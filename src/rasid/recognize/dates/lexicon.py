"""Date word lists (src/rasid/data/dates/*.tsv), folded once per process.

Entries are written in ordinary spelling and folded here, so the patterns only ever see the
folded forms the document text is matched in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...text.normalize import fold
from ..lexicon import DATA_DIR

DATES_DIR = DATA_DIR / "dates"


def _rows(name: str) -> list[list[str]]:
    out = []
    with open(DATES_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            out.append(line.split("\t"))
    return out


@dataclass(frozen=True, slots=True)
class Month:
    month: int
    hijri: bool
    needs_context: bool


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, Month]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    dayparts: tuple[str, ...]
    parts: dict[str, str]
    modifiers: dict[str, str]
    units: dict[str, tuple[str, int]]
    named: dict[str, tuple[bool, int, int, int | None]]
    famous: dict[tuple[int, int], tuple[int, frozenset[str]]]


@cache
def lexicon() -> Lexicon:
    months = {fold(r[0]): Month(int(r[1]), r[2] == "h", r[3] == "1") for r in _rows("months.tsv")}
    weekdays = {fold(r[0]): int(r[1]) for r in _rows("weekdays.tsv")}
    numbers = {fold(r[0]): int(r[1]) for r in _rows("numbers.tsv")}
    ordinals = {fold(r[0]): int(r[1]) for r in _rows("ordinals.tsv")}
    dayparts = tuple(fold(r[0]) for r in _rows("dayparts.tsv"))
    parts = {fold(r[0]): r[1] for r in _rows("parts.tsv")}
    modifiers = {fold(r[0]): r[1] for r in _rows("modifiers.tsv")}
    units = {fold(r[0]): (r[1], int(r[2])) for r in _rows("units.tsv")}
    named = {}
    for r in _rows("named_days.tsv"):
        year = int(r[4]) if len(r) > 4 and r[4].strip() else None
        named[fold(r[0])] = (r[1] == "h", int(r[2]), int(r[3]), year)
    famous = {}
    for r in _rows("famous.tsv"):
        famous[(int(r[0]), int(r[1]))] = (int(r[2]), frozenset(fold(w) for w in r[3].split("|")))
    return Lexicon(months, weekdays, numbers, ordinals, dayparts, parts, modifiers, units, named,
                   famous)


def alt(words) -> str:
    """A regex alternation of folded phrases, longest first, spaces matching any whitespace."""
    ws = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ws) + ")"


_WS = re.compile(r"\s+")


def key(s: str) -> str:
    """Lookup key of a matched phrase: single spaces."""
    return _WS.sub(" ", s.strip())
