"""The ledger store: SQLite by default, PostgreSQL through the same SQLAlchemy Core code."""
from __future__ import annotations

from ..claims import CLAIM_FIELDS
from .ledger import Ledger, open_ledger
from .migrations import MIGRATIONS, SCHEMA_VERSION

__all__ = ["CLAIM_FIELDS", "Ledger", "MIGRATIONS", "SCHEMA_VERSION", "open_ledger"]
