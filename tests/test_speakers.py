"""Speaker resolution (extract/attribution/speakers.py) on small English texts of our own: collective sources,
places the tagger took for persons, pronoun chains. Real spaCy pipeline, no mocks."""
from __future__ import annotations

import pytest

from claimledger.extract.attribution.attribution import find_attributions

pytestmark = pytest.mark.model


def speakers(nlp, text: str, published: str | None = "2022-06-01") -> list[tuple[str | None, str]]:
    """(source as written, speaker) of each attribution, in order."""
    return [(text[a.source[0]:a.source[1]] if a.source else None, a.speaker)
            for a in find_attributions(nlp(text), published)]


def test_both_sides_are_the_two_people_named_in_the_paragraph(nlp_en):
    # neither name carries an office, so the leaders of the call are the two persons of its paragraph
    text = "Vladimir Putin had a telephone conversation with Mario Draghi. Both sides noted the importance of the grain deal."
    assert ("Both sides", "Vladimir Putin; Mario Draghi") in speakers(nlp_en, text)


@pytest.mark.parametrize("text, written", [
    ("Vladimir Putin had a telephone conversation.\n\nBoth sides noted the importance of the grain deal.", "Both sides"),
    ("Officials met in Geneva. The parties said the talks would continue.", "The parties"),
])
def test_unresolved_sides_stay_a_described_source_not_a_bare_noun(nlp_en, text, written):
    found = speakers(nlp_en, text)
    assert found and all(speaker == written for _, speaker in found), found


@pytest.mark.parametrize("text", [
    "Kherson came under attack. He said the city would recover.",
    "Oleg Sinegubov arrived in the morning. Kherson came under attack at noon. He said the city would recover.",
])
def test_a_town_tagged_as_a_person_is_no_antecedent(nlp_en, text):
    # spaCy tags "Kherson" PERSON here: "He" is the person named before it, or stays "He"
    assert any(e.label_ == "PERSON" and e.text == "Kherson" for e in nlp_en(text).ents)
    expected = "Oleg Sinegubov" if "Sinegubov" in text else "He"
    assert [speaker for _, speaker in speakers(nlp_en, text)] == [expected]


def test_a_surname_that_is_also_a_town_elsewhere_stays_a_person(nlp_en):
    text = "Senator John Kennedy spoke to reporters. Kennedy said the vote would be close."
    assert ("Kennedy", "John Kennedy") in speakers(nlp_en, text)


def test_a_pronoun_left_unresolved_is_no_antecedent_for_a_later_one(nlp_en):
    text = "He said the bridge was damaged. Governor Oleg Sinegubov arrived later. He said the repairs would start."
    assert speakers(nlp_en, text) == [("He", "He"), ("He", "Oleg Sinegubov")]


@pytest.mark.parametrize("text, speaker", [
    # "he" with no speaker before it is the subject named just before, not the last name
    ("Vladimir Putin held talks with Emmanuel Macron. He pointed out that the operation was going to plan.",
     "Vladimir Putin"),
    ("Emmanuel Macron called Vladimir Putin. He said that talks were needed.", "Emmanuel Macron"),
])
def test_a_pronoun_with_no_speaker_before_it_is_the_subject_before_it(nlp_en, text, speaker):
    assert [s for _, s in speakers(nlp_en, text)] == [speaker]


def test_a_gerund_after_made_a_point_of_reports_for_the_subject(nlp_en):
    text = "The President of Russia made a point of noting that the Russian Armed Forces do not threaten civilians."
    assert speakers(nlp_en, text, "2022-02-28") == [("President of Russia", "Vladimir Putin")]


@pytest.mark.parametrize("text, expected", [
    # "the ministry", "the General Staff" name again the institution that spoke before
    ("Russia's defence ministry said its forces had taken Vuhledar. The ministry also said its troops had captured "
     "two villages.", ["Russia's defence ministry", "Russia's defence ministry"]),
    ("Ukraine's General Staff said 120 clashes took place. The General Staff also said Russia lost 1,200 troops.",
     ["Ukraine's General Staff", "Ukraine's General Staff"]),
    # with no such institution before it, the noun stays as written
    ("The ministry said the strike killed two.", ["ministry"]),
])
def test_a_definite_institution_noun_is_the_institution_named_before(nlp_en, text, expected):
    assert [speaker for _, speaker in speakers(nlp_en, text)] == expected


def test_a_nationality_read_as_a_person_is_no_speaker(nlp_en):
    from claimledger.extract.attribution.attribution import find_attributions

    doc = nlp_en("Asked whether Bakhmut was still in Ukrainian hands, Zelenskyy said no. Ukrainian Deputy Defense "
                 "Minister Hanna Maliar said fighting continued on the outskirts of the city.")
    assert [a.speaker for a in find_attributions(doc) if "fighting" in doc.text[a.content[0]:a.content[1]]] \
        == ["Hanna Maliar"]


def test_a_surname_the_tagger_reads_as_a_noun_is_the_person_named_before(nlp_en):
    from claimledger.extract.attribution.attribution import find_attributions

    doc = nlp_en("Ukrainian President Volodymyr Zelenskyy denied the report. Zelenskyy said the city had not fallen.")
    assert [a.speaker for a in find_attributions(doc)] == ["Volodymyr Zelenskyy", "Volodymyr Zelenskyy"]
