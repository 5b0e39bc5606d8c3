"""Merging mentions of one act into one event, and splitting "two operations" into two.

Mentions join an earlier event when nothing tells them apart: compatible types, the same date
(or no date of their own), the same place (or none of their own), and no conflicting actor1.
A mention that announces a new act ("عملية أمنية جديدة"، "هجوم آخر") or a different day never
joins. Fields combine what all mentions say: the most precise place and date, named actors over
generic ones, the largest count.
"""

from __future__ import annotations

from ..text.normalize import fold
from ..text.tokens import is_definite
from .lexicons import DEMONSTRATIVES
from .mention import Mention

_GENERIC_KINDS = {"kill", "injure", "attack", "operation", "explosion"}
_RAID = {"Arrests", "Armed clash", "Disrupted weapons use"}
_CROWD_TYPES = {"Protests", "Riots"}
_PROTEST_RANK = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2}
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_TYPE_RANK = {"Explosions/Remote violence": 0, "Violence against civilians": 1, "Battles": 2,
              "Riots": 1, "Protests": 1, "Strategic developments": 3}


def _own_place(m: Mention) -> bool:
    return m.explain.get("location", "").startswith("place '")


def _named_place(m: Mention) -> bool:
    """The mention's sentence names its place, or its country ("في الولايات المتحدة")."""
    return m.explain.get("location", "").startswith(("place '", "only '"))


def _generic_actor(name: str) -> bool:
    return not name or name.startswith(("Unidentified Armed Group", "Civilians", "Police Forces of"))


def _guessed_actor(m: Mention) -> bool:
    """actor1 generic, or not named in the sentence (a fallback): it cannot tell acts apart."""
    return _generic_actor(m.fields["actor1"]) or m.explain.get("actor1", "").startswith("no ")


def _compatible(ev: Mention, m: Mention) -> bool:
    if m.new or ev.multiplicity > 1 or m.multiplicity > 1:
        return False
    a, b = ev.fields, m.fields
    if a["event_type"] != b["event_type"]:
        generic = m.main.payload.strength < 2 or m.kind in _GENERIC_KINDS
        arrest_raid = {a["sub_event_type"], b["sub_event_type"]} <= _RAID
        if not ((generic and a["event_type"] in _VIOLENT and b["event_type"] in _VIOLENT) or arrest_raid):
            return False
    if (ev.main.payload.strength == 2 and m.main.payload.strength == 2
            and a["sub_event_type"] != b["sub_event_type"]
            and not {a["sub_event_type"], b["sub_event_type"]} <= _RAID):
        return False  # a suicide attack and a landmine are two acts
    if m.own_date and a.get("event_date") != b.get("event_date"):
        return False
    if _own_place(m) and _own_place(ev):
        # a country or region says nothing against a town in it; two provinces differ
        same = (a.get("location") == b.get("location") or (a.get("admin1") and a.get("admin1") == b.get("admin1"))
                or not a.get("admin1") or not b.get("admin1"))
        if not same or a.get("country") != b.get("country"):
            return False
    if not _guessed_actor(ev) and not _guessed_actor(m) and a["actor1"] != b["actor1"]:
        # the same act told from the other side's view ("X attacked Y" / "Y repelled X") still merges
        if not (a["actor1"] == b.get("actor2") or a.get("actor2") == b["actor1"]):
            return False
    return True


def _absorb(ev: Mention, m: Mention, reference: bool = False) -> None:
    """Fold mention ``m`` into event ``ev``. ``reference``: ``m`` only refers back to the act
    (a definite act noun: "تلقت موسكو خبر الاعتقال")."""
    ev.prob = max(ev.prob, m.prob)  # one act's mentions: the surest one speaks for it
    ev.figures.extend(m.figures)
    if m.weak:  # a passing reference ("وقع الهجوم قرابة منتصف الليل") is evidence, no more
        ev.evidence.extend(m.evidence)
        return
    a, b = ev.fields, m.fields
    # place: the most precise; not a reference's in another country than the one the act's own
    # sentence names ("اعتقلت بوتينا في الولايات المتحدة ... وعلقت زاخاروفا أن موسكو تلقت خبر
    # الاعتقال": Moscow is where it was spoken of; "اعتقل في مدينة طرابلس" is the act's own detail)
    if _own_place(m) and not (reference and _named_place(ev) and b.get("country") != a.get("country")) and (
            not _own_place(ev) or (b.get("geo_precision") or 3) < (a.get("geo_precision") or 3)):
        for k in ("country", "iso", "region", "admin1", "admin2", "admin3", "location", "latitude",
                  "longitude", "geo_precision"):
            a[k] = b.get(k)
        ev.explain["location"] = m.explain.get("location", "")
        ev.also_at = m.also_at
    if m.own_date and not ev.own_date:
        for k in ("event_date", "date_start", "date_end", "time_precision"):
            a[k] = b.get(k)
        ev.explain["event_date"] = m.explain.get("event_date", "")
    if _guessed_actor(ev) and not _guessed_actor(m) and b["actor1"] != a.get("actor2"):
        a["actor1"], a["inter1"] = b["actor1"], b["inter1"]  # a named perpetrator beats a guess
        ev.explain["actor1"] = m.explain.get("actor1", "")
    for k, ik in (("actor1", "inter1"), ("actor2", "inter2")):
        fills = (not a[k] and b[k]) or (_generic_actor(a[k]) and not _generic_actor(b[k]))
        if fills and b[k] != a.get("actor1" if k == "actor2" else "actor2"):
            a[k], a[ik] = b[k], b[ik]
            ev.explain[k] = m.explain.get(k, "")
    if not a.get("assoc_actor_1") and b.get("assoc_actor_1"):
        a["assoc_actor_1"] = b["assoc_actor_1"]
    for k in ("fatalities", "injuries", "arrests"):
        if (b.get(k) or 0) > (a.get(k) or 0):
            a[k] = b[k]
            ev.explain[k] = m.explain.get(k, "")
    if not a.get("reported_by") and b.get("reported_by"):
        a["reported_by"] = b["reported_by"]
        ev.explain["reported_by"] = m.explain.get("reported_by", "")
    # type: a specific weapon from a later mention beats a generic first one
    if a["event_type"] != b["event_type"] and ev.main.payload.strength < m.main.payload.strength:
        for k in ("event_type", "sub_event_type", "disorder_type", "civilian_targeting"):
            a[k] = b[k]
        ev.explain["event_type"] = m.explain.get("event_type", "")
        ev.main = m.main
    if a["event_type"] == b["event_type"] == "Protests" and \
            _PROTEST_RANK.get(b["sub_event_type"], 0) > _PROTEST_RANK.get(a["sub_event_type"], 0):
        # "تظاهر المئات ... وتصدت الشرطة لهذه الاحتجاجات": the protest met force
        a["sub_event_type"] = b["sub_event_type"]
        ev.explain["event_type"] = m.explain.get("event_type", "")
    if a["sub_event_type"] == "Arrests" and (a.get("fatalities") or 0) > 0 \
            and m.kinds & {"clash", "attack", "operation"}:
        a["event_type"], a["sub_event_type"], a["disorder_type"] = "Battles", "Armed clash", "Political violence"
        ev.explain["event_type"] = "raid with arrests and deaths is an armed clash"
    ev.evidence.extend(m.evidence)
    ev.triggers.extend(m.triggers)


def _anaphoric(m: Mention, tokens) -> bool:
    """"وتأتي الغارة بعد ..."، "الهجوم نفذ باستخدام ..."، "لهذه الاحتجاجات": a definite act noun or
    one after a demonstrative, with no date of its own (or a weak mention), refers back to an act
    already reported."""
    if (m.own_date and not m.weak) or m.new:
        return False
    k = m.main.tok_start
    if k and tokens[k - 1].norm in DEMONSTRATIVES:
        return True  # "وتصدت الشرطة لهذه الاحتجاجات"
    # والغارة، بالهجوم; a definite dual refers back too: "وقع تفجيران ... وخلف الانفجاران عشرات الجرحى"
    return is_definite(tokens[k].norm)


def _refers_to(ev: Mention, m: Mention) -> bool:
    a, b = ev.fields, m.fields
    if _own_place(m) and _own_place(ev) and a.get("admin1") != b.get("admin1"):
        return False  # "الاشتباكات في البصرة" does not refer back to a protest in Baghdad
    crowd = {a["event_type"], b["event_type"]} <= _CROWD_TYPES  # a protest that turned violent
    return a["event_type"] == b["event_type"] or crowd or m.main.payload.strength < 2


def merge_mentions(mentions: list[Mention], tokens=None) -> list[Mention]:
    events: list[Mention] = []
    for m in mentions:
        target = None
        if m.ordinal:
            # "الانفجار الأول ... الانفجار الثاني": the n-th act of this type told so far
            same = [ev for ev in events if ev.fields["event_type"] == m.fields["event_type"]
                    or m.main.payload.strength < 2]
            if len(same) >= m.ordinal and (m.ordinal > 1 or len(same) > 1):
                target = same[m.ordinal - 1]
        if target is None:
            target = next((ev for ev in reversed(events) if _compatible(ev, m)), None)
        anaphoric = tokens is not None and _anaphoric(m, tokens)
        if target is None and anaphoric:
            target = next((ev for ev in reversed(events) if _refers_to(ev, m)), None)
        if target is None and m.weak and events:
            target = next((ev for ev in reversed(events) if _refers_to(ev, m)), None)
        if target is not None:
            _absorb(target, m, anaphoric)
        elif not m.weak:
            events.append(m)
    return events
