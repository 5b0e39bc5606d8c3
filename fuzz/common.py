"""Shared input decoding and span checks for the fuzz harnesses."""

from __future__ import annotations

import datetime as dt

EPOCH = dt.date(1900, 1, 1)


def decode(data: bytes) -> tuple[str, str | None]:
    """(text, published) from fuzzer bytes: 2 bytes of days since 1900 (0xFFFF: no date),
    then the text. Invalid UTF-8 becomes lone surrogates about once in four inputs (the API can
    receive them as JSON escapes) and U+FFFD otherwise."""
    if len(data) < 2:
        return data.decode("utf-8", "replace"), None
    days = int.from_bytes(data[:2], "big")
    pub = None if days == 0xFFFF else (EPOCH + dt.timedelta(days=days)).isoformat()
    errors = "surrogateescape" if days % 4 == 0 else "replace"
    return data[2:].decode("utf-8", errors), pub


def check_span(text: str, start: int, end: int, got: str, what: object) -> None:
    if not (0 <= start <= end <= len(text)) or text[start:end] != got:
        raise AssertionError(f"bad span {start}:{end} {got!r} for {what!r} in {text!r}")
