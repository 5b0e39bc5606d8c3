"""GeoJSON writer: a FeatureCollection with one Point per event (null geometry if unplaced)."""

from __future__ import annotations

import json
from typing import IO, Iterable

from ..model import Document, Event


def event_feature(ev: Event, doc: Document) -> dict:
    props = ev.model_dump(exclude={"explain"})
    props["document_id"] = doc.id
    geometry = None
    if ev.latitude is not None and ev.longitude is not None:
        geometry = {"type": "Point", "coordinates": [ev.longitude, ev.latitude]}
    return {"type": "Feature", "id": ev.event_id, "geometry": geometry, "properties": props}


def feature_collection(docs: Iterable[Document]) -> dict:
    return {"type": "FeatureCollection",
            "features": [event_feature(ev, doc) for doc in docs for ev in doc.events]}


def write_geojson(docs: Iterable[Document], fh: IO[str]) -> int:
    fc = feature_collection(docs)
    json.dump(fc, fh, ensure_ascii=False)
    fh.write("\n")
    return len(fc["features"])
