"""Turning merged mentions into Event records: ids, interaction, notes, confidence."""

from __future__ import annotations

import hashlib

from ..model import Document, Event
from .count_reader import WAR_TOLL, link_counts
from .merge import merge_mentions

_NOTE_VERB = {
    "Air/drone strike": "carried out an air/drone strike",
    "Shelling/artillery/missile attack": "shelled or fired missiles",
    "Suicide bomb": "carried out a suicide bombing",
    "Remote explosive/landmine/IED": "detonated an explosive device",
    "Grenade": "threw a grenade",
    "Chemical weapon": "used a chemical weapon",
    "Armed clash": "clashed with",
    "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took territory from",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "committed sexual violence against",
    "Peaceful protest": "held a peaceful protest",
    "Protest with intervention": "protested and were dispersed by",
    "Excessive force against protesters": "protested and were met with force by",
    "Violent demonstration": "rioted",
    "Mob violence": "engaged in mob violence",
    "Agreement": "reached an agreement with",
    "Arrests": "arrested members of",
    "Change to group/activity": "changed its organisation",
    "Disrupted weapons use": "disrupted weapons use by",
    "Headquarters or base established": "established a base",
    "Looting/property destruction": "looted or destroyed property of",
    "Non-violent transfer of territory": "transferred territory",
    "Other": "was involved in a development",
}
_FIELDS = set(Event.model_fields)


def interaction(inter1: int, inter2: int) -> int:
    if not inter1 and not inter2:
        return 0
    a, b = sorted((inter1, inter2))
    if a == 0:
        return b * 10
    return a * 10 + b


def notes(f: dict) -> str:
    verb = _NOTE_VERB.get(f.get("sub_event_type", ""), "was involved in an event")
    who = f.get("actor1") or "An unidentified actor"
    target = f.get("actor2")
    place = f.get("location") or f.get("country") or "an unknown place"
    when = f.get("event_date") or "an unknown date"
    s = f"On {when}, {who} {verb}"
    if target and (verb.endswith((" with", " from", " by", " of", " against")) or verb == "attacked" or verb == "abducted"):
        s += f" {target}"
    elif target:
        s += f" targeting {target}"
    s += f" in {place}"
    counts = []
    if f.get("fatalities"):
        counts.append(f"{f['fatalities']} killed")
    if f.get("injuries"):
        counts.append(f"{f['injuries']} wounded")
    if f.get("arrests"):
        counts.append(f"{f['arrests']} arrested")
    if counts:
        s += " (" + ", ".join(counts) + ")"
    if f.get("reported_by"):
        s += f", as reported by {f['reported_by']}"
    return s + "."


def confidence(men) -> float:
    score = 0.35 + 0.15 * (men.main.payload.strength - 1)
    e = men.explain
    if e.get("event_date", "").startswith("date '"):
        score += 0.15
    if e.get("location", "").startswith("place '"):
        score += 0.15
    if men.fields.get("actor1") and not men.fields["actor1"].startswith("Unidentified"):
        score += 0.1
    score += min(0.1, 0.05 * (len(men.evidence) - 1))
    if men.prob:
        # the trigger classifier's P(event) carries most of it; the rules' field checks the rest
        score = 0.7 * men.prob + 0.3 * score
    return round(min(score, 0.99), 2)


class EventBuilder:
    """Component: merges ``doc._mentions`` and writes ``doc.events``."""

    def __call__(self, doc: Document) -> None:
        mentions = []
        for men in doc._mentions:
            f = men.fields
            if (f.get("fatalities") or 0) >= WAR_TOLL and (f.get("time_precision") == 3 or not men.own_date):
                # "خاض البلدان حربا في أواخر التسعينيات قتل فيها نحو 80 ألف شخص": a war's toll
                # over months or years (or with no date of its own): not an event, and not a count
                # to lend to an event told beside it
                doc.warnings.append(f"events: left out a toll of {f['fatalities']} with no day-level "
                                    "date of its own: a war or campaign, not one event")
                continue
            mentions.append(men)
        merged = merge_mentions(mentions, doc._tokens)
        link_counts(doc, merged)
        events: list[Event] = []
        for men in merged:
            f = dict(men.fields)
            if f.get("actor2") and f["actor2"] == f.get("actor1") and not men.rivals:  # one side, reached twice by merging
                f["actor2"], f["inter2"] = "", 0
            f["interaction"] = interaction(f.get("inter1") or 0, f.get("inter2") or 0)
            f["source"] = doc.source
            f["notes"] = notes(f)
            spans = sorted(set(men.evidence))
            f["evidence"] = [doc.span(s, e) for s, e in spans]
            f["trigger"] = doc.span(men.main.start, men.main.end)
            f["confidence"] = confidence(men)
            f["explain"] = dict(men.explain)
            base = {k: v for k, v in f.items() if k in _FIELDS}
            # one act at several places is one event per place (CODEBOOK section 1); "غارتين
            # استهدفتا بلدتي كفرنبل وأريحا": two acts at two places are two events, not four
            places = [None] + list(men.also_at)
            n = max(men.multiplicity, len(places))
            for copy in range(n):
                data = base
                if n > 1:
                    # a total reported for several acts is divided among them, as ACLED does
                    data = dict(base)
                    for k in ("fatalities", "injuries", "arrests"):
                        total = f.get(k) or 0
                        data[k] = total // n + (1 if copy < total % n else 0)
                    at = places[copy % len(places)]
                    if at is not None:
                        data.update(at[0])
                        data["explain"] = {**f["explain"], "location": f"place '{at[1]}': listed with "
                                           f"the act's place, one event per place"}
                    data["notes"] = notes({**f, **{k: data[k] for k in ("fatalities", "injuries", "arrests",
                                                                          "location", "country") if k in data}})
                ev = Event(**data)
                key = f"{doc.id}|{spans}|{men.main.start}|{copy}|{len(events)}"
                ev.event_id = "RSD" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]
                events.append(ev)
        doc.events = events
