"""Rasid (راصد): structured, verifiable conflict-event data from Arabic news."""

from .model import Document, Entity, Event, Quote, Span, Timex
from .pipeline import InputError, Pipeline, default_pipeline, extract

__version__ = "0.1.0"
__all__ = ["Document", "Entity", "Event", "InputError", "Pipeline", "Quote", "Span", "Timex",
           "default_pipeline", "extract", "__version__"]
