"""Cross-source deduplication: reports of one event from several outlets or days → one cluster.

Two event reports are compatible when they come from different documents (a document's own
events are already merged by the events stage, so two of them are two acts), have the same
event type and country, date ranges that overlap (so a day-precise report only meets reports of
that day, while "last week" meets every day of the week), places within a distance that depends
on their precision (or the same admin1 when one is only placed at province level), and actors
that do not contradict (an empty actor is compatible with any). Counts may differ: outlets
disagree on tolls.

Clustering is complete-link and greedy over events sorted by date, so a vague report cannot
chain two distinct day-precise events together, and the result depends only on the set of
events, not on the order they were stored in (a resumed ingest ends with the same clusters).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

TOWN_KM = 5.0  # both placed at a town: same place
AREA_KM = 30.0  # one placed near a town / in part of a district
# Actors that say "we don't know who": compatible with any named actor.
_UNKNOWN = ("unidentified", "unknown")
MAX_RANGE_DAYS = 31  # vaguer reports ("in 2014") are too loose to pair with anything


@dataclass(slots=True)
class _Ev:
    row: dict
    start: int
    end: int
    lat: float | None
    lon: float | None
    precision: int
    actors1: frozenset
    actors2: frozenset


@dataclass(slots=True)
class _Cluster:
    members: list = field(default_factory=list)
    docs: set = field(default_factory=set)
    end: int = 0


def _day(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _names(*values: str | None) -> frozenset:
    out = set()
    for v in values:
        for part in (v or "").split(";"):
            part = part.strip().lower()
            if part and not part.startswith(_UNKNOWN):
                out.add(part)
    return frozenset(out)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _prepare(row: dict) -> _Ev | None:
    start = _day(row.get("date_start")) or _day(row.get("event_date"))
    end = _day(row.get("date_end")) or _day(row.get("event_date"))
    if start is None or end is None or not row.get("event_type") or not row.get("country"):
        return None
    if abs(end - start) > MAX_RANGE_DAYS:
        return None
    return _Ev(row, min(start, end), max(start, end), row.get("latitude"), row.get("longitude"),
               row.get("geo_precision") or 3,
               _names(row.get("actor1")), _names(row.get("actor2")))


def _place_distance(a: _Ev, b: _Ev) -> float | None:
    """km between the two places, 0 for province-level agreement, None when incompatible."""
    precise = a.precision <= 2 and b.precision <= 2
    if precise and None not in (a.lat, a.lon, b.lat, b.lon):
        d = haversine_km(a.lat, a.lon, b.lat, b.lon)
        limit = TOWN_KM if a.precision == 1 and b.precision == 1 else AREA_KM
        return d if d <= limit else None
    a1, b1 = (a.row.get("admin1") or "").lower(), (b.row.get("admin1") or "").lower()
    if a1 and b1 and a1 != b1:
        return None
    if not a1 or not b1:  # only the country is known: the same named attacker is required
        if not (a.actors1 and a.actors1 == b.actors1):
            return None
    return AREA_KM  # compatible, but weaker than any measured distance


def _actors_ok(a: frozenset, b: frozenset) -> bool:
    return not a or not b or bool(a & b)


def _score(a: _Ev, b: _Ev) -> float | None:
    """Lower is closer; None when the two reports cannot be the same event."""
    if a.row["document_id"] == b.row["document_id"]:
        return None
    if a.row.get("event_type") != b.row.get("event_type") or a.row.get("country") != b.row.get("country"):
        return None
    if a.start > b.end or b.start > a.end:
        return None
    if not _actors_ok(a.actors1, b.actors1) or not _actors_ok(a.actors2, b.actors2):
        return None
    km = _place_distance(a, b)
    if km is None:
        return None
    return km + abs((a.start + a.end) - (b.start + b.end)) / 2.0


def _canonical_key(ev: dict):
    """The most informative report speaks for the cluster: precise date, precise place, sure."""
    return ((ev.get("time_precision") or 3), (ev.get("geo_precision") or 3),
            -(ev.get("confidence") or 0.0), 0 if ev.get("actor1") else 1, ev.get("event_id"))


def cluster_id(event_ids: Iterable[str]) -> str:
    key = "|".join(sorted(event_ids))
    return "CL" + hashlib.sha1(key.encode()).hexdigest()[:12]


def cluster_events(rows: Iterable[dict]) -> list[dict]:
    """Group event rows (dicts with section 4 fields, ``event_id`` and ``document_id``).

    Returns one dict per cluster: ``cluster_id``, ``canonical_event_id``, ``event_ids``,
    ``n_events``, ``sources``, ``source_count``, ``document_ids`` and the canonical event's
    summary fields. Every event is in exactly one cluster (most are alone).
    """
    prepared, loose = [], []
    for row in rows:
        ev = _prepare(row)
        (prepared if ev else loose).append(ev or row)
    prepared.sort(key=lambda e: (e.row["event_type"], e.row["country"], e.start, e.end,
                                 e.row["document_id"], e.row["event_id"]))
    groups: list[list[dict]] = []
    block_key, active = None, []
    for ev in prepared:
        key = (ev.row["event_type"], ev.row["country"])
        if key != block_key:
            block_key, active = key, []
        active = [c for c in active if c.end >= ev.start]  # sorted by start: the rest can't meet
        best, best_score = None, None
        for c in active:
            if ev.row["document_id"] in c.docs:
                continue
            worst = 0.0
            for m in c.members:
                s = _score(ev, m)
                if s is None:
                    break
                worst = max(worst, s)
            else:
                if best_score is None or worst < best_score:
                    best, best_score = c, worst
        if best is None:
            best = _Cluster()
            active.append(best)
            groups.append(best.members)
        best.members.append(ev)
        best.docs.add(ev.row["document_id"])
        best.end = max(best.end, ev.end)
    out = [_summary([m.row for m in g]) for g in groups]
    out += [_summary([row]) for row in loose]
    out.sort(key=lambda c: c["cluster_id"])
    return out


def _summary(members: list[dict]) -> dict:
    canon = min(members, key=_canonical_key)
    sources = sorted({m.get("source") or "" for m in members} - {""})
    fat = [m.get("fatalities") or 0 for m in members]
    return {
        "cluster_id": cluster_id(m["event_id"] for m in members),
        "canonical_event_id": canon["event_id"],
        "event_ids": sorted(m["event_id"] for m in members),
        "n_events": len(members),
        "sources": sources,
        "source_count": len(sources),
        "document_ids": sorted({m["document_id"] for m in members}),
        "event_type": canon.get("event_type"), "event_date": canon.get("event_date"),
        "date_start": min((m.get("date_start") or m.get("event_date") or "" for m in members), default=None) or None,
        "date_end": max((m.get("date_end") or m.get("event_date") or "" for m in members), default=None) or None,
        "country": canon.get("country"), "admin1": canon.get("admin1"),
        "location": canon.get("location"),
        "fatalities_min": min(fat), "fatalities_max": max(fat),
    }
