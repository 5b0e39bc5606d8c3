"""Word frequencies of Arabic news (data/text/word_freq.tsv.gz), for telling clitics apart.

A token whose whole form is a common word is not read as proclitic + another word: كشفت
(revealed) is not ك + شفت, وقال is و + قال only because وقال is no more common than قال × 3.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

FREQ_FILE = Path(__file__).resolve().parent.parent / "data" / "text" / "word_freq.tsv.gz"
MIN_OWN_WORD = 20  # a whole form seen this often may be a word of its own
RATIO = 3


@cache
def word_freq() -> dict[str, int]:
    out: dict[str, int] = {}
    with gzip.open(FREQ_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            w, _, c = line.rstrip("\n").partition("\t")
            out[w] = int(c)
    return out


def is_own_word(whole: str, stripped: str) -> bool:
    """True when ``whole`` is better read as a word than as clitics + ``stripped``."""
    freq = word_freq()
    n = freq.get(whole, 0)
    return n >= MIN_OWN_WORD and n > RATIO * freq.get(stripped, 0)


def is_future_verb(word: str) -> bool:
    """سيوقف، ستواصل، سنرد (and وسيؤدي): the future prefix س on an imperfect verb (the rest is a
    common word starting with ي/ت/ن/ا), not a word that merely starts with س (سيارة، ستة، سيطرة)."""
    whole = word
    if len(word) > 4 and word[0] in "وف" and word[1] == "س":
        word = word[1:]  # وسيؤدي، فستواصل (but not وسائل: a word of its own)
    if len(word) < 4 or word[0] != "س" or word[1] not in "يتنا":
        return False
    if word[1] == "ا" and len(word) < 5:
        return False  # سأرد is rare beside names: سامر، سامي
    freq = word_freq()
    rest = freq.get(word[1:], 0)
    return rest >= MIN_OWN_WORD and rest > freq.get(word, 0) and rest > freq.get(whole, 0)
