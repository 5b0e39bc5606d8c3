"""Build the web page's offline base map from the Natural Earth 110m country outlines.

Reads ``../shared/data/gazetteer/natural_earth/ne_110m_admin_0_countries.geojson`` (Natural
Earth v4.0, public domain, via martynafford/natural-earth-geojson, CC0) and writes a compact
GeoJSON to ``src/rasid/serve/static/world.geojson``: only the name and ISO codes are kept,
coordinates are rounded to 0.01° (about 1 km, far below the 110m scale's own error) and points
that collapse onto their neighbour after rounding are dropped.

    python scripts/build_basemap.py [--src FILE] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT.parent / "shared/data/gazetteer/natural_earth/ne_110m_admin_0_countries.geojson"
OUT = ROOT / "src/rasid/serve/static/world.geojson"


def _ring(ring: list, digits: int) -> list:
    out: list = []
    for x, y in ring:
        p = [round(x, digits), round(y, digits)]
        if not out or out[-1] != p:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else []


def _geometry(geom: dict, digits: int) -> dict | None:
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    kept = []
    for poly in polys:
        rings = [r for r in (_ring(r, digits) for r in poly) if r]
        if rings:
            kept.append(rings)
    if not kept:
        return None
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def build(src: Path, out: Path, digits: int = 2) -> int:
    data = json.loads(src.read_text(encoding="utf-8"))
    features = []
    for f in data["features"]:
        p = f["properties"]
        geom = _geometry(f["geometry"], digits)
        if geom is None:
            continue
        features.append({"type": "Feature",
                         "properties": {"name": p.get("NAME"), "iso_a3": p.get("ISO_A3"),
                                        "iso_n3": p.get("ISO_N3")},
                         "geometry": geom})
    fc = {"type": "FeatureCollection", "features": features}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(fc, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    return len(features)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=SRC)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--digits", type=int, default=2)
    args = ap.parse_args()
    n = build(args.src, args.out, args.digits)
    print(f"{n} countries -> {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
