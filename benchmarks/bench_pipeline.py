"""Benchmark (not a test): whole-pipeline throughput, peak memory and cold start (issue 11).

Every measurement runs in a fresh child process so that one does not warm or bloat the next:

* cold start: ``import rasid`` and the first ``rasid.extract`` in a new interpreter;
* one process: articles/s and words/s over the corpus (wall and CPU time; per core = CPU time),
  peak RSS of that process;
* N processes (``--processes N``): the corpus split over N workers; total articles/s;
* peer (``--peer dateparser``): dateparser 1.5.0 ``search_dates`` alone on the same documents
  (languages=['ar'], DATE_ORDER='DMY', PREFER_DATES_FROM='past', RELATIVE_BASE=published, as in
  bench_dates.py), and Rasid's full pipeline ÷ dateparser, the two taking turns (each in its own
  process) over ``--stretches`` stretches of the corpus so that both meet the same machine speed;
* the machine's speed before and after: CPU seconds of a fixed Python loop (``reference_loop_s``).

    .venv/bin/pip install dateparser==1.5.0   # the "bench" extra
    .venv/bin/python benchmarks/bench_pipeline.py --corpus ../shared/data/news/ant_dev_corpus.jsonl \\
        --limit 2000 --processes 2 --peer dateparser --json benchmarks/results_pipeline.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "data" / "news" / "ant_dev_corpus.jsonl"
_WORD = re.compile(r"\w+")


def load(corpus: str, limit: int | None) -> list[dict]:
    docs = []
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            if isinstance(d.get("text"), str) and d["text"].strip():
                docs.append({k: d.get(k) for k in ("id", "published", "source", "text")})
            if limit and len(docs) >= limit:
                break
    return docs


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# -- workers (run inside child processes) ---------------------------------------------------

def _rasid_runner():
    """Rasid's full pipeline, warmed; the returned function runs documents, giving events."""
    from rasid.output import document_line
    from rasid.pipeline import warm_up

    pipe = warm_up()  # one short article, then the collector settled, as `rasid serve` does

    def run(docs: list[dict]) -> int:
        events = 0
        for d in docs:
            doc = pipe.run(pipe.make_doc(d["text"], published=d["published"], source=d["source"],
                                         id=d["id"]))
            document_line(doc, False)  # serialising is part of the job
            events += len(doc.events)
        return events

    return run


def _dateparser_runner():
    """dateparser's search_dates with bench_dates.py's settings, warmed; gives dates found."""
    import datetime as dt
    import warnings

    from dateparser.search import search_dates

    warnings.filterwarnings("ignore")

    def one(text, pub):
        base = dt.datetime.fromisoformat(pub) if pub else None
        settings = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"}
        if base:
            settings["RELATIVE_BASE"] = base
        return search_dates(text, languages=["ar"], settings=settings) or []

    one("قتل ثلاثة مدنيين في قصف على دمشق أمس.", "2020-01-02")

    def run(docs: list[dict]) -> int:
        return sum(len(one(d["text"], d["published"])) for d in docs)

    return run


RUNNERS = {"rasid": (_rasid_runner, "events"), "dateparser": (_dateparser_runner, "dates")}


def _timed(run, docs: list[dict], what: str) -> dict:
    w0, c0 = time.perf_counter(), time.process_time()
    found = run(docs)
    return {"wall_s": time.perf_counter() - w0, "cpu_s": time.process_time() - c0, what: found,
            "peak_rss_mb": peak_rss_mb()}


def _turns(mode: str, docs: list[dict]) -> None:
    """A child that runs stretches of ``docs`` when told (``A B`` on stdin: docs[A:B]), printing
    each stretch's times, so that two such children can take turns (see ``in_turns``)."""
    make, what = RUNNERS[mode]
    run = make()
    print("ready", flush=True)
    total = 0
    for line in sys.stdin:
        a, b = map(int, line.split())
        res = _timed(run, docs[a:b], what)
        total += res[what]
        print(json.dumps(res), flush=True)
    print(json.dumps({what: total, "peak_rss_mb": peak_rss_mb()}), flush=True)


def reference_loop_s() -> float:
    """CPU seconds of a fixed pure-Python loop: how fast this machine runs Python right now (a
    shared VM's speed drifts by a third within a day), so runs on different days compare."""
    t0 = time.process_time()
    s = 0
    for i in range(10_000_000):
        s += i
    return round(time.process_time() - t0, 3)


def _cold(text: str) -> dict:
    t0 = time.perf_counter()
    import rasid

    t1 = time.perf_counter()
    rasid.extract(text, published="2020-01-02")
    t2 = time.perf_counter()
    return {"import_s": t1 - t0, "first_doc_s": t2 - t1, "total_s": t2 - t0}


def _child(mode: str, corpus: str, limit: int | None, part: int, parts: int) -> None:
    if mode == "cold":
        docs = load(corpus, 1)
        res = _cold(docs[0]["text"])
    elif mode.startswith("turns-"):
        _turns(mode[len("turns-"):], load(corpus, limit))
        return
    else:
        docs = load(corpus, limit)[part::parts]
        make, what = RUNNERS[mode]
        res = _timed(make(), docs, what)
        res["docs"] = len(docs)
    print(json.dumps(res))


# -- driver -------------------------------------------------------------------------------

def spawn(mode: str, args, part: int = 0, parts: int = 1, stdin=None) -> subprocess.Popen:
    cmd = [sys.executable, __file__, "--child", mode, "--corpus", args.corpus,
           "--part", str(part), "--parts", str(parts)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stdin=stdin, text=True)


def in_turns(modes: list[str], args, n: int, stretches: int) -> dict[str, dict]:
    """Run each of ``modes`` in its own process over the same documents, taking turns stretch
    by stretch (A's stretch 1, B's stretch 1, A's stretch 2 …), and sum each one's times.

    A shared VM's speed drifts by a third within minutes: run one after the other, the second
    can meet a faster or slower machine than the first. In turns, both see the same drift; each
    keeps its own process (its caches and heap), as in a run of its own."""
    procs = {m: spawn("turns-" + m, args, stdin=subprocess.PIPE) for m in modes}
    for m, p in procs.items():
        if p.stdout.readline().strip() != "ready":
            sys.exit(f"{m}: child process failed to start")
    sums = {m: {"wall_s": 0.0, "cpu_s": 0.0} for m in modes}
    bounds = [n * k // stretches for k in range(stretches + 1)]
    for a, b in zip(bounds, bounds[1:]):
        for m, p in procs.items():
            p.stdin.write(f"{a} {b}\n")
            p.stdin.flush()
            res = json.loads(p.stdout.readline())
            sums[m]["wall_s"] += res["wall_s"]
            sums[m]["cpu_s"] += res["cpu_s"]
    for m, p in procs.items():
        p.stdin.close()
        sums[m].update(json.loads(p.stdout.readline()))
        if p.wait():
            sys.exit(f"{m}: child process failed (exit {p.returncode})")
    return sums


def result(proc: subprocess.Popen) -> dict:
    out, _ = proc.communicate()
    if proc.returncode:
        sys.exit(f"child process failed (exit {proc.returncode})")
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=None, help="first N articles (default: all)")
    ap.add_argument("--processes", type=int, default=0, help="also run with N worker processes")
    ap.add_argument("--json", default=None, help="write the results to this JSON file")
    ap.add_argument("--peer", choices=["dateparser"], default=None)
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--stretches", type=int, default=16,
                    help="with --peer: Rasid and the peer take turns over this many stretches")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--part", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--parts", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child, args.corpus, args.limit, args.part, args.parts)
        return
    if not os.path.exists(args.corpus):
        sys.exit(f"corpus not found: {args.corpus}")

    docs = load(args.corpus, args.limit)
    n, words = len(docs), sum(len(_WORD.findall(d["text"])) for d in docs)
    chars = sum(len(d["text"]) for d in docs)
    report: dict = {"corpus": args.corpus, "articles": n, "words": words, "chars": chars,
                    "python": platform.python_version(), "python_build": python_build(),
                    "machine": platform.machine(),
                    "cpu": _cpu_name(), "cores": os.cpu_count(),
                    "date": time.strftime("%Y-%m-%d %H:%M")}
    print(f"corpus: {n} articles, {words:,} words ({words / n:.0f} words/article); "
          f"{report['python_build']}")
    report["reference_loop_s"] = [reference_loop_s()]

    colds = [result(spawn("cold", args)) for _ in range(args.cold_runs)]
    cold = min(colds, key=lambda c: c["total_s"])
    report["cold_start"] = cold
    print(f"cold start (best of {len(colds)}): import {cold['import_s']:.2f} s + first document "
          f"{cold['first_doc_s']:.2f} s = {cold['total_s']:.2f} s")

    one = result(spawn("rasid", args))
    one.update(_rates(one, n, words))
    report["one_process"] = one
    print(f"1 process: {one['articles_per_s_cpu']:.0f} articles/s per core (CPU time), "
          f"{one['words_per_s_cpu']:,.0f} words/s; wall {one['articles_per_s_wall']:.0f} articles/s; "
          f"peak RSS {one['peak_rss_mb']:.0f} MB; {one['events']} events")

    if args.processes > 1:
        k = args.processes
        w0 = time.perf_counter()
        procs = [spawn("rasid", args, p, k) for p in range(k)]
        parts = [result(p) for p in procs]
        wall = time.perf_counter() - w0  # includes each worker's start-up
        cpu = sum(p["cpu_s"] for p in parts)
        multi = {"processes": k, "wall_s_with_startup": wall,
                 "articles_per_s_wall": n / wall,
                 "articles_per_s_busiest_worker": n / max(p["wall_s"] for p in parts),
                 "articles_per_s_per_core_cpu": n / cpu,
                 "peak_rss_mb_per_worker": max(p["peak_rss_mb"] for p in parts)}
        report["multi_process"] = multi
        print(f"{k} processes: {multi['articles_per_s_wall']:.0f} articles/s overall (wall, incl. start-up), "
              f"{multi['articles_per_s_busiest_worker']:.0f} articles/s (processing only), "
              f"{multi['articles_per_s_per_core_cpu']:.0f} articles/s per core; "
              f"peak RSS {multi['peak_rss_mb_per_worker']:.0f} MB per worker")

    if args.peer == "dateparser":
        both = in_turns(["rasid", "dateparser"], args, n, args.stretches)
        mine, peer = both["rasid"], both["dateparser"]
        mine.update(_rates(mine, n, words))
        peer.update(_rates(peer, n, words))
        peer["rasid_in_turns"] = mine
        peer["stretches"] = args.stretches
        peer["ratio_cpu"] = mine["articles_per_s_cpu"] / peer["articles_per_s_cpu"]
        report["peer_dateparser_search_dates"] = peer
        print(f"in turns over {args.stretches} stretches: dateparser search_dates alone "
              f"{peer['articles_per_s_cpu']:.1f} articles/s per core (peak RSS {peer['peak_rss_mb']:.0f} MB), "
              f"Rasid full pipeline {mine['articles_per_s_cpu']:.0f} articles/s per core: "
              f"{peer['ratio_cpu']:.2f}x faster")

    report["reference_loop_s"].append(reference_loop_s())
    print("reference loop (10M additions, CPU s) before / after: "
          + " / ".join(f"{x:.2f}" for x in report["reference_loop_s"]))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"written: {args.json}")


def _rates(res: dict, n: int, words: int) -> dict:
    return {"articles_per_s_cpu": n / res["cpu_s"], "articles_per_s_wall": n / res["wall_s"],
            "words_per_s_cpu": words / res["cpu_s"], "words_per_s_wall": words / res["wall_s"]}


def python_build() -> str:
    """The interpreter, and whether it calls a shared libpython: on this machine Debian's
    statically linked, PGO-built CPython 3.11 runs Rasid 7-17% faster than the pyenv
    build (shared libpython, no PGO), so every result names the one it ran on."""
    shared = None
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            shared = any("libpython" in line for line in maps)
    except OSError:  # not Linux
        pass
    link = {True: "shared libpython", False: "libpython linked in", None: "libpython unknown"}[shared]
    return f"CPython {platform.python_version()}, {os.path.realpath(sys.executable)}, {link}"


def _cpu_name() -> str:
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


if __name__ == "__main__":
    main()
