"""``/api/places/{key}/control``: a place's control ledger as JSON.

Kept apart from :mod:`.api` (and included before its router, whose ``/places/{key:path}`` would
take ``.../control`` as part of the key). The claims come from
:func:`claimledger.store.control.find_control_claims`, as ``claimledger places --control`` prints them.
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from ..control import STATUSES
from ..store.control import find_control_claims
from .api import Views
from .params import reject_unknown_parameters
from .views import NotFound

router = APIRouter(prefix="/api", tags=["ledger"],
                   dependencies=[Depends(reject_unknown_parameters)])
# The latest claims a response holds unless asked for more: a front-line town named in thousands of
# daily bulletins would otherwise cost seconds (about 5 ms a claim on a 10,000-article store).
DEFAULT_CONTROL_LIMIT = 200
MAX_CONTROL_LIMIT = 5000


@router.get("/places/{key:path}/control", summary="One place: who holds it, claim by claim")
def api_place_control(
    views: Views, key: Annotated[str, Path(description="Place key (ref or name:<name>)")],
    limit: Annotated[int, Query(ge=1, le=MAX_CONTROL_LIMIT,
                                description="At most this many claims, the latest")] = DEFAULT_CONTROL_LIMIT,
) -> dict[str, Any]:
    """The place's control claims, oldest first: status (russian_control, ukrainian_control,
    contested, withdrawal, unknown), polarity (asserted or denied), modality (factual, future,
    hypothetical), actor, claimant and its side, outlet, chain of sources, date, article and
    claim id, with a count per status."""
    place = views.places.get(key)
    if place is None:
        raise NotFound(f"no place {key!r} in the ledger")
    claims = find_control_claims(views.ledger, key, limit=limit)
    statuses = {status: sum(c.status == status for c in claims) for status in STATUSES}
    return {"place": place, "statuses": statuses, "count": len(claims),
            "claims": [c.to_dict() for c in claims]}
