"""The HTTP API and the web page (`rasid serve`).

One FastAPI app: ``POST /api/extract`` runs the pipeline on one article (CODEBOOK section 13),
``GET /api/events`` / ``/api/events.geojson`` / ``/api/documents/{id}`` read the event store
(``rasid.store``), and ``/`` serves the single page from ``static/`` (every asset local, no CDN).

Why it looks the way it does:
- the pipeline is CPU-bound and GIL-bound, so ``/api/extract`` runs it straight on the event loop
  (no thread hop, no thread-safety questions for the components); use ``--workers`` for cores;
- request bodies are read once, bounded, before routing, so an oversized body gets a 413 with a
  message and never reaches the JSON parser;
- the store is opened read-only unless a write key is given, and writing needs that key in the
  ``X-Rasid-Key`` header; CORS stays off unless origins are listed explicitly;
- every response carries a strict Content-Security-Policy (scripts only from this origin), a
  second wall behind the page's escaping of document text.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import threading
from collections import OrderedDict
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Callable

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..inputs import replace_surrogates
from ..pipeline import InputError, default_pipeline, parse_published, settle_gc, warm_up
from .pool import ExtractPool, PoolBroken

STATIC_DIR = Path(__file__).resolve().parent / "static"
# What the page loads; a plain install that lacks any of these cannot serve it (issue #23).
PAGE_FILES = ("index.html", "app.js", "style.css", "docs.html", "docs.js", "favicon.svg",
              "world.geojson", "vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css")
MAX_BODY_DEFAULT = 2_000_000  # bytes; a long news article is ~20 kB
MAX_PAGE = 1000
WRITE_KEY_HEADER = "x-rasid-key"

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class ExtractRequest(BaseModel):
    """The input fields of CODEBOOK section 2; ``store`` asks to keep the result (needs the key)."""

    model_config = ConfigDict(extra="ignore")

    text: str = Field(..., description="the article, plain text")
    published: str | None = Field(None, description="publication date YYYY-MM-DD")
    source: str | None = Field(None, description="the outlet's name")
    id: str | None = None
    url: str | None = None
    title: str | None = None
    store: bool = Field(False, description="also add the document to the store (write key needed)")

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is empty")
        return replace_surrogates(v)

    @field_validator("source", "id", "url", "title")
    @classmethod
    def _encodable(cls, v: str | None) -> str | None:
        # a "\ud800" escape is valid JSON but cannot be written back as UTF-8 (was a 500)
        return None if v is None else replace_surrogates(v)

    @field_validator("published")
    @classmethod
    def _date(cls, v: str | None) -> str | None:
        try:
            return parse_published(v)
        except InputError as exc:
            raise ValueError(str(exc)) from None


def compact_json(data: Any) -> str:
    """The API's JSON: UTF-8 text as is, no spaces (``Document.output_json`` writes the same)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _json(data: Any, status: int = 200) -> Response:
    """JSON without FastAPI's per-field encoder (the documents are plain dicts already)."""
    return Response(compact_json(data), status_code=status, media_type="application/json")


def _error(status: int, message: str, **extra: Any) -> Response:
    return _json({"detail": message, **extra}, status)


class _Guard:
    """ASGI middleware: bounded request bodies (413) and security headers on every response."""

    def __init__(self, app: Callable, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        if scope["method"] in ("POST", "PUT", "PATCH"):
            too_big = self._declared_too_big(scope)
            body = b""
            if not too_big:
                more = True
                while more:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        return
                    body += message.get("body", b"")
                    more = message.get("more_body", False)
                    if len(body) > self.max_body:
                        too_big = True
                        break
            if too_big:
                resp = _error(413, f"request body too large (limit {self.max_body} bytes)")
                return await resp(scope, receive, send_with_headers)
            done = False

            async def replay():
                nonlocal done
                if done:
                    return await receive()
                done = True
                return {"type": "http.request", "body": body, "more_body": False}

            return await self.app(scope, replay, send_with_headers)
        return await self.app(scope, receive, send_with_headers)

    def _declared_too_big(self, scope) -> bool:
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    return int(value) > self.max_body
                except ValueError:
                    return False
        return False


def _validation_message(exc: RequestValidationError) -> tuple[str, list[dict]]:
    errors = []
    for e in exc.errors():
        loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path"))
        msg = str(e.get("msg", "invalid")).removeprefix("Value error, ")
        errors.append({"field": loc, "message": msg})
    text = "; ".join(f"{e['field']}: {e['message']}" if e["field"] else e["message"]
                     for e in errors)
    return text or "invalid request", errors


def _feature(ev: dict) -> dict:
    """A stored event as a GeoJSON feature, through the output stage's writer."""
    from ..model import Document, Event
    from ..output.geojson import event_feature

    fields = {k: v for k, v in ev.items() if k in Event.model_fields}
    try:
        event = Event.model_validate(fields)
    except ValueError:
        event = Event.model_validate({k: v for k, v in fields.items()
                                      if k not in ("evidence", "trigger", "explain")})
    return event_feature(event, Document(id=str(ev.get("document_id") or ""), text=""))


def missing_page_files() -> list[str]:
    """The files of the web page that are not in ``STATIC_DIR`` (all of them if it is absent)."""
    return [name for name in PAGE_FILES if not (STATIC_DIR / name).is_file()]


def create_app(db: str | None = None, write_key: str | None = None, *, store: Any = None,
               max_body: int = MAX_BODY_DEFAULT, cors_origins: list[str] | None = None,
               warm: bool = True, cache_size: int = 256, processes: int = 0) -> FastAPI:
    """The app. ``db`` is a store path/URL (``rasid.store.open_store``); ``store`` an already
    open store object (tests). Without ``write_key`` the store is opened read-only.
    ``cache_size`` results of ``/api/extract`` are kept (the pipeline is deterministic, and
    analysts re-submit the same article); 0 turns the cache off. ``processes`` > 0 extracts in
    that many processes behind this one (``rasid.serve.pool``); 0 extracts here."""
    if store is None and db:
        from ..store import open_store

        store = open_store(db, read_only=not write_key)
    store_lock = threading.Lock()  # store calls run in the thread pool; keep them one at a time
    cache: OrderedDict[str, bytes] = OrderedDict()

    def remember(key: str | None, body: bytes) -> None:
        if key is not None:
            cache[key] = body
            if len(cache) > cache_size:
                cache.popitem(last=False)

    pool = ExtractPool(processes) if processes > 0 else None

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if pool is not None:
            await pool.start()  # each process loads the pipeline; this one mostly speaks HTTP
            settle_gc()
        elif warm:  # load lexicons, gazetteer and models now, not on the first request
            warm_up()
        yield
        if pool is not None:
            pool.close()
        close = getattr(store, "close", None)
        if callable(close):
            close()

    app = FastAPI(title="Rasid", version="0.1.0", lifespan=lifespan,
                  description="Conflict events from Arabic news (CODEBOOK sections 3 and 13).",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.store = store
    app.state.pool = pool
    app.state.writable = bool(write_key) and store is not None

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        message, errors = _validation_message(exc)
        return _error(422, message, errors=errors)

    def need_store():
        if store is None:
            return _error(404, "no event store: start the server with --db FILE")
        return None

    @app.post("/api/extract", summary="Extract events from one article (CODEBOOK section 3)")
    async def extract(req: ExtractRequest, request: Request):
        if req.store:
            if store is None:
                return _error(404, "no event store: start the server with --db FILE")
            given = request.headers.get(WRITE_KEY_HEADER, "")
            if not write_key or not hmac.compare_digest(given.encode(), write_key.encode()):
                return _error(403, "the store is read-only: storing needs the server's write key "
                                   "in the X-Rasid-Key header")
        key = None
        if cache_size > 0 and not req.store:
            key = hashlib.sha1(json.dumps([req.text, req.published, req.source, req.id, req.url,
                                           req.title]).encode("utf-8", "surrogatepass")).hexdigest()
            hit = cache.get(key)
            if hit is not None:
                cache.move_to_end(key)
                return Response(hit, media_type="application/json")
        fields = dict(text=req.text, published=req.published, source=req.source, id=req.id,
                      url=req.url, title=req.title)
        try:
            if pool is not None and not req.store:
                # extracted in a pool process (which also refuses bad input): this process
                # never loads the lexicons
                body = await pool.extract(fields)
                remember(key, body)
                return Response(body, media_type="application/json")
            pipe = default_pipeline()
            doc = pipe.make_doc(**fields)
        except InputError as exc:
            return _error(422, str(exc))
        except PoolBroken:
            return _error(503, "the extraction processes stopped; restart the server")
        pipe.run(doc)
        settle_gc()  # once per process (already done at start-up when warm)
        if req.store:
            out = doc.output()
            with store_lock:
                out["stored"] = bool(store.add_document(doc))
            return _json(out)
        body = doc.output_json()
        remember(key, body)
        return Response(body, media_type="application/json")

    @app.get("/api/events", summary="Stored events, filtered and paginated (as `rasid query`)")
    def events(date_from: str | None = None, date_to: str | None = None,
               country: str | None = None, admin1: str | None = None,
               event_type: str | None = None, actor: str | None = None,
               text: str | None = None, limit: int = Query(100, ge=1, le=MAX_PAGE),
               offset: int = Query(0, ge=0)):
        if (missing := need_store()) is not None:
            return missing
        try:
            date_from = parse_published(date_from)
            date_to = parse_published(date_to)
        except InputError as exc:
            return _error(422, str(exc).replace("published date", "date"))
        with store_lock:
            rows, total = store.query_events(date_from=date_from, date_to=date_to,
                                             country=country, admin1=admin1,
                                             event_type=event_type, actor=actor, text=text,
                                             limit=limit, offset=offset)
        return _json({"total": total, "limit": limit, "offset": offset, "events": rows})

    @app.get("/api/events.geojson", summary="Stored events as a GeoJSON FeatureCollection")
    def events_geojson(date_from: str | None = None, date_to: str | None = None,
                       country: str | None = None, admin1: str | None = None,
                       event_type: str | None = None, actor: str | None = None,
                       text: str | None = None, limit: int = Query(MAX_PAGE, ge=1, le=MAX_PAGE),
                       offset: int = Query(0, ge=0)):
        resp = events(date_from, date_to, country, admin1, event_type, actor, text, limit, offset)
        if resp.status_code != 200:
            return resp
        data = json.loads(resp.body)
        fc = {"type": "FeatureCollection", "features": [_feature(e) for e in data["events"]],
              "total": data["total"], "limit": limit, "offset": offset}
        return Response(json.dumps(fc, ensure_ascii=False), media_type="application/geo+json")

    @app.get("/api/documents/{doc_id}", summary="One stored document (CODEBOOK section 3)")
    def document(doc_id: str):
        if (missing := need_store()) is not None:
            return missing
        with store_lock:
            doc = store.get_document(doc_id)
        if doc is None:
            return _error(404, f"no document with id {doc_id!r}")
        return _json(doc)

    @app.get("/api/stats", summary="Counts in the store")
    def stats():
        if (missing := need_store()) is not None:
            return missing
        with store_lock:
            return _json(store.stats())

    @app.get("/api/health", summary="Liveness, and whether a store is attached and writable")
    async def health():
        return {"ok": True, "store": store is not None, "writable": app.state.writable,
                "max_body": max_body}

    @app.get("/", include_in_schema=False)
    async def index():
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    async def docs():
        return FileResponse(STATIC_DIR / "docs.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["content-type"])
    app.add_middleware(_Guard, max_body=max_body)
    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` with several workers: settings come from the
    environment that ``rasid serve`` sets (``RASID_SERVE_DB``, ``RASID_WRITE_KEY``, ...)."""
    cors = os.environ.get("RASID_SERVE_CORS", "")
    return create_app(db=os.environ.get("RASID_SERVE_DB") or None,
                      write_key=os.environ.get("RASID_WRITE_KEY") or None,
                      max_body=int(os.environ.get("RASID_SERVE_MAX_BODY", MAX_BODY_DEFAULT)),
                      cors_origins=[c for c in cors.split(",") if c] or None,
                      cache_size=int(os.environ.get("RASID_SERVE_CACHE", 256)),
                      processes=int(os.environ.get("RASID_SERVE_PROCESSES", 0)))
