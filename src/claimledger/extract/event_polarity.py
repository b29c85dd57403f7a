"""Event polarity as its claimant presents it, the same for every language: a content under a denying cue
("the governor denied that the plant was hit", "опровергли информацию о наступлении") is denied. The language
rules that read an event's own negation are in events.py (English) and event_polarity_ru_uk.py.

A polarity, the event's ``claimed_by`` and the document's attributions in, a polarity out; pure.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..models import Attribution


def claimed_polarity(polarity: str, claimed_by: str | None, attributions: Sequence[Attribution]) -> str:
    """Denied when the claimant's cue denies its content, else ``polarity``. A denied negation ("denied that it
    did not ...") is rare and stays denied: the cue may already have negated the span."""
    claimant = next((a for a in attributions if a.id == claimed_by), None)
    return "denied" if claimant is not None and claimant.evidentiality == "denied" else polarity
