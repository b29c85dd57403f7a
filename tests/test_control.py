"""The control ledger (issue 12, part 6): status normalisation, the store's reader shared with the
map, ``places --control``, ``/api/places/{key}/control`` on a real server, and the eval layer."""
from __future__ import annotations

import io
import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import start_ledger_server

from claimledger.claims import describe_claims, event_claim_ids
from claimledger.cli import main
from claimledger.control import (STATUSES, actor_side, claimant_side, control_status, document_control_claims,
                                 record_control_claims, retaken_status)
from claimledger.evaluate import format_errors, format_report, score_records
from claimledger.export import write_records
from claimledger.link.outlets import load_outlets
from claimledger.models import AnalysedDocument, Article, Attribution, Event, Place
from claimledger.pipeline import analyse_articles
from claimledger.record import document_to_record
from claimledger.serve.map_data import ControlClaims
from claimledger.serve.readonly import open_readonly_store
from claimledger.sides import side_of_outlet, side_of_speaker
from claimledger.store import open_ledger
from claimledger.store.control import find_control_claims, read_control_claims

VOVCHANSK = "UA63140010010035757"
KHARKIV_OBLAST = "UA63000000000041885"


def _span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    at = text.index(part, start)
    return at, at + len(part)


def _vovchansk(text: str, start: int = 0) -> Place:
    return Place(span=_span(text, "Vovchansk", start), text="Vovchansk", ref=VOVCHANSK,
                 name="Vovchansk", lat=50.29, lon=36.94, level="settlement")


def _russian_report() -> AnalysedDocument:
    text = ("The Russian Defence Ministry said that Russian forces took control of Vovchansk. "
            "Fighting continues near Vovchansk, TASS reports. Kharkiv Oblast was shelled.")
    return AnalysedDocument(
        Article(id="tass-1", text=text, outlet="TASS", url="https://tass.com/1",
                published="2024-05-12", language="en"),
        attributions=(Attribution(id="a1", content=_span(text, "Russian forces took control of Vovchansk"),
                                  kind="indirect", source=_span(text, "The Russian Defence Ministry"),
                                  speaker="Russian Defence Ministry", cue=_span(text, "said")),),
        places=(_vovchansk(text), _vovchansk(text, 90),
                Place(span=_span(text, "Kharkiv Oblast"), text="Kharkiv Oblast", ref=KHARKIV_OBLAST,
                      name="Kharkiv Oblast", level="oblast")),
        events=(Event(type="territory_control", trigger=_span(text, "took control"),
                      actor="Russian forces", places=(VOVCHANSK,), when="2024-05-11", claimed_by="a1"),
                Event(type="clash", trigger=_span(text, "Fighting"), places=(VOVCHANSK,)),
                Event(type="strike", trigger=_span(text, "shelled"), places=(KHARKIV_OBLAST,))),
    )


def _ukrainian_report() -> AnalysedDocument:
    text = ("Ukrainian troops repelled an attack on Vovchansk. The General Staff of the Armed Forces "
            "of Ukraine denied that Vovchansk was captured. Syrskyi said our troops will hold Blahodatne.")
    return AnalysedDocument(
        Article(id="ukrinform-1", text=text, outlet="Ukrinform", url="https://www.ukrinform.net/1",
                published="2024-05-13", language="en"),
        attributions=(
            Attribution(id="a1", content=_span(text, "Vovchansk was captured"), kind="indirect",
                        speaker="General Staff of the Armed Forces of Ukraine", cue=_span(text, "denied")),
            Attribution(id="a2", content=_span(text, "our troops will hold Blahodatne"), kind="indirect",
                        speaker="Oleksandr Syrskyi", source=_span(text, "Syrskyi"), parent="a1",
                        cue=_span(text, "said")),
        ),
        places=(_vovchansk(text), _vovchansk(text, 60),
                Place(span=_span(text, "Blahodatne"), text="Blahodatne", name="Blahodatne", level="settlement")),
        events=(Event(type="attack_repelled", trigger=_span(text, "repelled"), actor="Ukrainian troops",
                      places=(VOVCHANSK,)),
                Event(type="territory_control", trigger=_span(text, "captured"), places=(VOVCHANSK,),
                      claimed_by="a1", polarity="denied"),
                Event(type="territory_control", trigger=_span(text, "will hold"), actor="our troops",
                      places=("Blahodatne",), claimed_by="a2", modality="future")),
    )


def _long_quote() -> AnalysedDocument:
    """A quote over 600 characters: its claims are its sentences (ids a1.1, a1.2, ...)."""
    filler = " ".join(f"Sentence number {n} of the briefing says nothing of places at all." for n in range(9))
    text = (f'The ministry said: "{filler} Our units withdrew from Vovchansk to better positions. '
            f'{filler}" Separately, clashes went on near Vovchansk.')
    quote = _span(text, filler + " Our units")
    quote = (quote[0], text.index('"', quote[1]))
    return AnalysedDocument(
        Article(id="ministry-1", text=text, outlet="Ukrinform", published="2024-05-14", language="en"),
        attributions=(Attribution(id="a1", content=quote, kind="direct", speaker="Ministry of Defence of Ukraine",
                                  cue=_span(text, "said")),),
        places=(_vovchansk(text), _vovchansk(text, text.index("clashes"))),
        events=(Event(type="withdrawal", trigger=_span(text, "withdrew"), actor="Our units",
                      places=(VOVCHANSK,), claimed_by="a1"),
                Event(type="clash", trigger=_span(text, "clashes"), places=(VOVCHANSK,))),
    )


@pytest.fixture()
def control_db(tmp_path: Path) -> Path:
    """A real SQLite ledger of three hand-made reports about Vovchansk (no models)."""
    docs = [_russian_report(), _ukrainian_report(), _long_quote()]
    with open_ledger(tmp_path / "control.db") as ledger:
        ledger.save_documents(docs, [f"fp-{d.article.id}" for d in docs])
    return tmp_path / "control.db"


# -- status normalisation ------------------------------------------------------------------------

@pytest.mark.parametrize("actor, claimant, side", [
    ("Russian Armed Forces", "ukraine", "russia"), ("ВС РФ", "unknown", "russia"),
    ("российские войска", "unknown", "russia"), ("підрозділи ЗСУ", "unknown", "ukraine"),
    ("Ukrainian forces", "russia", "ukraine"), ("our troops", "ukraine", "ukraine"),
    ("противник", "russia", "unknown"), ("наші захисники", "ukraine", "ukraine"),
    ("the enemy", "unknown", "unknown"), ("Russia and Ukraine", "russia", "unknown"),
    ("Armed Forces of the Russian Federation; people's militia of the DPR", "unknown", "russia"),
    (None, "russia", "unknown"),
    ("Сили оборони", "unknown", "ukraine"), ("рашисти", "ukraine", "russia"),
    ("орки", "unknown", "russia"), ("бандеровцы", "russia", "ukraine"),
    ("Міністерство оборони РФ", "unknown", "russia"),
])
def test_actor_side_reads_labels_in_three_languages(actor, claimant, side):
    assert actor_side(actor, claimant) == side


def test_control_status_from_type_actor_and_claimant():
    assert control_status("territory_control", "Russian forces", "ukraine") == "russian_control"
    assert control_status("territory_control", None, "ukraine") == "ukrainian_control"
    # a side denies the other side's gains: an unnamed captor of a denial is the opponent
    assert control_status("territory_control", None, "ukraine", "denied") == "russian_control"
    assert control_status("territory_control", None, "other") == "unknown"
    assert control_status("withdrawal", "Russian forces", "russia") == "withdrawal"
    assert control_status("attack_repelled", "ЗСУ") == control_status("clash", None) == "contested"
    assert control_status("security_zone", "Russia") is None
    assert control_status("strike", "Russia") is None


@pytest.mark.parametrize("actor, claimant, trigger, status", [
    # an ousting names the ousted side by a pejorative: the liberator holds the place
    ("окупантів", "ukraine", "звільнили", "ukrainian_control"),
    ("противника", "russia", "освободили", "russian_control"),
    ("Russian occupiers", "other", "liberated", "ukrainian_control"),
    # in a capture, "the enemy" is the claimant's opponent
    ("the enemy", "ukraine", "captured", "russian_control"),
    ("противник", "russia", "занял", "ukrainian_control"),
    ("противника", "russia", "заняли", "russian_control"),  # an object: the claimant's own capture
    # an occupation is the other side's whichever side speaks; a neutral outlet says nothing
    (None, "ukraine", "окупованого", "russian_control"),
    (None, "russia", "оккупированных", "ukrainian_control"),
    (None, "other", "occupied", "unknown"),
    # a named actor still decides an ordinary capture
    ("Russian forces", "ukraine", "took control", "russian_control"),
    # a trigger of control that names its holder says who holds it, whoever speaks
    (None, "russia", "under Ukrainian control", "ukrainian_control"),
    (None, "ukraine", "under Russian control", "russian_control"),
    (None, "ukraine", "brought under control", "ukrainian_control"),  # naming none: the claimant's side
    # a flag raised is its nationality's, whoever speaks
    (None, "other", "подняты российские флаги", "russian_control"),
    (None, "russia", "підняли український прапор", "ukrainian_control"),
])
def test_control_status_reads_the_trigger(actor, claimant, trigger, status):
    assert control_status("territory_control", actor, claimant, "asserted", trigger) == status


def test_retaken_status_turns_to_the_earlier_holders_opponent():
    assert retaken_status("unknown", "recaptured", ["russian_control"]) == "ukrainian_control"
    assert retaken_status("unknown", "відвоювали", ["ukrainian_control", "contested"]) == "russian_control"
    assert retaken_status("unknown", "recaptured", []) == "unknown"  # nothing said before
    assert retaken_status("unknown", "captured", ["russian_control"]) == "unknown"  # not a retaking
    assert retaken_status("russian_control", "recaptured", ["ukrainian_control"]) == "russian_control"


@pytest.mark.parametrize("outlet, url, side", [
    ("Kommersant", None, "russia"), (None, "https://www.kommersant.ru/doc/1", "russia"),
    ("РБК", None, "russia"), ("Zvezda", None, "russia"), (None, "https://lenta.ru/news/1", "russia"),
    ("Censor.NET (censor.net, Ukrainian)", None, "ukraine"), ("Цензор.НЕТ", None, "ukraine"),
    (None, "https://hromadske.ua/posts/1", "ukraine"), ("RBC-Ukraine", None, "ukraine"),
    (None, "https://interfax.com.ua/news/1", "ukraine"), ("Факти ICTV", None, "ukraine"),
    ("CNN", None, "other"), (None, "https://www.rferl.org/a/1", "other"),
    ("A Village Gazette", None, "unknown"), ("Министерство обороны Российской Федерации", None, "russia"),
])
def test_newly_registered_outlets_resolve_their_side(outlet, url, side):
    assert side_of_outlet(outlet, url) == side


@pytest.mark.parametrize("speaker, side", [
    ("Минобороны Украины", "ukraine"), ("Минобороны России", "russia"), ("Міноборони РФ", "russia"),
    ("Міністерство оборони України", "ukraine"), ("Сили оборони півдня", "ukraine"),
    ("Генштаб ВСУ", "ukraine"), ("Ukraine's defence ministry", "ukraine"),
    ("Russian Armed Forces", "russia"), ("Денис Пушилин", "russia"), ("a village teacher", "unknown"),
    # Russian-language copy: a side's collective, the full name of the ministry, groupings and officials
    ("Украинские военные", "ukraine"), ("российской стороны", "russia"), ("ОСГВ «Хортица»", "ukraine"),
    ("представитель группировки «Восток»", "russia"), ("Министерство обороны Российской Федерации", "russia"),
    ("представитель Сил обороны юга Украины", "ukraine"), ("губернатор Белгородской области", "russia"),
    ("Олег Синегубов", "ukraine"),
])
def test_speaker_sides_tell_the_two_defence_ministries_apart(speaker, side):
    assert side_of_speaker(speaker) == side


def test_an_outlet_field_naming_an_office_gives_the_claimant_side():
    assert claimant_side("Press service of the Russian Defence Ministry", None) == "russia"
    assert claimant_side("Пресс-служба Минобороны Украины", None) == "ukraine"
    quoting = claimant_side("Press service of the Russian Defence Ministry", None, "Oleksandr Syrskyi")
    assert quoting == "ukraine"  # a known speaker comes first
    assert claimant_side("A Village Gazette", None) == "unknown"


def test_every_registered_outlet_says_where_its_side_comes_from():
    outlets = load_outlets().outlets
    assert len(outlets) >= 70
    assert all(o.sources and len(o.sources) > 10 for o in outlets)


# Invented reports run through the real pipeline: the outlet, the trigger or an earlier capture
# decides who holds the place.
PIPELINE_CASES = [
    ("Kommersant", "https://www.kommersant.ru/doc/1", "ru",
     "Село Синьковка в Харьковской области освобождено, сообщили в ведомстве.", {"russian_control"}),
    ("Hromadske", "https://hromadske.ua/posts/1", "uk",
     "Жителі окупованого Олешок залишаються без води.", {"russian_control"}),
    ("Censor.NET", None, "uk", "Ворог захопив село Кринки.", {"russian_control"}),
    ("Wikipedia", "https://en.wikipedia.org/wiki/X", "en",
     "Russian forces captured Vovchansk in May 2024. The town was recaptured in September, "
     "local officials said.", {"russian_control", "ukrainian_control"}),
    ("Пресс-служба Минобороны РФ", None, "ru",
     "Посёлок Синьковка в Харьковской области освобожден.", {"russian_control"}),
    # a Russian outlet reporting the other side's claim: the speaker's side, not the outlet's
    ("Коммерсантъ", None, "ru",
     "Украинские военные заявили, что сохраняют контроль над Часовым Яром.", {"ukrainian_control"}),
    # a bare "Генштаб" in a Ukrainian outlet's Russian edition is Ukraine's General Staff
    ("Украинская правда", None, "ru",
     "Синьковка в Харьковской области освобождена, сообщил Генштаб.", {"ukrainian_control"}),
]


def test_pipeline_statuses_from_outlet_trigger_and_retaking(tmp_path: Path):
    articles = [Article(id=f"p{n}", text=text, outlet=outlet, url=url, language=language)
                for n, (outlet, url, language, text, _) in enumerate(PIPELINE_CASES)]
    docs = list(analyse_articles(articles))
    for doc, (*_, statuses) in zip(docs, PIPELINE_CASES):
        claims = record_control_claims(document_to_record(doc))
        assert {status for _, _, status, _ in claims} == statuses, doc.article.text
    with open_ledger(tmp_path / "pipeline.db") as ledger:  # the store reads the same statuses
        ledger.save_documents(docs, [f"fp-{d.article.id}" for d in docs])
        with ledger._transaction() as conn:
            stored = {(c.article_id, c.status) for c in read_control_claims(conn)
                      if c.kind == "territory_control"}
    assert ("p3", "ukrainian_control") in stored and ("p3", "russian_control") in stored
    assert ("p1", "russian_control") in stored
    assert ("p4", "russian_control") in stored  # an outlet field naming an office


def test_record_control_claims_keep_settlements_only():
    record = {**_record(_russian_report()), "id": "r1", "outlet": "TASS"}
    assert record_control_claims(record) == {("r1", VOVCHANSK, "russian_control", "asserted"),
                                             ("r1", VOVCHANSK, "contested", "asserted")}
    ukrainian = {**_record(_ukrainian_report()), "id": "r2", "outlet": "Ukrinform"}
    assert record_control_claims(ukrainian) == {
        ("r2", VOVCHANSK, "contested", "asserted"), ("r2", VOVCHANSK, "russian_control", "denied"),
        ("r2", "blahodatne", "ukrainian_control", "asserted")}


def _record(doc: AnalysedDocument) -> dict:
    """The record format of a hand-made document (what --format jsonl writes)."""
    out = io.StringIO()
    write_records([doc], out)
    return json.loads(out.getvalue())


# -- claim ids -----------------------------------------------------------------------------------

def test_event_claim_ids_agree_with_describe_claims():
    for doc in (_russian_report(), _ukrainian_report(), _long_quote()):
        ids = event_claim_ids(doc)
        described = {(e["type"], e["trigger"]): c["view"]["claim"]
                     for c in describe_claims(doc) for e in c["view"]["events"]}
        text = doc.article.text
        assert [described[(e.type, text[e.trigger[0]:e.trigger[1]])] for e in doc.events] == ids
    assert event_claim_ids(_long_quote())[0].startswith("a1.")  # a sentence of the long quote
    assert event_claim_ids(_long_quote(), wanted=[1]) == [None, "e2"]


# -- the store's control ledger ------------------------------------------------------------------

def test_find_control_claims_dates_statuses_claimants_and_chains(control_db: Path):
    with open_ledger(control_db, create=False) as ledger:
        claims = find_control_claims(ledger, VOVCHANSK)
        latest = find_control_claims(ledger, VOVCHANSK, limit=2)
        by_name = find_control_claims(ledger, "Blahodatne")
        nothing = find_control_claims(ledger, "UA00000000000000000")
    rows = [(c.date, c.status, c.polarity, c.modality, c.claimant, c.claimant_side, c.article_id, c.claim)
            for c in claims]
    assert rows == [
        ("2024-05-11", "russian_control", "asserted", "factual", "Russian Defence Ministry", "russia",
         "tass-1", "a1"),  # the event's own date, before publication
        ("2024-05-12", "contested", "asserted", "factual", "TASS", "russia", "tass-1", "e2"),
        ("2024-05-13", "contested", "asserted", "factual", "Ukrinform", "ukraine", "ukrinform-1", "e1"),
        ("2024-05-13", "russian_control", "denied", "factual",
         "General Staff of the Armed Forces of Ukraine", "ukraine", "ukrinform-1", "a1"),
        ("2024-05-14", "withdrawal", "asserted", "factual", "Ministry of Defence of Ukraine", "ukraine",
         "ministry-1", claims[4].claim),
        ("2024-05-14", "contested", "asserted", "factual", "Ukrinform", "ukraine", "ministry-1", "e2"),
    ]
    assert claims[4].claim.startswith("a1.") and claims[4].actor_side == "ukraine"  # "Our units"
    assert claims[0].chain == ("TASS", "Russian Defence Ministry") and claims[1].chain == ("TASS",)
    assert latest == claims[-2:]
    assert [(c.place, c.status, c.modality, c.chain) for c in by_name] == [
        ("name:Blahodatne", "ukrainian_control", "future",
         ("Ukrinform", "General Staff of the Armed Forces of Ukraine", "Oleksandr Syrskyi"))]
    assert nothing == []
    with open_ledger(control_db, create=False) as ledger, ledger._transaction() as conn:
        assert read_control_claims(conn, []) == []
    assert json.loads(json.dumps(claims[0].to_dict()))["chain"] == ["TASS", "Russian Defence Ministry"]


def test_the_map_reads_the_same_claims(control_db: Path):
    store = open_readonly_store(str(control_db))
    try:
        markers = ControlClaims(store).of(VOVCHANSK)
        with store.connect() as conn:
            factual = read_control_claims(conn, [VOVCHANSK], factual_only=True)
            every = read_control_claims(conn)
    finally:
        store.close()
    # the map shows asserted, factual claims only, by the outlet's side
    assert markers == sorted((c.date, c.map_side, c.kind) for c in factual)
    assert ("2024-05-13", "ukraine", "attack_repelled") in markers
    assert not any(kind == "territory_control" and day == "2024-05-13" for day, _, kind in markers)
    assert {c.place for c in every} == {VOVCHANSK, "name:Blahodatne"}  # strikes are no control claims


# -- the CLI and the API -------------------------------------------------------------------------

def test_places_control_prints_the_table_and_jsonl(control_db: Path):
    runner = CliRunner()
    table = runner.invoke(main, ["places", str(control_db), "Vovchansk", "--control"])
    assert table.exit_code == 0, table.output
    assert "6 control claim(s)" in table.output
    denial = next(line for line in table.output.splitlines() if "2024-05-13 │ russian_control" in line)
    assert "denied" in denial and "ukrinform-1 a1" in denial
    lines = runner.invoke(main, ["places", str(control_db), VOVCHANSK, "--control", "--limit", "2",
                                 "--format", "jsonl"]).output.splitlines()
    assert [json.loads(line)["status"] for line in lines] == ["withdrawal", "contested"]
    missing = runner.invoke(main, ["places", str(control_db), "Atlantis", "--control"])
    assert missing.exit_code == 0 and "no place called 'Atlantis'" in missing.output


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_api_place_control_on_a_real_server(control_db: Path):
    proc, url = start_ledger_server(control_db)
    try:
        status, body = _get(f"{url}/api/places/{VOVCHANSK}/control")
        _, latest = _get(f"{url}/api/places/{VOVCHANSK}/control?limit=1")
        _, named = _get(f"{url}/api/places/{urllib.parse.quote('name:Blahodatne')}/control")
        missing, error = _get(f"{url}/api/places/UA00000000000000000/control")
        bad_limit, _ = _get(f"{url}/api/places/{VOVCHANSK}/control?limit=0")
        place_status, place = _get(f"{url}/api/places/{VOVCHANSK}")  # the place route still answers
    finally:
        proc.terminate()
        proc.wait()
    assert status == 200 and body["place"]["name"] == "Vovchansk" and body["count"] == 6
    assert body["statuses"] == {"russian_control": 2, "ukrainian_control": 0, "contested": 3,
                                "withdrawal": 1, "unknown": 0}
    first = body["claims"][0]
    assert {k: first[k] for k in ("date", "status", "polarity", "claimant", "claimant_side", "outlet",
                                  "article_id", "claim", "chain")} == {
        "date": "2024-05-11", "status": "russian_control", "polarity": "asserted",
        "claimant": "Russian Defence Ministry", "claimant_side": "russia", "outlet": "TASS",
        "article_id": "tass-1", "claim": "a1", "chain": ["TASS", "Russian Defence Ministry"]}
    assert [c["article_id"] for c in latest["claims"]] == ["ministry-1"]
    assert named["claims"][0]["modality"] == "future"
    assert missing == 404 and "no place" in error["error"]
    assert bad_limit == 400  # the API answers every bad parameter with a 400
    assert place_status == 200 and place["place"]["key"] == VOVCHANSK


# -- the eval layer ------------------------------------------------------------------------------

def test_control_layer_scores_settlement_status_and_polarity():
    gold = [{**_record(_russian_report()), "id": "r1", "outlet": "TASS"},
            {**_record(_ukrainian_report()), "id": "r2", "outlet": "Ukrinform"}]
    predicted = [dict(gold[0]), dict(gold[1])]
    # r1: the captor read as Ukrainian (a wrong status); r2: the denial missed, a spurious claim
    predicted[0]["events"] = [dict(e) for e in gold[0]["events"]]
    predicted[0]["events"][0]["actor"] = "Ukrainian forces"
    predicted[1]["events"] = [e for e in gold[1]["events"] if e["polarity"] != "denied"]
    report = score_records(gold, predicted)
    tally = report.board("control").tally("control")
    assert (tally.gold, tally.predicted, tally.matched_gold, tally.matched_predicted) == (5, 4, 3, 3)
    assert report.board("control").tally("control", "russian_control").recall == 0.0
    figures = report.to_dict()["control"]["all"]["figures"]["control"]
    assert figures["precision"] == 0.75 and figures["recall"] == 0.6
    assert "CONTROL [all]" in format_report(report)
    errors = format_errors(report)
    assert "control      r1 missed: gold UA63140010010035757 russian_control" in errors
    assert "r2 missed: gold UA63140010010035757 russian_control (denied)" in errors
    assert "r1 spurious: | predicted UA63140010010035757 ukrainian_control" in errors


def test_api_place_control_on_the_served_ledger(served_db: Path, served_url: str):
    """On a ledger extracted by the pipeline: the route returns what the library finds."""
    with open_ledger(served_db, create=False) as ledger:
        with ledger._transaction() as conn:
            counts: dict[str, int] = {}
            for claim in read_control_claims(conn):
                if claim.place.startswith("UA"):
                    counts[claim.place] = counts.get(claim.place, 0) + 1
        key = max(counts, key=lambda k: (counts[k], k))
        expected = [c.to_dict() for c in find_control_claims(ledger, key, limit=5)]
    status, body = _get(f"{served_url}/api/places/{key}/control?limit=5")
    assert status == 200 and body["claims"] == expected and len(expected) == min(5, counts[key])
    assert all(c["status"] in STATUSES or c["status"] is None for c in body["claims"])
    assert all(c["claim"] and c["chain"] for c in body["claims"])


def test_the_quoted_name_of_a_grouping_of_forces_names_its_side():
    assert actor_side("группировки войск «Центр»") == actor_side("«Южная» группировка") == "russia"
    assert actor_side("ОСГВ «Хортица»") == actor_side("группировка войск «Таврия»") == "ukraine"
    assert actor_side("«Центр»") == actor_side("группировка") == "unknown"  # a name alone, a grouping alone


def test_a_state_or_its_capital_as_the_speaker_speaks_for_it():
    from claimledger.sides import side_of_speaker

    assert [side_of_speaker(n) for n in ("Russia", "Moscow", "Kyiv", "Russia's military", "Ukraine's military")] == [
        "russia", "russia", "ukraine", "russia", "ukraine"]
    assert side_of_speaker("Kyiv Independent") == "unknown"  # a whole name only: an outlet is no government


@pytest.mark.model
def test_a_claim_made_only_in_a_headline_is_in_the_stores_ledger(tmp_path: Path):
    """"ВС РФ освободили Сокол в ДНР" as a headline over a body that says nothing of it is a claim of the ledger,
    the map and the API (claim id h.e1); a headline printed again at the top of its text is claimed there once."""
    sokil = "UA14160190260049024"
    only_title = Article(id="t1", title="ВС РФ освободили Сокол в ДНР", text="Подробности позже.",
                         outlet="ТАСС", language="ru", published="2024-07-03T10:00")
    repeated = Article(id="t2", title="ВС РФ освободили Сокол в ДНР", text="ВС РФ освободили Сокол в ДНР\n\nПодробности.",
                       outlet="ТАСС", language="ru", published="2024-07-03T11:00")
    docs = list(analyse_articles([only_title, repeated]))
    with open_ledger(tmp_path / "headlines.db") as ledger:
        ledger.save_documents(docs, [f"fp-{d.article.id}" for d in docs])
        claims = find_control_claims(ledger, sokil)
    assert [(c.article_id, c.headline, c.claim, c.status, c.chain) for c in claims] == [
        ("t1", True, "h.e1", "russian_control", ("ТАСС",)),
        ("t2", False, "e1", "russian_control", ("ТАСС",)),
    ]


@pytest.mark.model
@pytest.mark.parametrize("text, language", [
    ("Yevgeny Prigozhin claimed his forces had taken full control of Bakhmut. Ukraine's deputy defence minister "
     "Hanna Maliar denied the claim.", "en"),
    ("Пригожин заявил, что ЧВК «Вагнер» полностью взяла Бахмут. В Минобороны Украины эту информацию опровергли.",
     "ru"),
])
def test_a_denial_of_a_report_is_a_denied_control_claim(text, language):
    # one source asserts the capture, another denies it: both entries, and the ledger holds the denial
    (doc,) = analyse_articles([Article(id="d", text=text, language=language, published="2023-05-20")])
    captures = [(e.claimed_by, e.polarity) for e in doc.events if e.type == "territory_control"]
    assert captures == [("a1", "asserted"), ("a2", "denied")]
    claims = {item[2:] for item in record_control_claims(document_to_record(doc))}
    assert claims == {("russian_control", "asserted"), ("russian_control", "denied")}


@pytest.mark.model
def test_a_denial_of_a_report_of_the_same_speaker_or_far_back_denies_nothing():
    text = ("Russia said its forces had captured Avdiivka. The weather was cold. Heavy rain fell all week. "
            "Ukraine's military rejected the claim.")
    (doc,) = analyse_articles([Article(id="d", text=text, language="en", published="2024-02-20")])
    assert [e.polarity for e in doc.events if e.type == "territory_control"] == ["asserted"]


@pytest.mark.parametrize("outlet, side", [
    ("Рыбарь", "russia"), ("WarGonzo", "russia"), ("Два майора", "russia"), ("DeepState", "ukraine"),
])
def test_war_correspondents_channels_have_a_side(outlet, side):
    # "Наши штурмовики зашли в ..." on a channel of one side is that side's capture
    from claimledger.control import publisher_side

    assert publisher_side(outlet) == side


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Russia claims capture of Toretsk, Ukraine denies",
    "Ukraine denied Russia's claim that its forces had captured Toretsk.",
])
def test_a_denial_that_holds_the_report_it_denies(text):
    # Russia asserts the capture, Ukraine denies it: the negation above "Russia's claim" is Ukraine's, not Russia's
    (doc,) = analyse_articles([Article(id="d", text=text, language="en", published="2024-10-01")])
    speakers = {a.id: a.speaker for a in doc.attributions}
    assert sorted((speakers[e.claimed_by], e.polarity) for e in doc.events if e.type == "territory_control") == [
        ("Russia", "asserted"), ("Ukraine", "denied")]


@pytest.mark.model
@pytest.mark.parametrize("text, language", [
    ("Сьогодні ми відзначаємо День перемоги над нацизмом у Другій світовій війні. Наші предки вигнали нацистів з "
     "Луганська, звільнили від окупантів Херсон і Мелітополь.", "uk"),
    ("Today we celebrate the Day of Victory over Nazism in World War II. The Nazis were expelled from Luhansk, and "
     "Kherson and Melitopol were liberated from the occupiers.", "en"),
])
def test_liberations_of_the_second_world_war_are_dated_to_it_and_kept_out_of_the_ledger(text, language, tmp_path):
    (doc,) = analyse_articles([Article(id="v", text=text, language=language, published="2022-05-09T09:00")])
    (liberation,) = [e for e in doc.events if e.type == "territory_control"]
    assert liberation.when == "1939/1945" and len(liberation.places) == 2
    assert record_control_claims(document_to_record(doc)) == set()
    with open_ledger(tmp_path / "history.db") as ledger:  # nor in the store's ledger, the map's and the API's
        ledger.save_documents([doc], ["fp-v"])
        with ledger._transaction() as conn:
            assert read_control_claims(conn) == []


@pytest.mark.model
@pytest.mark.parametrize("text, language", [
    ("I congratulate you on the Day of Great Victory! Soldiers went on the offensive outside Moscow and Leningrad, Kiev "
     "and Minsk, Stalingrad and Kharkov.", "en"),
    ("Поздравляю с Днем Великой Победы! Бойцы сражались с врагом под Москвой, Сталинградом, Киевом и Харьковом.", "ru"),
])
def test_battles_told_by_the_cities_wartime_names_are_that_wars(text, language):
    (doc,) = analyse_articles([Article(id="h", text=text, language=language, published="2022-05-09T09:00")])
    fighting = [e for e in doc.events if e.type == "clash"]
    assert fighting and all(e.when == "1939/1945" for e in fighting)
    assert record_control_claims(document_to_record(doc)) == set()  # Kyiv and Kharkiv are not contested now


@pytest.mark.model
def test_this_wars_neo_nazis_leave_the_date_alone():
    # a report of this war that mentions the Great Patriotic War: "неонацистов" is this war's word
    text = ("Как и в годы Великой Отечественной войны, наши бойцы освободили Авдеевку от неонацистов, "
            "сообщило Минобороны.")
    (doc,) = analyse_articles([Article(id="n", text=text, language="ru", published="2024-02-18T09:00")])
    (capture,) = [e for e in doc.events if e.type == "territory_control"]
    assert capture.when != "1939/1945"
    assert {item[2] for item in record_control_claims(document_to_record(doc))} == {"russian_control"}


@pytest.mark.model
def test_a_states_adjective_owns_the_claim_another_side_denies():
    # "Russian claims": Russia's (as "Russia's claims"); Kyiv denies them, and the ledger holds both
    text = "Kyiv rejected Russian claims that Vovchansk had been captured."
    (doc,) = analyse_articles([Article(id="r", text=text, language="en", published="2024-05-20")])
    assert [a.speaker for a in doc.attributions] == ["Kyiv", "Russia"]
    claims = {item[2:] for item in record_control_claims(document_to_record(doc))}
    assert claims == {("russian_control", "asserted"), ("russian_control", "denied")}


def test_an_articles_control_claims_hold_its_headlines_once():
    # the ledger's product is (article, settlement) pairs: a claim made only in the headline counts, one made in
    # both counts once (issue 12: headline claims were never read)
    place = {"span": [0, 7], "text": "Avdiivka", "ref": "UA14160010010073615", "name": "Avdiivka",
             "level": "settlement"}
    event = {"type": "territory_control", "trigger": [8, 15], "actor": "Russian forces",
             "places": ["UA14160010010073615"], "polarity": "asserted", "modality": "factual"}
    title_only = {"id": "t", "text": "Nothing here.", "places": [], "events": [], "attributions": [],
                  "title": "Avdiivka captured", "title_layers": {"places": [place], "events": [event],
                                                                 "attributions": []}}
    both = {**title_only, "text": "Avdiivka captured by Russian forces.", "places": [place], "events": [event]}
    assert document_control_claims(title_only) == {("t", "UA14160010010073615", "russian_control", "asserted")}
    assert document_control_claims(both) == document_control_claims(title_only)
    assert record_control_claims(title_only) == set()  # the body alone holds none
