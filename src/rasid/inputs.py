"""Reading documents from the command line's inputs: .txt, .jsonl, or '-' for stdin.

Problems with the input are user mistakes, not bugs: they come back as ``InputProblem`` values
with a one-line message (and a line number for JSON Lines), so the caller reports them and goes
on with the rest.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator


@dataclass(slots=True)
class DocInput:
    text: str
    id: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str = ""  # file[:line], for messages
    extra: dict = field(default_factory=dict)

    def meta(self) -> dict:
        return {"id": self.id, "published": self.published, "source": self.source,
                "url": self.url, "title": self.title}


@dataclass(slots=True)
class InputProblem:
    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def _decode(raw: bytes, origin: str) -> str | InputProblem:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            return InputProblem(origin, "not valid UTF-16 text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputProblem(origin, f"not UTF-8 text (invalid byte at offset {exc.start}); "
                                    "convert it with e.g. `iconv -f cp1256 -t utf-8`")


_FIELDS = ("id", "published", "source", "url", "title")


def _jsonl_docs(text: str, origin: str) -> Iterator[DocInput | InputProblem]:
    for n, line in enumerate(text.splitlines(), start=1):
        where = f"{origin}:{n}"
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(where, f"not valid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield InputProblem(where, "a JSON object with a \"text\" field is expected")
            continue
        body = obj.get("text")
        if not isinstance(body, str):
            yield InputProblem(where, "missing \"text\" field (a string)")
            continue
        if not body.strip():
            yield InputProblem(where, "empty \"text\"")
            continue
        meta = {k: (None if obj.get(k) is None else str(obj.get(k))) for k in _FIELDS}
        extra = {k: v for k, v in obj.items() if k not in _FIELDS and k != "text"}
        yield DocInput(text=body, origin=where, extra=extra, **meta)


def read_inputs(paths: list[str]) -> Iterator[DocInput | InputProblem]:
    """Documents from each input in order; problems are yielded in place, never raised."""
    for p in paths:
        if p == "-":
            raw = sys.stdin.buffer.read()
            text = _decode(raw, "<stdin>")
            if isinstance(text, InputProblem):
                yield text
            elif not text.strip():
                yield InputProblem("<stdin>", "empty input")
            elif text.lstrip().startswith("{"):
                yield from _jsonl_docs(text, "<stdin>")
            else:
                yield DocInput(text=text, origin="<stdin>")
            continue
        path = Path(p)
        if not path.exists():
            yield InputProblem(p, "no such file")
            continue
        if path.is_dir():
            yield InputProblem(p, "is a directory; give the files inside it (e.g. DIR/*.txt)")
            continue
        try:
            raw = path.read_bytes()
        except OSError as exc:
            yield InputProblem(p, f"cannot read ({exc.strerror})")
            continue
        text = _decode(raw, p)
        if isinstance(text, InputProblem):
            yield text
            continue
        if not text.strip():
            yield InputProblem(p, "empty file")
            continue
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from _jsonl_docs(text, p)
        else:
            yield DocInput(text=text, origin=p, id=path.stem)
