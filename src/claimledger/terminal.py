"""Terminal text that is safe to print: user strings never read as rich markup, control
characters shown as escapes. Used by the CLI and the analyze report."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from rich.table import Table
from rich.text import Text


def printable(value: object, *, keep_lines: bool = False) -> str:
    """Return ``value`` as text with control characters shown as escapes ("\\x1b", "\\x0a"), so
    that a file name cannot move the cursor or split its line; ``keep_lines`` keeps newlines and
    tabs (article text in a table cell)."""
    kept = "\n\t" if keep_lines else ""
    text = str(value)
    if not any(unicodedata.category(char) == "Cc" and char not in kept for char in text):
        return text
    return "".join(f"\\x{ord(char):02x}" if unicodedata.category(char) == "Cc" and char not in kept
                   else char for char in text)


def styled(*parts: str | tuple[str, str]) -> Text:
    """Return rich Text of plain strings and (string, style) pairs: no part is read as markup,
    and control characters are made visible (:func:`printable`)."""
    return Text.assemble(*(printable(part, keep_lines=True) if isinstance(part, str)
                           else (printable(part[0], keep_lines=True), part[1]) for part in parts))


def control_table(claims: Iterable[Any]) -> Table:
    """Return a place's control claims (``store.control.ControlClaim``) as a rich table: date,
    status, mark ("denied", "future", "hypothetical" when so), kind, claimant and side, the chain
    of sources (outlet first), article and claim id."""
    table = Table(show_lines=False)
    for column in ("date", "status", "mark", "kind", "claimant", "side", "chain", "article / claim"):
        table.add_column(column, overflow="fold", max_width=40 if column == "chain" else 28)
    for c in claims:
        marks = ", ".join(m for m in (c.polarity, c.modality) if m not in ("asserted", "factual"))
        table.add_row(*(printable(v) for v in (
            c.date or "", c.status or "-", marks, c.kind, c.claimant, c.claimant_side,
            " > ".join(c.chain), f"{c.article_id} {c.claim or ''}")))
    return table
