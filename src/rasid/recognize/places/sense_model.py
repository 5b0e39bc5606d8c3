"""The learned place-sense model: P(the name means the place) for a name match in its sentence.

A logistic regression over the feature strings of ``sense_features.py``, trained with
scikit-learn (``rasid train-places``, the ``train`` extra) on the NER corpora's tags and on
labelled name matches from news (``training/places/``), and shipped as a small ``.npz`` of
weights: inference is a sum of weights in plain Python. A threshold comes with it, chosen on
out-of-fold predictions for news: below it a name with no type word is no place (the recogniser
vetoes it unless the story names its country twice over). The file also keeps probe feature sets
with scikit-learn's probabilities, so a test can check this code against them.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

import numpy as np

from ..lexicon import DATA_DIR

MODEL_PATH = DATA_DIR / "places" / "sense_model.npz"


class SenseModel:
    def __init__(self, weights: dict[str, float], bias: float, threshold: float,
                 meta: dict | None = None, probes: tuple[list[list[str]], list[float]] = ([], [])) -> None:
        self.weights = {f: float(w) for f, w in weights.items() if w}
        self.bias = float(bias)
        self.threshold = float(threshold)
        self.meta = meta or {}
        self.probes = probes

    def prob(self, feats: list[str]) -> float:
        w = self.weights
        z = self.bias + sum(w.get(f, 0.0) for f in feats)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def save(self, path: Path) -> None:
        feats = sorted(self.weights)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            np.savez_compressed(fh, features=np.array(feats, dtype=str),
                                weights=np.array([self.weights[f] for f in feats], dtype=np.float64),
                                bias=np.array(self.bias), threshold=np.array(self.threshold),
                                meta=np.array(json.dumps(self.meta, ensure_ascii=False, sort_keys=True)),
                                probe_features=np.array(["\t".join(f) for f in self.probes[0]], dtype=str),
                                probe_p=np.array(self.probes[1], dtype=np.float64))

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "SenseModel":
        with np.load(path, allow_pickle=False) as z:
            return cls(dict(zip(z["features"].tolist(), z["weights"].tolist())), float(z["bias"]),
                       float(z["threshold"]), json.loads(str(z["meta"])),
                       ([str(p).split("\t") for p in z["probe_features"]], z["probe_p"].tolist()))


@cache
def sense_model() -> SenseModel | None:
    """The shipped model, or None where none has been trained (the name-sense counts decide)."""
    return SenseModel.load(MODEL_PATH) if MODEL_PATH.exists() else None
