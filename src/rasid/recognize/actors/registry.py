"""The actor registry: named actors from ``data/actors/actors.tsv`` plus state forces for every
country of ``countries.tsv``, with helpers to name generic actors and to compare actor names.

Loaded once per process (``registry()`` is cached); everything here is data-driven so that an
analyst can add a group or an alias by editing a TSV.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from ...text.normalize import fold
from ..lexicon import DATA_DIR, read_tsv

ACTOR_DIR = DATA_DIR / "actors"

# ACLED writes "Military Forces of the United States" but "Military Forces of Syria".
_THE = {"United States", "United Kingdom", "United Arab Emirates", "Netherlands", "Philippines",
        "Central African Republic", "Democratic Republic of Congo", "Republic of Congo",
        "Comoros", "Maldives", "Bahamas", "Gambia", "Marshall Islands", "Solomon Islands",
        "Seychelles", "Dominican Republic", "Czech Republic"}
GENERIC_PAREN = {"Civilians", "Protesters", "Rioters", "Unidentified Armed Group",
                 "Sole Perpetrator"}
GENERIC_OF = {"Military Forces", "Police Forces"}
# generic actors the recogniser emits when the phrase names no country
# kinds of actor that do not fight: never an armed party, named with their country
UNARMED_KINDS = frozenset({"civilians", "protesters", "rioters"})
GENERIC = {
    "military": ("gen_military", "Military Forces", 1, "state"),
    "police": ("gen_police", "Police Forces", 1, "state"),
    "civilians": ("gen_civilians", "Civilians", 7, "civilians"),
    "protesters": ("gen_protesters", "Protesters", 6, "protesters"),
    "rioters": ("gen_rioters", "Rioters", 5, "rioters"),
    "unidentified": ("gen_unidentified", "Unidentified Armed Group", 3, "unidentified"),
}
NISBA_SUFFIXES = ("", "ون", "ين", "ه", "ا", "ان", "تان", "تين", "يه")


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    inter: int
    kind: str
    country: str | None
    aliases: list[tuple[str, bool]] = field(default_factory=list)  # (Arabic phrase, weak)
    aliases_en: list[str] = field(default_factory=list)
    # aliases that are also a common word (القاعدة 'the base'): see recognizer._common_senses
    homonyms: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Country:
    iso2: str
    name: str
    names_ar: list[str]
    demonyms_ar: list[str]


@dataclass(slots=True)
class Registry:
    actors: dict[str, Actor]
    countries: dict[str, Country]  # by English name
    by_country: dict[str, dict[str, str]]  # generic name -> {country or "*": ACLED name}
    _en_index: dict[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def by_name(self, name: str) -> Actor | None:
        """The actor whose canonical or English alias is ``name`` (any case/punctuation)."""
        aid = self._en_index.get(_key(name))
        return self.actors.get(aid) if aid else None


def the(country: str) -> str:
    return f"the {country}" if country in _THE else country


def with_country(name: str, inter: int, kind: str, country: str) -> str:
    """The full ACLED name of a generic actor for a country ("Civilians (Syria)"); also the
    regional name of a country-dependent actor ("Al Qaeda" in Yemen → AQAP), and the army that
    acts in a territory with none of its own (data/actors/by_country.tsv)."""
    if not country:
        return name
    table = registry().by_country.get(name)
    if table and country in table:
        return table[country]  # "الجيش" in Gaza or the West Bank: Israel's
    if name in GENERIC_OF:
        return f"{name} of {the(country)}"
    if table:
        return table.get("*", name)
    if name in GENERIC_PAREN or (kind in UNARMED_KINDS and not name.endswith(")")):
        # "مدنيين يمنيين" was already named Civilians (Yemen): their nationality stays
        return f"{name} ({country})"
    return name


def nisba_forms(stem: str) -> list[str]:
    """حوثي → حوثي, حوثيون, حوثيين, حوثية, حوثياً ... (folded; ال is seen through by tokens)."""
    s = fold(stem)
    if not s.endswith("ي"):
        return [s]
    return [s + suf for suf in NISBA_SUFFIXES]


def _key(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("'", "").replace("’", "")
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


def _read_countries() -> dict[str, Country]:
    out: dict[str, Country] = {}
    for r in read_tsv(ACTOR_DIR / "countries.tsv"):
        out[r["name_en"]] = Country(r["iso2"], r["name_en"],
                                    [a for a in r["names_ar"].split("|") if a],
                                    [a for a in r["demonyms_ar"].split("|") if a])
    return out


@cache
def registry() -> Registry:
    """The loaded registry (named actors, state forces of every country, generic actors)."""
    countries = _read_countries()
    actors: dict[str, Actor] = {}
    for c in countries.values():
        the_c = the(c.name)
        actors[f"mil_{c.iso2}"] = Actor(f"mil_{c.iso2}", f"Military Forces of {the_c}", 1, "state",
                                        c.name, [], [f"{c.name} military", f"{c.name} army",
                                                     f"{c.name} armed forces"])
        actors[f"pol_{c.iso2}"] = Actor(f"pol_{c.iso2}", f"Police Forces of {the_c}", 1, "state",
                                        c.name, [], [f"{c.name} police",
                                                     f"{c.name} security forces"])
    for gid, name, inter, kind in GENERIC.values():
        actors[gid] = Actor(gid, name, inter, kind, None)
    for r in read_tsv(ACTOR_DIR / "actors.tsv"):
        aliases, homonyms = [], set()
        for a in r["aliases_ar"].split("|"):
            a = a.strip()
            if not a:
                continue
            weak = a.startswith("?")
            if a.startswith("!"):
                a = a[1:]
                homonyms.add(a)
            a = a.lstrip("?")
            if a.startswith("~"):
                aliases.extend((f, weak) for f in nisba_forms(a[1:]))
            else:
                aliases.append((a, weak))
        en = [a.strip() for a in r.get("aliases_en", "").split("|") if a.strip()]
        if r["id"] in actors:  # extra aliases for a generated state force
            actors[r["id"]].aliases.extend(aliases)
            actors[r["id"]].aliases_en.extend(en)
            continue
        actors[r["id"]] = Actor(r["id"], r["name"], int(r["inter"]), r["kind"],
                                r["country"] or None, aliases, en, homonyms)
    by_country: dict[str, dict[str, str]] = {}
    for r in read_tsv(ACTOR_DIR / "by_country.tsv"):
        by_country.setdefault(r["generic"], {})[r["country"]] = r["name"]
    reg = Registry(actors, countries, by_country)
    index: dict[str, str] = {}
    for a in actors.values():
        names = [a.name, *a.aliases_en]
        if ": " in a.name:  # "SDF: Syrian Democratic Forces" is also "SDF" and the long name
            abbr, long = a.name.split(": ", 1)
            names += [abbr, long]
        for n in names:
            index.setdefault(_key(n), a.id)
    for n in (*GENERIC_PAREN, *GENERIC_OF):
        index.setdefault(_key(n), "")
    reg._en_index = index
    return reg


_PAREN_RE = re.compile(r"\s*\(([^()]*)\)\s*$")
_YEARISH_RE = re.compile(r"^[\d\s\-–/]*$")


def normalize_actor_name(name: str) -> str:
    """A comparison key for actor names (CODEBOOK 12): case, punctuation, a trailing
    parenthesised year or country, and known aliases ("Daesh" → "islamic state")."""
    if not name:
        return ""
    reg = registry()
    s = name.strip()
    while True:
        m = _PAREN_RE.search(s)
        if not m:
            break
        inner = m.group(1).strip()
        if _YEARISH_RE.match(inner) or inner in reg.countries:
            s = s[: m.start()].rstrip()
        else:
            break
    k = _key(s)
    aid = reg._en_index.get(k)
    if aid:
        return _key(reg.actors[aid].name)
    return k
