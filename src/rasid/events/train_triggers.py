"""Training the trigger classifier (``rasid train-events``; needs the ``train`` extra).

Labelled trigger instances are references (document id, character span of the trigger, label):
the article texts come from the corpus path given at training time, never from the repository.
Each labelled document is run through the pipeline with the detector keeping every candidate's
features; a label is joined to the candidate at the same span. The coded training gold
(``train.jsonl``) adds instances of both kinds: candidates in the sentences of its events
(event, with the event's sub_event_type) and in its ``non_events`` sentences or event-free
articles (not).

Held-out instances are whole articles (a stable hash of the document id), never trained on:
the figures the command prints are measured there. The probability threshold is chosen on the
training articles' out-of-fold predictions, not on the held-out ones.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from ..linear import binary_scores as _scores, vectorize as _vectorize
from .trigger_model import TriggerModel

NOT = "not"
EVENT = "event"


@dataclass
class Instance:
    doc: str
    start: int
    end: int
    label: str  # event | not
    sub_event_type: str = ""
    reason: str = ""
    origin: str = ""  # labels | gold
    section: str = ""
    features: list[str] = field(default_factory=list)


def smoothed_threshold(grid: list[float], curve: list[dict], precision_floor: float = 0.0) -> tuple[float, dict]:
    """The threshold whose out-of-fold F1, averaged with its two neighbours on each side, is the
    highest (one with precision at the floor first). The curve is flat near its top: its single
    highest point moved between 0.32 and 0.36 as a few features moved, and with it the dev set's
    recall by 3 points."""
    best = None
    for k, (thr, s) in enumerate(zip(grid, curve)):
        near = curve[max(0, k - 2):k + 3]
        key = (s["precision"] >= precision_floor, sum(x["f1"] for x in near) / len(near))
        if best is None or key > best[0]:
            best = (key, thr, s)
    return best[1], best[2]


def features_at(feats: dict, by_start: dict, start: int, end: int) -> list[str] | None:
    """The features of the candidate at a labelled span: the same span, or the longest candidate
    starting there (a labelled word that now heads a longer phrase, "الهجوم" of "الهجوم الكيماوي",
    is the same instance). ``by_start``: start -> the longest candidate's features."""
    return feats.get((start, end)) or by_start.get(start)


def held_out(doc_id: str, share: int = 5) -> bool:
    """One article in ``share`` is held out, by a stable hash of its id."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % share == 0


UNCERTAIN = "uncertain"  # origin of instances drawn for the model's uncertainty, not at random


def read_labels(path: Path) -> list[Instance]:
    """Instances of one label file. A file named ``round2_*`` (or any ``round<N>_*`` past the
    first) was drawn where the model was unsure: its instances train the model but do not choose
    the threshold, which must be set on the random sample's distribution."""
    origin = UNCERTAIN if Path(path).name.startswith("round") else "labels"
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for r in rows:
            out.append(Instance(r["doc"], int(r["start"]), int(r["end"]), r["label"],
                                r.get("sub_event_type", "") or "", r.get("reason", "") or "", origin,
                                r.get("section", "") or ""))
    return out


def revise(instances: list[Instance], revisions: list[Instance]) -> tuple[list[Instance], int]:
    """``instances`` with the label of each one a revision file re-judged (same document and
    span) replaced; the instance keeps where it was drawn (random or uncertainty sample), so
    the threshold is still set on the random sample. Returns the list and how many changed."""
    new = {(r.doc, r.start, r.end): r for r in revisions}
    out, changed = [], 0
    for x in instances:
        r = new.get((x.doc, x.start, x.end))
        if r is not None:
            changed += (r.label, r.sub_event_type, r.reason) != (x.label, x.sub_event_type, x.reason)
            x = Instance(x.doc, x.start, x.end, r.label, r.sub_event_type, r.reason, x.origin, x.section)
        out.append(x)
    return out, changed


def read_jsonl(path: Path) -> Iterable[dict]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _short_id(doc_id: str) -> str:
    """Gold ids carry the corpus name as a prefix ("ANT_v2.1_multisource:AL-...")."""
    return doc_id.split(":", 1)[-1]


def _section_of(doc_id: str) -> str:
    """ANT ids name their section: "AL-sport-1710-20180527"."""
    parts = _short_id(doc_id).split("-")
    return parts[1] if len(parts) > 2 else ""


def _pipeline():
    """The pipeline up to the event detector, rules only, keeping every candidate's features
    (later stages do not change them)."""
    from ..components import default_components
    from ..pipeline import Pipeline

    steps = default_components(trigger_model=False)
    k = next(i for i, (name, _) in enumerate(steps) if name == "mentions")
    steps[k][1].collect = True
    return Pipeline(steps[:k + 1])

def featurize(labels: list[Instance], corpus: Iterable[dict], gold: Iterable[dict] = (),
              progress: Callable[[int], None] | None = None) -> tuple[list[Instance], Counter]:
    """Join labels to the pipeline's candidates (and add the gold's instances); returns the
    instances with features and a tally of what could not be joined."""
    pipe = _pipeline()
    by_doc: dict[str, list[Instance]] = {}
    for x in labels:
        by_doc.setdefault(_short_id(x.doc), []).append(x)
    tally: Counter = Counter()
    out: list[Instance] = []
    seen = set()
    for d in corpus:
        key = _short_id(d["id"])
        want = by_doc.get(key)
        if not want or key in seen:
            continue
        seen.add(key)
        doc = pipe(d["text"], published=d.get("published"), source=d.get("source"), id=d["id"])
        feats = doc._trigger_features
        by_start = {s: f for (s, e), f in sorted(feats.items(), key=lambda kv: kv[0][1] - kv[0][0])}
        for x in want:
            f = features_at(feats, by_start, x.start, x.end)
            if f is None:
                tally["label without a candidate at its span"] += 1
                continue
            x.features = f
            x.section = x.section or d.get("section", "")
            out.append(x)
        if progress:
            progress(1)
    tally["labelled documents not in the corpus"] = len(set(by_doc) - seen)
    for d in gold:
        doc = pipe(d["text"], published=d.get("published"), source=d.get("source"), id=d["id"])
        section = d.get("section") or _section_of(d["id"])
        sents = doc._sentences
        events = d.get("events") or []
        non = [tuple(n["span"]) for n in d.get("non_events") or [] if n.get("span")]
        for (s, e), f in doc._trigger_features.items():
            sent = next(x for x in sents if x.start <= s < x.end)
            typ = ""
            for ev in events:
                if any(ms < sent.end and sent.start < me for ms, me in ev.get("mentions") or []):
                    t = ev.get("sub_event_type")
                    typ = t[0] if isinstance(t, list) else (t or "")
                    break
            if typ:
                out.append(Instance(d["id"], s, e, EVENT, typ, "", "gold", section, f))
            elif any(ns < sent.end and sent.start < ne for ns, ne in non) or not events:
                out.append(Instance(d["id"], s, e, NOT, "", "gold", "gold", section, f))
            else:
                tally["gold candidates outside events and non_events (left out)"] += 1
        if progress:
            progress(1)
    return out, tally


_RULED_FLAGS = ("flag=cause", "flag=future_near", "flag=background")


def ruled_out(features: list[str]) -> bool:
    """Would the rules drop this trigger before the model is asked? Its features hold their
    reading: a modality cue that blocks it ("mod=..." other than none; a system that acts is no
    block), or a cause, a future verb beside it or a background clause (detect.py). The report
    gives the held-out scores of the detector's decision (the model after the rules) beside the
    model's own."""
    mod = next((f[4:] for f in features if f.startswith("mod=")), "none")
    if mod != "none" and not (mod == "weapons" and "kind=disrupted" in features and "str=2" in features):
        return True
    return any(f in features for f in _RULED_FLAGS)


def train(instances: list[Instance], min_count: int = 3, c_values=(0.1, 0.3, 1.0, 3.0),
          seed: int = 0, precision_floor: float = 0.0) -> tuple[TriggerModel, dict]:
    """Fit both models on the training articles; report on the held-out ones."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    from sklearn.model_selection import GroupKFold

    fit = [x for x in instances if not held_out(_short_id(x.doc))]
    test = [x for x in instances if held_out(_short_id(x.doc))]
    counts = Counter(f for x in fit for f in set(x.features))
    features = sorted(f for f, n in counts.items() if n >= min_count or f == "bias")
    vocab = {f: i for i, f in enumerate(features)}
    X = _vectorize(fit, vocab)
    y = np.array([1 if x.label == EVENT else 0 for x in fit])
    groups = np.array([_short_id(x.doc) for x in fit])

    def lr(c):
        return LogisticRegression(C=c, max_iter=3000, solver="liblinear", random_state=seed)

    # C and the threshold from out-of-fold predictions on the training articles (scored on the
    # randomly drawn instances only: the uncertainty sample is not the distribution of news)
    folds = list(GroupKFold(n_splits=5).split(X, y, groups))
    rand = np.array([x.origin != UNCERTAIN for x in fit])
    # C by the out-of-fold log-loss (a proper score: F1 at one threshold moves by noise from one
    # C to the next), then the threshold on that C's out-of-fold predictions
    by_c = []
    for c in c_values:
        oof = np.zeros(len(y))
        for tr, va in folds:
            oof[va] = lr(c).fit(X[tr], y[tr]).predict_proba(X[va])[:, 1]
        by_c.append((log_loss(y[rand], oof[rand]), c, oof))
    _, c_best, oof = min(by_c, key=lambda t: t[0])
    grid = [round(float(t), 2) for t in np.arange(0.2, 0.81, 0.02)]
    curve = [_scores(y[rand], (oof[rand] >= thr).astype(int)) for thr in grid]
    thr, oof_scores = smoothed_threshold(grid, curve, precision_floor)
    ruled = np.array([ruled_out(x.features) for x in fit])
    binary = lr(c_best).fit(X, y)
    # sub_event_type, on the event instances
    ev = [i for i, x in enumerate(fit) if x.label == EVENT and x.sub_event_type]
    type_counts = Counter(fit[i].sub_event_type for i in ev)
    classes = sorted(t for t, n in type_counts.items() if n >= 2)
    ev = [i for i in ev if fit[i].sub_event_type in classes]
    typer_ = LogisticRegression(C=1.0, max_iter=3000, random_state=seed)
    typer_.fit(X[ev], np.array([fit[i].sub_event_type for i in ev]))
    w_type = np.zeros((len(features), len(classes)))
    b_type = np.zeros(len(classes))
    order = [list(typer_.classes_).index(c) for c in classes]
    w_type[:, :] = typer_.coef_.T[:, order]
    b_type[:] = typer_.intercept_[order]
    w_event = binary.coef_[0]
    b_event = float(binary.intercept_[0])
    report: dict = {"instances": len(instances), "train_instances": len(fit), "heldout_instances": len(test),
                    "train_articles": len(set(groups)),
                    "heldout_articles": len({_short_id(x.doc) for x in test}),
                    "features": len(features), "C": c_best, "threshold": thr, "oof": oof_scores,
                    "oof_with_rules": _scores(y[rand], ((oof >= thr) & ~ruled)[rand].astype(int)),
                    "oof_f1_by_threshold": {str(t): round(x["f1"], 4) for t, x in zip(grid, curve)},
                    "type_classes": len(classes)}
    model = TriggerModel(features, w_event, b_event, classes, w_type, b_type, thr, meta={})
    probes, probe_event, probe_type = [], [], []
    if test:
        Xt = _vectorize(test, vocab)
        yt = np.array([1 if x.label == EVENT else 0 for x in test])
        pt = binary.predict_proba(Xt)[:, 1]
        report["heldout"] = _scores(yt, (pt >= thr).astype(int))
        # what the detector decides of a trigger: the model's word, after the rules' modality reading
        truled = np.array([ruled_out(x.features) for x in test])
        report["heldout_with_rules"] = _scores(yt, ((pt >= thr) & ~truled).astype(int))
        by_origin = {}
        for origin in sorted({x.origin for x in test}):
            idx = np.array([x.origin == origin for x in test])
            by_origin[origin] = _scores(yt[idx], (pt[idx] >= thr).astype(int))
        report["heldout_by_origin"] = by_origin
        by_section = {}
        for sec in sorted({x.section or "gold" for x in test}):
            idx = np.array([(x.section or "gold") == sec for x in test])
            s = _scores(yt[idx], (pt[idx] >= thr).astype(int))
            s["predicted_events"] = int((pt[idx] >= thr).sum())
            by_section[sec] = s
        report["heldout_by_section"] = by_section
        tev = [i for i, x in enumerate(test) if x.label == EVENT and x.sub_event_type]
        if tev:
            pred = typer_.predict(Xt[tev])
            gold = np.array([test[i].sub_event_type for i in tev])
            report["heldout_type_accuracy"] = round(float((pred == gold).mean()), 4)
            report["heldout_type_n"] = len(tev)
        # probes: held-out feature sets with the probabilities scikit-learn gives them
        for i in range(min(25, len(test))):
            probes.append(test[i].features)
            probe_event.append(float(pt[i]))
            probe_type.append(typer_.predict_proba(Xt[i])[0][order].tolist())
    model.meta = {k: v for k, v in report.items() if not isinstance(v, dict)}
    model.probes = (probes, probe_event, probe_type)
    return model, report
