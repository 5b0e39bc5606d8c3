"""Place names with a second sense (مالي "financial", الزاوية "the corner", الجزيرة the channel).

``data/places/name_senses.tsv`` counts how often the NER corpora tag each gazetteer name as a
location and as anything else. A name used otherwise 30% of the time, with no cue word before it,
is doubtful: it is a place only when the rest of the story names its country or it is coordinated
with a place. After في/من/ب only names used otherwise 80% of the time are doubtful ("في البصرة" is
the city, "في المدينة" is still "in the city").
"""

from __future__ import annotations

from functools import cache

from ...model import Entity
from ...text.frequency import word_freq
from ..lexicon import DATA_DIR, read_tsv

_OTHER_SHARE = 0.3
_OTHER_SHARE_AFTER_PREPOSITION = 0.8
_PREPOSITIONS = {"في", "من", "الي", "قرب", "داخل"}
_PROCLITICS = "وفبلك"
_CLITIC_WORD_FREQ = 300  # the rest of "بلم" (لم) is a word the news uses this often at least


@cache
def _name_senses() -> dict[str, tuple[int, int]]:
    return {r["name"]: (int(r["loc"]), int(r["other"]))
            for r in read_tsv(DATA_DIR / "places" / "name_senses.tsv")}


def _after_preposition(tokens, m: dict) -> bool:
    """"في البصرة"، "بالبصرة"، "من الموصل": a preposition of place before the name."""
    i, k = m["i"], m["strip"]
    return (k and tokens[i].norm[k - 1] == "ب") or (i > 0 and tokens[i - 1].norm in _PREPOSITIONS)


@cache
def _clitic_and_word(name: str) -> bool:
    """"بلم" (Belém) is ب + لم in "أمر بلم شمل", "بانه" (Baneh) ب + انه, "وان" (Vaughan) و + ان:
    a one-word name that reads as a proclitic and a common word of the news is that word more
    often than the town, whatever the NER corpora happened to contain."""
    return (" " not in name and len(name) >= 3 and name[0] in _PROCLITICS
            and word_freq().get(name[1:], 0) >= _CLITIC_WORD_FREQ)


def doubtful(tokens, m: dict) -> bool:
    """Is a name match, read with no cue word, one that needs confirming? One other-tag in the
    corpora is noise: two at least (four after a preposition) are needed."""
    if m["type"] or m["modifier"]:
        return False
    if _clitic_and_word(m["name"]):
        return True
    loc, other = _name_senses().get(m["name"], (0, 0))
    if _after_preposition(tokens, m):
        return other >= 4 and other >= _OTHER_SHARE_AFTER_PREPOSITION * (loc + other)
    return other >= 2 and other >= _OTHER_SHARE * (loc + other)


def confirmed(tokens, m: dict, ent: Entity, story: dict, sure: list[Entity]) -> bool:
    """A doubtful name is a place when the rest of the story is about its country (votes from
    other words) or it is coordinated with a place ("بوركينا فاسو ومالي والنيجر"، "بين مكة
    والمدينة"). (Asking the NER model as well changed nothing on the table, dev or train, at a
    tenth of the recogniser's time.)"""
    cc = ent.data.get("cc")
    if cc and story.get(cc, 0) > 0:
        return True
    i, j = m["i"], m["j"]
    before = m["strip"] and tokens[i].norm[:1] == "و" and i > 0 \
        and any(e.end == tokens[i - 1].end for e in sure)
    after = j < len(tokens) and tokens[j].norm[:1] == "و" \
        and any(tokens[j].start <= e.start < tokens[j].end for e in sure)
    return bool(before or after)
