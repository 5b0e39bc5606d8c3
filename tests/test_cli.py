"""The command-line contract (CODEBOOK section 13) and its handling of bad input."""

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasid.cli.main import app

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sy24_isis_leader_killed.txt"
runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def events_of(result):
    lines = [json.loads(ln) for ln in result.stdout.splitlines() if ln.strip()]
    return lines


@pytest.fixture(scope="module")
def example_doc():
    r = run("extract", str(EXAMPLE), "--published", "2023-04-04", "--source", "SY24")
    assert r.exit_code == 0, r.stderr
    (doc,) = events_of(r)
    return doc


def test_example_air_strike(example_doc):
    ev = example_doc["events"][0]
    assert ev["sub_event_type"] == "Air/drone strike"
    assert ev["event_date"] == "2023-04-03" and ev["time_precision"] == 1
    assert ev["actor1"] == "Military Forces of the United States"
    assert ev["actor2"] == "Islamic State"
    assert ev["country"] == "Syria" and ev["geo_precision"] == 3
    assert ev["fatalities"] == 1
    assert ev["reported_by"] == "US Central Command"
    assert ev["trigger"]["text"] == "ضربة جوية"


def test_example_arrest(example_doc):
    arrests = [e for e in example_doc["events"] if e["sub_event_type"] == "Arrests"]
    assert len(arrests) == 1
    ev = arrests[0]
    assert ev["actor1"] == "SDF: Syrian Democratic Forces"
    assert "Global Coalition Against Daesh" in ev["assoc_actor_1"]
    assert ev["actor2"] == "Islamic State"
    assert (ev["event_date"], ev["date_start"], ev["date_end"]) == ("2023-03-15", "2023-03-11", "2023-03-20")
    assert ev["time_precision"] == 2 and ev["geo_precision"] == 2
    assert ev["location"] == "Deir ez-Zor" and ev["arrests"] == 1


def test_example_coalition_operations_and_non_events(example_doc, tmp_path):
    evs = example_doc["events"]
    feb = [e for e in evs if e["event_date"] == "2023-02-24"]
    assert len(feb) >= 2  # "two security operations" are two events
    assert all(e["actor1"] == "Global Coalition Against Daesh" and e["country"] == "Syria" for e in feb)
    text = EXAMPLE.read_text(encoding="utf-8")
    first_end = text.index("\n")
    last_start = text.rstrip().rindex("\n") + 1
    for e in evs:
        for sp in e["evidence"]:
            assert text[sp["start"]:sp["end"]] == sp["text"]
            assert sp["start"] >= first_end, "generic first sentence coded"
            assert sp["start"] < last_start, "aggregate last sentence coded"


def test_jsonl_input_keeps_ids_and_order(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"id": "b", "text": "قتل ثلاثة جنود في هجوم مسلح أمس", "published": "2024-03-12"},
                            ensure_ascii=False) + "\n"
                 + json.dumps({"id": "a", "text": "لا شيء هنا"}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    r = run("extract", str(p))
    assert r.exit_code == 0
    assert [d["id"] for d in events_of(r)] == ["b", "a"]


def test_csv_and_geojson_formats(tmp_path):
    out = tmp_path / "e.csv"
    r = run("extract", str(EXAMPLE), "--published", "2023-04-04", "--format", "csv", "-o", str(out))
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and rows[0]["event_date"] == "2023-04-03"
    r = run("extract", str(EXAMPLE), "--published", "2023-04-04", "--format", "geojson")
    fc = json.loads(r.stdout)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(rows)


def test_stdin_and_text_format():
    r = run("extract", "-", "--published", "2024-03-12", "--format", "text",
            input="قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس.")
    assert r.exit_code == 0
    assert "Air/drone strike" in r.stdout and "2024-03-11" in r.stdout


# --- bad input: one clear line on stderr, non-zero exit, never a traceback

def assert_clean_error(r, words):
    assert r.exit_code != 0
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    assert any(w in r.stderr for w in words), r.stderr


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("   \n", encoding="utf-8")
    assert_clean_error(run("extract", str(p)), ["empty"])


def test_non_utf8_file(tmp_path):
    p = tmp_path / "cp1256.txt"
    p.write_bytes("قتل ثلاثة".encode("cp1256"))
    assert_clean_error(run("extract", str(p)), ["UTF-8"])


def test_directory(tmp_path):
    assert_clean_error(run("extract", str(tmp_path)), ["directory"])


def test_missing_file(tmp_path):
    assert_clean_error(run("extract", str(tmp_path / "nope.txt")), ["no such file"])


def test_bad_jsonl_lines_reported_with_line_numbers_rest_processed(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text('{"id": "ok1", "text": "غارة جوية على حلب أمس"}\n'
                 "this is not json\n"
                 '{"id": "no-text"}\n'
                 '{"id": "ok2", "text": "قتل جندي في هجوم"}\n', encoding="utf-8")
    r = run("extract", str(p), "--published", "2024-03-12")
    assert_clean_error(r, [":2:"])
    assert ":3:" in r.stderr and "text" in r.stderr
    assert [d["id"] for d in events_of(r)] == ["ok1", "ok2"]


def test_invalid_published():
    r = run("extract", str(EXAMPLE), "--published", "2023-13-45")
    assert_clean_error(r, ["published"])


def test_eval_bad_gold_file(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_text("{not json\n", encoding="utf-8")
    assert_clean_error(run("eval", str(p)), ["not valid JSON"])


def test_eval_on_a_small_gold_file(tmp_path):
    text = "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس."
    gold = {"id": "g1", "published": "2024-03-12", "text": text, "events": [{
        "mentions": [[0, len(text)]], "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike", "event_date": "2024-03-11", "time_precision": 1,
        "actor1": "", "actor2": "Civilians (Syria)", "country": "Syria", "admin1": "Idlib",
        "location": "Idlib", "latitude": 35.93, "longitude": 36.63, "fatalities": 3}]}
    p = tmp_path / "gold.jsonl"
    p.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    r = run("eval", str(p), "--errors")
    assert r.exit_code == 0, r.stderr
    assert "detection F1" in r.stdout and "1.000" in r.stdout


def test_ner_option_adds_name_entities():
    text = "قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن الهجوم إرهابي."
    plain = events_of(run("extract", "-", input=text))[0]
    tagged = events_of(run("extract", "-", "--ner", input=text))[0]
    ner = [e for e in tagged["entities"] if e["source"] == "ner"]
    assert not [e for e in plain["entities"] if e["source"] == "ner"]
    assert any(e["type"] == "PER" and "ماكرون" in e["text"] for e in ner)
    for e in ner:
        assert text[e["start"]:e["end"]] == e["text"]


def test_serve_refuses_workers_and_processes_together():
    res = run("serve", "--workers", "2", "--processes", "2")
    assert res.exit_code != 0
    assert "use --workers or --processes, not both" in res.output
    assert "Traceback" not in res.output


# --- `rasid serve` that cannot start: what failed, in one line (issue #23)

@pytest.fixture
def served(monkeypatch):
    """Record uvicorn.run instead of serving; the list holds each call's (app, kwargs)."""
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    return calls


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def assert_one_line_error(res, words):
    assert_clean_error(res, words)
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert "Rasid at" not in res.stderr


def test_serve_starts_uvicorn_when_all_is_well(served):
    port = free_port()
    res = run("serve", "--port", str(port))
    assert res.exit_code == 0, res.stderr
    assert f"Rasid at http://127.0.0.1:{port}/" in res.stderr
    (app_, kw), = served
    assert kw["port"] == port and kw["host"] == "127.0.0.1"


def test_serve_missing_page_files(served, monkeypatch, tmp_path):
    import rasid.serve.api as api

    monkeypatch.setattr(api, "STATIC_DIR", tmp_path / "static")
    res = run("serve", "--port", str(free_port()))
    assert_one_line_error(res, ["the web page's files are missing from this installation"])
    assert "reinstall Rasid" in res.stderr and "store" not in res.stderr
    assert not served

    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "index.html").write_text("<html></html>", encoding="utf-8")
    res = run("serve", "--port", str(free_port()))
    assert_one_line_error(res, ["are missing from this installation"])
    assert "vendor/leaflet/leaflet.js" in res.stderr and "index.html" not in res.stderr.split("(")[1]
    assert not served


def test_serve_port_in_use(served):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        res = run("serve", "--port", str(port))
    assert_one_line_error(res, [f"port {port} on 127.0.0.1 is already in use"])
    assert not served


def test_serve_host_it_cannot_listen_on(served):
    res = run("serve", "--host", "203.0.113.7", "--port", str(free_port()))  # TEST-NET-3, not ours
    assert_one_line_error(res, ["cannot listen on 203.0.113.7"])
    assert not served


def test_serve_store_that_cannot_be_opened(served, tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database\n", encoding="utf-8")
    for args, db, why in (([], folder, "disk I/O error"),
                          (["--write-key", "k"], junk, "file is not a database"),
                          (["--workers", "2"], folder, "disk I/O error"),
                          ([], "postgresql://nobody@127.0.0.1:1/none", "connection")):
        res = run("serve", "--db", str(db), *args, "--port", str(free_port()))
        assert_one_line_error(res, [f"cannot open the store {db}: "])
        assert why in res.stderr
        assert res.stderr.count(str(db)) == 1, res.stderr  # named once
        assert not served


def test_serve_failure_without_a_store_does_not_blame_one(served, monkeypatch):
    import rasid.serve.api as api

    def boom(**kw):
        raise RuntimeError("something else broke\nsecond line")

    monkeypatch.setattr(api, "create_app", boom)
    res = run("serve", "--port", str(free_port()))
    assert_one_line_error(res, ["cannot start the server: something else broke"])
    assert "store" not in res.stderr and "None" not in res.stderr
    assert not served
