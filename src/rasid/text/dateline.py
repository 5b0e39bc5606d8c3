"""News datelines: "دبي، الإمارات العربية المتحدة (CNN)-- ..." names where the outlet filed
from, not where the events happened; the places in it must not locate events."""

from __future__ import annotations

import re

# up to ~80 characters of place names, then an agency in brackets, then a dash
_AGENCY = r"(?:[A-Za-z][A-Za-z .]{1,20}|رويترز|أ ?ف ?ب|الأناضول|واس|سانا|د ?ب ?أ|يو ?بي ?آي)"
_DATELINE_RE = re.compile(r"^\s*[^\n()]{0,80}?\(\s*" + _AGENCY + r"\s*\)\s*[-–—]+\s*")


def dateline_end(text: str) -> int:
    """Offset where the dateline ends (0 when there is none)."""
    m = _DATELINE_RE.match(text[:160])
    return m.end() if m else 0
