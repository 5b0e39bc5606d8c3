"""One name, one reading per document: a second pass that tags repeats the CRF missed.

Why: a news story names the same person, club or bank many times, and the CRF, looking at one
sentence at a time, finds some mentions but not others. Every exact repeat (same folded tokens)
of an entity found elsewhere in the same document is tagged with that entity's majority type,
where the CRF left it untagged; so is a person's family name alone, and a repeat that carries a
proclitic (وترامب: the whole token is tagged, as in ANERcorp). Very common words (frequency rank under 2,000 in the news
corpus) are never propagated alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ...text.normalize import fold
from ...text.tokens import cached_forms
from .evaluation import chunks
from .features import clusters

_MIN_RANK = 2000
_MAX_LEN = 6
_PROCLITIC = frozenset("وفبلك")


def propagate(sentences: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """Return new tag lists where untagged repeats of found entities are tagged."""
    cl = clusters()
    folded = [[fold(t) for t in s] for s in sentences]
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for toks, tg in zip(folded, tags):
        for s, e, typ in chunks(tg):
            if e - s <= _MAX_LEN:
                votes[tuple(toks[s:e])][typ] += 1
    def common(word: str) -> bool:
        r = cl.get(word)
        return (r is not None and r[2] < _MIN_RANK) or len(word) < 3 or not word.isalpha()

    names: dict[tuple[str, ...], str] = {}
    for key, c in votes.items():
        if len(key) == 1 and common(key[0]):
            continue
        names[key] = c.most_common(1)[0][0]
    # a person's family name alone refers to the same person (ترامب after دونالد ترامب)
    for key, c in votes.items():
        if len(key) > 1 and c.most_common(1)[0][0] == "PERS":
            last = (key[-1],)
            if last not in names and not common(key[-1]):
                names[last] = "PERS"
    if not names:
        return tags
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(names, key=len, reverse=True):
        by_first[key[0]].append(key)
    out = []
    for toks, tg in zip(folded, tags):
        tg = list(tg)
        i, n = 0, len(toks)
        while i < n:
            hit = None
            if tg[i] == "O":
                # the token itself, or its reading without proclitics (وترامب → ترامب)
                w = toks[i]
                forms = (w,) if w in by_first or w[:1] not in _PROCLITIC else cached_forms(w)
                for form in forms:
                    for key in by_first.get(form, ()):
                        k = len(key)
                        if (tuple(toks[i + 1:i + k]) == key[1:]
                                and all(t == "O" for t in tg[i:i + k])):
                            hit = key
                            break
                    if hit is not None:
                        break
            if hit is None:
                i += 1
                continue
            typ = names[hit]
            tg[i] = "B-" + typ
            for j in range(i + 1, i + len(hit)):
                tg[j] = "I-" + typ
            if i + len(hit) < n and tg[i + len(hit)].startswith("I-"):
                tg[i + len(hit)] = "B-" + tg[i + len(hit)][2:]
            i += len(hit)
        out.append(tg)
    return out
