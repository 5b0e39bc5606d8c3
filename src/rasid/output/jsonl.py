"""JSON Lines writer: one document per line, CODEBOOK section 3."""

from __future__ import annotations

import json
from typing import IO, Iterable

from ..model import Document


def document_line(doc: Document, explain: bool = False) -> str:
    return json.dumps(doc.output(explain=explain), ensure_ascii=False)


def write_jsonl(docs: Iterable[Document], fh: IO[str], explain: bool = False) -> int:
    n = 0
    for doc in docs:
        fh.write(document_line(doc, explain) + "\n")
        n += 1
    return n
