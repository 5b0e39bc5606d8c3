"""Train Rasid's CRF NER model from the shared data, reproducibly.

ANERcorp's train split (CC BY-SA 4.0) is the core; its last 10% of sentences are held out for
development and never trained on (unless ``full=True``). AQMAR (Wikipedia) and the Wojood sample
can be added with their types mapped onto PERS/LOC/ORG/MISC. L-BFGS with fixed settings:
the same data give the same model.
"""

from __future__ import annotations

import time
from pathlib import Path

from .conll import read_conll
from .evaluation import Score, score
from .features import NER_DIR, FeatureCache

MODEL_PATH = NER_DIR / "ner.crfsuite"
TYPES = ("PERS", "LOC", "ORG", "MISC")

AQMAR_MAP = {"PER": "PERS", "LOC": "LOC", "ORG": "ORG", "MIS": "MISC"}
WOJOOD_MAP = {"PERS": "PERS", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG"}


def _map_tags(tags: list[str], mapping: dict[str, str]) -> list[str]:
    out = []
    for t in tags:
        if t == "O" or "-" not in t:
            out.append("O")
            continue
        p, typ = t.split("-", 1)
        m = mapping.get(typ)
        out.append(f"{p}-{m}" if m else "O")
    return out


def load(path: Path, mapping: dict[str, str] | None = None, first_tag: bool = False):
    with open(path, encoding="utf-8") as fh:
        if first_tag:  # Wojood: nested tags, the first one is the outermost entity
            lines = [(" ".join(ln.split()[:2]) + "\n") if ln.strip() else ln for ln in fh]
            sents = list(read_conll(lines))
        else:
            sents = list(read_conll(fh))
    if mapping is not None:
        sents = [(t, _map_tags(g, mapping)) for t, g in sents]
    return sents


def split_anercorp(shared: Path):
    sents = load(shared / "ner" / "anercorp" / "train.txt")
    n_dev = len(sents) // 10
    return sents[: len(sents) - n_dev], sents[len(sents) - n_dev:]


def evaluate(model_path: Path, sents, window: int = 0) -> Score:
    """Score a model on gold sentences; ``window`` > 0 adds the consistency pass over windows
    of that many sentences (as `rasid ner` does)."""
    import pycrfsuite

    from .consistency import propagate

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    fc = FeatureCache()
    pred = [tagger.tag(fc.sentence(t)) for t, _ in sents]
    if window:
        out = []
        for i in range(0, len(sents), window):
            out += propagate([t for t, _ in sents[i:i + window]], pred[i:i + window])
        pred = out
    return score((g, p) for (_, g), p in zip(sents, pred))


def train(shared: Path, out: Path = MODEL_PATH, extra: tuple[str, ...] = (), full: bool = False,
          c1: float = 0.1, c2: float = 0.02, max_iterations: int = 150, minfreq: int = 1,
          log=print) -> dict:
    import pycrfsuite

    t0 = time.perf_counter()
    train_s, dev_s = split_anercorp(shared)
    data = list(train_s) + (list(dev_s) if full else [])
    if "aqmar" in extra:
        for name in ("train.txt", "dev.txt"):
            data += load(shared / "ner" / "aqmar" / name, AQMAR_MAP)
    if "wojood" in extra:
        for name in ("train.txt", "val.txt"):
            data += load(shared / "ner" / "wojood_sample" / name, WOJOOD_MAP, first_tag=True)
    fc = FeatureCache()
    trainer = pycrfsuite.Trainer(verbose=False)
    for toks, tags in data:
        trainer.append(fc.sentence(toks), tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True, "feature.minfreq": minfreq})
    log(f"training on {len(data)} sentences ({sum(len(t) for t, _ in data)} tokens)")
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    secs = time.perf_counter() - t0
    tr = evaluate(out, train_s)
    dv = evaluate(out, dev_s)
    dvc = evaluate(out, dev_s, window=25)
    log(f"trained in {secs:.0f} s; model {out.stat().st_size / 1e6:.1f} MB")
    log("== ANERcorp train part ==\n" + tr.report())
    log("== ANERcorp held-out last 10%, CRF alone ==\n" + dv.report())
    log("== ANERcorp held-out last 10%, with the consistency pass (rasid ner) ==\n"
        + dvc.report())
    return {"seconds": secs, "train": tr, "dev": dv, "dev_consistent": dvc}
