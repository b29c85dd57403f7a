"""The place ledger (store/places.py, `claimledger places`): one entry per real place, a
name-only mention of a ref's canonical name counted with that ref."""
from __future__ import annotations

from claimledger.store.places import find_place_claims


class FakeLedger:
    """place_rows and iter_claims as Ledger answers them, for two spellings of one place."""

    def __init__(self, rows, claims):
        self.rows, self.claims = rows, claims

    def place_rows(self):
        return self.rows

    def iter_claims(self, *, place):
        return iter(self.claims.get(place, ()))


def claim_row(article: str, claim: str, ref: str) -> dict:
    return {"article_id": article, "claim": claim, "content": "Moscow said so", "outlet": "X",
            "published": "2024-05-12", "events": [{"type": "negotiation", "refs": [ref],
                                                  "when": "2024-05-12", "trigger": "said"}]}


def test_a_name_only_mention_is_counted_with_the_ref_of_that_name():
    rows = [("geonames:524901", "Moscow", "Moscow", "settlement", 8),
            (None, "Moscow", "Moscow", "settlement", 24),  # another extractor: no ref
            ("UA1", "Ivanivka", "Ivanivka", "settlement", 2),
            ("UA2", "Ivanivka", "Ivanivka", "settlement", 3),
            (None, "Ivanivka", "Ivanivka", "settlement", 1)]  # two refs of that name: not merged
    claims = {"geonames:524901": [claim_row("a1", "a1", "geonames:524901")],
              "Moscow": [claim_row("a1", "a1", "geonames:524901"), claim_row("a2", "e1", "Moscow")]}
    found = find_place_claims(FakeLedger(rows, claims), "Moscow")
    assert found.place is not None and found.place.key == "geonames:524901"
    assert found.place.mentions == 32 and found.place.aliases == ("Moscow",)
    assert [(c.article_id, c.claim) for c in found.claims] == [("a1", "a1"), ("a2", "e1")]
    assert all(c.events for c in found.claims)  # the name-only mention's event is about it too
    assert find_place_claims(FakeLedger(rows, claims), "geonames:524901").place.mentions == 32
    for ref, mentions in (("UA1", 2), ("UA2", 3)):  # a name of two refs merges into neither
        found = find_place_claims(FakeLedger(rows, claims), ref).place
        assert found.mentions == mentions and found.aliases == ()
    assert find_place_claims(FakeLedger(rows, claims), "Ivanivka").place.key == "Ivanivka"
