"""Learn distributional word classes for the NER features from raw Arabic news.

Why: ANERcorp is small (125k tokens), so most test names were never seen in training. Words that
occur in the same contexts in 6,400 news articles (names of people, of towns, of organisations)
fall into the same class, which the CRF can then generalise over.

Method (deterministic, a minute on one core): fold and tokenise the corpus as Rasid does; keep the
50k most frequent words; count left and right neighbours (window 2) among the 10k most frequent
words; PPMI; truncated SVD (100 dims); spherical k-means into 512 fine and 64 coarse classes.
Output: a TSV ``word<TAB>fine<TAB>coarse`` in frequency order (line number = frequency rank).

    .venv/bin/python scripts/build_word_clusters.py \
        ../shared/data/news/ant_dev_corpus.jsonl src/rasid/data/ner/word_clusters.tsv
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

from rasid.text.normalize import fold
from rasid.text.tokens import TOKEN_RE

N_WORDS = 50_000
N_CTX = 10_000
WINDOW = 2
DIMS = 100
K_FINE = 512
K_COARSE = 64


def read_tokens(path: str) -> list[str]:
    toks: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            for part in (doc.get("title") or "", doc.get("text") or ""):
                toks.extend(TOKEN_RE.findall(fold(part)))
                toks.append("\n")  # document boundary: no context across it
    return toks


def spherical_kmeans(vec: np.ndarray, k: int, seed: int, iters: int = 25) -> np.ndarray:
    """k-means on unit vectors with cosine similarity (matrix products: seconds, not minutes).

    Initial centres: k distinct words drawn with a fixed seed, weighted towards frequent words.
    """
    rng = np.random.default_rng(seed)
    n = len(vec)
    p = 1.0 / np.sqrt(np.arange(1, n + 1))
    cent = vec[rng.choice(n, size=k, replace=False, p=p / p.sum())].copy()
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(iters):
        labels = np.argmax(vec @ cent.T, axis=1)
        sums = np.zeros_like(cent)
        np.add.at(sums, labels, vec)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        sums[empty] = cent[empty]
        cent = sums / np.where(norms == 0, 1, norms)
    return labels


def main(src: str, dst: str) -> None:
    t0 = time.perf_counter()
    toks = read_tokens(src)
    counts = Counter(t for t in toks if t != "\n")
    vocab = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:N_WORDS]]
    print(f"read {len(toks)} tokens {time.perf_counter() - t0:.0f} s", flush=True)
    wid = {w: i for i, w in enumerate(vocab)}
    ids = np.array([wid.get(t, -1) for t in toks], dtype=np.int64)
    ctx = np.where(ids < N_CTX, ids, -1)
    rows, cols = [], []
    for d in range(1, WINDOW + 1):
        for sign, off in ((-1, 0), (1, N_CTX)):  # left / right context columns
            if sign < 0:
                a, b = ids[d:], ctx[:-d]
            else:
                a, b = ids[:-d], ctx[d:]
            ok = (a >= 0) & (b >= 0)
            rows.append(a[ok])
            cols.append(b[ok] + off + (d - 1) * 2 * N_CTX)
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    m = sparse.coo_matrix((np.ones(len(r), dtype=np.float64), (r, c)),
                          shape=(len(vocab), 2 * N_CTX * WINDOW)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    rs = np.asarray(m.sum(axis=1)).ravel()
    cs = np.asarray(m.sum(axis=0)).ravel() ** 0.75  # context smoothing
    cs = cs / cs.sum() * total
    coo = m.tocoo()
    pmi = np.log(coo.data * total / (rs[coo.row] * cs[coo.col] + 1e-12))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)
    u, s, _ = svds(ppmi, k=DIMS, random_state=0)
    vec = u * np.sqrt(s)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    print(f"svd done {time.perf_counter() - t0:.0f} s", flush=True)
    fine = spherical_kmeans(vec, K_FINE, seed=0)
    coarse = spherical_kmeans(vec, K_COARSE, seed=1)
    print(f"k-means done {time.perf_counter() - t0:.0f} s", flush=True)
    with open(dst, "w", encoding="utf-8") as out:
        for w, f, c2 in zip(vocab, fine, coarse):
            out.write(f"{w}\t{f}\t{c2}\n")
    print(f"{len(vocab)} words, {len(toks)} tokens -> {dst}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
