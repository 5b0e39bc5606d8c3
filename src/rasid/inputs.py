"""Reading documents from the command line's inputs: .txt, .jsonl, or '-' for stdin.

Problems with the input are user mistakes, not bugs: they come back as ``InputProblem`` values
with a one-line message (and a line number for JSON Lines), so the caller reports them and goes
on with the rest.
"""

from __future__ import annotations

import json
import re
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


_SURROGATE = re.compile("[\ud800-\udfff]")
_HTML_HEAD = re.compile(rb"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])",
                        re.IGNORECASE | re.DOTALL)


def replace_surrogates(text: str) -> str:
    """Unpaired surrogates (a JSON "\\ud800" escape, a cut emoji) become U+FFFD.

    They cannot be written as UTF-8, so output would fail far from the cause; one code point
    stays one code point, so offsets do not move.
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _high_share(half: bytes) -> float:
    """Share of bytes that are the high byte of a Latin (0x00) or Arabic (0x06) UTF-16 unit."""
    return (half.count(0) + half.count(6)) / max(1, len(half))


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: one byte of each pair is nearly always 0x00
    or 0x06 (Latin or Arabic), which UTF-8 text never shows."""
    n = len(raw)
    if n < 8 or n % 2 or (0 not in raw and 6 not in raw):
        return None
    sample = raw[:20_000]
    even, odd = _high_share(sample[0::2]), _high_share(sample[1::2])
    codec = ("utf-16-le" if odd >= 0.9 and even < 0.5 else
             "utf-16-be" if even >= 0.9 and odd < 0.5 else None)
    if codec is None:
        return None
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode(raw: bytes, origin: str) -> str | InputProblem:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return replace_surrogates(raw.decode("utf-16"))
        except UnicodeDecodeError:
            return InputProblem(origin, "not valid UTF-16 text")
    else:
        text = _utf16_without_bom(raw)
        if text is not None:
            return replace_surrogates(text)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":
            return InputProblem(origin, f"truncated UTF-8 text (cut in the middle of a character at "
                                        f"byte {exc.start}); was the file cut off?")
        return InputProblem(origin, f"not UTF-8 text (invalid byte at offset {exc.start}); "
                                    "convert it with e.g. `iconv -f cp1256 -t utf-8`")


def _html_problem(text: str, origin: str) -> InputProblem | None:
    if _HTML_HEAD.match(text[:4000].encode("utf-8", "replace")):
        return InputProblem(origin, "an HTML page, not plain text: give the article's text, or "
                                    "read saved pages with `rasid ingest`/`rasid batch`")
    return None


_FIELDS = ("id", "published", "source", "url", "title")


def _jsonl_lines(raw: bytes, origin: str) -> Iterator[tuple[int, str | InputProblem]]:
    """Lines of a JSON Lines file that is not UTF-8 as a whole: only the bad lines are lost."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for n, line in enumerate(raw.split(b"\n"), start=1):
        try:
            yield n, line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield n, InputProblem(f"{origin}:{n}", f"not UTF-8 text (invalid byte at offset {exc.start})")


def _jsonl_docs(text: str | Iterator, origin: str) -> Iterator[DocInput | InputProblem]:
    # Only "\n" ends a line: str.splitlines() would also split on U+2028, U+0085 and form feeds,
    # which JSON strings may hold unescaped.
    lines = enumerate(text.split("\n"), start=1) if isinstance(text, str) else text
    for n, line in lines:
        where = f"{origin}:{n}"
        if isinstance(line, InputProblem):
            yield line
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(where, f"not valid JSON ({exc.msg})")
            continue
        except RecursionError:
            yield InputProblem(where, "not valid JSON (nested too deeply)")
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
        meta = {k: (None if obj.get(k) is None else replace_surrogates(str(obj.get(k))))
                for k in _FIELDS}
        extra = {k: v for k, v in obj.items() if k not in _FIELDS and k != "text"}
        yield DocInput(text=replace_surrogates(body), origin=where, extra=extra, **meta)


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
                yield _html_problem(text, "<stdin>") or DocInput(text=text, origin="<stdin>")
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
        jsonl = path.suffix.lower() in (".jsonl", ".ndjson")
        text = _decode(raw, p)
        if isinstance(text, InputProblem):
            if jsonl and raw.strip() and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                yield from _jsonl_docs(_jsonl_lines(raw, p), p)
            else:
                yield text
            continue
        if not text.strip():
            yield InputProblem(p, "empty file")
            continue
        if jsonl:
            yield from _jsonl_docs(text, p)
        else:
            yield _html_problem(text, p) or DocInput(text=text, origin=p, id=path.stem)
