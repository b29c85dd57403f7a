"""English copy's Russian spellings of Ukrainian front villages (issue 12): a Latin name with no gazetteer entry is
read back into Russian letters by the press romanisation ("Rabotino" -> работино, "Belaya Gora" -> белая гора) and
matched as Russian copy is (Роботине, Біла Гора); a name with no Russian toponym's ending is not ("Khatyn" is the
Belarusian village, no Ukrainian Khotyn); a capitalised preposition opening a sentence is no place ("Near ..." is no
Niger). The names are general knowledge of the front; the sentences are probes written for these tests."""
from __future__ import annotations

import pytest

from claimledger.extract.places.gazetteer import load_gazetteer
from claimledger.extract.places.russian_romanised import russian_form, russian_romanised_settlements
from test_reports_context import events


@pytest.mark.parametrize("latin, russian", [
    ("Rabotino", "работино"), ("Belaya Gora", "белая гора"), ("Novomikhailovka", "новомихайловка"),
    ("Staromayorskoye", "старомайорское"), ("Maryinka", "марьинка"), ("Artyomovsk", "артемовск"),
    ("Avdeyevka", "авдеевка"), ("Khatyn", None), ("Geneva", None), ("Kabul", None),
])
def test_a_press_romanised_name_reads_back_into_russian_letters(latin, russian):
    assert russian_form(latin) == russian


@pytest.mark.parametrize("latin, names", [
    ("Rabotino", {"Robotyne"}), ("Verkhnekamenka", {"Verkhnokamianka"}), ("Staraya Mayachka", {"Stara Maiachka"}),
    ("Khatyn", set()), ("Hiroshima", set()),
])
def test_a_russian_spelling_in_latin_letters_finds_the_ukrainian_settlement(latin, names):
    assert {e.name for e in russian_romanised_settlements(load_gazetteer(), latin)} == names


@pytest.mark.model
def test_english_copy_places_an_event_at_the_village_its_russian_spelling_names():
    found = events("Near Rabotino and Verbovoye, the enemy tried to break through the defences of Russian troops.",
                   "en")
    assert [(kind, places) for kind, _, places, _ in found] == [("clash", {"Robotyne", "Verbove"})], found
