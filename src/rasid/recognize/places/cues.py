"""The words around a place name that change what it means (data/places/cues.tsv): type words
(مدينة، محافظة), ريف, directions, proximity, features (نهر). Read through the proclitics و ف ب ل ك
and the article, once per distinct word."""

from __future__ import annotations

from functools import cache

from ...text.normalize import fold
from ...text.tokens import WordMemo
from ..lexicon import DATA_DIR, read_tsv


@cache
def cues() -> dict[str, tuple[str, str]]:
    return {fold(r["word"]): (r["kind"], r["value"]) for r in read_tsv(DATA_DIR / "places" / "cues.tsv")}


def clitic_readings(word: str) -> tuple[tuple[str, int], ...]:
    """(form, chars stripped) readings of a word without و/ف and ب/ل/ك; لل read as ال."""
    out = [(word, 0)]
    w, k = word, 0
    if w[:1] in ("و", "ف") and len(w) > 3:
        w, k = w[1:], 1
        out.append((w, k))
    if w[:2] == "لل" and len(w) > 4:
        out.append(("ال" + w[2:], k + 1))
    elif w[:1] in ("ب", "ل", "ك") and len(w) > 3:
        out.append((w[1:], k + 1))
    return tuple(out)


def clitic_lookup(word: str, table) -> tuple[object, int] | None:
    """(value, clitic chars) of the first reading of a word, without its clitics and then without
    the article, that ``table`` holds ("بالأراضي" -> "أراضي"), or None."""
    for form, k in clitic_readings(word):
        hit = table.get(form) or (table.get(form[2:]) if form.startswith("ال") else None)
        if hit:
            return hit, k
    return None


def _find_cue(word: str) -> tuple[str, str, int] | None:
    """The cue a word is (kind, value, clitic chars)."""
    found = clitic_lookup(word, cues())
    return (found[0][0], found[0][1], found[1]) if found else None


cue_of = WordMemo(_find_cue).__getitem__  # the cue a word is, worked out once per word
