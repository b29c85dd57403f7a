"""A bounded, seeded fuzz of every route of the web server: no query string, path segment or
request size makes any route answer 5xx, and every refusal is a clear error (JSON ``{"error":
...}`` under ``/api/``, an HTML error page elsewhere).

The routes are read from the FastAPI app itself (``app.routes``), so a new route or parameter is
fuzzed without touching this file. Requests go to `claimledger serve` in its own process over the
served test ledger (served_db / served_url in conftest.py), from a few keep-alive connections.
"""
from __future__ import annotations

import http.client
import json
import random
import socket
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from starlette.routing import Mount

from claimledger.serve import open_readonly_store
from claimledger.serve.app import create_app
from claimledger.serve.limits import MAX_BODY_BYTES, MAX_URL_BYTES
from claimledger.serve.params import MAX_PER_PAGE

from test_api import get_json, query

pytestmark = [pytest.mark.model, pytest.mark.fuzz]
SEED = 16  # the number: the same requests on every run
# Hostile values tried per (route, parameter): a seeded sample of HOSTILE_VALUES, on top of
# ALWAYS_TRIED. About 25 routes with up to 13 parameters each: ~2,000 requests in all.
SAMPLED_PER_PARAMETER = 6
MIXED_PER_ROUTE = 6  # requests per route mixing several hostile parameters at once
# Query parameters sent first on a route (a fuzzed one after them wins: the last value counts): an
# export of the whole ledger costs a hundred listings, so the fuzz exports only claims before 1900.
NARROWING = {"/api/export/{name}": "until=1900&"}
# Clients sending the requests at once (each its own connection, a share of the requests): the
# server answers from its thread pool, and on PostgreSQL the database works beside it.
FUZZ_CLIENTS = 4
OBLAST = "UA63000000000041885"  # Kharkiv Oblast: the oblast of the sample report

# Percent-encoded query values, as a scanner, a typo or a copy-paste sends them.
ALWAYS_TRIED = ("", "9" * 30, "%00", "%ff%fe", "2024-13-45", "x" * 10_000)
HOSTILE_VALUES = (
    # numbers
    "-1", "0", "-0", "1e309", "NaN", "nan", "inf", "-inf", "0x10", "1.5", "%201", "1%20",
    "9223372036854775808", "-9223372036854775809", "99999999999999999999999", "+5", "%D9%A1%D9%A2",
    # text, unicode, control characters
    "%20", "%09", "%0A", "%0D%0AX-Injected:%201", "%1B%5B31m", "%E2%80%AE%F0%9F%92%A5",
    "%D0%A5%D0%B0%D1%80%D0%BA%D1%96%D0%B2", "e%CC%81", "%EF%BB%BF", "%C0%AF", "%ED%A0%80",
    "%D0%96" * 1500, "a%00b",
    # percent-encoding gone wrong
    "%", "%%", "%zz", "%25", "%2525", "%u0041", "%2", "+", "%2B",
    # SQL, LIKE, FTS5 and tsquery metacharacters
    "%25%25", "_", "%5C", "%5C%25", "%27", "%27%3B--", "%27%20OR%201%3D1--", "%22", "%22a",
    "*", "a*", "NEAR(a%20b)", "a%20OR", "AND", "NOT%20a", "^a", "col:val", "a:", "(", ")",
    "%7B", "%5B", "a%26b", "!", "%3C%7C%3E", "a%20%26%20!b", "%3A*", "-a",
    # dates
    "2024-13-45", "2024-02-30", "0000-00-00", "0000", "9999-12-31", "10000-01-01", "2024-1-1",
    "2024%2F01%2F01", "-2024", "2024-05-01T00:00", "2024-W01", "20240101", "May%202024",
    # paths and keys
    "..%2F..%2Fetc%2Fpasswd", "name:", "name:%25", "geonames:", "geonames:-1", "~", "a~", "~a1",
    "a~a9999999999999999999", "UA" + "9" * 40,
    # closed sets, near and right
    "true", "false", "TRUE", "maybe", "territory_control", "Russia", "russia", "zz", "en",
    "planet", "oblast", "newest", "random",
)
# Whole query strings appended to every route: repeated, unknown, odd names.
QUERY_STRINGS = ("page=1&page=2", "foo=bar", "%00=1", "page[]=1", "=1", "&&&", "a=1&a=2&a=3",
                 "token=", "per_page=1&per_page=" + "9" * 25, "q&page")
# Path segments tried in place of each path parameter (percent-encoded).
HOSTILE_SEGMENTS = ("x", "%00", "%ff", "..", "%2e%2e", "..%2F..%2Fetc%2Fpasswd", "~", "a~",
                    "~a1", "%20", "%25", "%5C", "%27", "name:", "geonames:" + "9" * 30,
                    "%D0%A5" * 2000, "x" * 10_000, "a/b/c", "control", "%3Cscript%3E")
STATIC_PATHS = ("/static/", "/static/..%2F..%2Fapp.py", "/static/%2e%2e/%2e%2e/app.py",
                "/static/%00", "/static/nonexistent.css", "/static/" + "x" * 5000,
                "/static//etc/passwd", "/static/style.css%00.png")


@dataclass
class Target:
    """One route: its path template, path and query parameter names."""

    path: str
    path_params: list[str]
    query_params: list[str] = field(default_factory=list)
    api_route: bool = False  # a FastAPI route (its parameters checked), not a plain one


def _query_names(dependant) -> list[str]:
    names = [param.alias for param in dependant.query_params]
    for sub in dependant.dependencies:
        names.extend(_query_names(sub))
    return list(dict.fromkeys(names))


def routes_of(served_db) -> tuple[list[Target], list[str]]:
    """Return the app's GET routes and its mounted prefixes, read from ``app.routes`` (through
    the routers it includes, as FastAPI's OpenAPI description reads them)."""
    store = open_readonly_store(served_db)
    try:
        app = create_app(store)
        targets, mounts = [], []
        for route in iter_route_contexts(app.routes):
            if isinstance(route.original_route, Mount):
                mounts.append(route.original_route.path)
            elif "GET" in (route.methods or ()):
                dependant = getattr(route, "dependant", None)
                targets.append(Target(route.path_format, list(route.param_convertors),
                                      _query_names(dependant) if dependant else [],
                                      isinstance(route.original_route, APIRoute)))
        return targets, mounts
    finally:
        store.close()


def valid_path_values(base: str) -> dict[str, str]:
    """Return a real value of each path parameter the routes take, from the served ledger."""
    story = get_json(query(base, "/api/stories", per_page=1))["items"][0]["id"]
    claim = get_json(query(base, "/api/claims", per_page=1))["items"][0]
    return {"story_id": story, "claim_id": claim["id"], "article_id": claim["article_id"],
            "key": OBLAST, "name": "claims.csv"}


class Client:
    """Requests over one keep-alive connection (opened again when the server closes it)."""

    def __init__(self, base: str):
        parsed = urllib.parse.urlsplit(base)
        self.host, self.port = parsed.hostname, parsed.port
        self.conn: http.client.HTTPConnection | None = None
        self.sent = 0

    def get(self, target: str, *, method: str = "GET", body: bytes | None = None,
            headers: dict | None = None) -> tuple[int, str, bytes]:
        """Return (status, content type, body) of one request; ``target`` is sent as is."""
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port)
            try:
                self.conn.request(method, target, body=body, headers=headers or {})
                response = self.conn.getresponse()
                payload = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
                self.sent += 1
                return response.status, response.getheader("Content-Type", ""), payload
            except (http.client.RemoteDisconnected, ConnectionError, BrokenPipeError):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def problem_of(target: str, status: int, content_type: str, body: bytes) -> str | None:
    """Return what is wrong with an answer (None when it is fine): a 5xx, or a 4xx that is
    not a clear error (JSON with one non-empty "error" under /api/, an HTML page elsewhere)."""
    shown = f"{status} {target[:140]}"
    if status >= 500:
        return f"{shown}: {body[:200]!r}"
    if status == 422:
        return f"{shown}: a 422, not the 400 the API documents"
    if 400 <= status < 500:
        if target.startswith("/api/"):
            if not content_type.startswith("application/json"):
                return f"{shown}: error as {content_type!r}"
            try:
                payload = json.loads(body)
            except ValueError:
                return f"{shown}: error body is not JSON"
            if set(payload) != {"error"} or not str(payload["error"]).strip():
                return f"{shown}: error body {payload!r}"
        elif not content_type.startswith(("text/html", "application/json")) or not body:
            return f"{shown}: error as {content_type!r} ({len(body)} bytes)"
    elif status == 200 and target.startswith("/api/") and content_type.startswith("application/json"):
        try:
            json.loads(body)
        except ValueError:
            return f"{shown}: the 200 body is not JSON"
    return None


def fill(path: str, values: dict[str, str]) -> str:
    """Return ``path`` with each ``{name}`` replaced by its (percent-encoded) value."""
    for name, value in values.items():
        path = path.replace("{" + name + "}", value)
    return path


def fuzz_requests(targets: list[Target], valid: dict[str, str]) -> list[str]:
    """Return the seeded list of request targets (path and query string) to send."""
    rng = random.Random(SEED)
    quoted = {name: urllib.parse.quote(value, safe="") for name, value in valid.items()}
    out: list[str] = []
    for target in targets:
        base = fill(target.path, {p: quoted.get(p, "x") for p in target.path_params})
        for name in target.path_params:  # each path parameter hostile, the others real
            for segment in HOSTILE_SEGMENTS:
                out.append(fill(target.path, {p: segment if p == name else quoted.get(p, "x")
                                              for p in target.path_params}))
        narrow = NARROWING.get(target.path, "")
        for name in target.query_params:
            for value in (*ALWAYS_TRIED, *rng.sample(HOSTILE_VALUES, SAMPLED_PER_PARAMETER)):
                out.append(f"{base}?{narrow}{name}={value}")
        for extra in QUERY_STRINGS:
            out.append(f"{base}?{narrow}{extra}")
        for _ in range(MIXED_PER_ROUTE if target.query_params else 0):
            names = rng.sample(target.query_params, min(len(target.query_params), 4))
            out.append(f"{base}?{narrow}" + "&".join(f"{n}={rng.choice(HOSTILE_VALUES)}"
                                                     for n in names))
    return out


def test_no_route_answers_5xx_to_hostile_parameters(served_db, served_url):
    targets, mounts = routes_of(served_db)
    assert {"/api/claims", "/api/places/{key}", "/places/{key}", "/api/stats"} <= {
        t.path for t in targets} and "/static" in mounts  # the app's routes were read
    valid = valid_path_values(served_url)
    unknown = {p for t in targets for p in t.path_params} - set(valid)
    assert not unknown, f"give valid_path_values a real value of {unknown}"
    requests = fuzz_requests(targets, valid) + [p for p in STATIC_PATHS if "/static" in mounts]
    clients = [Client(served_url) for _ in range(FUZZ_CLIENTS)]

    def send(client: Client, share: list[str]) -> list[str]:
        found = [problem_of(target, *client.get(target)) for target in share]
        client.close()
        return [problem for problem in found if problem]

    with ThreadPoolExecutor(FUZZ_CLIENTS) as pool:
        shares = pool.map(send, clients, [requests[n::FUZZ_CLIENTS] for n in range(FUZZ_CLIENTS)])
        problems = [problem for share in shares for problem in share]
    assert sum(client.sent for client in clients) == len(requests) > 1000
    assert problems == [], f"{len(problems)} of {len(requests)}:\n" + "\n".join(problems[:40])


def test_every_route_refuses_unknown_parameters(served_db, served_url):
    targets, _ = routes_of(served_db)
    quoted = {name: urllib.parse.quote(value, safe="")
              for name, value in valid_path_values(served_url).items()}
    client = Client(served_url)
    accepting = []
    for target in (t for t in targets if t.api_route):
        path = fill(target.path, quoted)
        status, content_type, body = client.get(f"{path}?plcae=Kyiv")
        if status != 400 or b"plcae" not in body or problem_of(path, status, content_type, body):
            accepting.append(f"{status} {path}")
    client.close()
    assert accepting == []  # a misspelt filter never silently widens an answer


def raw_request(base: str, head: bytes, body: bytes = b"") -> bytes:
    """Send raw bytes on a new connection; return what the server answered (up to 64 KiB), or
    b"" when it closed the connection on unread bytes (the kernel then resets it, losing any
    answer: a refusal too)."""
    parsed = urllib.parse.urlsplit(base)
    answer = b""
    with socket.create_connection((parsed.hostname, parsed.port)) as sock:
        try:
            sock.sendall(head + body)
            sock.shutdown(socket.SHUT_WR)
            while len(answer) < 65536 and (chunk := sock.recv(65536)):
                answer += chunk
        except OSError:  # reset, broken pipe, or not connected any more
            if answer.startswith(b"HTTP/1.1 5"):
                raise
            return answer if answer.startswith(b"HTTP/") else b""
    return answer


def refused(answer: bytes) -> bool:
    """Return True for a 4xx answer, or a connection closed without one (see raw_request)."""
    return not answer or 400 <= status_of(answer) < 500


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def test_raw_bytes_in_the_request_line_are_refused_or_answered(served_url):
    for target in (b"/api/claims?q=\xd0\xa5\xd0\xb0\xd1\x80", b"/api/claims?q=\xff\xfe",
                   b"/api/claims?q=a b", b"/api/claims/\x00", b"/places/\xe2\x80\xae",
                   b"/api/claims?q=\x1b[31m"):
        answer = raw_request(served_url, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\n"
                             b"Connection: close\r\n\r\n")
        assert answer and status_of(answer) < 500, (target, answer[:300])


def test_long_urls_get_a_414_and_long_headers_a_4xx(served_url):
    client = Client(served_url)
    for path in ("/api/claims", "/claims", "/api/places/x"):
        over = f"{path}?q={'x' * MAX_URL_BYTES}"
        status, content_type, body = client.get(over)
        assert status == 414 and not problem_of(over, status, content_type, body), (path, body[:200])
        assert client.get(over, method="HEAD")[::2] == (414, b"")  # HEAD alike, without a body
    status, _, _ = client.get("/api/claims?q=" + "x" * (MAX_URL_BYTES - 200))
    assert status == 200  # a long search under the bound still works
    client.close()
    answer = raw_request(served_url, b"GET /api/claims?q=" + b"x" * 200_000 + b" HTTP/1.1\r\n"
                         b"Host: x\r\nConnection: close\r\n\r\n")
    assert refused(answer), answer[:300]
    answer = raw_request(served_url, b"GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Big: "
                         + b"y" * 200_000 + b"\r\nConnection: close\r\n\r\n")
    assert refused(answer), answer[:300]
    assert get_json(served_url + "/api/stats")["articles"] > 0  # the server lives on


def test_request_bodies_are_bounded(served_url):
    client = Client(served_url)
    status, content_type, body = client.get("/api/stats", body=b"x" * (MAX_BODY_BYTES + 1))
    assert status == 413 and json.loads(body)["error"]
    status, _, _ = client.get("/api/stats", body=b"{}")
    assert status == 200  # a small body on a GET is ignored
    client.close()
    chunk = b"x" * 65536
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk)
                      for _ in range(MAX_BODY_BYTES // len(chunk) + 2)) + b"0\r\n\r\n"
    answer = raw_request(served_url, b"GET /api/stats HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                         b"chunked\r\nConnection: close\r\n\r\n", chunks)
    assert refused(answer) and (not answer or status_of(answer) == 413), answer[:300]
    answer = raw_request(served_url, b"GET /claims HTTP/1.1\r\nHost: x\r\nContent-Length: "
                         + str(10 ** 12).encode() + b"\r\nConnection: close\r\n\r\n", b"x" * 1000)
    assert status_of(answer) == 413 and b"text/html" in answer.split(b"\r\n\r\n")[0]
    assert get_json(served_url + "/api/stats")["articles"] > 0  # the server lives on


def test_every_listing_caps_its_page_size(served_db, served_url):
    targets, _ = routes_of(served_db)
    valid = valid_path_values(served_url)
    quoted = {name: urllib.parse.quote(value, safe="") for name, value in valid.items()}
    capped = [t for t in targets if "per_page" in t.query_params]
    assert len(capped) >= 6
    for target in capped:
        path = fill(target.path, quoted)
        status, _, body = Client(served_url).get(f"{path}?per_page={MAX_PER_PAGE + 1}")
        assert status == 400 and "per_page" in json.loads(body)["error"], path
    sizes = [t for t in targets if "limit" in t.query_params]
    for target in sizes:
        path = fill(target.path, quoted)
        status, _, body = Client(served_url).get(f"{path}?limit=1000000")
        assert status == 400 and "limit" in json.loads(body)["error"], path


def test_a_story_view_is_bounded(served_db, served_url):
    from claimledger.serve.stories import MAX_STORY_CLAIMS, compose_story
    from claimledger.serve.views import LedgerViews

    store = open_readonly_store(served_db)
    try:
        views = LedgerViews(store)
        story = max(views.stories.stories(), key=lambda s: len(s["claims"]))
        whole = len(story["claims"])
        assert 4 <= whole <= MAX_STORY_CLAIMS
        keys = views.places.alias_keys()
        cut = compose_story(story, views.ledger, lambda c: views.annotate_claim(c, keys),
                            max_claims=whole // 2, max_links=1)
    finally:
        store.close()
    cards = [card for column in cut["columns"] for card in column["claims"]]
    assert len(cards) == cut["claims_shown"] == whole // 2 and cut["claims"] == whole
    assert len(cut["links"]) == cut["links_shown"] <= 1 <= cut["links_total"]
    assert all(link["a"] < whole // 2 and link["b"] < whole // 2 for link in cut["links"])
    shown = get_json(f"{served_url}/api/stories/{urllib.parse.quote(story['id'], safe='')}")
    assert shown["claims_shown"] == shown["claims"] == whole  # under the bound: everything
    assert shown["links_shown"] == shown["links_total"] == len(shown["links"])
