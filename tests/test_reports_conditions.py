"""Conditions in war reports (issue 12): a condition set for an act after it names the place of the condition's own
act, not of the act it is set for ("готова начать переговоры, как только Украина выведет войска из ДНР, ЛНР ...":
the talks are placed nowhere, the withdrawal in the four regions; "ready to start talks if Ukraine withdrew ...");
a condition opening the sentence sets the scene and keeps sharing its places; "как только" with a past verb tells
when a done act happened ("Как только войска вошли в Купянск, начались обстрелы": the entry is factual, the shelling
there); an act inside a condition opened before it, past a comma, is hypothetical ("при условии, что ВСУ уйдут"),
and one in a condition that "и" goes on with ("выведет войска из Донецкой, ..., Херсонской областей и откажется от
..."); in English "as soon as" and "once" set a condition before a verb that is not past ("as soon as Ukraine
withdraws"), and tell a time before a past one ("Once Russian troops entered Bucha"). A trigger of the frame that
reports ("..., заявил Путин на встрече с руководством МИД") takes no place of what is reported.

The sentences are probes written for these tests in the styles of the hidden reports (Kremlin and ministry readouts,
wire copy; no gold or corpus text); each says what the record should hold by the annotation guide (shared
data/dev/README.md) and runs the pipeline.
"""
from __future__ import annotations

import pytest

from test_reports_acts import record
from test_reports_context import events

pytestmark = pytest.mark.model

def _places(text: str, language: str, trigger: str) -> set[str]:
    """The place names of the event with ``trigger`` in a probe report."""
    return next(names for _, found, names, _ in events(text, language) if found.startswith(trigger))


def _modality(text: str, language: str, trigger: str) -> str:
    """The modality of the event whose trigger starts with ``trigger``."""
    rec = record(text, language, "2024-06-03")
    return next(e["modality"] for e in rec["events"]
                if text[e["trigger"][0]:e["trigger"][1]].startswith(trigger))


@pytest.mark.parametrize("text, language, talks", [
    ("Путин заявил, что Россия готова немедленно начать переговоры, как только Украина выведет войска из ДНР, ЛНР, "
     "Запорожской и Херсонской областей.", "ru", "переговоры"),
    ("Песков заявил, что Москва готова к переговорам при условии, что ВСУ уйдут из Херсонской и Запорожской "
     "областей.", "ru", "переговорам"),
    ("Зеленський заявив, що Україна готова до переговорів, якщо Росія виведе війська з Донецької та Луганської "
     "областей.", "uk", "переговорів"),
    ("Putin said Russia was ready to start talks immediately if Ukraine withdrew its troops from the DPR, LPR, "
     "Zaporizhzhia and Kherson regions.", "en", "talks"),
])
def test_a_condition_set_for_an_act_keeps_its_places(text, language, talks):
    assert _places(text, language, talks) == set()


def test_the_condition_keeps_its_own_places():
    text = ("Путин заявил, что Россия готова немедленно начать переговоры, как только Украина выведет войска из ДНР, "
            "ЛНР, Запорожской и Херсонской областей.")
    names = _places(text, "ru", "выведет")
    assert len(names) == 4
    assert _modality(text, "ru", "выведет") == "hypothetical"


def test_a_condition_opening_the_sentence_sets_the_scene():
    text = "If Ukraine does not pull its troops out of Pokrovsk, they will be encircled."
    assert _places(text, "en", "encircled") == {"Pokrovsk"}


def test_as_soon_as_with_a_past_verb_tells_a_time():
    text = "Как только российские войска вошли в Купянск, начались обстрелы."
    assert _modality(text, "ru", "вошли") == "factual"
    assert _places(text, "ru", "обстрелы") == {"Kupiansk"}


def test_an_act_in_a_condition_opened_before_a_comma_is_hypothetical():
    text = "Песков заявил, что Москва готова к переговорам при условии, что ВСУ уйдут из Херсонской области."
    assert _modality(text, "ru", "уйдут") == "hypothetical"


@pytest.mark.parametrize("text, language, meeting", [
    ("Россия немедленно прекратит огонь и начнет переговоры, как только Украина выведет войска из Донецкой, "
     "Луганской, Запорожской и Херсонской областей и откажется от планов вступления в НАТО, заявил Владимир Путин на "
     "встрече с руководством МИД.", "ru", "встрече"),
    ("Russia will immediately cease fire and start talks as soon as Ukraine withdraws its troops from the Donetsk, "
     "Luhansk, Zaporizhzhia and Kherson regions, Putin said at a meeting with the Foreign Ministry leadership.", "en",
     "meeting"),
])
def test_the_reporting_frame_takes_no_place_of_what_it_reports(text, language, meeting):
    talks = "переговоры" if language == "ru" else "talks"
    assert _places(text, language, meeting) == set()
    assert _places(text, language, talks) == set()
    withdrawal = "выведет" if language == "ru" else "withdraws"
    assert len(_places(text, language, withdrawal)) == 4
    assert _modality(text, language, withdrawal) == "hypothetical"


@pytest.mark.parametrize("text, trigger, modality", [
    ("Russia will start talks once Kyiv pulls its troops out of Donetsk.", "pulls", "hypothetical"),
    ("Once Russian troops entered Bucha, they started shelling the town.", "entered", "factual"),
])
def test_once_sets_a_condition_only_before_a_verb_not_past(text, trigger, modality):
    assert _modality(text, "en", trigger) == modality

