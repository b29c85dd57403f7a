"""Attribution forms of general news (issue 13), on invented sentences: one form each."""
from __future__ import annotations

import pytest

from claimledger.extract.attribution.quotes import find_quotes
from test_attribution import attributions, only

pytestmark = pytest.mark.model


def test_a_headline_without_a_full_stop_is_a_sentence_of_its_own(nlp_en):
    text = "Harbour closed after storm\nPort officials in Varna, Bulgaria, announced that the harbour would reopen on Monday."
    doc = nlp_en(text)
    assert [s.text.strip() for s in doc.sents][:2] == [
        "Harbour closed after storm",
        "Port officials in Varna, Bulgaria, announced that the harbour would reopen on Monday."]
    a = only(attributions(nlp_en, text), cue="announced")
    assert a["source"] == "Port officials in Varna, Bulgaria"
    assert a["content"] == "the harbour would reopen on Monday"


def test_a_quotation_over_several_lines_is_one_direct_attribution(nlp_en):
    text = ('The inspector said: "We are still at the scene.\n'
            'Anyone with information should call us."\n'
            'The road stayed closed.')
    a = only(attributions(nlp_en, text), cue="said")
    assert a["kind"] == "direct"
    assert a["content"] == "We are still at the scene.\nAnyone with information should call us."


def test_find_quotes_pairs_marks_across_lines_and_single_quotes():
    text = ("\"Close to half are new.\nSo we keep counting,\" the clerk said.\n"
            "She said 'it's a long night' and left. O'Neill's office was shut.")
    spans = [text[s:e] for s, e in find_quotes(text)]
    assert spans == ["\"Close to half are new.\nSo we keep counting,\"", "'it's a long night'"]


def test_a_quotation_reopened_at_the_next_paragraph_runs_on():
    text = 'He said: "The first part.\n"The second part."\nAfter it.'
    assert [text[s:e] for s, e in find_quotes(text)] == ['"The first part.\n"The second part."']


def test_a_split_quotation_is_one_attribution_with_its_first_fragment(nlp_en):
    text = '"We will rebuild the bridge," the mayor continued, "and we will do it this year."'
    found = attributions(nlp_en, text)
    a = only(found, cue="continued")
    assert a["content"] == "We will rebuild the bridge"
    assert a["kind"] == "direct"
    assert len([x for x in found if x["source"] == "mayor"]) == 1


def test_a_reporting_clause_closing_the_sentence_takes_what_comes_before(nlp_en):
    text = "The ferry service will resume next week, Transport Minister Ana Petrova has said."
    a = only(attributions(nlp_en, text), cue="said")
    assert a["content"] == "The ferry service will resume next week"
    assert a["source"] == "Transport Minister Ana Petrova"


def test_an_inverted_headline_names_its_source_after_the_verb(nlp_en):
    a = only(attributions(nlp_en, "Talks 'close' to a deal, says Trade Minister"), cue="says")
    assert a["source"] == "Trade Minister"
    assert a["content"] == "Talks 'close' to a deal"


def test_cognitive_and_stance_cues(nlp_en):
    found = attributions(nlp_en, "Farmers across the region are worried the drought could ruin the harvest.")
    assert only(found, content="the drought could ruin the harvest")["source"] == "Farmers across the region"
    found = attributions(nlp_en, "Many tenants have feared losing their homes to the new landlord.")
    assert only(found, cue="feared")["content"] == "losing their homes to the new landlord"
    found = attributions(nlp_en, "The committee came to the conclusion that the budget was too small.")
    a = only(found, content="the budget was too small")
    assert a["source"] == "committee" and a["cue"] == "came to the conclusion"


def test_documents_are_sources_and_things_are_not(nlp_en):
    found = attributions(nlp_en, "A poll released on Monday showed most voters oppose the new tax.")
    a = only(found, cue="showed")
    assert a["source"] == "poll"
    assert a["content"] == "most voters oppose the new tax"
    assert attributions(nlp_en, "The dog showed its teeth to the postman.") == []


def test_a_court_ruling_and_a_statement_are_reports(nlp_en):
    found = attributions(nlp_en, "The appeals court ruled in May that the contract was void.")
    assert only(found, cue="ruled")["content"] == "the contract was void"
    found = attributions(nlp_en, "The company said in a statement that the recall covered two models.")
    a = only(found, cue="said")
    assert a["content"] == "the recall covered two models"
    assert a["source"] == "company"


def test_nominal_cues_without_that_and_with_a_source_after_from(nlp_en):
    found = attributions(nlp_en, "Members reacted angrily to a suggestion their offices should move to the suburbs.")
    a = only(found, cue="suggestion")
    assert a["content"] == "their offices should move to the suburbs" and a["source"] is None
    found = attributions(nlp_en, "There is growing skepticism that the plan can be financed.")
    assert only(found, cue="skepticism")["content"] == "the plan can be financed"
    found = attributions(nlp_en, "The senator rejected an allegation from a former aide that he misused funds.")
    outer = only(found, cue="rejected")
    inner = only(found, cue="allegation")
    assert outer["content"] == "an allegation from a former aide that he misused funds"
    assert inner["source"] == "former aide" and inner["content"] == "he misused funds"
    assert inner["parent"] == outer["id"]


def test_no_claim_in_questions_denied_things_or_headline_labels(nlp_en):
    assert attributions(nlp_en, "The reporter asked the minister whether the tax would rise.") == []
    assert attributions(nlp_en, "The embassy denied her request for a visa.") == []
    assert attributions(nlp_en, "Brexit: Carmakers weigh their options\nThe plant stayed open.") == []


def test_a_name_parsed_as_a_modal_does_not_block_the_cue(nlp_en):
    text = "Prime Minister Theresa May accused her critics of playing politics with the country's future."
    a = only(attributions(nlp_en, text), cue="accused")
    assert a["content"] == "her critics of playing politics with the country's future"
    assert a["speaker"] == "Theresa May"


def test_a_participle_after_a_quotation_takes_the_quoted_source(nlp_en):
    text = ('The fire "spread faster than anyone expected," officials said, describing the damage '
            'as "severe."')
    found = attributions(nlp_en, text)
    assert only(found, cue="describing")["source"] == "officials"
    a = only(found, cue="said")
    assert a["kind"] == "mixed" and a["content"] == 'The fire "spread faster than anyone expected'


def test_content_keeps_coordinated_clauses_and_drops_the_setting(nlp_en):
    text = "A police spokesman confirmed the man was local to the town and he was found inside a shop."
    a = only(attributions(nlp_en, text), cue="confirmed")
    assert a["content"] == "the man was local to the town and he was found inside a shop"
    text = "The senator accused the governor of wasting public money in an interview with a local radio station."
    a = only(attributions(nlp_en, text), cue="accused")
    assert a["content"] == "the governor of wasting public money"


def test_an_open_quotation_is_not_continued_by_a_new_quotation_with_its_own_clause():
    text = ('She called it "a disgrace.\n'
            '"We will appeal," her lawyer said.')
    assert [text[s:e] for s, e in find_quotes(text)] == ['"a disgrace.', '"We will appeal,"']


def test_per_names_an_adjunct_source_and_a_colon_quote_joins_the_content(nlp_en):
    text = "The coach resigned on Friday, per ESPN."
    a = only(attributions(nlp_en, text), cue="per")
    assert a["kind"] == "according_to" and a["source"] == "ESPN" and a["content"] == "The coach resigned on Friday"
    assert attributions(nlp_en, "Prices rose by two per cent, per month.") == []
    text = 'The union leader said his members are worried: "Once these jobs go they never come back."'
    a = only(attributions(nlp_en, text), cue="said")
    assert a["kind"] == "mixed"
    assert a["content"] == 'his members are worried: "Once these jobs go they never come back."'


def test_naming_a_thing_reports_the_name(nlp_en):
    a = only(attributions(nlp_en, 'The mayor called the audit "a political stunt" on Monday.'), cue="called")
    assert a["content"] == 'the audit "a political stunt"' and a["kind"] == "mixed"
    a = only(attributions(nlp_en, "The mayor called on residents to stay home."), cue="called on")
    assert a["content"] == "residents to stay home"


def test_a_reporting_clause_inside_its_content_leaves_the_predicate(nlp_en):
    a = only(attributions(nlp_en, "The new bridge, officials said, would cost twice as much."), cue="said")
    assert a["source"] == "officials" and a["content"] == "would cost twice as much"


def test_an_object_the_parser_split_from_its_clause_is_the_clause_subject(nlp_en):
    text = "A survey published on Monday showed a majority of residents do not want the new road."
    a = only(attributions(nlp_en, text), cue="showed")
    assert a["content"] == "a majority of residents do not want the new road"


def test_a_verbless_phrase_after_a_reporting_clause_leaves_the_clause_before(nlp_en):
    text = ("Russia launched 127 missiles and 109 drones overnight, Ukraine's air force said, the largest attack on "
            "energy facilities since the start of the war.")
    a = only(attributions(nlp_en, text), cue="said")
    assert a["content"] == "Russia launched 127 missiles and 109 drones overnight"


@pytest.mark.parametrize("text, source, content", [
    # the parser hangs the "that" clause on the adverb ("said earlier that") or the adverb on the clause
    ("Russia's defence ministry said earlier that its troops had liberated the town.", "Russia's defence ministry",
     "its troops had liberated the town"),
    ("Milbloggers reported earlier that Russian forces had raised a flag in the village.", "Milbloggers",
     "Russian forces had raised a flag in the village"),
])
def test_an_adverb_between_the_cue_and_that_belongs_to_the_cue(nlp_en, text, source, content):
    a = only(attributions(nlp_en, text))
    assert (a["source"], a["content"]) == (source, content)


def test_a_source_the_parser_hung_on_the_clause_before_as_an_apposition_closes_the_sentence(nlp_en):
    text = ("Ukrainian drones struck an oil depot in Russia's Bryansk region overnight, causing a large fire, a source "
            "in Ukraine's SBU security service told Reuters on Wednesday.")
    a = only(attributions(nlp_en, text))
    assert a["source"] == "source in Ukraine's SBU security service" and a["content"].startswith("Ukrainian drones")


@pytest.mark.parametrize("text", [
    "In turn, Vladimir Putin told Naftali Bennett about his assessments of the negotiations.",
    "At the request of the President of Turkey, Vladimir Putin informed him about the talks.",
])
def test_an_opening_phrase_is_no_content_of_the_clause_after_it(nlp_en, text):
    found = attributions(nlp_en, text)
    assert not any(a["content"] in ("In turn", "At the request of the President of Turkey") for a in found), found


def test_reports_denied_are_one_denial_of_their_content(nlp_en):
    text = "Kremlin spokesman Dmitry Peskov denied reports that Vladimir Putin had spoken by phone with Donald Trump."
    found = [a for a in attributions(nlp_en, text) if a["speaker"] == "Dmitry Peskov"]
    assert [(a["cue"], a["content"]) for a in found] == [
        ("denied reports", "Vladimir Putin had spoken by phone with Donald Trump")], found
