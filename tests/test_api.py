"""HTTP API (rasid.serve.api) with FastAPI's TestClient: extraction, limits, validation, the
store endpoints (a fake store with the rasid.store API, and the real one when importable),
write protection, CORS and security headers."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from rasid.serve.api import STATIC_DIR, create_app  # noqa: E402

ARTICLE = "قتل ثلاثة مدنيين أمس الإثنين في قصف جوي على مدينة إدلب."


class FakeStore:
    """Same methods as rasid.store.Store, in memory; records what the API asked for."""

    def __init__(self, events: list[dict] | None = None, docs: dict | None = None):
        self.events = events or []
        self.docs = docs or {}
        self.calls: list[dict] = []
        self.added: list = []

    def query_events(self, date_from=None, date_to=None, country=None, admin1=None,
                     event_type=None, actor=None, text=None, limit=100, offset=0):
        self.calls.append(dict(date_from=date_from, date_to=date_to, country=country,
                               admin1=admin1, event_type=event_type, actor=actor, text=text,
                               limit=limit, offset=offset))
        rows = [e for e in self.events
                if (not country or e.get("country", "").lower() == country.lower())
                and (not date_from or (e.get("event_date") or "") >= date_from)
                and (not date_to or (e.get("event_date") or "") <= date_to)]
        return rows[offset:offset + limit], len(rows)

    def get_document(self, doc_id):
        return self.docs.get(doc_id)

    def add_document(self, doc) -> bool:
        self.added.append(doc)
        return True

    def stats(self) -> dict:
        return {"documents": len(self.docs), "events": len(self.events)}


def fake_event(i: int, country: str = "Syria", lat: float | None = 35.0, **kw) -> dict:
    ev = {"event_id": f"RSD{i:04d}", "event_date": f"2023-03-{i % 28 + 1:02d}",
          "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "A", "actor2": "B",
          "country": country, "latitude": lat, "longitude": None if lat is None else 38.0 + i,
          "fatalities": i, "document_id": f"doc-{i}", "cluster_id": None,
          "evidence": [{"start": 0, "end": 4, "text": "نص ن"}], "trigger": None}
    ev.update(kw)
    return ev


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app()) as c:
        yield c


def test_extract_returns_section3_document_with_offsets_into_the_text(client):
    r = client.post("/api/extract", json={"text": ARTICLE, "published": "2023-04-04",
                                          "source": "TEST"})
    assert r.status_code == 200
    doc = r.json()
    assert set(doc) >= {"id", "published", "source", "events", "entities", "timex", "quotes",
                        "warnings"}
    assert "text" not in doc  # section 3 leaves the input text out
    assert doc["published"] == "2023-04-04" and doc["source"] == "TEST"
    assert doc["events"], "a deadly air strike should give an event"
    ev = doc["events"][0]
    assert ev["source"] == "TEST"
    for span in ev["evidence"] + ([ev["trigger"]] if ev["trigger"] else []):
        assert ARTICLE[span["start"]:span["end"]] == span["text"]
    for ent in doc["entities"]:
        assert ARTICLE[ent["start"]:ent["end"]] == ent["text"]
    assert any(t["date_start"] == "2023-04-03" for t in doc["timex"])


def test_extract_is_deterministic_and_cached_result_is_identical(client):
    body = {"text": ARTICLE, "published": "2023-04-04"}
    a = client.post("/api/extract", json=body)
    b = client.post("/api/extract", json=body)
    assert a.content == b.content
    with TestClient(create_app(cache_size=0, warm=False)) as c:
        assert c.post("/api/extract", json=body).json() == a.json()


def test_extraction_processes_answer_the_same_bytes(client):
    """With --processes the article goes to an extraction process; the answer is byte for byte
    what the server's own pipeline gives, bad input is still a 422, and the cache still works."""
    body = {"text": ARTICLE, "published": "2023-04-04", "source": "TEST"}
    here = client.post("/api/extract", json=body)
    with TestClient(create_app(cache_size=4, warm=False, processes=1)) as c:
        pooled = c.post("/api/extract", json=body)
        assert pooled.status_code == 200 and pooled.content == here.content
        assert c.post("/api/extract", json=body).content == here.content  # from the cache
        arrest = {"text": "اعتقلت الشرطة خمسة أشخاص في حمص أمس.", "published": "2023-04-04"}
        other = c.post("/api/extract", json=arrest)
        assert other.status_code == 200 and other.json()["events"]
        assert other.content == client.post("/api/extract", json=arrest).content
        bad = c.post("/api/extract", json={"text": ARTICLE, "published": "2023-13-45"})
        assert bad.status_code == 422 and bad.json()["detail"].startswith("published")
        # refused by the extraction process itself (the size limit), still a 422 with a message
        long = c.post("/api/extract", json={"text": "a" * 1_000_001})
        assert long.status_code == 422 and "too large" in long.json()["detail"]
        assert c.post("/api/extract", json=arrest).content == other.content  # and it goes on


def test_extraction_pool_reports_a_dead_process_as_503(client):
    """A killed extraction process is a 503 with a message, not a traceback or a hang; so is
    every later request (the pool is broken until the server restarts)."""
    import os
    import signal

    with TestClient(create_app(cache_size=0, warm=False, processes=1)) as c:
        pool = c.app.state.pool
        body = {"text": ARTICLE, "published": "2023-04-04"}
        assert c.post("/api/extract", json=body).status_code == 200
        os.kill(pool.pids[0], signal.SIGKILL)
        for _ in range(2):
            r = c.post("/api/extract", json=body)
            assert r.status_code == 503 and "restart" in r.json()["detail"]


def test_extraction_pool_needs_no_pipeline_in_the_http_process():
    """With --processes the HTTP process only checks input: the lexicons load in the extraction
    processes, not a second time beside them."""
    import rasid.pipeline as pipeline

    saved = dict(pipeline._PIPELINES)
    pipeline._PIPELINES.clear()
    try:
        with TestClient(create_app(cache_size=0, warm=False, processes=1)) as c:
            ok = c.post("/api/extract", json={"text": ARTICLE, "published": "2023-04-04"})
            assert ok.status_code == 200 and ok.json()["events"]
            bad = c.post("/api/extract", json={"text": ARTICLE, "published": "yesterday"})
            assert bad.status_code == 422
            assert pipeline._PIPELINES == {}
    finally:
        pipeline._PIPELINES.update(saved)


def _uvloop_run():
    uvloop = pytest.importorskip("uvloop")
    return uvloop.run


@pytest.mark.parametrize("loop", ["asyncio", "uvloop"])
def test_extraction_pool_matches_answers_to_requests_under_concurrency(loop):
    """Many requests at once over two processes (each may hold one queued behind the one it
    works on): every answer is its own article's output; a request the process cannot extract
    raises in the server (refused input as InputError), and the process goes on to the next
    one. Under uvloop too (uvicorn's choice when it is installed), with answers over 16 KB,
    which reach the pipe in two writes."""
    import json

    from rasid.pipeline import InputError, default_pipeline
    from rasid.serve.api import compact_json
    from rasid.serve.pool import ExtractPool

    run = asyncio.run if loop == "asyncio" else _uvloop_run()
    example = (Path(__file__).resolve().parent.parent / "examples"
               / "sy24_isis_leader_killed.txt").read_text(encoding="utf-8")
    texts = [f"قتل {n} مدنيين في قصف على مدينة {town} أمس." for n, town in
             [("ثلاثة", "إدلب"), ("خمسة", "حلب"), ("سبعة", "درعا"), ("عشرة", "حمص"),
              ("اثنان", "الرقة"), ("أربعة", "دير الزور"), ("ستة", "حماة"), ("ثمانية", "اللاذقية")]]
    texts[1::2] = [example + "\n" + t for t in texts[1::2]]
    pipe = default_pipeline()
    expected = [compact_json(pipe(t, published="2023-04-04").output()).encode() for t in texts]
    assert max(map(len, expected)) > 16 * 1024

    async def scenario():
        pool = ExtractPool(2)
        await pool.start()
        try:
            got = await asyncio.gather(*(pool.extract({"text": t, "published": "2023-04-04"})
                                         for t in texts))
            with pytest.raises(RuntimeError, match="unexpected keyword argument 'colour'"):
                await pool.extract({"text": texts[0], "colour": "red"})
            with pytest.raises(InputError, match="text must be a string"):
                await pool.extract({"text": 5})
            after = await pool.extract({"text": texts[0], "published": "2023-04-04"})
        finally:
            pool.close()
        return got, after

    got, after = run(scenario())
    assert got == expected
    assert after == expected[0]
    assert len({json.loads(g)["id"] for g in got}) == len(texts)


@pytest.mark.parametrize("body, field", [
    ({}, "text"),
    ({"text": "   \n"}, "text"),
    ({"text": 42}, "text"),
    ({"text": ARTICLE, "published": "2023-13-45"}, "published"),
    ({"text": ARTICLE, "published": "yesterday"}, "published"),
])
def test_extract_validation_errors_are_422_with_a_message(client, body, field):
    r = client.post("/api/extract", json=body)
    assert r.status_code == 422
    data = r.json()
    assert isinstance(data["detail"], str) and data["detail"].startswith(field)
    assert data["errors"][0]["field"] == field


def test_extract_malformed_json_is_422(client):
    r = client.post("/api/extract", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert isinstance(r.json()["detail"], str)


def test_oversized_body_is_413_with_a_message():
    with TestClient(create_app(max_body=2048, warm=False)) as c:
        big = {"text": "ب" * 5000}
        r = c.post("/api/extract", json=big)
        assert r.status_code == 413
        assert "2048" in r.json()["detail"]

        def chunks():  # no Content-Length: the limit is counted while reading
            for _ in range(10):
                yield b"x" * 1000

        r = c.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413
        assert c.post("/api/extract", json={"text": ARTICLE}).status_code == 200


def test_store_endpoints_without_a_store_say_so(client):
    for path in ("/api/events", "/api/events.geojson", "/api/documents/x", "/api/stats"):
        r = client.get(path)
        assert r.status_code == 404
        assert "--db" in r.json()["detail"]
    assert client.get("/api/health").json()["store"] is False


def test_events_filters_and_pagination_reach_the_store():
    store = FakeStore([fake_event(i) for i in range(30)] + [fake_event(99, country="Iraq")])
    with TestClient(create_app(store=store, warm=False)) as c:
        r = c.get("/api/events", params={"country": "syria", "limit": 10, "offset": 5,
                                         "date_from": "2023-03-02", "actor": "ISIS", "text": "غارة",
                                         "event_type": "Battles", "admin1": "Idlib"})
        assert r.status_code == 200
        data = r.json()
        call = store.calls[-1]
        assert call == {"date_from": "2023-03-02", "date_to": None, "country": "syria",
                        "admin1": "Idlib", "event_type": "Battles", "actor": "ISIS",
                        "text": "غارة", "limit": 10, "offset": 5}
        assert data["limit"] == 10 and data["offset"] == 5
        assert data["total"] == 28  # the fake filters country and date_from
        assert len(data["events"]) == 10
        assert c.get("/api/events", params={"limit": 0}).status_code == 422
        assert c.get("/api/events", params={"limit": 100000}).status_code == 422
        assert c.get("/api/events", params={"offset": -1}).status_code == 422
        bad = c.get("/api/events", params={"date_from": "March"})
        assert bad.status_code == 422 and "date" in bad.json()["detail"]


def test_events_geojson_points_and_unplaced_events():
    store = FakeStore([fake_event(1), fake_event(2, lat=None)])
    with TestClient(create_app(store=store, warm=False)) as c:
        r = c.get("/api/events.geojson")
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("application/geo+json")
        fc = r.json()
        assert fc["type"] == "FeatureCollection" and fc["total"] == 2
        placed, unplaced = fc["features"]
        assert placed["geometry"] == {"type": "Point", "coordinates": [39.0, 35.0]}
        assert placed["id"] == "RSD0001"
        assert placed["properties"]["document_id"] == "doc-1"
        assert unplaced["geometry"] is None


def test_documents_by_id():
    doc = {"id": "doc-1", "text": ARTICLE, "events": []}
    with TestClient(create_app(store=FakeStore(docs={"doc-1": doc}), warm=False)) as c:
        assert c.get("/api/documents/doc-1").json() == doc
        r = c.get("/api/documents/nope")
        assert r.status_code == 404 and "nope" in r.json()["detail"]
        assert c.get("/api/stats").json() == {"documents": 1, "events": 0}


def test_storing_needs_the_write_key():
    store = FakeStore()
    body = {"text": ARTICLE, "published": "2023-04-04", "store": True}
    with TestClient(create_app(store=store, warm=False)) as c:  # started without a key
        r = c.post("/api/extract", json=body, headers={"X-Rasid-Key": "anything"})
        assert r.status_code == 403 and "read-only" in r.json()["detail"]
        assert c.get("/api/health").json()["writable"] is False
    with TestClient(create_app(store=store, write_key="s3cret", warm=False)) as c:
        assert c.post("/api/extract", json=body).status_code == 403
        assert c.post("/api/extract", json=body, headers={"X-Rasid-Key": "wrong"}).status_code == 403
        assert not store.added
        r = c.post("/api/extract", json=body, headers={"X-Rasid-Key": "s3cret"})
        assert r.status_code == 200 and r.json()["stored"] is True
        assert len(store.added) == 1 and store.added[0].text == ARTICLE


def test_real_store_round_trip(tmp_path):
    pytest.importorskip("rasid.store")
    db = str(tmp_path / "events.sqlite")
    with TestClient(create_app(db=db, write_key="k", warm=False)) as c:
        r = c.post("/api/extract", json={"text": ARTICLE, "published": "2023-04-04",
                                         "source": "TEST", "id": "t1", "store": True},
                   headers={"X-Rasid-Key": "k"})
        assert r.status_code == 200 and r.json()["stored"] is True
        n = len(r.json()["events"])
    with TestClient(create_app(db=db, warm=False)) as c:  # read-only now
        data = c.get("/api/events").json()
        assert data["total"] == n and data["events"][0]["document_id"] == "t1"
        doc = c.get("/api/documents/t1").json()
        assert doc["text"] == ARTICLE
        fc = c.get("/api/events.geojson").json()
        assert len(fc["features"]) == n
        r = c.post("/api/extract", json={"text": ARTICLE, "store": True},
                   headers={"X-Rasid-Key": "k"})
        assert r.status_code == 403


def test_cors_is_off_by_default_and_on_only_for_listed_origins(client):
    h = {"Origin": "http://evil.example"}
    assert "access-control-allow-origin" not in client.get("/api/health", headers=h).headers
    with TestClient(create_app(cors_origins=["http://ok.example"], warm=False)) as c:
        r = c.get("/api/health", headers={"Origin": "http://ok.example"})
        assert r.headers["access-control-allow-origin"] == "http://ok.example"
        r = c.get("/api/health", headers=h)
        assert "access-control-allow-origin" not in r.headers


def test_security_headers_on_page_and_api(client):
    for path in ("/", "/api/health", "/static/app.js"):
        r = client.get(path)
        assert r.status_code == 200
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_page_loads_only_local_assets(client):
    html = client.get("/").text
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert refs, "the page references its assets"
    for ref in refs:
        assert ref.startswith("/"), f"{ref} is not served by us"
        assert client.get(ref).status_code == 200, ref
    for name in ("app.js", "docs.js", "index.html", "style.css"):
        text = (STATIC_DIR / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), name
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function", text), name
    world = client.get("/static/world.geojson").json()
    assert world["type"] == "FeatureCollection" and len(world["features"]) > 150


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/extract", "/api/events", "/api/events.geojson", "/api/documents/{doc_id}"):
        assert path in spec["paths"]
    assert "text" in spec["components"]["schemas"]["ExtractRequest"]["properties"]
    assert client.get("/docs").status_code == 200


def test_cli_serve_command():
    import typer
    from typer.testing import CliRunner

    from rasid.cli import serve

    app = typer.Typer()
    serve.register(app)

    @app.command()
    def other() -> None:  # a second command so typer keeps the command name
        pass

    runner = CliRunner()
    r = runner.invoke(app, ["serve", "--help"])
    assert r.exit_code == 0 and "--db" in r.output and "127.0.0.1" in r.output
    r = runner.invoke(app, ["serve", "--db", str(Path("/nonexistent/x.sqlite"))])
    assert r.exit_code != 0
    assert "no such store" in r.output and "Traceback" not in r.output


def test_load_test_reports_percentiles_of_a_bounded_run():
    """benchmarks/load_api.py against a real server it starts (loopback, a free port): a fixed
    number of requests from concurrent clients, every one answered, percentiles in order."""
    import importlib.util
    import json
    import platform
    import subprocess
    import sys

    script = Path(__file__).resolve().parent.parent / "benchmarks" / "load_api.py"
    r = subprocess.run([sys.executable, str(script), "--clients", "3", "--requests", "7",
                        "--warmup", "2", "--processes", "1"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout.strip().splitlines()[-1])
    assert res["requests"] == 7 and res["errors"] == 0 and res["clients"] == 3
    assert 0 < res["p50_ms"] <= res["p95_ms"] <= res["p99_ms"] <= res["max_ms"]
    assert "p95" in r.stdout.splitlines()[1]
    # the interpreter is named: its build changes the figures by 7-17% on one machine
    assert res["python"].startswith(f"CPython {platform.python_version()}, ")
    link = res["python"].rsplit(", ", 1)[1]
    assert link in (("shared libpython", "libpython linked in") if sys.platform == "linux"
                    else ("libpython unknown",))

    spec = importlib.util.spec_from_file_location("load_api", script)
    load_api = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(load_api)
    assert load_api.percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.0
    assert load_api.percentile([1.0, 2.0, 3.0, 4.0], 95) == 4.0
    # the client runs on uvloop's loop where it is installed (less client CPU on shared cores)
    assert load_api._event_loop_run() is _uvloop_run()
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(sys.modules, "uvloop", None)  # as on Windows: not installed
        assert load_api._event_loop_run() is asyncio.run
    with pytest.raises(SystemExit, match="bounded"):
        sys_argv, sys.argv = sys.argv, ["load_api.py", "--requests", "1000000"]
        try:
            load_api.main()
        finally:
            sys.argv = sys_argv
