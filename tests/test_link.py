"""Linking claims across outlets: relations between texts and between ledger claims, blocking,
the outlet registry, the quality floor. Ledger linking and stories: tests/test_stories.py.

Real pipeline and sentence model; the pairs are the war-news development pairs (tests/data).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from claimledger.link import (count_independent_sources, find_candidates, find_outlet, load_outlets,
                              relate_pairs)
from claimledger.link.matching import ClaimLink, classify_link
from link_claims import claim, event


# -- relations between two texts --------------------------------------------------------------

def relate(*pairs: tuple[str, str, str, str], analyse: bool = True) -> list[dict]:
    """Relate (a, a_lang, b, b_lang) pairs through the pipeline, the encoder and the classifier."""
    from claimledger.pipeline import analyse_articles

    records = [{"id": str(n), "a": a, "a_lang": al, "b": b, "b_lang": bl}
               for n, (a, al, b, bl) in enumerate(pairs)]
    return relate_pairs(records, analyse=analyse_articles if analyse else None)


@pytest.mark.model
def test_copied_text_is_a_repeat():
    a = "Russian forces took control of the village of Lukiantsi in the Kharkiv region on Sunday"
    b = "Russian forces took control of the village of Lukiantsi in the Kharkiv region, it said"
    (related,) = relate((a, "en", b, "en"))
    assert related["label"] == "repeat" and "copied" in related["reason"]


@pytest.mark.model
def test_a_translation_is_a_repeat_and_another_topic_unrelated():
    repeat, unrelated = relate(
        ("Currently, 27 foreign embassies have resumed their work in the capital of our country.", "en",
         "Зараз уже 27 іноземних посольств відновили роботу у столиці нашої держави.", "uk"),
        ("Grain exports through the Black Sea ports rose sharply in March.", "en",
         "Губернатор відкрив нову школу в Полтаві.", "uk"))
    assert repeat["label"] == "repeat"
    assert unrelated["label"] == "unrelated"
    assert unrelated["reason"].startswith("unrelated") and "meaning similarity" in unrelated["reason"]


@pytest.mark.model
def test_english_pairs_on_one_event_are_compared_through_events():
    denied, untrue, across = relate(
        ("The Kremlin denied that its troops had withdrawn from Kherson.", "en",
         "Russian troops have withdrawn from Kherson, the Ukrainian military said.", "en"),
        ("The allegations about missile and bomb attacks on Kiev are untrue, the Kremlin said.", "en",
         "Russian missiles struck Kyiv overnight, the mayor said.", "en"),
        ("Українські захисники відбили штурм Роботиного.", "uk",
         "Russian forces captured Robotyne, according to the Russian Defence Ministry.", "en"))
    assert denied["label"] == "contradict" and "denied by Kremlin" in denied["reason"]
    assert untrue["label"] == "contradict" and "denied" in untrue["reason"]
    assert across["label"] == "contradict"
    assert "attack_repelled (unattributed) vs territory_control (Russian Defence Ministry)" in across["reason"]


@pytest.mark.model
def test_one_source_saying_one_thing_twice_is_a_repeat_not_an_agreement():
    (related,) = relate(
        ("Zelensky said that Russian troops shelled Kharkiv again on Monday.", "en",
         "Зеленський заявив, що російські війська знову обстріляли Харків у понеділок.", "uk"))
    assert related["label"] == "repeat"


# -- relations between ledger claims ------------------------------------------------------------

def test_same_source_on_one_event_is_a_repeat_not_corroboration():
    a = claim("tass", source="speaker:russian defence ministry", events=[event("territory_control", "x")])
    b = claim("ria", source="speaker:russian defence ministry", events=[event("territory_control", "x")])
    assert classify_link(a, b).label == "repeat"
    c = claim("isw", source="outlet:isw", events=[event("territory_control", "x")])
    assert classify_link(a, c).label == "agree"
    links = [ClaimLink(a.key, b.key, "repeat", "", 1.0), ClaimLink(a.key, c.key, "agree", "", 1.0)]
    assert count_independent_sources([a, b, c], links) == 2


def test_taken_versus_repelled_contradicts():
    a = claim("tass", source="speaker:mod", side="russia_official", events=[event("territory_control", "x")])
    b = claim("up", source="speaker:general staff", side="ukraine_official",
              events=[event("attack_repelled", "x")])
    relation = classify_link(a, b)
    assert relation.label == "contradict" and "incompatible outcomes" in relation.reason


def test_denied_versus_asserted_and_counts_contradict():
    a = claim("a", source="speaker:one", events=[event("strike", "x")])
    b = claim("b", source="speaker:two", events=[event("strike", "x", denied=True)])
    assert classify_link(a, b).label == "contradict"
    c = claim("c", source="speaker:one", events=[event("casualties", "x", quantity=3)])
    d = claim("d", source="speaker:two", events=[event("casualties", "x", quantity=40)])
    assert "3" in classify_link(c, d).reason and classify_link(c, d).label == "contradict"


def test_other_place_or_time_is_unrelated():
    a = claim("a", source="speaker:one", events=[event("strike", "x")])
    assert classify_link(a, claim("b", source="speaker:two", events=[event("strike", "y")])).label == "unrelated"
    later = claim("c", source="speaker:two", events=[event("strike", "x", "2024-07-01")])
    assert classify_link(a, later).label == "unrelated"


# -- blocking ---------------------------------------------------------------------------------

def test_blocking_compares_only_claims_sharing_a_block():
    claims = [claim(f"art{i}", source=f"speaker:s{i}", events=[event("strike", f"place{i % 5}")])
              for i in range(20)]
    pairs = list(find_candidates(claims))
    assert pairs and all(claims[i].events[0].places == claims[j].events[0].places for i, j in pairs)
    assert len(pairs) == 5 * (4 * 3 // 2)  # all pairs within each small block, none across
    same_article = [claim("one", 0, events=[event("strike", "x")]), claim("one", 1, events=[event("strike", "x")])]
    assert list(find_candidates(same_article)) == []


def _dense_ledger(n: int) -> list:
    """n claims of strikes at two places in one week, by three camps and few sources: the
    reports of a busy front at a ledger size where blocks hold hundreds of claims."""
    sides = ["russia_official", "ukraine_official", "international"]
    return [claim(f"art{i}", source=f"speaker:s{i % 7}", side=sides[i % 3],
                  published=f"2024-05-{13 + i % 5:02d}",
                  events=[event("strike", f"place{i % 2}", f"2024-05-{13 + i % 5:02d}")])
            for i in range(n)]


def test_candidate_pairs_per_claim_stay_under_the_bound_in_a_dense_ledger():
    from claimledger.link.blocking import MAX_PICKS_PER_CLAIM, NEAREST_PER_GROUP

    per_claim = []
    for n in (300, 1200):
        claims = _dense_ledger(n)
        pairs = list(find_candidates(claims))
        assert len(set(pairs)) == len(pairs) and all(i < j for i, j in pairs)
        per_claim.append(len(pairs) / n)
    # each claim picks per block at most NEAREST_PER_GROUP of each of 3 camps, in 2 blocks
    assert all(value <= min(MAX_PICKS_PER_CLAIM, 2 * 3 * NEAREST_PER_GROUP) for value in per_claim)
    assert per_claim[1] <= per_claim[0] * 1.1  # four times the claims: not more pairs a claim


def test_a_cross_camp_pair_in_a_crowded_block_is_still_a_candidate():
    # 150 Russian reports that the village was taken, then one Ukrainian report that the assault
    # on it was repelled, a day later (same block: taken and repelled conflict)
    taken = [claim(f"ru{i}", source=f"speaker:r{i % 5}", side="russia_official",
                   events=[event("territory_control", "x", "2024-05-12")]) for i in range(150)]
    repelled = claim("ua", source="speaker:general staff", side="ukraine_official", published="2024-05-13",
                     events=[event("attack_repelled", "x", "2024-05-13")])
    claims = taken + [repelled]
    pairs = set(find_candidates(claims))
    ua = len(claims) - 1
    assert all((i, ua) in pairs for i in range(len(taken)))  # each report meets the other side's
    assert len(pairs) < len(claims) * 5  # and not every other report of its own side


def test_incremental_candidates_involve_a_new_claim():
    from claimledger.link.blocking import NEAREST_PER_GROUP

    claims = [claim(f"art{i}", source=f"speaker:s{i}", events=[event("strike", "x")]) for i in range(6)]
    new = {claims[5].key}
    pairs = list(find_candidates(claims, new))
    assert len(pairs) >= NEAREST_PER_GROUP and all(5 in pair for pair in pairs)
    assert set(pairs) <= set(find_candidates(claims))


# -- outlets ------------------------------------------------------------------------------------

def test_outlet_registry_resolves_names_and_domains(tmp_path: Path):
    registry = load_outlets()
    assert find_outlet(registry, "TASS").side == "russia_state_media"
    assert find_outlet(registry, None, "https://www.pravda.com.ua/news/1").side == "ukraine_media"
    own = tmp_path / "outlets.tsv"
    own.write_text("name\taliases\tdomains\tcountry\townership\tside\tsources\n"
                   "Local Herald\t\therald.example\tUA\tprivate\tukraine_media\tits about page\n",
                   encoding="utf-8")
    assert find_outlet(load_outlets([own]), "Local Herald").side == "ukraine_media"


# -- the quality floor --------------------------------------------------------------------------


def test_different_shares_of_a_town_contradict():
    a = claim("a", text="Russian forces now control 70% of Bakhmut", source="speaker:one",
              events=[event("territory_control", "bakhmut")])
    b = claim("b", text="Russian forces control about 40 percent of Bakhmut", source="speaker:two",
              events=[event("territory_control", "bakhmut")])
    relation = classify_link(a, b)
    assert relation.label == "contradict" and "70% (one) vs 40% (two)" in relation.reason


def test_sources_are_one_across_languages():
    from claimledger.link.matching import normalise_speaker

    assert normalise_speaker("Минобороны России") == normalise_speaker("Russian Defence Ministry")
    assert normalise_speaker("Генштаб ЗСУ") == normalise_speaker("Ukraine's General Staff")
    assert normalise_speaker("Минобороны Украины") != normalise_speaker("Минобороны России")
    assert normalise_speaker("Chief of the General Staff Valery Gerasimov") == "valery gerasimov"


@pytest.mark.model
def test_pairs_across_languages_are_related_through_events():
    from claimledger.evaluate.predictions import predict_pairs

    taken_ru = "Минобороны России сообщило, что российские войска заняли село Лукьянцы в Харьковской области."
    repelled_uk = "Генштаб ЗСУ повідомив, що українські захисники відбили атаку на Лук'янці на Харківщині."
    repelled_en = "Ukraine's General Staff said its forces repelled a Russian assault on Lukiantsi in the Kharkiv region."
    pairs = [{"id": "x1", "a": taken_ru, "b": repelled_en, "a_lang": "ru", "b_lang": "en"},
             {"id": "x2", "a": repelled_uk, "b": repelled_en, "a_lang": "uk", "b_lang": "en"},
             {"id": "x3", "a": repelled_uk, "b": "The governor said Russian troops shelled Kupiansk on Monday.",
              "a_lang": "uk", "b_lang": "en"}]
    related = {p["id"]: p for p in predict_pairs(pairs)}
    assert related["x1"]["label"] == "contradict" and "Lukiantsi" in related["x1"]["reason"]
    assert related["x2"]["label"] == "repeat"
    assert related["x3"]["label"] == "unrelated"


def test_copies_are_linked_through_one_representative():
    from claimledger.link.claim_links import link_claims
    from claimledger.link.matching import LinkClaim, LinkEvent

    event = LinkEvent("territory_control", ("UA0000000001",), "2024-05-12", "2024-05-12")
    text = "Russian forces took control of the village, the ministry said."
    copies = [LinkClaim(f"wire-{n}", 0, text, outlet=f"outlet {n}", language="en", source_key="ministry",
                        tokens=tuple(text.lower().split()), events=(event,), types=(event.type,),
                        places=event.places, published="2024-05-12") for n in range(40)]
    links = link_claims(copies)
    assert len(links) == 39  # not 40 * 39 / 2
    assert {link.label for link in links} == {"repeat"}
    assert {link.a for link in links} | {link.b for link in links} == {c.key for c in copies}
    later = LinkClaim("wire-late", 0, text, outlet="late", language="en", source_key="ministry",
                      tokens=tuple(text.lower().split()), events=(event,), types=(event.type,),
                      places=event.places, published="2024-05-12")
    added = link_claims(copies + [later], new={later.key})
    assert [(link.a, link.b) for link in added] == [(("wire-0", 0), ("wire-late", 0))]


def test_a_ledger_contradiction_needs_evidence_a_reader_can_check():
    from claimledger.link.pair_features import pair_features
    from claimledger.link.pair_relations import decide, pair_sides
    from claimledger.link.relation_model import LABELS

    strike = event("strike", "kyiv")
    claims = {
        "ru": claim("ru", text="The army is doing its utmost to protect civilians in Kyiv.",
                    source="speaker:putin", side="russia", events=[strike]),
        "ua": claim("ua", text="A real battle for Kyiv took place in the skies and the streets.",
                    source="speaker:zelensky", side="ukraine", events=[strike]),
        "denial": claim("denial", text="Reports of strikes on Kyiv are untrue and false.",
                        source="speaker:peskov", side="russia", events=[strike]),
    }
    sides = pair_sides(claims)
    probs = np.array([1.0 if name == "contradict" else 0.0 for name in LABELS])  # the classifier's say

    def label(a: str, b: str, checkable: bool) -> str:
        features = pair_features(sides[a], sides[b])
        return decide(claims[a], claims[b], features, probs, checkable=checkable).label

    # the classifier's word alone: kept when texts are judged, no link in the ledger
    assert label("ru", "ua", checkable=False) == "contradict"
    assert label("ru", "ua", checkable=True) == "unrelated"
    # a denial on one side is evidence a reader can check
    assert label("denial", "ua", checkable=True) == "contradict"


@pytest.mark.model
def test_a_headline_restating_its_body_report_is_linked_as_that_report():
    """TASS's headline "Russian forces take Lukiantsi" over the ministry's report in its body is not a second claim
    (the outlet's own, a second source); a claim made only in a headline is linked."""
    from claimledger.link.matching import make_link_claims
    from claimledger.models import Article
    from claimledger.pipeline import analyse_articles

    restated = Article(id="r", title="Russian forces take Lukiantsi", outlet="TASS", language="en",
                       published="2024-05-12", text="The Russian Defence Ministry said on Sunday that Russian forces "
                       "had taken control of the village of Lukiantsi in the Kharkiv region.")
    only_title = Article(id="t", title="Russian forces take Lukiantsi", outlet="TASS", language="en",
                         published="2024-05-12", text="More details to follow.")
    claims = make_link_claims(analyse_articles([restated, only_title]))
    assert [(c.article_id, c.speaker) for c in claims if c.types == ("territory_control",)] == [
        ("r", "Russian Defence Ministry"), ("t", None)]
