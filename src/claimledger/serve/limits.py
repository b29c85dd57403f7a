"""Bounds on what a request may carry: the URL's length and the body's size.

Every route only reads (GET, HEAD), and no route reads a body; the longest URL the pages
build (every filter set) is a few hundred bytes. :class:`RequestLimits`, the outermost ASGI
middleware, refuses a URL over :data:`MAX_URL_BYTES` with a 414 and a body over
:data:`MAX_BODY_BYTES` with a 413 (announced by ``Content-Length``, or counted as a chunked
body arrives) before any route runs, so a client cannot make the server parse, search or
buffer megabytes. Headers (and a request line past uvicorn's own buffer) are bounded by
uvicorn: :data:`MAX_HEAD_BYTES` is passed to it by :func:`claimledger.serve.serve_ledger`.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

# Path and query string, percent-encoded, as sent. The pages' own links stay under 1 KiB; 8 KiB is
# the common default of proxies (nginx's large_client_header_buffers) and leaves room for a long
# search; beyond it a URL is a mistake or an attack.
MAX_URL_BYTES = 8 * 1024
# No route takes a body; a small one (a client sending "{}" with a GET) is ignored, a larger one
# refused rather than received.
MAX_BODY_BYTES = 64 * 1024
# The request line and headers together, as uvicorn (h11) buffers them before the app sees them;
# over it uvicorn answers 400 itself and closes the connection. Its default is 16 KiB: raised so
# that a URL between MAX_URL_BYTES and this gets the app's 414 with a clear message.
MAX_HEAD_BYTES = 64 * 1024

Refusal = Callable[[dict, int, str], Any]  # (scope, status, message) -> an ASGI response


class RequestLimits:
    """ASGI middleware refusing over-long URLs (414) and over-large bodies (413); ``refuse``
    builds the error response (JSON under /api/, a page elsewhere)."""

    def __init__(self, app: Any, refuse: Refusal, *, max_url: int = MAX_URL_BYTES,
                 max_body: int = MAX_BODY_BYTES):
        self.app, self.refuse = app, refuse
        self.max_url, self.max_body = max_url, max_body

    async def __call__(self, scope: dict, receive: Callable[[], Awaitable[dict]],
                       send: Callable[[dict], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        url_bytes = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b""))
        if url_bytes > self.max_url:
            await self._refuse(scope, receive, send, 414,
                               f"the URL is {url_bytes:,} bytes: at most {self.max_url:,} are read")
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"").strip()
        if length and (not length.isdigit() or int(length) > self.max_body):
            await self._refuse(scope, receive, send, 413,
                               f"a request body of {length.decode('latin-1')[:20]} bytes: no route "
                               f"reads a body, at most {self.max_body:,} bytes are accepted")
            return
        if b"chunked" in headers.get(b"transfer-encoding", b"").lower():
            buffered, size = [], 0
            while True:
                message = await receive()
                buffered.append(message)
                size += len(message.get("body", b""))
                if size > self.max_body:
                    await self._refuse(scope, receive, send, 413,
                                       f"a request body over {self.max_body:,} bytes: no route "
                                       "reads a body")
                    return
                if message["type"] != "http.request" or not message.get("more_body"):
                    break
            receive = _replay(buffered, receive)
        await self.app(scope, receive, send)

    async def _refuse(self, scope: dict, receive: Any, send: Any, status: int,
                      message: str) -> None:
        response = self.refuse(scope, status, message)
        response.headers["Connection"] = "close"  # the rest of the request is never read
        await response(scope, receive, send)


def _replay(messages: list[dict], receive: Callable[[], Awaitable[dict]]
            ) -> Callable[[], Awaitable[dict]]:
    """Return a receive callable giving ``messages`` first, then the server's own."""
    pending = list(messages)

    async def replayed() -> dict:
        return pending.pop(0) if pending else await receive()

    return replayed


__all__ = ["MAX_BODY_BYTES", "MAX_HEAD_BYTES", "MAX_URL_BYTES", "RequestLimits"]
