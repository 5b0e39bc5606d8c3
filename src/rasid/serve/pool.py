"""Extraction in a pool of processes behind one HTTP process (``rasid serve --processes N``).

The pipeline is CPU-bound and holds the GIL, so one process extracts one article at a time.
uvicorn's ``--workers`` gives each process its own connections: with a few keep-alive clients,
one worker can hold more of them than another and its queue grows while the other idles. Here
one process speaks HTTP and hands every article to whichever extraction process is free, one
request at a time; answers are the same bytes as in-process extraction (``Document.output_json``).

Each extraction process has its own pipe, watched by the server's event loop: a request is one
write and its answer one read, with no helper threads in between. (``ProcessPoolExecutor``
passes every call through a queue-feeder and a manager thread: the HTTP process spent 2.0 ms of
CPU per request with it, 1.05 ms without, on the example article.) Processes are started with
``spawn`` (no threads or locks inherited from the server) and load the lexicons before the first
request.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import pickle
import traceback
from collections import deque

from ..pipeline import InputError, warm_up


class PoolBroken(RuntimeError):
    """An extraction process stopped (killed, out of memory): the server answers 503."""

    def __init__(self, when: str = "") -> None:
        super().__init__("an extraction process stopped" + (f" {when}" if when else ""))


_OK, _REFUSED, _FAILED = b"+", b"?", b"!"


def _serve(conn) -> None:
    """An extraction process: warm up, say so, then answer requests until the pipe closes.

    A request is the pickled document fields; an answer is ``+`` and the output's JSON in UTF-8,
    ``?`` and the message when the input is refused (too long: the server's 422), or ``!`` and a
    traceback when extraction raised (a 500)."""
    pipe = warm_up()
    conn.send_bytes(_OK)
    while True:
        try:
            fields = pickle.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        try:
            body = pipe.run(pipe.make_doc(**fields)).output_json()
            conn.send_bytes(_OK + body)
        except InputError as exc:
            conn.send_bytes(_REFUSED + str(exc).encode("utf-8", "replace"))
        except Exception:  # noqa: BLE001 - reported to the server, the process goes on
            conn.send_bytes(_FAILED + traceback.format_exc().encode("utf-8", "replace"))


# A request this small may wait in a busy process's pipe behind the one it is working on, so that
# the process starts it without a round trip through the HTTP process; a larger one waits here
# for a free process (writing it into a full pipe would stall the event loop).
AHEAD_BYTES = 32 * 1024


class _Worker:
    """One extraction process, its pipe, and the answers it owes, oldest first."""

    def __init__(self, proc, conn) -> None:
        self.proc, self.conn = proc, conn
        self.owed: deque[asyncio.Future] = deque()


class ExtractPool:
    """``processes`` extraction processes; ``await pool.extract(fields)`` gives the JSON bytes.

    Requests are served in arrival order: the oldest waiting one goes to an idle process, or
    (when small) into the pipe of a busy process with nothing queued yet."""

    def __init__(self, processes: int) -> None:
        if processes < 1:
            raise ValueError("an extraction pool needs at least one process")
        self.processes = processes
        self._workers: list[_Worker] = []
        self._waiting: deque[tuple[bytes, bool, asyncio.Future]] = deque()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._broken = False

    @property
    def pids(self) -> list[int]:
        return [w.proc.pid for w in self._workers]

    async def start(self) -> None:
        """Start the processes and wait until each has loaded the pipeline."""
        ctx = multiprocessing.get_context("spawn")
        for _ in range(self.processes):
            mine, theirs = ctx.Pipe()
            proc = ctx.Process(target=_serve, args=(theirs,), daemon=True, name="rasid-extract")
            proc.start()
            theirs.close()
            self._workers.append(_Worker(proc, mine))
        loop = asyncio.get_running_loop()
        for w in self._workers:
            try:
                ready = await asyncio.to_thread(w.conn.recv_bytes)
            except (EOFError, OSError):
                ready = None
            if ready != _OK:
                self._broken = True
                raise PoolBroken("while loading the pipeline")
            loop.add_reader(w.conn.fileno(), self._answer, w)
            # uvloop (which uvicorn picks when installed) makes a watched descriptor
            # non-blocking; an answer over 16 KB arrives in two writes, and reading it must wait
            # for the second rather than fail half-way
            os.set_blocking(w.conn.fileno(), True)
        self._loop = loop

    async def extract(self, fields: dict) -> bytes:
        if self._loop is None:
            raise RuntimeError("ExtractPool.start() was not awaited")
        payload = pickle.dumps(fields)
        answer = self._loop.create_future()
        self._waiting.append((payload, len(payload) <= AHEAD_BYTES, answer))
        self._dispatch()
        data = await answer
        if data[:1] == _REFUSED:
            raise InputError(data[1:].decode("utf-8"))
        if data[:1] != _OK:
            raise RuntimeError("extraction failed in an extraction process:\n"
                               + data[1:].decode("utf-8", "replace"))
        return data[1:]

    def _dispatch(self) -> None:
        """Hand waiting requests, oldest first, to processes that can take them."""
        while self._waiting:
            payload, small, answer = self._waiting[0]
            if answer.done():  # cancelled while waiting
                self._waiting.popleft()
                continue
            if self._broken:
                self._waiting.popleft()
                answer.set_exception(PoolBroken())
                continue
            w = self._pick(small)
            if w is None:
                return
            self._waiting.popleft()
            try:
                w.conn.send_bytes(payload)
            except OSError:
                self._broken = True
                answer.set_exception(PoolBroken())
                continue
            w.owed.append(answer)

    def _pick(self, small: bool) -> _Worker | None:
        for w in self._workers:
            if not w.owed:
                return w
        if small:
            for w in self._workers:
                if len(w.owed) == 1:
                    return w
        return None

    def _answer(self, w: _Worker) -> None:
        """The event loop saw ``w``'s pipe readable: one answer, or the process's end."""
        try:
            data = w.conn.recv_bytes()
        except (EOFError, OSError):
            self._loop.remove_reader(w.conn.fileno())
            self._broken = True
            while w.owed:
                fut = w.owed.popleft()
                if not fut.done():
                    fut.set_exception(PoolBroken())
        else:
            fut = w.owed.popleft()
            if not fut.done():  # a cancelled request's answer is read and dropped
                fut.set_result(data)
        self._dispatch()

    def close(self) -> None:
        for w in self._workers:
            if self._loop is not None and not w.conn.closed:
                self._loop.remove_reader(w.conn.fileno())
            w.conn.close()  # the process reads EOF and returns
        for w in self._workers:
            w.proc.join(timeout=5)
            if w.proc.is_alive():
                w.proc.terminate()
                w.proc.join(timeout=5)
