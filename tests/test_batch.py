"""`batch`: the Dask engine on a LocalCluster gives exactly the local engine's output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasid.corpus.batch import run_batch

FIX = Path(__file__).parent / "fixtures" / "corpus"
INPUTS = [str(FIX / "strikes.jsonl"), str(FIX / "feeds"), str(FIX / "site")]


def _parts(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("part-*.jsonl"))}


def test_local_parts_keep_input_order(tmp_path):
    s = run_batch(INPUTS, tmp_path / "one", engine="local", workers=1, part_size=3)
    parts = _parts(tmp_path / "one")
    assert list(parts) == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl",
                           "part-00003.jsonl"]
    ids = [json.loads(line)["id"] for text in parts.values() for line in text.splitlines()]
    assert ids[:3] == ["sy24-1", "enab-1", "arabiya-1"] and "feed-a-1" in ids
    assert s.documents == len(ids) == 10 and len(s.errors) == 2  # no text; bad date
    assert s.events == sum(len(json.loads(l)["events"]) for t in parts.values() for l in t.splitlines())
    multi = run_batch(INPUTS, tmp_path / "two", engine="local", workers=2, part_size=3)
    assert _parts(tmp_path / "two") == parts and multi.events == s.events


def test_dask_engine_equals_local(tmp_path):
    pytest.importorskip("distributed")
    run_batch(INPUTS, tmp_path / "local", engine="local", workers=1, part_size=4)
    run_batch(INPUTS, tmp_path / "dask", engine="dask", workers=2, part_size=4)
    local, dask = _parts(tmp_path / "local"), _parts(tmp_path / "dask")
    assert local and local == dask
    assert json.loads((tmp_path / "dask" / "_SUCCESS.json").read_text())["engine"] == "dask"


def test_parquet_parts(tmp_path):
    import pyarrow.parquet as pq

    s = run_batch(INPUTS, tmp_path / "pq", engine="local", workers=1, part_size=5, fmt="parquet")
    table = pq.read_table(tmp_path / "pq")
    assert table.num_rows == s.documents == 10
    rows = table.to_pylist()
    assert sum(r["n_events"] for r in rows) == s.events
    assert all(len(json.loads(r["events"])) == r["n_events"] for r in rows)
