"""Arabic normalisation for matching, with a map back to the original offsets.

Rasid never outputs normalised text: it matches on a folded copy of the document and maps every
match back to the caller's string, so that ``text[start:end] == span.text`` always holds.

Folding is done in two C-speed steps: a one-to-one ``str.translate`` (alef/hamza variants, alef
maqsura, ta marbuta, Persian letters, Arabic-Indic and Persian digits, Latin case), then deletion
of marks that carry no letter (diacritics, tatweel, bidi controls, zero-width characters). Only
when something was deleted is a per-character index map built.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

# Characters dropped for matching: harakat, Quranic marks, tatweel, bidi controls, zero-width.
_DELETE = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff"  # diacritics and marks
    "\u0640"  # tatweel
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad"  # zero-width, bidi, BOM, soft hyphen
)
# ...and a hamza on the line after ya (ى is folded to ي first): "الطوارىء" and "شاطىء" are the
# Gulf press's spelling of "الطوارئ" and "شاطئ" (ئ folds to ي, so both read "الطواري"). The
# lookbehind slows a scan down by half, so it is used only on texts that contain "يء".
DELETABLE_RE = re.compile(f"[{_DELETE}]+|(?<=\u064a)\u0621")
_MARKS_RE = re.compile(f"[{_DELETE}]+")
_YA_HAMZA = "\u064a\u0621"


def _deletable(one_to_one: str) -> re.Pattern:
    return DELETABLE_RE if _YA_HAMZA in one_to_one else _MARKS_RE
_TRAILING_MARKS = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)] + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u0621"] + [chr(c) for c in range(0x06D6, 0x06EE)]
)


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for ch in "أإآٱٲٳ":
        table[ord(ch)] = "ا"
    table[ord("ى")] = "ي"
    table[ord("ی")] = "ي"  # Persian yeh
    table[ord("ې")] = "ي"
    table[ord("ئ")] = "ي"
    table[ord("ؤ")] = "و"
    table[ord("ة")] = "ه"
    table[ord("ۀ")] = "ه"
    table[ord("ھ")] = "ه"
    table[ord("ہ")] = "ه"
    table[ord("ک")] = "ك"
    table[ord("گ")] = "ك"
    for i in range(10):
        table[0x0660 + i] = str(i)  # Arabic-Indic digits
        table[0x06F0 + i] = str(i)  # Persian digits
    table[ord("٫")] = "."  # Arabic decimal separator
    table[ord("٬")] = ","  # Arabic thousands separator
    for c in range(ord("A"), ord("Z") + 1):
        table[c] = chr(c + 32)
    return table


FOLD_TABLE = _fold_table()

# Digits only: used where the surface form must be kept but numbers must parse.
DIGIT_TABLE = {k: v for k, v in FOLD_TABLE.items() if v.isdigit() or v in ".,"}


# str.translate looks every character up in a dict; replacing only the foldable characters that
# occur (found in one regex pass) is about five times faster on news text. No target character
# is itself a source, so the order of replacements does not matter.
_FOLD_CHARS = {chr(k): v for k, v in FOLD_TABLE.items()}
_FOLDABLE_RE = re.compile("[" + re.escape("".join(_FOLD_CHARS)) + "]")
assert not set(_FOLD_CHARS).intersection("".join(_FOLD_CHARS.values()))


def fold_chars(text: str) -> str:
    """Fold letters one-to-one (no deletion); the result has the same length as ``text``."""
    for ch in set(_FOLDABLE_RE.findall(text)):
        text = text.replace(ch, _FOLD_CHARS[ch])
    return text


def fold(text: str) -> str:
    """Normalise a lexicon entry or query the same way documents are normalised."""
    one_to_one = fold_chars(text)
    return _deletable(one_to_one).sub("", one_to_one)


def to_ascii_digits(text: str) -> str:
    return text.translate(DIGIT_TABLE)


@dataclass(slots=True)
class Folded:
    """A folded copy of a text and the map from its positions to the original's.

    ``index[i]`` is the original position of folded character ``i``; ``index[len]`` is
    ``len(original)``. ``index`` is None when nothing was deleted (the map is the identity).
    """

    original: str
    text: str
    index: array | None

    def orig(self, pos: int) -> int:
        """Original offset of a folded position (a start, or an exclusive end)."""
        if self.index is None:
            return pos
        return self.index[pos]

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of a folded span; an empty span stays empty."""
        if self.index is None:
            return start, end
        if end <= start:
            o = self.index[start]
            return o, o
        # a word keeps its trailing harakat and tatweel, but not a following bidi/zero-width mark
        e = self.index[end - 1] + 1
        limit = self.index[end]
        orig = self.original
        while e < limit and orig[e] in _TRAILING_MARKS:
            e += 1
        return self.index[start], e


_POSITIONS = array("l", range(1 << 16))  # 0, 1, 2 …: index maps are copied from slices of it


def _positions(n: int) -> array:
    global _POSITIONS
    if len(_POSITIONS) < n:
        _POSITIONS = array("l", range(max(n, 2 * len(_POSITIONS))))
    return _POSITIONS


def fold_with_map(text: str) -> Folded:
    """Fold ``text`` for matching and keep the offset map back to it."""
    one_to_one = fold_chars(text)
    deletable = _deletable(one_to_one)
    if not deletable.search(one_to_one):
        return Folded(text, one_to_one, None)
    positions = _positions(len(one_to_one))
    keep = array("l")
    pieces: list[str] = []
    last = 0
    for m in deletable.finditer(one_to_one):
        s, e = m.span()
        if s > last:
            pieces.append(one_to_one[last:s])
            keep += positions[last:s]
        last = e
    if last < len(one_to_one):
        pieces.append(one_to_one[last:])
        keep += positions[last:len(one_to_one)]
    keep.append(len(text))
    return Folded(text, "".join(pieces), keep)
