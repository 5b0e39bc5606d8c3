#!/usr/bin/env python
"""Rebuild src/rasid/data/places/{gazetteer.tsv.gz,countries.tsv,admin1_codes.tsv}.

Usage: python scripts/build_gazetteer.py [SRC]   (SRC defaults to ../shared/data/gazetteer)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rasid.recognize.places.build import PLACES_DIR, build, write_admin1_codes


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "data" / "gazetteer"
    t = time.perf_counter()
    counts = build(src)
    n = write_admin1_codes(src)
    size = (PLACES_DIR / "gazetteer.tsv.gz").stat().st_size
    print(f"rows {counts}; admin1 codes {n}; gazetteer.tsv.gz {size / 1e6:.2f} MB; "
          f"{time.perf_counter() - t:.1f}s")


if __name__ == "__main__":
    main()
