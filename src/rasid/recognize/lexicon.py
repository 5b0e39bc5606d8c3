"""A phrase matcher over tokens that sees through proclitics, and one pass for every lexicon.

Like spaCy's PhraseMatcher, but Arabic-aware: the first word of a phrase may carry و ف ب ل ك
and ال in the text (``بدير الزور`` matches ``دير الزور``; ``للتنظيم`` matches ``التنظيم``).
Each stage keeps its own matcher (actors, quotes, event triggers); ``PhrasePass``, a pipeline
component, merges them and scans a document once for all of them, and ``phrase_matches`` hands
each stage its share (or runs the stage's own matcher when the pass did not run).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..text.frequency import is_own_word
from ..text.normalize import fold
from ..text.tokens import TOKEN_RE, Token, columns, word_positions

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(slots=True)
class Match:
    label: str
    tok_start: int  # token indices, end exclusive
    tok_end: int
    start: int  # original offsets of the matched words (clitics left out)
    end: int
    payload: Any
    stripped: int = 0  # folded characters of proclitic removed from the first token

    @property
    def length(self) -> int:
        return self.tok_end - self.tok_start


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(TOKEN_RE.findall(fold(phrase)))


class PhraseMatcher:
    def __init__(self) -> None:
        # first token -> [(rest tokens, label, payload, strict)], longest first after freeze()
        self._index: dict[str, list[tuple[tuple[str, ...], str, Any, bool]]] = defaultdict(list)
        self._frozen = False
        self._longest = 1
        self._cache: dict[tuple[str, ...], tuple] = {}  # token forms -> _readings()

    def add(self, label: str, phrase: str, payload: Any = None, strict: bool = False) -> None:
        """Add a phrase; ``strict`` phrases must appear without any proclitic."""
        toks = phrase_tokens(phrase)
        if not toks:
            return
        self._index.setdefault(toks[0], []).append((toks[1:], label, payload, strict))
        self._frozen = False
        self._cache.clear()

    def add_many(self, label: str, items: Iterable[tuple[str, Any]]) -> None:
        for phrase, payload in items:
            self.add(label, phrase, payload)

    def freeze(self) -> None:
        for entries in self._index.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._index = dict(self._index)  # type: ignore[assignment]
        self._longest = 1 + max((len(e[0]) for entries in self._index.values() for e in entries), default=0)
        self._frozen = True
        self._cache.clear()

    def longest(self) -> int:
        """Tokens in the longest phrase."""
        if not self._frozen:
            self.freeze()
        return self._longest

    def __contains__(self, word: str) -> bool:
        return word in self._index

    def _readings(self, norm: str, forms: tuple[str, ...]) -> tuple:
        """The entries a token's forms can start, in match order, with what does not depend on
        the token's position worked out once per distinct word (cached across documents)."""
        index = self._index
        out = []
        for fi, form in enumerate(forms):
            entries = index.get(form)
            if not entries:
                continue
            # a word of its own is not read as clitics + rest (كشفت is not ك + شفت), but the
            # article alone always comes off (الإعدام، الألغام are frequent words themselves)
            own_word = fi > 0 and norm != "ال" + form and is_own_word(norm, form)
            stripped = len(norm) - len(form)
            if not norm.endswith(form):
                stripped += 1  # لل + rest read as ل + ال + rest: keep the article's lam
            elif stripped >= 2 and norm[stripped - 2:stripped] == "ال":
                stripped -= 2  # the article belongs to the phrase, not to the clitics
            for rest, label, payload, strict in entries:
                if fi and (strict or own_word):
                    continue
                # later words agree in definiteness with the first: الضربة الجوية
                alts = tuple((r, "ال" + r, r[2:]) if r[:2] == "ال" else (r, "ال" + r) for r in rest)
                out.append((len(rest), alts, label, payload, stripped))
        # longest first across the forms too: "الهجوم" (a word of its own) must not hide
        # "هجوم كيماوي" read through the article ("الهجوم الكيماوي")
        out.sort(key=lambda e: -e[0])
        # a one-word entry always matches: later entries with its label can never be reached
        done: set[str] = set()
        kept = []
        for entry in out:
            if entry[2] in done:
                continue
            if not entry[0]:
                done.add(entry[2])
            kept.append(entry)
        if not kept:
            return ()
        # Longer entries are found through their second word (a dict), not by trying each in
        # turn: a head such as قوات starts ~100 phrases. Each keeps its rank in ``kept`` so the
        # matches come out in the same order as trying every entry would give.
        singles = []
        by_next: dict[str, list] = {}
        for rank, (k, alts, label, payload, stripped) in enumerate(kept):
            if not k:
                singles.append((rank, label, payload, stripped))
                continue
            entry = (rank, k, alts[1:], label, payload, stripped)
            for variant in dict.fromkeys(alts[0]):
                by_next.setdefault(variant, []).append(entry)
        return tuple(singles), by_next

    def match(self, tokens: list[Token], folded_orig_span=None) -> list[Match]:
        """Every phrase occurrence; for each label and start token, only the longest."""
        if not self._frozen:
            self.freeze()
        cache = self._cache
        if len(cache) > 300_000:
            cache.clear()
        out: list[Match] = []
        n = len(tokens)
        hits = []
        for forms, where in word_positions(tokens).items():
            cands = cache.get(forms)
            if cands is None:
                cands = cache[forms] = self._readings(tokens[where[0]].norm, forms)
            if cands:
                hits.extend([(i, cands) for i in where])
        hits.sort(key=_first)
        for i, (singles, by_next) in hits:
            tok = tokens[i]
            found = list(singles)
            if by_next and i + 1 < n:
                longer = by_next.get(tokens[i + 1].norm)
                if longer:
                    for rank, k, alts, label, payload, stripped in longer:
                        if i + k >= n:
                            continue
                        for j, alt in enumerate(alts, i + 2):
                            if tokens[j].norm not in alt:
                                break
                        else:
                            found.append((rank, label, payload, stripped, k))
                    if len(found) > len(singles):
                        found.sort(key=_first)
            seen_labels: set[str] | None = None
            for entry in found:
                label = entry[1]
                if seen_labels is not None and label in seen_labels:
                    continue
                stripped = entry[3]
                k = entry[4] if len(entry) == 5 else 0
                start = tok.start
                if stripped and folded_orig_span is not None:
                    start = folded_orig_span(tok.fstart + stripped, tok.fend)[0]
                out.append(Match(label, i, i + k + 1, start, tokens[i + k].end, entry[2], stripped))
                if seen_labels is None:
                    seen_labels = {label}
                else:
                    seen_labels.add(label)
        return out


def _first(pair):
    return pair[0]


class PhrasePass:
    """Pipeline component: every stage's phrase lexicon matched in one scan of the document.

    The merged matcher keeps each stage's entries in that stage's order, and tells them apart by
    (stage number, label), so each stage gets exactly the matches its own matcher would give
    (``tests/test_perf.py`` checks this); the scan over the document's words is done once.
    """

    name = "phrases"

    def __init__(self, matchers: list[PhraseMatcher]) -> None:
        self.matchers = list(matchers)
        merged = PhraseMatcher()
        for k, m in enumerate(self.matchers):
            if not m._frozen:
                m.freeze()
            for first, entries in m._index.items():
                merged._index.setdefault(first, []).extend(
                    (rest, (k, label), payload, strict) for rest, label, payload, strict in entries)
        merged.freeze()  # a stable sort: each stage's entries keep their relative order
        self.merged = merged

    def __call__(self, doc) -> None:
        shares: list[list[Match]] = [[] for _ in self.matchers]
        for m in self.merged.match(doc._tokens, doc._folded.orig_span):
            k, m.label = m.label
            shares[k].append(m)
        doc._phrases = (doc._tokens, dict(zip(map(id, self.matchers), shares)))


def phrase_matches(doc, matcher: PhraseMatcher, tokens=None) -> list[Match]:
    """``matcher``'s matches over ``tokens`` (default: the document's), from the document's
    PhrasePass when it ran over these tokens with this matcher, else from a scan of its own."""
    if tokens is None:
        tokens = doc._tokens
    shared = doc._phrases
    if shared is not None and shared[0] is tokens:
        got = shared[1].get(id(matcher))
        if got is not None:
            return got
    return matcher.match(tokens, doc._folded.orig_span)


def phrase_matches_skipping(doc, matcher: PhraseMatcher, skip: str = "_") -> tuple[list, list[Match]]:
    """The document's tokens with every ``skip`` token left out (``#حزب_الله`` read as two
    words), and ``matcher``'s matches over them, as ``matcher.match`` on that list would give.

    A phrase can only differ from the document's own matches (the PhrasePass's) where it could
    reach across a left-out token: only the starts that close to one are matched again, over a
    short stretch; the rest are the shared matches, renumbered. (A full second scan cost a third
    of the phrase pass on half the news: hashtags are common.)
    """
    tokens = doc._tokens
    norms = columns(tokens).norms
    if skip not in norms:
        return tokens, phrase_matches(doc, matcher, tokens)
    kept = [t for t in tokens if t.norm != skip]
    shared = phrase_matches(doc, matcher, tokens)
    new_at = {}  # original index -> index in kept
    gaps_before = []  # for each kept token: how many left-out tokens precede it
    n_gaps = 0
    for i, w in enumerate(norms):
        if w == skip:
            n_gaps += 1
        else:
            new_at[i] = len(gaps_before)
            gaps_before.append(n_gaps)
    reach = matcher.longest()
    last = len(kept) - 1
    # a start is near a gap when a left-out token lies within the next `reach` kept tokens
    near = [gaps_before[min(f + reach - 1, last)] != gaps_before[f] for f in range(len(kept))]
    out: dict[int, list[Match]] = {}
    for m in shared:
        f = new_at.get(m.tok_start)
        if f is None or near[f]:
            continue
        out.setdefault(f, []).append(Match(m.label, f, f + m.tok_end - m.tok_start, m.start, m.end,
                                           m.payload, m.stripped))
    f = 0
    while f <= last:
        if not near[f]:
            f += 1
            continue
        lo = f
        while f <= last and near[f]:
            f += 1
        for m in matcher.match(kept[lo:f + reach], doc._folded.orig_span):
            if m.tok_start < f - lo:
                out.setdefault(lo + m.tok_start, []).append(
                    Match(m.label, lo + m.tok_start, lo + m.tok_end, m.start, m.end, m.payload, m.stripped))
    return kept, [m for f in sorted(out) for m in out[f]]


def longest_non_overlapping(matches: list[Match]) -> list[Match]:
    """Keep the longest of overlapping matches (earliest first on ties)."""
    chosen: list[Match] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (-m.length, m.tok_start)):
        if any(t in taken for t in range(m.tok_start, m.tok_end)):
            continue
        chosen.append(m)
        taken.update(range(m.tok_start, m.tok_end))
    chosen.sort(key=lambda m: m.tok_start)
    return chosen


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a UTF-8 TSV lexicon with a header line; lines starting with # are comments."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
