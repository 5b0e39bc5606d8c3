"""Extraction in a pool of processes behind one HTTP process (``rasid serve --processes N``).

The pipeline is CPU-bound and holds the GIL, so one process extracts one article at a time.
uvicorn's ``--workers`` gives each process its own connections: with a few keep-alive clients,
one worker can hold more of them than another and its queue grows while the other idles. Here
one process speaks HTTP and hands every article to whichever extraction process is free, one
request at a time; answers are the same bytes as in-process extraction (``compact_json``).
Processes are started with ``spawn`` (no threads or locks inherited from the server) and load
the lexicons before the first request.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Any

def compact_json(data: Any) -> str:
    """The API's JSON: UTF-8 text as is, no spaces."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _warm() -> None:
    from ..pipeline import warm_up

    warm_up()


def _ready() -> bool:
    return True


def _extract(fields: dict) -> str:
    """In an extraction process: the document's output (CODEBOOK section 13) as JSON text."""
    from ..pipeline import default_pipeline

    pipe = default_pipeline()
    return compact_json(pipe.run(pipe.make_doc(**fields)).output())


class ExtractPool:
    """``processes`` extraction processes; ``await pool.extract(fields)`` gives the JSON text."""

    def __init__(self, processes: int) -> None:
        if processes < 1:
            raise ValueError("an extraction pool needs at least one process")
        self.processes = processes
        self._executor = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_warm)

    async def start(self) -> None:
        """Start every process and wait until each has loaded the pipeline."""
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._executor, _ready)
                               for _ in range(self.processes)))

    async def extract(self, fields: dict) -> str:
        return await asyncio.get_running_loop().run_in_executor(self._executor, _extract, fields)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
