"""Fuzz the text layer: folding with its offset map, tokens, sentences, datelines.

    python fuzz/fuzz_text.py CORPUS_DIR -max_total_time=60      (atheris / libFuzzer options)

Invariants: folding maps every folded position back into the original, monotonically; tokens
and sentences lie inside the text, in order; ``fold`` equals the folded text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import check_span, decode  # noqa: E402

with atheris.instrument_imports():
    from rasid.model import Document
    from rasid.text import fold, fold_with_map, prepare


def test_one(data: bytes) -> None:
    text, _ = decode(data)
    folded = fold_with_map(text)
    ft = folded.text
    if fold(text) != ft:
        raise AssertionError(f"fold() and fold_with_map() disagree on {text!r}")
    if folded.index is not None:
        idx = folded.index
        if len(idx) != len(ft) + 1 or idx[-1] != len(text):
            raise AssertionError(f"offset map has the wrong length for {text!r}")
        if any(idx[i] >= idx[i + 1] for i in range(len(idx) - 1)):
            raise AssertionError(f"offset map not increasing for {text!r}")
    doc = Document(text=text)
    prepare(doc)
    last = 0
    for tok in doc._tokens:
        check_span(text, tok.start, tok.end, text[tok.start:tok.end], tok)
        if tok.start < last or tok.start >= tok.end or ft[tok.fstart:tok.fend] != tok.norm:
            raise AssertionError(f"bad token {tok!r} in {text!r}")
        last = tok.end
    for s in doc._sentences:
        if not 0 <= s.start <= s.end <= len(text):
            raise AssertionError(f"bad sentence {s!r} in {text!r}")
    if not 0 <= doc._dateline <= len(text):
        raise AssertionError(f"bad dateline end {doc._dateline} in {text!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
