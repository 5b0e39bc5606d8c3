"""CRF features for Arabic NER, cached per word.

Why cached: nearly every feature of a token depends on the word alone (its folded form, stem,
affixes, shape, word class, list memberships), so each distinct word is described once per
process and a sentence's items are built by concatenating cached lists. This keeps tagging well
above 50k tokens/s in pure Python.

All lookups use folded text (``rasid.text.normalize.fold``) and the proclitic readings of
``rasid.text.tokens.clitic_forms`` (و ف ب ل ك ال), so وبغداد and بغداد share list features.
"""

from __future__ import annotations

import functools
import re

from ...text.normalize import fold
from ...text.tokens import cached_forms
from ..lexicon import DATA_DIR

NER_DIR = DATA_DIR / "ner"

_DIGIT_RE = re.compile(r"\d")
_LATIN_RE = re.compile(r"[a-z]")
_ARABIC_RE = re.compile(r"[\u0621-\u064a]")
_PUNCT_RE = re.compile(r"^[^\w]+$")


@functools.cache
def clusters() -> dict[str, tuple[str, str, int]]:
    """word -> (fine class, coarse class, frequency rank) from word_clusters.tsv."""
    out: dict[str, tuple[str, str, int]] = {}
    path = NER_DIR / "word_clusters.tsv"
    with open(path, encoding="utf-8") as fh:
        for rank, line in enumerate(fh):
            w, f, c = line.rstrip("\n").split("\t")
            out[w] = (f, c, rank)
    return out


@functools.cache
def given_names() -> frozenset[str]:
    """Folded given names: the hand list of cues.tsv and the first words of people's names in the
    NER corpora (given_names.tsv, scripts/build_given_names.py)."""
    out = {w for w, kinds in cues().items() if "given" in kinds}
    with open(NER_DIR / "given_names.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("name\t") or not line.strip():
                continue
            out.add(fold(line.split("\t", 1)[0]))
    return frozenset(out)


@functools.cache
def place_words() -> dict[str, str]:
    out: dict[str, str] = {}
    with open(NER_DIR / "place_words.tsv", encoding="utf-8") as fh:
        for line in fh:
            w, flags = line.rstrip("\n").split("\t")
            out[w] = flags
    return out


@functools.cache
def cues() -> dict[str, frozenset[str]]:
    tmp: dict[str, set[str]] = {}
    with open(NER_DIR / "cues.tsv", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            w, kind = line.rstrip("\n").split("\t")
            tmp.setdefault(fold(w), set()).add(kind)
    return {w: frozenset(k) for w, k in tmp.items()}


def _shape(w: str) -> str:
    if _PUNCT_RE.match(w):
        return "P"
    d = bool(_DIGIT_RE.search(w))
    lat = bool(_LATIN_RE.search(w))
    ar = bool(_ARABIC_RE.search(w))
    return ("D" if d else "") + ("L" if lat else "") + ("A" if ar else "") or "O"


class FeatureCache:
    """Word -> (own features, features seen by neighbours at offsets -2, -1, +1, +2, folded
    word)."""

    OFFSETS = (-2, -1, 1, 2)

    def __init__(self, known: set[str] | frozenset[str] | None = None) -> None:
        """``known``: the attributes the model has weights for. When given, every other feature
        is dropped once per word, so the CRF gets ~3x fewer strings per token at no cost in
        accuracy (an attribute without weights adds nothing to any score)."""
        self._known = known
        self._cache: dict[str, tuple[list[str], tuple[list[str], ...], str]] = {}
        self._cl = clusters()
        self._pl = place_words()
        self._cu = cues()

    def word(self, raw: str) -> tuple[list[str], tuple[list[str], ...], str]:
        got = self._cache.get(raw)
        if got is None:
            got = self._describe(raw)
            if len(self._cache) < 300_000:
                self._cache[raw] = got
        return got

    def _describe(self, raw: str):
        w = fold(raw)
        forms = cached_forms(w)
        stem = forms[-1]
        cl, pl, cu = self._cl, self._pl, self._cu
        own = ["b", "w=" + w, "st=" + stem, "sh=" + _shape(w), "len=" + str(min(len(w), 8))]
        for k in (1, 2, 3, 4):
            if len(w) > k:
                own.append(f"p{k}={w[:k]}")
                own.append(f"s{k}={w[-k:]}")
            if len(stem) > k:
                own.append(f"sp{k}={stem[:k]}")
                own.append(f"ss{k}={stem[-k:]}")
        if len(forms) > 1:
            own.append("cl=" + w[: len(w) - len(stem)])  # the stripped proclitics
        if "ال" in w[:4] and any(f.startswith("ال") for f in forms):
            own.append("al")
        ctx = ["w=" + w]
        c = cl.get(w)
        if c is not None:
            own += ["c=" + c[0], "cc=" + c[1], "fr=" + str(min(c[2].bit_length(), 16))]
            ctx += ["c=" + c[0], "cc=" + c[1]]
        else:
            own.append("c=unk")
            ctx.append("c=unk")
        # word class and list features of the proclitic-stripped readings
        for f in forms[1:]:
            c2 = cl.get(f)
            if c2 is not None:
                own += ["fc=" + c2[0], "fcc=" + c2[1]]
                ctx.append("fc=" + c2[0])
                break
        ctx.append("st=" + stem)
        seen: set[str] = set()
        # list memberships of any reading (بدمشق counts as دمشق)
        for f in forms:
            tag = ""
            flags = pl.get(f)
            if flags:
                for ch in flags:
                    seen.add(tag + "pl" + ch)
            kinds = cu.get(f)
            if kinds:
                for k in kinds:
                    seen.add(tag + "cu" + k)
        lists = sorted(seen)
        own += lists
        ctx += lists
        ctx_by_off = tuple([f"{d}:{x}" for x in ctx] for d in self.OFFSETS)
        known = self._known
        if known is not None:
            own = [x for x in own if x in known]
            ctx_by_off = tuple([x for x in c_ if x in known] for c_ in ctx_by_off)
        return own, ctx_by_off, w

    def sentence(self, words: list[str]) -> list[list[str]]:
        """CRF items for one sentence of raw (or folded) token strings."""
        descs = [self.word(x) for x in words]
        known = self._known
        n = len(descs)
        items = []
        for i in range(n):
            own = descs[i][0]
            item = list(own)
            if i == 0:
                item.append("BOS")
            elif i == n - 1:
                item.append("EOS")
            for j, d in enumerate(self.OFFSETS):
                k = i + d
                if 0 <= k < n:
                    item += descs[k][1][j]
            if i > 0:
                bg = "bg=" + descs[i - 1][2] + "|" + descs[i][2]
                if known is None or bg in known:
                    item.append(bg)
            items.append(item)
        return items
