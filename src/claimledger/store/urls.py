"""Showing where a ledger is without its password, and the error for a missing database driver.

A ledger is named by a file path (SQLite) or a SQLAlchemy URL such as
``postgresql://user:password@host/db``. Whatever is printed (``summary``, ``serve``, every error
message) goes through :func:`display_target`, which renders a URL with its password as ``***``
(SQLAlchemy's ``URL.render_as_string(hide_password=True)``, and a ``password=`` query parameter
too); :func:`hide_secrets` also blanks the password wherever a driver's message repeats it.
"""
from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from ..errors import StoreError

HIDDEN = "***"
# The install hint for a PostgreSQL URL without its driver (psycopg, the `postgres` extra).
POSTGRES_INSTALL = "pip install 'claimledger[postgres]'"
# Passwords shorter than this are not searched for in driver messages (it would blank common words).
MIN_SCRUBBED_PASSWORD = 3
_QUERY_PASSWORD_KEYS = ("password", "passwd")
_AUTHORITY = re.compile(r"://.*@")


def parse_url(target: str | Path) -> URL | None:
    """Return the SQLAlchemy URL of a target, or None for a path (or a URL that does not parse)."""
    text = str(target)
    if "://" not in text:
        return None
    try:
        return make_url(text)
    except (ArgumentError, ValueError):
        return None


def _passwords(url: URL) -> list[str]:
    found = [url.password] if url.password else []
    for key in _QUERY_PASSWORD_KEYS:
        value = url.query.get(key)
        found.extend([value] if isinstance(value, str) else list(value or ()))
    return [str(p) for p in found if p]


def display_url(url: URL) -> str:
    """Render a URL with its password (and any ``password=`` query parameter) hidden."""
    hidden = [key for key in _QUERY_PASSWORD_KEYS if key in url.query]
    if hidden:
        url = url.update_query_dict({key: "HIDDENPASSWORD" for key in hidden})
    return url.render_as_string(hide_password=True).replace("HIDDENPASSWORD", HIDDEN)


def display_target(target: str | Path) -> str:
    """Return a ledger path as it is, or a ledger URL with its password hidden."""
    text = str(target)
    if "://" not in text:
        return text
    url = parse_url(text)
    return display_url(url) if url is not None else _AUTHORITY.sub("://" + HIDDEN + "@", text)


def hide_secrets(message: str, target: str | Path) -> str:
    """Return ``message`` with the target shown by :func:`display_target` and its password blanked."""
    text = str(target)
    if "://" not in text:
        return message
    message = message.replace(text, display_target(text))
    url = parse_url(text)
    for password in _passwords(url) if url is not None else ():
        if len(password) >= MIN_SCRUBBED_PASSWORD:
            message = message.replace(password, HIDDEN)
    return message


def engine_error(target: str | Path, url: URL, exc: Exception) -> StoreError:
    """Return the one-line StoreError for a URL whose engine cannot be made; a missing
    PostgreSQL driver names the extra that installs it."""
    shown = display_target(target)
    if isinstance(exc, ImportError) and url.get_backend_name() == "postgresql":
        module = (getattr(exc, "name", None) or "psycopg").split(".")[0]
        other = "" if module == "psycopg" else " (it installs psycopg, for postgresql:// URLs)"
        return StoreError(f"cannot open ledger {shown}: the PostgreSQL driver {module} is not "
                          f"installed; {POSTGRES_INSTALL}{other}")
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return StoreError(hide_secrets(f"cannot open ledger {shown}: {reason}", target))
