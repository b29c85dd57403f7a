"""Attribution rules on small texts of our own, one form each."""
from __future__ import annotations

import pytest

from claimledger.extract.attribution.attribution import find_attributions, find_quotes
from claimledger.extract.attribution.hedges import find_hedges

pytestmark = pytest.mark.model


def attributions(nlp, text):
    doc = nlp(text)
    return [
        {
            "source": text[a.source[0]:a.source[1]] if a.source else None,
            "cue": text[a.cue[0]:a.cue[1]] if a.cue else None,
            "content": text[a.content[0]:a.content[1]],
            "kind": a.kind, "speaker": a.speaker, "role": a.speaker_role,
            "parent": a.parent, "id": a.id, "hedges": a.hedges,
        }
        for a in find_attributions(doc)
    ]


def only(found, **where):
    hits = [a for a in found if all(a[k] == v for k, v in where.items())]
    assert len(hits) == 1, (where, found)
    return hits[0]


def test_indirect_speech_with_that(nlp_en):
    found = attributions(nlp_en, "The mayor of Odesa said that the port had been hit twice overnight.")
    a = only(found, cue="said")
    assert a["content"] == "the port had been hit twice overnight"
    assert a["source"] == "mayor of Odesa"
    assert a["kind"] == "indirect"


def test_agreeing_that_reports_and_agreeing_to_does_not(nlp_en):
    found = attributions(nlp_en, "The participants of the meeting agreed that the offensive should continue.")
    assert [(a["source"], a["content"]) for a in found] == [("participants of the meeting",
                                                             "the offensive should continue")]
    assert attributions(nlp_en, "Putin and Macron agreed to continue contacts.") == []


def test_source_after_direct_quote(nlp_en):
    text = "“We will not give up a single village,” the commander said on Tuesday."
    a = only(attributions(nlp_en, text), cue="said")
    assert a["content"] == "We will not give up a single village"
    assert a["kind"] == "direct"


def test_quote_over_several_sentences_is_taken_whole(nlp_en):
    text = 'Oleksandr Marchenko said: "The shelling went on all night. Two houses burned down."'
    a = only(attributions(nlp_en, text), cue="said")
    # the guide drops only a full stop that ends a quote before its reporting clause
    assert a["content"] == "The shelling went on all night. Two houses burned down."
    assert a["kind"] == "direct"
    assert a["speaker"] == "Oleksandr Marchenko"


def test_according_to_takes_the_host_clause(nlp_en):
    text = "According to the regional governor, the evacuation of the town was completed on Monday."
    a = only(attributions(nlp_en, text), cue="According to")
    assert a["kind"] == "according_to"
    assert a["source"] == "regional governor"
    assert a["content"].startswith("the evacuation of the town was completed")


def test_nesting_and_outlet_chain(nlp_en):
    text = "Reuters reported that local officials confirmed that the bridge was destroyed."
    found = attributions(nlp_en, text)
    outer = only(found, cue="reported")
    inner = only(found, cue="confirmed")
    assert inner["parent"] == outer["id"]
    assert inner["content"] == "the bridge was destroyed"


def test_pronoun_resolves_to_the_named_person(nlp_en):
    text = ("Defence Minister Andrii Koval visited the front on Friday. "
            "He stressed that the line was holding.")
    a = only(attributions(nlp_en, text), cue="stressed")
    assert a["source"] == "He"
    assert a["speaker"] == "Andrii Koval"
    assert a["role"] == "Defence Minister"


def test_they_resolves_to_the_group_named_before(nlp_en):
    text = ("The original plan of the Russian troops failed in the first days. "
            "They thought that the city would surrender. We asked that the sky be closed.")
    found = attributions(nlp_en, text)
    assert only(found, cue="thought")["speaker"] == "Russian troops"
    assert only(found, cue="asked")["speaker"] == "We"  # "we" is not the third-person group


def test_questions_and_the_addressee_report_nothing(nlp_en):
    text = ("Do you believe that the war will end soon? The sooner you tell your government "
            "that the war must stop, the better. Did the minister say that the line held?")
    assert attributions(nlp_en, text) == []
    kept = attributions(nlp_en, "Mr Koval, you said that the bridge was destroyed.")
    assert [(a["cue"], a["speaker"]) for a in kept] == [("said", "Koval")]  # "you" is the one addressed


def test_information_as_source_is_no_speaker(nlp_en):
    found = attributions(nlp_en, "According to preliminary information, the bridge was destroyed overnight.")
    assert [a["speaker"] for a in found] == ["unspecified (preliminary information)"]


def test_description_resolves_to_the_leader(nlp_en):
    text = ("President Maria Ostrova met the troops in the north. "
            "The leader emphasised that no territory would be ceded.")
    a = only(attributions(nlp_en, text), cue="emphasised")
    assert a["speaker"] == "Maria Ostrova"


def test_negated_and_future_speech_acts_are_not_attributions(nlp_en):
    text = "The ministry did not confirm that the village was taken. The minister will say that talks failed."
    assert attributions(nlp_en, text) == []


def test_first_person_performative_is_not_an_attribution(nlp_en):
    assert attributions(nlp_en, "I think that the talks will resume in spring.") == []


def test_agentless_passive(nlp_en):
    a = only(attributions(nlp_en, "It was noted that the ceasefire had largely held."), cue="noted")
    assert a["source"] is None
    assert a["speaker"] == "unspecified (agentless passive)"
    assert a["content"] == "the ceasefire had largely held"


def test_light_verb_cue(nlp_en):
    text = "The envoy expressed concern over the growing number of drone strikes on power plants."
    a = only(attributions(nlp_en, text), cue="expressed concern")
    assert a["content"] == "the growing number of drone strikes on power plants"


def test_participle_inherits_the_subject(nlp_en):
    text = "The governor visited the hospital, noting that four patients were in serious condition."
    a = only(attributions(nlp_en, text), cue="noting")
    assert a["source"] == "governor"
    assert a["content"] == "four patients were in serious condition"


def test_hedges_attach_to_their_claim(nlp_en):
    text = ("The ministry said that its forces had repelled an alleged assault near the river, "
            "a claim that could not be verified.")
    a = only(attributions(nlp_en, text), cue="said")
    assert "alleged" in a["hedges"]
    assert "a claim that" in a["hedges"]


def test_mixed_quote(nlp_en):
    text = 'The spokesman said the strike was a "deliberate act of terror" against civilians.'
    a = only(attributions(nlp_en, text), cue="said")
    assert a["kind"] == "mixed"


def test_find_quotes_handles_curly_guillemets_and_unclosed():
    text = "He said “yes”. «Да» — ответил он. \"Open quote runs on\nNext paragraph."
    spans = [text[s:e] for s, e in find_quotes(text)]
    assert spans == ["“yes”", "«Да»", "\"Open quote runs on"]


def test_find_hedges_reads_content_and_trailing_claim():
    text = "Officials said the so-called buffer zone was needed, a claim that critics reject."
    start = text.index("the so-called")
    end = text.index(", a claim")
    assert find_hedges(text, (start, end)) == ["so-called", "a claim that"]


def test_office_description_resolves_through_the_registry(nlp_en):
    text = "The Russian leader stressed that the operation was going to plan."
    a = only(attributions(nlp_en, text), cue="stressed")
    assert a["speaker"] == "Vladimir Putin"
    assert a["role"] == "President of Russia"


def test_office_holder_depends_on_the_publication_date(nlp_en):
    text = "The German Chancellor said that more air defence systems would be delivered."
    doc = nlp_en(text)
    assert find_attributions(doc, "2021-06-01")[0].speaker == "Angela Merkel"
    assert find_attributions(doc, "2023-06-01")[0].speaker == "Olaf Scholz"


def test_spelling_variant_maps_to_the_official_name(nlp_en):
    a = only(attributions(nlp_en, "Zelensky said that the counteroffensive had begun."), cue="said")
    assert a["speaker"] == "Volodymyr Zelenskyy"


def test_plural_leaders_join_the_participants(nlp_en):
    text = ("Vladimir Putin had a telephone conversation with President of France Emmanuel Macron. "
            "The leaders noted that the humanitarian situation remained difficult.")
    a = only(attributions(nlp_en, text), cue="noted")
    assert a["speaker"] == "Vladimir Putin; Emmanuel Macron"


def test_stance_phrases(nlp_en):
    found = attributions(nlp_en, "Hope was expressed that the talks would resume soon. "
                                 "The minister was critical of the decision to close the crossing.")
    hope = only(found, cue="Hope was expressed")
    assert hope["speaker"] == "unspecified (agentless passive)"
    assert hope["content"] == "the talks would resume soon"
    critical = only(found, cue="was critical")
    assert critical["content"] == "the decision to close the crossing"


def test_transcript_turn_is_a_direct_attribution_with_nested_reports(nlp_en):
    text = ("Defence Minister Ivan Petrenko: Good morning. The unit reported that the bridge was intact. "
            "We continue the work.")
    found = attributions(nlp_en, text)
    turn = only(found, kind="direct", cue=None)
    assert turn["source"] == "Defence Minister Ivan Petrenko"
    assert turn["content"].startswith("Good morning.") and turn["content"].endswith("We continue the work.")
    inner = only(found, cue="reported")
    assert inner["parent"] == turn["id"]


def test_according_to_plan_is_not_a_source(nlp_en):
    assert attributions(nlp_en, "The offensive is proceeding according to plan.") == []


def test_sample_chain_and_hedges(nlp_en, sample_text):
    found = attributions(nlp_en, sample_text)
    tass = only(found, source="TASS")
    officials = only(found, cue="confirmed")
    assert officials["parent"] == tass["id"] and tass["kind"] == "according_to"
    assert only(found, cue="emphasized")["speaker"] == "Vladimir Putin"
    assert only(found, cue="as described by")["hedges"] == ("a claim that",)
    assert set(only(found, cue="highlighted")["hedges"]) == {"perceived", "alleged"}
    described = only(found, cue="describes as")
    assert described["parent"] is None and described["speaker"] == "Russian government"


def test_in_the_words_of_is_an_adjunct_source(nlp_en):
    text = "In the words of Defence Minister Rustem Umerov, the front line is stable."
    a = only(attributions(nlp_en, text), cue="In the words of")
    assert a["kind"] == "according_to"
    assert a["speaker"] == "Rustem Umerov"
    assert a["content"] == "the front line is stable"


def evidentiality(nlp, text):
    return {text[a.cue[0]:a.cue[1]]: a.evidentiality for a in find_attributions(nlp(text)) if a.cue}


def test_evidentiality_follows_the_cue_and_distancing_hedges(nlp_en):
    assert evidentiality(nlp_en, "The governor said that two schools were damaged.") == {"said": "reported"}
    assert evidentiality(nlp_en, "The ministry claimed that ten drones were shot down.") == {"claimed": "claimed"}
    assert evidentiality(nlp_en, "The spokesman denied that the power plant was hit.") == {"denied": "denied"}
    hedged = evidentiality(nlp_en, "The army said it had repelled the alleged offensive near the river.")
    assert hedged == {"said": "alleged"}


def test_rejected_claims_are_the_denier_s_attribution(nlp_en):
    text = "Kyiv rejected claims that its troops had withdrawn from the village."
    a = only(attributions(nlp_en, text), cue="rejected claims")
    assert a["speaker"] == "Kyiv"
    assert a["content"] == "its troops had withdrawn from the village"
    assert evidentiality(nlp_en, text) == {"rejected claims": "denied"}


def test_evidential_adverb_is_an_implicit_attribution(nlp_en):
    text = "Officials warned against the allegedly imminent invasion of the north."
    a = only(attributions(nlp_en, text), cue="allegedly")
    assert a["source"] is None and a["speaker"] == "unspecified"
    assert a["content"] == "imminent invasion of the north"
    assert a["hedges"] == ("allegedly",)


def test_evidential_adverb_before_a_participle_takes_the_noun_phrase(nlp_en):
    text = "The envoy spoke of an allegedly staged Western 'provocation' near the border."
    a = only(attributions(nlp_en, text), cue="allegedly")
    assert a["content"] == "staged Western 'provocation' near the border"


def test_first_person_in_a_quote_is_the_quoted_speaker(nlp_en):
    found = attributions(nlp_en, 'Vladimir Putin: Our position is clear. We have repeatedly said '
                                 'that NATO expansion is a threat to us.')
    nested = only(found, content="NATO expansion is a threat to us")
    assert nested["source"] == "We" and nested["speaker"] == "Vladimir Putin" and nested["parent"]


def test_first_person_of_an_address_is_its_author(nlp_en):
    from claimledger.extract.attribution.voice import document_voice

    voice = document_voice("We will win - address by the President of Ukraine", "2022-03-10")
    assert voice == "Volodymyr Zelenskyy"
    doc = nlp_en("We told everyone that the strike on Kharkiv was a war crime.")
    assert [a.speaker for a in find_attributions(doc, "2022-03-10", voice)] == ["Volodymyr Zelenskyy"]
    assert [a.speaker for a in find_attributions(doc, "2022-03-10")] == ["We"]
    assert document_voice("Zelensky visits Kharkiv", "2022-05-01") is None  # no authorship word


@pytest.mark.parametrize("text", [
    "That said, Russia has always been open to dialogue with its partners on every issue.",
    "It is impossible to say how many lives were lost in the shelling of the city.",
])
def test_discourse_formulas_are_no_attributions(nlp_en, text):
    assert attributions(nlp_en, text) == []


def test_he_after_a_titled_official_is_that_official(nlp_en):
    found = attributions(nlp_en, "The Head of the FBS also reported on supervision of collectors. "
                                 "He said there are several players in the market of bad debt.")
    assert only(found, source="He")["speaker"] == "Head of the FBS"


def test_you_in_an_answer_is_the_questioner(nlp_en):
    found = attributions(nlp_en, "Mr Putin, how grave is the crisis?\nVladimir Putin: You said that "
                                 "a Georgian national was killed in Berlin. We responded to this.")
    assert only(found, source="You")["speaker"] == "unspecified (addressee)"


def test_leaders_of_a_named_party_are_not_the_call_participants(nlp_en):
    text = ("Vladimir Putin held a telephone conversation with Emmanuel Macron. The leaders of the two breakaway "
            "republics requested the recognition of their sovereignty.")
    a = only(attributions(nlp_en, text), cue="requested")
    assert a["speaker"] == "leaders of the two breakaway republics"


def test_a_reporting_tail_parsed_as_a_conjunct_reports_the_clause_before(nlp_en):
    text = ("Ukrainian forces withdrew from two villages west of Avdiivka, army spokesman Dmytro Lykhovii "
            "told The Associated Press.")
    a = only(attributions(nlp_en, text), cue="told")
    assert a["content"] == "Ukrainian forces withdrew from two villages west of Avdiivka"
    assert a["speaker"] == "Dmytro Lykhovii"
    # a coordinated clause with its own report is no tail
    assert not attributions(nlp_en, "Russian troops shelled the town overnight, and officials told residents "
                                    "to stay inside.")[0]["content"].startswith("Russian troops")


def test_a_dateline_parsed_as_a_second_subject_is_no_source(nlp_en):
    found = attributions(nlp_en, "KYIV, Feb 17 (Reuters) - Russia said on Saturday its forces had taken full control "
                                 "of the Ukrainian town of Avdiivka.")
    assert only(found, cue="said")["source"] == "Russia"
