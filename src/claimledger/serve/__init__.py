"""The web view and JSON API over a ledger, read-only (``claimledger serve``)."""
from __future__ import annotations

from .app import create_app, serve_ledger
from .readonly import ExposureError, ReadOnlyStore, check_exposure, open_readonly_store

__all__ = ["ExposureError", "ReadOnlyStore", "check_exposure", "create_app", "open_readonly_store",
           "serve_ledger"]
