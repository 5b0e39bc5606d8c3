"""Entity-level scoring with conlleval's chunk rule.

conlleval (CoNLL-2000/2003) starts a chunk at ``B-X``, at ``I-X`` after ``O`` or after a tag of
another type, and ends it before any tag that does not continue it. Precision, recall and F1 are
micro-averaged over exact (start, end, type) matches; per-type F1 alongside.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


def chunks(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) spans, end exclusive, following conlleval's rule."""
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, tag in enumerate(tags):
        if tag == "O" or "-" not in tag:
            prefix, t = "O", ""
        else:
            prefix, t = tag.split("-", 1)
        begins = prefix == "B" or (prefix == "I" and t != typ)
        if typ and (prefix == "O" or begins):
            out.append((start, i, typ))
            typ = ""
        if begins:
            start, typ = i, t
    if typ:
        out.append((start, len(tags), typ))
    return out


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    tokens: int = 0
    correct_tokens: int = 0

    def add(self, gold: list[str], pred: list[str]) -> None:
        g = set(chunks(gold))
        p = set(chunks(pred))
        for s in g & p:
            self.tp[s[2]] += 1
        for s in p - g:
            self.fp[s[2]] += 1
        for s in g - p:
            self.fn[s[2]] += 1
        self.tokens += len(gold)
        self.correct_tokens += sum(a == b for a, b in zip(gold, pred))

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def overall(self) -> tuple[float, float, float]:
        return self._prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def per_type(self) -> dict[str, tuple[float, float, float, int]]:
        types = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        return {t: (*self._prf(self.tp[t], self.fp[t], self.fn[t]), self.tp[t] + self.fn[t])
                for t in types}

    def report(self) -> str:
        p, r, f = self.overall()
        acc = self.correct_tokens / self.tokens if self.tokens else 0.0
        lines = [f"tokens {self.tokens}  accuracy {acc:.4f}",
                 f"overall  P {p:.4f}  R {r:.4f}  F1 {f:.4f}"]
        for t, (tp_, tr, tf, n) in self.per_type().items():
            lines.append(f"{t:<6}   P {tp_:.4f}  R {tr:.4f}  F1 {tf:.4f}  (gold {n})")
        return "\n".join(lines)


def score(pairs) -> Score:
    """Score an iterable of (gold tags, predicted tags) sentence pairs."""
    s = Score()
    for gold, pred in pairs:
        s.add(gold, pred)
    return s
