"""Corpus inputs: .txt, .jsonl, directories, RSS/Atom feeds, saved HTML pages and Parquet.

Plain text and JSON Lines go through ``rasid.inputs.read_inputs`` (the same rules and messages
as `rasid extract`); this module adds the formats a daily news harvest comes in. Problems are
yielded as ``InputProblem`` values, never raised, so one bad file does not stop a corpus.
"""

from __future__ import annotations

import datetime as _dt
import html as _html
import re
from pathlib import Path
from typing import Iterator

from ..inputs import DocInput, InputProblem, _decode, read_inputs

TEXT_SUFFIXES = {".txt", ".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
HTML_SUFFIXES = {".html", ".htm"}
PARQUET_SUFFIXES = {".parquet"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | FEED_SUFFIXES | HTML_SUFFIXES | PARQUET_SUFFIXES

_BLOCK_END = re.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/h[1-6]|/li|/blockquote)\s*>")
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n+")


def html_fragment_text(fragment: str) -> str:
    """Text of a small HTML fragment (a feed entry's summary): tags out, paragraphs kept."""
    text = _BLOCK_END.sub("\n", fragment)
    text = _html.unescape(_TAG.sub("", text))
    text = _SPACES.sub(" ", text)
    return _BLANKS.sub("\n\n", "\n".join(line.strip() for line in text.splitlines())).strip()


def _feed_docs(raw: bytes, origin: str) -> Iterator[DocInput | InputProblem]:
    import feedparser

    feed = feedparser.parse(raw)
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield InputProblem(origin, f"no RSS/Atom entries found{why}".splitlines()[0])
        return
    outlet = (feed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(feed.entries, start=1):
        where = f"{origin}#{n}"
        title = html_fragment_text(entry.get("title") or "")
        body = ""
        if entry.get("content"):
            body = html_fragment_text(entry.content[0].get("value") or "")
        if not body:
            body = html_fragment_text(entry.get("summary") or "")
        text = "\n\n".join(x for x in (title, body) if x)
        if not text.strip():
            yield InputProblem(where, "feed entry without title or text")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = _dt.date(*stamp[:3]).isoformat() if stamp else None
        yield DocInput(text=text, id=entry.get("id") or entry.get("link") or None,
                       published=published, source=outlet, url=entry.get("link"),
                       title=title or None, origin=where)


def _html_doc(raw: bytes, origin: str, stem: str) -> DocInput | InputProblem:
    import json

    import trafilatura

    page = _decode(raw, origin)
    if isinstance(page, InputProblem):
        return page
    found = trafilatura.extract(page, output_format="json", with_metadata=True,
                                favor_recall=True, include_comments=False)
    if not found:
        return InputProblem(origin, "no article text found in the HTML page")
    meta = json.loads(found)
    body = (meta.get("text") or "").strip()
    if not body:
        return InputProblem(origin, "no article text found in the HTML page")
    date = meta.get("date")
    if date and date == meta.get("filedate"):
        date = None  # trafilatura falls back to today's date: not a publication date
    return DocInput(text=body, id=stem, published=date, source=meta.get("sitename") or None,
                    url=meta.get("source") or meta.get("url") or None,
                    title=meta.get("title") or None, origin=origin)


def _parquet_docs(path: Path) -> Iterator[DocInput | InputProblem]:
    import pyarrow.parquet as pq

    origin = str(path)
    try:
        table = pq.read_table(path)
    except Exception as exc:  # noqa: BLE001 - any pyarrow failure is a bad input file
        yield InputProblem(origin, f"not a readable Parquet file ({str(exc).splitlines()[0]})")
        return
    if "text" not in table.column_names:
        yield InputProblem(origin, "Parquet input needs a \"text\" column")
        return
    for n, row in enumerate(table.to_pylist(), start=1):
        body = row.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputProblem(f"{origin}:{n}", "missing or empty \"text\"")
            continue
        meta = {k: (None if row.get(k) is None else str(row.get(k)))
                for k in ("id", "published", "source", "url", "title")}
        yield DocInput(text=body, origin=f"{origin}:{n}", **meta)


def _looks_like_feed(raw: bytes) -> bool:
    head = raw[:2000].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def read_file(path: Path, id_hint: str | None = None) -> Iterator[DocInput | InputProblem]:
    """Documents of one file, chosen by suffix (and by content for .xml feeds)."""
    suffix = path.suffix.lower()
    origin = str(path)
    if suffix in TEXT_SUFFIXES:
        for item in read_inputs([origin]):
            if id_hint and isinstance(item, DocInput) and suffix == ".txt":
                item.id = id_hint
            yield item
        return
    if suffix in PARQUET_SUFFIXES:
        yield from _parquet_docs(path)
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield InputProblem(origin, f"cannot read ({exc.strerror})")
        return
    if suffix in HTML_SUFFIXES:
        yield _html_doc(raw, origin, id_hint or path.stem)
    elif suffix in FEED_SUFFIXES or _looks_like_feed(raw):
        yield from _feed_docs(raw, origin)
    else:
        yield from read_inputs([origin])


def directory_files(folder: Path) -> list[Path]:
    """Files of known kinds under a folder, recursively, in a stable (sorted) order."""
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES and not p.name.startswith("."))


def iter_documents(paths: list[str]) -> Iterator[DocInput | InputProblem]:
    """Every document of every input, in order. Directories are read recursively; a text or
    HTML file found in one gets its path below the folder (without suffix) as id, so two
    ``index.html`` in different folders stay two documents."""
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            files = directory_files(path)
            if not files:
                yield InputProblem(p, "directory holds no .txt, .jsonl, .html, .xml/.rss/.atom or .parquet files")
            for f in files:
                yield from read_file(f, f.relative_to(path).with_suffix("").as_posix())
        elif p != "-" and path.exists():
            yield from read_file(path)
        else:
            yield from read_inputs([p])
