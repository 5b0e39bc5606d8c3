"""The event store: documents and what Rasid found in them, on SQLite or PostgreSQL.

One document is written with all its events, evidence, entities and quotes in one transaction,
keyed by its id and by a hash of its text, so re-adding a document changes nothing and a process
killed mid-write leaves no half document behind. Clusters (dedup.py) are recomputed from the
stored events, so they depend only on what is stored.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterable, Iterator

from sqlalchemy import (bindparam, create_engine, delete, event, func, insert, or_, select,
                        update)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from ..model import Document
from ..text.normalize import fold
from . import schema as S
from .dedup import cluster_events

_EVENT_COLS = [n for n, _ in S.EVENT_FIELDS]


class StoreError(Exception):
    """The store cannot be opened or written (bad URL, missing file, server down)."""


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def _url(url_or_path: str, read_only: bool) -> str:
    if "://" in url_or_path:
        if url_or_path.startswith("postgresql://"):  # pg8000: pure Python, BSD-licensed
            return "postgresql+pg8000://" + url_or_path[len("postgresql://"):]
        return url_or_path
    path = Path(url_or_path).expanduser().resolve()
    if read_only:
        if not path.exists():
            raise StoreError(f"{url_or_path}: no such store")
        return f"sqlite:///file:{path}?mode=ro&uri=true"
    if not path.parent.exists():
        raise StoreError(f"{url_or_path}: folder {path.parent} does not exist")
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    try:
        cur.execute("PRAGMA journal_mode=WAL")  # readers don't block the ingesting writer
        cur.execute("PRAGMA synchronous=NORMAL")
    except Exception:  # read-only connections cannot switch journal mode
        pass
    cur.close()


def _search_text(ev: dict) -> str:
    parts = [s["text"] for s in ev.get("evidence") or []]
    parts += [ev.get(k) or "" for k in ("notes", "actor1", "actor2", "assoc_actor_1",
                                         "assoc_actor_2", "location", "admin1", "country")]
    return fold(" ".join(parts))


def _like_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class Store:
    """Documents, events, evidence, entities, quotes and clusters behind one SQLAlchemy engine."""

    def __init__(self, engine: Engine, read_only: bool = False):
        self.engine = engine
        self.read_only = read_only
        self.backend = engine.dialect.name

    # ---- writing -------------------------------------------------------------------------
    def has_document(self, doc_id: str | None = None, text: str | None = None) -> bool:
        conds = []
        if doc_id:
            conds.append(S.documents.c.id == doc_id)
        if text is not None:
            conds.append(S.documents.c.text_hash == text_hash(text))
        if not conds:
            return False
        with self.engine.connect() as conn:
            return conn.execute(select(S.documents.c.id).where(or_(*conds)).limit(1)).first() is not None

    def known_keys(self) -> tuple[set[str], set[str]]:
        """All stored document ids and text hashes (ingest skips these without extracting)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(S.documents.c.id, S.documents.c.text_hash)).all()
        return {r[0] for r in rows}, {r[1] for r in rows}

    def add_document(self, doc: Document) -> bool:
        """Store one extracted document with everything it holds; False if already there."""
        return self.add_documents([doc]) == 1

    def add_documents(self, docs: Iterable[Document]) -> int:
        """Store several documents in ONE transaction; returns how many were new."""
        docs = list(docs)
        if not docs:
            return 0
        self._writable()
        try:
            with self.engine.begin() as conn:
                return self._insert(conn, docs)
        except IntegrityError as exc:
            if len(docs) > 1:
                return sum(self.add_document(d) for d in docs)
            if self.has_document(docs[0].id, docs[0].text):  # a concurrent writer stored it first
                return 0
            msg = str(getattr(exc, "orig", exc)).splitlines()[0]
            raise StoreError(f"{docs[0].id}: cannot be stored ({msg})") from None

    def _insert(self, conn, docs: list[Document]) -> int:
        ids = [d.id for d in docs]
        hashes = [text_hash(d.text) for d in docs]
        found = conn.execute(select(S.documents.c.id, S.documents.c.text_hash).where(
            or_(S.documents.c.id.in_(ids), S.documents.c.text_hash.in_(hashes)))).all()
        seen_ids, seen_hashes = {r[0] for r in found}, {r[1] for r in found}
        seq = conn.execute(select(func.coalesce(func.max(S.documents.c.seq), 0))).scalar_one()
        drows, erows, evrows, enrows, qrows = [], [], [], [], []
        for doc, h in zip(docs, hashes):
            if doc.id in seen_ids or h in seen_hashes:
                continue
            seen_ids.add(doc.id)
            seen_hashes.add(h)
            seq += 1
            out = doc.model_dump(exclude={"explain"})
            drows.append({"id": doc.id, "text_hash": h, "published": doc.published,
                          "source": doc.source or "", "url": doc.url, "title": doc.title,
                          "text": doc.text, "warnings": json.dumps(doc.warnings, ensure_ascii=False),
                          "timex": json.dumps(out["timex"], ensure_ascii=False),
                          "n_events": len(doc.events), "seq": seq})
            used: set[str] = set()
            for i, ev in enumerate(out["events"]):
                if ev["event_id"] in used:  # ids must be unique in the store: keep both events
                    n = 2
                    while f"{ev['event_id']}~{n}" in used:
                        n += 1
                    ev["event_id"] = f"{ev['event_id']}~{n}"
                used.add(ev["event_id"])
                row = {k: ev.get(k) for k in _EVENT_COLS}
                trig = ev.get("trigger") or {}
                row.update(event_id=ev["event_id"], document_id=doc.id, idx=i,
                           trigger_start=trig.get("start"), trigger_end=trig.get("end"),
                           trigger_text=trig.get("text"), search=_search_text(ev),
                           cluster_id=None)
                erows.append(row)
                for j, sp in enumerate(ev.get("evidence") or []):
                    evrows.append({"event_id": ev["event_id"], "idx": j, "document_id": doc.id,
                                   "start": sp["start"], "end": sp["end"], "text": sp["text"]})
            for i, en in enumerate(out["entities"]):
                enrows.append({"document_id": doc.id, "idx": i, "text": en["text"],
                               "start": en["start"], "end": en["end"], "type": en["type"],
                               "canonical": en.get("canonical"), "entity_id": en.get("id"),
                               "source": en.get("source") or ""})
            for i, q in enumerate(out["quotes"]):
                qrows.append({"document_id": doc.id, "idx": i, "speaker": q.get("speaker") or "",
                              "speaker_start": q.get("speaker_start"),
                              "speaker_end": q.get("speaker_end"), "text": q["text"],
                              "start": q["start"], "end": q["end"], "cue": q.get("cue") or ""})
        for table, rows in ((S.documents, drows), (S.events, erows), (S.evidence, evrows),
                            (S.entities, enrows), (S.quotes, qrows)):
            if rows:
                conn.execute(insert(table), rows)
        return len(drows)

    def recluster(self) -> dict:
        """Recompute the cross-source clusters from all stored events (one transaction)."""
        self._writable()
        cols = [S.events.c.event_id, S.events.c.document_id] + [S.events.c[n] for n in _EVENT_COLS]
        with self.engine.begin() as conn:
            rows = [dict(r._mapping) for r in conn.execute(select(*cols))]
            groups = cluster_events(rows)
            conn.execute(delete(S.clusters))
            crow = [{k: (json.dumps(g[k], ensure_ascii=False) if k in ("sources", "document_ids") else g[k])
                     for k in (c.name for c in S.clusters.columns)} for g in groups]
            for i in range(0, len(crow), 1000):
                conn.execute(insert(S.clusters), crow[i:i + 1000])
            links = [{"eid": e, "cid": g["cluster_id"]} for g in groups for e in g["event_ids"]]
            stmt = update(S.events).where(S.events.c.event_id == bindparam("eid")).values(
                cluster_id=bindparam("cid"))
            for i in range(0, len(links), 2000):
                conn.execute(stmt, links[i:i + 2000])
        multi = [g for g in groups if g["n_events"] > 1]
        return {"events": len(rows), "clusters": len(groups), "merged_clusters": len(multi),
                "multi_source_clusters": sum(1 for g in groups if g["source_count"] > 1)}

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("the store was opened read-only")

    # ---- reading -------------------------------------------------------------------------
    def _filters(self, date_from=None, date_to=None, country=None, admin1=None, event_type=None,
                 actor=None, text=None, canonical_only=False) -> list:
        c = S.events.c
        conds = []
        if date_from:
            conds.append(c.event_date >= str(date_from))
        if date_to:
            conds.append(c.event_date <= str(date_to))
        if country:
            conds.append(func.lower(c.country) == country.strip().lower())
        if admin1:
            conds.append(func.lower(c.admin1) == admin1.strip().lower())
        if event_type:
            conds.append(func.lower(c.event_type) == event_type.strip().lower())
        if actor:
            pat = f"%{_like_escape(actor.strip().lower())}%"
            conds.append(or_(*[func.lower(col).like(pat, escape="\\") for col in
                               (c.actor1, c.actor2, c.assoc_actor_1, c.assoc_actor_2)]))
        if text:
            conds.append(c.search.like(f"%{_like_escape(fold(text.strip()))}%", escape="\\"))
        if canonical_only:
            conds.append(c.event_id.in_(select(S.clusters.c.canonical_event_id)))
        return conds

    def query_events(self, date_from=None, date_to=None, country=None, admin1=None,
                     event_type=None, actor=None, text=None, limit: int = 100,
                     offset: int = 0) -> tuple[list[dict], int]:
        """Events matching every given filter, newest first, and how many match in all."""
        conds = self._filters(date_from, date_to, country, admin1, event_type, actor, text)
        c = S.events.c
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(S.events).where(*conds)).scalar_one()
            rows = conn.execute(select(S.events).where(*conds)
                                .order_by(c.event_date.desc(), c.document_id, c.idx)
                                .limit(max(0, int(limit))).offset(max(0, int(offset)))).all()
            return self._event_dicts(conn, rows), total

    def iter_events(self, canonical_only: bool = False, page: int = 2000, **filters) -> Iterator[dict]:
        """Every matching event in a stable order (date, document, position), page by page."""
        conds = self._filters(canonical_only=canonical_only, **filters)
        c = S.events.c
        last = None
        with self.engine.connect() as conn:
            while True:
                q = select(S.events).where(*conds)
                if last is not None:
                    d, doc, i = last
                    ed = func.coalesce(c.event_date, "")
                    q = q.where(or_(ed > d, (ed == d) & (c.document_id > doc),
                                    (ed == d) & (c.document_id == doc) & (c.idx > i)))
                q = q.order_by(func.coalesce(c.event_date, ""), c.document_id, c.idx).limit(page)
                rows = conn.execute(q).all()
                if not rows:
                    return
                yield from self._event_dicts(conn, rows)
                r = rows[-1]._mapping
                last = (r["event_date"] or "", r["document_id"], r["idx"])

    def _event_dicts(self, conn, rows) -> list[dict]:
        ids = [r._mapping["event_id"] for r in rows]
        spans: dict[str, list] = {}
        if ids:
            for e in conn.execute(select(S.evidence).where(S.evidence.c.event_id.in_(ids))
                                  .order_by(S.evidence.c.event_id, S.evidence.c.idx)):
                spans.setdefault(e.event_id, []).append({"start": e.start, "end": e.end, "text": e.text})
        out = []
        for r in rows:
            m = r._mapping
            ev = {"event_id": m["event_id"]}
            ev.update({k: m[k] for k in _EVENT_COLS if k != "confidence"})
            ev["evidence"] = spans.get(m["event_id"], [])
            ev["trigger"] = (None if m["trigger_start"] is None else
                             {"start": m["trigger_start"], "end": m["trigger_end"], "text": m["trigger_text"]})
            ev["confidence"] = m["confidence"]
            ev["document_id"] = m["document_id"]
            ev["cluster_id"] = m["cluster_id"]
            out.append(ev)
        return out

    def get_document(self, doc_id: str) -> dict | None:
        """The stored document as CODEBOOK section 3 writes it, with its text, title and url."""
        with self.engine.connect() as conn:
            d = conn.execute(select(S.documents).where(S.documents.c.id == doc_id)).first()
            if d is None:
                return None
            evs = conn.execute(select(S.events).where(S.events.c.document_id == doc_id)
                               .order_by(S.events.c.idx)).all()
            ents = conn.execute(select(S.entities).where(S.entities.c.document_id == doc_id)
                                .order_by(S.entities.c.idx)).all()
            qs = conn.execute(select(S.quotes).where(S.quotes.c.document_id == doc_id)
                              .order_by(S.quotes.c.idx)).all()
            events = self._event_dicts(conn, evs)
        m = d._mapping
        return {
            "id": m["id"], "published": m["published"], "source": m["source"], "url": m["url"],
            "title": m["title"], "text": m["text"], "events": events,
            "entities": [{"text": e.text, "start": e.start, "end": e.end, "type": e.type,
                          "canonical": e.canonical, "id": e.entity_id, "source": e.source} for e in ents],
            "timex": json.loads(m["timex"]),
            "quotes": [{"speaker": q.speaker, "speaker_start": q.speaker_start,
                        "speaker_end": q.speaker_end, "text": q.text, "start": q.start,
                        "end": q.end, "cue": q.cue} for q in qs],
            "warnings": json.loads(m["warnings"]),
        }

    def get_cluster(self, cluster_id: str) -> dict | None:
        """A cluster's summary with its member events (canonical first)."""
        with self.engine.connect() as conn:
            c = conn.execute(select(S.clusters).where(S.clusters.c.cluster_id == cluster_id)).first()
            if c is None:
                return None
            rows = conn.execute(select(S.events).where(S.events.c.cluster_id == cluster_id)
                                .order_by(S.events.c.event_date, S.events.c.document_id)).all()
            members = self._event_dicts(conn, rows)
        out = dict(c._mapping)
        out["sources"] = json.loads(out["sources"])
        out["document_ids"] = json.loads(out["document_ids"])
        members.sort(key=lambda e: e["event_id"] != out["canonical_event_id"])
        out["events"] = members
        return out

    def iter_clusters(self, min_events: int = 1) -> Iterator[dict]:
        with self.engine.connect() as conn:
            for c in conn.execute(select(S.clusters).where(S.clusters.c.n_events >= min_events)
                                  .order_by(S.clusters.c.event_date, S.clusters.c.cluster_id)):
                out = dict(c._mapping)
                out["sources"] = json.loads(out["sources"])
                out["document_ids"] = json.loads(out["document_ids"])
                yield out

    def count_events(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(S.events)).scalar_one()

    def stats(self) -> dict:
        """Counts for summaries and the web page: documents, events, clusters, by type/country."""
        c = S.events.c
        with self.engine.connect() as conn:
            one = lambda q: conn.execute(q).scalar_one()  # noqa: E731
            docs = one(select(func.count()).select_from(S.documents))
            events = one(select(func.count()).select_from(S.events))
            clusters = one(select(func.count()).select_from(S.clusters))
            multi = one(select(func.count()).select_from(S.clusters).where(S.clusters.c.source_count > 1))
            merged = one(select(func.count()).select_from(S.clusters).where(S.clusters.c.n_events > 1))
            unclustered = one(select(func.count()).select_from(S.events).where(c.cluster_id.is_(None)))
            dmin, dmax = conn.execute(select(func.min(c.event_date), func.max(c.event_date))).one()
            by_type = dict(conn.execute(select(c.event_type, func.count()).group_by(c.event_type)
                                        .order_by(func.count().desc())).all())
            by_country = dict(conn.execute(select(c.country, func.count()).group_by(c.country)
                                           .order_by(func.count().desc())).all())
            by_source = dict(conn.execute(select(S.documents.c.source, func.count())
                                          .group_by(S.documents.c.source)
                                          .order_by(func.count().desc())).all())
            n_ent = one(select(func.count()).select_from(S.entities))
            n_q = one(select(func.count()).select_from(S.quotes))
        return {"backend": self.backend, "documents": docs, "events": events, "clusters": clusters,
                "merged_clusters": merged, "multi_source_clusters": multi,
                "unclustered_events": unclustered, "entities": n_ent, "quotes": n_q,
                "date_min": dmin, "date_max": dmax, "by_event_type": by_type,
                "by_country": by_country, "documents_by_source": by_source}

    def drop_all(self) -> None:
        """Remove every table (tests, and `--fresh` re-ingests)."""
        self._writable()
        S.metadata.drop_all(self.engine)
        S.metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(url_or_path: str, read_only: bool = False) -> Store:
    """Open (and on first use create) a store: a SQLite file path or a SQLAlchemy URL."""
    url = _url(str(url_or_path), read_only)
    try:
        engine = create_engine(url, future=True, pool_pre_ping=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        elif read_only:
            engine = engine.execution_options(postgresql_readonly=True)
        if not read_only:
            S.metadata.create_all(engine)
        else:
            with engine.connect():
                pass
    except ModuleNotFoundError as exc:
        raise StoreError(f"{url_or_path}: database driver missing ({exc.name})") from None
    except (SQLAlchemyError, OperationalError) as exc:
        msg = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
        raise StoreError(f"{url_or_path}: cannot open store ({msg})") from None
    return Store(engine, read_only=read_only)
