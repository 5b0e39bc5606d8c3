"""From a gazetteer entry (and how the text mentions it) to CODEBOOK section 7's event fields."""

from __future__ import annotations

import math
from functools import cache

from ...text.normalize import fold
from .demonyms import country_from_demonym
from ..lexicon import read_tsv
from .gazetteer import PLACES_DIR, Place, gazetteer

KIND_PRECISION = {"country": 3, "adm1": 3, "adm2": 2, "adm3": 2, "place": 1}


def place_fields(p: Place, modifier: str = "") -> dict:
    """Event place fields (country, iso, region, admin1-3, location, lat, lon, geo_precision)."""
    g = gazetteer()
    c = g.country(p.cc)
    out = {"kind": p.kind, "cc": p.cc, "country": c.name if c else "", "iso": c.iso if c else None,
           "region": c.region if c else "", "admin1": p.admin1, "admin2": p.admin2,
           "admin3": p.admin3, "location": p.name, "lat": p.lat, "lon": p.lon,
           "population": p.population, "modifier": modifier}
    if p.kind == "country":
        out.update(admin1="", admin2="", admin3="", geo_precision=3)
    elif p.kind == "region":
        out["geo_precision"] = p.precision or 3
        if not p.cc:
            out.update(country="", iso=None, region="")
    elif p.kind in ("adm1", "adm2", "adm3"):
        seat = g.seat(p)
        if seat is not None:
            out.update(location=seat.name, lat=seat.lat, lon=seat.lon)
        out["geo_precision"] = KIND_PRECISION[p.kind]
    else:
        out["geo_precision"] = 2 if modifier else 1
    return out


def country_info(name_or_cc: str) -> dict | None:
    """Country facts from an ISO2 code, an English (ACLED) name, an Arabic name or a demonym."""
    g = gazetteer()
    s = name_or_cc.strip()
    c = g.countries.get(s.upper()) if len(s) == 2 and s.isascii() else None
    if c is None:
        c = g.by_country_name.get(s.lower())
    if c is None:
        f = " ".join(fold(s).split())
        names = _arabic_country_names()
        cc = names.get(f)
        if cc is None and f[:1] in ("و", "ف", "ب", "ل") and len(f) > 3:
            cc = names.get(f[1:])
        if cc is not None:
            c = g.countries.get(cc)
        else:
            name = country_from_demonym(s)
            c = g.by_country_name.get(name.lower()) if name else None
    if c is None:
        return None
    return {"name": c.name, "iso": c.iso, "cc": c.cc, "region": c.region, "lat": c.lat,
            "lon": c.lon}


def _strip_article(f: str) -> str:
    return f[2:] if f.startswith("ال") else f


@cache
def _arabic_country_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for c in gazetteer().countries.values():
        for n in c.place.names:
            out.setdefault(n, c.cc)
    return out


def prior(p: Place, story: dict[str, float], admin_ctx: set, type_hint: str, capital: bool = True) -> float:
    """How likely an entry is the one meant: story countries, containment, kind, population.
    ``capital``: a capital counts as such (not where the name is its country's too: تونس، الكويت)."""
    s = {"country": 60.0, "region": 50.0, "adm1": 15.0, "adm2": 8.0, "adm3": 8.0}.get(p.kind, 0.0)
    s += story.get(p.cc, 0.0)
    if p.cc in _home():
        s += 30
    if p.admin1 and (p.cc, p.admin1) in admin_ctx:
        s += 40
    if p.lat is None and p.kind in ("adm2", "adm3"):
        s -= 25  # a unit with no coordinates cannot place an act; a town of the name can (غزة)
    if p.kind == "place":
        s += 5 * math.log10(p.population + 1)
        if p.population >= 10000:
            s += 15
        if p.population >= 1_000_000:
            s += 40  # a city of millions (الرياض) is not outvoted by a namesake town and a demonym
        if capital and p.cc in story and p.id in capitals():
            s += 40  # nor is the capital of a country the story names: "بأمستردام" in a page of
            # US news that names the Dutch police is the Dutch capital
    if type_hint == "adm1" and p.kind == "adm1":
        s += 80
    elif type_hint == "place" and p.kind == "place":
        s += 40
    elif type_hint in ("area", "adm2", "adm3") and p.kind in ("adm2", "adm3", "region"):
        s += 30
    return s


@cache
def capitals() -> frozenset[str]:
    """GeoNames ids of the countries' capitals (data/places/capitals.tsv)."""
    return frozenset(r["id"] for r in read_tsv(PLACES_DIR / "capitals.tsv"))


@cache
def _home() -> frozenset[str]:
    """Countries Arabic news is mostly about: a tie-breaker, never a filter."""
    return frozenset(c.cc for c in gazetteer().countries.values()
                     if c.region in ("Middle East", "Northern Africa")
                     and c.cc not in ("IR", "IL", "TR", "CY")) | {"SO", "DJ", "MR", "KM"}


def geocode(name: str, country: str | None = None) -> list[dict]:
    """Ranked candidates for a place name (Arabic or English), best first."""
    g = gazetteer()
    f = " ".join(fold(name).split())
    cands = g.candidates(f)
    if not cands and f[:1] in ("و", "ف", "ب", "ل") and len(f) > 3:
        cands = g.candidates(f[1:])
    if not cands and " " in f and f.split(" ", 1)[0] in _TYPE_WORDS:
        cands = g.candidates(f.split(" ", 1)[1])
    if not cands:
        low = name.strip().lower()
        cands = [p for p in g.places if p.name.lower() == low]
    story: dict[str, float] = {}
    if country:
        info = country_info(country)
        if info:
            story[info["cc"]] = 100.0
    capital = not any(p.kind == "country" for p in cands)
    scores = {id(p): prior(p, story, set(), "", capital) for p in cands}
    out = []
    for p in sorted(cands, key=lambda p: -scores[id(p)]):
        d = place_fields(p)
        d["id"] = p.id
        d["score"] = round(scores[id(p)], 2)
        out.append(d)
    return out


_TYPE_WORDS = {"محافظه", "مدينه", "بلده", "قريه", "منطقه", "حي", "مخيم", "ناحيه", "ولايه"}
