"""`rasid batch`: extract a corpus in parallel into partitioned JSON Lines or Parquet files.

The corpus is cut into partitions of consecutive documents; partition i becomes part file i
whichever engine ran it (local processes or a Dask cluster), and each part keeps input order, so
the output does not depend on the engine, the number of workers or the order tasks finish in.
Workers return the lines and the driver writes them, so Dask workers need no shared disk.
"""

from __future__ import annotations

import json
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterator

from ..inputs import InputProblem
from ..pipeline import InputError
from .sources import iter_documents

ENGINES = ("local", "dask")
FORMATS = ("jsonl", "parquet")
_NESTED = ("events", "entities", "timex", "quotes", "warnings")


@dataclass
class BatchSummary:
    documents: int = 0
    events: int = 0
    parts: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def extract_partition(part: tuple[int, list[tuple[dict, str, str]]]) -> tuple[int, list[str], list[str], int]:
    """Worker task: JSON lines (CODEBOOK section 3) of one partition, its errors, its event count."""
    from ..output.jsonl import document_line
    from ..pipeline import default_pipeline, settle_gc

    index, items = part
    pipe = default_pipeline()
    lines, errors, n_events = [], [], 0
    for meta, text, origin in items:
        try:
            doc = pipe(text, **meta)
        except InputError as exc:
            errors.append(f"{origin}: {exc}")
            continue
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus
            errors.append(f"{origin}: extraction failed ({type(exc).__name__}: {exc})".splitlines()[0])
            continue
        n_events += len(doc.events)
        lines.append(document_line(doc))
        settle_gc()
    return index, lines, errors, n_events


def partitions(paths: list[str], size: int, published: str | None, source: str | None,
               problems: list[str]) -> list[tuple[int, list]]:
    parts, current = [], []
    for item in iter_documents(paths):
        if isinstance(item, InputProblem):
            problems.append(str(item))
            continue
        meta = item.meta()
        meta["published"] = meta["published"] or published
        meta["source"] = meta["source"] or source
        current.append((meta, item.text, item.origin))
        if len(current) >= size:
            parts.append((len(parts), current))
            current = []
    if current:
        parts.append((len(parts), current))
    return parts


def _run_local(parts: list, workers: int) -> Iterator[tuple]:
    if workers <= 1 or len(parts) <= 1:
        for p in parts:
            yield extract_partition(p)
        return
    with ProcessPoolExecutor(max_workers=min(workers, len(parts)),
                             mp_context=get_context("spawn")) as pool:
        yield from pool.map(extract_partition, parts)


def _run_dask(parts: list, workers: int, scheduler: str | None) -> Iterator[tuple]:
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(extract_partition, parts, pure=False)
        for _, result in as_completed(futures, with_results=True):
            yield result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _write_part(out: Path, index: int, lines: list[str], fmt: str) -> Path:
    if fmt == "jsonl":
        path = out / f"part-{index:05d}.jsonl"
        tmp = path.with_suffix(".jsonl.tmp")
        tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = out / f"part-{index:05d}.parquet"
        tmp = path.with_suffix(".parquet.tmp")
        rows = []
        for line in lines:
            d = json.loads(line)
            for k in _NESTED:  # nested lists stay JSON text: one flat, stable schema
                d[k] = json.dumps(d.get(k, []), ensure_ascii=False)
            d["n_events"] = len(json.loads(d["events"]))
            rows.append(d)
        schema = pa.schema([("id", pa.string()), ("published", pa.string()),
                            ("source", pa.string()), ("url", pa.string()), ("title", pa.string()),
                            ("n_events", pa.int32())] + [(k, pa.string()) for k in _NESTED])
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp)
    os.replace(tmp, path)  # a part file is either complete or absent
    return path


def run_batch(paths: list[str], output_dir: str | Path, *, engine: str = "local",
              scheduler: str | None = None, workers: int | None = None, part_size: int = 200,
              fmt: str = "jsonl", published: str | None = None, source: str | None = None,
              on_part: Callable[[int, int], None] | None = None) -> BatchSummary:
    """Extract ``paths`` into ``output_dir/part-NNNNN.{jsonl,parquet}``; see module doc."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose local or dask")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose jsonl or parquet")
    started = time.perf_counter()
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("part-*"):  # a previous run's parts would mix with this one's
        old.unlink()
    summary = BatchSummary()
    parts = partitions(paths, max(1, part_size), published, source, summary.errors)
    workers = workers or max(1, (os.cpu_count() or 1))
    results = _run_local(parts, workers) if engine == "local" else _run_dask(parts, workers, scheduler)
    part_errors: dict[int, list[str]] = {}
    for index, lines, errors, n_events in results:
        _write_part(out, index, lines, fmt)
        part_errors[index] = errors
        summary.documents += len(lines)
        summary.events += n_events
        summary.parts += 1
        if on_part:
            on_part(len(parts[index][1]), len(parts))
    for index in sorted(part_errors):
        summary.errors.extend(part_errors[index])
    summary.seconds = time.perf_counter() - started
    (out / "_SUCCESS.json").write_text(json.dumps(
        {"documents": summary.documents, "events": summary.events, "parts": summary.parts,
         "errors": summary.errors, "engine": engine, "format": fmt}, ensure_ascii=False, indent=1),
        encoding="utf-8")
    return summary
