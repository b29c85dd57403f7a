"""Blocking: the candidate pairs of link claims, a bounded number per claim whatever the ledger's size.

Two claims are compared only when they share a block key (``block_keys``): (event type, place,
ISO week) for events, (source, week) for statements, or a MinHash band of their shingles for
copied text. A busy place gets ten times the reports in a ledger ten times as large, so pairing
every claim of a block with all the others (or a fixed window of them) makes the candidate pairs
per claim grow with the ledger. Instead, in each block larger than :data:`SMALL_BLOCK` a claim **picks** its
:data:`NEAREST_PER_GROUP` date-nearest claims of every group: every camp (Russia, Ukraine,
others), and in an event block every outcome within a camp (taken, repelled, denied); claims of
its own article are left out. So a pair across camps or outcomes, where contradictions live, is
not crowded out by the same-side repeats of a busy block. A claim picks at most
:data:`MAX_PICKS_PER_CLAIM` partners over all its blocks, the most specific blocks first (copied
text, then event blocks, smallest first: a settlement's before its oblast's, then the source's
week). A pair is a candidate when either claim picks the other, so there are at most
``MAX_PICKS_PER_CLAIM`` candidate pairs per claim on average, at any ledger size.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from .matching import CONFLICTING_TYPES, DATE_SLACK_DAYS, LinkClaim, LinkEvent, _days

# Copied-text blocking: MinHash of 3-word shingles in MINHASH_BANDS bands of MINHASH_ROWS hashes;
# two claims share a band with probability 1-(1-J^rows)^bands: 0.96 at Jaccard 0.8, 0.14 at 0.4
# (a shared band only makes a candidate pair; classify_link decides).
MINHASH_BANDS = 6
MINHASH_ROWS = 4
# Event blocks are (type, place, ISO week); an event spanning more weeks than this (a year, an
# open range) goes to one (type, place) block instead, where claims pick their date-nearest.
MAX_EVENT_WEEKS = 6
# Per block larger than SMALL_BLOCK, the claims of each group (pick_group: camp, and in an event
# block what the claim says of the event) a claim picks: the date-nearest ones. Measured against
# the links of the old blocking (all pairs in blocks of up to 60, a window of 30 beyond) on the
# synthetic ledgers of benchmarks/linking.py: at 30,000 claims 3 keeps every story, contested
# story and claim with a contradiction (2 loses 2 contested stories; grouped by camp alone, 3
# loses 30 contradiction links and 2 loses 108); at 100,000 claims the candidate pairs fall from
# 8.1 to 5.0 a claim and 99% of the contested stories are kept.
NEAREST_PER_GROUP = 3
# A block of at most this many claims is compared all-pairs (at most SMALL_BLOCK - 1 pairs a claim
# in it, a bound that does not grow with the ledger either); only larger blocks pick. On the demo
# ledger picking in its event blocks (5-15 claims) lost 34 repeats and 3 agreements of one source
# (translations of one address among them); with 16 every event-block link is kept.
SMALL_BLOCK = 16
# Partners a claim picks over all its blocks, most specific blocks first: a ceiling for a claim
# in many blocks (a survey naming many places over weeks); most claims pick far fewer.
MAX_PICKS_PER_CLAIM = 24
# Block kinds in the order a claim spends its picks: copied text is the surest sign of one
# statement, an event (type, place, week) block the next, the source's week the loosest.
KIND_ORDER = {"text": 0, "type-place-week": 1, "type-place": 1, "source-week": 2}
# Conflicting types share a block, so that "taken" meets "repelled" at the same place.
_TYPE_BLOCKS = {type_: "|".join(sorted(pair)) for pair in CONFLICTING_TYPES for type_ in pair}
_UNDATED = -1  # the day of a claim without a date: all undated claims are near one another


def _week(value: str | None) -> str | None:
    if not value:
        return None
    try:
        year, week, _ = date.fromisoformat(value[:10]).isocalendar()
    except ValueError:
        return None
    return f"{year}-W{week:02d}"


def _weeks(claim: LinkClaim) -> set[str]:
    weeks = {w for w in (_week(claim.date_start), _week(claim.date_end)) if w}
    return weeks or ({w} if (w := _week(claim.published)) else {"undated"})


def _hash(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "big")


@lru_cache(maxsize=1)
def _minhash_seeds() -> tuple[int, ...]:
    return tuple(_hash(str(seed)) for seed in range(MINHASH_BANDS * MINHASH_ROWS))


def _event_blocks(event: LinkEvent, published: str | None) -> list[tuple[str, ...]]:
    """Return the (type, place, week) blocks of an event: the ISO weeks its dates, widened by
    DATE_SLACK_DAYS, touch; a long or undated event gets a (type, place) block."""
    group = _TYPE_BLOCKS.get(event.type, event.type)
    start = _days(event.start) or _days(published)
    end = _days(event.end) or start
    if start is None or end is None or (end - start) // 7 + 1 > MAX_EVENT_WEEKS:
        return [("type-place", group, place) for place in event.places]
    weeks = sorted({_week(date.fromordinal(day).isoformat())
                    for day in range(start - DATE_SLACK_DAYS, end + DATE_SLACK_DAYS + 1)})
    return [("type-place-week", group, place, week) for place in event.places for week in weeks]


def minhash_bands(tokens: Sequence[str]) -> list[str]:
    """Return MinHash band keys of a token list's 3-word shingles (copied text shares a band)."""
    if len(tokens) < 6:
        return []
    shingles = {" ".join(tokens[i:i + 3]) for i in range(len(tokens) - 2)}
    hashes = [_hash(s) for s in shingles]
    signature = [min(h ^ seed for h in hashes) for seed in _minhash_seeds()]
    return [f"{band}:" + ":".join(str(v % 1_000_003) for v in
                                  signature[band * MINHASH_ROWS:(band + 1) * MINHASH_ROWS])
            for band in range(MINHASH_BANDS)]


def block_keys(claim: LinkClaim) -> set[tuple[str, ...]]:
    """Return the blocking keys of a claim (pairs are compared only within a shared key)."""
    keys: set[tuple[str, ...]] = set()
    weeks = _weeks(claim)
    for event in claim.events:
        keys.update(_event_blocks(event, claim.published))
    if claim.source_key.startswith("speaker:"):
        for week in weeks:
            keys.add(("source-week", claim.source_key, week))
    keys.update(("text", band) for band in minhash_bands(claim.tokens))
    return keys


def _day(claim: LinkClaim) -> int:
    found = _days(claim.date_start) or _days(claim.published)
    return _UNDATED if found is None else found


def pick_group(claim: LinkClaim, key: tuple[str, ...]) -> tuple[Any, ...]:
    """Return the group a claim is picked in within block ``key``: its camp, and in an event block
    also what it says of the block's event (types of the family at the place, asserted or
    denied), so that "taken" meets "repelled" and "asserted" meets "denied" in a crowded block."""
    if key[0] not in ("type-place-week", "type-place"):
        return (claim.camp,)
    family, place = set(key[1].split("|")), key[2]
    return (claim.camp, tuple(sorted({(e.type, e.denied) for e in claim.events
                                      if e.type in family and place in e.places})))


def nearest_picks(members: Sequence[int], claims: Sequence[LinkClaim], days: Sequence[int],
                  key: tuple[str, ...], per_group: int) -> Iterator[tuple[int, list[int]]]:
    """Yield (claim index, the indexes it picks) for each member of block ``key``: per group
    (:func:`pick_group`), the ``per_group`` members nearest in date (ties: nearest in the block's
    date order), claims of the claim's own article left out. The picks come rank by rank (each
    group's nearest, then the second nearest, ...), at each rank the other camps' groups first,
    then the claim's camp's other groups, its own group last."""
    ordered = sorted(members, key=lambda i: (days[i], i))
    groups = [pick_group(claims[index], key) for index in ordered]
    by_group: dict[tuple[Any, ...], list[int]] = {}
    for position, group in enumerate(groups):
        by_group.setdefault(group, []).append(position)
    articles = [claims[index].article_id for index in ordered]
    for position, index in enumerate(ordered):
        own = groups[position]
        order = sorted(by_group, key=lambda group: (group[0] == own[0], group == own))
        ranked = [_nearest(position, by_group[group], ordered, days, articles, per_group)
                  for group in order]
        yield index, [ordered[found[rank]] for rank in range(per_group) for found in ranked
                      if rank < len(found)]


def _nearest(position: int, positions: list[int], ordered: Sequence[int], days: Sequence[int],
             articles: Sequence[str], count: int) -> list[int]:
    """Return up to ``count`` of ``positions`` (sorted positions in the block's date order) nearest
    to ``position`` by (days apart, positions apart), skipping those of its article."""
    article, day = articles[position], days[ordered[position]]
    right = bisect_left(positions, position)
    left = right - 1
    found: list[int] = []
    while len(found) < count:
        while left >= 0 and articles[positions[left]] == article:
            left -= 1
        while right < len(positions) and articles[positions[right]] == article:
            right += 1
        if left < 0 and right >= len(positions):
            break
        if right >= len(positions) or (left >= 0 and (day - days[ordered[positions[left]]],
                                                      position - positions[left]) <=
                                       (days[ordered[positions[right]]] - day,
                                        positions[right] - position)):
            found.append(positions[left])
            left -= 1
        else:
            found.append(positions[right])
            right += 1
    return found


def find_candidates(claims: Sequence[LinkClaim], new: set[tuple[str, int]] | None = None
                    ) -> Iterator[tuple[int, int]]:
    """Yield index pairs (i < j) of claims of different articles where one picks the other in a
    block they share (see the module's docstring); each pair once, at most MAX_PICKS_PER_CLAIM
    picked per claim.

    With ``new`` (claim keys), only the blocks holding a new claim are read and only pairs with a
    new claim are yielded (incremental linking: the work grows with the new claims and their
    blocks, not with the ledger); there the old claims spend their picks on new claims only.
    """
    blocks: dict[tuple[str, ...], list[int]] = {}
    for index, claim in enumerate(claims):
        for key in block_keys(claim):
            blocks.setdefault(key, []).append(index)
    new_indexes = None if new is None else {i for i, c in enumerate(claims) if c.key in new}
    wanted = [(KIND_ORDER.get(key[0], len(KIND_ORDER)), len(members), key, members)
              for key, members in blocks.items() if len(members) > 1 and
              (new_indexes is None or not new_indexes.isdisjoint(members))]
    wanted.sort(key=lambda block: block[:3])
    days = [_day(claim) for claim in claims]
    left = [MAX_PICKS_PER_CLAIM] * len(claims)
    seen: set[tuple[int, int]] = set()
    for _, _, key, members in wanted:
        per_group = len(members) if len(members) <= SMALL_BLOCK else NEAREST_PER_GROUP
        for index, picks in nearest_picks(members, claims, days, key, per_group):
            for other in picks:
                if not left[index]:
                    break
                pair = (min(index, other), max(index, other))
                if pair in seen or (new_indexes is not None and index not in new_indexes
                                    and other not in new_indexes):
                    continue
                seen.add(pair)
                left[index] -= 1
                yield pair
