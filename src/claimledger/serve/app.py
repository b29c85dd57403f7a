"""The web application: pages and the JSON API over one read-only ledger.

:func:`create_app` builds the FastAPI app over a :class:`ReadOnlyStore`; :func:`serve_ledger`
opens a ledger and runs it with uvicorn. Only GET routes exist, the store is opened
read-only, static files come from the package's ``static/`` folder alone, and every
response carries a Content-Security-Policy that allows nothing from other origins (so
the pages work, and are checked to work, without internet access). With a token, every
request must carry it: ``Authorization: Bearer <token>``, or ``?token=<token>`` once,
which sets a cookie for the pages that follow.
"""
from __future__ import annotations

import hmac
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ClaimledgerError
from . import api, control_api, pages
from .readonly import ReadOnlyStore, check_exposure, open_readonly_store
from .basemap import TileLayer, tile_images
from .map_data import KIND_LABELS
from .views import LedgerViews, NotFound

STATIC_DIR = Path(__file__).resolve().parent / "static"
TOKEN_COOKIE = "claimledger_token"
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


def _check_token(request: Request, token: str) -> tuple[bool, bool]:
    """Return (allowed, set_cookie) for a request when a token is required."""
    header = request.headers.get("authorization", "")
    offered = [header[7:].strip() if header.lower().startswith("bearer ") else "",
               request.cookies.get(TOKEN_COOKIE, "")]
    from_query = request.query_params.get("token", "")
    for value in offered:
        if value and hmac.compare_digest(value.encode(), token.encode()):
            return True, False
    if from_query and hmac.compare_digest(from_query.encode(), token.encode()):
        return True, True
    return False, False


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
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.include_router(control_api.router)  # before api's /places/{key:path}
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        set_cookie = False
        if token:
            allowed, set_cookie = _check_token(request, token)
            if not allowed:
                response = _error(request, 401, "this ledger needs a token: add ?token=... "
                                  "or an 'Authorization: Bearer ...' header")
                response.headers.update(headers)
                return response
        response = await call_next(request)
        if set_cookie:
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
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
        return response

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        # A bug, not a bad request: the traceback goes to the server log, never to the client.
        response = _error(request, 500, "internal error (the server log has the details)")
        response.headers.update(headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}"
                             for e in exc.errors())
        return _error(request, 422, problems or "invalid request")

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
                    server_header=False)
    finally:
        store.close()
