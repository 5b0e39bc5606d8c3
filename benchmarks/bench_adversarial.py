"""Benchmark (not a test): adversarial inputs that would expose super-linear regexes/matchers.

Each input is run at N and N/4 repetitions through the whole pipeline, stage by stage; a linear
stage takes about 4x as long at N as at N/4 (the "x" column). A ratio well above 4 (say > 8)
means something is quadratic. Inputs: 100,000 repeated trigger words, 100,000 diacritics (on one
letter and spread over words), tatweel, bidi marks, quote marks, brackets, digits, "بين" (range
openers), dates and a dateline-like prefix.

    .venv/bin/python benchmarks/bench_adversarial.py [--n 100000] [--markdown]
"""

from __future__ import annotations

import argparse
import time

from rasid.pipeline import Pipeline, default_pipeline

N = 100_000


def inputs(n: int) -> dict[str, str]:
    return {
        "trigger words (قتل)": "قتل " * n,
        "trigger + number + noun": "قتل 3 مدنيين " * (n // 3),
        "diacritics on one letter": "ق" + "\u064e" * n + " مدنيين",
        "diacritics on every letter": "قَتَلَ " * (n // 3),
        "tatweel run": "قتـ" + "\u0640" * n + "ـل",
        "bidi/zero-width marks": "\u200f\u200d" * (n // 2) + " قتل",
        "quote marks": "\"قال " * (n // 2),
        "guillemets unclosed": "«قال المرصد إن " * (n // 4),
        "brackets": "(" * n + "قتل",
        "digits": "1 " * n,
        "range openers (بين)": "بين " * n + "أمس",
        "dates": "يوم 12 آذار 2023 " * (n // 4),
        "dateline prefix": "دمشق - " * (n // 2),
        "one long word": "ا" * n,
    }


def run(pipe: Pipeline, text: str) -> dict[str, float]:
    doc = pipe.make_doc(text, published="2024-03-14")
    times = {}
    for name, comp in pipe.components:
        t = time.perf_counter()
        comp(doc)
        times[name] = time.perf_counter() - t
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=N)
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = ap.parse_args()
    base = default_pipeline()
    pipe = Pipeline(base.components, max_chars=10 * args.n + 1_000_000)
    run(pipe, "قتل ثلاثة مدنيين أمس في إدلب.")  # load lexicons and models
    big_inputs, small_inputs = inputs(args.n), inputs(args.n // 4)
    rows = []
    for name, text in big_inputs.items():
        small = run(pipe, small_inputs[name])
        big = run(pipe, text)
        total_s, total_b = sum(small.values()), sum(big.values())
        slowest = max(big, key=big.get)
        rows.append((name, len(text), total_b, total_b / max(total_s, 1e-9), slowest, big[slowest]))
    if args.markdown:
        print("| input | chars | seconds | x (vs N/4) | slowest stage (s) |")
        print("|---|---:|---:|---:|---|")
        for name, n, t, x, st, ts in rows:
            print(f"| {name} | {n:,} | {t:.2f} | {x:.1f} | {st} ({ts:.2f}) |")
    else:
        for name, n, t, x, st, ts in rows:
            print(f"{name:28s} {n:>9,} chars {t:7.2f} s  x{x:4.1f}  slowest: {st} {ts:.2f} s")


if __name__ == "__main__":
    main()
