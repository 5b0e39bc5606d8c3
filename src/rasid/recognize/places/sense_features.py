"""Features of a place-name match in its sentence, for the place-sense model (sense_model.py).

A name spelled like a place is often something else: a common word (دعم مالي "financial", اللون
الرمادي "grey", الحرب تدمر "destroys"), a person (بشار، سارة) or a club or channel (ريال مدريد،
قناة الجزيرة). What tells them apart is mostly the grammar around the name: a definite noun
before an indefinite name is no construct ("الحرب تدمر"), a name with ال right after a definite
noun is its adjective ("الدخان الرمادي"), "في/من/إلى" before it and a place adjective after it
("عمان الغربية") make it a place. The features name these facts; the weights are learned
(``rasid train-places``). The same function serves training and inference.
"""

from __future__ import annotations

import math
import re

from ...text.frequency import word_freq
from ...text.normalize import fold
from ...text.tokens import is_definite
from .cues import cue_of

# prepositions and compass words before a name (also read by events/arguments.py)
PREPOSITIONS = {fold(w) for w in ("في", "من", "إلى", "على", "قرب", "داخل", "نحو", "حول", "عن", "مع", "بين",
                                   "غرب", "شرق", "شمال", "جنوب", "وسط", "باتجاه", "تجاه", "صوب", "حتى")}
_NISBA = re.compile(r"ال\w+(?:ي|يه|يين|يون)$")
# Arabic-speaking countries: a name there is more often the town than a foreign small town's
# name is (those are mostly people: جاستن، برايان)
ARAB = frozenset(("DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA",
                  "SO", "SD", "SY", "TN", "AE", "YE"))


def _kind(norm: str) -> str:
    if not norm[:1].isalnum():
        return "P"
    if norm.isdigit():
        return "D"
    return "W"


# words that begin like the article but are none: إلى، إلا، الذي ...
_NOT_ARTICLE = {fold(w) for w in ("إلى", "إلا", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي",
                                  "الآن")}


def _definite(norm: str) -> bool:
    return is_definite(norm) and norm not in _NOT_ARTICLE


def sense_features(tokens, m: dict, cands, support: int) -> list[str]:
    """Feature strings of one name match ``m`` (recognizer's dict: i, j, name, strip) with its
    gazetteer candidates ``cands``; ``support``: how many other names of the article point to one
    of its countries."""
    i, j, k, name = m["i"], m["j"], m["strip"], m["name"]
    tok = tokens[i]
    definite = name.startswith("ال")
    d = "def" if definite else "indef"
    kinds = "|".join(sorted({p.kind for p in cands}))
    population = max(p.population for p in cands)
    arab = "arab" if any(p.cc in ARAB for p in cands) else "foreign"
    f = ["bias", "n=" + name, "kind=" + kinds, "pop=%d" % min(7, int(math.log10(population + 1))),
         arab, arab + "&" + kinds, "support=%d" % min(3, support), "support=%d&%s" % (min(3, support), arab),
         d, "ntok=%d" % min(3, j - i),
         "len=%d" % min(8, len(name)), "cl=" + tok.norm[:k], "end=" + name[-1:],
         "wf=%d" % min(6, int(math.log10(word_freq().get(tok.norm[k:], 0) + 1)))]
    if k:
        f.append("clitic&" + d)
    sent = tok.sent
    p = i - 1
    if p >= 0 and tokens[p].sent == sent:
        pn = tokens[p].norm
        kind = _kind(pn)
        if kind == "W":
            pd = "p1def" if _definite(pn) else "p1indef"
            f += ["p1=" + pn, pd, pd + "&" + d, "p1end=" + pn[-1:]]
            if pn in PREPOSITIONS:
                f.append("p1prep")
            cue = cue_of(pn)
            if cue:
                f.append("p1cue=" + cue[0])
            if p > 0 and tokens[p - 1].sent == sent and _kind(tokens[p - 1].norm) == "W":
                f.append("p2=" + tokens[p - 1].norm)
        else:
            f.append("p1kind=" + kind)
    else:
        f.append("p1=<s>")
    if j < len(tokens) and tokens[j].sent == sent:
        nn = tokens[j].norm
        kind = _kind(nn)
        if kind == "W":
            nd = "n1def" if _definite(nn) else "n1indef"
            f += ["n1=" + nn, nd + "&" + d, "n1first=" + nn[:1]]
            if _NISBA.match(nn):
                f.append("n1nisba")
            cue = cue_of(nn)
            if cue:
                f.append("n1cue=" + cue[0])
            if j + 1 < len(tokens) and tokens[j + 1].sent == sent and _kind(tokens[j + 1].norm) == "W":
                f.append("n2=" + tokens[j + 1].norm)
        else:
            f.append("n1kind=" + kind)
    else:
        f.append("n1=</s>")
    return f
