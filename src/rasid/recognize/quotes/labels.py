"""The English ``reported_by`` label of a quote's speaker."""

from __future__ import annotations

from functools import lru_cache

from ...model import Document, Quote


@lru_cache(maxsize=4096)
def _label_of(phrase: str) -> str:
    """Label of a speaker phrase: a cited source (sources.tsv), else a known actor, else ""."""
    from ...text import prepare
    from .lexicons import matcher

    d = Document(text=phrase)
    prepare(d)
    srcs = [m for m in matcher().match(d._tokens, d._folded.orig_span) if m.label == "SOURCE"]
    if srcs:
        best = max(srcs, key=lambda m: (m.length, -m.tok_start))
        return best.payload
    _actors()(d)
    actors = [e for e in d.entities if e.type == "ACTOR" and e.canonical]
    return actors[0].canonical if actors else ""


@lru_cache(maxsize=1)
def _actors():
    from ..actors import ActorRecognizer

    return ActorRecognizer()


def source_label(quote: Quote, doc: Document | None = None) -> str:
    """English label for who the quote is attributed to ("" when it has no speaker).

    Cited sources use sources.tsv ("a local activist", "SANA (Syrian Arab News Agency)"); actors
    use their canonical name (from ``doc``'s entities when given); a named person with neither
    in the name or role gives the speaker's own words.
    """
    if not quote.speaker:
        return ""
    label = _label_of(quote.speaker)
    if label:
        return label
    if doc is not None and quote.speaker_start is not None:
        for e in doc.entities:
            if e.type == "ACTOR" and e.canonical and e.start < quote.speaker_end \
                    and quote.speaker_start < e.end:
                return e.canonical
    if quote.speaker_role:
        label = _label_of(quote.speaker_role)
        if label:
            return label
    return quote.speaker
