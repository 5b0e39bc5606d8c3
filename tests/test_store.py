"""Event store on SQLite and (when RASID_TEST_PG_URL is set) PostgreSQL: idempotent writes,
round trips, filters, clusters and exports. Documents are built by hand: no pipeline needed."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from rasid.model import Document, Entity, Event, Quote, Span
from rasid.store import StoreError, open_store
from rasid.store.query import export_events

PG_URL = os.environ.get("RASID_TEST_PG_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        st = open_store(str(tmp_path / "events.sqlite"))
    else:
        if not PG_URL:
            pytest.skip("RASID_TEST_PG_URL is not set")
        st = open_store(PG_URL)
        st.drop_all()
    yield st
    st.close()


def make_doc(doc_id: str, text: str, source: str, date: str, km_east: float = 0.0,
             fatalities: int = 3, actor1: str = "Military Forces of Syria") -> Document:
    """A document with one air strike event whose evidence is the whole text."""
    doc = Document(id=doc_id, text=text, source=source, published=date, title="t " + doc_id,
                   url=f"https://example.org/{doc_id}")
    ev = Event(event_id="RSD" + doc_id, event_date=date, date_start=date, date_end=date,
               time_precision=1, disorder_type="Political violence",
               event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
               actor1=actor1, actor2="Civilians (Syria)", inter1=1, inter2=7, interaction=17,
               country="Syria", iso=760, admin1="Idlib", location="Sarmin",
               latitude=35.9, longitude=36.72 + km_east / 90.0, geo_precision=1,
               fatalities=fatalities, source=source, notes="An air strike.",
               evidence=[doc.span(0, len(text))], trigger=doc.span(0, 3), confidence=0.8)
    doc.events = [ev]
    doc.entities = [Entity(text=text[:3], start=0, end=3, type="LOC", canonical="Sarmin")]
    doc.quotes = [Quote(speaker="ناشط", text=text[:5], start=0, end=5, cue="قال")]
    return doc


TEXT_A = "غارة جوية على سرمين قتلت ثلاثة"
TEXT_B = "قصف جوي على بلدة سرمين وقتلى"
TEXT_C = "غارة على سرمين في اليوم التالي"


def test_add_is_idempotent_by_id_and_by_text(store):
    assert store.add_document(make_doc("a", TEXT_A, "SY24", "2024-03-12")) is True
    assert store.add_document(make_doc("a", "نص آخر تماما", "SY24", "2024-03-12")) is False
    assert store.add_document(make_doc("other-id", TEXT_A, "SY24", "2024-03-12")) is False
    assert store.add_documents([make_doc("b", TEXT_B, "Enab", "2024-03-12"),
                                make_doc("b", TEXT_B, "Enab", "2024-03-12")]) == 1
    s = store.stats()
    assert (s["documents"], s["events"], s["entities"], s["quotes"]) == (2, 2, 2, 2)


def test_document_round_trip(store):
    doc = make_doc("a", TEXT_A, "SY24", "2024-03-12")
    store.add_document(doc)
    got = store.get_document("a")
    assert got["text"] == TEXT_A and got["title"] == "t a" and got["url"].endswith("/a")
    ev = got["events"][0]
    assert ev["event_id"] == "RSDa" and ev["document_id"] == "a" and ev["fatalities"] == 3
    assert ev["evidence"] == [{"start": 0, "end": len(TEXT_A), "text": TEXT_A}]
    assert TEXT_A[ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
    assert got["entities"][0]["canonical"] == "Sarmin" and got["quotes"][0]["cue"] == "قال"
    assert store.get_document("missing") is None


def test_query_filters_and_paging(store):
    store.add_documents([make_doc("a", TEXT_A, "SY24", "2024-03-12"),
                         make_doc("b", TEXT_B, "Enab", "2024-03-12", actor1="Military Forces of Russia"),
                         make_doc("c", TEXT_C, "SY24", "2024-03-13")])
    rows, total = store.query_events()
    assert total == 3 and rows[0]["event_date"] == "2024-03-13"  # newest first
    assert store.query_events(date_from="2024-03-13")[1] == 1
    assert store.query_events(date_to="2024-03-12")[1] == 2
    assert store.query_events(country="syria", admin1="IDLIB")[1] == 3
    assert store.query_events(country="Iraq")[1] == 0
    assert store.query_events(event_type="Battles")[1] == 0
    assert store.query_events(actor="russia")[1] == 1
    # text search folds Arabic: no hamza/ta marbuta differences, finds evidence words
    assert store.query_events(text="غاره")[1] == 2
    assert store.query_events(text="بلدة سرمين")[1] == 1
    assert store.query_events(text="100%_")[1] == 0
    page, total = store.query_events(limit=2, offset=2)
    assert total == 3 and len(page) == 1


def test_recluster_groups_reports_and_keeps_next_day_apart(store):
    store.add_documents([make_doc("a", TEXT_A, "SY24", "2024-03-12", fatalities=3),
                         make_doc("b", TEXT_B, "Enab", "2024-03-12", km_east=2, fatalities=5),
                         make_doc("c", TEXT_C, "SY24", "2024-03-13")])
    figures = store.recluster()
    assert figures == {"events": 3, "clusters": 2, "merged_clusters": 1, "multi_source_clusters": 1}
    a = store.query_events(text="قتلت")[0][0]
    b = store.get_document("b")["events"][0]
    c = store.get_document("c")["events"][0]
    assert a["cluster_id"] == b["cluster_id"] != c["cluster_id"]
    cl = store.get_cluster(a["cluster_id"])
    assert cl["sources"] == ["Enab", "SY24"] and cl["source_count"] == 2
    assert (cl["fatalities_min"], cl["fatalities_max"]) == (3, 5)
    assert store.recluster() == figures  # recomputing changes nothing
    assert store.stats()["unclustered_events"] == 0


def test_exports(store, tmp_path):
    store.add_documents([make_doc("a", TEXT_A, "SY24", "2024-03-12"),
                         make_doc("b", TEXT_B, "Enab", "2024-03-12", km_east=2),
                         make_doc("c", TEXT_C, "SY24", "2024-03-13")])
    store.recluster()
    fh = io.StringIO()
    assert export_events(store, "acled-csv", fh) == 3
    rows = list(csv.DictReader(io.StringIO(fh.getvalue())))
    assert rows[0]["event_id_cnty"] and rows[0]["year"] == "2024" and rows[0]["iso"] == "760"
    assert list(rows[0])[:3] == ["event_id_cnty", "event_date", "year"]
    fh = io.StringIO()
    assert export_events(store, "geojson", fh, dedup=True) == 2
    fc = json.loads(fh.getvalue())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    counts = sorted(f["properties"]["source_count"] for f in fc["features"])
    assert counts == [1, 2]
    assert fc["features"][0]["geometry"]["type"] == "Point"
    fh = io.StringIO()
    assert export_events(store, "jsonl", fh, date_from="2024-03-13") == 1
    assert json.loads(fh.getvalue())["document_id"] == "c"
    import pyarrow.parquet as pq

    path = tmp_path / "ev.parquet"
    assert export_events(store, "parquet", path=str(path)) == 3
    table = pq.read_table(path)
    assert table.num_rows == 3 and table.column("fatalities").to_pylist() == [3, 3, 3]


def test_iter_events_pages_through_everything(store):
    store.add_documents([make_doc(f"d{i}", f"{TEXT_A} {i}", "SY24", f"2024-03-{10 + i % 5:02d}")
                         for i in range(13)])
    ids = [e["event_id"] for e in store.iter_events(page=4)]
    assert len(ids) == len(set(ids)) == 13


def test_read_only_store(tmp_path):
    path = str(tmp_path / "ro.sqlite")
    with pytest.raises(StoreError):
        open_store(path, read_only=True)
    open_store(path).add_document(make_doc("a", TEXT_A, "SY24", "2024-03-12"))
    ro = open_store(path, read_only=True)
    assert ro.stats()["documents"] == 1
    with pytest.raises(StoreError):
        ro.add_document(make_doc("b", TEXT_B, "SY24", "2024-03-12"))


def test_bad_urls_are_one_line_errors(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no" / "such" / "dir.sqlite"))
    with pytest.raises(StoreError):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_repeated_event_ids_in_one_document_are_kept_apart(store):
    doc = make_doc("a", TEXT_A, "SY24", "2024-03-12")
    doc.events = [doc.events[0], doc.events[0].model_copy()]
    assert store.add_document(doc) is True
    ids = [e["event_id"] for e in store.get_document("a")["events"]]
    assert ids == ["RSDa", "RSDa~2"]
