"""Reading and writing CoNLL-style ``token TAG`` files (blank line between sentences)."""

from __future__ import annotations

from typing import Iterable, Iterator, TextIO


def read_conll(fh: Iterable[str], with_tags: bool = True) -> Iterator[tuple[list[str], list[str]]]:
    """Yield (tokens, tags) per sentence. The token is the first field; the tag the last one
    (``O`` when a line has one field or ``with_tags`` is False). Lines ``$#$ O`` (Wojood segment
    marks) and ``-DOCSTART-`` end a sentence."""
    toks: list[str] = []
    tags: list[str] = []
    for line in fh:
        parts = line.split()
        if not parts or parts[0] in ("$#$", "-DOCSTART-"):
            if toks:
                yield toks, tags
                toks, tags = [], []
            continue
        toks.append(parts[0])
        tags.append(parts[-1] if with_tags and len(parts) > 1 else "O")
    if toks:
        yield toks, tags


def write_conll(out: TextIO, sentences: Iterable[tuple[list[str], list[str]]]) -> None:
    for toks, tags in sentences:
        for t, g in zip(toks, tags):
            out.write(f"{t} {g}\n")
        out.write("\n")
