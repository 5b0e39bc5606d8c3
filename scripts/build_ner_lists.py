"""Build the compact place-name list the NER features look words up in.

Why: a CRF trained on 125k tokens has seen few place names; a list of Arabic names of countries,
regions and towns (GeoNames-derived gazetteer, CC BY 4.0) lets it tag unseen ones. Built
independently of ANERcorp. Only Arabic-script names written with Arabic (not Persian/Urdu)
letters are kept, folded with ``rasid.text.normalize.fold``.

Output TSV ``word<TAB>flags``: ``S`` the word is a whole one-word place name, ``F`` it starts a
multi-word name, ``P`` it is a later part of one; ``C`` the name is a country or admin-1 unit.

    .venv/bin/python scripts/build_ner_lists.py \
        ../shared/data/gazetteer/gazetteer_ar_full.csv.gz src/rasid/data/ner/place_words.tsv
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
from collections import defaultdict

from rasid.text.normalize import fold

# Letters of standard Arabic plus harakat; names with Persian/Urdu/Kurdish letters are dropped.
ARABIC_NAME_RE = re.compile(r"^[\u0621-\u063a\u0641-\u0652\u0670 \-]+$")
# Very common words that appear inside place names but are not names themselves.
STOP = {fold(w) for w in "في من على الى إلى عن و ال مع او أو ما لا".split()}


def main(src: str, dst: str) -> None:
    flags: dict[str, set[str]] = defaultdict(set)
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            big = row["type"] in ("country", "admin1", "region")
            for name in row["names_ar"].split("|"):
                name = name.strip()
                if not name or not ARABIC_NAME_RE.match(name):
                    continue
                words = [w for w in fold(name).replace("-", " ").split() if w]
                if not words:
                    continue
                if len(words) == 1:
                    if len(words[0]) >= 2:
                        flags[words[0]].add("S")
                        if big:
                            flags[words[0]].add("C")
                    continue
                for i, w in enumerate(words):
                    if w in STOP or len(w) < 2:
                        continue
                    flags[w].add("F" if i == 0 else "P")
                    if big:
                        flags[w].add("C")
    with open(dst, "w", encoding="utf-8") as out:
        for w in sorted(flags):
            out.write(f"{w}\t{''.join(sorted(flags[w]))}\n")
    print(f"{len(flags)} words -> {dst}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
