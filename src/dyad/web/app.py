"""``create_app``: the dashboard's FastAPI application — the JSON API under ``/api``, the
server-rendered pages, the token gate and one error shape for every API error.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyad.errors import CodingError, DyadError, InputError, StoreError
from dyad.store import open_store, resolve_url
from dyad.store.db import dialect_of, sqlite_path
from dyad.web.security import Gate
from dyad.web.upload import UploadProblem

if TYPE_CHECKING:
    from dyad.reader import Reader
    from dyad.store import Store

log = logging.getLogger(__name__)

#: Idle database connections kept for reuse; more are opened under load and closed after.
POOL_IDLE = 8

#: A token must be this long (``secrets.token_urlsafe(24)`` gives 32 characters) and URL-safe,
#: so it survives a query string and a cookie unchanged and can't be guessed.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9._~-]{16,512}")

#: The error ``type`` of each HTTP status the app raises itself.
_ERROR_TYPES = {400: "invalid_request", 401: "unauthorized", 404: "not_found", 405: "invalid_request",
                413: "too_large", 415: "unsupported_type", 422: "invalid_request", 503: "database_error"}


class StorePool:
    """Database connections for request threads: one per request at a time, reused after."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._idle: list[Store] = []
        self._lock = threading.Lock()
        self._closed = False

    def acquire(self) -> Store:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return open_store(self.url, create=False, migrate=False)

    def release(self, store: Store) -> None:
        with self._lock:
            if not self._closed and len(self._idle) < POOL_IDLE:
                self._idle.append(store)
                return
        store.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()


def get_store(request: Request) -> Iterator[Store]:
    """FastAPI dependency: a connection for the length of one request, reading one snapshot of
    the database so the several queries of a page agree while an ingest writes."""
    pool: StorePool = request.app.state.stores
    store = pool.acquire()
    try:
        with store.snapshot():
            yield store
    finally:
        pool.release(store)


class Coder:
    """The reader behind the upload box: loaded on first use, one article at a time (coding is
    CPU-bound and the spaCy pipeline is shared)."""

    def __init__(self) -> None:
        self._reader: Reader | None = None
        self.lock = threading.Lock()

    @property
    def reader(self) -> Reader:
        if self._reader is None:
            from dyad.reader import Reader

            self._reader = Reader()
        return self._reader


def _check_token(token: str | None) -> str | None:
    if token is None or token == "":
        return None
    if not TOKEN_PATTERN.fullmatch(token):
        raise ValueError("the token must be 16 to 512 URL-safe characters (letters, digits, . _ ~ -); make one "
                         "with: python -c 'import secrets; print(secrets.token_urlsafe(24))'")
    return token


def create_app(store_url: str | None, *, token: str | None = None,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """The dashboard over the event database at ``store_url`` (a SQLite path or a
    ``postgresql://`` URL; default ``$DYAD_DB`` or ``dyad.db``).

    ``token``: when set, every request must carry it (``Authorization: Bearer``, or
    ``?token=`` once, which sets a cookie). Without a token the app answers only to loopback
    host names (``127.0.0.1``, ``localhost``, ``[::1]``); ``allowed_hosts`` overrides that
    list (``["*"]`` for any). Raises ``StoreError`` when the database does not exist or has
    no dyad tables, ``ValueError`` for a malformed token.
    """
    token = _check_token(token)
    url = resolve_url(store_url)
    if dialect_of(url) == "sqlite" and sqlite_path(url) == ":memory:":
        raise ValueError("the dashboard needs a database file or server, not :memory: (each connection "
                         "would see its own empty database)")
    first = open_store(url, create=False, migrate=False)  # fail now, with the store's message, not per request
    pool = StorePool(url)
    pool.release(first)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    from dyad import __version__

    app = FastAPI(title="dyad dashboard", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Political event data read from news articles: events, quotes, actors, dyads. "
                              "Every page of the dashboard has a JSON twin here. Errors share one shape: "
                              '`{"error": {"status", "type", "message", "details"}}`.')
    app.state.stores = pool
    app.state.coder = Coder()
    app.state.where = first.url
    app.state.token_required = token is not None

    from dyad.web import api, blocs, pages  # blocs: the bloc pages and their JSON twins (issue 17)

    app.include_router(api.router)
    app.include_router(blocs.router)
    app.include_router(pages.router)
    static = resources.files("dyad.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    _error_handlers(app)
    app.add_middleware(Gate, token=token, allowed_hosts=allowed_hosts)
    return app


# -- errors ----------------------------------------------------------------------------------------
def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, kind: str, message: str,
                   details: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None):
    """The one error shape: JSON under /api, the same facts as a page elsewhere."""
    body = {"status": status, "type": kind, "message": message, "details": details or []}
    if _wants_json(request):
        return JSONResponse({"error": body}, status_code=status, headers=headers)
    from dyad.web.pages import render

    page = render(request, "error.html", {"error": body, "title": f"Error {status}"})
    return HTMLResponse(page, status_code=status, headers=headers)


def _loc(loc: tuple | list) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body")]
    return ".".join(parts) or "request"


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        details = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")).removeprefix("Value error, ")}
                   for e in exc.errors()]
        message = "; ".join(f"{_loc(d['loc'])}: {d['msg']}" for d in details) or "invalid request"
        return error_response(request, 422, "invalid_request", message, details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        kind = _ERROR_TYPES.get(exc.status_code, "invalid_request" if exc.status_code < 500 else "internal_error")
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path[:200]}"
        return error_response(request, exc.status_code, kind, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(UploadProblem)
    async def upload_problem(request: Request, exc: UploadProblem):
        return error_response(request, exc.status, exc.type, exc.message)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        log.warning("database error: %s", exc)
        return error_response(request, 503, "database_error", f"the database failed: {exc.message}")

    @app.exception_handler(DyadError)
    async def dyad_error(request: Request, exc: DyadError):
        if isinstance(exc, InputError):
            return error_response(request, 400, "unreadable_input", f"can't read this article: {exc.message}")
        if isinstance(exc, CodingError):
            log.error("coding failed: %s", exc)
        return error_response(request, 500, "internal_error", f"dyad failed on this article: {exc.message}")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, "internal_error", "internal error (logged on the server)")
