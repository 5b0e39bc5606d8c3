"""The event store (SQLite or PostgreSQL) with cross-source deduplication and queries."""

from .dedup import cluster_events
from .store import Store, StoreError, open_store

__all__ = ["Store", "StoreError", "cluster_events", "open_store"]
