"""An event mention: one sentence's report of an act, before mentions are merged into events."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..recognize.lexicon import Match


@dataclass(slots=True)
class Mention:
    sent: int  # sentence index
    triggers: list[Match]  # the trigger matches in the sentence, in order
    main: Match  # the trigger that names the act
    kinds: set[str]
    multiplicity: int = 1  # a dual "two operations" is two events
    new: bool = False  # "a new operation" / "another attack": never merged with an earlier one
    weak: bool = False  # a generic trigger with no support: only adds evidence to an earlier event
    ordinal: int = 0  # "الانفجار الثاني": the second of the acts of its kind told so far
    prob: float = 0.0  # the trigger classifier's P(event) (0 where no model is shipped)
    rivals: bool = False  # "ميليشيات متناحرة": one unnamed group is both actor1 and actor2
    counted: list[Match] = field(default_factory=list)  # outcome words whose numbers count (detect.py)
    # (first, end token) of the mention's clause when its sentence tells several acts ("، فيما ..."،
    # "، وتفجير في أنقرة ..."): the figures outside it are the other acts'
    clause: tuple[int, int] | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    explain: dict[str, str] = field(default_factory=dict)
    evidence: list[tuple[int, int]] = field(default_factory=list)
    story: tuple[int, int] = (0, 0)  # the (start, end) of the page's story it is told in
    actor_conf: float = 0.0
    # (sentence, {role: [Figure]}) for each sentence whose mentions this one absorbed: the
    # count reader (count_reader.py) decides the event's counts from them
    figures: list = field(default_factory=list)
    # (place fields, words) of the other places of a list the act's place stands in ("مسيرات في
    # لندن وأدنبرة"): one event per place (CODEBOOK section 1), made by finalize.py
    also_at: list = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.main.payload.kind

    @property
    def own_date(self) -> bool:
        """Was the date read from the mention's own sentence (not inherited or published)?"""
        return self.explain.get("event_date", "").startswith("date '")
