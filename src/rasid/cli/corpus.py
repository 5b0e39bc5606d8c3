"""`rasid ingest`, `rasid query`, `rasid export`, `rasid batch`: thin wrappers over rasid.store
and rasid.corpus (CODEBOOK section 13)."""

from __future__ import annotations

import json
from enum import Enum
from typing import List, Optional

import typer

from .common import err_console, fail, open_output


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    acled_csv = "acled-csv"
    geojson = "geojson"
    parquet = "parquet"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class PartFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"


def _open(db: str, read_only: bool = False):
    from ..store import StoreError, open_store

    try:
        return open_store(db, read_only=read_only)
    except StoreError as exc:
        fail(str(exc))


def _published(value: str | None) -> str | None:
    from ..pipeline import InputError, parse_published

    try:
        return parse_published(value)
    except InputError as exc:
        fail(str(exc))


def register(app: typer.Typer) -> None:
    @app.command(help="Extract documents into an event store; idempotent and safe to re-run after a kill.\n\n"
                      "INPUT: .txt, .jsonl, .html (saved page), .xml/.rss/.atom (feed), .parquet, or a directory.\n\n"
                      "Example:\n\n  rasid ingest ../shared/data/news/ant_dev_corpus.jsonl --db ant.sqlite")
    def ingest(
        inputs: List[str] = typer.Argument(..., metavar="INPUT..."),
        db: str = typer.Option(..., "--db", help="SQLite file or URL (postgresql://user@host/db)"),
        published: Optional[str] = typer.Option(None, help="publication date for inputs without one"),
        source: Optional[str] = typer.Option(None, help="outlet name for inputs without one"),
        workers: int = typer.Option(1, "--workers", "-j", min=1, help="extraction processes"),
        commit_every: int = typer.Option(25, min=1, help="documents per transaction"),
        no_dedup: bool = typer.Option(False, "--no-dedup", help="skip re-clustering at the end"),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
    ) -> None:
        from ..corpus.ingest import ingest as run_ingest, print_summary

        store = _open(db)
        summary = run_ingest(inputs, store, workers=workers, commit_every=commit_every,
                             published=_published(published), source=source,
                             dedup=not no_dedup, progress=not quiet, console=err_console)
        print_summary(summary, err_console)
        if summary.errors and not summary.added and not summary.skipped:
            fail("no document could be ingested", 1)

    @app.command(help="List stored events matching filters (JSON Lines on stdout).\n\n"
                      "Example:\n\n  rasid query --db ant.sqlite --country Syria --from 2018-01-01 --type Battles")
    def query(
        db: str = typer.Option(..., "--db"),
        date_from: Optional[str] = typer.Option(None, "--from", help="first event date YYYY-MM-DD"),
        date_to: Optional[str] = typer.Option(None, "--to", help="last event date YYYY-MM-DD"),
        country: Optional[str] = typer.Option(None),
        admin1: Optional[str] = typer.Option(None),
        event_type: Optional[str] = typer.Option(None, "--type", help="event type, e.g. Battles"),
        actor: Optional[str] = typer.Option(None, help="part of an actor's name"),
        text: Optional[str] = typer.Option(None, help="words in the evidence (Arabic folded) or notes"),
        limit: int = typer.Option(100, min=0),
        offset: int = typer.Option(0, min=0),
        stats: bool = typer.Option(False, "--stats", help="print the store's counts instead"),
    ) -> None:
        store = _open(db, read_only=True)
        if stats:
            typer.echo(json.dumps(store.stats(), ensure_ascii=False, indent=1))
            return
        rows, total = store.query_events(date_from=_published(date_from), date_to=_published(date_to),
                                         country=country, admin1=admin1, event_type=event_type,
                                         actor=actor, text=text, limit=limit, offset=offset)
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False))
        err_console.print(f"{len(rows)} of {total} matching events")

    @app.command(help="Write the stored events as JSON Lines (one event a line), ACLED CSV, GeoJSON or Parquet.\n\n"
                      "Example:\n\n  rasid export --db ant.sqlite --format acled-csv -o events.csv")
    def export(
        db: str = typer.Option(..., "--db"),
        format: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f"),
        output: Optional[str] = typer.Option(None, "-o", "--output", help="file (required for parquet)"),
        dedup: bool = typer.Option(False, "--dedup", help="one event per cross-source cluster"),
        date_from: Optional[str] = typer.Option(None, "--from"),
        date_to: Optional[str] = typer.Option(None, "--to"),
        country: Optional[str] = typer.Option(None),
        event_type: Optional[str] = typer.Option(None, "--type"),
    ) -> None:
        from ..store.query import export_events

        store = _open(db, read_only=True)
        filters = dict(date_from=_published(date_from), date_to=_published(date_to),
                       country=country, event_type=event_type)
        if format is ExportFormat.parquet:
            if not output or output == "-":
                fail("parquet is binary: give an output file with -o FILE")
            try:
                n = export_events(store, "parquet", path=output, dedup=dedup, **filters)
            except OSError as exc:
                fail(f"{output}: cannot write ({exc.strerror})")
        else:
            with open_output(output) as fh:
                n = export_events(store, format.value, fh, dedup=dedup, **filters)
        err_console.print(f"{n} events exported")

    @app.command(help="Extract a corpus in parallel into DIR as part files (JSON Lines, section 3, or Parquet).\n\n"
                      "Example:\n\n  rasid batch corpus.jsonl --output out/ --engine dask --scheduler tcp://10.0.0.5:8786")
    def batch(
        inputs: List[str] = typer.Argument(..., metavar="INPUT..."),
        output: str = typer.Option(..., "--output", "-o", help="output folder"),
        engine: Engine = typer.Option(Engine.local, "--engine"),
        scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a LocalCluster)"),
        workers: Optional[int] = typer.Option(None, "--workers", "-j", min=1),
        part_size: int = typer.Option(200, min=1, help="documents per part file"),
        format: PartFormat = typer.Option(PartFormat.jsonl, "--format", "-f"),
        published: Optional[str] = typer.Option(None),
        source: Optional[str] = typer.Option(None),
    ) -> None:
        from pathlib import Path

        from rich.progress import Progress

        from ..corpus.batch import run_batch

        if Path(output).exists() and not Path(output).is_dir():
            fail(f"{output}: exists and is not a folder")
        if scheduler and engine is not Engine.dask:
            fail("--scheduler needs --engine dask")
        with Progress(console=err_console, transient=True) as bar:
            task = bar.add_task("batch", total=None)

            def on_part(n_docs: int, n_parts: int) -> None:
                bar.update(task, total=n_parts, advance=1)

            try:
                s = run_batch(inputs, output, engine=engine.value, scheduler=scheduler,
                              workers=workers, part_size=part_size, fmt=format.value,
                              published=_published(published), source=source, on_part=on_part)
            except OSError as exc:
                fail(f"cannot run the batch ({exc})")
        err_console.print(f"{s.documents} documents, {s.events} events in {s.parts} part files "
                          f"({s.seconds:.1f} s); {len(s.errors)} error(s)")
        for e in s.errors[:20]:
            err_console.print(f"  {e}", markup=False)
        if s.errors and not s.documents:
            fail("no document could be extracted", 1)
