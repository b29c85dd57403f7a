"""Search hits shown as the index matched them: whole words or word prefixes, in their sentence."""
from __future__ import annotations

from claimledger.serve.highlight import hit_snippet, highlight_words, snippet_segments
from claimledger.store.search import FTS_PREFIX_MIN_CHARS, hit_pattern

TEXT = ("Officials met on Monday. Shelling of Vovchansk and nearby villages continued through "
        "the night, the governor said. Nothing else was reported.")


def test_the_hit_pattern_matches_like_the_index():
    pattern = hit_pattern("Харьков war")
    found = [m.group(0) for m in pattern.finditer("В Харьковской области; the war, warning")]
    assert found == ["Харьковской", "war"]  # a long word as a prefix, a short one whole only
    assert len("war") < FTS_PREFIX_MIN_CHARS <= len("Харьков")
    assert hit_pattern("  ,;  ") is None and hit_pattern(None) is None
    assert hit_pattern("a.b*(c") is not None  # query syntax is taken as words


def test_a_hit_is_shown_in_its_whole_sentence():
    snippet = hit_snippet(TEXT, hit_pattern("vovchansk"))
    assert snippet["text"] == ("Shelling of Vovchansk and nearby villages continued through the "
                               "night, the governor said.")
    (start, end), = snippet["hits"]
    assert snippet["text"][start:end] == "Vovchansk"
    assert hit_snippet(TEXT, hit_pattern("Kupiansk")) is None


def test_a_long_sentence_is_cut_around_the_hit_at_word_boundaries():
    words = " ".join(f"word{i}" for i in range(200))
    text = f"{words} Vovchansk {words}."
    snippet = hit_snippet(text, hit_pattern("Vovchansk"), max_chars=120)
    shown = snippet["text"]
    assert shown.startswith("…") and shown.endswith("…") and len(shown) <= 122
    assert all(piece in text for piece in shown.strip("…").split())  # no word cut in two
    (start, end), = snippet["hits"]
    assert shown[start:end] == "Vovchansk"


def test_hits_are_marked_in_claim_text_and_snippets():
    pattern = hit_pattern("shelling vovchansk")
    kinds = {seg.text: seg.kinds for seg in highlight_words(TEXT, [], "hedge", pattern)}
    assert "hit" in kinds["Shelling"] and kinds["Vovchansk"] == ["hit"]
    segments = snippet_segments(hit_snippet(TEXT, pattern))
    assert [s.text for s in segments if "hit" in s.kinds] == ["Shelling", "Vovchansk"]
