"""Training the place-sense model (``rasid train-places``; needs the ``train`` extra).

Two sources of instances, each a gazetteer name matched with no type word before it:
- the NER corpora (``shared/data/ner``: ANERcorp, AQMAR, the Wojood sample): a match is a place
  when the corpus tags it LOC or GPE (or ORG on a country: "حرصت روسيا"), otherwise not;
- name matches in news labelled by hand (``training/places/place_sense_labels.tsv``): references
  (document id, character span, label), the article texts read from the corpus paths given at
  training time, never from the repository.

Held-out instances are whole groups (an article, or a run of 20 NER sentences), by a stable hash,
never trained on. C and the threshold come from out-of-fold predictions on the training groups;
the threshold is set on the news labels drawn at random (what the recogniser meets).
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import numpy as np

from ...events.train_triggers import held_out, read_jsonl
from ...linear import binary_scores, vectorize
from .sense_model import SenseModel

NER_FILES = ("anercorp/train.txt", "aqmar/train.txt", "aqmar/dev.txt", "wojood_sample/train.txt",
             "wojood_sample/val.txt")
_PLACE_TAGS = {"LOC", "GPE"}
_SAMPLE = "sample="  # a training-only feature: which sample an instance was drawn in
_NER_GROUP = 20  # consecutive NER sentences held out together (the corpora run article by article)


@dataclass
class Instance:
    group: str
    label: int  # 1 place, 0 not
    origin: str  # ner | labels | random (news labels drawn at random)
    name: str = ""
    reason: str = ""
    features: list[str] = field(default_factory=list)


def _doc(text: str):
    from ...model import Document
    from ...text import prepare

    doc = Document(text=text)
    prepare(doc)
    return doc


def ner_sentences(path: Path) -> Iterable[list[tuple[str, str]]]:
    """(token, first tag) per line, sentences split by blank lines or Wojood's ``$#$`` markers."""
    cur: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2 or parts[0] == "$#$":
                if cur:
                    yield cur
                cur = []
                continue
            cur.append((parts[0], parts[1]))
    if cur:
        yield cur


def ner_instances(ner_dir: Path, recognizer, group: int = _NER_GROUP) -> list[Instance]:
    """Runs of ``group`` consecutive sentences are read as one article (the corpora run article
    by article), so that a name has the other names of its story around it."""
    out = []
    for rel in NER_FILES:
        path = Path(ner_dir) / rel
        if not path.exists():
            continue
        sents = list(ner_sentences(path))
        for g in range(0, len(sents), group):
            text, spans = "", []
            for sent in sents[g:g + group]:
                text += "\n" if text else ""
                for n, (tok, tag) in enumerate(sent):
                    text += " " if n else ""
                    spans.append((len(text), len(text) + len(tok), tag.split("-", 1)[-1] if "-" in tag else ""))
                    text += tok
            doc = _doc(text)
            for m, cands, feats in recognizer.sense_candidates(doc._tokens):
                a, b = doc._tokens[m["i"]].start, doc._tokens[m["j"] - 1].end
                tags = {t for s, e, t in spans if s < b and a < e and t}
                country = any(p.kind == "country" for p in cands)
                label = int(bool(tags & _PLACE_TAGS) or ("ORG" in tags and country))
                out.append(Instance(f"ner:{rel}:{g // group}", label, "ner", m["name"], features=feats))
    return out


def read_labels(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t",
                                   quoting=csv.QUOTE_NONE))


def labelled_instances(rows: list[dict], corpora: Iterable[Path], recognizer) -> tuple[list[Instance], int]:
    """Instances of the hand labels; returns them and the number of labels whose article or
    name match was not found."""
    by_doc: dict[str, list[dict]] = {}
    for r in rows:
        by_doc.setdefault(r["doc"], []).append(r)
    out, found = [], 0
    seen: set[str] = set()
    for path in corpora:
        for d in read_jsonl(Path(path)):
            if d.get("id") not in by_doc or d["id"] in seen:
                continue
            seen.add(d["id"])
            doc = _doc(d["text"])
            at = {(doc._tokens[m["i"]].start, doc._tokens[m["j"] - 1].end): (m, feats)
                  for m, _, feats in recognizer.sense_candidates(doc._tokens)}
            for r in by_doc[d["id"]]:
                hit = at.get((int(r["start"]), int(r["end"])))
                if hit is None:
                    continue
                found += 1
                out.append(Instance(d["id"], int(r["label"] == "place"), r.get("origin") or "labels",
                                    hit[0]["name"], r.get("reason", ""), hit[1]))
    return out, len(rows) - found


def train(instances: list[Instance], min_count: int = 5, c_values=(0.1, 0.3, 1.0, 3.0),
          seed: int = 0, not_precision: float = 0.97) -> tuple[SenseModel, dict]:
    """Fit on the training groups; report on the held-out ones. The threshold is the highest
    under which the random news labels are ``not`` with at least ``not_precision`` (a veto must
    seldom fall on a place)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss, roc_auc_score
    from sklearn.model_selection import GroupKFold

    # each sample's own share of places (the names drawn for their doubt are mostly something
    # else, the NER corpora mostly places) goes into a feature of its own that news never has:
    # the weights of the rest then speak for names met at random
    instances = [Instance(x.group, x.label, x.origin, x.name, x.reason,
                          x.features + [_SAMPLE + x.origin] if x.origin in ("ambiguous", "ner") else x.features)
                 for x in instances]
    fit = [x for x in instances if not held_out(x.group)]
    test = [x for x in instances if held_out(x.group)]
    counts = Counter(f for x in fit for f in set(x.features))
    features = sorted(f for f, n in counts.items() if n >= min_count or f == "bias")
    vocab = {f: i for i, f in enumerate(features)}
    X = vectorize(fit, vocab)
    y = np.array([x.label for x in fit])
    folds = list(GroupKFold(n_splits=5).split(X, y, np.array([x.group for x in fit])))

    def lr(c):
        return LogisticRegression(C=c, max_iter=3000, solver="liblinear", random_state=seed)

    news = np.array([x.origin != "ner" for x in fit])
    by_c = []
    for c in c_values:
        oof = np.zeros(len(y))
        for tr, va in folds:
            oof[va] = lr(c).fit(X[tr], y[tr]).predict_proba(X[va])[:, 1]
        by_c.append((log_loss(y[news], oof[news]) if news.any() else log_loss(y, oof), c, oof))
    _, c_best, oof = min(by_c, key=lambda t: t[0])
    rand = np.array([x.origin == "random" for x in fit])
    pick = rand if rand.sum() >= 50 else news if news.any() else np.ones(len(y), bool)
    threshold = _threshold(y[pick], oof[pick], not_precision)
    model_ = lr(c_best).fit(X, y)
    weights = dict(zip(features, model_.coef_[0].tolist()))
    model = SenseModel(weights, float(model_.intercept_[0]), threshold)
    report: dict = {"instances": len(instances), "train_instances": len(fit), "heldout_instances": len(test),
                    "by_origin": dict(Counter(x.origin for x in instances)), "features": len(features),
                    "C": c_best, "threshold": threshold,
                    "oof_random": _decisions(y[pick], oof[pick], threshold)}
    if test:
        Xt = vectorize(test, vocab)
        yt = np.array([x.label for x in test])
        pt = model_.predict_proba(Xt)[:, 1]
        report["heldout"] = {}
        for origin in sorted({x.origin for x in test}):
            idx = np.array([x.origin == origin for x in test])
            s = binary_scores(yt[idx], (pt[idx] >= threshold).astype(int))
            s["accuracy"] = round(float(((pt[idx] >= threshold) == yt[idx]).mean()), 4)
            if 0 < yt[idx].sum() < idx.sum():
                s["auc"] = round(float(roc_auc_score(yt[idx], pt[idx])), 4)
            s.update(_decisions(yt[idx], pt[idx], threshold))
            report["heldout"][origin] = s
        model.probes = ([test[i].features for i in range(min(25, len(test)))], pt[:25].tolist())
    model.meta = {k: v for k, v in report.items() if not isinstance(v, dict)}
    return model, report


def _threshold(y: np.ndarray, p: np.ndarray, not_precision: float) -> float:
    best = 0.05
    for t in (round(t, 2) for t in np.arange(0.05, 0.96, 0.05)):
        below = p < t
        if below.any() and (y[below] == 0).mean() >= not_precision:
            best = t
    return best


def _decisions(y: np.ndarray, p: np.ndarray, threshold: float) -> dict:
    """How the threshold sorts the instances: vetoed (p < threshold) and kept, with the places
    among each."""
    return {band: {"n": int(idx.sum()), "places": int(y[idx].sum())}
            for band, idx in (("vetoed", p < threshold), ("kept", p >= threshold))}
