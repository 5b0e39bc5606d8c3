"""JSONL, ACLED CSV and GeoJSON writers."""

import csv
import io
import json

from rasid.model import Document, Event, Span
from rasid.output import ACLED_COLUMNS, write_csv, write_geojson, write_jsonl

EXPECTED_ACLED = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                  "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
                  "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
                  "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
                  "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
                  "timestamp"]


def _doc():
    text = "غارة على إدلب."
    ev = Event(event_id="RSD1", event_date="2024-03-12", time_precision=1,
               event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
               actor1="Military Forces of Russia", country="Syria", location="Idlib",
               latitude=35.93, longitude=36.63, geo_precision=1, fatalities=2,
               evidence=[Span(start=0, end=14, text=text)], trigger=Span(start=0, end=4, text="غارة"))
    unplaced = Event(event_id="RSD2", event_type="Battles", sub_event_type="Armed clash")
    return Document(id="d1", text=text, published="2024-03-13", source="X", events=[ev, unplaced])


def test_csv_column_order_and_values():
    buf = io.StringIO()
    assert write_csv([_doc()], buf) == 2
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert rows[0][:len(EXPECTED_ACLED)] == EXPECTED_ACLED
    assert ACLED_COLUMNS == EXPECTED_ACLED
    rec = dict(zip(rows[0], rows[1]))
    assert rec["event_id_cnty"] == "RSD1"
    assert rec["year"] == "2024"
    assert rec["fatalities"] == "2"
    assert rec["trigger"] == "غارة"
    assert rows[0][len(EXPECTED_ACLED):][:2] == ["injuries", "arrests"]


def test_geojson_is_valid_feature_collection():
    buf = io.StringIO()
    write_geojson([_doc()], buf)
    fc = json.loads(buf.getvalue())
    assert fc["type"] == "FeatureCollection"
    f0, f1 = fc["features"]
    assert f0["type"] == "Feature"
    assert f0["geometry"] == {"type": "Point", "coordinates": [36.63, 35.93]}  # lon, lat order
    assert f0["properties"]["country"] == "Syria"
    assert f1["geometry"] is None  # valid GeoJSON for an unplaced event


def test_jsonl_one_line_per_document_without_text():
    buf = io.StringIO()
    write_jsonl([_doc(), _doc()], buf)
    lines = buf.getvalue().splitlines()
    assert len(lines) == 2
    obj = json.loads(lines[0])
    assert set(obj) >= {"id", "published", "source", "events", "entities", "timex", "quotes", "warnings"}
    assert "text" not in obj
    assert obj["events"][0]["evidence"][0]["text"] == "غارة على إدلب."
    assert "explain" not in obj["events"][0]


def test_output_json_is_the_compact_dump_of_output():
    """The HTTP API's answer (``Document.output_json``, written by pydantic-core) is byte for byte
    ``json.dumps(output(), ensure_ascii=False, separators=(",", ":"))``: escapes (quotes,
    backslashes, tabs, control characters), Arabic as UTF-8, floats, nulls, and no ``explain``."""
    from pathlib import Path

    from rasid import extract

    example = (Path(__file__).resolve().parent.parent / "examples"
               / "sy24_isis_leader_killed.txt").read_text(encoding="utf-8")
    odd = ('قال المتحدث "أبو\\محمد":\t«قتل ثلاثة مدنيين\x01 في قصف على إدلب أمس» '
           'وأصيب 1.5 ألف\u200f شخص.')
    for text in (example, odd):
        doc = extract(text, published="2023-04-04", source="SY24")
        assert doc.events and doc.entities
        expected = json.dumps(doc.output(), ensure_ascii=False, separators=(",", ":")).encode()
        assert doc.output_json() == expected
        assert b'"explain"' not in doc.output_json() and b'"text":"' in doc.output_json()
