"""Quotes and claims (CODEBOOK section 10): who said what, who accuses whom.

``QuoteRecognizer()(doc)`` fills ``doc.quotes`` and ``doc.claims`` after dates, actors and
places; run after events as well (or call ``link_claims(doc)`` then) to tie claims to events.
``source_label(quote)`` gives the English ``reported_by`` label of a quote's speaker.
"""

from __future__ import annotations

from ...model import Document
from .claims import find_claims, link_claims
from .labels import source_label
from .lexicons import matcher
from .recognizer import QuoteReader

__all__ = ["QuoteRecognizer", "link_claims", "source_label"]


class QuoteRecognizer:
    """Pipeline component: quotes and claims of one document."""

    def __init__(self) -> None:
        self.matcher = matcher()  # load the lexicons once, when the pipeline is built

    def __call__(self, doc: Document) -> None:
        if doc._folded is None:
            from ...text import prepare
            prepare(doc)
        reader = QuoteReader(doc)
        quotes = reader.read()
        doc.quotes.extend(quotes)
        doc.claims.extend(find_claims(reader, doc.quotes))
        if doc.events:
            link_claims(doc)
