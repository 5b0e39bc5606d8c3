"""Output stage: JSON Lines, ACLED CSV and GeoJSON writers."""

from .acled_csv import ACLED_COLUMNS, COLUMNS, event_row, write_csv
from .geojson import event_feature, feature_collection, write_geojson
from .jsonl import document_line, write_jsonl

FORMATS = ("jsonl", "csv", "geojson", "text")

__all__ = ["ACLED_COLUMNS", "COLUMNS", "FORMATS", "document_line", "event_feature", "event_row",
           "feature_collection", "write_csv", "write_geojson", "write_jsonl"]
