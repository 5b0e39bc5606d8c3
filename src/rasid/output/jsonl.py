"""JSON Lines writer: one document per line, CODEBOOK section 3."""

from __future__ import annotations

import json
from typing import IO, Iterable

from ..model import Document


_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)  # output() is a plain tree


def document_line(doc: Document, explain: bool = False) -> str:
    """The document's JSON line (as ``json.dumps(doc.output(), ensure_ascii=False)``, a quarter
    faster: the circular-reference check is skipped for what is always a tree of plain values)."""
    return _ENCODER.encode(doc.output(explain=explain))


def write_jsonl(docs: Iterable[Document], fh: IO[str], explain: bool = False) -> int:
    n = 0
    for doc in docs:
        fh.write(document_line(doc, explain) + "\n")
        n += 1
    return n
