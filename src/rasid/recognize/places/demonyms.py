"""Country adjectives (السوري، الأمريكية، الأتراك) -> ACLED country name.

Adjectives place an actor, not an event: "الحدود السورية التركية" names no place to code. The
table (data/places/demonyms.tsv) holds one stem per country; the inflected forms are generated
here so that the file stays readable.
"""

from __future__ import annotations

from functools import cache

from ...text.normalize import fold
from ..lexicon import DATA_DIR, read_tsv

_SUFFIXES = ("", "ه", "ان", "ون", "ين", "ات")


def _inflect(stem: str) -> list[str]:
    """Masculine, feminine and plural forms of a nisba, each with and without ال."""
    words = stem.split()
    nisba = [w.endswith("ي") for w in words]
    out: list[str] = []
    for suf in _SUFFIXES:
        ws = [w + suf if n else w for w, n in zip(words, nisba)]
        out.append(" ".join(ws))
        out.append(" ".join("ال" + w if n else w for w, n in zip(ws, nisba)))
    return out


@cache
def demonym_table() -> dict[str, tuple[str, str]]:
    """Folded form -> (cc, ACLED country name)."""
    table: dict[str, tuple[str, str]] = {}
    for row in read_tsv(DATA_DIR / "places" / "demonyms.tsv"):
        val = (row["cc"], row["country"])
        for stem in row["stem"].split("|"):
            for form in _inflect(fold(stem)):
                table.setdefault(form, val)
        for extra in filter(None, row.get("extra", "").split("|")):
            f = fold(extra)
            table.setdefault(f, val)
            table.setdefault("ال" + f, val)
    return table


def demonym_forms() -> list[str]:
    return list(demonym_table())


def _strip(word: str) -> list[str]:
    """The word and its readings without و/ف and ب/ل/ك (لل read as ال)."""
    out = [word]
    w = word
    if w[:1] in ("و", "ف") and len(w) > 3:
        w = w[1:]
        out.append(w)
    if w[:2] == "لل" and len(w) > 4:
        out.append("ال" + w[2:])
    elif w[:1] in ("ب", "ل", "ك") and len(w) > 3:
        out.append(w[1:])
    return out


def country_from_demonym(word: str) -> str | None:
    """ACLED country name for an adjective of nationality, or None.

    >>> country_from_demonym("الأمريكية")
    'United States'
    """
    table = demonym_table()
    f = " ".join(fold(word).split())
    for form in _strip(f):
        hit = table.get(form)
        if hit:
            return hit[1]
    return None
