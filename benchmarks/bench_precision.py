"""Precision on any news: events coded per 100 articles, by section of the all-sections corpus.

Real events are rare in sport, technology, economy and culture articles, so nearly every event
Rasid codes there is a false one; in the conflict sections the figure shows how much the
classifier leaves. Articles are a fixed, seeded sample per section, drawn from those that the
trigger labels do not refer to (they were never trained on). Also prints the shipped trigger
model's held-out scores (from its weights file).

    python benchmarks/bench_precision.py --corpus ../shared/data/news/ant_all_sections.jsonl.gz
    python benchmarks/bench_precision.py --corpus ... --per-section 500 --no-model --json out.json
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "training" / "events" / "trigger_labels.tsv"


def labelled_ids(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    with open(path, encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return {r["doc"].split(":", 1)[-1] for r in rows}


def sample(corpus: Path, per_section: int, seed: int, exclude: set[str]) -> dict[str, list[dict]]:
    by = defaultdict(list)
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"].split(":", 1)[-1] not in exclude:
                by[d.get("section", "")].append(d)
    rng = random.Random(seed)
    return {s: rng.sample(docs, min(per_section, len(docs))) for s, docs in sorted(by.items())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--per-section", type=int, default=300)
    ap.add_argument("--seed", type=int, default=4242)
    ap.add_argument("--no-model", action="store_true", help="rules only (the detector without the classifier)")
    ap.add_argument("--json", type=Path, help="write the figures here")
    a = ap.parse_args()
    from rasid.components import default_components
    from rasid.events.trigger_model import trigger_model
    from rasid.pipeline import Pipeline

    pipe = Pipeline(default_components(trigger_model=not a.no_model))
    docs = sample(a.corpus, a.per_section, a.seed, labelled_ids(LABELS))
    out = {"per_section": a.per_section, "seed": a.seed, "model": not a.no_model, "sections": {}}
    t0 = time.perf_counter()
    n_all = 0
    for section, items in docs.items():
        events = 0
        types: Counter = Counter()
        for d in items:
            doc = pipe(d["text"], published=d.get("published"), source=d.get("source"), id=d["id"])
            events += len(doc.events)
            types.update(e.sub_event_type for e in doc.events)
        n_all += len(items)
        out["sections"][section] = {"articles": len(items), "events": events,
                                    "per_100": round(100 * events / max(len(items), 1), 1),
                                    "top_types": types.most_common(3)}
        print(f"{section:18s} {len(items):5d} articles {events:5d} events {100 * events / max(len(items), 1):6.1f} per 100",
              file=sys.stderr)
    out["articles_per_s"] = round(n_all / (time.perf_counter() - t0), 1)
    model = trigger_model()
    if model is not None and not a.no_model:
        out["model_heldout"] = model.meta
        print("trigger model (held-out):", json.dumps(model.meta), file=sys.stderr)
    if a.json:
        a.json.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
