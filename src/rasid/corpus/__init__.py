"""Corpora: reading news harvests, ingesting them into the store, and batch extraction."""

from .ingest import IngestSummary, ingest
from .sources import iter_documents

__all__ = ["IngestSummary", "ingest", "iter_documents"]
