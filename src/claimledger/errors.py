"""Domain errors. Raised below, translated once at the edges (CLI, HTTP)."""
from __future__ import annotations


class ClaimledgerError(Exception):
    """Base class: the message is one line a user can act on."""


class InputError(ClaimledgerError):
    """An input file or line cannot be read; names the file (and line)."""

    def __init__(self, origin: str, reason: str, line: int | None = None):
        self.origin, self.reason, self.line = origin, reason, line
        where = origin if line is None else f"{origin}:{line}"
        super().__init__(f"{where}: {reason}")


class StoreError(ClaimledgerError):
    """The database cannot be opened, migrated or written."""


class ModelError(ClaimledgerError):
    """An NLP model or packaged data file is missing or cannot be loaded."""


class ExportError(ClaimledgerError):
    """An export cannot be written where it was asked to go."""
