"""The outlet registry: who publishes what, owned by whom, speaking for which side.

``load_outlets()`` reads the packaged ``data/outlets.tsv`` and, when given, user files in the
same format (a user line overrides the packaged line of the same name). ``find_outlet`` resolves
an article's outlet field and URL to a registry entry: by domain first (the URL's host, or a
domain written inside the outlet field such as "Kremlin (en.kremlin.ru)"), then by name or alias
as a case-insensitive prefix of the outlet field. ``speaker_side`` tells which side a speaker
(the root of an attribution chain) speaks for, from ``data/speaker_sides.tsv``.
"""
from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import InputError

# russia_media: privately owned outlets published in Russia (under its wartime media laws), the
# counterpart of ukraine_media; russia_state_media: owned or controlled by the Russian state.
SIDES = ("russia_official", "russia_state_media", "russia_media", "ukraine_official",
         "ukraine_media", "independent", "international")
OWNERSHIPS = ("state", "public", "private")
# The two camps of this war that a comparison puts side by side; other sides are shown apart.
CAMPS = {"russia_official": "russia", "russia_state_media": "russia", "russia_media": "russia",
         "ukraine_official": "ukraine", "ukraine_media": "ukraine",
         "independent": "other", "international": "other"}
OUTLET_COLUMNS = ("name", "aliases", "domains", "country", "ownership", "side", "sources")
ENV_OUTLETS = "CLAIMLEDGER_OUTLETS"
_DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+(?:ru|ua|com|net|org|io|eu|uk|media|info|de|fr|gov))\b",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Outlet:
    """One registry entry."""

    name: str
    side: str
    country: str | None = None
    ownership: str | None = None
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    sources: str | None = None


@dataclass(frozen=True)
class OutletRegistry:
    """Outlets indexed by domain and by lower-case name/alias."""

    outlets: tuple[Outlet, ...]

    def by_domain(self, host: str) -> Outlet | None:
        host = host.lower().strip(".")
        if host.startswith("www."):
            host = host[4:]
        for outlet in self.outlets:
            for domain in outlet.domains:
                if host == domain or host.endswith("." + domain):
                    return outlet
        return None

    def by_name(self, text: str) -> Outlet | None:
        lowered = text.lower().strip()
        best: tuple[int, Outlet] | None = None
        for outlet in self.outlets:
            for name in (outlet.name, *outlet.aliases):
                key = name.lower()
                if lowered == key or lowered.startswith(key + " ") or lowered.startswith(key + " ("):
                    if best is None or len(key) > best[0]:
                        best = (len(key), outlet)
        return best[1] if best else None


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


def read_outlets(lines: Iterable[str], origin: str) -> list[Outlet]:
    """Parse registry lines (TSV with the header :data:`OUTLET_COLUMNS`); InputError names bad lines."""
    rows = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not rows:
        return []
    header = rows[0][1].rstrip("\n").split("\t")
    if tuple(header[:len(OUTLET_COLUMNS)]) != OUTLET_COLUMNS:
        raise InputError(origin, f"header must be {' '.join(OUTLET_COLUMNS)} (tab-separated)", rows[0][0])
    outlets = []
    for number, line in rows[1:]:
        cells = next(csv.reader([line.rstrip("\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        record = dict(zip(OUTLET_COLUMNS, cells + [""] * (len(OUTLET_COLUMNS) - len(cells))))
        if not record["name"]:
            raise InputError(origin, "outlet without a name", number)
        if record["side"] not in SIDES:
            raise InputError(origin, f"side must be one of {', '.join(SIDES)}, not {record['side']!r}",
                             number)
        if record["ownership"] and record["ownership"] not in OWNERSHIPS:
            raise InputError(origin, f"ownership must be one of {', '.join(OWNERSHIPS)}", number)
        outlets.append(Outlet(
            name=record["name"], side=record["side"], country=record["country"] or None,
            ownership=record["ownership"] or None, aliases=_split(record["aliases"]),
            domains=tuple(d.lower() for d in _split(record["domains"])),
            sources=record["sources"] or None))
    return outlets


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> OutletRegistry:
    text = resources.files("claimledger.data").joinpath("outlets.tsv").read_text("utf-8")
    merged = {o.name: o for o in read_outlets(text.splitlines(), "outlets.tsv (packaged)")}
    for path in paths:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot read outlet registry ({exc.__class__.__name__})") from None
        merged.update({o.name: o for o in read_outlets(lines, path)})
    return OutletRegistry(tuple(merged.values()))


def load_outlets(extra: Iterable[str | Path] = ()) -> OutletRegistry:
    """Return the packaged registry extended by user files (and $CLAIMLEDGER_OUTLETS, if set)."""
    paths = [str(p) for p in extra]
    if os.environ.get(ENV_OUTLETS):
        paths.append(os.environ[ENV_OUTLETS])
    return _load(tuple(paths))


def find_outlet(registry: OutletRegistry, outlet: str | None, url: str | None = None) -> Outlet | None:
    """Return the registry entry of an article's outlet field and URL, or None when unknown."""
    hosts = []
    if url:
        hosts.append(urlsplit(url if "//" in url else "//" + url).hostname or "")
    if outlet:
        if outlet.lower().startswith(("http://", "https://")):
            hosts.append(urlsplit(outlet).hostname or "")
        hosts.extend(match.group(1) for match in _DOMAIN.finditer(outlet))
    if outlet:  # a name printed first ("Office of the President of Ukraine (...)") is the publisher
        found = registry.by_name(outlet)
        if found is not None:
            return found
    for host in hosts:
        if host and (found := registry.by_domain(host)) is not None:
            return found
    return None


@lru_cache(maxsize=1)
def _speaker_patterns() -> tuple[tuple[str, str], ...]:
    text = resources.files("claimledger.data").joinpath("speaker_sides.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]
    return tuple((p.strip().lower(), s.strip()) for p, s in rows[1:] if s.strip() in SIDES)


def speaker_side(*names: str | None) -> str | None:
    """Return the side a speaker speaks for (first pattern found in any of the names), or None."""
    text = " | ".join(n.lower() for n in names if n)
    if not text:
        return None
    for pattern, side in _speaker_patterns():
        if pattern in text:
            return side
    return None
