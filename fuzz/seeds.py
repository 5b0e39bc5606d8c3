"""Write the fuzzers' seed corpus: every sentence of the test tables (tests/fixtures/*.tsv).

Each seed is ``2 bytes of published date + UTF-8 sentence``, the input format of fuzz_dates.py
and fuzz_text.py (see ``decode`` in fuzz/common.py).

    python fuzz/seeds.py OUT_DIR
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from pathlib import Path

from common import EPOCH

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def seeds():
    for tsv in sorted(FIXTURES.glob("*.tsv")):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            pub = None
            for c in cols[1:]:
                try:
                    pub = dt.date.fromisoformat(c.strip())
                    break
                except ValueError:
                    continue
            days = (pub - EPOCH).days if pub else 0xFFFF
            yield days.to_bytes(2, "big") + cols[0].encode("utf-8")


def main(out: str) -> int:
    d = Path(out)
    d.mkdir(parents=True, exist_ok=True)
    n = 0
    for s in seeds():
        (d / hashlib.sha1(s).hexdigest()[:16]).write_bytes(s)
        n += 1
    print(f"{n} seeds in {d}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
