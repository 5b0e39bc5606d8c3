"""The quote and claim lexicons, loaded once per process into one phrase matcher."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...text.normalize import fold
from ..lexicon import DATA_DIR, PhraseMatcher, read_tsv

QUOTES_DIR = DATA_DIR / "quotes"


@dataclass(frozen=True, slots=True)
class CueEntry:
    kind: str  # verb | prep
    continues: bool
    comp: frozenset[str]  # folded extra words that open the content
    prefix: int = 0  # characters of و/ف written into the entry (see _with_conjunction)


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    type: str
    target: str  # object | after | before | none
    speech: bool
    in_quote_only: bool
    prefix: int = 0


def _with_conjunction(phrase: str) -> list[tuple[int, str]]:
    """The phrase, and وPHRASE / فPHRASE: news prose opens most reporting sentences with و,
    and the matcher would read frequent words like ولفتت as words of their own."""
    return [(0, phrase), (1, "و" + phrase), (1, "ف" + phrase)]


@cache
def matcher() -> PhraseMatcher:
    """Labels: CUE, CLAIM, ROLE, WORD (payload: kind), SOURCE (payload: English label)."""
    m = PhraseMatcher()
    for r in read_tsv(QUOTES_DIR / "cues.tsv"):
        comp = frozenset(fold(w) for w in r.get("comp", "").split() if w)
        for pre, phrase in _with_conjunction(r["phrase"]):
            m.add("CUE", phrase, CueEntry(r["kind"], r["continues"] == "1", comp, pre),
                  strict=bool(pre))
    for r in read_tsv(QUOTES_DIR / "claims.tsv"):
        for pre, phrase in _with_conjunction(r["phrase"]):
            m.add("CLAIM", phrase, ClaimEntry(r["type"], r["target"], r["speech"] == "1",
                                              r.get("scope") == "quote", pre), strict=bool(pre))
    for r in read_tsv(QUOTES_DIR / "roles.tsv"):
        m.add("ROLE", r["phrase"], None)
    for r in read_tsv(QUOTES_DIR / "words.tsv"):
        # complementisers and back-references are whole words: no clitic reading
        m.add("WORD", r["word"], r["kind"], strict=r["kind"] in ("backref",))
    for r in read_tsv(DATA_DIR / "events" / "sources.tsv"):
        m.add("SOURCE", r["phrase"], r["reported_by"])
    m.freeze()
    return m


@cache
def speech_verbs() -> frozenset[str]:
    """The one-word reporting verbs of cues.tsv, folded (قالت، أعلن، أكدت ...)."""
    return frozenset(fold(r["phrase"]) for r in read_tsv(QUOTES_DIR / "cues.tsv")
                     if r["kind"] == "verb" and " " not in r["phrase"])


@cache
def accusation_words() -> frozenset[str]:
    """The one-word accusation cues of claims.tsv (اتهم، متهما، تتهم ...), folded."""
    return frozenset(fold(r["phrase"]) for r in read_tsv(QUOTES_DIR / "claims.tsv")
                     if r["type"] == "ACCUSE" and " " not in r["phrase"])


@cache
def complementisers() -> frozenset[str]:
    """The words that open what was said (أن، إن، بأن، إنها ...; words.tsv), folded."""
    return frozenset(fold(r["word"]) for r in read_tsv(QUOTES_DIR / "words.tsv") if r["kind"].startswith("comp"))


@cache
def source_table() -> dict[str, str]:
    """Folded source phrase → English label (sources.tsv)."""
    return {fold(r["phrase"]): r["reported_by"]
            for r in read_tsv(DATA_DIR / "events" / "sources.tsv")}
