"""The gazetteer: places, countries and regions, loaded once per process.

Everything is read from compact files under data/places (built by scripts/build_gazetteer.py);
an optional extra file made by ``rasid gazetteer build --geonames`` adds village-level rows.
Names are stored folded (see text.normalize.fold) so lookups need no normalisation at match time.
"""

from __future__ import annotations

import gzip
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ...text.normalize import fold
from ..lexicon import DATA_DIR, read_tsv

PLACES_DIR = DATA_DIR / "places"
EXTRA_ENV = "RASID_PLACES_EXTRA"


def extra_path() -> Path:
    """Where `rasid gazetteer build` writes user-merged GeoNames rows."""
    env = os.environ.get(EXTRA_ENV)
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    return Path(base) / "rasid" / "places_extra.tsv.gz"


@dataclass(slots=True)
class Place:
    id: str  # "geonames:<id>" or "region:<key>"
    kind: str  # country | adm1 | adm2 | adm3 | place | region
    name: str  # English
    cc: str
    admin1: str
    admin2: str
    admin3: str
    lat: float | None
    lon: float | None
    population: int
    names: tuple[str, ...]  # folded Arabic names
    precision: int = 0  # regions only: the geo_precision they imply


@dataclass(slots=True)
class Country:
    cc: str
    iso: int
    name: str
    region: str
    lat: float | None
    lon: float | None
    place: Place


def _f(x: str) -> float | None:
    try:
        return round(float(x), 5)
    except ValueError:
        return None


class Gazetteer:
    def __init__(self, places: list[Place], countries: dict[str, Country], stop: set[str]):
        self.places = places
        self.countries = countries
        self.stop = stop  # names that count only next to a cue word (common words)
        self.by_name: dict[str, list[int]] = {}
        self.first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.by_admin1: dict[tuple[str, str], list[int]] = {}
        self.by_country_name = {c.name.lower(): c for c in countries.values()}
        for i, p in enumerate(places):
            for n in p.names:
                lst = self.by_name.get(n)
                if lst is None:
                    self.by_name[n] = [i]
                    toks = n.split()
                    self.first.setdefault(toks[0], []).append((tuple(toks[1:]), n))
                else:
                    lst.append(i)
            if p.kind == "place" and p.admin1:
                self.by_admin1.setdefault((p.cc, p.admin1), []).append(i)
        for entries in self.first.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._capitals: dict[tuple[str, str, str], Place | None] = {}

    def candidates(self, folded_name: str) -> list[Place]:
        return [self.places[i] for i in self.by_name.get(folded_name, ())]

    def country(self, cc: str) -> Country | None:
        return self.countries.get(cc)

    def seat(self, unit: Place) -> Place | None:
        """The town that stands for an admin unit: same-named town, else the largest one."""
        key = (unit.cc, unit.kind, unit.name)
        if key in self._capitals:
            return self._capitals[key]
        a1 = unit.admin1
        pool = [self.places[i] for i in self.by_admin1.get((unit.cc, a1), ())]
        if unit.kind in ("adm2", "adm3"):
            field = "admin2" if unit.kind == "adm2" else "admin3"
            inner = [p for p in pool if getattr(p, field) == getattr(unit, field)]
            pool = inner or []
        bare = {n.split(" ", 1)[1] if n.split(" ", 1)[0] in _UNIT_WORDS and " " in n else n
                for n in unit.names}
        best = None
        named = [p for p in pool if bare.intersection(p.names)]
        for p in named or pool:
            if best is None or p.population > best.population:
                best = p
        if not named and best is not None and best.population < 100000:
            best = None  # no clear seat: the unit's own centre stands for it
        self._capitals[key] = best
        return best


_UNIT_WORDS = {"محافظه", "منطقه", "ناحيه", "قضاء", "مديريه", "ولايه", "اقليم", "شعبيه",
               "مركز"}


def _read_places(path: Path, out: list[Place]) -> None:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            f = line.rstrip("\n").split("\t")
            out.append(Place("geonames:" + f[0], f[1], f[2], f[3], f[4], f[5], f[6], _f(f[7]),
                             _f(f[8]), int(float(f[9] or 0)), tuple(f[10].split("|"))))


def _add_aliases(places: list[Place]) -> None:
    extra: dict[str, list[str]] = {}
    for r in read_tsv(PLACES_DIR / "aliases.tsv"):
        extra[r["id"]] = [" ".join(fold(n).split()) for n in r["names"].split("|")]
    for p in places:
        key = p.cc if p.kind == "country" else p.id.split(":", 1)[1]
        if key in extra:
            p.names = tuple(dict.fromkeys(p.names + tuple(extra[key])))


@cache
def gazetteer() -> Gazetteer:
    """Load the shipped gazetteer (and the user's extra rows, if any) once per process, less the
    rows of data/places/withdrawn.tsv."""
    places: list[Place] = []
    countries: dict[str, Country] = {}
    for r in read_tsv(PLACES_DIR / "countries.tsv"):
        names = tuple(n for n in r["names"].split("|") if n)
        lat, lon = _f(r["lat"]), _f(r["lon"])
        p = Place("geonames:" + r["geonameid"] if r["geonameid"] else "iso:" + r["cc"], "country",
                  r["name"], r["cc"], "", "", "", lat, lon, 0, names, 3)
        countries[r["cc"]] = Country(r["cc"], int(r["iso"] or 0), r["name"], r["region"], lat,
                                     lon, p)
        places.append(p)
    for r in read_tsv(PLACES_DIR / "regions.tsv"):
        names = tuple(dict.fromkeys(" ".join(fold(n).split()) for n in r["names"].split("|")))
        places.append(Place("region:" + r["key"], "region", r["name"], r["cc"], r["admin1"], "", "",
                            _f(r["lat"]), _f(r["lon"]), 0, names, int(r["precision"] or 3)))
    _read_places(PLACES_DIR / "gazetteer.tsv.gz", places)
    for r in read_tsv(PLACES_DIR / "extra_places.tsv"):
        places.append(Place(r["id"], r["kind"], r["name"], r["cc"], r["admin1"], r["admin2"],
                            r["admin3"], _f(r["lat"]), _f(r["lon"]), int(r["population"] or 0),
                            tuple(" ".join(fold(n).split()) for n in r["names"].split("|"))))
    _add_aliases(places)
    extra = extra_path()
    if extra.exists():
        _read_places(extra, places)
    withdrawn = {r["id"] for r in read_tsv(PLACES_DIR / "withdrawn.tsv")}
    places = [p for p in places if p.id not in withdrawn]
    stop = {" ".join(fold(r["name"]).split()) for r in read_tsv(PLACES_DIR / "stopnames.tsv")}
    return Gazetteer(places, countries, stop)
