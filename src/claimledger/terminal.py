"""The terminal: the two consoles (out, err); text that is safe to print (user strings never read
as rich markup, control characters shown as escapes); the CLI's tables of claims and control
claims. Used by the CLI and the analyze report."""
from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

# Tables want room: when output goes to a pipe or file, rich would assume 80 columns.
PIPE_WIDTH = 140

# Characters shown as escapes besides the control characters (Unicode category Cc, C0 and C1):
# the bidirectional overrides and isolates, which can make a printed file name or claim read in
# another order than it is stored ("Trojan Source"). Other format characters (zero-width joiners,
# soft hyphens) are left alone: Persian, Indic scripts and emoji need them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(value: object, *, keep_lines: bool = False) -> str:
    """Return ``value`` as text safe for a terminal: control characters, bidirectional overrides
    and lone surrogates shown as escapes ("\\x1b", "\\x0a", "\\u202e", "\\udcff"), so that a file
    name cannot move the cursor, recolour the terminal, split its line or fail to encode;
    ``keep_lines`` keeps newlines and tabs (article text in a table cell). Markup needs no
    escaping: the consoles read none."""
    kept = "\n\t" if keep_lines else ""
    text = str(value)
    if not any(_unsafe(char, kept) for char in text):
        return text
    return "".join((f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
                   if _unsafe(char, kept) else char for char in text)


def _unsafe(char: str, kept: str) -> bool:
    # Cs: a lone surrogate, which is how Python keeps the bytes of a file name that is not UTF-8;
    # no terminal encoding takes it.
    return (unicodedata.category(char) in ("Cc", "Cs") or char in BIDI_CONTROLS) and char not in kept


class SafeConsole(Console):
    """A rich Console for user text: every string it prints or puts in a table is taken as it is
    (no markup, no ``:emoji:`` codes, no highlighting) and passes through :func:`printable`, so a
    report, a file name or a speaker read from the input can neither raise MarkupError, lose a
    "[sic]", nor write escape codes. Styles come from rich Text objects (:func:`styled`)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, emoji=False, highlight=False, **kwargs)

    def render_str(self, text: str, **kwargs: Any) -> Text:
        kwargs.update(markup=False, emoji=False, highlight=False)
        return super().render_str(printable(text, keep_lines=True), **kwargs)


out = SafeConsole(width=None if sys.stdout.isatty() else PIPE_WIDTH)
err = SafeConsole(stderr=True)


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


def claims_table(rows: list[dict]) -> Table:
    """Return claim rows (Ledger.find_claims) as a table: date, outlet, speaker, cue, content, events."""
    table = Table(title="claims", show_lines=True)
    for name in ("date", "outlet", "speaker", "cue", "content", "events"):
        table.add_column(name, overflow="fold", max_width=60 if name == "content" else 28)
    for row in rows:
        events = "; ".join(describe_event(e) for e in row.get("events") or [])
        table.add_row(str(row.get("date") or ""), row.get("outlet") or "", row.get("speaker") or "(outlet)",
                      row.get("cue") or ("(headline)" if row.get("headline") else ""),
                      row.get("content") or "", events)
    return table


def describe_event(event: dict, *, trigger: bool = False) -> str:
    """An event in one line: type, count, the trigger words (place ledger) or the places, date,
    polarity and modality."""
    bits = [event.get("type", "")]
    if event.get("quantity") is not None:
        bits.append(f"x{event['quantity']}")
    if trigger and event.get("trigger"):
        bits.append(f"“{event['trigger']}”")
    elif not trigger and event.get("places"):
        bits.append("@" + ",".join(event["places"]))
    if event.get("when"):
        bits.append(event["when"])
    if event.get("polarity") == "denied":
        bits.append("(denied)")
    if event.get("modality") and event["modality"] != "factual":
        bits.append(f"({event['modality']})")
    return " ".join(bits)
