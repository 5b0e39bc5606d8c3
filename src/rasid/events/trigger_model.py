"""The learned trigger classifier: P(event) and the sub_event_type of a trigger in its context.

Two linear models over the feature strings of ``trigger_features.py``, trained with scikit-learn
(``rasid train-events``, the ``train`` extra) and shipped as one small ``.npz`` of weights:
inference is a sum of weights per feature in plain Python and numpy, with no scikit-learn at run
time. The file also holds probe feature sets with the probabilities scikit-learn gave them, so a
test can check that this code reproduces the training code's numbers.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

import numpy as np

from ..recognize.lexicon import DATA_DIR

MODEL_PATH = DATA_DIR / "events" / "trigger_model.npz"


class TriggerModel:
    """Weights of the event/not model and of the sub_event_type model, keyed by feature string."""

    def __init__(self, features: list[str], w_event: np.ndarray, b_event: float, classes: list[str],
                 w_type: np.ndarray, b_type: np.ndarray, threshold: float, meta: dict | None = None,
                 probes: tuple[list[list[str]], list[float], list[list[float]]] = ([], [], [])) -> None:
        """``probes``: feature sets with the probabilities the training code gave them (event,
        and each class), kept in the file so that a test can compare."""
        self.features = list(features)
        self.index = {f: i for i, f in enumerate(self.features)}
        self.event = {f: float(w) for f, w in zip(self.features, w_event) if w}
        self.b_event = float(b_event)
        self.classes = list(classes)
        self.w_type = np.asarray(w_type, dtype=np.float64)
        self.b_type = np.asarray(b_type, dtype=np.float64)
        self.threshold = float(threshold)
        self.meta = meta or {}
        self.probes = probes

    # inference -----------------------------------------------------------------------------
    def prob(self, feats: list[str]) -> float:
        """P(event) for one trigger's features (repeated features count each time)."""
        w = self.event
        z = self.b_event
        for f in feats:
            z += w.get(f, 0.0)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def type_probs(self, feats: list[str]) -> dict[str, float]:
        """P(sub_event_type | event) for one trigger's features."""
        z = self.b_type.copy()
        idx = self.index
        for f in feats:
            i = idx.get(f)
            if i is not None:
                z += self.w_type[i]
        z -= z.max()
        e = np.exp(z)
        e /= e.sum()
        return dict(zip(self.classes, e.tolist()))

    # storage --------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        w_event = np.array([self.event.get(f, 0.0) for f in self.features], dtype=np.float64)
        feats, p_event, p_type = self.probes
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            np.savez_compressed(fh, features=np.array(self.features), w_event=w_event,
                                b_event=np.array(self.b_event), classes=np.array(self.classes),
                                w_type=self.w_type, b_type=self.b_type, threshold=np.array(self.threshold),
                                meta=np.array(json.dumps(self.meta, ensure_ascii=False, sort_keys=True)),
                                probe_features=np.array(["\t".join(f) for f in feats], dtype=str),
                                probe_event=np.array(p_event, dtype=np.float64),
                                probe_type=np.array(p_type, dtype=np.float64).reshape(len(p_type), -1))

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "TriggerModel":
        with np.load(path, allow_pickle=False) as z:
            probes = ([str(p).split("\t") for p in z["probe_features"]], z["probe_event"].tolist(),
                      z["probe_type"].tolist())
            return cls(z["features"].tolist(), z["w_event"], float(z["b_event"]), z["classes"].tolist(),
                       z["w_type"], z["b_type"], float(z["threshold"]), json.loads(str(z["meta"])), probes)


@cache
def trigger_model() -> TriggerModel | None:
    """The shipped model, or None where none has been trained (the detector then keeps its rules)."""
    if not MODEL_PATH.exists():
        return None
    return TriggerModel.load(MODEL_PATH)
