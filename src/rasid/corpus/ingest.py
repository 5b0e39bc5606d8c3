"""`rasid ingest`: extract a corpus into the event store, with progress, safely resumable.

Documents already stored (same id or same text) are skipped before extraction, new ones are
written in small batches, each batch one transaction. A run killed at any point loses at most the
batch in flight, which the next run redoes; clusters are recomputed from the stored events at the
end, so a killed-and-resumed run ends with exactly the store of an uninterrupted one.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)

from ..inputs import DocInput, InputProblem
from ..model import Document
from ..pipeline import InputError, doc_id
from ..store import Store, StoreError, open_store
from ..store.store import text_hash
from .sources import iter_documents


@dataclass
class IngestSummary:
    inputs: int = 0  # documents read from the inputs
    added: int = 0
    skipped: int = 0  # already stored, or repeated within the inputs
    events: int = 0  # events of the added documents
    errors: list[str] = field(default_factory=list)  # "origin: reason"
    seconds: float = 0.0
    dedup: dict = field(default_factory=dict)  # Store.recluster() figures
    totals: dict = field(default_factory=dict)  # Store.stats() after the run

    @property
    def rate(self) -> float:
        return self.added / self.seconds if self.seconds else 0.0


def _extract_one(item: tuple[dict, str, str]) -> tuple[str, dict | str]:
    """Worker: extract one document; an error is returned as its one-line reason."""
    from ..pipeline import default_pipeline

    meta, text, origin = item
    try:
        doc = default_pipeline()(text, **meta)
    except InputError as exc:
        return origin, str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus
        return origin, f"extraction failed ({type(exc).__name__}: {exc})".splitlines()[0]
    return origin, doc.model_dump(exclude={"explain"})


def _plan(items: Iterable[DocInput | InputProblem], store: Store, published: str | None,
          source: str | None, summary: IngestSummary) -> list[tuple[dict, str, str]]:
    """The documents still to extract, in input order (stored and repeated ones skipped)."""
    ids, hashes = store.known_keys()
    todo = []
    for item in items:
        if isinstance(item, InputProblem):
            summary.errors.append(str(item))
            continue
        summary.inputs += 1
        meta = item.meta()
        meta["id"] = meta["id"] or doc_id(item.text)
        meta["published"] = meta["published"] or published
        meta["source"] = meta["source"] or source
        h = text_hash(item.text)
        if meta["id"] in ids or h in hashes:
            summary.skipped += 1
            continue
        ids.add(meta["id"])
        hashes.add(h)
        todo.append((meta, item.text, item.origin))
    return todo


def _results(todo: list, workers: int) -> Iterator[tuple[str, dict | str]]:
    if workers <= 1 or len(todo) < 2 * workers:
        for item in todo:
            yield _extract_one(item)
        return
    with mp.get_context("spawn").Pool(workers) as pool:
        yield from pool.imap(_extract_one, todo, chunksize=4)


def ingest(paths: list[str], db: str | Store, *, workers: int = 1, commit_every: int = 25,
           published: str | None = None, source: str | None = None, dedup: bool = True,
           progress: bool = True, console: Console | None = None) -> IngestSummary:
    """Extract every document of ``paths`` into the store ``db`` (path, URL or Store)."""
    console = console or Console(stderr=True, highlight=False)
    store = db if isinstance(db, Store) else open_store(db)
    summary = IngestSummary()
    started = time.perf_counter()
    todo = _plan(iter_documents(paths), store, published, source, summary)
    batch: list[Document] = []

    def store_events() -> int:
        return store.count_events()

    events_before = store_events()

    def flush() -> None:
        if not batch:
            return
        try:
            added = store.add_documents(batch)
        except StoreError:  # one document cannot be stored: store the others, report it
            added = 0
            for d in batch:
                try:
                    added += store.add_document(d)
                except StoreError as exc:
                    summary.errors.append(str(exc))
        summary.added += added
        summary.events = store_events() - events_before
        batch.clear()

    bar = Progress(TextColumn("[bold]ingest[/]"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]:>6.1f} articles/s"), TimeElapsedColumn(),
                   TextColumn("ETA"), TimeRemainingColumn(), console=console,
                   disable=not progress or not console.is_terminal, transient=False)
    plain = progress and not console.is_terminal  # logs (nohup, CI): a line every 10 s
    last_line = started
    with bar:
        task = bar.add_task("ingest", total=len(todo), rate=0.0)
        for done, (origin, result) in enumerate(_results(todo, workers), start=1):
            if isinstance(result, str):
                summary.errors.append(f"{origin}: {result}")
            else:
                batch.append(Document.model_validate(result))
                if len(batch) >= commit_every:
                    flush()
            now = time.perf_counter()
            rate = done / (now - started)
            bar.update(task, advance=1, rate=rate)
            if plain and now - last_line >= 10:
                last_line = now
                eta = (len(todo) - done) / rate if rate else 0
                console.print(f"ingest: {done}/{len(todo)} articles, {rate:.1f} articles/s, "
                              f"ETA {int(eta) // 60}:{int(eta) % 60:02d}")
        flush()
    if dedup:
        summary.dedup = store.recluster()
    summary.seconds = time.perf_counter() - started
    summary.totals = store.stats()
    return summary


def print_summary(summary: IngestSummary, console: Console, max_errors: int = 20) -> None:
    """The end-of-run report: what was read, added, skipped, clustered, and what failed why."""
    t = summary.totals
    console.print(f"[bold]documents[/] read {summary.inputs}, added {summary.added}, "
                  f"already stored {summary.skipped}; {summary.events} events added "
                  f"in {summary.seconds:.1f} s ({summary.rate:.1f} articles/s)")
    if summary.dedup:
        d = summary.dedup
        console.print(f"[bold]store[/] {t.get('documents')} documents, {d['events']} events → "
                      f"{d['clusters']} clusters after deduplication "
                      f"({d['merged_clusters']} with several reports, "
                      f"{d['multi_source_clusters']} from several outlets)")
    if summary.errors:
        console.print(f"[bold red]{len(summary.errors)} error(s)[/]:")
        for e in summary.errors[:max_errors]:
            console.print(f"  {e}", markup=False)
        if len(summary.errors) > max_errors:
            console.print(f"  … and {len(summary.errors) - max_errors} more")
    else:
        console.print("no errors")
