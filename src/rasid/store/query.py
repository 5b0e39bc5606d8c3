"""Exporting stored events: JSON Lines (one event a line), ACLED CSV, GeoJSON and Parquet.

Rows are built by the output stage's own writers (``event_row``, ``event_feature``) from Event
objects rebuilt from the store, so an export and `rasid extract --format csv` agree column for
column. ``dedup=True`` keeps one event per cluster (the canonical report) and adds the cluster's
source count and sources.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Iterator

from ..model import Document, Event
from ..output.acled_csv import COLUMNS, event_row
from ..output.geojson import event_feature
from .store import Store

EXPORT_FORMATS = ("jsonl", "acled-csv", "geojson", "parquet")
CLUSTER_COLUMNS = ["cluster_id", "source_count", "sources"]
_EVENT_KEYS = set(Event.model_fields)


def _clusters(store: Store) -> dict[str, dict]:
    return {c["cluster_id"]: c for c in store.iter_clusters()}


def _with_objects(store: Store, dedup: bool, filters: dict) -> Iterator[tuple[dict, Event, Document, dict]]:
    clusters = _clusters(store)
    for ev in store.iter_events(canonical_only=dedup, **filters):
        obj = Event(**{k: v for k, v in ev.items() if k in _EVENT_KEYS})
        cl = clusters.get(ev.get("cluster_id") or "", {})
        extra = {"cluster_id": ev.get("cluster_id") or "",
                 "source_count": cl.get("source_count", 1),
                 "sources": "; ".join(cl.get("sources", [ev.get("source")] if ev.get("source") else []))}
        yield ev, obj, Document(id=ev["document_id"], text=""), extra


def export_events(store: Store, fmt: str, fh: IO[str] | None = None, path: str | None = None,
                  dedup: bool = False, **filters) -> int:
    """Write matching events in ``fmt`` to ``fh`` (text formats) or ``path`` (parquet)."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    rows = _with_objects(store, dedup, filters)
    n = 0
    if fmt == "jsonl":
        for ev, _, _, extra in rows:
            ev.update(extra)
            fh.write(json.dumps(ev, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "acled-csv":
        writer = csv.DictWriter(fh, fieldnames=COLUMNS + CLUSTER_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for _, obj, doc, extra in rows:
            writer.writerow({**event_row(obj, doc), **extra})
            n += 1
    elif fmt == "geojson":  # streamed: a day's corpus need not fit in memory twice
        fh.write('{"type": "FeatureCollection", "features": [')
        for _, obj, doc, extra in rows:
            feat = event_feature(obj, doc)
            feat["properties"].update(extra)
            fh.write(("," if n else "") + "\n" + json.dumps(feat, ensure_ascii=False))
            n += 1
        fh.write("\n]}\n")
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not path:
            raise ValueError("parquet export needs an output file (-o FILE)")
        cols = COLUMNS + CLUSTER_COLUMNS
        table_rows = []
        for _, obj, doc, extra in rows:
            r = {**event_row(obj, doc), **extra}
            table_rows.append({c: (None if r.get(c) == "" else r.get(c)) for c in cols})
        schema = pa.schema([(c, _arrow_type(c)) for c in cols])
        pq.write_table(pa.Table.from_pylist(table_rows, schema=schema), path)
        n = len(table_rows)
    return n


def _arrow_type(column: str):
    import pyarrow as pa

    if column in ("latitude", "longitude", "confidence"):
        return pa.float64()
    if column in ("time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                  "fatalities", "injuries", "arrests", "source_count"):
        return pa.int64()
    return pa.string()
