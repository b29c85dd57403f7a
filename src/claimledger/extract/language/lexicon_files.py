"""The rows of a packaged lexicon table (data/lexicons/*.tsv): tab-separated, "#" lines are comments, the first
other line is the header."""
from __future__ import annotations

from importlib import resources


def lexicon_rows(name: str) -> list[list[str]]:
    """The fields of each row of the packaged lexicon file ``name``, past its comments and header."""
    text = resources.files("claimledger").joinpath("data", "lexicons", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def lexicon_words(name: str, language: str) -> frozenset[str]:
    """The words (first column) of the packaged lexicon file ``name`` whose language (second column) is ``language``."""
    return frozenset(row[0] for row in lexicon_rows(name) if row[1] == language)
