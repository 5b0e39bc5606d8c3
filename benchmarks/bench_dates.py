"""Benchmark (not a test): Rasid's date resolver against dateparser 1.5 ``search_dates``.

Same inputs for both: the sentences of tests/fixtures/dates_table.tsv and the documents of
../shared/gold/dev_timex.jsonl (skipped if absent). A gold expression counts as right when the
system returns an expression overlapping its span with exactly the gold (date_start, date_end);
dateparser returns one datetime, read as a one-day range. Speed: gold expressions per second of
processing the inputs (median of a few runs).

    .venv/bin/pip install dateparser==1.5.0
    .venv/bin/python benchmarks/bench_dates.py
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time
import warnings
from pathlib import Path

from rasid.recognize.dates import find_timex

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "fixtures" / "dates_table.tsv"
DEV = ROOT.parent / "shared" / "gold" / "dev_timex.jsonl"


def load_table():
    docs = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        sent, pub, text, ds, de, _ = line.split("\t")
        if not pub:
            continue  # dateparser needs a base date; compare like with like
        s = sent.index(text)
        docs.append((sent, pub, [(s, s + len(text), ds, de)]))
    return docs


def load_dev():
    if not DEV.exists():
        return []
    docs = []
    for line in DEV.open(encoding="utf-8"):
        d = json.loads(line)
        docs.append((d["text"], d["published"],
                     [(t["start"], t["end"], t["date_start"], t["date_end"]) for t in d["timex"]]))
    return docs


def rasid_run(text, pub):
    return [(t.start, t.end, t.date_start, t.date_end) for t in find_timex(text, pub)]


def dateparser_run(text, pub):
    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(pub)
    found = search_dates(text, languages=["ar"], settings={
        "DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past", "RELATIVE_BASE": base}) or []
    out, pos = [], 0
    for sub, when in found:
        s = text.find(sub, pos)
        if s < 0:
            s = text.find(sub)
        if s < 0:
            continue
        pos = s + len(sub)
        day = when.date().isoformat()
        out.append((s, s + len(sub), day, day))
    return out


def score(run, docs):
    right = total = 0
    for text, pub, gold in docs:
        pred = run(text, pub)
        for gs, ge, ds, de in gold:
            total += 1
            right += any(ps < ge and gs < pe and pds == ds and pde == de
                         for ps, pe, pds, pde in pred)
    return right, total


def speed(run, docs, repeat):
    n = sum(len(g) for _, _, g in docs)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text, pub, _ in docs:
            run(text, pub)
        times.append(time.perf_counter() - t0)
    return n / statistics.median(times)


def main() -> None:
    warnings.filterwarnings("ignore")
    sets = [("table", load_table()), ("dev_timex", load_dev())]
    rasid_run("تمهيد", "2024-01-01")  # load lexicons once, as a pipeline would
    dateparser_run("أمس", "2024-01-01")
    lines = ["| input | system | right / gold | accuracy | expressions/s |", "|---|---|---|---|---|"]
    for name, docs in sets:
        if not docs:
            print(f"{name}: not found, skipped", file=sys.stderr)
            continue
        res = {}
        for sysname, run, rep in (("rasid", rasid_run, 5), ("dateparser", dateparser_run, 1)):
            right, total = score(run, docs)
            res[sysname] = (right / total, speed(run, docs, rep))
            lines.append(f"| {name} | {sysname} | {right} / {total} | {right / total:.1%} | "
                         f"{res[sysname][1]:,.0f} |")
        ra, rs = res["rasid"]
        da, ds_ = res["dateparser"]
        lines.append(f"| {name} | rasid ÷ dateparser | | {ra / da if da else float('inf'):.1f}× | "
                     f"{rs / ds_:.0f}× |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
