"""Shared fixtures: paths to the bundled data and the loaded NLP pipelines."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TEST_DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return EXAMPLES / "kharkiv_buffer_zone.txt"


@pytest.fixture(scope="session")
def sample_text(sample_path: Path) -> str:
    return sample_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp_en():
    from claimledger.extract.nlp import load_english

    return load_english()
