"""The web application: pages and the JSON API over one read-only ledger.

:func:`create_app` builds the FastAPI app over a :class:`ReadOnlyStore`; :func:`serve_ledger`
opens a ledger and runs it with uvicorn. Only GET routes exist (HEAD answers as GET
without the body), the store is opened read-only, static files come from the package's
``static/`` folder alone, and every response carries a Content-Security-Policy that allows
nothing from other origins (so the pages work, and are checked to work, without internet
access). With a token, every request must carry it: ``Authorization: Bearer <token>``, or
``?token=<token>`` once on a page, which sets a cookie and redirects to the same page
without the token (so it stays out of the address bar, history and bookmarks); a request
without it gets a 401 with ``WWW-Authenticate: Bearer``. Errors are ``{"error": "..."}`` on
``/api/`` (400 for a bad query, never a 422) and an error page elsewhere.
"""
from __future__ import annotations

import hmac
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ClaimledgerError
from . import api, control_api, pages
from .readonly import ReadOnlyStore, check_exposure, open_readonly_store, request_memo
from .basemap import TileLayer, tile_images
from .limits import MAX_HEAD_BYTES, RequestLimits
from .map_data import KIND_LABELS
from .params import TOKEN_PARAMETER
from .views import LedgerViews, NotFound

STATIC_DIR = Path(__file__).resolve().parent / "static"
TOKEN_COOKIE = "claimledger_token"
# zlib's own default. Starlette's is 9: on the demo ledger's answers (28-93 KB) and the 122 KiB
# basemap 9 took 1.3-3x the CPU of 6 (100 ms against 36 ms for the basemap, busy machine) for
# 1-2% fewer bytes; under load every request pays that CPU.
GZIP_LEVEL = 6
AUTH_CHALLENGE = 'Bearer realm="claimledger"'
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; style-src 'self'; "
                                "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
                                "base-uri 'none'; form-action 'self'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def security_headers(tiles: TileLayer | None = None) -> dict[str, str]:
    """Return the response headers; an online tile layer's origin is the one image source
    allowed besides the server itself."""
    if tiles is None:
        return SECURITY_HEADERS
    policy = SECURITY_HEADERS["Content-Security-Policy"].replace(
        "img-src 'self' data:", f"img-src 'self' data: {tiles.origin}")
    return {**SECURITY_HEADERS, "Content-Security-Policy": policy}


def make_templates(tiles: TileLayer | None = None) -> Environment:
    """Return the Jinja2 environment of the pages (autoescape on for every template); maps
    draw ``tiles`` under their outlines when a tile layer is given."""
    env = Environment(loader=PackageLoader("claimledger.serve", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    pages.register_template_helpers(env)
    env.globals["map_tiles"] = lambda m: tile_images(m["viewbox"], tiles)
    env.globals["tile_attribution"] = tiles.attribution if tiles else None
    env.globals["tile_url"] = tiles.url if tiles else None
    env.globals["kind_labels"] = list(KIND_LABELS.items())
    return env


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    env: Environment = request.app.state.templates
    html = env.get_template("error.html").render(status=status, message=message,
                                                 request=request, nav="")
    return HTMLResponse(html, status_code=status)


def _validation_problem(error: dict[str, Any]) -> str:
    """Return one invalid parameter as "name: what is wrong (got 'value')"."""
    name = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
    value = error.get("input")
    shown = f" (got {str(value)[:40]!r})" if isinstance(value, (str, int)) else ""
    return f"{name}: {error.get('msg', 'invalid')}{shown}"


def _check_token(request: Request, token: str) -> tuple[bool, bool]:
    """Return (allowed, from the query) for a request when a token is required."""
    header = request.headers.get("authorization", "")
    offered = [header[7:].strip() if header.lower().startswith("bearer ") else "",
               request.cookies.get(TOKEN_COOKIE, "")]
    from_query = request.query_params.get(TOKEN_PARAMETER, "")
    for value in offered:
        if value and hmac.compare_digest(value.encode(), token.encode()):
            return True, False
    if from_query and hmac.compare_digest(from_query.encode(), token.encode()):
        return True, True
    return False, False


def _is_page(request: Request) -> bool:
    """Return True for a page a browser shows (not the API, not a static file)."""
    path = request.url.path
    return request.method in ("GET", "HEAD") and not path.startswith(("/api/", "/static/"))


def _without_token(request: Request) -> str:
    """Return the request's path and query without the token parameter."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != TOKEN_PARAMETER]
    return request.url.path + ("?" + urlencode(params) if params else "")


class HeadAsGet:
    """ASGI middleware answering HEAD on every GET route: the request goes on as a GET and
    the body of the answer is dropped (its headers, Content-Length among them, are kept)."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headless(message: dict) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headless)


def _openapi_without_422(app: FastAPI) -> Any:
    """Return the app's ``openapi()`` with FastAPI's 422 answers left out: this server
    answers every invalid request with a 400 in the ApiError shape."""
    plain = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = plain()
            for operations in spec.get("paths", {}).values():
                for operation in operations.values():
                    operation.get("responses", {}).pop("422", None)
            schemas = spec.get("components", {}).get("schemas", {})
            for name in ("HTTPValidationError", "ValidationError"):
                schemas.pop(name, None)
            app.openapi_schema = spec
        return app.openapi_schema

    return openapi


def create_app(store: ReadOnlyStore, *, token: str | None = None,
               tiles: TileLayer | None = None) -> FastAPI:
    """Return the app serving pages and ``/api/`` over ``store`` (read-only).

    With ``token``, requests without it get 401. With ``tiles``, maps show that online tile
    layer under the packaged outlines.
    """
    headers = security_headers(tiles)
    app = FastAPI(
        title="claimledger", version="1",
        description="Read-only JSON API over a claimledger ledger: stories, claims, articles, "
                    "places and search, paginated, with exports. Every listing takes the same "
                    "filters.",
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
    )
    app.state.views = LedgerViews(store)
    app.state.templates = make_templates(tiles)
    app.state.token = token
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    # pages, JSON and the map's outlines compress to a third or less (to clients that ask)
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=GZIP_LEVEL)
    app.include_router(control_api.router)  # before api's /places/{key:path}
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        from_query = False
        if token:
            allowed, from_query = _check_token(request, token)
            if not allowed:
                response = _error(request, 401, "this ledger needs a token: add ?token=... "
                                  "or an 'Authorization: Bearer ...' header")
                response.headers.update(headers)
                response.headers["WWW-Authenticate"] = AUTH_CHALLENGE
                return response
        if TOKEN_PARAMETER in request.query_params and _is_page(request):
            # the token moves into a cookie: the address bar, history and bookmarks never keep it
            response = RedirectResponse(_without_token(request), status_code=303)
        else:
            with request_memo():  # the store's state is read once per request
                response = await call_next(request)
        if from_query:
            # Lax, not Strict: the page the redirect leads to must get the cookie even when the
            # link was opened from another site (a Strict cookie is left off a redirect chain
            # that began elsewhere); every route only reads, and no page can be framed.
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="lax")
        response.headers.update(headers)
        return response

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(ClaimledgerError)
    async def bad_request(request: Request, exc: ClaimledgerError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = _error(request, exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        allowed = response.headers.get("Allow", "")
        if exc.status_code == 405 and "GET" in allowed and "HEAD" not in allowed:
            response.headers["Allow"] = allowed + ", HEAD"  # HeadAsGet answers HEAD on GET routes
        return response

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        # A bug, not a bad request: the traceback goes to the server log, never to the client.
        response = _error(request, 500, "internal error (the server log has the details)")
        response.headers.update(headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(_validation_problem(e) for e in exc.errors())
        return _error(request, 400, problems or "invalid request")

    def refuse(scope: dict, status: int, message: str) -> Response:
        response = _error(Request(scope), status, message)
        response.headers.update(headers)
        return response

    app.openapi = _openapi_without_422(app)
    app.add_middleware(HeadAsGet)
    app.add_middleware(RequestLimits, refuse=refuse)  # outermost: before any route runs
    return app


def serve_ledger(target: str, *, host: str = "127.0.0.1", port: int = 8080,
                 token: str | None = None, tiles: TileLayer | None = None,
                 log_level: str = "info") -> None:
    """Open the ledger at ``target`` read-only and serve it until interrupted.

    Raises ExposureError when ``host`` is not a loopback address and no token is
    given, and StoreError when the ledger cannot be opened.
    """
    import uvicorn

    check_exposure(host, token)
    store = open_readonly_store(target)
    try:
        uvicorn.run(create_app(store, token=token, tiles=tiles), host=host, port=port, log_level=log_level,
                    server_header=False, h11_max_incomplete_event_size=MAX_HEAD_BYTES)
    finally:
        store.close()
