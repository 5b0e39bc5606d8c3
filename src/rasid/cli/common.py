"""Shared CLI plumbing: one-line errors on stderr, output files, reading inputs."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

import typer
from rich.console import Console

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 2) -> "typer.Exit":
    """Print one clear line on stderr and exit non-zero (never a traceback)."""
    err_console.print(f"[bold red]error:[/] {message}", markup=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    err_console.print(f"[yellow]warning:[/] {message}", markup=True)


@contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    p = Path(path)
    if p.is_dir():
        fail(f"{path}: is a directory; give a file name for -o")
    try:
        fh = open(p, "w", encoding="utf-8", newline="")
    except OSError as exc:
        fail(f"{path}: cannot write ({exc.strerror})")
    with fh:
        yield fh


def save_model(model, scores: dict, output: Path, report: Path | None) -> None:
    """Write a trained model's weights, print its scores (and keep them in ``report``)."""
    import json

    model.save(output)
    text = json.dumps(scores, indent=1, ensure_ascii=False)
    if report:
        report.write_text(text + "\n", encoding="utf-8")
    typer.echo(text)
    typer.echo(f"wrote {output}", err=True)
