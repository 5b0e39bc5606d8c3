"""What the learned linear models share at training time (the ``train`` extra): instances as
sparse count vectors, and precision/recall/F1 of a binary decision."""

from __future__ import annotations

from collections import Counter

import numpy as np


def vectorize(instances, vocab: dict[str, int]):
    """A sparse matrix of feature counts, one row per instance (its ``features`` list)."""
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for i, x in enumerate(instances):
        c = Counter(f for f in x.features if f in vocab)
        for f, n in c.items():
            rows.append(i)
            cols.append(vocab[f])
            vals.append(float(n))
    return csr_matrix((vals, (rows, cols)), shape=(len(instances), len(vocab)))


def binary_scores(y_true: np.ndarray, y_pred: np.ndarray) -> dict[str, float]:
    tp = int(((y_true == 1) & (y_pred == 1)).sum())
    fp = int(((y_true == 0) & (y_pred == 1)).sum())
    fn = int(((y_true == 1) & (y_pred == 0)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4), "n": int(len(y_true)),
            "positives": int((y_true == 1).sum())}
