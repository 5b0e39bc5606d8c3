"""The event store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Nested parts of a document (events, their evidence spans, entities, quotes) get tables of their
own so that they can be filtered in SQL; everything is keyed by the document id so that a
document and all it produced are written, and rolled back, in one transaction.
"""

from __future__ import annotations

from sqlalchemy import (Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(200), primary_key=True),
    Column("text_hash", String(40), nullable=False, unique=True),  # same text = same document
    Column("published", String(10)),
    Column("source", String(200), nullable=False, default=""),
    Column("url", Text),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("warnings", Text, nullable=False, default="[]"),  # JSON list
    Column("timex", Text, nullable=False, default="[]"),  # JSON list (section 3)
    Column("n_events", Integer, nullable=False, default=0),
    Column("seq", Integer, nullable=False),  # insertion order, for stable listings
)

# Scalar CODEBOOK section 4 fields, in output order (evidence and trigger are stored apart).
EVENT_FIELDS: list[tuple[str, type]] = [
    ("event_date", String), ("date_start", String), ("date_end", String),
    ("time_precision", Integer), ("disorder_type", String), ("event_type", String),
    ("sub_event_type", String), ("actor1", String), ("assoc_actor_1", String), ("inter1", Integer),
    ("actor2", String), ("assoc_actor_2", String), ("inter2", Integer), ("interaction", Integer),
    ("civilian_targeting", String), ("country", String), ("iso", Integer), ("region", String),
    ("admin1", String), ("admin2", String), ("admin3", String), ("location", String),
    ("latitude", Float), ("longitude", Float), ("geo_precision", Integer), ("fatalities", Integer),
    ("injuries", Integer), ("arrests", Integer), ("source", String), ("reported_by", String),
    ("notes", Text), ("confidence", Float),
]


def _field_column(name: str, kind: type) -> Column:
    if kind is String:
        return Column(name, String(300 if name.startswith(("actor", "assoc")) else 120))
    return Column(name, kind)


events = Table(
    "events", metadata,
    Column("event_id", String(40), primary_key=True),
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False),
    Column("idx", Integer, nullable=False),  # position in the document's event list
    *[_field_column(n, k) for n, k in EVENT_FIELDS],
    Column("trigger_start", Integer), Column("trigger_end", Integer), Column("trigger_text", Text),
    Column("search", Text, nullable=False, default=""),  # folded text for `text=` search
    Column("cluster_id", String(40)),
    Index("ix_events_date", "event_date"),
    Index("ix_events_country", "country", "admin1"),
    Index("ix_events_type", "event_type"),
    Index("ix_events_doc", "document_id", "idx"),
    Index("ix_events_cluster", "cluster_id"),
)

evidence = Table(
    "evidence", metadata,
    Column("event_id", String(40), ForeignKey("events.event_id", ondelete="CASCADE"),
           primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("document_id", String(200), nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_evidence_doc", "document_id"),
)

entities = Table(
    "entities", metadata,
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("type", String(20), nullable=False),
    Column("canonical", Text), Column("entity_id", String(120)),
    Column("source", String(40), nullable=False, default=""),
    Index("ix_entities_canonical", "canonical"),
)

quotes = Table(
    "quotes", metadata,
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("speaker", Text, nullable=False, default=""),
    Column("speaker_start", Integer), Column("speaker_end", Integer),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("cue", String(60), nullable=False, default=""),
)

clusters = Table(
    "clusters", metadata,
    Column("cluster_id", String(40), primary_key=True),
    Column("canonical_event_id", String(40), nullable=False),
    Column("n_events", Integer, nullable=False),
    Column("source_count", Integer, nullable=False),
    Column("sources", Text, nullable=False),  # JSON list of outlet names
    Column("document_ids", Text, nullable=False),  # JSON list
    Column("event_type", String(120)), Column("event_date", String(10)),
    Column("date_start", String(10)), Column("date_end", String(10)),
    Column("country", String(120)), Column("admin1", String(120)), Column("location", String(120)),
    Column("fatalities_min", Integer), Column("fatalities_max", Integer),
)
