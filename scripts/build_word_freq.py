"""Build src/rasid/data/text/word_freq.tsv.gz: folded word frequencies from a news corpus.

Usage: python scripts/build_word_freq.py ../shared/data/news/ant_dev_corpus.jsonl

The phrase matcher uses the table to tell a proclitic from a word's own first letter: كشفت is
far more frequent than شفت, so كشفت is a word (revealed), not ك + a place called شفت; بحلب is
rarer than حلب, so it is ب + حلب. Only words seen at least MIN_COUNT times are kept.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rasid.text.normalize import fold  # noqa: E402
from rasid.text.tokens import TOKEN_RE  # noqa: E402

MIN_COUNT = 3
OUT = ROOT / "src" / "rasid" / "data" / "text" / "word_freq.tsv.gz"


def main(paths: list[str]) -> None:
    counts: Counter[str] = Counter()
    docs = 0
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                obj = json.loads(line)
                text = (obj.get("title") or "") + "\n" + obj.get("text", "")
                counts.update(w for w in TOKEN_RE.findall(fold(text)) if w[:1].isalpha())
                docs += 1
    kept = [(w, c) for w, c in counts.most_common() if c >= MIN_COUNT]
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"# folded word frequencies from {docs} articles ({', '.join(Path(p).name for p in paths)})\n")
        for w, c in kept:
            fh.write(f"{w}\t{c}\n")
    print(f"{len(kept)} words from {docs} documents -> {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
