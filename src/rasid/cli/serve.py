"""`rasid serve`: the HTTP API and web page (thin wrapper over ``rasid.serve.api``)."""

from __future__ import annotations

import errno
import ipaddress
import os
import socket
from typing import List, Optional

import typer

from .common import fail, warn


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _listen_problem(host: str, port: int) -> Optional[str]:
    """Why uvicorn could not listen on host:port, found by binding the way it does (it would
    otherwise log the error and exit), or None. SO_REUSEADDR as uvicorn sets it, so a port in
    TIME_WAIT is not taken for one in use."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            if os.name != "nt":
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
    except socket.gaierror as exc:
        return f"cannot listen on {host}: {exc.strerror or exc}"
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return f"port {port} on {host} is already in use (stop what uses it, or give --port)"
        return f"cannot listen on {host} port {port}: {exc.strerror or exc}"
    return None


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _store_failure(db: str, exc: BaseException) -> str:
    reason = _one_line(exc)
    if reason.startswith(f"{db}: "):  # the store's own message ('X: cannot open store (why)'):
        reason = reason[len(db) + 2:]   # name it and say "cannot open" once
        if reason.startswith("cannot open store (") and reason.endswith(")"):
            reason = reason[len("cannot open store ("):-1]
    return f"cannot open the store {db}: {reason}"


def register(app: typer.Typer) -> None:
    @app.command(help="Serve the web page and HTTP API (POST /api/extract, GET /api/events, ...).\n\n"
                      "Examples:\n\n"
                      "  rasid serve                      # http://127.0.0.1:8000/\n\n"
                      "  rasid serve --db events.sqlite --port 8080\n\n"
                      "  rasid serve --processes 2        # two extraction processes for concurrent clients\n\n"
                      "  RASID_WRITE_KEY=secret rasid serve --db events.sqlite   # POST /api/extract may store")
    def serve(
        host: str = typer.Option("127.0.0.1", help="address to listen on (loopback by default)"),
        port: int = typer.Option(8000, min=1, max=65535, help="TCP port"),
        db: Optional[str] = typer.Option(None, help="event store FILE or URL (read-only unless a write key is set)"),
        write_key: Optional[str] = typer.Option(None, envvar="RASID_WRITE_KEY", show_default=False,
                                                help="key that allows storing (X-Rasid-Key header); prefer the RASID_WRITE_KEY variable"),
        workers: int = typer.Option(1, min=1, help="server processes, each with its own connections and pipeline"),
        processes: int = typer.Option(0, min=0, help="extraction processes behind one server: each article goes to "
                                                     "the first free one (steadier under concurrent clients than "
                                                     "--workers); 0 extracts in the server process"),
        max_body: int = typer.Option(2_000_000, min=1024, help="largest request body in bytes (413 above)"),
        cors_origin: List[str] = typer.Option([], help="allow cross-origin requests from this origin (repeatable; off by default)"),
    ) -> None:
        if workers > 1 and processes:
            fail("use --workers or --processes, not both")
        try:
            import uvicorn

            from ..serve import api
        except ImportError as exc:
            fail(f"rasid serve needs fastapi and uvicorn ({exc.name} is missing): "
                 "pip install fastapi uvicorn")
        missing = api.missing_page_files()
        if missing:  # a broken install; StaticFiles would fail later with a confusing message
            which = "" if len(missing) == len(api.PAGE_FILES) else f" ({', '.join(missing)})"
            fail(f"the web page's files{which} are missing from this installation "
                 f"({api.STATIC_DIR}): reinstall Rasid")
        if db and "://" not in db and not os.path.exists(db) and not write_key:
            fail(f"{db}: no such store (give a write key to create one, or ingest first)")
        problem = _listen_problem(host, port)
        if problem:
            fail(problem)
        if not _is_loopback(host):
            warn(f"listening on {host}: the API is reachable from other machines")
        if workers == 1:
            try:
                application = api.create_app(db=db, write_key=write_key, max_body=max_body,
                                             cors_origins=cors_origin or None, processes=processes)
            except Exception as exc:  # one line, no traceback
                from ..store import StoreError

                if db and isinstance(exc, StoreError):
                    fail(_store_failure(db, exc))
                fail(f"cannot start the server: {_one_line(exc)}")
            typer.echo(f"Rasid at http://{host}:{port}/  (API docs: /docs; Ctrl-C stops)", err=True)
            uvicorn.run(application, host=host, port=port, log_level="warning")
            return
        if db:  # each worker opens the store itself; find a bad one here, once, in one line
            from ..store import StoreError, open_store

            try:
                open_store(db, read_only=not write_key).close()
            except StoreError as exc:
                fail(_store_failure(db, exc))
        os.environ["RASID_SERVE_DB"] = db or ""
        os.environ["RASID_WRITE_KEY"] = write_key or ""
        os.environ["RASID_SERVE_MAX_BODY"] = str(max_body)
        os.environ["RASID_SERVE_CORS"] = ",".join(cors_origin)
        typer.echo(f"Rasid at http://{host}:{port}/  (API docs: /docs; Ctrl-C stops)", err=True)
        uvicorn.run("rasid.serve.api:app_from_env", factory=True, host=host, port=port,
                    workers=workers, log_level="warning")
