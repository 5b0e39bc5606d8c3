"""A plain-text view of documents for a person reading in a terminal (`--format text`)."""

from __future__ import annotations

from typing import IO, Iterable

from ..model import Document


def _line(label: str, value) -> str:
    return f"    {label:<14} {value}"


def render(doc: Document) -> str:
    out = [f"== {doc.id}  (published {doc.published or '?'}, source {doc.source or '?'})"]
    if not doc.events:
        out.append("  no events")
    for n, ev in enumerate(doc.events, 1):
        out.append(f"  [{n}] {ev.event_type} / {ev.sub_event_type}  (confidence {ev.confidence})")
        out.append(_line("date", f"{ev.event_date} (precision {ev.time_precision}; "
                                 f"{ev.date_start} … {ev.date_end})"))
        actors = ev.actor1 or "—"
        if ev.assoc_actor_1:
            actors += f" (with {ev.assoc_actor_1})"
        if ev.actor2:
            actors += f"  →  {ev.actor2}"
        out.append(_line("actors", actors))
        place = ", ".join(x for x in (ev.location, ev.admin1, ev.country) if x) or "—"
        out.append(_line("place", f"{place} (geo precision {ev.geo_precision})"))
        out.append(_line("counts", f"killed {ev.fatalities}, wounded {ev.injuries}, "
                                   f"arrested {ev.arrests}"))
        if ev.reported_by:
            out.append(_line("reported by", ev.reported_by))
        if ev.trigger:
            out.append(_line("trigger", ev.trigger.text))
        for sp in ev.evidence:
            out.append(_line("evidence", f"[{sp.start}:{sp.end}] {sp.text}"))
    if doc.quotes:
        out.append("  quotes:")
        for q in doc.quotes:
            out.append(f"    {q.speaker or '?'} ({q.cue}): «{q.text}»")
    if doc.claims:
        out.append("  claims:")
        for c in doc.claims:
            target = f" → {c.target_actor}" if c.target_actor else ""
            out.append(f"    {c.type} {c.source_actor or '?'}{target} ({c.cue})")
    for w in doc.warnings:
        out.append(f"  warning: {w}")
    return "\n".join(out)


def write_text(docs: Iterable[Document], fh: IO[str]) -> int:
    n = 0
    for doc in docs:
        fh.write(render(doc) + "\n\n")
        n += 1
    return n
