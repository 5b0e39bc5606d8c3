"""The default pipeline's components, in order (see pipeline.py).

text → phrases (one scan for the actor, quote and event lexicons) → recognise (dates, actors,
places, quotes) → events (mentions, arguments, merging) → claims
(a claim of responsibility sets its event's actor1). The NER name tagger is optional
(``names=True``, ``rasid extract --ner``): it adds PER/ORG/LOC/MISC entities at half the speed.
Places run after actors so that actors' countries help to disambiguate place names.
"""

from __future__ import annotations

from .text import prepare


def default_components(names: bool = False, trigger_model=True):
    """``trigger_model``: the event detector's classifier (True: the shipped one; False or None:
    the rules alone; or a ``TriggerModel``)."""
    from .events.arguments import ArgumentLinker
    from .events.detect import EventMentionDetector
    from .events.finalize import EventBuilder
    from .recognize.actors import ActorRecognizer
    from .recognize.dates import DateRecognizer
    from .recognize.lexicon import PhrasePass
    from .recognize.places import PlaceRecognizer
    from .recognize.quotes import QuoteRecognizer, link_claims

    actors, quotes, mentions = ActorRecognizer(), QuoteRecognizer(), EventMentionDetector(trigger_model)
    steps = [
        ("text", prepare),
        ("phrases", PhrasePass([actors.matcher, quotes.matcher, mentions.matcher])),
        ("dates", DateRecognizer()),
        ("actors", actors),
        ("places", PlaceRecognizer()),
        ("quotes", quotes),
        ("mentions", mentions),
        ("arguments", ArgumentLinker()),
        ("events", EventBuilder()),
        ("claims", link_claims),
    ]
    if names:
        from .recognize.names import NameRecognizer

        steps.insert(1, ("names", NameRecognizer()))
    return steps
