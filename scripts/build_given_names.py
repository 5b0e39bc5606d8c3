"""Build the list of given names the count reader knows a named person by.

Why: "قتل ياسر مرتجى" names one person killed (CODEBOOK section 9), and so does "الملا فضل الله
... قُتل"; the count reader sees a person there only when the first word is a known given name.
The 73 names written by hand in ``cues.tsv`` miss most of them. The NER corpora tag people: the
first word of a person's name of two words or more, when that word is tagged so in most of its
occurrences, is a given name (a word that is a common noun as often, such as صباح or سلام, is
not kept).

Output TSV ``name<TAB>first<TAB>seen``: the folded word, how often it begins a person's name, how
often it occurs at all in the corpora. Only names seen twice at least, beginning a name in 60% of
their occurrences, are kept.

    .venv/bin/python scripts/build_given_names.py ../shared/data/ner src/rasid/data/ner/given_names.tsv
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from rasid.text.normalize import fold

FILES = ("anercorp/train.txt", "aqmar/train.txt", "aqmar/dev.txt", "wojood_sample/train.txt")
PERSON = ("B-PERS", "B-PER")
INSIDE = ("I-PERS", "I-PER")
ARABIC = re.compile(r"^[\u0621-\u064a]{3,}$")
MIN_FIRST, MIN_SHARE = 2, 0.6


def sentences(path: Path):
    sent: list[tuple[str, list[str]]] = []
    for line in path.open(encoding="utf-8"):
        parts = line.split()
        if not parts:
            if sent:
                yield sent
            sent = []
        elif len(parts) >= 2:
            sent.append((parts[0], parts[1:]))
    if sent:
        yield sent


def base(word: str, known: Counter) -> str:
    """و/ل/ب + a name is the name ("ومحمد"، "لمحمد")."""
    if word[:1] in "ولب" and len(word) >= 4 and known[word[1:]]:
        return word[1:]
    return word


def main(src: str, dst: str) -> None:
    first: Counter = Counter()
    seen: Counter = Counter()
    for name in FILES:
        for sent in sentences(Path(src) / name):
            for k, (w, tags) in enumerate(sent):
                f = fold(w)
                seen[f] += 1
                nxt = sent[k + 1][1] if k + 1 < len(sent) else []
                if any(t in PERSON for t in tags) and any(t in INSIDE for t in nxt):
                    first[f] += 1
    merged_first: Counter = Counter()
    merged_seen: Counter = Counter()
    for w, n in seen.items():
        merged_seen[base(w, first)] += n
    for w, n in first.items():
        merged_first[base(w, first)] += n
    rows = sorted((w for w, n in merged_first.items()
                   if ARABIC.match(w) and not w.startswith("ال") and n >= MIN_FIRST
                   and n >= MIN_SHARE * merged_seen[w]), key=lambda w: (-merged_first[w], w))
    with open(dst, "w", encoding="utf-8") as out:
        out.write("# Given names: the first word of people's names in the NER corpora (ANERcorp CC BY-SA 4.0,\n"
                  "# AQMAR CC BY-SA 3.0, Wojood sample MIT; see ATTRIBUTION.md). Built by\n"
                  "# scripts/build_given_names.py; words and counts only.\n")
        out.write("name\tfirst\tseen\n")
        for w in rows:
            out.write(f"{w}\t{merged_first[w]}\t{merged_seen[w]}\n")
    print(f"{len(rows)} given names -> {dst}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
