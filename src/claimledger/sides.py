"""Which side of the war an outlet, a speaker and so a claim belongs to.

The outlet registry and speaker list of ``claimledger.link`` decide when they are installed;
without them, every side is ``unknown``. Shared by the web view (``serve.sides`` adds the column
order and labels), the control ledger (:mod:`claimledger.control`) and its evaluation.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

from .errors import ClaimledgerError

UNKNOWN = "unknown"


def _registry_lookup() -> Callable[[str | None, str | None], str | None] | None:
    """Return a function (outlet, url) -> camp from the link package's registry, or None."""
    try:
        from .link.outlets import CAMPS, find_outlet, load_outlets
    except ImportError:
        return None

    def lookup(outlet: str | None, url: str | None) -> str | None:
        found = find_outlet(load_outlets(), outlet, url)
        return CAMPS.get(found.side, found.side) if found is not None else None

    return lookup


@lru_cache(maxsize=4096)
def side_of_outlet(outlet: str | None, url: str | None = None) -> str:
    """Return the side (camp) of an outlet name or article URL: ``ukraine``, ``russia``,
    ``other``..., or ``unknown`` when the registry does not know it (or is not installed)."""
    if not outlet and not url:
        return UNKNOWN
    lookup = _registry_lookup()
    if lookup is None:
        return UNKNOWN
    try:
        side = lookup(outlet, url)
    except ClaimledgerError:  # a broken user registry file: show sides as unknown
        return UNKNOWN
    return str(side).lower() if side else UNKNOWN


# A state, or its capital or seat of power, named as the speaker ("Russia says ...", "В Киеве заявили": Kyiv)
# speaks for that state. Whole names only: "Russian opposition" or "Kyiv Independent" are no government.
STATE_SPEAKERS = {"russia": "russia", "moscow": "russia", "kremlin": "russia", "the kremlin": "russia",
                  "ukraine": "ukraine", "kyiv": "ukraine", "kiev": "ukraine"}


# A speaker the speaker list lacks, named by its state and an office of that state ("Ukraine's deputy defence
# minister", "Russian military officials"): that state's. The state word opens the name; the office is one of its
# words ("Russian opposition" or "Ukrainian bloggers" name no office).
STATE_OWNERS = {"russia's": "russia", "russia’s": "russia", "russian": "russia", "moscow's": "russia",
                "ukraine's": "ukraine", "ukraine’s": "ukraine", "ukrainian": "ukraine", "kyiv's": "ukraine"}
OFFICE_WORDS = frozenset({"minister", "ministry", "military", "army", "forces", "troops", "commander", "command",
                          "official", "officials", "spokesman", "spokeswoman", "spokesperson", "governor",
                          "authorities", "president", "general", "staff", "defence", "defense", "intelligence",
                          "navy", "government", "envoy", "ambassador", "chief", "head"})


@lru_cache(maxsize=8192)
def side_of_speaker(*names: str | None) -> str:
    """Return the side a speaker speaks for (the link package's speaker list, given the
    speaker, role or source text, else a state and an office named in the speaker),
    ``unknown`` when none is known."""
    if names and names[0] and names[0].strip().lower() in STATE_SPEAKERS:
        return STATE_SPEAKERS[names[0].strip().lower()]
    try:
        from .link.outlets import CAMPS, speaker_side
    except ImportError:
        return UNKNOWN
    found = speaker_side(*names)
    if found:
        return str(CAMPS.get(found, found)).lower()
    words = names[0].lower().split() if names and names[0] else []
    if words and words[0] in STATE_OWNERS and OFFICE_WORDS.intersection(words[1:]):
        return STATE_OWNERS[words[0]]
    return UNKNOWN


def side_of_claim(claim: dict) -> str:
    """Return the side of a claim (a find_claims dict): its outlet's, or, when the outlet is
    unknown, the side its speaker speaks for, as linking decides it."""
    side = side_of_outlet(claim.get("outlet"), claim.get("url"))
    if side != UNKNOWN:
        return side
    return side_of_speaker(claim.get("speaker"), claim.get("speaker_role"), claim.get("source"))
