"""Lines that point to other stories on a news page: "اقرأ أيضا: ..."، "قد يهمك: ..."، or a
"read also" line alone with the headline on the next line. The acts they name are another
article's, told by its headline alone with no date or place of their own: the event detector
codes no event from them (data/text/link_markers.tsv)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .normalize import fold

_DATA = Path(__file__).resolve().parent.parent / "data" / "text" / "link_markers.tsv"
_TRIM = " :：.-–—/…\u00a0"


@cache
def _markers() -> tuple[str, ...]:
    with open(_DATA, encoding="utf-8") as fh:
        rows = [ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")]
    return tuple(sorted({fold(r) for r in rows[1:]}, key=len, reverse=True))  # longest first


def link_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the lines that point to other stories."""
    out: list[tuple[int, int]] = []
    markers = _markers()
    headline_next = False
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip(_TRIM + "\t\r")
        if not stripped:
            continue
        if headline_next:  # "اقرأ أيضاً:" alone, then the headline
            out.append((start, end))
            headline_next = False
            continue
        head = fold(stripped[:40])
        marker = next((m for m in markers if head.startswith(m)), None)
        if marker is None:
            continue
        out.append((start, end))
        headline_next = not head[len(marker):].strip(_TRIM)
    return out
