"""Scoring predicted events against gold, exactly as CODEBOOK section 12 says.

Per document: predicted and gold events may pair when an evidence span overlaps a gold mention;
pairs are chosen one-to-one (Hungarian, scipy) to maximise agreeing fields. Events still
unpaired then pair when event_type, event_date and country agree and admin1 or location agrees.
A gold field holding a list accepts any of its values.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
from scipy.optimize import linear_sum_assignment

FIELDS = ["event_type", "sub_event_type", "event_date", "time_precision", "actor1", "actor2",
          "country", "admin1", "location", "fatalities"]
# scored on paired events but not used to choose the pairs (CODEBOOK 12 lists the fields that are)
COUNT_FIELDS = ["injuries", "arrests"]
STRICT_FIELDS = ["event_type", "sub_event_type", "event_date", "country", "admin1", "actor1"]
LOCATION_KM = 25.0

_PAREN_TAIL = re.compile(r"\s*\((?:\d{4}(?:-\d{0,4})?|[^()]*)\)\s*$")
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def normalize_name(value: Any) -> str:
    """Case, accents, punctuation and a trailing parenthesised year or country removed."""
    s = "" if value is None else str(value)
    s = _PAREN_TAIL.sub("", s)
    s = _strip_accents(s).lower()
    s = _PUNCT.sub(" ", s)
    return _SPACE.sub(" ", s).strip()


def _alias_normalizer() -> Callable[[str], str]:
    try:
        from ..recognize.actors import normalize_actor_name
    except ImportError:  # the registry is optional for scoring
        return normalize_name
    return lambda v: normalize_name(normalize_actor_name(str(v)) if v else v)


def _as_list(v: Any) -> list:
    return v if isinstance(v, list) else [v]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class FieldComparer:
    def __init__(self) -> None:
        self.actor_norm = _alias_normalizer()

    def agree(self, name: str, pred: dict, gold: dict) -> bool:
        p = pred.get(name)
        options = _as_list(gold.get(name))
        if name in ("actor1", "actor2"):
            pn = self.actor_norm(p or "")
            return any(pn == self.actor_norm(o or "") for o in options)
        if name in ("country", "admin1"):
            pn = normalize_name(p)
            return any(pn == normalize_name(o) for o in options)
        if name == "location":
            return self._location(pred, gold)
        if name in COUNT_FIELDS:  # written by every system since they were scored; absent = 0
            p, options = p or 0, [o or 0 for o in options]
        if name in ("time_precision", "fatalities", "injuries", "arrests"):
            try:
                return any(p is not None and o is not None and int(p) == int(o) for o in options)
            except (TypeError, ValueError):
                return False
        return any((p or "") == (o or "") for o in options)

    @staticmethod
    def _location(pred: dict, gold: dict) -> bool:
        plat, plon = pred.get("latitude"), pred.get("longitude")
        glat, glon = gold.get("latitude"), gold.get("longitude")
        if None not in (plat, plon) and not isinstance(glat, list) and None not in (glat, glon):
            try:
                return haversine_km(float(plat), float(plon), float(glat), float(glon)) <= LOCATION_KM
            except (TypeError, ValueError):
                pass
        pn = normalize_name(pred.get("location"))
        return bool(pn) and any(pn == normalize_name(o) for o in _as_list(gold.get("location")))


def _overlaps(pred: dict, gold: dict) -> bool:
    spans = [(s["start"], s["end"]) for s in pred.get("evidence") or []]
    for gs, ge in gold.get("mentions") or []:
        for ps, pe in spans:
            if ps < ge and gs < pe:
                return True
    return False


@dataclass
class Pair:
    pred: dict
    gold: dict
    agree: dict[str, bool]


@dataclass
class DocResult:
    id: str
    pairs: list[Pair] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)


def _assign(preds: list[dict], golds: list[dict], allowed, cmp: FieldComparer):
    """Hungarian pairing among allowed (pred, gold) pairs maximising agreeing fields."""
    if not preds or not golds:
        return []
    big = 1000.0
    score = np.full((len(preds), len(golds)), -big * 10)
    agreements = {}
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if allowed(p, g):
                ag = {f: cmp.agree(f, p, g) for f in FIELDS}
                agreements[i, j] = ag
                score[i, j] = big + sum(ag.values())
    rows, cols = linear_sum_assignment(-score)
    out = []
    for i, j in zip(rows, cols):
        if (i, j) in agreements:
            ag = agreements[i, j]
            ag.update({f: cmp.agree(f, preds[i], golds[j]) for f in COUNT_FIELDS})
            out.append((i, j, ag))
    return out


def score_document(pred_events: list[dict], gold_events: list[dict], doc_id: str,
                   cmp: FieldComparer) -> DocResult:
    res = DocResult(doc_id)
    preds, golds = list(pred_events), list(gold_events)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for i, j, ag in _assign(preds, golds, _overlaps, cmp):
        res.pairs.append(Pair(preds[i], golds[j], ag))
        used_p.add(i)
        used_g.add(j)
    rest_p = [i for i in range(len(preds)) if i not in used_p]
    rest_g = [j for j in range(len(golds)) if j not in used_g]

    def loose(p: dict, g: dict) -> bool:
        return (cmp.agree("event_type", p, g) and cmp.agree("event_date", p, g)
                and cmp.agree("country", p, g)
                and (cmp.agree("admin1", p, g) or cmp.agree("location", p, g)))

    for i, j, ag in _assign([preds[i] for i in rest_p], [golds[j] for j in rest_g], loose, cmp):
        res.pairs.append(Pair(preds[rest_p[i]], golds[rest_g[j]], ag))
        used_p.add(rest_p[i])
        used_g.add(rest_g[j])
    res.spurious = [preds[i] for i in range(len(preds)) if i not in used_p]
    res.missed = [golds[j] for j in range(len(golds)) if j not in used_g]
    return res


@dataclass
class Scores:
    n_pred: int
    n_gold: int
    n_paired: int
    precision: float
    recall: float
    f1: float
    strict_precision: float
    strict_recall: float
    strict_f1: float
    field_accuracy: dict[str, float]
    documents: list[DocResult]

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "documents"}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold_docs: list[dict], pred_docs: dict[str, dict]) -> Scores:
    """Micro-averaged detection, strict and per-field figures over all gold documents."""
    cmp = FieldComparer()
    results = []
    n_pred = n_gold = 0
    for g in gold_docs:
        p = pred_docs.get(g["id"], {})
        pe, ge = p.get("events") or [], g.get("events") or []
        n_pred += len(pe)
        n_gold += len(ge)
        results.append(score_document(pe, ge, g["id"], cmp))
    pairs = [pr for r in results for pr in r.pairs]
    n_paired = len(pairs)
    prec = n_paired / n_pred if n_pred else 0.0
    rec = n_paired / n_gold if n_gold else 0.0
    strict = sum(1 for pr in pairs if all(pr.agree[f] for f in STRICT_FIELDS))
    sp = strict / n_pred if n_pred else 0.0
    sr = strict / n_gold if n_gold else 0.0
    acc = {f: (sum(pr.agree[f] for pr in pairs) / n_paired if n_paired else 0.0)
           for f in FIELDS + COUNT_FIELDS}
    return Scores(n_pred, n_gold, n_paired, prec, rec, _f1(prec, rec), sp, sr, _f1(sp, sr), acc,
                  results)
