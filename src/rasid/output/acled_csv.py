"""ACLED CSV writer: one event per row, ACLED's export column order, then Rasid's columns."""

from __future__ import annotations

import csv
from typing import IO, Iterable

from ..model import Document, Event

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]
RASID_COLUMNS = [
    "injuries", "arrests", "date_start", "date_end", "reported_by", "confidence", "document_id",
    "trigger", "evidence",
]
COLUMNS = ACLED_COLUMNS + RASID_COLUMNS


def event_row(ev: Event, doc: Document) -> dict:
    row = ev.model_dump(exclude={"evidence", "trigger", "explain"})
    row["event_id_cnty"] = ev.event_id
    row["year"] = ev.event_date[:4] if ev.event_date else ""
    row["source_scale"] = ""
    row["tags"] = ""
    row["timestamp"] = ""
    row["document_id"] = doc.id
    row["trigger"] = ev.trigger.text if ev.trigger else ""
    row["evidence"] = " ".join(s.text for s in ev.evidence)
    return {c: ("" if row.get(c) is None else row.get(c)) for c in COLUMNS}


def write_csv(docs: Iterable[Document], fh: IO[str]) -> int:
    writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for doc in docs:
        for ev in doc.events:
            writer.writerow(event_row(ev, doc))
            n += 1
    return n
