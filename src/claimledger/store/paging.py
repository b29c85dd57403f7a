"""Reading a whole table of the ledger a page at a time (exports), without holding it in memory.

Keyset paging on the table's ``pk``: each page is read in its own short transaction, so no read
transaction stays open while the caller works on a page.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import select

from . import schema

PAGE_ROWS = 5_000


def iter_table_pages(ledger: Any, name: str, columns: Sequence[str], *,
                     page: int = PAGE_ROWS) -> Iterator[list[dict[str, Any]]]:
    """Yield the rows of the ledger table ``name`` (a table with a ``pk``: claim_links, stories)
    as lists of at most ``page`` dicts of ``columns``, in stored order."""
    table = schema.metadata.tables[name]
    wanted = [table.c[column] for column in columns]
    last = 0
    while True:
        with ledger._transaction() as conn:  # the ledger's own error handling (StoreError)
            rows = conn.execute(select(table.c.pk, *wanted).where(table.c.pk > last)
                                .order_by(table.c.pk).limit(page)).all()
        if not rows:
            return
        last = rows[-1].pk
        yield [{column: row._mapping[column] for column in columns} for row in rows]
