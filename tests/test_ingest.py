"""Corpus inputs (dirs, RSS, HTML) and `ingest`: idempotent, and a run killed mid-way then
restarted ends with exactly the store of an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasid.corpus import ingest, iter_documents
from rasid.inputs import DocInput, InputProblem
from rasid.store import open_store

FIX = Path(__file__).parent / "fixtures" / "corpus"
STRIKES = str(FIX / "strikes.jsonl")


def test_directory_reads_txt_html_and_feeds():
    items = list(iter_documents([str(FIX / "site"), str(FIX / "feeds")]))
    docs = [i for i in items if isinstance(i, DocInput)]
    assert [d.id for d in docs] == ["daraa", "note", "feed-a-1", "feed-a-2"]
    page = docs[0]
    assert "مئات المتظاهرين" in page.text and "الرئيسية" not in page.text  # boilerplate gone
    assert page.title == "مظاهرة في درعا" and page.published == "2024-03-18"
    feed = docs[2]
    assert feed.published == "2024-03-13" and feed.source == "Test Feed"
    assert feed.url == "https://example.org/a/1" and "<p>" not in feed.text
    assert feed.text.startswith("قصف على بلدة سرمين")


def test_problems_are_reported_not_raised(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "broken.xml").write_text("<?xml version='1.0'?><rss><channel>", encoding="utf-8")
    (tmp_path / "blank.html").write_text("<html><body></body></html>", encoding="utf-8")
    items = list(iter_documents([str(tmp_path / "empty"), str(tmp_path / "broken.xml"),
                                 str(tmp_path / "blank.html"), str(tmp_path / "nope.txt")]))
    assert all(isinstance(i, InputProblem) for i in items) and len(items) == 4
    assert all("\n" not in str(i) for i in items)


def test_ingest_is_idempotent(tmp_path):
    db = str(tmp_path / "s.sqlite")
    first = ingest([STRIKES], db, progress=False)
    # 8 lines: 1 without text (input problem), 1 bad date (extraction error), 1 repeated text
    assert first.inputs == 7 and first.added == 5 and first.skipped == 1
    assert len(first.errors) == 2
    assert any("no-text" in e or ":8" in e for e in first.errors)
    assert any("invalid published date" in e for e in first.errors)
    before = open_store(db).stats()
    again = ingest([STRIKES, str(FIX / "feeds")], db, progress=False)
    assert again.added == 2 and again.skipped >= 6  # only the feed's documents are new
    third = ingest([STRIKES, str(FIX / "feeds")], db, progress=False)
    assert third.added == 0
    after = open_store(db).stats()
    assert after["documents"] == before["documents"] + 2


def test_ingest_clusters_the_same_strike_across_outlets(tmp_path):
    db = str(tmp_path / "s.sqlite")
    s = ingest([STRIKES], db, progress=False)
    store = open_store(db)
    strikes, _ = store.query_events(text="سرمين")
    by_doc = {e["document_id"]: e for e in strikes}
    assert {"sy24-1", "enab-1", "arabiya-1", "sy24-2"} <= set(by_doc)
    same = {by_doc[d]["cluster_id"] for d in ("sy24-1", "enab-1", "arabiya-1")}
    assert len(same) == 1
    assert by_doc["sy24-2"]["cluster_id"] not in same  # the next day's strike
    cl = store.get_cluster(same.pop())
    assert cl["source_count"] == 3 and cl["n_events"] == 3
    assert s.dedup["events"] - s.dedup["clusters"] >= 2


CHILD = r"""
import importlib, os, sys, time
ing = importlib.import_module("rasid.corpus.ingest")  # the package re-exports a function of that name
st = importlib.import_module("rasid.store.store")
mode, db, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
if mode == "slow":
    orig = ing._extract_one
    def slow(item):
        time.sleep(0.15)
        return orig(item)
    ing._extract_one = slow
elif mode == "die-in-transaction":
    orig_insert = st.Store._insert
    calls = {"n": 0}
    def dying(self, conn, docs):
        n = orig_insert(self, conn, docs)  # rows written, transaction not committed
        calls["n"] += 1
        if calls["n"] == 3:
            os._exit(9)
        return n
    st.Store._insert = dying
ing.ingest(inputs, db, commit_every=1, progress=False)
"""


def _child(mode: str, db: str, inputs: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CHILD, mode, db, *inputs],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _snapshot(db: str) -> tuple:
    store = open_store(db)
    s = store.stats()
    events = sorted((e["event_id"], e["document_id"], e["cluster_id"], e["fatalities"])
                    for e in store.iter_events())
    clusters = sorted((c["cluster_id"], tuple(c["document_ids"])) for c in store.iter_clusters())
    store.close()
    return s["documents"], s["events"], s["clusters"], events, clusters


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("ref") / "ref.sqlite")
    ingest([STRIKES, str(FIX / "feeds"), str(FIX / "site")], db, progress=False)
    return _snapshot(db)


INPUTS = [STRIKES, str(FIX / "feeds"), str(FIX / "site")]


def test_killed_mid_run_then_resumed_equals_uninterrupted(tmp_path, reference):
    db = str(tmp_path / "k.sqlite")
    proc = _child("slow", db, INPUTS)
    deadline = time.time() + 60
    while time.time() < deadline:  # wait until some, not all, documents are stored
        if os.path.exists(db):
            try:
                n = open_store(db, read_only=True).stats()["documents"]
            except Exception:  # noqa: BLE001 - schema still being created
                n = 0
            if n >= 2:
                break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = open_store(db).stats()["documents"]
    assert 2 <= partial < reference[0], proc.stderr.read().decode()[-500:]
    ingest(INPUTS, db, progress=False)
    assert _snapshot(db) == reference


def test_killed_inside_a_transaction_leaves_no_half_document(tmp_path, reference):
    db = str(tmp_path / "t.sqlite")
    proc = _child("die-in-transaction", db, INPUTS)
    assert proc.wait(timeout=60) == 9, proc.stderr.read().decode()[-500:]
    store = open_store(db)
    s = store.stats()
    assert s["documents"] == 2  # the third write was rolled back with all its rows
    with store.engine.connect() as conn:
        from sqlalchemy import text
        orphans = conn.execute(text("SELECT count(*) FROM events WHERE document_id NOT IN "
                                    "(SELECT id FROM documents)")).scalar_one()
    assert orphans == 0
    ingest(INPUTS, db, progress=False)
    assert _snapshot(db) == reference
