"""The default pipeline's components, in order (see pipeline.py).

text → recognise (dates, actors, places, names) → events (mentions, arguments, merging).
Places run after actors so that actors' countries help to disambiguate place names.
"""

from __future__ import annotations

from .text import prepare


def default_components():
    from .events.arguments import ArgumentLinker
    from .events.detect import EventMentionDetector
    from .events.finalize import EventBuilder
    from .recognize.actors import ActorRecognizer
    from .recognize.dates import DateRecognizer
    from .recognize.places import PlaceRecognizer

    return [
        ("text", prepare),
        ("dates", DateRecognizer()),
        ("actors", ActorRecognizer()),
        ("places", PlaceRecognizer()),
        ("mentions", EventMentionDetector()),
        ("arguments", ArgumentLinker()),
        ("events", EventBuilder()),
    ]
