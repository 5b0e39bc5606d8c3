#!/usr/bin/env python
"""Rebuild src/rasid/data/places/name_senses.tsv: how often each gazetteer name is tagged a
location, and how often something else, in the NER corpora of shared/data/ner.

Why: a place name that is also a common word or another kind of name (مالي "financial",
الزاوية "the corner", الجزيرة the channel) shows it there, tagged O or ORG; the place
recogniser then asks more of it than of a name that is always a place. Only names and counts
are kept, no text.

Usage: python scripts/build_name_senses.py [NER_DIR]   (default ../shared/data/ner)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from rasid.recognize.places.gazetteer import PLACES_DIR, gazetteer
from rasid.text.normalize import fold

FILES = ("anercorp/train.txt", "aqmar/train.txt", "aqmar/dev.txt")
PROCLITICS = ("و", "ف", "ب", "ل", "ك")


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "data" / "ner"
    names = gazetteer().by_name
    loc: Counter = Counter()
    other: Counter = Counter()
    for rel in FILES:
        with open(src / rel, encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) < 2:
                    continue
                w, tag = fold(parts[0]), parts[-1]
                forms = [w] + ([w[1:]] if w[:1] in PROCLITICS and len(w) > 3 else [])
                form = next((f for f in forms if f in names), None)
                if form is None:
                    continue
                if tag.endswith("LOC"):
                    loc[form] += 1
                else:
                    other[form] += 1
    out = PLACES_DIR / "name_senses.tsv"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# Gazetteer names seen in the NER corpora (ANERcorp, AQMAR) tagged otherwise than LOC "
                 "at least once: counts as LOC and as other (O, ORG, PERS, MISC). Built by "
                 "scripts/build_name_senses.py; names and counts only.\n")
        fh.write("name\tloc\tother\n")
        for name in sorted(other):
            fh.write(f"{name}\t{loc[name]}\t{other[name]}\n")
    print(f"{len(other)} names written to {out}")


if __name__ == "__main__":
    main()
