"""Datelines of wire reports: where the report was filed is no event's place and no part of a claim."""
from __future__ import annotations

import pytest

from claimledger.extract.datelines import dateline_end
from claimledger.models import Article


@pytest.mark.parametrize("text, dateline", [
    ("KYIV, Ukraine (AP) — Russian missiles struck", "KYIV, Ukraine (AP) — "),
    ("MOSCOW, May 5 (Reuters) - Russia said", "MOSCOW, May 5 (Reuters) - "),
    ("КИЕВ, 3 июня. /ТАСС/. Украинские войска", "КИЕВ, 3 июня. /ТАСС/. "),
    ("KIEV\nRussia launches an offensive", "KIEV\n"),
    ("NATO — the alliance said", ""),
    ("US — talks resumed", ""),
    ("The UN said", ""),
    ("ВСУ отступили", ""),
])
def test_dateline_end(text, dateline):
    assert text[:dateline_end(text)] == dateline


@pytest.mark.model
def test_a_dateline_is_a_place_but_no_events_place_nor_part_of_a_claim():
    from claimledger.pipeline import analyse_article

    text = ("KYIV, Ukraine (AP) — Russian missiles struck Kharkiv overnight, killing at least seven people and "
            "wounding 21, regional Gov. Oleh Syniehubov said Friday.")
    doc = analyse_article(Article(id="t", text=text, language="en", published="2024-05-24"))
    assert "KYIV" in [p.text for p in doc.places]
    (claim,) = doc.attributions
    # the content starts after the dateline and keeps the result the strike had
    assert text[claim.content[0]:claim.content[1]] == \
        "Russian missiles struck Kharkiv overnight, killing at least seven people and wounding 21"
    kyiv = "UA80000000000093317"
    assert doc.events and all(kyiv not in e.places for e in doc.events)
    assert {e.type for e in doc.events if e.claimed_by == claim.id} >= {"strike", "casualties"}
