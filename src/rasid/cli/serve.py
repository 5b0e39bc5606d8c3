"""`rasid serve`: the HTTP API and web page (thin wrapper over ``rasid.serve.api``)."""

from __future__ import annotations

import ipaddress
import os
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

            from ..serve.api import create_app
        except ImportError as exc:
            fail(f"rasid serve needs fastapi and uvicorn ({exc.name} is missing): "
                 "pip install fastapi uvicorn")
        if db and "://" not in db and not os.path.exists(db) and not write_key:
            fail(f"{db}: no such store (give a write key to create one, or ingest first)")
        if not _is_loopback(host):
            warn(f"listening on {host}: the API is reachable from other machines")
        typer.echo(f"Rasid at http://{host}:{port}/  (API docs: /docs; Ctrl-C stops)", err=True)
        if workers == 1:
            try:
                application = create_app(db=db, write_key=write_key, max_body=max_body,
                                         cors_origins=cors_origin or None, processes=processes)
            except Exception as exc:  # a bad store path or URL: one line, no traceback
                fail(f"cannot open the store {db}: {exc}")
            uvicorn.run(application, host=host, port=port, log_level="warning")
            return
        os.environ["RASID_SERVE_DB"] = db or ""
        os.environ["RASID_WRITE_KEY"] = write_key or ""
        os.environ["RASID_SERVE_MAX_BODY"] = str(max_body)
        os.environ["RASID_SERVE_CORS"] = ",".join(cors_origin)
        uvicorn.run("rasid.serve.api:app_from_env", factory=True, host=host, port=port,
                    workers=workers, log_level="warning")
