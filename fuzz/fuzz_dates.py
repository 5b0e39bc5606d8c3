"""Fuzz the date finder and resolver: ``find_timex(text, published)``.

    python fuzz/fuzz_dates.py CORPUS_DIR -max_total_time=60     (atheris / libFuzzer options)

Invariants: never raises; every span matches the text; resolved dates are ordered
(date_start <= date_end) and the value agrees with them; the result is deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import check_span, decode  # noqa: E402

with atheris.instrument_imports():
    from rasid.recognize.dates import find_timex


def test_one(data: bytes) -> None:
    text, pub = decode(data)
    got = find_timex(text, pub)
    for tx in got:
        check_span(text, tx.start, tx.end, tx.text, tx)
        if tx.date_start and tx.date_end and tx.date_start > tx.date_end:
            raise AssertionError(f"date range reversed: {tx!r} in {text!r} (published {pub})")
        if tx.value and tx.date_start and tx.precision == "day" and tx.value != tx.date_start:
            raise AssertionError(f"value and date_start disagree: {tx!r}")
    if [t.model_dump() for t in find_timex(text, pub)] != [t.model_dump() for t in got]:
        raise AssertionError(f"not deterministic on {text!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
