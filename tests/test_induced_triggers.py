"""The induced Ukrainian trigger lexicon (scripts/induce_triggers_uk.py, issue 12) is read beside the hand one.

The sentences and the induced rows are invented for these tests. The trigger finder runs on the real
morphology; only the name of the induced file is pointed at a file the test writes.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimledger.extract.events import events_ru_uk
from claimledger.extract.language.cyrillic import parse_cyrillic
from claimledger.models import EVENT_TYPES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import induce_triggers_uk  # noqa: E402

SENTENCE = "Вчора активісти пікетували посольство у столиці."


def _clear_caches() -> None:
    events_ru_uk.load_event_lexicon_ru_uk.cache_clear()
    events_ru_uk._row_index.cache_clear()


@pytest.fixture
def induced_file(tmp_path, monkeypatch):
    """Point the induced lexicon at a file of the test's own rows; restore the shipped one after."""
    def use(rows: str) -> None:
        path = tmp_path / "events_uk_induced.tsv"
        path.write_text("# invented rows\n" + rows, encoding="utf-8")
        monkeypatch.setattr(events_ru_uk, "INDUCED_LEXICON_FILE", str(path))
        _clear_caches()
    yield use
    monkeypatch.undo()
    _clear_caches()


def _types(text: str, language: str = "uk") -> list[str]:
    return [kind for kind, _, _ in events_ru_uk.find_triggers_ru_uk(parse_cyrillic(text, language))]


def test_a_word_only_in_the_induced_file_gives_an_event_of_its_type(induced_file):
    induced_file("")
    assert _types(SENTENCE) == []
    induced_file("clash\tпікетувати\tuk\n")
    assert _types(SENTENCE) == ["clash"]


def test_an_induced_ukrainian_row_does_not_fire_in_russian(induced_file):
    induced_file("clash\tпикетировать\tuk\n")
    assert _types("Вчера активисты пикетировали посольство в столице.", "ru") == []


def test_induced_rows_keep_the_flags_of_the_hand_lexicon(induced_file):
    induced_file("clash\tпікетування\tuk\tnoun\n")
    assert _types("Пікетування посольства тривало весь день.") == ["clash"]
    assert _types("Вони пікетували посольство.") == []  # the verb is not the noun


def test_a_bad_induced_row_is_an_error(induced_file):
    induced_file("fighting\tпікетувати\tuk\n")
    with pytest.raises(Exception, match="events_uk_induced.tsv:2"):
        events_ru_uk.load_event_lexicon_ru_uk()


def test_the_shipped_induced_lexicon_parses_and_names_known_types():
    _clear_caches()
    rows = events_ru_uk.load_event_lexicon_ru_uk()
    assert rows and all(r.type in EVENT_TYPES for r in rows)


def test_monotone_alignment_keeps_order_and_threshold():
    import numpy as np

    similarity = np.array([[0.95, 0.10, 0.20],
                           [0.10, 0.30, 0.97],
                           [0.20, 0.96, 0.10]])
    # (1, 2) and (2, 1) cross: only one of them can stay, the larger gain with (0, 0)
    assert induce_triggers_uk.monotone_alignment(similarity, 0.9) == [(0, 0), (1, 2)]
    assert induce_triggers_uk.monotone_alignment(similarity, 0.99) == []


def test_association_keeps_a_lemma_that_follows_a_type_and_drops_a_common_one():
    aligned = [(frozenset({"пікетування", "день"}), frozenset(), frozenset({"clash"}))] * 4 \
        + [(frozenset({"день", "люди"}), frozenset(), frozenset())] * 40
    rows = induce_triggers_uk.associations(aligned, 0.5)
    assert [(r[0], r[1]) for r in rows] == [("clash", "пікетування")]
